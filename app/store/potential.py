"""Potential value in the cache: the fit over every customer's summary, kept in meta
`potential_fit`, and each customer's predictions written into the summary table.

The model itself is pure computation (app/domain/potential.py); this hands it the arrays and
writes back what it predicts, so a lookup reads the figures like any other summary."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

import numpy as np
from pydantic import ValidationError
from sqlite_utils import Database

from app.domain.value_fit import Customers, Refit, ValueFit, customers, predictions
from app.domain.value_fit import refit as fit_anew
from app.store.database import get_meta, set_meta, writing
from app.store.summaries import first_day_end

FIT_KEY = "potential_fit"
APPLIED_KEY = "potential_fit_applied"  # the fit every prediction here was made with
PAGE = 50_000  # customers read (and predictions written) at a time

_BOUGHT = "purchase_count > 0 AND first_purchase_at IS NOT NULL"  # a customer with a purchase
_PAGE_SQL = f"""
SELECT customer_id, purchase_days, first_purchase_at, last_purchase_at, gross_value,
    first_day_spend
FROM summary WHERE customer_id > ? AND {_BOUGHT} {{only}} ORDER BY customer_id LIMIT ?
"""
_UNPREDICTED = "AND predicted_spend_12m IS NULL"


def saved_fit(db: Database) -> ValueFit | None:
    """The fit in use here (None: none yet, or one this version cannot read)."""
    return read_fit(get_meta(db, FIT_KEY))


def read_fit(text: str | None) -> ValueFit | None:
    if text is None:
        return None
    try:
        return ValueFit.model_validate_json(text)
    except ValidationError:
        return None


def _pages(db: Database, only: str = "") -> Iterator[list[tuple[Any, ...]]]:
    """Every customer with a purchase, a page at a time in key order (a page's rows are
    Python objects only while it is used)."""
    query, after = _PAGE_SQL.format(only=only), ""
    while rows := db.conn.execute(query, [after, PAGE]).fetchall():
        yield rows
        after = rows[-1][0]


def _customers(rows: list[tuple[Any, ...]], end: int) -> Customers:
    """Rows of (id, purchase days, first, last, gross, first day's spend, …)."""
    columns = list(zip(*rows, strict=False))[1:6] if rows else [()] * 5
    days, firsts, lasts, gross, first_day = columns
    return customers(days, firsts, lasts, gross, first_day, end)


def _everyone(db: Database, end: int) -> Customers:
    """Every customer's figures, worked out a page at a time into arrays made once: the
    rows as Python objects never all exist at once (a million would be some 200 MB)."""
    size = db.execute(f"SELECT count(*) FROM summary WHERE {_BOUGHT}").fetchone()[0]
    whole = Customers(*(np.empty(size) for _ in Customers._fields))
    at = 0
    for rows in _pages(db):
        part = _customers(rows[: size - at], end)
        for into, values in zip(whole, part, strict=True):
            into[at : at + len(values)] = values
        at += len(part.frequency)
    return Customers(*(column[:at] for column in whole))


def refit(db: Database, as_of: date, end: int) -> Refit:
    """Fit on every customer's summary as of the data's day (ending at `end`) and write each
    one's predictions (in the caller's transaction: an import's); a fit that fails keeps the
    previous parameters, and says so."""
    done = fit_anew(_everyone(db, end), saved_fit(db), as_of, end)
    if done.record is not None:
        kept = done.record.model_dump_json()
        set_meta(db, FIT_KEY, kept)
        _predict(db, done.record, kept, everyone=True)
    return done


def write_predictions(db: Database, record: ValueFit, rows: list[tuple[Any, ...]]) -> None:
    """These customers' predicted 12-month spend and probability of being still active."""
    spend, alive = predictions(record, _customers(rows, record.end))
    db.conn.executemany(
        "UPDATE summary SET predicted_spend_12m = ?, probability_alive = ? WHERE customer_id = ?",
        zip(spend.tolist(), alive, [r[0] for r in rows], strict=True),
    )


def _forget_predictions(db: Database, where: str) -> None:
    db.execute(
        "UPDATE summary SET predicted_spend_12m = NULL, probability_alive = NULL "
        f"WHERE predicted_spend_12m IS NOT NULL AND {where}"
    )


def _predict(db: Database, record: ValueFit, text: str, *, everyone: bool) -> int:
    """Predictions from `record` (kept in meta as `text`): for everyone, noted as applied
    once all are written, or for the customers without any. Each page is its own write
    (a savepoint inside a caller's transaction), so lookups and recording never wait long."""
    if everyone:
        with writing(db):
            _forget_predictions(db, f"NOT ({_BOUGHT})")
    written = 0
    for rows in _pages(db, "" if everyone else _UNPREDICTED):
        with writing(db):
            write_predictions(db, record, rows)
        written += len(rows)
    if everyone:
        with writing(db):
            set_meta(db, APPLIED_KEY, text)
    return written


def predict_here(db: Database) -> int:
    """After a pull: predictions from the chain's fit as pulled into meta, for everyone when
    it is not the one they were made with (a new fit, or one left half-written), else for
    the customers whose summary came without them (a pull writes a summary row whole, which
    clears them). No fit centrally: none here either. Returns how many were written."""
    pulled, applied = get_meta(db, FIT_KEY), get_meta(db, APPLIED_KEY)
    record = read_fit(pulled)
    if pulled is None or record is None:
        if applied is not None:
            with writing(db):
                db.execute("DELETE FROM meta WHERE key = ?", [APPLIED_KEY])
                _forget_predictions(db, "1")
        return 0
    return _predict(db, record, pulled, everyone=applied != pulled)


class ValueRows(NamedTuple):
    """Every customer with a purchase, for the value report: ids, their figures as of the day,
    and (from the summaries) their kept predictions."""

    ids: list[str]
    found: Customers
    days: list[int]  # purchase days
    spend_12m: list[int]
    lifetime: list[int]
    predicted: list[int | None]
    alive: list[float | None]


_REPORT_FROM_SUMMARY = f"""
SELECT customer_id, purchase_days, first_purchase_at, last_purchase_at, gross_value,
    first_day_spend, coalesce(spend_12m, 0), lifetime_value, predicted_spend_12m,
    probability_alive
FROM summary WHERE {_BOUGHT}
"""

# As the summaries count them (summaries.py), from the purchases made before :end.
_REPORT_AS_OF = f"""
WITH p AS (
    SELECT customer_id,
        count(DISTINCT CASE WHEN amount > 0 THEN purchased_at / 86400 END) AS days,
        min(CASE WHEN amount > 0 THEN purchased_at END) AS first_at,
        max(CASE WHEN amount > 0 THEN purchased_at END) AS last_at,
        total(CASE WHEN amount > 0 THEN amount END) AS gross,
        total(CASE WHEN purchased_at >= :start THEN amount END) AS spend,
        total(amount) AS lifetime
    FROM purchases WHERE purchased_at < :end
    GROUP BY customer_id HAVING sum(amount > 0) > 0
)
SELECT customer_id, days, first_at, last_at, gross,
    (SELECT total(q.amount) FROM purchases q WHERE q.customer_id = p.customer_id
        AND q.amount > 0 AND q.purchased_at >= p.first_at
        AND q.purchased_at < min({first_day_end("p.first_at")}, :end)),
    spend, lifetime, NULL, NULL
FROM p
"""


def value_rows(db: Database, end: int, start_12m: int | None = None) -> ValueRows:
    """From the summaries (as of the data's day, ending at `end`), or with `start_12m` from the
    purchases made before `end` (a calibration: as of an earlier day)."""
    if start_12m is None:
        rows = db.conn.execute(_REPORT_FROM_SUMMARY).fetchall()
    else:
        rows = db.conn.execute(_REPORT_AS_OF, {"start": start_12m, "end": end}).fetchall()
    return ValueRows(
        ids=[r[0] for r in rows],
        found=_customers(rows, end),
        days=[int(r[1]) for r in rows],
        spend_12m=[int(r[6]) for r in rows],
        lifetime=[int(r[7]) for r in rows],
        predicted=[r[8] for r in rows],
        alive=[r[9] for r in rows],
    )

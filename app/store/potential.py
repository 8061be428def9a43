"""Potential value in the cache: the fit over every customer's summary, kept in meta
`potential_fit`, and each customer's predictions written into the summary table.

The model itself is pure computation (app/domain/potential.py); this hands it the arrays and
writes back what it predicts, so a lookup reads the figures like any other summary."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from pydantic import ValidationError
from sqlite_utils import Database

from app.domain.value_fit import Customers, Refit, ValueFit, customers, predictions
from app.domain.value_fit import refit as fit_anew
from app.store.database import get_meta, set_meta
from app.store.summaries import FIRST_DAY_END

FIT_KEY = "potential_fit"

_FROM_SUMMARY = """
SELECT customer_id, purchase_days, first_purchase_at, last_purchase_at, gross_value,
    first_day_spend
FROM summary WHERE purchase_count > 0 AND first_purchase_at IS NOT NULL
"""


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


def _customers(rows: list[tuple[Any, ...]], end: int) -> Customers:
    """Rows of (id, purchase days, first, last, gross, first day's spend, …)."""
    columns = list(zip(*rows, strict=False))[1:6] if rows else [()] * 5
    days, firsts, lasts, gross, first_day = columns
    return customers(days, firsts, lasts, gross, first_day, end)


def refit(db: Database, as_of: date, end: int) -> Refit:
    """Fit on every customer's summary as of the data's day (ending at `end`) and write each
    one's predictions; a fit that fails keeps the previous parameters, and says so."""
    rows = db.conn.execute(_FROM_SUMMARY).fetchall()
    ids = [r[0] for r in rows]
    found = _customers(rows, end)
    done = fit_anew(found, saved_fit(db), as_of, end)
    if done.record is not None:
        set_meta(db, FIT_KEY, done.record.model_dump_json())
        write_predictions(db, done.record, ids, found)
    return done


def write_predictions(db: Database, record: ValueFit, ids: list[str], found: Customers) -> None:
    """Each customer's predicted 12-month spend and probability of being still active."""
    spend, alive = predictions(record, found)
    conn = db.conn
    conn.execute(
        "UPDATE summary SET predicted_spend_12m = NULL, probability_alive = NULL "
        "WHERE purchase_count = 0 AND predicted_spend_12m IS NOT NULL"
    )
    conn.executemany(
        "UPDATE summary SET predicted_spend_12m = ?, probability_alive = ? WHERE customer_id = ?",
        zip(spend.tolist(), alive.tolist(), ids, strict=True),
    )


def predict_here(db: Database, *, everyone: bool) -> int:
    """Predictions from the fit kept here: for `everyone` (a new fit), else for the customers
    whose summary came without them (a pull writes a summary row whole, clearing them); how
    many were written."""
    record = saved_fit(db)
    if record is None:
        return 0
    query = _FROM_SUMMARY if everyone else _FROM_SUMMARY + " AND predicted_spend_12m IS NULL"
    rows = db.conn.execute(query).fetchall()
    if rows:
        write_predictions(db, record, [r[0] for r in rows], _customers(rows, record.end))
    return len(rows)


class ValueRows(NamedTuple):
    """Every customer with a purchase, for the value report: ids, their figures as of the day,
    and (from the summaries) their kept predictions."""

    ids: list[str]
    found: Customers
    purchases: list[int]
    spend_12m: list[int]
    lifetime: list[int]
    predicted: list[int | None]
    alive: list[float | None]


_REPORT_FROM_SUMMARY = """
SELECT customer_id, purchase_days, first_purchase_at, last_purchase_at, gross_value,
    first_day_spend, coalesce(spend_12m, 0), lifetime_value, purchase_count,
    predicted_spend_12m, probability_alive
FROM summary WHERE purchase_count > 0 AND first_purchase_at IS NOT NULL
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
        total(amount) AS lifetime, sum(amount > 0) AS bought
    FROM purchases WHERE purchased_at < :end
    GROUP BY customer_id HAVING sum(amount > 0) > 0
)
SELECT customer_id, days, first_at, last_at, gross,
    (SELECT total(q.amount) FROM purchases q WHERE q.customer_id = p.customer_id
        AND q.amount > 0 AND q.purchased_at >= p.first_at
        AND q.purchased_at < min({FIRST_DAY_END}, :end)),
    spend, lifetime, bought, NULL, NULL
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
        purchases=[int(r[8]) for r in rows],
        spend_12m=[int(r[6]) for r in rows],
        lifetime=[int(r[7]) for r in rows],
        predicted=[r[9] for r in rows],
        alive=[r[10] for r in rows],
    )

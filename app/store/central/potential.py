"""Potential value at the chain's central import: the fit over every customer's summary,
kept in meta `potential_fit`. Each station writes its own customers' predictions from it
(app/store/potential.py), so a new fit moves no summary rows through the sync."""

from __future__ import annotations

from array import array
from datetime import date

import psycopg

from app.domain.value_fit import Refit, customers
from app.domain.value_fit import refit as fit_anew
from app.store.potential import FIT_KEY, read_fit

_ROWS = """
SELECT purchase_days, first_purchase_at, last_purchase_at, gross_value, first_day_spend
FROM summary WHERE purchase_count > 0 AND first_purchase_at IS NOT NULL
"""


def refit(conn: psycopg.Connection, as_of: date, end: int) -> Refit:
    """Fit on every customer's summary as of the data's day; a fit that fails keeps the
    previous one (for the new day), and says so."""
    columns: list[array[int]] = [array("q") for _ in range(5)]  # 8 bytes a figure
    with conn.cursor() as cur, cur.copy(f"COPY ({_ROWS.strip()}) TO STDOUT") as copy:
        copy.set_types(["int8"] * 5)
        for figures in copy.rows():
            for column, value in zip(columns, figures, strict=True):
                column.append(value)
    days, firsts, lasts, gross, first_day = columns
    row = conn.execute("SELECT value FROM meta WHERE key = %s", [FIT_KEY]).fetchone()
    found = customers(days, firsts, lasts, gross, first_day, end)
    done = fit_anew(found, read_fit(row[0] if row else None), as_of, end)
    if done.record is not None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [FIT_KEY, done.record.model_dump_json()],
        )
    return done

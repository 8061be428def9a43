"""Per-customer and per-household summaries, computed at import.

A customer's summary also holds what a list of matches shows (name, status, best card), so a
lookup reads one row per customer, and the 12-month spend as of the export's day with what it
takes for that figure to hold on a later day (see `spend_12m_holds`)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from app.domain.window import AsOf


# Purchase days (UTC), as the potential-value models count purchases: several on one day are
# one. The first day's spend is kept apart, as Gamma-Gamma learns from the repeat days only.
def first_day_end(first: str) -> str:
    """SQL for the end (UTC) of the day of the purchase at column `first`."""
    return f"({first} / 86400 + 1) * 86400"


_REFRESH_CUSTOMERS = f"""
INSERT OR REPLACE INTO summary (customer_id, lifetime_value, gross_value, purchase_count,
    first_purchase_at, last_purchase_at, last_activity_at, complaints_total, concessions_total,
    card_status, given_name, family_name, status, purchase_days, first_day_spend)
SELECT t.customer_id,
    coalesce(p.lifetime, 0), coalesce(p.gross, 0), coalesce(p.bought, 0),
    p.first_at, p.last_at, p.activity_at,
    (SELECT count(*) FROM interactions i
        WHERE i.customer_id = t.customer_id AND i.kind = 'complaint'),
    (SELECT count(*) FROM concessions k WHERE k.customer_id = t.customer_id),
    (SELECT k.status FROM cards k WHERE k.customer_id = t.customer_id
        ORDER BY k.status = 'active' DESC, k.issued_on DESC LIMIT 1),
    c.given_name, c.family_name, c.status, coalesce(p.days, 0),
    coalesce((SELECT sum(q.amount) FROM purchases q WHERE q.customer_id = t.customer_id
        AND q.amount > 0 AND q.purchased_at >= p.first_at
        AND q.purchased_at < {first_day_end("p.first_at")}), 0)
FROM temp.touched t
JOIN customers c ON c.customer_id = t.customer_id
LEFT JOIN (
    SELECT customer_id,
        sum(amount) AS lifetime,
        sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross,
        sum(amount > 0) AS bought,
        min(CASE WHEN amount > 0 THEN purchased_at END) AS first_at,
        max(CASE WHEN amount > 0 THEN purchased_at END) AS last_at,
        max(purchased_at) AS activity_at,
        count(DISTINCT CASE WHEN amount > 0 THEN purchased_at / 86400 END) AS days
    FROM purchases
    WHERE customer_id IN (SELECT customer_id FROM temp.touched)
    GROUP BY customer_id
) p ON p.customer_id = t.customer_id
"""


def spend_12m_holds(start: str, end: str) -> str:
    """SQL true when summary `s`'s kept 12-month spend is also the spend over [start, end).

    It was summed over [spend_12m_from, spend_12m_until). A window that starts no earlier
    and ends no earlier has the same sum when no purchase lies between the two starts (the
    first purchase from spend_12m_from on is at or after `start`) and none between the two
    ends (the same end, or the last activity came before spend_12m_until). Any change to a
    customer's purchases refreshes their summary, so these facts stay true."""
    return (
        f"(s.spend_12m_from <= {start} AND {start} <= coalesce(s.first_in_12m_at, {start}) "
        f"AND (s.spend_12m_until = {end} OR (s.spend_12m_until < {end} "
        "AND coalesce(s.last_activity_at < s.spend_12m_until, 1))))"
    )


_REFRESH_SPEND = f"""
UPDATE summary AS s SET
    spend_12m = (SELECT coalesce(sum(p.amount), 0) FROM purchases p
        WHERE p.customer_id = s.customer_id AND p.purchased_at >= :start
        AND p.purchased_at < :end),
    first_in_12m_at = (SELECT min(p.purchased_at) FROM purchases p
        WHERE p.customer_id = s.customer_id AND p.purchased_at >= :start),
    spend_12m_from = :start,
    spend_12m_until = :end
WHERE s.spend_12m IS NULL OR NOT {spend_12m_holds(":start", ":end")}
"""

_REFRESH_HOUSEHOLDS = """
INSERT INTO households (household_id, members, lifetime_value, last_activity_at)
SELECT c.household_id, count(*), sum(coalesce(s.lifetime_value, 0)), max(s.last_activity_at)
FROM customers c LEFT JOIN summary s ON s.customer_id = c.customer_id
WHERE c.household_id IS NOT NULL
GROUP BY c.household_id
"""


def refresh_summaries(
    db: Database, customer_ids: Collection[str], spend_as_of: AsOf | None
) -> None:
    """Recompute the summaries of the given customers, then every household's totals, and the
    12-month spend as of `spend_as_of` wherever the kept one does not hold for that day
    (without a day, the given customers' spend is left to be read live)."""
    conn = db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (customer_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.touched")
    conn.executemany("INSERT OR IGNORE INTO temp.touched VALUES (?)", ((c,) for c in customer_ids))
    conn.execute(_REFRESH_CUSTOMERS)
    conn.execute("DELETE FROM temp.touched")
    if spend_as_of is not None:
        conn.execute(_REFRESH_SPEND, {"start": spend_as_of.start_12m, "end": spend_as_of.end})
    conn.execute("DELETE FROM households")
    conn.execute(_REFRESH_HOUSEHOLDS)


_OWNED_TABLES = ("cards", "purchases", "interactions", "concessions")


@contextmanager
def watching_moves(db: Database) -> Iterator[None]:
    """While open, a row re-exported under another customer marks its previous owner."""
    conn = db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS moved_from (customer_id TEXT)")
    conn.execute("DELETE FROM temp.moved_from")
    for table in _OWNED_TABLES:
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS {table}_moved AFTER UPDATE OF customer_id "
            f"ON main.{table} WHEN old.customer_id IS NOT new.customer_id BEGIN "
            # a plain INSERT: an upsert's own conflict policy would override OR IGNORE here
            "INSERT INTO moved_from VALUES (old.customer_id); END"
        )
    try:
        yield
    finally:
        for table in _OWNED_TABLES:
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{table}_moved")


def previous_owners(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT customer_id FROM temp.moved_from")]

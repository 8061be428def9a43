"""The summaries, computed in PostgreSQL as the cache computes them in SQLite (see
app/store/summaries.py, whose figures these must equal): each customer's totals, the
12-month spend as of the export's day, and every household's totals. A row is written only
when a figure changed, so a station pulls only what moved."""

from __future__ import annotations

from collections.abc import Collection

import psycopg

from app.domain.window import AsOf

MANY = 10_000  # customers touched: enough to change the summary table's statistics

_CUSTOMERS = """
INSERT INTO summary AS s (customer_id, lifetime_value, gross_value, purchase_count,
    first_purchase_at, last_purchase_at, last_activity_at, complaints_total, concessions_total,
    card_status, given_name, family_name, status, purchase_days, first_day_spend)
SELECT t.customer_id,
    coalesce(p.lifetime, 0), coalesce(p.gross, 0), coalesce(p.bought, 0),
    p.first_at, p.last_at, p.activity_at,
    coalesce(i.complaints, 0), coalesce(k.given, 0), best.status,
    c.given_name, c.family_name, c.status, coalesce(p.days, 0), coalesce(f.spent, 0)
FROM touched t
JOIN customers c ON c.customer_id = t.customer_id
LEFT JOIN (
    SELECT customer_id,
        sum(amount) AS lifetime,
        sum(amount) FILTER (WHERE amount > 0) AS gross,
        count(*) FILTER (WHERE amount > 0) AS bought,
        min(purchased_at) FILTER (WHERE amount > 0) AS first_at,
        max(purchased_at) FILTER (WHERE amount > 0) AS last_at,
        max(purchased_at) AS activity_at,
        count(DISTINCT purchased_at / 86400) FILTER (WHERE amount > 0) AS days
    FROM purchases WHERE customer_id IN (SELECT customer_id FROM touched)
    GROUP BY customer_id
) p ON p.customer_id = t.customer_id
LEFT JOIN LATERAL (
    SELECT sum(q.amount) AS spent FROM purchases q
    WHERE q.customer_id = t.customer_id AND q.amount > 0 AND q.purchased_at >= p.first_at
        AND q.purchased_at < (p.first_at / 86400 + 1) * 86400
) f ON true
LEFT JOIN (
    SELECT customer_id, count(*) AS complaints FROM interactions
    WHERE kind = 'complaint' AND customer_id IN (SELECT customer_id FROM touched)
    GROUP BY customer_id
) i ON i.customer_id = t.customer_id
LEFT JOIN (
    SELECT customer_id, count(*) AS given FROM concessions
    WHERE customer_id IN (SELECT customer_id FROM touched)
    GROUP BY customer_id
) k ON k.customer_id = t.customer_id
LEFT JOIN LATERAL (
    SELECT status FROM cards WHERE cards.customer_id = t.customer_id
    ORDER BY status = 'active' DESC, issued_on DESC NULLS LAST LIMIT 1
) best ON true
ON CONFLICT (customer_id) DO UPDATE SET
    lifetime_value = excluded.lifetime_value, gross_value = excluded.gross_value,
    purchase_count = excluded.purchase_count, first_purchase_at = excluded.first_purchase_at,
    last_purchase_at = excluded.last_purchase_at, last_activity_at = excluded.last_activity_at,
    complaints_total = excluded.complaints_total,
    concessions_total = excluded.concessions_total, card_status = excluded.card_status,
    given_name = excluded.given_name, family_name = excluded.family_name,
    status = excluded.status, purchase_days = excluded.purchase_days,
    first_day_spend = excluded.first_day_spend
WHERE (s.lifetime_value, s.gross_value, s.purchase_count, s.first_purchase_at,
    s.last_purchase_at, s.last_activity_at, s.complaints_total, s.concessions_total,
    s.card_status, s.given_name, s.family_name, s.status, s.purchase_days, s.first_day_spend)
IS DISTINCT FROM (excluded.lifetime_value, excluded.gross_value, excluded.purchase_count,
    excluded.first_purchase_at, excluded.last_purchase_at, excluded.last_activity_at,
    excluded.complaints_total, excluded.concessions_total, excluded.card_status,
    excluded.given_name, excluded.family_name, excluded.status, excluded.purchase_days,
    excluded.first_day_spend)
"""

# As the cache's spend_12m_holds: a kept 12-month spend that still holds is left alone.
_HOLDS = """(s.spend_12m_from <= %(start)s AND %(start)s <= coalesce(s.first_in_12m_at, %(start)s)
    AND (s.spend_12m_until = %(end)s OR (s.spend_12m_until < %(end)s
    AND coalesce(s.last_activity_at < s.spend_12m_until, true))))"""

_SPEND = f"""
WITH need AS (
    SELECT customer_id FROM summary s WHERE s.spend_12m IS NULL OR NOT {_HOLDS}
), spent AS (
    SELECT p.customer_id,
        sum(p.amount) FILTER (WHERE p.purchased_at < %(end)s) AS spend,
        min(p.purchased_at) AS first_in
    FROM purchases p JOIN need USING (customer_id)
    WHERE p.purchased_at >= %(start)s
    GROUP BY p.customer_id
)
UPDATE summary s SET
    spend_12m = coalesce(spent.spend, 0), first_in_12m_at = spent.first_in,
    spend_12m_from = %(start)s, spend_12m_until = %(end)s
FROM need LEFT JOIN spent USING (customer_id)
WHERE s.customer_id = need.customer_id
"""

_HOUSEHOLDS = """
INSERT INTO households AS h (household_id, members, lifetime_value, last_activity_at)
SELECT c.household_id, count(*), sum(coalesce(s.lifetime_value, 0)), max(s.last_activity_at)
FROM customers c LEFT JOIN summary s ON s.customer_id = c.customer_id
WHERE c.household_id IS NOT NULL
GROUP BY c.household_id
ON CONFLICT (household_id) DO UPDATE SET
    members = excluded.members, lifetime_value = excluded.lifetime_value,
    last_activity_at = excluded.last_activity_at
WHERE (h.members, h.lifetime_value, h.last_activity_at)
    IS DISTINCT FROM (excluded.members, excluded.lifetime_value, excluded.last_activity_at)
"""

_GONE_HOUSEHOLDS = """
DELETE FROM households h
WHERE NOT EXISTS (SELECT FROM customers c WHERE c.household_id = h.household_id)
"""


def refresh_summaries(conn: psycopg.Connection, customer_ids: Collection[str], as_of: AsOf) -> None:
    """Recompute the given customers' summaries, the 12-month spend as of `as_of` wherever
    the kept one does not hold, and every household's totals."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched (customer_id text PRIMARY KEY) ON COMMIT DROP"
    )
    conn.execute("TRUNCATE touched")
    with conn.cursor() as cur, cur.copy("COPY touched (customer_id) FROM STDIN") as copy:
        for customer_id in customer_ids:
            copy.write_row((customer_id,))
    conn.execute("ANALYZE touched")
    conn.execute(_CUSTOMERS)
    if len(customer_ids) > MANY:  # fresh statistics, or a plan made for an empty table
        conn.execute("ANALYZE summary")
    conn.execute(_SPEND, {"start": as_of.start_12m, "end": as_of.end})
    conn.execute(_HOUSEHOLDS)
    conn.execute(_GONE_HOUSEHOLDS)

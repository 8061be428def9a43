"""Read queries: candidate customers for a query, and one customer's facts as of a day.

Every query is an indexed point read or a short range; none scans purchases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import NamedTuple, TypeVar, cast

from sqlite_utils import Database

from app.domain.models import (
    Card,
    Concession,
    CustomerFacts,
    Interaction,
    LifetimeStats,
    Phone,
    Purchase,
)
from app.domain.window import AsOf
from app.store.summaries import spend_12m_holds

RECENT_ITEMS = 10
WORD_END = "\U0010ffff"  # sorts after any text with the same prefix
DIGITS_END = ":"  # the character after "9"


class Candidate(NamedTuple):
    """A customer a query found, what of theirs matched, and what a list of matches shows."""

    customer_id: str
    matched: str  # the matched card number, E.164 phone or email, or the name as typed
    given_name: str
    family_name: str | None
    status: str
    lifetime_value: int  # as of the day (the summary's, unless later rows exist)
    spend_12m: int
    card_status: str | None  # the matched card's, else the customer's best card's


class HitQuery(NamedTuple):
    """One way of finding customers: a whole candidates statement (see `_FIGURES`) and the
    parameters that follow the day's bounds."""

    sql: str
    params: tuple[object, ...]


# What a list shows of each hit, as of a day: ?1 and ?2 are the 12-month window's start
# and end (the end is also the day's end). A statement puts these first, so its own plain
# "?" parameters are numbered from 3 on.
_FIGURES = f"""s.given_name, s.family_name, s.status,
    CASE WHEN s.last_activity_at >= ?2 THEN (SELECT coalesce(sum(p.amount), 0)
            FROM purchases p WHERE p.customer_id = h.customer_id AND p.purchased_at < ?2)
        ELSE s.lifetime_value END,
    CASE WHEN {spend_12m_holds("?1", "?2")} THEN s.spend_12m
        ELSE (SELECT coalesce(sum(p.amount), 0) FROM purchases p
            WHERE p.customer_id = h.customer_id AND p.purchased_at >= ?1 AND p.purchased_at < ?2)
        END"""
_JOIN = "JOIN summary s ON s.customer_id = h.customer_id"

# Exact keys join the summary directly. Hits from a subquery with LIMIT, DISTINCT or GROUP
# BY (as `from_hits` has) are first copied to a temporary table.
_CARD = (
    f"SELECT h.customer_id, h.card_number, {_FIGURES}, h.status "
    f"FROM cards h {_JOIN} WHERE h.card_number = ?"
)
_PHONE = (
    f"SELECT h.customer_id, h.e164, {_FIGURES}, s.card_status "
    f"FROM phones h {_JOIN} WHERE h.e164 = ? LIMIT ?"
)
_CARD_OR_PHONE = f"{_CARD} UNION ALL SELECT * FROM ({_PHONE})"


def card_query(number: str) -> HitQuery:
    return HitQuery(_CARD, (number,))


def phone_query(e164: str, limit: int) -> HitQuery:
    return HitQuery(_PHONE, (e164, limit))


def card_or_phone_query(number: str, e164: str | None, limit: int) -> HitQuery:
    """An exact card number and, when given, an E.164 phone in one statement.

    A card row's `matched` is the card number; a phone row's is its E.164 ("+…"), so the
    caller tells them apart whatever order they come in."""
    if e164 is None:
        return card_query(number)
    return HitQuery(_CARD_OR_PHONE, (number, e164, limit))


def from_hits(hits: str, params: tuple[object, ...]) -> HitQuery:
    """A query for hits SQL yielding customer_id and matched (as named), each pair at most
    once: `candidates` keeps every row."""
    return HitQuery(_with_figures(hits), params)


@lru_cache(maxsize=64)
def _with_figures(hits: str) -> str:
    return f"SELECT h.customer_id, h.matched, {_FIGURES}, s.card_status FROM ({hits}) AS h {_JOIN}"


def phone_suffix_query(reversed_prefix: str, limit: int) -> HitQuery:
    return from_hits(
        "SELECT customer_id, min(e164) AS matched FROM phones "
        "WHERE reversed >= ? AND reversed < ? GROUP BY customer_id LIMIT ?",
        (reversed_prefix, reversed_prefix + DIGITS_END, limit),
    )


def email_query(folded: str, limit: int) -> HitQuery:
    return from_hits(
        "SELECT customer_id, email AS matched FROM customers "
        "WHERE email_folded >= ? AND email_folded < ? LIMIT ?",
        (folded, folded + WORD_END, limit),
    )


def name_query(words: Sequence[str], limit: int) -> HitQuery:
    """Customers with a name word starting with each of `words` (folded)."""
    lead = max(words, key=len)
    others = [w for w in words if w is not lead]
    sql = (
        "SELECT DISTINCT n.customer_id, ? AS matched FROM name_words n"
        + (" JOIN customers c ON c.customer_id = n.customer_id" if others else "")
        + " WHERE n.word >= ? AND n.word < ?"
        + "".join(" AND instr(' ' || c.search_words, ?) > 0" for _ in others)
        + " LIMIT ?"
    )
    return from_hits(sql, (lead, lead, lead + WORD_END, *(" " + w for w in others), limit))


def candidates(db: Database, query: HitQuery, bounds: AsOf) -> list[Candidate]:
    """The query's hits with their names and figures, in one statement. Each query's hits
    are distinct (a key, a phone's owners, GROUP BY or DISTINCT), so none is repeated."""
    rows = db.conn.execute(query.sql, (bounds.start_12m, bounds.end, *query.params))
    return [Candidate(*row) for row in rows]


def _moment(epoch: int | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


# The predictions hold from the fit's day on; looked at as of an earlier day, none are shown.
_FIT_END = "(SELECT json_extract(value, '$.end') FROM meta WHERE key = 'potential_fit')"


def _lifetime(
    db: Database, customer_id: str, bounds: AsOf
) -> tuple[LifetimeStats, int | None, float | None]:
    """The customer's totals as of the day, and their predictions where those hold."""
    row = db.conn.execute(
        "SELECT lifetime_value, gross_value, purchase_count, first_purchase_at, "
        "last_purchase_at, last_activity_at, purchase_days, predicted_spend_12m, "
        f"probability_alive, ? >= {_FIT_END} FROM summary WHERE customer_id = ?",
        [bounds.end, customer_id],
    ).fetchone()
    predicted: tuple[int | None, float | None] = (None, None)
    if row is not None and row[9]:
        predicted = (row[7], row[8])
    if row is None or (row[5] is not None and row[5] >= bounds.end):
        row = db.conn.execute(
            "SELECT total(amount), total(CASE WHEN amount > 0 THEN amount END), "
            "sum(amount > 0), min(CASE WHEN amount > 0 THEN purchased_at END), "
            "max(CASE WHEN amount > 0 THEN purchased_at END), NULL, "
            "count(DISTINCT CASE WHEN amount > 0 THEN purchased_at / 86400 END) "
            "FROM purchases WHERE customer_id = ? AND purchased_at < ?",
            [customer_id, bounds.end],
        ).fetchone()
    stats = LifetimeStats(
        lifetime_value=int(row[0] or 0),
        gross_value=int(row[1] or 0),
        purchase_count=int(row[2] or 0),
        first_purchase_at=_moment(row[3]),
        last_purchase_at=_moment(row[4]),
        purchase_days=int(row[6] or 0),
    )
    return stats, *predicted


def _household(
    db: Database, customer_id: str, household_id: str | None, own_lifetime: int, bounds: AsOf
) -> tuple[tuple[str, ...], int]:
    if household_id is None:
        return (customer_id,), own_lifetime
    members = tuple(
        r[0]
        for r in db.conn.execute(
            "SELECT customer_id FROM customers WHERE household_id = ? ORDER BY customer_id",
            [household_id],
        )
    )
    row = db.conn.execute(
        "SELECT lifetime_value, last_activity_at FROM households WHERE household_id = ?",
        [household_id],
    ).fetchone()
    if row is not None and (row[1] is None or row[1] < bounds.end):
        return members, int(row[0])
    marks = ",".join("?" * len(members))
    total = db.conn.execute(
        f"SELECT total(amount) FROM purchases WHERE customer_id IN ({marks}) AND purchased_at < ?",
        [*members, bounds.end],
    ).fetchone()[0]
    return members, int(total)


def customer_facts(db: Database, customer_id: str, bounds: AsOf) -> CustomerFacts | None:
    row = db.conn.execute(
        "SELECT customer_id, given_name, family_name, email, joined_on, household_id, status, "
        "referrals, preferences, notes FROM customers WHERE customer_id = ?",
        [customer_id],
    ).fetchone()
    if row is None:
        return None
    stats, predicted_spend, alive = _lifetime(db, customer_id, bounds)
    household, household_value = _household(db, customer_id, row[5], stats.lifetime_value, bounds)
    window = tuple(
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT purchased_at, amount FROM purchases "
            "WHERE customer_id = ? AND purchased_at >= ? AND purchased_at < ?",
            [customer_id, bounds.start_chart, bounds.end],
        )
    )
    history = [customer_id, bounds.end] * 2
    complaints_12m = db.conn.execute(
        f"SELECT count(*) FROM ({_INTERACTIONS_SQL}) WHERE occurred_at >= ? AND kind = 'complaint'",
        [*history, bounds.start_12m],
    ).fetchone()[0]
    given_90d, given_12m = db.conn.execute(
        "SELECT count(CASE WHEN granted_at >= ? THEN 1 END), total(value) "
        f"FROM ({_CONCESSIONS_SQL}) WHERE granted_at >= ? AND coalesce(status, '') <> 'denied'",
        [bounds.start_90d, *history, bounds.start_12m],
    ).fetchone()
    return CustomerFacts(
        customer_id=row[0],
        given_name=row[1],
        family_name=row[2],
        email=row[3],
        joined_on=date.fromisoformat(row[4]),
        household_id=row[5],
        status=row[6],
        referrals=row[7],
        preferences=row[8],
        notes=row[9],
        stats=stats,
        window=window,
        complaints_12m=complaints_12m,
        concessions_90d=given_90d,
        concession_value_12m=int(given_12m),
        household=household,
        household_lifetime_value=household_value,
        phones=_phones(db, customer_id),
        cards=_cards(db, customer_id),
        recent_purchases=_recent(db, Purchase, "purchases", _PURCHASE, customer_id, bounds),
        recent_interactions=_recent(
            db, Interaction, f"({_INTERACTIONS_SQL})", _INTERACTION, customer_id, bounds, 2
        ),
        recent_concessions=_recent(
            db, Concession, f"({_CONCESSIONS_SQL})", _CONCESSION, customer_id, bounds, 2
        ),
        predicted_spend_12m=predicted_spend,
        probability_alive=alive,
    )


def _phones(db: Database, customer_id: str) -> tuple[Phone, ...]:
    rows = db.conn.execute(
        "SELECT e164, label FROM phones WHERE customer_id = ? ORDER BY label = 'mobile' DESC",
        [customer_id],
    )
    return tuple(Phone(e164=r[0], label=r[1]) for r in rows)


def _cards(db: Database, customer_id: str) -> tuple[Card, ...]:
    rows = db.conn.execute(
        "SELECT card_number, card_type, status, issued_on FROM cards WHERE customer_id = ? "
        "ORDER BY status = 'active' DESC, issued_on DESC",
        [customer_id],
    )
    return tuple(
        Card(
            card_number=r[0],
            card_type=r[1],
            status=r[2],
            issued_on=date.fromisoformat(r[3]) if r[3] else None,
        )
        for r in rows
    )


_Recent = TypeVar("_Recent", Purchase, Interaction, Concession)


def _recent(
    db: Database,
    model: type[_Recent],
    table: str,
    columns: tuple[str, ...],
    customer_id: str,
    bounds: AsOf,
    sources: int = 0,
) -> tuple[_Recent, ...]:
    """The newest rows of a customer's history up to the as-of day; columns[1] is the time.
    `table` may be one of the history unions below, taking (customer, end) per source."""
    at = columns[1]
    params: list[object] = [customer_id, bounds.end] * max(sources, 1)  # a table: one pair
    rows: list[tuple[object, ...]] = db.conn.execute(
        _recent_sql(table, columns, sources), [*params, RECENT_ITEMS]
    ).fetchall()
    found = []
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        values[at] = datetime.fromtimestamp(cast(int, values[at]), UTC)
        found.append(model(**values))
    return tuple(found)


@lru_cache(maxsize=8)
def _recent_sql(table: str, columns: tuple[str, ...], sources: int) -> str:
    at = columns[1]
    where = "" if sources else f" WHERE customer_id = ? AND {at} < ?"
    return f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY {at} DESC LIMIT ?"


_PURCHASE = ("purchase_id", "purchased_at", "amount", "channel", "product_line", "location")
_INTERACTION = ("interaction_id", "occurred_at", "kind", "channel", "summary")
_CONCESSION = ("concession_id", "granted_at", "value", "kind", "reason", "location", "status")

# A customer's history: what upstream exported plus what this station recorded and upstream
# has not yet sent back (the same UUID in both counts once). Parameters: (customer, end) twice.
_CONCESSIONS_SQL = """
SELECT concession_id, granted_at, value, kind, reason, location, NULL AS status
FROM concessions WHERE customer_id = ? AND granted_at < ?
UNION ALL
SELECT concession_id, recorded_at, value, action, category || CASE WHEN words <> ''
    THEN ': ' || words ELSE '' END, station, status
FROM recorded_concessions AS r WHERE customer_id = ? AND recorded_at < ?
AND NOT EXISTS (SELECT 1 FROM concessions AS c WHERE c.concession_id = r.concession_id)
AND NOT EXISTS (SELECT 1 FROM demo_records AS d WHERE d.record_id = r.concession_id)
"""
_INTERACTIONS_SQL = """
SELECT interaction_id, occurred_at, kind, channel, summary
FROM interactions WHERE customer_id = ? AND occurred_at < ?
UNION ALL
SELECT feedback_id, recorded_at, kind, 'counter', words
FROM feedback AS f WHERE customer_id = ? AND recorded_at < ?
AND NOT EXISTS (SELECT 1 FROM interactions AS i WHERE i.interaction_id = f.feedback_id)
AND NOT EXISTS (SELECT 1 FROM demo_records AS d WHERE d.record_id = f.feedback_id)
"""


def freshness(db: Database) -> dict[str, str]:
    rows = db.execute(
        "SELECT key, value FROM meta WHERE key IN ('exported_at', 'imported_at', 'demo')"
    )
    return {r[0]: r[1] for r in rows}


def has_customers(db: Database) -> bool:
    return db.execute("SELECT 1 FROM customers LIMIT 1").fetchone() is not None


def names_of(db: Database, customer_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """(given, family) name of each customer known here, by id."""
    found: dict[str, tuple[str, str | None]] = {}
    ids = list(dict.fromkeys(customer_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT customer_id, given_name, family_name FROM customers "
            f"WHERE customer_id IN ({marks})",
            chunk,
        )
        found.update({r[0]: (r[1], r[2]) for r in rows})
    return found

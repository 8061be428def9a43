"""Baselines measured beside each figure: plain sqlite3, no app code, no models.

The lookup baselines are raw indexed SELECTs; the profile baseline runs the same SQL
statements as `app.store.queries.customer_facts` (copied here on purpose, so a change to
the app's queries shows up as a change in the ratio) and fetches every row, building
nothing; the import baseline writes the same rows with `executemany` into the same
schema, with the same indexes and the same summary SQL.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from app.domain.contract import to_epoch
from app.domain.import_context import ImportContext
from app.domain.window import AsOf, as_of_bounds, local_date
from app.store.database import open_database
from app.store.summaries import refresh_summaries

WORD_END = "\U0010ffff"
DIGITS_END = ":"  # the character after "9"
BATCH = 5_000  # the app's importer batch


def connect(path: Path) -> sqlite3.Connection:
    """A plain connection with the app's read pragmas (same page cache, so a fair floor)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


# --- lookups: raw indexed SELECTs -----------------------------------------------------

CARD = "SELECT customer_id FROM cards WHERE card_number = ?"
PHONE = "SELECT customer_id FROM phones WHERE e164 = ? LIMIT 1"
SUFFIX = "SELECT customer_id FROM phones WHERE reversed >= ? AND reversed < ? LIMIT ?"
NAME = "SELECT customer_id FROM name_words WHERE word >= ? AND word < ? LIMIT ?"
FLOOR_LIMIT = 20  # the floors for the suffix and name ranges


def card_row(conn: sqlite3.Connection, number: str) -> object:
    return conn.execute(CARD, (number,)).fetchone()


def phone_row(conn: sqlite3.Connection, e164: str) -> object:
    return conn.execute(PHONE, (e164,)).fetchone()


def suffix_row(conn: sqlite3.Connection, reversed_prefix: str) -> object:
    return conn.execute(SUFFIX, (reversed_prefix, reversed_prefix + DIGITS_END, 1)).fetchone()


def suffix_range(conn: sqlite3.Connection, reversed_prefix: str) -> object:
    end = reversed_prefix + DIGITS_END
    return conn.execute(SUFFIX, (reversed_prefix, end, FLOOR_LIMIT)).fetchall()


def name_row(conn: sqlite3.Connection, folded_prefix: str) -> object:
    return conn.execute(NAME, (folded_prefix, folded_prefix + WORD_END, 1)).fetchone()


def name_range(conn: sqlite3.Connection, folded_prefix: str) -> object:
    end = folded_prefix + WORD_END
    return conn.execute(NAME, (folded_prefix, end, FLOOR_LIMIT)).fetchall()


# --- profile: the statements of queries.customer_facts, fetched, nothing built -------

P_CUSTOMER = (
    "SELECT customer_id, given_name, family_name, email, joined_on, household_id, status, "
    "referrals, preferences, notes FROM customers WHERE customer_id = ?"
)
P_SUMMARY = (
    "SELECT lifetime_value, gross_value, purchase_count, first_purchase_at, "
    "last_purchase_at, last_activity_at, purchase_days, predicted_spend_12m, probability_alive, "
    "? >= (SELECT json_extract(value, '$.end') FROM meta WHERE key = 'potential_fit') "
    "FROM summary WHERE customer_id = ?"
)
P_MEMBERS = "SELECT customer_id FROM customers WHERE household_id = ? ORDER BY customer_id"
P_HOUSEHOLD = "SELECT lifetime_value, last_activity_at FROM households WHERE household_id = ?"
P_WINDOW = (
    "SELECT purchased_at, amount FROM purchases "
    "WHERE customer_id = ? AND purchased_at >= ? AND purchased_at < ?"
)
P_COMPLAINTS = (
    "SELECT count(*) FROM interactions WHERE customer_id = ? AND occurred_at >= ? "
    "AND occurred_at < ? AND kind = 'complaint'"
)
P_PHONES = "SELECT e164, label FROM phones WHERE customer_id = ? ORDER BY label = 'mobile' DESC"
P_CARDS = (
    "SELECT card_number, card_type, status, issued_on FROM cards WHERE customer_id = ? "
    "ORDER BY status = 'active' DESC, issued_on DESC"
)
P_PURCHASES = (
    "SELECT purchase_id, purchased_at, amount, channel, product_line, location "
    "FROM purchases WHERE customer_id = ? AND purchased_at < ? "
    "ORDER BY purchased_at DESC LIMIT ?"
)
P_INTERACTIONS = (
    "SELECT interaction_id, occurred_at, kind, channel, summary FROM interactions "
    "WHERE customer_id = ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?"
)
P_CONCESSIONS = (
    "SELECT concession_id, granted_at, value, kind, reason, location FROM concessions "
    "WHERE customer_id = ? AND granted_at < ? ORDER BY granted_at DESC LIMIT ?"
)
P_GOODWILL = (
    "SELECT count(CASE WHEN granted_at >= ? THEN 1 END), total(value) FROM concessions "
    "WHERE customer_id = ? AND granted_at >= ? AND granted_at < ?"
)
RECENT_ITEMS = 10


def profile_rows(conn: sqlite3.Connection, cid: str, bounds: AsOf) -> int:
    """The profile's statements through raw cursors; returns the number of rows fetched."""
    run = conn.execute
    customer = run(P_CUSTOMER, (cid,)).fetchall()
    fetched = len(customer) + len(run(P_SUMMARY, (bounds.end, cid)).fetchall())
    household = customer[0][5] if customer else None
    if household is not None:
        fetched += len(run(P_MEMBERS, (household,)).fetchall())
        fetched += len(run(P_HOUSEHOLD, (household,)).fetchall())
    end = bounds.end
    fetched += len(run(P_WINDOW, (cid, bounds.start_chart, end)).fetchall())
    fetched += len(run(P_COMPLAINTS, (cid, bounds.start_12m, end)).fetchall())
    fetched += len(run(P_PHONES, (cid,)).fetchall())
    fetched += len(run(P_CARDS, (cid,)).fetchall())
    fetched += len(run(P_PURCHASES, (cid, end, RECENT_ITEMS)).fetchall())
    fetched += len(run(P_INTERACTIONS, (cid, end, RECENT_ITEMS)).fetchall())
    fetched += len(run(P_CONCESSIONS, (cid, end, RECENT_ITEMS)).fetchall())
    fetched += len(run(P_GOODWILL, (bounds.start_90d, cid, bounds.start_12m, end)).fetchall())
    return fetched


# --- import: csv module + executemany, minimal conversion ---------------------------

Row = tuple[Any, ...]
Convert = Callable[[list[str]], Row]


def _opt(text: str) -> str | None:
    return text or None


def _epoch(text: str) -> int | None:
    return int(datetime.fromisoformat(text).timestamp()) if text else None


def _minor(text: str) -> int:
    return int(Decimal(text) * 100)


def _words(given: str, family: str) -> list[str]:
    return list(dict.fromkeys(f"{given} {family}".lower().split()))


def _customer(ix: dict[str, int]) -> Convert:
    c = [ix[n] for n in ("customer_id", "given_name", "family_name", "email", "joined_on")]
    h, s, r = ix["household_id"], ix["status"], ix["referrals"]
    p, n, u = ix["preferences"], ix["notes"], ix["updated_at"]

    def convert(v: list[str]) -> Row:
        email = _opt(v[c[3]])
        words = " ".join(_words(v[c[1]], v[c[2]]))
        return (
            v[c[0]], v[c[1]], _opt(v[c[2]]), email, email.lower() if email else None, v[c[4]],
            _opt(v[h]), v[s] or "active", int(v[r] or 0), _opt(v[p]), _opt(v[n]), _opt(v[u]),
            words,
        )  # fmt: skip

    return convert


def _phone(ix: dict[str, int]) -> Convert:
    c, p, lab = ix["customer_id"], ix["phone"], ix["label"]

    def convert(v: list[str]) -> Row:
        digits = "".join(ch for ch in v[p] if ch.isdigit())
        return (v[c], v[p], _opt(v[lab]), digits[::-1])

    return convert


def _card(ix: dict[str, int]) -> Convert:
    n, c, t, s, i = (
        ix[k] for k in ("card_number", "customer_id", "card_type", "status", "issued_on")
    )
    return lambda v: (v[n], v[c], _opt(v[t]), v[s] or "active", _opt(v[i]))


def _purchase(ix: dict[str, int]) -> Convert:
    i, c, at, a = ix["purchase_id"], ix["customer_id"], ix["purchased_at"], ix["amount"]
    ch, pl, loc = ix["channel"], ix["product_line"], ix["location"]
    return lambda v: (
        v[c],
        _epoch(v[at]),
        v[i],
        _minor(v[a]),
        _opt(v[ch]),
        _opt(v[pl]),
        _opt(v[loc]),
    )


def _interaction(ix: dict[str, int]) -> Convert:
    i, c, at, k = ix["interaction_id"], ix["customer_id"], ix["occurred_at"], ix["kind"]
    ch, s = ix["channel"], ix["summary"]
    return lambda v: (v[c], _epoch(v[at]), v[i], v[k], _opt(v[ch]), _opt(v[s]))


def _concession(ix: dict[str, int]) -> Convert:
    i, c, at, val = ix["concession_id"], ix["customer_id"], ix["granted_at"], ix["value"]
    k, r, loc = ix["kind"], ix["reason"], ix["location"]
    return lambda v: (
        v[c],
        _epoch(v[at]),
        v[i],
        _minor(v[val]),
        _opt(v[k]),
        _opt(v[r]),
        _opt(v[loc]),
    )


def _insert(table: str, columns: str) -> str:
    marks = ", ".join("?" * len(columns.split(",")))
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})"


FILES: tuple[tuple[str, str, Callable[[dict[str, int]], Convert]], ...] = (
    (
        "customers.csv",
        _insert(
            "customers",
            "customer_id, given_name, family_name, email, email_folded, joined_on, household_id, "
            "status, referrals, preferences, notes, updated_at, search_words",
        ),
        _customer,
    ),
    ("phones.csv", _insert("phones", "customer_id, e164, label, reversed"), _phone),
    (
        "cards.csv",
        _insert("cards", "card_number, customer_id, card_type, status, issued_on"),
        _card,
    ),
    (
        "purchases.csv",
        _insert(
            "purchases",
            "customer_id, purchased_at, purchase_id, amount, channel, product_line, location",
        ),
        _purchase,
    ),
    (
        "interactions.csv",
        _insert("interactions", "customer_id, occurred_at, interaction_id, kind, channel, summary"),
        _interaction,
    ),
    (
        "concessions.csv",
        _insert(
            "concessions", "customer_id, granted_at, concession_id, value, kind, reason, location"
        ),
        _concession,
    ),
)
NAME_WORDS = "INSERT OR IGNORE INTO name_words (word, customer_id) VALUES (?, ?)"


def create_schema(path: Path) -> None:
    """The app's schema and indexes, created by the app itself, then closed."""
    open_database(path).close()


def import_rows(path: Path, folder: Path) -> int:
    """Write the export's rows with plain executemany in one transaction; returns rows read."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")
    customers: set[str] = set()
    zone = ImportContext().zone  # the app reads an export's times in this zone
    newest_update: int | None = None
    rows = 0
    conn.execute("BEGIN")
    for name, sql, converter in FILES:
        source = folder / name
        if not source.is_file():
            continue
        for batch in _batches(source, converter):
            conn.executemany(sql, batch)
            rows += len(batch)
            if name == "customers.csv":
                customers.update(r[0] for r in batch)
                updates = [to_epoch(str(r[11]), zone) for r in batch if r[11]]
                newest_update = max([*updates, newest_update or 0]) or None
                words = [(w, r[0]) for r in batch for w in r[12].split()]
                conn.executemany(NAME_WORDS, words)
    refresh_summaries(Database(conn), customers, _spend_as_of(folder, newest_update, zone))
    conn.execute("COMMIT")
    conn.close()
    return rows


def _spend_as_of(folder: Path, newest_update: int | None, zone: ZoneInfo) -> AsOf:
    """The window the app keeps the 12-month spend for: the export's day, as it reads it."""
    newest = newest_update or max(f.stat().st_mtime for f in folder.glob("*.csv"))
    return as_of_bounds(local_date(datetime.fromtimestamp(newest, UTC), zone), zone)


def _batches(path: Path, converter: Callable[[dict[str, int]], Convert]) -> Iterator[list[Row]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        ix = {h: i for i, h in enumerate(header)}
        convert = converter(ix)
        batch: list[Row] = []
        for values in reader:
            batch.append(convert(values))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

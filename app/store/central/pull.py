"""Pulling what changed centrally into a station's cache.

Every central row carries the id of the transaction that last wrote it (`xid`) and a change
number. A pull reads, in one REPEATABLE READ snapshot, every row written by a transaction
no older than the station's watermark, and then moves the watermark to the snapshot's xmin:
every transaction older than that had finished when the snapshot was taken, so it was seen
(or by an earlier pull), while a transaction still running then is newer than the new
watermark and is read by the next pull. Rows read twice are applied twice, which changes
nothing. Pages are applied in their own SQLite transactions, each saving where the pull got
to, so a pull that is killed goes on from there with the same snapshot's bound."""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlite_utils import Database

from app.store.central.connection import server_cursor
from app.store.central.schema import CONTRACT_MIRRORS, SUMMARY_MIRRORS, mirrors
from app.store.database import get_meta, set_meta, writing
from app.store.records import Decision, take_decision

PULLED = (*CONTRACT_MIRRORS, *SUMMARY_MIRRORS, "staff", "recorded_concessions", "feedback")
PAGE = 5_000
WATERMARK = "central_watermark"  # the xmin every change before which this cache has
_PROGRESS = "central_pull"  # an unfinished pull: its bounds and how far each table got
FIT_KEY = "potential_fit"  # the chain's potential-value fit (app/store/potential.py)
_META_PULLED = ("exported_at", "imported_at", "demo", FIT_KEY)
_STAFF_KEPT = ("failed_attempts", "locked_until")  # this counter's own lockout state


@dataclass
class Pulled:
    counts: dict[str, int]
    watermark: str
    resynced: tuple[str, ...] = ()  # tables whose row count had drifted: pulled whole again


def pull(conn: psycopg.Connection, db: Database, *, station: str, recount: bool = False) -> Pulled:
    """Apply every central change since this cache's watermark; `conn` must be idle.
    `recount`: then compare each shared table's rows with the central store's (in the same
    snapshot); a table that drifted (a row lost or left over) is emptied and pulled whole."""
    low = get_meta(db, WATERMARK) or "0"
    state = _progress(db, low)
    counts: dict[str, int] = dict.fromkeys((*PULLED, "tombstones"), 0)
    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    conn.read_only = True
    try:
        with conn.transaction():
            row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()
            resumed = "target" in state  # rows skipped by its cursor would skew a recount
            state.setdefault("target", row[0] if row else low)
            # Deletions first: a row deleted and made again since the watermark is then
            # deleted here and brought back by its table's pull, never the other way round.
            counts["tombstones"] = _pull_tombstones(conn, db, low, state)
            for table in PULLED:
                counts[table] = _pull_table(conn, db, table, low, state, station)
            resynced = _resync_drifted(conn, db, station) if recount and not resumed else ()
            meta: dict[str, str] = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.read_only = False
        conn.isolation_level = None
    with writing(db):
        for key in _META_PULLED:
            if key in meta:
                set_meta(db, key, str(meta[key]))
        if FIT_KEY not in meta:
            db.execute("DELETE FROM meta WHERE key = ?", [FIT_KEY])  # none centrally: none here
        set_meta(db, WATERMARK, state["target"])
        db.execute("DELETE FROM meta WHERE key = ?", [_PROGRESS])
    from app.store.potential import predict_here  # numpy and scipy: loaded only to predict

    predict_here(db)
    return Pulled({k: v for k, v in counts.items() if v}, state["target"], resynced)


def _resync_drifted(conn: psycopg.Connection, db: Database, station: str) -> tuple[str, ...]:
    """The tables the central store alone fills whose row count differs from it here."""
    drifted = []
    for table in (*CONTRACT_MIRRORS, *SUMMARY_MIRRORS):
        name = sql.Identifier(table)
        central = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(name)).fetchone()
        here = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if central is None or int(central[0]) == int(here):
            continue
        drifted.append(table)
        with writing(db):
            db.execute(f"DELETE FROM {table}")
            if table == "customers":
                db.execute("DELETE FROM name_words")
        _pull_table(conn, db, table, "0", {"low": "0", "done": {}}, station, save=False)
    return tuple(drifted)


def _progress(db: Database, low: str) -> dict[str, Any]:
    """Where an unfinished pull from the same watermark got to (or a fresh start)."""
    saved = get_meta(db, _PROGRESS)
    if saved:
        state: dict[str, Any] = json.loads(saved)
        if state.get("low") == low:
            return state
    return {"low": low, "done": {}}


def _pages(
    conn: psycopg.Connection, table: str, names: Sequence[str], low: str, after: list[Any] | None
) -> Generator[list[tuple[Any, ...]], None, None]:
    """The table's rows written at or after `low`, in (xid, change) order, a page at a time;
    each row ends with its xid (as text) and change number."""
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in names)
    where = sql.SQL("xid >= {}::xid8").format(sql.Literal(low))
    if after is not None:
        where = sql.SQL("{} AND (xid, change) > ({}::xid8, {})").format(
            where, sql.Literal(after[0]), sql.Literal(after[1])
        )
    query = sql.SQL("SELECT {}, xid::text, change FROM {} WHERE {} ORDER BY xid, change").format(
        columns, sql.Identifier(table), where
    )
    with server_cursor(conn, f"pull_{table}") as cursor:
        cursor.itersize = PAGE
        cursor.execute(query)
        while page := cursor.fetchmany(PAGE):
            yield page


def _pull_table(
    conn: psycopg.Connection,
    db: Database,
    table: str,
    low: str,
    state: dict[str, Any],
    station: str,
    *,
    save: bool = True,
) -> int:
    """Pull one table's rows since `low`; `save`: note each page's end as the pull's
    progress (not while re-pulling a drifted table, which must not move it)."""
    names = mirrors()[table].names
    apply = _APPLY.get(table, _replace)
    pulled = 0
    found = _pages(conn, table, names, low, state["done"].get(table))
    with closing(found) as pages:  # its server-side cursor closes even if the pull fails
        for page in pages:
            rows = [r[: len(names)] for r in page]
            with writing(db):
                apply(db, table, names, rows, station)
                state["done"][table] = [page[-1][-2], page[-1][-1]]
                if save:
                    set_meta(db, _PROGRESS, json.dumps(state))
            pulled += len(rows)
    return pulled


def _pull_tombstones(
    conn: psycopg.Connection, db: Database, low: str, state: dict[str, Any]
) -> int:
    gone = 0
    found = _pages(conn, "tombstones", ("table_name", "key"), low, state["done"].get(""))
    with closing(found) as pages:
        for page in pages:
            with writing(db):
                for table_name, key, _xid, _change in page:
                    mirror = mirrors().get(table_name)
                    if mirror is None or table_name not in PULLED:
                        continue
                    if table_name == "customers":
                        _forget_words(db, [key[0]])
                    match = " AND ".join(f"{c} = ?" for c in mirror.key)
                    db.execute(f"DELETE FROM {table_name} WHERE {match}", _typed(mirror, key))
                state["done"][""] = [page[-1][-2], page[-1][-1]]
                set_meta(db, _PROGRESS, json.dumps(state))
            gone += len(page)
    return gone


def _typed(mirror: Any, key: Sequence[str]) -> list[Any]:
    kinds = {c.name: c.type for c in mirror.columns}
    return [int(v) if kinds[c] == "bigint" else v for c, v in zip(mirror.key, key, strict=True)]


def _insert_sql(verb: str, table: str, names: Sequence[str]) -> str:
    marks = ", ".join("?" * len(names))
    return f"{verb} INTO {table} ({', '.join(names)}) VALUES ({marks})"


Apply = Callable[[Database, str, Sequence[str], list[tuple[Any, ...]], str], None]


def _replace(
    db: Database, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], _station: str
) -> None:
    """The central row as it is now (a REPLACE also clears a row that held its unique key)."""
    marks = ", ".join("?" * len(names))
    db.conn.executemany(
        f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({marks})", rows
    )


def _customers(
    db: Database, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], station: str
) -> None:
    """Customers also keep the name words a name search walks."""
    words_at = list(names).index("search_words")
    new = {r[0]: set(str(r[words_at]).split()) for r in rows}
    _forget_words(db, list(new), keep=new)
    _replace(db, table, names, rows, station)
    words = [(w, cid) for cid, kept in new.items() for w in kept]
    db.conn.executemany("INSERT OR IGNORE INTO name_words (word, customer_id) VALUES (?, ?)", words)


def _forget_words(
    db: Database, customer_ids: Sequence[str], keep: dict[str, set[str]] | None = None
) -> None:
    """Remove these customers' name words (but those in `keep`), found by the words their
    row holds: name_words is keyed by word first, so a delete by customer alone would scan."""
    stale: list[tuple[str, str]] = []
    for start in range(0, len(customer_ids), 500):
        chunk = customer_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for cid, held in db.execute(
            f"SELECT customer_id, search_words FROM customers WHERE customer_id IN ({marks})",
            chunk,
        ):
            kept = keep.get(cid, set()) if keep else set()
            stale += [(w, cid) for w in set(str(held).split()) - kept]
    db.conn.executemany("DELETE FROM name_words WHERE word = ? AND customer_id = ?", stale)


def _staff(
    db: Database, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], _station: str
) -> None:
    """Accounts as the chain keeps them; this counter's own count of wrong PINs stays, and a
    lock made anywhere holds here too (the later of the two ends)."""
    shared = [c for c in names if c not in _STAFF_KEPT and c != "staff_id"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in shared)
    updates += (
        ", locked_until = CASE WHEN excluded.locked_until > coalesce(staff.locked_until, '') "
        "THEN excluded.locked_until ELSE staff.locked_until END"
    )
    marks = ", ".join("?" * len(names))
    db.conn.executemany(
        f"INSERT INTO staff ({', '.join(names)}) VALUES ({marks}) "
        f"ON CONFLICT (staff_id) DO UPDATE SET {updates}",
        rows,
    )


def _recorded(
    db: Database, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], station: str
) -> None:
    """Goodwill from every station: new ones as they are; a decision made elsewhere on a
    request still pending here is taken (and, for this station's own, handed back)."""
    at = {c: i for i, c in enumerate(names)}
    db.conn.executemany(_insert_sql("INSERT OR IGNORE", table, names), rows)
    for row in rows:
        if row[at["status"]] in ("pending", "recorded"):
            continue
        held = Decision(
            row[at["status"]], row[at["decided_by"]], row[at["decided_at"]],
            row[at["decision_reason"]],
        )  # fmt: skip
        take_decision(db, row[at["concession_id"]], held, station)


def _ignore_known(
    db: Database, table: str, names: Sequence[str], rows: list[tuple[Any, ...]], _station: str
) -> None:
    marks = ", ".join("?" * len(names))
    db.conn.executemany(
        f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({marks})", rows
    )


_APPLY: dict[str, Apply] = {
    "customers": _customers,
    "staff": _staff,
    "recorded_concessions": _recorded,
    "feedback": _ignore_known,
}

"""Pushing a station's outbox to the central store.

Outbox rows go in the order they were recorded, a batch per central transaction; only once
it has committed are they taken off the outbox. Every central insert is keyed by the record's
UUID (the audit log by station and number) and does nothing for a row it already holds, so a
push resent after a lost reply, or after being killed half-way, never doubles anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from sqlite_utils import Database

from app.store import outbox
from app.store.central import CentralError
from app.store.central.schema import mirrors
from app.store.outbox import Kind

BATCH = 500
_TABLES: dict[Kind, tuple[str, str]] = {  # kind: (table, key)
    "concession": ("recorded_concessions", "concession_id"),
    "feedback": ("feedback", "feedback_id"),
    "audit": ("audit_log", "seq"),
}
_DECISION = ("status", "decided_by", "decided_at", "decision_reason")


@dataclass
class Pushed:
    counts: dict[str, int] = field(default_factory=dict)  # new to the central store
    conflicts: list[str] = field(default_factory=list)  # decided differently elsewhere


def push(conn: psycopg.Connection, db: Database, *, station: str) -> Pushed:
    """Send everything waiting; `conn` must be idle (not in a transaction)."""
    pushed = Pushed()
    while waiting := outbox.waiting(db, BATCH):
        with conn.transaction():
            for kind in ("concession", "feedback", "audit"):
                ids = [record_id for _, k, record_id in waiting if k == kind]
                if ids:
                    added = _insert(conn, db, kind, ids, station)
                    pushed.counts[kind] = pushed.counts.get(kind, 0) + added
            decided = [record_id for _, k, record_id in waiting if k == "decision"]
            if decided:
                done = _decide(conn, db, decided, pushed.conflicts)
                pushed.counts["decision"] = pushed.counts.get("decision", 0) + done
        outbox.acknowledged(db, waiting[-1][0])
    return pushed


def _insert(
    conn: psycopg.Connection, db: Database, kind: Kind, ids: Sequence[str], station: str
) -> int:
    table, key = _TABLES[kind]
    names = mirrors()[table].names
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT {', '.join(names)} FROM {table} WHERE {key} IN ({marks}) ORDER BY {key}",
        [int(i) for i in ids] if kind == "audit" else list(ids),
    ).fetchall()
    if kind == "audit":
        _refuse_a_namesake(conn, rows, names, station)
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING").format(
        sql.Identifier(table),
        sql.SQL(", ").join(sql.Identifier(c) for c in names),
        sql.SQL(", ").join(sql.Placeholder() * len(names)),
    )
    with conn.cursor() as cur:
        cur.executemany(statement, rows)
        return max(cur.rowcount, 0)


def _refuse_a_namesake(
    conn: psycopg.Connection, rows: list[tuple[Any, ...]], names: Sequence[str], station: str
) -> None:
    """Another station's audit records under this one's name would be silently dropped as
    already held: two stations configured with one name are refused instead."""
    at_seq, at_hash = names.index("seq"), names.index("hash")
    mine = {int(r[at_seq]): r[at_hash] for r in rows}
    held = conn.execute(
        "SELECT seq, hash FROM audit_log WHERE station = %s AND seq = ANY(%s)",
        [station, list(mine)],
    ).fetchall()
    clash = [seq for seq, digest in held if mine.get(int(seq)) != digest]
    if clash:
        raise CentralError(
            f"the central store already holds different audit records for a station named "
            f"{station!r} (record {min(clash)}): each station needs its own STANDING_STATION"
        )


def _decide(
    conn: psycopg.Connection, db: Database, ids: Sequence[str], conflicts: list[str]
) -> int:
    """A decision reaches the central record only while it is pending there: the first
    decision made anywhere in the chain stands, and a later one is reported."""
    done = 0
    for concession_id in ids:
        local = db.execute(
            f"SELECT {', '.join(_DECISION)} FROM recorded_concessions WHERE concession_id = ?",
            [concession_id],
        ).fetchone()
        if local is None:
            continue
        updated = conn.execute(
            "UPDATE recorded_concessions SET status = %s, decided_by = %s, decided_at = %s, "
            "decision_reason = %s WHERE concession_id = %s AND status = 'pending'",
            [*local, concession_id],
        )
        if updated.rowcount:
            done += 1
            continue
        held = conn.execute(
            f"SELECT {', '.join(_DECISION)} FROM recorded_concessions WHERE concession_id = %s",
            [concession_id],
        ).fetchone()
        if held is not None and tuple(held[:2]) != tuple(local[:2]):
            conflicts.append(
                f"{concession_id}: {held[0]} by {held[1]} in the chain, {local[0]} by {local[1]} "
                "here; the chain's decision stands"
            )
    return done

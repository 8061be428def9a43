"""Pushing a station's outbox to the central store.

Outbox rows go in the order they were recorded, a batch per central transaction; only once
it has committed are they taken off the outbox. Every central insert is keyed by the record's
UUID (the audit log by station and number) and does nothing for a row it already holds, so a
push resent after a lost reply, or after being killed half-way, never doubles anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql
from sqlite_utils import Database

from app.store import outbox
from app.store.central import CentralError, RefusedDecisionError
from app.store.central.schema import mirrors
from app.store.database import writing
from app.store.outbox import Kind
from app.store.records import Decision, note_clash

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
    refused: list[str] = field(default_factory=list)  # requests the chain sent back: pending


def push(conn: psycopg.Connection, db: Database, *, station: str) -> Pushed:
    """Send everything waiting; `conn` must be idle (not in a transaction)."""
    pushed = Pushed()
    while waiting := outbox.waiting(db, BATCH):
        with conn.transaction():
            # One push per station name at a time: two stations under one name cannot both
            # pass the namesake check before either's audit records are in.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"push {station}"])
            for kind in ("concession", "feedback", "audit"):
                ids = [record_id for _, k, record_id in waiting if k == kind]
                if ids:
                    added = _insert(conn, db, kind, ids, station)
                    pushed.counts[kind] = pushed.counts.get(kind, 0) + added
            decided = [record_id for _, k, record_id in waiting if k == "decision"]
            if decided:
                done = _decide(conn, db, decided, pushed, station)
                pushed.counts["decision"] = pushed.counts.get("decision", 0) + done
        outbox.acknowledged(db, waiting[-1][0])
    if locks := push_locks(conn, db):
        pushed.counts["locks"] = locks
    return pushed


def _insert(
    conn: psycopg.Connection, db: Database, kind: Kind, ids: Sequence[str], station: str
) -> int:
    table, key = _TABLES[kind]
    names = mirrors()[table].names
    marks = ",".join("?" * len(ids))
    # Only this station's own records: others' (pulled, or carried by a restore) and records
    # made under another name before it joined the chain are the chain's already, or not its.
    rows = db.execute(
        f"SELECT {', '.join(names)} FROM {table} WHERE {key} IN ({marks}) AND station = ? "
        f"ORDER BY {key}",
        [*([int(i) for i in ids] if kind == "audit" else ids), station],
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
    conn: psycopg.Connection,
    db: Database,
    ids: Sequence[str],
    pushed: Pushed,
    station: str,
) -> int:
    """A decision reaches the central record only while it is pending there: the first
    decision made anywhere in the chain stands, and a later one is reported."""
    done = 0
    for concession_id in ids:
        local = db.execute(
            f"SELECT {', '.join(_DECISION)} FROM recorded_concessions WHERE concession_id = ?",
            [concession_id],
        ).fetchone()
        if local is None or local[0] not in ("approved", "denied"):
            continue  # pending again here (refused before): nothing to send
        row = conn.execute(
            "SELECT standing_decide(%s, %s, %s, %s, %s)", [concession_id, *local]
        ).fetchone()
        outcome = str(row[0]) if row else "unknown"
        if outcome == "decided":
            done += 1
        elif outcome != f"{local[0]} by {local[1]}":
            if outcome.startswith("refused: "):  # this station's rules are not the chain's
                said = f"{local[0]} by {local[1]} here, {outcome} centrally; pending again"
                held = None
                pushed.refused.append(concession_id)
            else:
                said = (
                    f"{outcome} in the chain, {local[0]} by {local[1]} here; "
                    "the chain's decision stands"
                )
                held = _held(conn, concession_id)
                if held is None:
                    continue
            pushed.conflicts.append(f"{concession_id}: {said}")
            with writing(db):
                note_clash(db, concession_id, held, said, datetime.now(UTC), station)
    return done


def _held(conn: psycopg.Connection, concession_id: str) -> Decision | None:
    """The decision the central store holds on a request (None: none yet)."""
    row = conn.execute(
        f"SELECT {', '.join(_DECISION)} FROM recorded_concessions "
        "WHERE concession_id = %s AND status IN ('approved', 'denied')",
        [concession_id],
    ).fetchone()
    return None if row is None else Decision(*row)


def push_locks(conn: psycopg.Connection, db: Database) -> int:
    """Accounts this counter locked after wrong PINs are locked chain-wide (no outbox: the
    lock itself is the state, sent while it lasts)."""
    locked = db.execute(
        "SELECT staff_id, locked_until FROM staff WHERE locked_until IS NOT NULL"
    ).fetchall()
    with conn.transaction():
        for staff_id, until in locked:
            conn.execute("SELECT standing_note_lock(%s, %s)", [staff_id, until])
    return len(locked)


def decide_now(
    conn: psycopg.Connection, concession_id: str, status: str, by: str, at: int, reason: str
) -> Decision | None:
    """Decide a request centrally, at once: None when this decision is the chain's (or the
    request has not reached the central store yet); else the decision made first elsewhere."""
    row = conn.execute(
        "SELECT standing_decide(%s, %s, %s, %s, %s)", [concession_id, status, by, at, reason]
    ).fetchone()
    outcome = str(row[0]) if row else "unknown"
    if outcome.startswith("refused: "):
        refusal = outcome.removeprefix("refused: ")
        raise RefusedDecisionError(f"the chain refused this decision: {refusal}")
    if outcome in ("decided", "unknown"):
        return None
    return _held(conn, concession_id)

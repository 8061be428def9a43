"""What this station recorded and the central store has not yet acknowledged.

A record (a concession, its decision, the customer's words, an audit record) and its outbox
row are written in one SQLite transaction, so nothing recorded is ever left out of a push;
a row goes only once the central store has committed what it names."""

from __future__ import annotations

from typing import Literal

from sqlite_utils import Database

Kind = Literal["concession", "decision", "feedback", "audit"]
KINDS: tuple[Kind, ...] = ("concession", "decision", "feedback", "audit")


def queue(db: Database, kind: Kind, record_id: str | int) -> None:
    db.execute("INSERT INTO outbox (kind, record_id) VALUES (?, ?)", [kind, str(record_id)])


def waiting(db: Database, limit: int) -> list[tuple[int, Kind, str]]:
    """(seq, kind, record_id) in the order they were recorded, oldest first."""
    rows = db.execute(
        "SELECT seq, kind, record_id FROM outbox ORDER BY seq LIMIT ?", [limit]
    ).fetchall()
    return [(int(seq), kind, str(record_id)) for seq, kind, record_id in rows]


def acknowledged(db: Database, through: int) -> None:
    db.execute("DELETE FROM outbox WHERE seq <= ?", [through])


def count(db: Database, *, audit: bool = True) -> int:
    """How many rows wait; `audit=False`: the goodwill, decisions and words only (what a
    person at the counter recorded, not the audit records of their lookups)."""
    where = "" if audit else " WHERE kind <> 'audit'"
    return int(db.execute(f"SELECT count(*) FROM outbox{where}").fetchone()[0])

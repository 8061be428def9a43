"""What a damaged cache still holds of the station's own records (staff, concessions and
their decisions, the customer's words, the audit log), read row by row as far as SQLite can,
and carried into the backup that replaces it. Upstream data needs no salvage: the next
import brings it back; these records exist nowhere else."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.store import audit, outbox
from app.store.database import set_meta, writing
from app.store.records import APPROVED, GRANTED, PENDING, queue_handback

Row = tuple[Any, ...]
# The tables of what the station recorded itself, and the column naming a row.
OWN = {
    "staff": "staff_id",
    "recorded_concessions": "concession_id",
    "feedback": "feedback_id",
    "demo_records": "record_id",
    "audit_log": "seq",
}


@dataclass
class Salvage:
    """The readable rows of each own table, and how many rows could not be read."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    audit_head: int = 0  # the newest audit record the damaged cache had written, if known

    @property
    def lost(self) -> int:
        return sum(self.unreadable.values())

    @property
    def readable(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


@dataclass
class Carried:
    """What the restored cache gained from the damaged one."""

    added: dict[str, int] = field(default_factory=dict)  # rows new to the backup, by table
    unreadable: int = 0  # rows of the damaged cache that could not be read at all
    audit_gap: tuple[int, int] | None = None  # damaged records (first, last) not carried

    @property
    def saved(self) -> int:
        return sum(self.added.values())


def read_salvage(path: Path) -> Salvage:
    """Read the own tables of the (damaged) cache at `path`, never writing to it."""
    found = Salvage()
    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return found
    try:
        for table in OWN:
            _read_table(conn, table, found)
        found.audit_head = _audit_head(conn)
    finally:
        conn.close()
    return found


def _audit_head(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [audit.HEAD_KEY]).fetchone()
        return int(str(row[0]).partition(":")[0]) if row else 0
    except (sqlite3.DatabaseError, ValueError):
        return 0


def _read_table(conn: sqlite3.Connection, table: str, found: Salvage) -> None:
    try:
        columns = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    except sqlite3.DatabaseError:
        columns = ()
    if not columns:
        found.unreadable[table] = 0  # the schema itself is gone: nothing can be counted
        return
    rows: dict[int, Row] = {}
    if table == "demo_records":  # WITHOUT ROWID: read in one pass, as far as it goes
        try:
            rows.update(enumerate(tuple(r) for r in conn.execute(f"SELECT * FROM {table}")))
        except sqlite3.DatabaseError:
            found.unreadable[table] = 0
        found.columns[table] = columns
        found.rows[table] = list(rows.values())
        return
    for order in ("ASC", "DESC"):  # from each end as far as the pages can be read
        try:
            for rowid, *values in conn.execute(
                f"SELECT rowid, * FROM {table} ORDER BY rowid {order}"
            ):
                rows.setdefault(rowid, tuple(values))
            break
        except sqlite3.DatabaseError:
            continue
    highest = max(rows, default=0)
    # Own records are never deleted, so rowids run 1..n: a gap is a row that was not read.
    gaps = highest - len(rows) if table != "staff" else 0
    for rowid in range(1, highest + 1):
        if rowid in rows:
            continue
        try:
            one = conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            continue
        if one is not None:
            rows[rowid] = tuple(one)
            gaps -= 1
    found.columns[table] = columns
    found.rows[table] = [rows[k] for k in sorted(rows)]
    found.unreadable[table] = max(gaps, 0)


def carry(db: Database, salvage: Salvage, *, station: str, at: Any) -> Carried:
    """Add to the restored cache `db` what it lacks of the salvaged records, in one
    transaction; the audit chain stays continuous, with any gap written into it."""
    carried = Carried(unreadable=salvage.lost)
    with writing(db):
        carried.added["staff"] = _carry_staff(db, salvage)
        carried.added["recorded_concessions"] = _carry_concessions(db, salvage, station)
        carried.added["feedback"] = _carry_plain(db, salvage, "feedback", handback="feedback")
        carried.added["demo_records"] = _carry_plain(db, salvage, "demo_records")
        carried.added["audit_log"], carried.audit_gap = _carry_audit(db, salvage, station, at)
    return carried


def _named(salvage: Salvage, table: str) -> list[dict[str, Any]]:
    columns = salvage.columns.get(table, ())
    return [dict(zip(columns, row, strict=True)) for row in salvage.rows.get(table, [])]


def _insert(db: Database, table: str, row: dict[str, Any], verb: str = "INSERT OR IGNORE") -> int:
    names = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cursor = db.execute(f"{verb} INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    return int(cursor.rowcount)


def _carry_staff(db: Database, salvage: Salvage) -> int:
    """Accounts made or changed after the backup (a new PIN, a lockout) are the newer."""
    added = 0
    for row in _named(salvage, "staff"):
        known = db.execute("SELECT 1 FROM staff WHERE staff_id = ?", [row["staff_id"]]).fetchone()
        added += 0 if known else 1
        _insert(db, "staff", row, "INSERT OR REPLACE")
    return added


def _carry_concessions(db: Database, salvage: Salvage, station: str) -> int:
    """Goodwill recorded after the backup; only this station's own goes back upstream (what
    was pulled from other stations is theirs to hand back)."""
    added = 0
    for row in _named(salvage, "recorded_concessions"):
        key = row["concession_id"]
        own = row["station"] == station
        if _insert(db, "recorded_concessions", row):
            added += 1
            outbox.queue(db, "concession", key)
            if row["decided_at"] is not None:
                outbox.queue(db, "decision", key)
            if own and row["status"] in GRANTED:
                queue_handback(db, "concession", key)
            continue
        status = db.execute(
            "SELECT status FROM recorded_concessions WHERE concession_id = ?", [key]
        ).fetchone()[0]
        if status == PENDING and row["status"] != PENDING:  # decided after the backup
            db.execute(
                "UPDATE recorded_concessions SET status = ?, decided_by = ?, decided_at = ?, "
                "decision_reason = ? WHERE concession_id = ?",
                [row["status"], row["decided_by"], row["decided_at"], row["decision_reason"], key],
            )
            outbox.queue(db, "decision", key)
            if own and row["status"] == APPROVED:
                queue_handback(db, "concession", key)
    return added


def _carry_plain(db: Database, salvage: Salvage, table: str, *, handback: str = "") -> int:
    added = 0
    for row in _named(salvage, table):
        if _insert(db, table, row):
            added += 1
            if table == "feedback":
                outbox.queue(db, "feedback", row["feedback_id"])
            if handback:
                queue_handback(db, handback, row[OWN[table]])
    return added


def _follows(entry: dict[str, Any], seq: int, prev: str) -> bool:
    """The record comes next in the chain, and is as it was written."""
    digest = audit.link_hash(*(entry[c] for c in ("prev_hash", *audit.COLUMNS)))
    return bool(entry["seq"] == seq + 1 and entry["prev_hash"] == prev and entry["hash"] == digest)


def _carry_audit(
    db: Database, salvage: Salvage, station: str, at: Any
) -> tuple[int, tuple[int, int] | None]:
    """Records after the backup's last go in as they were, while they follow its chain;
    from the first that cannot be (unread, or not chained to it), a gap record says which
    records are missing and the rest follow it re-chained, each naming its old number."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (0, audit.GENESIS) if last is None else (int(last[0]), str(last[1]))
    later = [r for r in _named(salvage, "audit_log") if r["seq"] > seq]
    added = 0
    while later and _follows(later[0], seq, prev):
        entry = later.pop(0)
        _insert(db, "audit_log", entry, "INSERT")
        outbox.queue(db, "audit", entry["seq"])
        seq, prev, added = entry["seq"], entry["hash"], added + 1
    set_meta(db, audit.HEAD_KEY, f"{seq}:{prev}")
    highest = max([r["seq"] for r in later] + [salvage.audit_head])
    if highest <= seq:
        return added, None
    gap = (seq + 1, highest)
    audit.append(
        db,
        at=at,
        actor="standing",
        station=station,
        action="audit_gap",
        detail=f"records {gap[0]}-{gap[1]} of the damaged cache could not be carried over "
        f"as written; {len(later)} of them follow, re-chained",
    )
    for entry in later:
        audit.append(
            db,
            at=at,
            actor=entry["actor"],
            station=entry["station"],
            action=entry["action"],
            customer_id=entry["customer_id"],
            detail=f"{entry['detail']} [salvaged record {entry['seq']} of {entry['at']}]",
        )
        added += 1
    return added, gap

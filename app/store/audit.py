"""The audit log: append-only (triggers refuse changes) and hash-chained (edits show)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from app.store import outbox
from app.store.database import get_meta, set_meta, writing

GENESIS = "0" * 64
HEAD_KEY = "audit_head"  # "seq:hash" of the newest record, so a cut tail shows too
COLUMNS = ("seq", "at", "actor", "station", "action", "customer_id", "detail")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    station: str
    action: str
    customer_id: str | None
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Verdict:
    checked: int
    bad_seq: int | None = None  # the first record that is not as written
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.bad_seq is None


def link_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    station: str,
    action: str,
    customer_id: str | None,
    detail: str,
) -> str:
    body = json.dumps(
        [prev_hash, seq, at, actor, station, action, customer_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    db: Database,
    *,
    at: datetime,
    actor: str,
    station: str,
    action: str,
    customer_id: str | None = None,
    detail: str = "",
) -> int:
    """Add one record chained to the last; joins the caller's transaction if there is one."""
    stamp = at.isoformat(timespec="microseconds")
    with writing(db):
        last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
        digest = link_hash(prev, seq, stamp, actor, station, action, customer_id, detail)
        db.execute(
            "INSERT INTO audit_log (seq, at, actor, station, action, customer_id, detail, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, stamp, actor, station, action, customer_id, detail, prev, digest],
        )
        set_meta(db, HEAD_KEY, f"{seq}:{digest}")
        outbox.queue(db, "audit", seq)
    return seq


def entries(db: Database, since: str | None = None) -> Iterator[AuditEntry]:
    """Every record in order; `since` is an ISO moment (UTC) to start from."""
    sql = (
        "SELECT seq, at, actor, station, action, customer_id, detail, prev_hash, hash "
        "FROM audit_log"
    )
    params: list[object] = []
    if since is not None:
        sql += " WHERE at >= ?"
        params.append(since)
    for row in db.execute(sql + " ORDER BY seq", params):
        yield AuditEntry(*row)


def verify(db: Database) -> Verdict:
    """Walk the chain from the first record; name the first one not as it was written."""
    expected, prev, checked = 1, GENESIS, 0
    for entry in entries(db):
        if entry.seq != expected:
            return Verdict(checked, expected, f"audit record {expected} is missing (deleted)")
        if entry.prev_hash != prev:
            return Verdict(
                checked,
                entry.seq,
                f"audit record {entry.seq} does not follow record {entry.seq - 1} "
                "(records deleted or reordered)",
            )
        digest = link_hash(
            entry.prev_hash,
            entry.seq,
            entry.at,
            entry.actor,
            entry.station,
            entry.action,
            entry.customer_id,
            entry.detail,
        )
        if digest != entry.hash:
            return Verdict(checked, entry.seq, f"audit record {entry.seq} was altered")
        expected, prev, checked = expected + 1, entry.hash, checked + 1
    return _check_head(get_meta(db, HEAD_KEY), checked, prev)


def _check_head(head: str | None, checked: int, last_hash: str) -> Verdict:
    """The head mark, written with every record, names the last one: records cut from the
    end, or added after it other than by `append`, show against it."""
    if head is None:
        if checked:
            return Verdict(checked, 1, "the audit log's head mark is missing (altered)")
        return Verdict(checked)
    head_seq_text, _, head_hash = head.partition(":")
    try:
        head_seq = int(head_seq_text)
    except ValueError:
        return Verdict(checked, 1, "the audit log's head mark was altered")
    if head_seq > checked:
        return Verdict(
            checked, checked + 1, f"audit records from {checked + 1} on are missing (deleted)"
        )
    if head_seq < checked:
        return Verdict(
            checked,
            head_seq + 1,
            f"audit records from {head_seq + 1} on were not written by Standing (added)",
        )
    if checked and head_hash != last_hash:
        return Verdict(checked, checked, f"audit record {checked} was altered")
    return Verdict(checked)

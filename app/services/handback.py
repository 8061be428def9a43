"""Hand-back upstream: what this station recorded since the last hand-back, in the
contract's format, each row with its UUID so upstream can de-duplicate. Concessions go back
once given (recorded within a limit, or approved); pending and denied ones do not."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from app.domain.cells import safe_row
from app.domain.contract import ConcessionRow, InteractionRow
from app.domain.money import to_decimal_string
from app.services.audit import AuditService
from app.store import records
from app.store.database import get_meta, set_meta, writing
from app.store.records import Feedback, RecordedConcession

THROUGH_KEY = "handback_through"
# The contract's columns first; the rest say what upstream needs to know about a decision.
CONCESSION_COLUMNS = (
    *ConcessionRow.columns(),
    *("status", "category", "disputed_amount", "words", "note", "staff_id"),
    *("decided_by", "decided_at", "decision_reason"),
)
INTERACTION_COLUMNS = (*InteractionRow.columns(), "staff_id", "location")
MONEY_COLUMNS = frozenset({"value", "disputed_amount"})  # numbers; every other cell is text
Row = dict[str, str]


class HandbackError(OSError):
    """The hand-back folder cannot be written; nothing is marked as sent."""


# A row of the contract's concessions file is goodwill given: an approval the chain overruled
# (decided first elsewhere) stays queued but is not sent.
GIVEN = (records.RECORDED, records.APPROVED)


@dataclass
class Handback:
    files: dict[str, int] = field(default_factory=dict)  # rows written, by file

    @property
    def written(self) -> int:
        return sum(self.files.values())


def export_handback(db: Database, folder: Path, audit: AuditService, actor: str) -> Handback:
    """Write what is new since the last run; a run with nothing new writes nothing."""
    through = int(get_meta(db, THROUGH_KEY) or 0)
    queued = records.handback_after(db, through)
    result = Handback()
    if not queued:
        return result
    concession_ids = _unique(r for _, kind, r in queued if kind == "concession")
    feedback_ids = _unique(r for _, kind, r in queued if kind == "feedback")
    outgoing = (
        ("concessions.csv", CONCESSION_COLUMNS,
         [_concession_row(c) for c in records.concessions_by_ids(db, concession_ids)
          if c.status in GIVEN]),
        ("interactions.csv", INTERACTION_COLUMNS,
         [_feedback_row(f) for f in records.feedback_by_ids(db, feedback_ids)]),
    )  # fmt: skip
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandbackError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    prepared: list[tuple[Path, Path]] = []
    try:  # every file is written in full before any is swapped in
        for name, columns, rows in outgoing:
            if rows:
                path = folder / name
                prepared.append((_prepare_csv(path, columns, rows), path))
                result.files[name] = len(rows)
    except BaseException:
        for temp, _ in prepared:
            temp.unlink(missing_ok=True)
        raise
    for temp, path in prepared:
        temp.replace(path)
    _sync_folder(folder)
    with writing(db):  # marked as sent only once the files are safely written
        set_meta(db, THROUGH_KEY, str(queued[-1][0]))
        audit.record(actor, "handback_exported", detail=f"{result.written} rows to {folder}")
    return result


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _concession_row(c: RecordedConcession) -> Row:
    return {
        "concession_id": c.concession_id,
        "customer_id": c.customer_id,
        "granted_at": c.recorded_at.isoformat(),
        "value": to_decimal_string(c.value),
        "kind": c.action,
        "reason": c.category,
        "location": c.station,
        "status": c.status,
        "category": c.category,
        "disputed_amount": to_decimal_string(c.disputed_amount),
        "words": c.words,
        "note": c.note,
        "staff_id": c.staff_id,
        "decided_by": c.decided_by or "",
        "decided_at": c.decided_at.isoformat() if c.decided_at else "",
        "decision_reason": c.decision_reason or "",
    }


def _feedback_row(f: Feedback) -> Row:
    return {
        "interaction_id": f.feedback_id,
        "customer_id": f.customer_id,
        "occurred_at": f.recorded_at.isoformat(),
        "kind": f.kind,
        "channel": "counter",
        "summary": f.words,
        "staff_id": f.staff_id,
        "location": f.station,
    }


def _prepare_csv(path: Path, columns: Sequence[str], rows: list[Row]) -> Path:
    """A full new copy of the file with the rows added (what upstream has not collected yet
    stays), synced to disk; swapped in whole later, so a crash never leaves half a file."""
    temp = path.with_name(path.name + ".part")
    try:
        existing = path.read_text("utf-8") if path.exists() else ""
        if existing and existing.splitlines()[0] != ",".join(columns):
            raise HandbackError(f"{path} has other columns: move it away and run again")
        with temp.open("w", encoding="utf-8", newline="") as out:
            out.write(existing)
            writer = csv.writer(out, lineterminator="\n")
            if not existing:
                writer.writerow(columns)
            money = frozenset(i for i, c in enumerate(columns) if c in MONEY_COLUMNS)
            writer.writerows(safe_row([row[c] for c in columns], money) for row in rows)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, HandbackError):
            raise
        raise HandbackError(f"cannot write {path}: {exc.strerror or exc}") from None
    return temp


def _sync_folder(folder: Path) -> None:
    """The renames themselves reach the disk (where the platform allows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

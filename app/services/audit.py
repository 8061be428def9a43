"""Who did what, when: every sign-in, lookup, reveal, suggestion and decision, chained."""

from __future__ import annotations

import csv
import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from app.domain.cells import safe_row
from app.domain.text import QT_TRANSLATE_NOOP
from app.store import audit as store
from app.store.audit import Verdict
from app.store.database import BusyError, busy_timeout, writing

EXPORT_COLUMNS = (
    "seq", "at", "actor", "station", "action", "customer_id", "detail", "prev_hash", "hash"
)  # fmt: skip


UNAUDITED = QT_TRANSLATE_NOOP(
    "audit",
    "nothing is shown: this read could not be written to the audit log ({detail})",
)


class UnauditedError(BusyError):
    """A read whose audit record cannot be written; what it found is not shown."""


def os_actor() -> str:
    """The operating-system user, as command-line reads are audited."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = f"uid{os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"os:{name}"


@dataclass(frozen=True, slots=True)
class _Entry:
    at: datetime
    actor: str
    action: str
    customer_id: str | None
    detail: str


class AuditService:
    """Appends to the chained log. While another connection holds the write lock (a long
    import), a read's record waits here, in order, and is chained as soon as the lock is
    free, so the counter keeps answering; writes that record something wait for the lock."""

    QUICK_WAIT_MS = 100

    def __init__(
        self, db: Database, *, station: str, zone: ZoneInfo, clock: Callable[[], datetime]
    ) -> None:
        self.db, self.station, self.zone, self.clock = db, station, zone, clock
        self._waiting: list[_Entry] = []

    @property
    def waiting(self) -> int:
        """Records not yet chained: the database was busy, or the caller chains them later."""
        return len(self._waiting)

    def record(
        self,
        actor: str,
        action: str,
        customer_id: str | None = None,
        detail: str = "",
        *,
        chain_now: bool = True,
    ) -> None:
        """Appends a record; with `chain_now` off it waits for the next record or flush."""
        self._waiting.append(
            _Entry(self.clock().astimezone(UTC), actor, action, customer_id, detail)
        )
        if chain_now:
            self.flush(quick=not self.db.conn.in_transaction)

    def flush(self, *, quick: bool = False) -> None:
        """Chain every waiting record; `quick` gives up at once if the database is busy."""
        if not self._waiting:
            return
        try:
            with busy_timeout(self.db, self.QUICK_WAIT_MS if quick else None), writing(self.db):
                for entry in self._waiting:
                    store.append(
                        self.db,
                        at=entry.at,
                        actor=entry.actor,
                        station=self.station,
                        action=entry.action,
                        customer_id=entry.customer_id,
                        detail=entry.detail,
                    )
        except BusyError:
            if quick:
                return  # still waiting, in order; chained by the next record or flush
            raise
        self._waiting.clear()

    def settle(self, wait_ms: int | None = None) -> None:
        """Chain every waiting record now, waiting for the write lock at most `wait_ms` (the
        usual 5 s); if it stays busy the records cannot be kept, and UnauditedError says so:
        what they were for must not be shown (the command line's reads)."""
        try:
            with busy_timeout(self.db, wait_ms):
                self.flush()
        except BusyError as exc:
            self._waiting.clear()
            raise UnauditedError(UNAUDITED.format(detail=str(exc))) from None

    def verify(self) -> Verdict:
        return store.verify(self.db)

    def export_csv(self, out: TextIO, since: date | None = None) -> int:
        start = None
        if since is not None:
            local = datetime.combine(since, time(), self.zone)
            start = local.astimezone(UTC).isoformat(timespec="microseconds")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(EXPORT_COLUMNS)
        count = 0
        for entry in store.entries(self.db, start):
            writer.writerow(safe_row(getattr(entry, c) or "" for c in EXPORT_COLUMNS))
            count += 1
        return count

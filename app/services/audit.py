"""Who did what, when: every sign-in, lookup, reveal, suggestion and decision, chained."""

from __future__ import annotations

import csv
import getpass
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from app.store import audit as store
from app.store.audit import Verdict

EXPORT_COLUMNS = (
    "seq", "at", "actor", "station", "action", "customer_id", "detail", "prev_hash", "hash"
)  # fmt: skip


def os_actor() -> str:
    """The operating-system user, as command-line reads are audited."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = f"uid{os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"os:{name}"


class AuditService:
    def __init__(
        self, db: Database, *, station: str, zone: ZoneInfo, clock: Callable[[], datetime]
    ) -> None:
        self.db, self.station, self.zone, self.clock = db, station, zone, clock

    def record(
        self, actor: str, action: str, customer_id: str | None = None, detail: str = ""
    ) -> None:
        store.append(
            self.db,
            at=self.clock().astimezone(UTC),
            actor=actor,
            station=self.station,
            action=action,
            customer_id=customer_id,
            detail=detail,
        )

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
            writer.writerow([getattr(entry, c) or "" for c in EXPORT_COLUMNS])
            count += 1
        return count

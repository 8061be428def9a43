"""Who is at the counter: signing in, locking, unlocking and signing out, each on the audit
record, and the signed-in person's Desk, the one door the window goes through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING

from app.domain.staff import Staff
from app.domain.text import Text
from app.services.desk import Desk
from app.services.importing import ImportReport
from app.services.lookup import Freshness as DataDates
from app.services.station import Station

if TYPE_CHECKING:
    from app.services.sync import SyncReport, SyncState


class SignedIn(Enum):
    STARTED = "started"  # a new session (someone else's, if anyone's, ended)
    UNLOCKED = "unlocked"  # the same person back at a locked screen


@dataclass(frozen=True, slots=True)
class Freshness:
    """How old the data on the counter is, and whether that is too old to trust."""

    exported_at: datetime | None  # None: nothing imported yet
    demo: bool
    hours_old: float
    stale: bool


class Session:
    def __init__(self, station: Station) -> None:
        self.station = station
        self.staff: Staff | None = None
        self.locked = False
        self.desk: Desk = station.desk(None)

    @property
    def signed_in(self) -> bool:
        """Someone is at work: signed in and not behind the lock."""
        return self.staff is not None and not self.locked

    @property
    def actor(self) -> str:
        return self.staff.staff_id if self.staff else "unknown"

    def start(self, staff: Staff) -> None:
        """Work starts for someone already checked (the window opened signed in)."""
        self.staff, self.locked = staff, False
        self.desk = self.station.desk(staff)

    def sign_in(self, staff: Staff) -> SignedIn:
        """`staff` passed the PIN check: unlock for the same person, else a new session."""
        audit = self.station.audit
        if self.locked and self.staff is not None and staff.staff_id == self.staff.staff_id:
            audit.record(staff.staff_id, "unlock")
            self.locked = False
            return SignedIn.UNLOCKED
        if self.staff is not None:  # someone else takes over: the last session ends here
            audit.record(self.staff.staff_id, "sign_out", detail="replaced")
        audit.record(staff.staff_id, "sign_in")
        self.start(staff)
        return SignedIn.STARTED

    def lock(self) -> bool:
        """Lock the screen; False when there is nothing to lock."""
        if self.staff is None or self.locked:
            return False
        self.locked = True
        self.station.audit.record(self.staff.staff_id, "lock")
        return True

    def sign_out(self) -> None:
        if self.staff is not None:
            self.station.audit.record(self.staff.staff_id, "sign_out")
        self.staff, self.locked = None, False
        self.desk = self.station.desk(None)

    def import_started(self, folder: Path) -> None:
        self.station.audit.record(self.actor, "import_started", detail=str(folder))

    def import_ended(self, report: ImportReport | None, summary: str) -> None:
        """An import committed (`report`) or did not (`summary` says why)."""
        if report is not None:
            detail = f"{report.rows} rows imported, {report.rejected} rejected"
            self.station.audit.record(self.actor, "import_finished", detail=detail)
        else:
            self.station.audit.record(self.actor, "import_failed", detail=summary[:200])

    def check(self, staff_id: str, pin: str) -> Staff:
        """Who typed their id and PIN at the sign-in or lock page (SignInError if wrong)."""
        return self.station.staff.check(staff_id, pin, purpose="sign_in")

    def today(self) -> date:
        return self.station.today()

    @property
    def notices(self) -> tuple[Text, ...]:
        """What the station said once as it opened (files made private, say)."""
        return self.station.notices

    def keep_backup(self) -> Path | None:
        """After something was recorded: the hourly backup if it is due (slow on a large
        cache: the window calls it from a worker)."""
        return self.station.backup_if_due()

    def freshness(self) -> Freshness:
        return self.judge(self.station.lookup.freshness())

    # the chain (psycopg loads only when this station is in one)
    @property
    def in_chain(self) -> bool:
        return self.station.settings.central is not None

    def sync(self) -> SyncReport:
        """Push and pull (slow: the window calls it from a worker); CentralError offline."""
        from app.services.sync import sync_station

        return sync_station(self.station.settings, self.station.clock())

    def sync_state(self) -> SyncState:
        from app.services.sync import sync_state

        return sync_state(self.station.settings)

    def listen(self, heard: Callable[[], None], stop: Event) -> None:
        """Until `stop` is set, call `heard` whenever a request or a decision is made anywhere
        in the chain (PostgreSQL LISTEN/NOTIFY); runs on a thread of its own."""
        from app.services.sync import listen

        url = self.station.settings.central
        if url:
            listen(url, heard, stop)

    def judge(self, meta: DataDates) -> Freshness:
        """The data's age by the station's clock; stale past the setting (never the demo)."""
        if meta.exported_at is None:
            return Freshness(None, meta.demo, 0.0, False)
        hours = (self.station.clock() - meta.exported_at).total_seconds() / 3600
        stale = hours > self.station.settings.stale_after_hours and not meta.demo
        return Freshness(meta.exported_at, meta.demo, hours, stale)

    def close(self) -> None:
        """Records still waiting for another process's write lock are written now."""
        self.station.audit.flush()

"""Opening a station: settings, policy and cache, wired into the services that use them."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

from sqlite_utils import Database

from app.domain.import_context import ImportContext
from app.domain.policy import Policy, PolicyError, parse_policy
from app.domain.staff import Staff
from app.domain.text import QT_TRANSLATE_NOOP, Text
from app.services.audit import AuditService, os_actor
from app.services.concessions import CentralDecision, ConcessionService
from app.services.desk import Desk
from app.services.goodwill import GoodwillService
from app.services.lookup import LookupService
from app.services.staff import StaffService
from app.settings import Settings, user_data_dir
from app.store.audit import append as append_audit
from app.store.central import CentralError
from app.store.database import NoDatabaseError, StoreError, open_database
from app.store.protection import (
    backup,
    known_sound,
    list_backups,
    newest_good_backup,
    prune_backups,
    quick_check,
    remember_sound,
    restore,
    tighten,
)
from app.store.queries import has_customers
from app.store.records import Decision
from app.store.salvage import Carried, Salvage, carry, read_salvage

DatabaseError = sqlite3.DatabaseError  # what SQLite itself raises, for callers without it

__all__ = [
    "CacheCheck",
    "CentralError",
    "DamagedCacheError",
    "DatabaseError",
    "NoDatabaseError",
    "Restored",
    "Station",
    "StoreError",
    "check_cache",
    "import_context",
    "load_policy",
    "open_station",
    "restore_cache",
]


@dataclass(frozen=True)
class CacheCheck:
    problem: str | None  # None: the cache passed SQLite's quick_check (or is not there yet)
    backup: Path | None  # the newest backup that passes it, to offer instead
    salvage: Salvage | None = None  # the station's own records still readable in it


def check_cache(settings: Settings, *, remembered: bool = False) -> CacheCheck:
    """At start-up: is the cache sound, and if not, which backup could replace it and what
    of the station's own records (recorded since that backup, perhaps) can be carried over?
    `remembered`: a cache unchanged since it was last found sound is not read again."""
    path = settings.db_path
    if not path.exists() or (remembered and known_sound(path)):
        return CacheCheck(None, None)
    problem = quick_check(path)
    if problem is None:
        remember_sound(path)
        return CacheCheck(None, None)
    return CacheCheck(problem, newest_good_backup(path), read_salvage(path))


class DamagedCacheError(StoreError):
    """The cache failed its start-up check; nothing was read from it or written to it."""

    def __init__(self, path: Path, check: CacheCheck) -> None:
        if check.backup is None:
            advice = "there is no good backup, so it is left as it is: ask for help"
        else:
            advice = (
                f"start the window (`standing`) to restore the backup {check.backup.name}; "
                "the station's own records made since are carried over"
            )
        super().__init__(f"the database at {path} is damaged ({check.problem}): {advice}")
        self.check = check


@dataclass(frozen=True)
class Restored:
    aside: Path  # where the damaged file is kept
    carried: Carried  # what of its own records the backup gained from it


def restore_cache(settings: Settings, backup: Path, salvage: Salvage | None = None) -> Restored:
    """Replace a damaged cache with a backup, carrying over every record of the station's
    own that can still be read from the damaged file; the audit log says what happened."""
    if salvage is None:
        salvage = read_salvage(settings.db_path)
    aside = restore(backup, settings.db_path)
    db = open_database(settings.db_path)
    try:
        now = datetime.now(UTC)
        carried = carry(db, salvage, station=settings.station, at=now)
        append_audit(
            db,
            at=now,
            actor=os_actor(),
            station=settings.station,
            action="cache_restored",
            detail=f"from {backup.name}: {carried.saved} own records carried over, "
            f"{carried.unreadable} unreadable; the damaged file is kept as {aside.name}",
        )
    finally:
        db.close()
    return Restored(aside, carried)


def load_policy(path: Path | None = None) -> Policy:
    """The policy file at `path`, or the one shipped in resources/."""
    if path is None:
        text = resources.files("app.resources").joinpath("policy.toml").read_text("utf-8")
        return parse_policy(text, "policy.toml")
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise PolicyError(f"{path}: cannot be read ({exc.strerror})") from None
    return parse_policy(text, str(path))


@dataclass
class Station:
    settings: Settings
    db: Database
    policy: Policy
    lookup: LookupService
    goodwill: GoodwillService
    audit: AuditService
    staff: StaffService
    concessions: ConcessionService
    clock: Callable[[], datetime]  # the station's time: audit, lockouts, today's figures
    notices: tuple[Text, ...] = ()  # said once at start, such as files made private
    checked: bool = False  # its cache passed the start-up check: closing notes it as sound

    def today(self) -> date:
        """The date at the station now, by its clock and in its zone."""
        return self.lookup.bounds().day

    def desk(self, staff: Staff | None = None) -> Desk:
        """A signed-in person's desk, or the operating-system user's on the command line."""
        actor = staff.staff_id if staff else os_actor()
        return Desk(
            self.lookup, self.goodwill, self.concessions, self.audit, self.staff, actor, staff
        )

    @property
    def import_context(self) -> ImportContext:
        return import_context(self.settings)

    def has_data(self) -> bool:
        return has_customers(self.db)

    def backup_if_due(self) -> Path | None:
        """After something was recorded: a backup, unless the newest is under an hour old,
        so a restore loses at most an hour of what only this station holds. It reads through
        its own connection, so the window runs it on a worker while lookups go on."""
        path = self.settings.db_path
        if str(path) == ":memory:":
            return None
        newest = list_backups(path)
        if newest and time.time() - newest[0].stat().st_mtime < BACKUP_EVERY.total_seconds():
            return None
        made = backup(None, path, before="keeping what was recorded")
        prune_backups(path)
        return made

    def close(self) -> None:
        self.db.close()
        if self.checked and str(self.settings.db_path) != ":memory:":
            remember_sound(self.settings.db_path)  # its own writes need no check next time


BACKUP_EVERY = timedelta(hours=1)


def import_context(settings: Settings) -> ImportContext:
    return ImportContext(
        region=settings.default_region, zone=settings.zone, currency=settings.currency
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


def open_station(
    settings: Settings,
    *,
    create: bool = True,
    clock: Callable[[], datetime] = utc_now,
    check: bool = False,
) -> Station:
    """The station on its cache; `check`: the cache is checked first (unless unchanged since
    it was last found sound) and a damaged one is refused with DamagedCacheError."""
    policy = load_policy(settings.policy_path)
    if check:
        found = check_cache(settings, remembered=True)
        if found.problem is not None:
            raise DamagedCacheError(settings.db_path, found)
    notices = _made_private(settings.db_path)
    db = open_database(settings.db_path, create=create)
    lookup = LookupService(
        db, policy, region=settings.default_region, zone=settings.zone, clock=clock
    )
    goodwill = GoodwillService(lookup, policy)
    audit = AuditService(db, station=settings.station, zone=settings.zone, clock=clock)
    staff = StaffService(db, policy, audit, clock)
    concessions = ConcessionService(
        lookup, staff, policy, audit, station=settings.station, clock=clock
    )
    if settings.central:
        concessions.decide_centrally = _central_decisions(settings.central)
    return Station(
        settings=settings,
        db=db,
        policy=policy,
        lookup=lookup,
        goodwill=goodwill,
        audit=audit,
        staff=staff,
        concessions=concessions,
        clock=clock,
        notices=notices,
        checked=check,
    )


def _central_decisions(url: str) -> CentralDecision:
    """Decisions made in the chain's central store first; psycopg loads only when one is."""

    def decide(
        concession_id: str, status: str, by: str, at: datetime, reason: str
    ) -> Decision | None:
        from app.services.sync import decide_centrally

        return decide_centrally(url, concession_id, status, by, at, reason)

    return decide


MADE_PRIVATE = QT_TRANSLATE_NOOP(
    "station", "other users could read {files}: now only you can (the data folder is private)"
)


def _made_private(db_path: Path) -> tuple[Text, ...]:
    """Files of the cache that other users could read are made private, with a notice.
    The folder itself is tightened only when it is Standing's own data folder."""
    if str(db_path) == ":memory:":
        return ()
    own = db_path.parent.absolute() == user_data_dir().absolute()
    changed = tighten(db_path, folder=own)
    if not changed:
        return ()
    return (MADE_PRIVATE.format(files=", ".join(str(p) for p in changed)),)

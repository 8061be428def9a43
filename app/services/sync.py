"""A station and the chain's central store: push what this counter recorded, pull what
changed centrally. The window runs it on a worker every STANDING_SYNC_SECONDS; the command
line runs it as `standing sync`. Lookups go on from the cache meanwhile (the sync has its
own SQLite connection), and with the central store unreachable nothing changes but the
status: recorded items wait in the outbox."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from threading import Event

import psycopg
from sqlite_utils import Database

from app.services.concessions import DecisionError
from app.settings import Settings
from app.store import outbox
from app.store.central import CentralError, RefusedDecisionError
from app.store.central.connection import connect, describe
from app.store.central.pull import WATERMARK, pull
from app.store.central.push import decide_now, push
from app.store.central.schema import check_version
from app.store.database import get_meta, open_database, set_meta
from app.store.records import Decision

SYNCED_AT = "central_synced_at"
COUNTED_AT = "central_counted_at"  # the last pull that compared row counts
RECOUNT_EVERY = timedelta(hours=1)  # counting 20M purchases takes a second or two
OFFLINE_SINCE = "central_offline_since"

__all__ = ["CentralError", "SyncReport", "SyncState", "sync_state", "sync_station"]


@dataclass(frozen=True)
class SyncReport:
    pulled: dict[str, int]
    pushed: dict[str, int]
    watermark: str
    conflicts: list[str] = field(default_factory=list)
    resynced: tuple[str, ...] = ()  # tables found drifted and pulled whole again
    refused: list[str] = field(default_factory=list)  # decisions sent back: pending again
    pull_seconds: float = 0.0  # after the push was committed (acknowledged): the pull


@dataclass(frozen=True)
class SyncState:
    """What the status bar says about the chain."""

    synced_at: datetime | None  # the last sync that completed (None: never)
    offline_since: datetime | None  # the first failure since then (None: not offline)
    waiting: int  # goodwill, decisions and words in the outbox (audit records go with them)


def sync_station(settings: Settings, now: datetime | None = None) -> SyncReport:
    """Push, then pull. An unreachable or refusing central store raises CentralError (one
    clear line, no password) and is noted as offline; nothing recorded is lost."""
    url = settings.central
    if not url:
        raise CentralError(
            "this station is not part of a chain: set STANDING_CENTRAL_URL or give --central URL"
        )
    moment = now or datetime.now(UTC)
    db = open_database(settings.db_path)
    try:
        try:
            with connect(url) as conn:
                conn.autocommit = True
                check_version(conn)
                conn.autocommit = False
                pushed = push(conn, db, station=settings.station)
                pushed_at = time.perf_counter()  # the outbox is in centrally: acknowledged
                counted = _moment(get_meta(db, COUNTED_AT))
                recount = counted is None or moment - counted >= RECOUNT_EVERY
                pulled = pull(conn, db, station=settings.station, recount=recount)
                if recount:
                    set_meta(db, COUNTED_AT, moment.isoformat())
        except CentralError:
            _offline(db, moment)
            raise
        except psycopg.Error as exc:  # mid-sync: the central store went away, say
            _offline(db, moment)
            raise CentralError(describe(exc, url)) from None
        set_meta(db, SYNCED_AT, moment.isoformat())
        db.execute("DELETE FROM meta WHERE key = ?", [OFFLINE_SINCE])
        return SyncReport(
            pulled.counts,
            pushed.counts,
            pulled.watermark,
            pushed.conflicts,
            pulled.resynced,
            pushed.refused,
            time.perf_counter() - pushed_at,
        )
    finally:
        db.close()


def sync_state(settings: Settings) -> SyncState:
    db = open_database(settings.db_path)
    try:
        return SyncState(
            _moment(get_meta(db, SYNCED_AT)),
            _moment(get_meta(db, OFFLINE_SINCE)),
            outbox.count(db, audit=False),
        )
    finally:
        db.close()


def watermark(settings: Settings) -> str | None:
    db = open_database(settings.db_path)
    try:
        return get_meta(db, WATERMARK)
    finally:
        db.close()


def _offline(db: Database, moment: datetime) -> None:
    if get_meta(db, OFFLINE_SINCE) is None:
        set_meta(db, OFFLINE_SINCE, moment.isoformat())


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def decide_centrally(
    url: str, concession_id: str, status: str, by: str, at: datetime, reason: str
) -> Decision | None:
    """A supervisor's decision, made in the central store first (see ConcessionService): the
    decision the chain already holds, if another station's came first. Offline, the decision
    stands here and goes with the next push (where a clash is reported). A decision the
    chain's rules refuse (see the central store's standing_decide) is a DecisionError."""
    try:
        with connect(url, autocommit=True) as conn:
            return decide_now(conn, concession_id, status, by, int(at.timestamp()), reason)
    except RefusedDecisionError as exc:
        raise DecisionError(str(exc)) from None
    except (CentralError, psycopg.Error):
        return None


CHANNELS = ("standing_decisions", "standing_requests")
RETRY_SECONDS = 5.0


def listen(url: str, heard: Callable[[], None], stop: Event) -> None:
    """Call `heard` on every notice of a decision or a new request, until `stop` is set;
    a lost connection is tried again every few seconds (the periodic sync is the fallback)."""
    while not stop.is_set():
        try:
            with connect(url, autocommit=True) as conn:
                for channel in CHANNELS:
                    conn.execute(f"LISTEN {channel}")
                while not stop.is_set() and not (conn.closed or conn.broken):
                    for _notice in conn.notifies(timeout=1.0, stop_after=1):
                        heard()
        except (CentralError, psycopg.Error):
            pass
        stop.wait(RETRY_SECONDS)  # however it ended: never a busy loop

"""Opening the station's SQLite cache: pragmas, migrations, metadata."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.domain.text import QT_TRANSLATE_NOOP
from app.store.protection import (
    BackupError,
    backup,
    integrity_problem,
    network_filesystem,
    private_file,
    private_folder,
)
from app.store.schema import migrate

BUSY_TIMEOUT_MS = 5000
BUSY = QT_TRANSLATE_NOOP("store", "the database is busy ({detail}): try again in a moment")
NOT_WRITABLE = QT_TRANSLATE_NOOP("store", "the database cannot be written ({detail})")
NOTHING_WRITTEN = QT_TRANSLATE_NOOP("store", "nothing was written: {detail}")
DISK_FULL = QT_TRANSLATE_NOOP(
    "store",
    "the disk holding {folder} is full: free some space there, then try again "
    "(even reading the database needs a little room for SQLite's shared-memory file)",
)
ROOM_NEEDED = 1024 * 1024  # below this, a failure to open is put down to the full disk


class StoreError(RuntimeError):
    """The cache cannot be opened or used; the message says why."""


class BusyError(StoreError):
    """Another connection holds the write lock (an import, say) past the wait allowed."""


class NoDatabaseError(StoreError):
    """There is no cache at the path yet (nothing is made when asked not to)."""


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and migrate) the cache at `path`; `:memory:` for tests."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if not create and not path.exists():
            raise NoDatabaseError(f"no database at {path}")
        private_folder(path.parent)
        remote = network_filesystem(path.parent)
        if remote is not None:
            raise StoreError(
                f"{path} is on a network filesystem ({remote}): SQLite cannot lock it safely "
                "there, so a station's cache must be on a local disk (set STANDING_DB_PATH)"
            )
    conn: sqlite3.Connection | None = None
    fresh = not memory and not any(p.exists() for p in _side_files(Path(path)))
    try:
        if not memory:
            private_file(Path(path))
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        db = Database(conn)
        _configure(conn, memory)
        migrate(db, before=None if memory else lambda: _backup_before_migrating(db, path))
    except (sqlite3.DatabaseError, StoreError) as exc:
        damage = None
        if isinstance(exc, sqlite3.IntegrityError) and conn is not None:
            damage = integrity_problem(Database(conn))  # a migration failed on damage
        if conn is not None:
            conn.close()
        if damage is not None:
            raise StoreError(f"the cache at {path} is damaged ({damage})") from None
        if isinstance(exc, StoreError):
            raise
        if not memory and _disk_full(Path(path).parent):
            if fresh:
                _remove_empty(Path(path))  # what this failed open made: a WAL, a 3-byte -shm
            raise StoreError(DISK_FULL.format(folder=Path(path).parent)) from None
        raise StoreError(f"cannot open database {path}: {exc}") from None
    return db


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < ROOM_NEEDED
    except OSError:
        return False


def _remove_empty(path: Path) -> None:
    """Side files that a failed open created are removed while they hold nothing (an empty
    WAL; a shared-memory file that could not even be sized), so no debris is left."""
    wal, shm = _side_files(path)
    try:
        if wal.stat().st_size == 0 and shm.stat().st_size < 32 * 1024:
            shm.unlink()
            wal.unlink()
    except OSError:
        pass


def _backup_before_migrating(db: Database, path: Path | str) -> None:
    try:
        backup(db, Path(path), before="the schema migration")
    except BackupError as exc:
        raise StoreError(f"{exc}: the cache was not changed") from None


def _configure(conn: sqlite3.Connection, memory: bool) -> None:
    if not memory:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # "recorded" survives a power cut
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def get_meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction that holds the write lock from its start (BEGIN IMMEDIATE), so
    what it reads (the audit chain's last link) cannot change before it commits."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BusyError(BUSY.format(detail=str(exc))) from None
        raise StoreError(NOT_WRITABLE.format(detail=str(exc))) from None
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException as exc:
        if db.conn.in_transaction:  # also when COMMIT itself failed: never left open
            db.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise StoreError(NOTHING_WRITTEN.format(detail=str(exc))) from None
        raise


@contextmanager
def busy_timeout(db: Database, ms: int | None) -> Iterator[None]:
    """Wait at most `ms` for another connection's write lock (None: the usual 5 s)."""
    if ms is None:
        yield
        return
    db.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

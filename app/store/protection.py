"""Keeping the cache safe: online backups before imports and migrations, integrity checks,
restores, and refusing a network filesystem (SQLite's locking is not safe there)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

KEEP_BACKUPS = 3
# Only this user may read the cache (PIN hashes, customers' personal data). On Windows the
# user's own data folder is private already, and POSIX modes do not apply.
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
POSIX = os.name == "posix"


class BackupError(OSError):
    """No backup could be made; nothing was imported."""


NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "afs",
    "9p", "davfs", "fuse.davfs2", "ncpfs", "glusterfs", "fuse.glusterfs", "ceph",
    "fuse.ceph", "lustre", "afpfs", "webdav",
}  # fmt: skip


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup(db: Database | None, db_path: Path, *, before: str = "the import") -> Path:
    """An online backup (SQLite's backup API) beside the cache, taken `before` some work.
    Old ones are pruned only once the work it protects has succeeded (see prune_backups).
    With `db` None it reads through a connection of its own: safe from a worker thread while
    the station goes on using its connection."""
    folder = backups_folder(db_path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}.sqlite3"
    partial = target.with_suffix(".part")
    try:
        private_folder(folder)
        private_file(partial)
        copy = sqlite3.connect(partial)
        try:
            if db is not None:
                db.conn.backup(copy)
            else:
                with contextlib.closing(_reader(db_path)) as source:
                    source.backup(copy)
        finally:
            copy.close()
        partial.replace(target)
    except (OSError, sqlite3.DatabaseError) as exc:
        for debris in folder.glob(partial.name + "*"):
            debris.unlink(missing_ok=True)
        raise BackupError(f"no backup could be made before {before} ({exc})") from None
    return target


def _reader(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(db_path.absolute().as_uri() + "?mode=ro", uri=True)


def private_folder(folder: Path) -> None:
    """Make the folder (and any parents missing) if need be; a new folder is private."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def private_file(path: Path) -> None:
    """Create an empty file only this user may read, unless it is there already (SQLite
    gives a database's WAL and shared-memory files the database file's own mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def tighten(db_path: Path, *, folder: bool) -> list[Path]:
    """Take away other users' access to the cache, its WAL, its backups and (`folder`)
    the folder it is in; returns what was tightened, for a notice."""
    if not POSIX:
        return []
    backups = backups_folder(db_path)
    files = [db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm")]
    files += list_backups(db_path)
    folders = [backups] + ([db_path.parent] if folder else [])
    changed = []
    for path, mode in [
        *((f, PRIVATE_FILE) for f in files),
        *((d, PRIVATE_FOLDER) for d in folders),
    ]:
        try:
            current = path.stat().st_mode & 0o777
            if current & 0o077:
                path.chmod(current & mode)
                changed.append(path)
        except OSError:
            continue  # not there (yet), or not ours: nothing to tighten
    return changed


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this cache (and no other), newest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(db_path.stem) + r"-\d{8}T\d{12}Z\.sqlite3")
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), reverse=True)


def quick_check(path: Path) -> str | None:
    """None when SQLite's quick_check passes; otherwise what is wrong."""
    try:
        conn = _reader(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = "; ".join(str(r[0]) for r in rows)
    return None if found == "ok" else found


def known_sound(db_path: Path) -> bool:
    """Whether the cache is, byte for byte on disk, as it was when last found sound (its
    quick_check passed, or a checked station closed it): then it need not be read again."""
    try:
        return _checked_marker(db_path).read_text("ascii") == _fingerprint(db_path)
    except (OSError, UnicodeDecodeError):
        return False


def remember_sound(db_path: Path) -> None:
    """Note the cache's present state as sound (best effort: a read-only folder skips it)."""
    marker = _checked_marker(db_path)
    try:
        private_file(marker)
        marker.write_text(_fingerprint(db_path), "ascii")
    except OSError:
        pass


def _checked_marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".checked")


def _fingerprint(db_path: Path) -> str:
    found = db_path.stat()
    return f"{found.st_dev}:{found.st_ino}:{found.st_size}:{found.st_mtime_ns}"


def integrity_problem(db: Database, shown: int = 3) -> str | None:
    """SQLite's full integrity_check (every index against its table): None when sound,
    otherwise its first findings. Slow on a large cache: for when something already failed."""
    try:
        rows = db.execute(f"PRAGMA integrity_check({int(shown)})").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = "; ".join(str(r[0]) for r in rows)
    return None if found == "ok" else found


def newest_good_backup(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        if quick_check(candidate) is None:
            return candidate
    return None


def restore(backup_path: Path, db_path: Path) -> Path:
    """Put a backup in place; the damaged file is kept aside (never deleted). Returns where."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    if db_path.exists():
        db_path.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = db_path.with_name(db_path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    shutil.copy2(backup_path, db_path)
    return aside


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network filesystem type `path` lives on, or None for a local disk."""
    if sys.platform == "win32":
        text = str(path.resolve())
        return "a network share" if text.startswith("\\\\") else None
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text("utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type if best_type in NETWORK_FILESYSTEMS else None

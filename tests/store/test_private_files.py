"""The cache, its WAL and its backups are readable by this user only (issue "Nothing
leaks"): made so when created, and tightened with a notice when found open."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.importing import import_folder
from app.services.station import open_station
from app.settings import Settings, user_data_dir
from app.store.protection import list_backups
from tests.hand_export import write_hand_export

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # as most desktops have it: new files 0644, folders 0755
    yield
    os.umask(old)


@pytest.fixture
def hand_export(tmp_path: Path) -> Path:
    return write_hand_export(tmp_path / "export")


def test_a_new_cache_its_wal_and_backups_are_private(tmp_path: Path, hand_export: Path) -> None:
    data = tmp_path / "new" / "data"
    station = open_station(Settings(db_path=data / "standing.sqlite3"))
    try:
        import_folder(station, hand_export)
        import_folder(station, hand_export)  # the second takes a backup of the first
        wal = data / "standing.sqlite3-wal"
        assert wal.exists()
        assert mode(data) == 0o700
        assert mode(data / "standing.sqlite3") == 0o600
        assert mode(wal) == 0o600 and mode(data / "standing.sqlite3-shm") == 0o600
        [kept] = list_backups(data / "standing.sqlite3")
        assert mode(kept) == 0o600 and mode(kept.parent) == 0o700
        assert station.notices == ()
    finally:
        station.close()


def test_an_open_cache_is_tightened_with_a_notice() -> None:
    data = user_data_dir()
    path = data / "standing.sqlite3"
    open_station(Settings(db_path=path)).close()
    for opened, how in ((data, 0o755), (path, 0o644)):
        opened.chmod(how)
    station = open_station(Settings(db_path=path))
    try:
        assert mode(data) == 0o700 and mode(path) == 0o600
        [notice] = station.notices
        assert notice.startswith("other users could read ") and str(path) in notice
    finally:
        station.close()
    again = open_station(Settings(db_path=path))
    assert again.notices == ()  # said once
    again.close()


def test_a_folder_that_is_not_standings_own_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    open_station(Settings(db_path=shared / "standing.sqlite3")).close()
    assert mode(shared) == 0o755  # the user chose it; only the cache's own files change
    assert mode(shared / "standing.sqlite3") == 0o600

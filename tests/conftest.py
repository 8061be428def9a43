"""Shared fixtures: every user folder and database points at a temporary path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # set QT_QPA_PLATFORM=xcb to watch


from app.services.demo_export import write_demo_export
from app.services.importing import import_folder
from app.services.station import Station, open_station
from app.settings import Settings
from tests.hand_export import write_csv, write_hand_export

AS_OF = date(2026, 11, 23)
DEMO_CUSTOMERS = 400


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in list(os.environ):
        if name.startswith("STANDING_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-export")
    write_demo_export(folder, customers=DEMO_CUSTOMERS, seed=7, as_of=AS_OF)
    return folder


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory, demo_export: Path) -> Path:
    path = tmp_path_factory.mktemp("demo-db") / "standing.sqlite3"
    station = open_station(Settings(db_path=path))
    import_folder(station, demo_export)
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    station.close()
    return path


@pytest.fixture
def demo_station(tmp_path: Path, demo_db_template: Path) -> Iterator[Station]:
    """A station on a private copy of the imported demo database."""
    path = tmp_path / "standing.sqlite3"
    shutil.copy(demo_db_template, path)
    station = open_station(Settings(db_path=path))
    yield station
    station.close()


@pytest.fixture
def hand_station(tmp_path: Path) -> Iterator[Station]:
    """A station on the hand-written export of tests/hand_export.py."""
    station = open_station(Settings(db_path=tmp_path / "hand.sqlite3"))
    import_folder(station, write_hand_export(tmp_path / "export"))
    yield station
    station.close()


@pytest.fixture
def empty_station(tmp_path: Path) -> Iterator[Station]:
    station = open_station(Settings(db_path=tmp_path / "empty.sqlite3"))
    yield station
    station.close()


__all__ = ["write_csv"]

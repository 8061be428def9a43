"""Shared fixtures: every user folder and database points at a temporary path."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # set QT_QPA_PLATFORM=xcb to watch


from app.cli import main as cli_main
from app.demo import write_demo_export
from app.services.importing import add_demo_staff, import_folder
from app.services.station import Station, open_station
from app.settings import Settings
from tests.clock import Clock
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
def demo_station(tmp_path: Path, demo_db_template: Path, clock: Clock) -> Iterator[Station]:
    """A station on a private copy of the imported demo database, on the test clock."""
    path = tmp_path / "standing.sqlite3"
    shutil.copy(demo_db_template, path)
    station = open_station(Settings(db_path=path), clock=clock)
    yield station
    station.close()


@pytest.fixture
def hand_station(tmp_path: Path, clock: Clock) -> Iterator[Station]:
    """A station on the hand-written export of tests/hand_export.py, on a clock the test
    moves (midday on the export's day), so its answers do not change with the calendar."""
    station = open_station(Settings(db_path=tmp_path / "hand.sqlite3"), clock=clock)
    import_folder(station, write_hand_export(tmp_path / "export"))
    yield station
    station.close()


@pytest.fixture
def empty_station(tmp_path: Path) -> Iterator[Station]:
    station = open_station(Settings(db_path=tmp_path / "empty.sqlite3"))
    yield station
    station.close()


@pytest.fixture(scope="session")
def staffed_db_template(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path) -> Path:
    """The imported demo database with the demo staff (clerk1/1111, clerk2/2222,
    super1/3333, manager1/4444), hashed once for the session."""
    path = tmp_path_factory.mktemp("staffed-db") / "standing.sqlite3"
    shutil.copy(demo_db_template, path)
    station = open_station(Settings(db_path=path))
    add_demo_staff(station)
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    station.close()
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def staffed_db(tmp_path: Path, staffed_db_template: Path) -> Path:
    """A private copy of the demo database with the demo staff."""
    path = tmp_path / "staffed.sqlite3"
    shutil.copy(staffed_db_template, path)
    return path


@pytest.fixture
def staffed_station(staffed_db: Path, clock: Clock) -> Iterator[Station]:
    """The demo station with the demo staff, on a clock the test moves."""
    station = open_station(Settings(db_path=staffed_db), clock=clock)
    yield station
    station.close()


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)

    @property
    def refusal(self) -> str:
        """The one clear line a refusal prints (exit 2, nothing on stdout)."""
        assert self.code == 2, (self.code, self.out, self.err)
        assert "Traceback" not in self.err
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert self.out == ""
        return lines[0]


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> Callable[..., CliRun]:
    """`standing ARGS` in this process, with `stdin` as its standard input, on the test
    clock (midday on the demo's day), so answers do not change with the calendar."""

    def run(*args: str | Path, stdin: str = "") -> CliRun:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        pipe = signal.getsignal(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else None
        try:
            code = cli_main([str(a) for a in args], clock=clock)
        except SystemExit as exc:  # argparse's refusals
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            if pipe is not None:
                signal.signal(signal.SIGPIPE, pipe)  # main() resets it for shell pipes
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


__all__ = ["Clock", "write_csv"]

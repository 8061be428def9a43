"""The command line at its edges: a damaged cache, a full disk, bytes that are not UTF-8,
card numbers typed where a command was expected, what the station says as it opens, and
the backup after something is recorded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import app.services.station as station_module
from app.services.station import open_station
from app.settings import Settings
from app.store.audit import entries
from app.store.protection import list_backups
from tests.conftest import CliRun
from tests.store.test_salvage import scribble

Cli = Callable[..., CliRun]
ROOT = Path(__file__).resolve().parents[2]


def one_line(done: CliRun) -> str:
    assert done.code == 2, done
    assert "Traceback" not in done.err
    lines = done.err.strip().splitlines()
    assert len(lines) == 1, done.err
    return lines[0]


def test_a_damaged_cache_is_refused_before_anything_is_shown_or_written(
    cli: Cli, staffed_db: Path
) -> None:
    assert cli("lookup", "Smith", "--db", staffed_db).code == 0
    scribble(staffed_db, ("customers",))
    wal = staffed_db.with_name(staffed_db.name + "-wal")
    before = staffed_db.read_bytes(), wal.read_bytes() if wal.exists() else b""
    done = cli("lookup", "Smith", "--db", staffed_db)
    line = one_line(done)
    assert "is damaged" in line and done.out == ""
    assert "no good backup" in line  # the demo copy has none: said, not guessed
    after = staffed_db.read_bytes(), wal.read_bytes() if wal.exists() else b""
    assert after == before  # no audit record written into a damaged file


def test_a_damaged_cache_names_the_backup_the_window_restores(cli: Cli, staffed_db: Path) -> None:
    station = open_station(Settings(db_path=staffed_db))
    station.backup_if_due()
    station.close()
    scribble(staffed_db, ("purchases",))
    line = one_line(cli("profile", "C000001", "--db", staffed_db))
    [backup] = list_backups(staffed_db)
    assert f"restore the backup {backup.name}" in line and "start the window" in line


def test_the_check_reads_the_file_once_per_change(
    cli: Cli, staffed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[Path] = []
    real = station_module.quick_check

    def counted(path: Path) -> str | None:
        checks.append(path)
        return real(path)

    monkeypatch.setattr(station_module, "quick_check", counted)
    for _ in range(3):  # each lookup writes its audit record, and is trusted to
        assert cli("lookup", "Smith", "--db", staffed_db).code == 0
    assert len(checks) == 1
    with staffed_db.open("r+b") as handle:  # someone else changes the file
        handle.seek(0, os.SEEK_END)
        handle.write(b"\0" * 4096)
    assert cli("lookup", "Smith", "--db", staffed_db).code == 0
    assert len(checks) == 2


def test_what_the_station_says_as_it_opens_goes_to_stderr(cli: Cli, staffed_db: Path) -> None:
    staffed_db.chmod(0o644)
    done = cli("staff", "list", "--db", staffed_db)
    assert done.code == 0 and "clerk1" in done.out
    assert "now only you can" in done.err and str(staffed_db) in done.err
    assert (staffed_db.stat().st_mode & 0o777) == 0o600
    again = cli("staff", "list", "--db", staffed_db)
    assert again.err == ""  # said once


def test_recording_is_followed_by_a_backup_at_most_hourly(cli: Cli, staffed_db: Path) -> None:
    record = (
        "concession", "record", "C000001", "--staff", "clerk1", "--category", "delay",
        "--action", "voucher", "--value", "5", "--amount", "5", "--db", staffed_db,
    )  # fmt: skip
    assert list_backups(staffed_db) == []
    assert cli(*record, stdin="1111\n").code == 0
    [made] = list_backups(staffed_db)
    assert cli(*record, stdin="1111\n").code == 0
    assert list_backups(staffed_db) == [made]  # the newest is under an hour old
    station = open_station(Settings(db_path=made))  # it holds what was recorded first
    try:
        given = [e for e in entries(station.db) if e.action == "concession_recorded"]
    finally:
        station.close()
    assert len(given) == 1


def test_card_numbers_typed_as_a_command_are_not_repeated(cli: Cli, staffed_db: Path) -> None:
    for typed in ("4111.1111.1111.1111", "card 4111 1111 1111 1111", "4111111111111111"):
        line = one_line(cli(typed, "--db", staffed_db))
        assert "invalid choice" in line and "1111" not in line
    line = one_line(cli("lookup", "Smith", "--bogus", "4111-1111-1111-1111", "--db", staffed_db))
    assert "unrecognized arguments" in line and "1111" not in line


def run_bytes(*args: bytes, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"},
        check=False,
    )


def test_an_argument_that_is_not_utf8_is_one_clear_line(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3").encode()
    for args in (
        (b"lookup", b"Sm\xffith", b"--db", db),
        (b"\xfe\xff",),
        (b"lookup", b"--db", db + b"\xff"),
    ):
        done = run_bytes(*args, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        [line] = done.stderr.strip().splitlines()
        assert "is not valid UTF-8 text" in line
    assert list(tmp_path.iterdir()) == []  # nothing made


UNSHARE = shutil.which("unshare")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a tmpfs needs Linux")
def test_on_a_full_disk_reading_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    """A small tmpfs in a private mount namespace, filled to the last byte."""
    assert UNSHARE is not None, "util-linux's unshare is needed for this test"
    disk = tmp_path / "disk"
    disk.mkdir()
    python = sys.executable
    script = f"""
set -e
mount -t tmpfs -o size=4m tmpfs {disk}
cd {ROOT}
{python} -m app demo --customers 40 --db {disk}/s.sqlite3 > /dev/null
rm -f {disk}/s.sqlite3-wal {disk}/s.sqlite3-shm
dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true
for command in "audit verify" "staff list" "lookup Smith"; do
  set +e
  {python} -m app $command --db {disk}/s.sqlite3
  echo "exit $?"
  set -e
done
ls {disk}
"""
    done = subprocess.run(
        [UNSHARE, "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in done.stderr, done.stderr
    assert all("is full: free some space there" in line for line in lines)
    assert done.stdout.split().count("exit") == 3 and "exit 0" not in done.stdout
    listed = done.stdout.strip().split("exit 2")[-1].split()
    assert "s.sqlite3" in listed and "filler" in listed
    assert not [name for name in listed if name.endswith(("-wal", "-shm"))]  # no debris

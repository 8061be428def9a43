"""Bad luck, not promises: `standing sync` killed (SIGKILL) at random moments a hundred times
while the central store takes imports and the counter goes on recording. Afterwards every
record the station acknowledged is in the central store exactly once, its audit chain
verifies there, and the station's cache equals the central tables (no change skipped)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from app.store.central.connection import server_cursor
from app.store.central.pull import PULLED
from app.store.central.server import LocalServer, start_local_server
from tests.chain import Cli, Station, cache_rows, central_rows

KILLS = 100
ROOT = Path(__file__).resolve().parents[2]


def changed_export(source: Path, target: Path, round_: int) -> Path:
    """The demo export with one more purchase per round, and a name changed."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    purchases = target / "purchases.csv"
    lines = purchases.read_text("utf-8").splitlines()
    first = lines[1].split(",")
    lines.append(",".join([f"P-R{round_}", first[1], "2026-11-20T10:00:00Z", "3.00", *first[4:]]))
    purchases.write_text("\n".join(lines) + "\n", "utf-8")
    customers = target / "customers.csv"
    rows = customers.read_text("utf-8").splitlines()
    fields = rows[2].split(",")
    fields[1] = f"Renamed{round_}"
    rows[2] = ",".join(fields)
    customers.write_text("\n".join(rows) + "\n", "utf-8")
    return target


@pytest.mark.slow
def test_a_sync_killed_a_hundred_times_loses_and_doubles_nothing(
    york: Station, demo_export: Path, tmp_path: Path
) -> None:
    york.sync()
    given = [york.give("1.00")]
    stop = threading.Event()
    imported: list[int] = []

    def imports() -> None:
        round_ = 0
        while not stop.is_set():
            round_ += 1
            folder = changed_export(demo_export, tmp_path / f"export{round_ % 2}", round_)
            done = subprocess.run(
                [sys.executable, "-m", "app", "central", "import", str(folder), "--url", york.url,
                 "--rejects", str(tmp_path / "rejects.csv")],
                cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            imported.append(done.returncode)

    env = {**os.environ, "STANDING_STATION": "York", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "app", "sync", "--db", str(york.db), "--central", york.url]
    worker = threading.Thread(target=imports, daemon=True)
    worker.start()
    chance = random.Random(17)
    try:
        for kill in range(KILLS):
            if kill % 10 == 0:
                given.append(york.give("1.00"))  # recorded (acknowledged) between the kills
            sync = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)  # fmt: skip
            time.sleep(chance.uniform(0.05, 1.2))
            sync.send_signal(signal.SIGKILL)
            sync.wait(timeout=30)
    finally:
        stop.set()
        worker.join(timeout=180)
    assert imported and all(code == 0 for code in imported), imported
    york.sync()  # a last sync, not killed
    held = [row[0] for row in central_rows(york.url, "recorded_concessions")]
    assert sorted(held) == sorted(given)  # each acknowledged record exactly once
    verdict = york.cli("central", "audit", "verify", "--url", york.url, "--json").json()
    assert verdict["stations"]["York"]["intact"]
    assert verdict["stations"]["York"]["checked"] == len(cache_rows(york.db, "audit_log"))
    for table in PULLED:
        assert cache_rows(york.db, table) == central_rows(york.url, table), table


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LocalServer]:
    """A cluster of this test's own, to restart."""
    top = Path(tempfile.mkdtemp(prefix="standing-restart-"))
    top.chmod(0o711)
    server = start_local_server(top / "cluster", throwaway=True)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(top, ignore_errors=True)


def syncing(url: str) -> None:
    """Until a sync is connected to the central store (its backend shows in pg_stat_activity)."""
    deadline = time.monotonic() + 30
    with psycopg.connect(url, autocommit=True) as admin:
        while time.monotonic() < deadline:
            found = admin.execute(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = 'standing' "
                "AND pid <> pg_backend_pid()"
            ).fetchone()
            if found:
                return
            time.sleep(0.005)
    raise AssertionError("the sync never connected")


def test_postgresql_restarted_mid_sync_the_next_sync_completes(
    own_server: LocalServer, cli: Cli, demo_export: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    url = own_server.url()
    assert cli("central", "init", "--url", url).code == 0
    assert cli("central", "import", demo_export, "--url", url).code == 0
    york = Station(cli, "York", tmp_path / "york.sqlite3", url, monkeypatch)
    env = {**os.environ, "STANDING_STATION": "York", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "app", "sync", "--db", str(york.db), "--central", url]
    outcomes = []
    for _ in range(3):
        sync = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip
        syncing(url)
        own_server.stop()  # a fast shutdown: the sync's connection is cut mid-way
        restarted = start_local_server(own_server.folder, throwaway=True)
        assert restarted.port == own_server.port  # the same URL
        _out, err = sync.communicate(timeout=60)
        outcomes.append(sync.returncode)
        assert sync.returncode in (0, 2) and "Traceback" not in err, err
    assert 2 in outcomes  # a sync was cut, and said so in one line
    result = york.sync()
    assert int(result["watermark"]) > 0
    for table in PULLED:
        assert cache_rows(york.db, table) == central_rows(url, table), table
    ids = [r[0] for r in central_rows(url, "recorded_concessions")]
    assert len(ids) == len(set(ids))


def test_a_connection_cut_before_its_cursor_closes_leaves_nothing_open(central_url: str) -> None:
    """The store went away after the last page was read (a restart, a dropped database): the
    pull's server-side cursor is closed all the same, not left to warn at garbage collection."""
    with (
        psycopg.connect(central_url) as conn,
        psycopg.connect(central_url, autocommit=True) as admin,
    ):
        with server_cursor(conn, "reading") as cursor:
            cursor.execute("SELECT g FROM generate_series(1, 1000) g")
            assert len(cursor.fetchall()) == 1000
            admin.execute("SELECT pg_terminate_backend(%s)", [conn.info.backend_pid])
        assert cursor.closed and conn.closed

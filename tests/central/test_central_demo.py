"""`standing central demo`: a throwaway chain from pip's binaries, two stations that sync."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chain import Cli, Station


@pytest.fixture
def demo_dir(cli: Cli) -> Iterator[Path]:
    top = Path(tempfile.mkdtemp(prefix="standing-demo-"))
    top.chmod(0o711)  # as root, PostgreSQL runs as another user, who must reach the folder
    try:
        yield top / "chain"
    finally:
        cli("central", "demo", "--dir", top / "chain", "--stop")
        shutil.rmtree(top, ignore_errors=True)


def test_a_demo_chain_starts_and_two_stations_sync(
    cli: Cli, demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = cli("central", "demo", "--dir", demo_dir, "--customers", "120", "--json").json()
    assert set(started["stations"]) == {"York", "Leeds"}
    again = cli("central", "demo", "--dir", demo_dir, "--customers", "120", "--json").json()
    assert again["url"] == started["url"]  # the same cluster, running on
    york = Station(cli, "York", tmp_path / "y.sqlite3", again["stations"]["York"], monkeypatch)
    assert york.sync()["pulled"]["customers"] == 120
    assert york.run("staff", "list", "--json").code == 0
    profile = york.run("profile", "C000001", "--json").json()
    assert profile["customer_id"] == "C000001"
    assert os.environ.get("STANDING_CENTRAL_URL") is None
    stopped = cli("central", "demo", "--dir", demo_dir, "--stop", "--json").json()
    assert stopped == {"stopped": True}
    offline = york.run("sync")
    assert offline.code == 2 and "unreachable" in offline.err
    assert york.run("lookup", "Smith").code == 0  # the counter answers offline

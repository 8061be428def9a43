"""The window in a chain (a real PostgreSQL): it syncs by itself, says how it stands with the
chain, and a decision made at another station reaches the clerk's panel without a refresh."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from pydantic import SecretStr
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from app.services.station import Station, open_station
from app.settings import Settings
from app.ui.app import build_window
from app.ui.approval import ApprovalDialog, PendingQueue
from app.ui.main_window import MainWindow
from tests.chain import Cli, ask, central_rows, decide, status_of
from tests.chain import Station as CliStation
from tests.clock import Clock

SYNC_MS = 20_000


@contextmanager
def chain_window(qtbot: QtBot, db: Path, url: str, clock: Clock) -> Iterator[MainWindow]:
    """York's window on its own cache, in the chain at `url` (nobody signed in yet)."""
    settings = Settings(db_path=db, station="York", central_url=SecretStr(url), sync_seconds=3600)
    station: Station = open_station(settings, clock=clock)
    win = build_window(station, None)
    qtbot.addWidget(win)
    win.show()
    assert win.chain is not None
    try:
        yield win
    finally:
        win.close()
        # a sync still running ends before the test's central store is dropped
        assert QThreadPool.globalInstance().waitForDone(SYNC_MS)
        station.close()


@pytest.fixture
def york_window(qtbot: QtBot, chain: str, tmp_path: Path, clock: Clock) -> Iterator[MainWindow]:
    with chain_window(qtbot, tmp_path / "york.sqlite3", chain, clock) as win:
        yield win


def sign_in_clerk(win: MainWindow, qtbot: QtBot) -> None:
    page = win.lock_page
    qtbot.keyClicks(page.staff_id, "clerk1")
    qtbot.keyClick(page.staff_id, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert win.signed_in


def test_the_window_syncs_and_a_decision_elsewhere_reaches_the_panel(
    york_window: MainWindow,
    qtbot: QtBot,
    cli: Cli,
    chain: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = york_window
    chain_sync = win.chain
    assert chain_sync is not None
    qtbot.waitUntil(lambda: win.chain is not None and win.chain.label.text().startswith("synced"),
                    timeout=SYNC_MS)  # fmt: skip
    assert not chain_sync.banner.isVisible() and win.goodwill.chain_note.text() == ""
    assert "data as of" in win.freshness.text()  # the central data's date came with the sync
    sign_in_clerk(win, qtbot)
    qtbot.keyClicks(win.search, "07700900123", delay=20)
    assert win.card.profile is not None and win.card.profile.customer_id == "C000001"
    qtbot.keyClick(win, Qt.Key.Key_F4)
    qtbot.keyClicks(win.goodwill.amount, "120")
    qtbot.keyClick(win.goodwill.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    asked = win.goodwill.pending_id
    assert asked is not None
    leeds = CliStation(cli, "Leeds", tmp_path / "leeds.sqlite3", chain, monkeypatch)
    qtbot.waitUntil(
        lambda: bool(leeds.sync()["pulled"].get("recorded_concessions")), timeout=SYNC_MS
    )  # fmt: skip  (the window pushed it when it was recorded)
    assert decide(leeds, asked).code == 0  # decided centrally: NOTIFY reaches the window
    qtbot.waitUntil(lambda: "APPROVED by Super1" in win.goodwill.outcome.text(), timeout=SYNC_MS)
    history = win.card.goodwill
    assert history.data(history.index(0, 5)) == "York"  # where it was asked for


def test_offline_the_status_bar_says_since_when_and_what_waits(
    qtbot: QtBot, chain: str, tmp_path: Path, clock: Clock
) -> None:
    parts = urlsplit(chain)
    offline = urlunsplit(parts._replace(netloc="postgres:x@127.0.0.1:1"))
    with chain_window(qtbot, tmp_path / "york.sqlite3", offline, clock) as win:
        chain_sync = win.chain
        assert chain_sync is not None
        qtbot.waitUntil(lambda: chain_sync.label.text().startswith("offline since"),
                        timeout=SYNC_MS)  # fmt: skip
        assert chain_sync.label.text().endswith("0 records waiting")
        assert chain_sync.banner.isVisible() and "NOT YET SYNCED" in chain_sync.banner.text()
        assert "is not counted (never synced)" in win.goodwill.chain_note.text()


def test_a_request_from_another_station_is_approved_from_the_window_queue(
    york_window: MainWindow,
    qtbot: QtBot,
    cli: Cli,
    chain: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = york_window
    leeds = CliStation(cli, "Leeds", tmp_path / "leeds.sqlite3", chain, monkeypatch)
    leeds.sync()
    asked = ask(leeds)  # Leeds's clerk asks; its push announces the request (NOTIFY)
    leeds.sync()
    sign_in_clerk(win, qtbot)
    qtbot.waitUntil(lambda: win.session.desk.find_concession(asked) is not None, timeout=SYNC_MS)
    qtbot.keyClick(win.search, Qt.Key.Key_F9)
    queue = win.dialog
    assert isinstance(queue, PendingQueue) and queue.model.rowCount() == 1
    qtbot.waitUntil(queue.table.hasFocus)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    approval = queue.dialog
    assert isinstance(approval, ApprovalDialog)
    qtbot.keyClicks(approval.approver, "super1")
    qtbot.keyClick(approval.approver, Qt.Key.Key_Return)
    qtbot.keyClicks(approval.pin, "3333")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert queue.model.rowCount() == 0
    queue.accept()
    assert central_rows(chain, "recorded_concessions")[0][11] == "approved"  # decided centrally
    leeds.sync()
    assert status_of(leeds, asked) == ("approved", "super1")

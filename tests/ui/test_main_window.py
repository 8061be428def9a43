"""The main window driven by real key presses (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.station import Station, open_station
from app.settings import Settings
from app.ui.app import DemoSetup, build_window
from app.ui.main_window import MainWindow
from app.ui.models import MatchListModel, RecordListModel, RecordTableModel
from app.ui.workers import Runner
from tests.clock import Clock

TYPING_DELAY_MS = 45  # a person: slower than the scanner threshold


def shown_customer(win: MainWindow) -> str | None:
    return win.card.profile.customer_id if win.card.profile else None


def test_search_has_focus_at_start(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.search.hasFocus())


def test_typing_a_phone_shows_the_customer(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(window.search.scanned):
        qtbot.keyClicks(window.search, "07700 900123", delay=TYPING_DELAY_MS)
    assert shown_customer(window) == "C1"
    assert window.card.name.text() == "Ann Example"
    assert window.card.tier.text() == "GOLD"
    assert "customer since Mar 2021" in window.card.since.text()
    assert "•••123" in window.card.since.text()  # the phone is masked
    assert window.results_model.rowCount() == 1


def test_a_scan_opens_the_card(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.search.scanned, timeout=1000) as blocker:
        qtbot.keyClicks(window.search, "633000000005")  # no delay: a scanner's burst
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert blocker.args == ["633000000005"]
    assert shown_customer(window) == "C1"
    assert "lost" in window.card.matched.text()


@pytest.fixture
def searched(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the window asks the desk to search, in order."""
    texts: list[str] = []
    search = window.session.desk.search
    monkeypatch.setattr(
        window.session.desk, "search", lambda text: texts.append(text) or search(text)
    )
    return texts


def test_a_scans_enter_does_not_search_again(
    window: MainWindow, qtbot: QtBot, searched: list[str]
) -> None:
    qtbot.keyClicks(window.search, "xyz")
    qtbot.keyClicks(window.search, "633000000005")  # a burst after other text
    searched.clear()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.search.text() == "633000000005"
    assert searched == ["633000000005"]  # the burst alone, once: its Enter reuses it
    assert shown_customer(window) == "C1"
    qtbot.keyClicks(window.search, "633000000005")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert shown_customer(window) == "C1"


def test_a_scan_into_an_empty_box_is_searched_once(
    window: MainWindow, qtbot: QtBot, searched: list[str]
) -> None:
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.search, "633000000005")
    assert searched[-1] == "633000000005" and shown_customer(window) == "C1"
    searched.clear()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert searched == [] and shown_customer(window) == "C1"


def test_typed_digits_and_enter_are_not_a_scan(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(window.search.scanned):
        qtbot.keyClicks(window.search, "0381", delay=TYPING_DELAY_MS)
        qtbot.keyClick(window.search, Qt.Key.Key_Return, delay=TYPING_DELAY_MS)
    assert window.results_model.rowCount() == 2
    assert shown_customer(window) == "C2"  # Enter opens the top match


def test_escape_clears(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=TYPING_DELAY_MS)
    assert shown_customer(window) == "C1"
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert shown_customer(window) is None
    assert window.results_model.rowCount() == 0
    assert window.search.hasFocus()


def test_payment_card_number_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "4111111111111111")
    assert window.notice.isVisible()
    assert "payment card" in window.notice.text()
    assert window.search.text() == ""
    assert not window.search.isUndoAvailable()  # not kept for Ctrl+Z either
    assert "4111111111111111" not in repr(vars(window))  # nor in the window's own state
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the burst's Enter finds nothing kept
    assert shown_customer(window) is None and window.results_model.rowCount() == 0
    assert "4111" not in window.notice.text()


def test_name_search_then_arrow_keys_open_cards(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "zoe", delay=TYPING_DELAY_MS)
    assert window.results_model.rowCount() == 2
    assert shown_customer(window) is None  # a name never opens a card by itself
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.results.hasFocus()
    first = shown_customer(window)
    assert first in {"C2", "C4"}
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    second = shown_customer(window)
    assert second in {"C2", "C4"} and second != first
    qtbot.keyClick(window.results, Qt.Key.Key_Up)
    qtbot.keyClick(window.results, Qt.Key.Key_Up)
    assert window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClicks(window.results, " e")  # typing in the list goes back to the search
    assert window.search.hasFocus() and window.search.text() == "zoe e"
    window.results.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.search.hasFocus()


def test_status_bar_says_how_fresh_the_data_is(window: MainWindow, clock: Clock) -> None:
    fresh = window.station.lookup.freshness()
    assert fresh.exported_at is not None
    clock.now = fresh.exported_at + timedelta(hours=1)
    window.show_freshness(fresh)
    assert window.freshness.text().startswith("data as of")
    assert not window.demo_banner.isVisible()


def test_models_pass_the_model_tester(qtmodeltester, hand_station: Station) -> None:  # type: ignore[no-untyped-def]
    matches = MatchListModel()
    matches.set_matches(hand_station.lookup.search("example").matches)
    qtmodeltester.check(matches)
    profile = hand_station.lookup.profile("C1")
    table = RecordTableModel([("Id", lambda p: p.purchase_id), ("Amount", lambda p: str(p.amount))])
    table.set_rows(profile.recent_purchases)
    qtmodeltester.check(table)
    listed = RecordListModel(lambda p: p.purchase_id)
    listed.set_rows(profile.recent_purchases)
    qtmodeltester.check(listed)
    assert listed.rowCount() == table.rowCount() == len(profile.recent_purchases)


def test_first_start_creates_a_labelled_demo_database(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "first.sqlite3", demo_customers=60)
    setup = DemoSetup(settings, Runner(synchronous=True))
    qtbot.addWidget(setup.dialog)
    setup.run()
    assert setup.error is None
    station = open_station(settings, create=False)
    try:
        assert station.has_data()
        win = build_window(station)
        qtbot.addWidget(win)
        win.show()
        assert win.demo_banner.isVisible()
        assert "DEMO" in win.freshness.text()
    finally:
        station.close()


def test_many_lookups_do_not_leak_references(window: MainWindow, qtbot: QtBot) -> None:
    """PySide6 6.12.0 dropped a reference to None per call and crashed after ~100 lookups."""
    import gc
    import sys

    gc.collect()  # earlier tests' garbage, freed mid-loop, would take None's references along
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(30):
            qtbot.keyClicks(window.search, "07700900123")
            assert shown_customer(window) == "C1"
            qtbot.keyClick(window.search, Qt.Key.Key_Escape)
        assert sys.getrefcount(None) >= before - 50
    finally:
        gc.enable()

"""What the window keeps and says beside the counter's work: the hourly backup after a
record (made off the GUI thread), a backup that cannot be made, and what the station said
as it opened, in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.station import open_station
from app.settings import Settings
from app.store.audit import entries
from app.store.protection import backups_folder, list_backups
from app.ui.app import build_window
from app.ui.main_window import MainWindow


def give_a_waiver(win: MainWindow, qtbot: QtBot, amount: str) -> None:
    win.clear()
    qtbot.keyClicks(win.search, "07700900123", delay=45)
    qtbot.keyClick(win, Qt.Key.Key_F4)
    qtbot.keyClicks(win.goodwill.amount, amount)
    qtbot.keyClick(win.goodwill.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.goodwill.outcome.text().startswith("✓ Recorded")


def test_a_record_is_followed_by_a_backup_at_most_hourly(window: MainWindow, qtbot: QtBot) -> None:
    db_path = window.station.settings.db_path
    assert list_backups(db_path) == []
    give_a_waiver(window, qtbot, "1.50")
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1 and not window.flow.backing_up)
    give_a_waiver(window, qtbot, "2.50")
    qtbot.waitUntil(lambda: not window.flow.backing_up)
    [made] = list_backups(db_path)
    kept = open_station(Settings(db_path=made), create=False)
    try:
        given = [e for e in entries(kept.db) if e.action == "concession_recorded"]
    finally:
        kept.close()
    assert len(given) == 1  # the first waiver, safe in the backup
    assert window.statusBar().currentMessage() == ""


def test_a_backup_that_cannot_be_made_is_said_and_the_record_stands(
    window: MainWindow, qtbot: QtBot
) -> None:
    db_path = window.station.settings.db_path
    backups_folder(db_path).write_text("not a folder")
    give_a_waiver(window, qtbot, "1.50")
    qtbot.waitUntil(lambda: "no backup could be made" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("Recorded, but")
    assert window.station.lookup.profile("C1").recent_concessions[0].value == 150


def test_files_made_private_at_start_are_said_in_the_status_bar(
    qtbot: QtBot, staffed_db: Path
) -> None:
    staffed_db.chmod(0o644)
    station = open_station(Settings(db_path=staffed_db))
    win = build_window(station, station.staff.find("clerk1"))
    qtbot.addWidget(win)
    try:
        shown = win.statusBar().currentMessage()
        assert "now only you can" in shown and str(staffed_db) in shown
        assert (staffed_db.stat().st_mode & 0o777) == 0o600
    finally:
        win.close()
        station.close()

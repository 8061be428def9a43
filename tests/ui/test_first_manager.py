"""A station with no staff asks for a manager's account first (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.store.audit import entries
from app.ui.sign_in import FirstManagerDialog


def fill(qtbot: QtBot, dialog: FirstManagerDialog, pin: str, again: str) -> None:
    for field, text in (
        (dialog.staff_id, "mgr1"),
        (dialog.name, "Morgan Lead"),
        (dialog.pin, pin),
        (dialog.repeat, again),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)


def test_first_start_creates_a_manager(qtbot: QtBot, hand_station: Station) -> None:
    assert not hand_station.staff.has_staff()
    dialog = FirstManagerDialog(hand_station.staff, "os:tester")
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "2580", "2581")
    assert "differ" in dialog.error.text() and dialog.staff is None
    fill(qtbot, dialog, "25", "25")
    assert "4 to 8 digits" in dialog.error.text() and dialog.staff is None
    fill(qtbot, dialog, "258025", "258025")
    assert dialog.result() == FirstManagerDialog.DialogCode.Accepted
    manager = hand_station.staff.find("mgr1")
    assert manager is not None and manager.role == "manager"
    assert hand_station.staff.sign_in("mgr1", "258025").staff_id == "mgr1"
    added = [e for e in entries(hand_station.db) if e.action == "staff_added"]
    assert [(e.actor, e.detail) for e in added] == [("os:tester", "mgr1 role=manager")]
    assert not any("258025" in e.detail for e in entries(hand_station.db))

"""The whole counter flow by keyboard alone: sign in, look up, pick the customer, pick the
dispute, apply over the clerk's limit, and a supervisor approves at the same station. Every
key goes to whichever widget has the focus; nothing is clicked or set directly."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.ui.app import build_window
from app.ui.approval import ApprovalDialog
from app.ui.main_window import WORK_PAGE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text, delay=45)  # a person's pace, not a card scanner's


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def test_look_up_apply_and_approve_by_keyboard_alone(
    staffed_station: Station, qtbot: QtBot
) -> None:
    station = staffed_station
    window = build_window(station)  # nobody signed in: the sign-in page
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_page.staff_id)

    # sign in as the clerk
    type_keys(qtbot, "clerk1")
    press(qtbot, Qt.Key.Key_Return)  # on to the PIN
    type_keys(qtbot, "1111")
    press(qtbot, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == WORK_PAGE
    assert window.staff is not None and window.staff.staff_id == "clerk1"
    assert focused() is window.search

    # look up by name: two customers match; arrows move through them, Enter picks one
    type_keys(qtbot, "Example")
    names = [
        window.results_model.index(row).data() for row in range(window.results_model.rowCount())
    ]
    assert len(names) == 2 and "Ann Example" in names
    press(qtbot, Qt.Key.Key_Down)  # into the list
    assert focused() is window.results
    for _ in range(names.index("Ann Example")):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert window.card.profile is not None and window.card.profile.customer_id == "C1"
    assert window.card.name.text() == "Ann Example"
    panel = window.goodwill  # its suggestion follows once the card is painted, as a person sees
    qtbot.waitUntil(lambda: panel.advice is not None and panel.advice.profile.customer_id == "C1")

    # the dispute: F3 to the category, arrows to "Faulty product", Tab to the amount
    press(qtbot, Qt.Key.Key_F3)
    assert focused() is panel.category
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert panel.category.currentData() == "faulty_product"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.amount
    type_keys(qtbot, "60")  # over the clerk's £25
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.words
    type_keys(qtbot, "The kettle broke in a week")
    assert panel.offer.text() == "▶ Refund £60.00"
    assert panel.discretion.text().startswith("needs approval: £60.00 is over the clerk limit")

    # Ctrl+Enter records it, as pending
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert "PENDING" in panel.outcome.text()
    (pending,) = station.concessions.pending()
    assert (pending.customer_id, pending.category, pending.action) == (
        "C1",
        "faulty_product",
        "refund",
    )
    assert (pending.value, pending.staff_id, pending.status) == (6000, "clerk1", "pending")
    assert pending.words == "The kettle broke in a week"

    # Ctrl+Shift+S: the supervisor approves at this station with their own id and PIN
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, ApprovalDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.approver
    type_keys(qtbot, "super1")
    press(qtbot, Qt.Key.Key_Return)  # on to the PIN
    assert focused() is dialog.pin
    type_keys(qtbot, "3333")
    press(qtbot, Qt.Key.Key_Return)  # approves
    assert not dialog.isVisible()

    # recorded and approved, by the supervisor, for the clerk who asked
    decided = station.concessions.find(pending.concession_id)
    assert decided is not None
    assert (decided.status, decided.decided_by, decided.staff_id) == (
        "approved",
        "super1",
        "clerk1",
    )
    assert station.concessions.pending() == []
    assert window.staff is not None and window.staff.staff_id == "clerk1"  # still signed in
    # and the screen says so
    assert re.fullmatch(
        r"APPROVED by Sam Supervisor at \d\d:\d\d: [a-z]+ £60\.00 \(ref [0-9a-f]{8}\)\.",
        panel.outcome.text(),
    ), panel.outcome.text()
    assert "needs approval" not in panel.discretion.text()  # nothing invites asking again
    assert not panel.apply_button.isEnabled() and not panel.supervisor_button.isEnabled()
    window.lookups.reread()  # the card read again: the panel stays decided
    qtbot.waitUntil(lambda: panel.discretion.text() == "decided: nothing more to ask")
    assert not panel.apply_button.isEnabled()
    history = window.card.goodwill
    assert history.data(history.index(0, 1)) == "£60.00"
    assert history.data(history.index(0, 3)) == "approved"

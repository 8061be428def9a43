"""Tab follows the screen: left to right, top to bottom, on the work page, the sign-in
page and every dialog (pytest-qt, offscreen, keys only)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.ui.approval import ApprovalDialog
from app.ui.feedback_dialog import FeedbackDialog
from app.ui.main_window import MainWindow
from app.ui.sign_in import FirstManagerDialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_cycle(qtbot: QtBot, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """Every widget Tab visits from the focused one until it comes round again."""
    start = focused()
    cycle = [start]
    for _ in range(40):
        qtbot.keyClick(focused(), key)
        if focused() is start:
            return cycle
        cycle.append(focused())
    raise AssertionError(f"Tab never came back to {start!r}: {[describe(w) for w in cycle]}")


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or text or widget.objectName() or type(widget).__name__


def top_left(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def reads_in_order(widgets: list[QWidget]) -> bool:
    """Each widget is on a later row than the one before, or to its right on the same row."""
    for before, after in pairwise(widgets):
        a, b = top_left(before), top_left(after)
        same_row = abs((b.y() + after.height() / 2) - (a.y() + before.height() / 2)) < 6
        if not (b.y() >= a.y() + before.height() / 2 or (same_row and b.x() > a.x())):
            return False
    return True


def from_first_on_screen(cycle: list[QWidget]) -> list[QWidget]:
    """The cycle, begun at the widget nearest the top left."""
    first = min(range(len(cycle)), key=lambda i: (top_left(cycle[i]).y(), top_left(cycle[i]).x()))
    return cycle[first:] + cycle[:first]


def test_tab_follows_the_work_page(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    assert window.card.profile is not None
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(focused(), "1.50")  # Apply and Supervisor are on
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    assert focused() is window.search
    card, panel = window.card, window.goodwill
    expected = [
        window.search,  # across the top
        window.results,  # the left column
        card.reveal,  # the card, top to bottom
        card.tabs.tabBar(),
        card.tables[0],
        panel.category,  # the goodwill panel, top to bottom
        panel.amount,
        panel.words,
        panel.options,
        panel.apply_button,
        panel.supervisor_button,
    ]
    cycle = tab_cycle(qtbot)
    assert [describe(w) for w in cycle] == [describe(w) for w in expected]
    assert cycle == expected
    assert reads_in_order(cycle[2:5]) and reads_in_order(cycle[5:])
    assert top_left(window.results).x() < top_left(card.reveal).x() < top_left(panel.amount).x()
    backwards = tab_cycle(qtbot, Qt.Key.Key_Backtab)
    assert backwards == [window.search, *reversed(expected[1:])]


def test_tab_leaves_the_history_table(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    table = window.card.tables[0]
    cycle = tab_cycle(qtbot)
    assert table in cycle  # arrows move within it; Tab goes on to the goodwill panel
    assert cycle[cycle.index(table) + 1] is window.goodwill.category


def test_tab_follows_the_sign_in_page(signed_out: MainWindow, qtbot: QtBot) -> None:
    page = signed_out.lock_page
    qtbot.waitUntil(page.staff_id.hasFocus)
    cycle = tab_cycle(qtbot)
    assert cycle == [page.staff_id, page.pin, page.button]
    assert reads_in_order(cycle)


def test_tab_follows_the_approval_dialog(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(focused(), "120")
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.dialog
    assert isinstance(dialog, ApprovalDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.approver
    cycle = tab_cycle(qtbot)
    assert cycle[:3] == [dialog.approver, dialog.pin, dialog.reason]
    assert cycle[3:5] == [dialog.approve_button, dialog.deny_button] and len(cycle) == 6
    assert reads_in_order(from_first_on_screen(cycle))


def test_tab_follows_the_feedback_dialog(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    qtbot.keyClick(window.search, Qt.Key.Key_F6)
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.words
    cycle = from_first_on_screen(tab_cycle(qtbot))
    assert cycle[:2] == [dialog.kind, dialog.words] and len(cycle) == 4
    assert reads_in_order(cycle)


def test_tab_follows_the_first_manager_dialog(staffed_station: Station, qtbot: QtBot) -> None:
    dialog = FirstManagerDialog(staffed_station.staff, "os:test")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    cycle = from_first_on_screen(tab_cycle(qtbot))
    assert cycle[:4] == [dialog.staff_id, dialog.name, dialog.pin, dialog.repeat]
    assert len(cycle) == 6  # then Create manager and Cancel, as laid out
    assert reads_in_order(cycle)

"""Sign-in, screen lock, sign-out, phone reveal, the customer's words and the supervisor
queue, driven by keys in the real window (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.store.audit import entries
from app.ui.approval import ApprovalDialog, PendingQueue
from app.ui.feedback_dialog import FeedbackDialog
from app.ui.main_window import LOCK_PAGE, WORK_PAGE, MainWindow
from app.ui.models import DETAIL_ROLE

TYPING_DELAY_MS = 45
IDLE_MS = 60_000  # the lock time in the idle tests: each looks at its countdown
RAN_MS = 300  # how long a countdown runs before the input


def actions(station: Station) -> list[tuple[str, str, str | None]]:
    return [(e.actor, e.action, e.customer_id) for e in entries(station.db)]


def sign_in(win: MainWindow, qtbot: QtBot, staff_id: str, pin: str) -> None:
    page = win.lock_page
    page.staff_id.setFocus()
    page.staff_id.clear()
    qtbot.keyClicks(page.staff_id, staff_id)
    qtbot.keyClick(page.staff_id, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def open_ann(win: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(win.search, "07700900123", delay=TYPING_DELAY_MS)
    assert win.card.profile is not None and win.card.profile.customer_id == "C1"


def test_nothing_is_shown_before_sign_in(signed_out: MainWindow, qtbot: QtBot) -> None:
    assert signed_out.pages.currentIndex() == LOCK_PAGE
    assert "nobody signed in" in signed_out.station_label.text()
    qtbot.waitUntil(signed_out.lock_page.staff_id.hasFocus)
    signed_out.lookups.submitted("07700900123")  # even if a search slipped through, nothing opens
    assert signed_out.card.profile is None


def test_sign_in_by_keyboard(signed_out: MainWindow, qtbot: QtBot) -> None:
    station = signed_out.station
    sign_in(signed_out, qtbot, "clerk1", "9999")
    assert signed_out.pages.currentIndex() == LOCK_PAGE
    assert "wrong PIN: 4 tries left" in signed_out.lock_page.error.text()
    assert signed_out.lock_page.pin.text() == ""
    sign_in(signed_out, qtbot, "clerk1", "1111")
    assert signed_out.pages.currentIndex() == WORK_PAGE
    assert "signed in: A. Clerk (clerk)" in signed_out.station_label.text()
    qtbot.waitUntil(signed_out.search.hasFocus)
    assert [a for a in actions(station) if a[0] == "clerk1"] == [
        ("clerk1", "sign_in_failed", None),
        ("clerk1", "sign_in", None),
    ]
    assert not any("9999" in e.detail or "1111" in e.detail for e in entries(station.db))


def test_five_wrong_pins_lock_the_account(signed_out: MainWindow, qtbot: QtBot) -> None:
    for _ in range(5):
        sign_in(signed_out, qtbot, "clerk2", "0000")
    assert "locked for 1 min" in signed_out.lock_page.error.text()
    sign_in(signed_out, qtbot, "clerk2", "2222")  # the right PIN, but locked
    assert signed_out.pages.currentIndex() == LOCK_PAGE
    assert "locked" in signed_out.lock_page.error.text()


def test_result_list_shows_names_and_ids_only(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "0381", delay=TYPING_DELAY_MS)
    model = window.results_model
    assert model.rowCount() == 2
    for row in range(2):
        index = model.index(row)
        shown = " ".join(
            str(index.data(role))
            for role in (Qt.ItemDataRole.DisplayRole, DETAIL_ROLE, Qt.ItemDataRole.ToolTipRole)
        )
        assert "0381" not in shown and "phone" not in shown
        assert str(index.data(DETAIL_ROLE)).startswith("C")


def test_idle_screen_locks_and_hides_the_customer(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    assert window.pages.currentIndex() == LOCK_PAGE
    assert not window.card.isVisible() and not window.goodwill.isVisible()
    assert window.lock_page.staff_id.text() == "clerk1"
    assert not window.search.isUndoAvailable()  # what was typed is not kept behind the lock
    qtbot.keyClicks(window.lock_page.pin, "1111")
    qtbot.keyClick(window.lock_page.pin, Qt.Key.Key_Return)
    assert not window.locked and window.card.isVisible()
    assert window.card.profile is not None and window.card.profile.customer_id == "C1"
    assert [a[1] for a in actions(window.station)][-2:] == ["lock", "unlock"]


def counts_as_activity(window: MainWindow, qtbot: QtBot, give: Callable[[], None]) -> bool:
    """Whether the input starts the idle countdown again (given after some of it ran)."""
    window.idle.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may be 5% out
    window.idle.set_interval_ms(IDLE_MS)
    qtbot.wait(RAN_MS)
    give()
    return window.idle.timer.remainingTime() > IDLE_MS - RAN_MS // 2


def test_typing_and_clicking_start_the_idle_count_again(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    handle = window.windowHandle()  # where the window system delivers input
    assert counts_as_activity(window, qtbot, lambda: QTest.keyClick(handle, Qt.Key.Key_Shift))
    label = window.count  # a click there does nothing else
    at = label.mapTo(window, label.rect().center())
    left = Qt.MouseButton.LeftButton
    assert counts_as_activity(window, qtbot, lambda: QTest.mouseClick(handle, left, pos=at))
    assert not counts_as_activity(window, qtbot, lambda: None)


def test_input_in_a_dialog_counts_too(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    window.flow.record_feedback()
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog)
    qtbot.waitExposed(dialog)
    typed = lambda: QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_A)  # noqa: E731
    assert counts_as_activity(window, qtbot, typed)
    assert "a" in dialog.words.toPlainText()


# Where the offscreen platform cannot do what a menu asks of a real screen.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_input_in_a_menu_counts_too(window: MainWindow, qtbot: QtBot) -> None:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitExposed(menu)
    shifted = lambda: QTest.keyClick(menu.windowHandle(), Qt.Key.Key_Shift)  # noqa: E731
    assert counts_as_activity(window, qtbot, shifted)
    menu.close()


def test_ctrl_l_locks_and_someone_else_can_take_over(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    sign_in(window, qtbot, "super1", "3333")
    assert window.staff is not None and window.staff.staff_id == "super1"
    assert window.card.profile is None  # the last person's customer is not handed over
    assert "(supervisor)" in window.station_label.text()


def test_sign_out(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.search, Qt.Key.Key_L, keys)
    assert window.staff is None and window.pages.currentIndex() == LOCK_PAGE
    assert window.card.profile is None
    assert actions(window.station)[-1] == ("clerk1", "sign_out", None)


def test_revealing_the_phone_is_deliberate_and_audited(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    assert "7700" not in window.card.revealed.text()
    assert ("clerk1", "lookup", "C1") in actions(window.station)
    qtbot.keyClick(window.search, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.card.revealed.text() == "+44 7700 900123"
    assert actions(window.station)[-1] == ("clerk1", "reveal_phone", "C1")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.search, "zoe exa", delay=TYPING_DELAY_MS)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.card.revealed.text() == ""  # never carried over to the next customer


def test_the_customers_words_are_kept(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window.search, Qt.Key.Key_F6)
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.words, "The guard at Leeds was so kind to my son")
    dialog.kind.setCurrentIndex(dialog.kind.findData("compliment"))
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    contacts = window.card.contacts
    assert contacts.data(contacts.index(0, 1)) == "compliment"
    assert contacts.data(contacts.index(0, 3)) == "The guard at Leeds was so kind to my son"
    assert actions(window.station)[-1] == ("clerk1", "feedback_recorded", "C1")


def test_supervisor_queue_approves_later(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "60")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "PENDING" in panel.outcome.text()
    qtbot.keyClick(window.search, Qt.Key.Key_F9)
    queue = window.dialog
    assert isinstance(queue, PendingQueue)
    assert queue.model.rowCount() == 1
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
    assert "APPROVED" in panel.outcome.text()
    logged = actions(window.station)
    assert logged.index(("clerk1", "concession_pending", "C1")) < logged.index(
        ("super1", "concession_approved", "C1")
    )
    assert window.staff is not None and window.staff.staff_id == "clerk1"


def test_keys_on_the_lock_page_never_reach_the_hidden_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    page = window.lock_page
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_F2):
        qtbot.keyClick(page.pin, key)
    qtbot.keyClicks(page.pin, "1111")
    assert window.search.text() == ""  # the PIN went where it was typed, hidden
    assert page.pin.text() == "1111"
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert not window.locked
    assert window.search.text() == ""
    assert window.card.profile is not None and window.card.profile.customer_id == "C1"


def test_the_window_takes_the_keys_again_when_a_dialog_closes(
    window: MainWindow, qtbot: QtBot
) -> None:
    """With no window manager to hand focus back, the window's shortcuts (F9, Ctrl+L…) must
    work at once after a dialog closes, without a click."""
    qtbot.waitUntil(window.isActiveWindow)
    for _ in range(2):
        qtbot.keyClick(window.search, Qt.Key.Key_F9)
        queue = window.dialog
        assert isinstance(queue, PendingQueue)
        qtbot.waitUntil(queue.isActiveWindow)
        qtbot.keyClick(queue.table, Qt.Key.Key_Escape)
        assert window.dialog is None
        qtbot.waitUntil(window.isActiveWindow)
        assert window.search.hasFocus()


def test_a_supervisor_deciding_sees_who_the_customer_is_and_the_dispute(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "60")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search, Qt.Key.Key_F9)
    queue = window.dialog
    assert isinstance(queue, PendingQueue)
    row = [queue.model.data(queue.model.index(0, n)) for n in range(queue.model.columnCount())]
    assert row[1] == "Ann Example" and row[3] == "£60.00" and row[4] == "Alex Clerk"
    qtbot.waitUntil(queue.table.hasFocus)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    approval = queue.dialog
    assert isinstance(approval, ApprovalDialog)
    assert "Ann Example" in approval.summary.text() and "Alex Clerk" in approval.summary.text()
    said = approval.standing.text()
    profile = window.card.profile
    assert profile is not None
    assert said.startswith(f"{window.card.tier.text()} · customer for ")
    assert "in 12 months" in said and ("last goodwill" in said or "no goodwill before" in said)
    assert "Dispute: lost ticket, £60.00 disputed" in said
    columns = queue.table.horizontalHeader()
    for n in range(4):  # every column but the reason shows its whole text
        assert columns.sectionSize(n) >= queue.table.sizeHintForColumn(n)

"""The goodwill panel, driven by keyboard alone (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.approval import ApprovalDialog
from app.ui.main_window import MainWindow
from tests.ui.conftest import settle


def recorded_here(win: MainWindow, customer_id: str = "C1") -> list[tuple[str, int, str]]:
    """(action, value, status) of what this station recorded for the customer."""
    profile = win.station.lookup.profile(customer_id)
    return [(c.kind or "", c.value, c.status) for c in profile.recent_concessions if c.status]


def ask_supervisor(win: MainWindow, qtbot: QtBot) -> ApprovalDialog:
    """Ctrl+Shift+S from the panel: the approval dialog opens at this station."""
    qtbot.keyClick(
        win.goodwill.amount,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = win.dialog
    assert isinstance(dialog, ApprovalDialog) and dialog.isVisible()
    return dialog


def open_ann(win: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(win.search, "07700900123", delay=45)
    assert win.card.profile is not None and win.card.profile.customer_id == "C1"


def test_panel_waits_for_a_customer(window: MainWindow) -> None:
    assert not window.goodwill.isEnabled()
    assert window.goodwill.offer.text() == ""


def test_lost_ticket_by_keyboard_suggests_a_waiver(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert QApplication.focusWidget() is window.goodwill.category
    assert window.goodwill.category.currentData() == "lost_ticket"
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert QApplication.focusWidget() is window.goodwill.amount
    qtbot.keyClicks(window.goodwill.amount, "1.50")
    panel = window.goodwill
    assert panel.offer.text() == "▶ Waive £1.50"
    assert panel.discretion.text() == "within your discretion"
    assert "£1.50" in panel.script.text() and panel.script.text().startswith("“")
    assert "Gold" in panel.reasons.text()
    assert panel.options_model.rowCount() == 3
    assert recorded_here(window) == []
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.outcome.text().startswith("✓ Recorded: waive £1.50")
    assert recorded_here(window) == [("waive", 150, "recorded")]
    history = window.card.goodwill
    assert history.data(history.index(0, 1)) == "£1.50"
    assert history.data(history.index(0, 3)) == "recorded"
    assert history.data(history.index(0, 4)) == "Lost ticket"  # the category's label, not its id
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Already recorded" in panel.outcome.text()
    assert len(recorded_here(window)) == 1


def test_choosing_the_category_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window.goodwill.category, Qt.Key.Key_Down)
    assert window.goodwill.category.currentData() == "delay"
    assert window.goodwill.offer.text().startswith("▶ Voucher")


def test_over_the_clerks_limit_needs_a_supervisor(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "120")
    assert panel.offer.text() == "▶ Waive £120.00"
    assert panel.discretion.text().startswith("needs approval: £120.00 is over the clerk limit")
    assert panel.apply_button.text().startswith("Ask approval")
    dialog = ask_supervisor(window, qtbot)
    assert "PENDING" in panel.outcome.text()
    assert recorded_here(window) == [("waive", 12000, "pending")]
    # the supervisor types their own id and PIN at the clerk's station
    qtbot.keyClicks(dialog.approver, "super1")
    qtbot.keyClick(dialog.approver, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.pin, "3333")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "APPROVED" in panel.outcome.text()
    assert recorded_here(window) == [("waive", 12000, "approved")]
    assert window.staff is not None and window.staff.staff_id == "clerk1"  # still signed in


def test_a_clerk_cannot_approve_their_own_request(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "120")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = ask_supervisor(window, qtbot)
    qtbot.keyClicks(dialog.approver, "clerk1")
    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "nobody approves their own request" in dialog.error.text()
    dialog.approver.setText("super1")
    qtbot.keyClicks(dialog.pin, "3333")
    qtbot.keyClicks(dialog.reason, "not for a lost ticket")
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "DENIED" in panel.outcome.text()
    assert recorded_here(window) == [("waive", 12000, "denied")]


def test_bad_amount_is_explained_where_it_was_typed(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "abc")
    assert "must be a sum" in panel.error.text()
    assert panel.offer.text() == ""
    assert not panel.apply_button.isEnabled()
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, "99999999999")  # a slip of the finger, not a dispute
    assert "above the most a counter settles" in panel.error.text()
    assert panel.offer.text() == "" and not panel.apply_button.isEnabled()


def test_alternatives_can_be_chosen_with_arrows(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "1.50")
    assert panel.chosen is not None and panel.chosen.action == "waive"
    panel.options.setFocus()
    qtbot.keyClick(panel.options, Qt.Key.Key_Down)
    assert panel.offer.text().startswith("▶ Voucher")
    assert panel.chosen is not None and panel.chosen.action == "voucher"


def test_escape_clears_the_panel(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.goodwill.isEnabled()
    assert window.goodwill.profile is None


def test_a_new_customer_starts_a_fresh_dispute(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "4")
    qtbot.keyClicks(panel.words, "rude man at the gate")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.search, "zoe exa", delay=45)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.profile is not None and panel.profile.customer_id == "C2")
    assert panel.amount.text() == "" and panel.words.text() == ""
    assert "rude man" not in panel.reasons.text()


def test_a_payment_card_in_the_panel_is_wiped_and_nothing_can_be_applied(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "4111111111111111")
    assert panel.amount.text() == ""
    assert "payment card" in panel.error.text()
    qtbot.keyClicks(panel.words, "card 4111 1111 1111 1111")
    assert "4111" not in panel.words.text() + panel.reasons.text() + panel.error.text()
    panel.apply()
    assert recorded_here(window) == []


def test_ctrl_enter_on_a_suggestion_that_needs_approval_says_so(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "120")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "PENDING" in panel.outcome.text() and "over the clerk limit" in panel.outcome.text()
    assert recorded_here(window) == [("waive", 12000, "pending")]
    assert window.dialog is None  # a supervisor is asked only with Ctrl+Shift+S (or later, F9)


def test_enter_in_the_reason_does_not_approve(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "120")
    dialog = ask_supervisor(window, qtbot)
    qtbot.keyClicks(dialog.approver, "super1")
    qtbot.keyClicks(dialog.pin, "3333")
    qtbot.keyClicks(dialog.reason, "not justified, deny")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert recorded_here(window) == [("waive", 12000, "pending")]


def test_the_layout_holds_still_when_a_suggestion_needs_approval(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Typing an amount over the clerk's limit changes the words, never the layout."""
    window.resize(1366, 768)
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "5")
    settle()
    before = (panel.width(), window.card.width(), window.card.tier_reason.geometry())
    qtbot.keyClicks(panel.amount, "00")  # £500: over the clerk's limit
    assert "needs approval" in panel.discretion.text()
    settle()
    assert (panel.width(), window.card.width(), window.card.tier_reason.geometry()) == before

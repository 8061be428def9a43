"""Opening a card: painted first, then the suggestion and the lookup's audit record."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.store.audit import entries
from app.ui.main_window import MainWindow


def logged(window: MainWindow) -> list[tuple[str, str | None]]:
    return [(e.action, e.customer_id) for e in entries(window.station.db)]


class CardPaints(QObject):
    """Notes, at each paint of the card, whether the suggestion and the record were there."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[bool, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        card = self.window.card
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and card.profile is not None
            and (watched is card or card.isAncestorOf(watched))
        ):
            self.seen.append((self.window.goodwill.advice is not None, len(logged(self.window))))
        return False


def test_the_card_is_painted_before_the_suggestion_and_the_record(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.search, "0770090012", delay=45)
    before = len(logged(window))
    watch = CardPaints(window)
    QApplication.instance().installEventFilter(watch)  # type: ignore[union-attr]
    try:
        qtbot.keyClick(window.search, Qt.Key.Key_3)  # the final digit: sent, not yet painted
        assert window.card.profile is not None and window.card.profile.customer_id == "C1"
        assert window.goodwill.advice is None  # nothing of anyone's to apply yet
        assert window.station.audit.waiting == 1  # the lookup's record, in order
        qtbot.waitUntil(lambda: window.station.audit.waiting == 0)
    finally:
        QApplication.instance().removeEventFilter(watch)  # type: ignore[union-attr]
    assert watch.seen and watch.seen[0] == (False, before)  # the card came first
    assert window.goodwill.advice is not None and window.goodwill.offer.text()
    assert logged(window)[before:] == [("lookup", "C1"), ("suggestion_shown", "C1")]


def test_a_lookup_that_cannot_be_recorded_is_not_left_on_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.station.db.conn.execute("PRAGMA query_only = 1")  # every write now fails
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert window.card.profile is None
    assert window.goodwill.profile is None
    assert "Could not open this customer" in window.notice.text()
    assert window.station.audit.waiting >= 1  # kept, in order, for when writing works again
    window.station.db.conn.execute("PRAGMA query_only = 0")


def test_a_cleared_card_keeps_nothing_of_the_customer(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    assert window.card.name.text() == "Ann Example"
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    card = window.card
    assert card.profile is None
    texts = [w.text() for w in (card.name, card.since, card.matched, card.lifetime.value)]
    assert texts == ["", "", "", ""]
    assert card.purchases.rowCount() == 0
    assert card.chart.toolTip() == "" and card.chart.accessibleDescription() == ""
    # covered controls are out of the tab chain until a customer is shown again
    covered = (card.reveal, card.tabs.tabBar(), *card.tables)
    assert {w.focusPolicy() for w in covered} == {Qt.FocusPolicy.NoFocus}
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    assert Qt.FocusPolicy.NoFocus not in {w.focusPolicy() for w in covered}


def test_a_key_pressed_before_the_suggestion_never_applies_the_last_customers(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.search, "example", delay=45)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # the first match opens
    qtbot.waitUntil(lambda: window.goodwill.advice is not None)
    first = window.card.profile
    assert first is not None
    qtbot.keyClick(window.results, Qt.Key.Key_Down)  # the next customer's card
    qtbot.keyClick(window.results, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.card.profile is not None and window.card.profile is not first
    qtbot.waitUntil(lambda: window.station.audit.waiting == 0)
    assert not [a for a, _ in logged(window) if a.startswith("concession")]
    shown = window.goodwill.advice
    assert shown is not None and shown.profile.customer_id == window.card.profile.customer_id


def test_a_lock_straight_after_a_lookup_keeps_the_records_in_order(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.search, "0770090012", delay=45)
    before = len(logged(window))
    qtbot.keyClick(window.search, Qt.Key.Key_3)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert logged(window)[before:] == [
        ("lookup", "C1"),
        ("suggestion_shown", "C1"),
        ("lock", None),
    ]

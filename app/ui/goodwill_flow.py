"""Goodwill from the window: recording what the panel offers, a supervisor deciding at this
station, the queue of requests, and the customer's own words; one dialog at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.goodwill import GoodwillError, Suggestion
from app.services.lookup import UnknownCustomerError
from app.services.session import Session
from app.services.station import StoreError
from app.ui.approval import ApprovalDialog, PendingQueue
from app.ui.customer_card import CustomerCard
from app.ui.feedback_dialog import FeedbackDialog
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.translations import failure
from app.ui.workers import Runner

Dialog = ApprovalDialog | PendingQueue | FeedbackDialog


class GoodwillFlow(QObject):
    changed = Signal()  # something was recorded or decided: the card is to be read again
    notice = Signal(str)  # for the status bar

    def __init__(
        self, session: Session, card: CustomerCard, panel: GoodwillPanel, window: QWidget
    ) -> None:
        super().__init__(window)
        self.session, self.card, self.panel, self.window = session, card, panel, window
        self.dialog: Dialog | None = None
        self.backups, self.backing_up = Runner(), False
        self.changed.connect(self.keep_backup)

    def keep_backup(self) -> None:
        """Something was recorded: the hourly backup, if due, off the GUI thread."""
        if not self.backing_up:
            self.backing_up = True
            self.backups.start(lambda _: self.session.keep_backup(), self._backed_up, self._failed)

    def _backed_up(self, _made: Path | None) -> None:
        self.backing_up = False

    def _failed(self, exc: BaseException) -> None:
        self.backing_up = False
        if not isinstance(exc, OSError):
            raise exc  # to the excepthook: logged and shown, never silent
        self.notice.emit(self.tr("Recorded, but no backup could be made: {0}").format(exc))

    def record(self, suggestion: Suggestion, ask_supervisor: bool) -> None:
        profile, advice = self.card.profile, self.panel.advice
        if not self.session.signed_in or profile is None or advice is None:
            return
        if advice.profile.customer_id != profile.customer_id:
            return  # advice for someone no longer on the card is never recorded
        try:
            outcome = self.session.desk.record(
                profile.customer_id,
                category=suggestion.category,
                action=suggestion.action,
                value=suggestion.value,
                amount=advice.dispute.amount,
                words=advice.dispute.words,
                ask_supervisor=ask_supervisor,
            )
        except (GoodwillError, UnknownCustomerError, StoreError) as exc:
            self.panel.show_failure(failure(exc))
            return
        self.changed.emit()
        self.panel.show_outcome(outcome, suggestion)
        if outcome.needs_approval and ask_supervisor:
            self.approve_now(outcome.concession_id)

    def approve_now(self, concession_id: str) -> None:
        """The supervisor comes to this station and decides with their own id and PIN."""
        concession = self.session.desk.find_concession(concession_id)
        if concession is None or not self.session.signed_in:
            return
        dialog = ApprovalDialog(self.session.desk, concession, self.window)
        self._show(dialog, lambda: self._after_approval(dialog))

    def open_queue(self) -> None:
        if not self.session.signed_in:
            return
        queue = PendingQueue(self.session.desk, self.session.station.settings.zone, self.window)
        self._show(queue, lambda: self._after_queue(queue))

    def record_feedback(self) -> None:
        """The customer's complaint or compliment, in their words, with no concession."""
        profile = self.card.profile
        if not self.session.signed_in or profile is None:
            return
        dialog = FeedbackDialog(self.session.desk, profile, self.window)
        dialog.accepted.connect(self.changed.emit)
        self._show(dialog)

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def _after_approval(self, dialog: ApprovalDialog) -> None:
        if dialog.outcome is not None:
            self.changed.emit()
            self.panel.show_decision(dialog.outcome)

    def _after_queue(self, queue: PendingQueue) -> None:
        if queue.decided:
            self.changed.emit()
            for outcome in queue.decided:
                self.panel.show_decision(outcome)

    def _show(self, dialog: Dialog, done: Callable[[], None] | None = None) -> None:
        """One dialog at a time over the window (a lock or sign-out closes it); `done` runs
        when it closes."""

        def finished(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            give_back_keys(dialog)
            if done is not None:
                done()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()  # its shortcuts work even without a window manager


def give_back_keys(dialog: QWidget) -> None:
    """A closed dialog hands the keys back to the window beneath it: with no window manager
    to do it, the window's shortcuts (F9, Ctrl+L…) would wait for a click."""
    parent = dialog.parentWidget()
    if parent is not None and parent.isVisible():
        parent.window().activateWindow()

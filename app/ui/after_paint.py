"""Work that waits until the window has painted what is already on its way to the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

RUN_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
# Qt posts a widget's repaint (UpdateRequest) at LowEventPriority; this goes after it.
_AFTER_REPAINT = Qt.EventPriority.LowEventPriority.value - 1


class AfterPaint(QObject):
    """Runs queued calls, in order, in the same pass of the event loop as the repaint but
    after it. A lock, sign-out or close runs what is queued first (`run_now`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: list[Callable[[], None]] = []
        self._posted = False

    def call(self, fn: Callable[[], None]) -> None:
        self._calls.append(fn)
        if not self._posted:
            self._posted = True
            QCoreApplication.postEvent(self, QEvent(RUN_AFTER_PAINT), _AFTER_REPAINT)

    def run_now(self) -> None:
        """Runs what is queued at once; a call that raises leaves the rest queued, in order."""
        while self._calls:
            self._calls.pop(0)()

    def event(self, event: QEvent) -> bool:
        if event.type() == RUN_AFTER_PAINT:
            self._posted = False
            self.run_now()
            return True
        return super().event(event)

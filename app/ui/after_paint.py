"""Work that waits until the window has painted what is already on its way to the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_RUN = QEvent.Type(QEvent.registerEventType())
# Qt posts a widget's repaint (UpdateRequest) at LowEventPriority; this goes after it.
_AFTER_REPAINT = Qt.EventPriority.LowEventPriority.value - 1


class AfterPaint(QObject):
    """Runs queued calls, in order, in the same pass of the event loop but after the repaint,
    so the next key is still read only once they are done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: list[Callable[[], None]] = []

    def call(self, fn: Callable[[], None]) -> None:
        self._calls.append(fn)
        if len(self._calls) == 1:
            QCoreApplication.postEvent(self, QEvent(_RUN), _AFTER_REPAINT)

    def run_now(self) -> None:
        """Runs what is queued at once (before a lock, a sign-out or a close)."""
        calls, self._calls = self._calls, []
        for fn in calls:
            fn()

    def event(self, event: QEvent) -> bool:
        if event.type() == _RUN:
            self.run_now()
            return True
        return super().event(event)

"""Locks the station after a spell with no key press or click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatch(QObject):
    """Counts down while nobody types, clicks or scrolls; any of these starts it again.

    It watches the app's top-level windows, which the window system hands all input to
    first, rather than the application, whose filter would run for every event of every
    widget: about 200 for each card opened, 0.6 ms in all.
    """

    def __init__(
        self, minutes: float, on_idle: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(on_idle)
        self._app = QApplication.instance()
        # A new window is watched once it is activated (a dialog) or, failing that, after
        # the input that opened it (a menu): see eventFilter.
        if isinstance(self._app, QApplication):
            self._app.focusWindowChanged.connect(self.watch_windows)
        self.watch_windows()

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        self.timer.start()

    def start(self) -> None:
        self.watch_windows()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def watch_windows(self, *_changed: object) -> None:
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)  # Qt keeps one copy of a filter per object

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()  # any activity starts the count again
            QTimer.singleShot(0, self, self.watch_windows)  # and a menu it opened
        return False

    def detach(self) -> None:
        self.timer.stop()
        if isinstance(self._app, QApplication):
            self._app.focusWindowChanged.disconnect(self.watch_windows)
            self._app = None  # a second detach has nothing left to undo
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

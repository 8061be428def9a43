"""The search field: searches as you type, and tells a card scanner's burst from typing."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

SCAN_GAP_S = 0.030  # keys closer than this come from a scanner, not a hand
SCAN_MIN_DIGITS = 6


class SearchBox(QLineEdit):
    scanned = Signal(str)  # a burst of digits ended by Enter
    submitted = Signal(str)  # Enter after ordinary typing
    escaped = Signal()
    move_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Card, phone, name or email…   (F2)"))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Search customers"))
        self._burst: list[str] = []
        self._last_key = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish(event)
            return
        if key == Qt.Key.Key_Escape:
            self._burst.clear()
            self.escaped.emit()
            return
        if key == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        now = time.monotonic()
        text = event.text()
        if text.isdigit() and len(text) == 1:
            if now - self._last_key > SCAN_GAP_S:
                self._burst = []
            self._burst.append(text)
        elif text:
            self._burst = []
        self._last_key = now
        super().keyPressEvent(event)

    def _finish(self, event: QKeyEvent) -> None:
        burst = "".join(self._burst)
        fast = time.monotonic() - self._last_key <= SCAN_GAP_S * 3
        self._burst = []
        if len(burst) >= SCAN_MIN_DIGITS and fast and burst in self.text():
            self.setText(burst)
            self.scanned.emit(burst)
        else:
            self.submitted.emit(self.text())
        event.accept()

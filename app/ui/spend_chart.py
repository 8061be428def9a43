"""A small bar chart of spend by month, newest on the right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.format import money
from app.ui.theme import LIGHT


class SpendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[int, ...] = ()
        self._accent = QColor(LIGHT.accent)
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Spend by month"))

    def sizeHint(self) -> QSize:
        return QSize(360, 56)

    def set_accent(self, accent: str) -> None:
        """The tier's colour in the current theme."""
        self._accent = QColor(accent)
        self.update()

    def set_values(self, values: Sequence[int], accent: str) -> None:
        self._values = tuple(values)
        self._accent = QColor(accent)
        peak = max(self._values, default=0)
        self.setToolTip(
            self.tr("Spend by month over the last {n} months; highest month {peak}").format(
                n=len(self._values), peak=money(peak)
            )
        )
        self.setAccessibleDescription(self.toolTip())
        self.update()

    def clear(self) -> None:
        """No customer: no bars, and nothing of the last one's spending to read aloud."""
        self._values = ()
        self.setToolTip("")
        self.setAccessibleDescription("")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height() - 2
        count = len(self._values)
        slot = width / count
        peak = max(max(self._values), 1)
        muted = QColor(self._accent)
        muted.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, value in enumerate(self._values):
            bar = max(value, 0) / peak * (height - 4)
            rect = QRectF(index * slot + slot * 0.15, height - max(bar, 2), slot * 0.7, max(bar, 2))
            painter.setBrush(self._accent if value > 0 else muted)
            painter.drawRoundedRect(rect, 2, 2)
        painter.end()

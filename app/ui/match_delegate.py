"""Draws one match: the name, with the tier's colour, above the customer id."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.models import DETAIL_ROLE, TIER_ROLE
from app.ui.theme import LIGHT, Palette

Index = QModelIndex | QPersistentModelIndex
PAD = 5  # above, between and below the two lines


class MatchDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(parent)
        self.palette = palette  # the window sets the theme's palette

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()  # two lines, as tall as the font needs
        return QSize(option.rect.width(), 2 * line + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        colours = self.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(colours.selection))
        tier = str(index.data(TIER_ROLE) or "")
        painter.fillRect(
            QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), QColor(colours.tier(tier))
        )
        line = QFontMetrics(option.font).height()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(QColor(colours.text))
        name = QRect(rect.left() + 14, rect.top() + PAD, rect.width() - 22, line)
        elide = Qt.TextElideMode.ElideRight  # a narrow list (large text) ends names with …
        text = QFontMetrics(name_font).elidedText(str(index.data()), elide, name.width())
        painter.drawText(name, left, text)
        painter.setFont(option.font)
        painter.setPen(QColor(colours.muted))
        detail = QFontMetrics(option.font).elidedText(
            str(index.data(DETAIL_ROLE)), elide, name.width()
        )
        painter.drawText(name.translated(0, line + PAD), left, detail)
        painter.restore()

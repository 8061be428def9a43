"""Draws one match: the name, with the tier's colour, above the customer id."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui import format as fmt
from app.ui.models import DETAIL_ROLE, TIER_ROLE

Index = QModelIndex | QPersistentModelIndex


class MatchDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), 48)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor("#dce8f2"))
        tier = str(index.data(TIER_ROLE) or "")
        painter.fillRect(
            QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), QColor(fmt.tier_colour(tier))
        )
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(QColor("#1d2733"))
        text_rect = rect.adjusted(14, 5, -8, -24)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(index.data())
        )
        painter.setFont(option.font)
        painter.setPen(QColor("#5d6b7a"))
        detail_rect = rect.adjusted(14, 25, -8, -4)
        detail = str(index.data(DETAIL_ROLE))
        painter.drawText(
            detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, detail
        )
        painter.restore()

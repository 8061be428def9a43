"""Qt item models over the services' read-models (no SQL here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.models import Match, status_word
from app.ui.translations import shown

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
TIER_ROLE = Qt.ItemDataRole.UserRole + 3


class MatchListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._matches: tuple[Match, ...] = ()

    def set_matches(self, matches: Sequence[Match]) -> None:
        self.beginResetModel()
        self._matches = tuple(matches)
        self.endResetModel()

    def match_at(self, row: int) -> Match | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return match.display_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{match.display_name} · {match.customer_id}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{match.display_name}, {match.customer_id}"
        if role == CUSTOMER_ID_ROLE:
            return match.customer_id
        if role == DETAIL_ROLE:  # names and ids only: contact details stay on the card
            closed = "" if match.status == "active" else f" · {shown(status_word(match.status))}"
            return f"{match.customer_id}{closed}"
        if role == TIER_ROLE:
            return match.tier
        return None


class _Records(Generic[T]):
    """Rows of records for a read-only Qt model, replaced whole inside reset brackets."""

    _rows: tuple[T, ...] = ()

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()  # type: ignore[attr-defined]
        self._rows = tuple(rows)
        self.endResetModel()  # type: ignore[attr-defined]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


_TEXT_ROLES = frozenset(
    int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
)


class RecordTableModel(_Records[T], QAbstractTableModel):
    """A read-only table of records, one column per (header, getter) pair."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[T], str]]]) -> None:
        super().__init__()
        self._columns = tuple(columns)
        self._cells: tuple[tuple[str, ...], ...] = ()

    def set_rows(self, rows: Sequence[T]) -> None:
        """The rows, each cell's text made once here rather than at every paint."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._cells = tuple(tuple(get(row) for _, get in self._columns) for row in self._rows)
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row_texts(self, row: int) -> tuple[str, ...]:
        """The row's cells as shown (what `data` gives for each column)."""
        return self._cells[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TEXT_ROLES or not index.isValid():
            return None
        row = index.row()
        return self._cells[row][index.column()] if 0 <= row < len(self._cells) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


class RecordListModel(_Records[T], QAbstractListModel):
    """A read-only list of records, each shown through one function."""

    def __init__(self, show: Callable[[T], str]) -> None:
        super().__init__()
        self._show = show

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._show(self._rows[index.row()])
        return None

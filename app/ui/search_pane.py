"""The search: the box with its notice (the bar across the top) and the matches with their
count (the column on the left). It says what the person asks for, and shows what it is
given; looking up is the window's, through the person's Desk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Signal
from PySide6.QtGui import QKeyEvent, Qt
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from app.services.lookup import SearchResult
from app.ui.match_delegate import MatchDelegate
from app.ui.models import MatchListModel
from app.ui.search_box import SearchBox
from app.ui.translations import shown


class SearchPane(QObject):
    chosen = Signal(object)  # a Match to open: picked in the list, or moved to

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.bar = QWidget()
        self.bar.setObjectName("searchBar")
        bar = QVBoxLayout(self.bar)
        bar.setContentsMargins(16, 10, 16, 10)
        self.box = SearchBox()
        self.box.setObjectName("search")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        bar.addWidget(self.box)
        bar.addWidget(self.notice)

        self.column = QWidget()
        self.column.setObjectName("results")
        self.column.setMinimumWidth(140)
        column = QVBoxLayout(self.column)
        column.setContentsMargins(8, 8, 0, 8)
        self.count = QLabel(self.tr("No search yet"))
        self.count.setObjectName("matchCount")
        self.count.setWordWrap(True)  # "First 20 matches: keep typing…" in a narrow column
        self.model = MatchListModel()
        self.list = QListView()
        self.list.setObjectName("resultList")
        self.list.setModel(self.model)
        self.delegate = MatchDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName(self.tr("Matching customers"))
        self.list.setUniformItemSizes(True)
        self.list.installEventFilter(self)
        column.addWidget(self.count)
        column.addWidget(self.list, 1)

        self.box.move_down.connect(self.focus_matches)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)
        self.list.selectionModel().currentChanged.connect(self._moved)

    def show(self, result: SearchResult) -> None:
        """Matches and their count, or why the input was refused (and it is forgotten)."""
        if result.refused:
            self.forget_typed()  # the number is not kept anywhere
            self.notify(shown(result.refused))
            self.model.set_matches(())
            self.count.setText(self.tr("Input refused"))
            return
        self.notify(None)
        self.model.set_matches(result.matches)
        n = len(result.matches)
        if not result.query:
            self.count.setText(self.tr("No search yet"))
        elif n == 0:
            self.count.setText(self.tr("No customer matches"))
        elif result.more:
            self.count.setText(self.tr("First {0} matches: keep typing to narrow").format(n))
        else:
            self.count.setText(self.tr("%n match(es)", "", n))

    def select_first(self) -> None:
        self.list.setCurrentIndex(self.model.index(0))

    def notify(self, message: str | None) -> None:
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def forget_typed(self) -> None:
        """Empties the box without a search: nothing is left for Ctrl+Z."""
        self.box.blockSignals(True)
        self.box.setText("")
        self.box.blockSignals(False)

    def clear(self) -> None:
        self.box.clear()
        self.notify(None)
        self.model.set_matches(())
        self.count.setText(self.tr("No search yet"))
        self.box.setFocus()

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def focus_matches(self) -> None:
        if self.model.rowCount():
            self.list.setFocus()
            self.select_first()
            self._choose(self.model.index(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the list, Up on the first row or any typing goes back to the search."""
        if watched is self.list and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            if event.key() == Qt.Key.Key_Up and self.list.currentIndex().row() <= 0:
                self.focus_box()
                return True
            if event.text() and event.text().isprintable():
                self.box.setFocus()
                self.box.setText(self.box.text() + event.text())
                return True
        return super().eventFilter(watched, event)

    def _choose(self, index: QModelIndex) -> None:
        match = self.model.match_at(index.row())
        if match is not None:
            self.chosen.emit(match)

    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.list.hasFocus():
            self._choose(current)

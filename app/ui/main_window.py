"""The main window: search, results and the customer card, driven by keyboard."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import Match
from app.services.goodwill import GoodwillService
from app.services.lookup import Freshness, LookupService, SearchResult
from app.ui import format as fmt
from app.ui.customer_card import CustomerCard
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.match_delegate import MatchDelegate
from app.ui.models import MatchListModel
from app.ui.search_box import SearchBox


class MainWindow(QMainWindow):
    def __init__(
        self, lookup: LookupService, goodwill: GoodwillService, *, station: str, zone: ZoneInfo
    ) -> None:
        super().__init__()
        self.lookup, self.zone = lookup, zone
        self.setWindowTitle(self.tr("Standing — {0}").format(station))
        self.resize(1366, 768)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.demo_banner = QLabel(
            self.tr("DEMO DATA — these customers are invented; nothing here is real.")
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.demo_banner)

        top = QWidget()
        top.setObjectName("searchBar")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(16, 12, 16, 12)
        self.search = SearchBox()
        self.search.setObjectName("search")
        top_layout.addWidget(self.search)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        top_layout.addWidget(self.notice)
        layout.addWidget(top)

        splitter = QSplitter()
        left = QWidget()
        left.setObjectName("results")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        self.count = QLabel(self.tr("No search yet"))
        self.count.setObjectName("matchCount")
        self.results_model = MatchListModel()
        self.results = QListView()
        self.results.setObjectName("resultList")
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(self._delegate())
        self.results.setAccessibleName(self.tr("Matching customers"))
        self.results.setUniformItemSizes(True)
        self.results.installEventFilter(self)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.results, 1)
        self.card = CustomerCard(zone)
        self.goodwill = GoodwillPanel(goodwill)
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.addWidget(self.goodwill)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 816, 300])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.station_label = QLabel(station)
        self.station_label.setObjectName("station")
        self.statusBar().addWidget(self.station_label)
        self.freshness = QLabel()
        self.statusBar().addPermanentWidget(self.freshness)
        self._wire()
        self.refresh_freshness()
        self.search.setFocus()

    def _delegate(self) -> QStyledItemDelegate:
        return MatchDelegate(self.results)

    def _wire(self) -> None:
        self.search.textChanged.connect(self._search_as_you_type)
        self.search.scanned.connect(self._on_scan)
        self.search.submitted.connect(self._on_submit)
        self.search.escaped.connect(self.clear)
        self.search.move_down.connect(self._focus_results)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        for keys in (QKeySequence(Qt.Key.Key_F2), QKeySequence(QKeySequence.StandardKey.Find)):
            QShortcut(keys, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the list, Up on the first row or any typing goes back to the search."""
        if watched is self.results and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            at_top = self.results.currentIndex().row() <= 0
            if event.key() == Qt.Key.Key_Up and at_top:
                self.focus_search()
                return True
            if event.text() and event.text().isprintable():
                self.search.setFocus()
                self.search.setText(self.search.text() + event.text())
                return True
        return super().eventFilter(watched, event)

    # searching
    def _search_as_you_type(self, text: str) -> None:
        self._show_result(self.lookup.search(text), open_direct=True)

    def _on_scan(self, digits: str) -> None:
        result = self.lookup.search(digits)
        self._show_result(result, open_direct=True)
        if result.matches and self.card.profile is None:
            self._open_match(result.matches[0])

    def _on_submit(self, text: str) -> None:
        result = self.lookup.search(text)
        self._show_result(result, open_direct=True)
        if result.matches:
            self._open_match(result.matches[0])
            self.results.setCurrentIndex(self.results_model.index(0))

    def _show_result(self, result: SearchResult, *, open_direct: bool) -> None:
        if result.refused:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._notify(result.refused)
            self.results_model.set_matches(())
            self.card.clear()
            self.goodwill.clear()
            self.count.setText(self.tr("Input refused"))
            return
        self._notify(None)
        self.results_model.set_matches(result.matches)
        self._update_count(result)
        direct = result.direct if open_direct else None
        if direct is not None:
            self.results.setCurrentIndex(self.results_model.index(0))
            self._open_match(direct)
        elif self.card.profile is not None:
            self.card.clear()
            self.goodwill.clear()

    def _update_count(self, result: SearchResult) -> None:
        n = len(result.matches)
        if not result.query:
            self.count.setText(self.tr("No search yet"))
        elif n == 0:
            self.count.setText(self.tr("No customer matches"))
        elif result.more:
            self.count.setText(self.tr("First {0} matches: keep typing to narrow").format(n))
        else:
            self.count.setText(self.tr("1 match") if n == 1 else self.tr("{0} matches").format(n))

    def _notify(self, message: str | None) -> None:
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    # opening a card
    def _open_index(self, index: QModelIndex) -> None:
        match = self.results_model.match_at(index.row())
        if match is not None:
            self._open_match(match)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.results.hasFocus():
            self._open_index(current)

    def _open_match(self, match: Match) -> None:
        profile = self.lookup.profile(match.customer_id)
        self.card.show_profile(profile, match)
        self.goodwill.set_profile(profile)

    def _focus_results(self) -> None:
        if self.results_model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0))
            self._open_index(self.results_model.index(0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear(self) -> None:
        self.search.clear()
        self._notify(None)
        self.results_model.set_matches(())
        self.card.clear()
        self.goodwill.clear()
        self.count.setText(self.tr("No search yet"))
        self.search.setFocus()

    # freshness
    def refresh_freshness(self) -> None:
        self.show_freshness(self.lookup.freshness())

    def show_freshness(self, fresh: Freshness) -> None:
        self.demo_banner.setVisible(fresh.demo)
        if fresh.exported_at is None:
            self.freshness.setText(self.tr("no data imported yet"))
            return
        text = self.tr("data as of {0}").format(self._when(fresh.exported_at))
        if fresh.demo:
            text = self.tr("DEMO DATA · ") + text
        self.freshness.setText(text)

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        today = datetime.now(UTC).astimezone(self.zone).date()
        if local.date() == today:
            return self.tr("{0} today").format(f"{local:%H:%M}")
        return fmt.moment(moment, self.zone)

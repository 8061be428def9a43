"""The main window: search, results and the customer card, driven by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.goodwill import GoodwillError, Suggestion, role_name
from app.domain.models import Match, Profile
from app.domain.staff import Staff
from app.services.lookup import Freshness, SearchResult, UnknownCustomerError
from app.services.station import Station, StoreError
from app.ui import format as fmt
from app.ui.after_paint import AfterPaint
from app.ui.approval import ApprovalDialog, PendingQueue
from app.ui.customer_card import CustomerCard
from app.ui.feedback_dialog import FeedbackDialog
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.idle import IdleWatch
from app.ui.import_run import ImportRun
from app.ui.lock_page import LockPage
from app.ui.match_delegate import MatchDelegate
from app.ui.models import MatchListModel
from app.ui.search_box import SearchBox
from app.ui.theme import Looks, Palette
from app.ui.translations import failure, shown
from app.ui.workers import Runner

Dialog = ApprovalDialog | PendingQueue | FeedbackDialog

WORK_PAGE, LOCK_PAGE = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, station: Station, staff: Staff | None = None) -> None:
        super().__init__()
        self.station = station
        self.lookup, self.zone = station.lookup, station.settings.zone
        self.staff: Staff | None = None
        self.locked = False
        self.desk = station.desk(None)
        self.match: Match | None = None
        self._typed: tuple[str, SearchResult] | None = None  # the last text searched as typed
        self.dialog: Dialog | None = None
        name = station.settings.station
        fmt.use_currency(station.settings.currency)
        self.setWindowTitle(self.tr("Standing — {0}").format(name))
        self.resize(1366, 768)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.demo_banner = QLabel(
            self.tr("DEMO DATA — these customers are invented; nothing here is real.")
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.demo_banner)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        work = self.work_page = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.pages.addWidget(work)
        self.lock_page = LockPage(station.staff)
        self.pages.addWidget(self.lock_page)

        top = QWidget()
        top.setObjectName("searchBar")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(16, 10, 16, 10)
        self.search = SearchBox()
        self.search.setObjectName("search")
        top_layout.addWidget(self.search)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        top_layout.addWidget(self.notice)
        layout.addWidget(top)

        splitter = self.splitter = QSplitter()
        left = QWidget()
        left.setObjectName("results")
        left.setMinimumWidth(140)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        self.count = QLabel(self.tr("No search yet"))
        self.count.setObjectName("matchCount")
        self.results_model = MatchListModel()
        self.results = QListView()
        self.results.setObjectName("resultList")
        self.results.setModel(self.results_model)
        self.match_delegate = MatchDelegate(self.results)
        self.results.setItemDelegate(self.match_delegate)
        self.results.setAccessibleName(self.tr("Matching customers"))
        self.results.setUniformItemSizes(True)
        self.results.installEventFilter(self)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.results, 1)
        self.card = CustomerCard(self.zone)
        self.goodwill = GoodwillPanel(self.desk)
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.addWidget(self.goodwill)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.station_label = QLabel(name)
        self.station_label.setObjectName("station")
        self.statusBar().addWidget(self.station_label)
        self.freshness = QLabel()
        self.statusBar().addPermanentWidget(self.freshness)
        self.idle = IdleWatch(station.settings.lock_after_minutes, self.lock, self)
        self.freshness_timer = QTimer(self)
        self.freshness_timer.setInterval(5 * 60_000)  # data grows stale while the app is open
        self.freshness_timer.timeout.connect(self.refresh_freshness)
        self.freshness_timer.start()
        self.import_run: ImportRun | None = None
        settings = station.settings
        self.looks = Looks(settings.theme, settings.large_text, self)
        self.after_paint = AfterPaint(self)
        self._menus()
        self._wire()
        self._tab_order()
        self.looks.changed.connect(self._show_looks)
        self.looks.apply()
        self.refresh_freshness()
        if staff is None:
            self._show_signed_out()
        else:
            self._begin(staff)

    def _wire(self) -> None:
        self.search.textChanged.connect(self._search_as_you_type)
        self.search.scanned.connect(self._on_scan)
        self.search.submitted.connect(self._on_submit)
        self.search.escaped.connect(self._escape)
        self.search.move_down.connect(self._focus_results)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        # On the work page, so none of them acts (or moves focus) behind the lock page.
        work = self.work_page
        for keys in (QKeySequence(Qt.Key.Key_F2), QKeySequence(QKeySequence.StandardKey.Find)):
            QShortcut(keys, work, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), work, self._escape)
        for shortcut, slot in (
            ("Ctrl+R", self.reveal_phones),
            ("F6", self.record_feedback),
        ):
            QShortcut(QKeySequence(shortcut), work, slot)
        self.lock_page.accepted.connect(self._on_signed_in)
        self.goodwill.apply_requested.connect(self._record)
        self.goodwill.approval_requested.connect(self._approve_now)
        self.card.reveal_requested.connect(self.reveal_phones)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        self.freshness_timer.stop()
        self.idle.detach()
        self.looks.detach()
        try:
            self.station.audit.flush()  # records still waiting for an import's lock
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Standing"), failure(exc))
        self._close_dialog()
        super().closeEvent(event)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action = file_menu.addAction(self.tr("&Import…"))
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.triggered.connect(self.choose_import)
        file_menu.addSeparator()
        lock = file_menu.addAction(self.tr("&Lock screen"))
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        sign_out = file_menu.addAction(self.tr("Sign &out"))
        sign_out.setShortcut(QKeySequence("Ctrl+Shift+L"))
        sign_out.triggered.connect(self.sign_out)
        queue = file_menu.addAction(self.tr("Supervisor &queue"))
        queue.setShortcut(QKeySequence("F9"))
        queue.triggered.connect(self.open_queue)

        view = self.menuBar().addMenu(self.tr("&View"))
        themes = view.addMenu(self.tr("&Theme"))
        self.theme_actions = QActionGroup(self)
        for choice, label in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = themes.addAction(label)
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(lambda _=False, c=choice: self.looks.choose(c))
            self.theme_actions.addAction(action)
        self.large_text = view.addAction(self.tr("Large &text"))
        self.large_text.setCheckable(True)
        self.large_text.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.large_text.toggled.connect(self.looks.set_large)

    def _tab_order(self) -> None:
        """Tab follows the screen: search, matches, the card (top to bottom), the panel."""
        card, panel = self.card, self.goodwill
        chain = [
            self.search,
            self.results,
            card.reveal,
            card.tabs.tabBar(),
            *card.tables,
            panel.category,
            panel.amount,
            panel.words,
            panel.options,
            panel.apply_button,
            panel.supervisor_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_looks(self, palette: Palette) -> None:
        """The theme or text size changed: the menu says so, and what paints itself repaints."""
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == self.looks.choice)
        self.large_text.blockSignals(True)
        self.large_text.setChecked(self.looks.large)
        self.large_text.blockSignals(False)
        self._fit_columns()
        self.match_delegate.palette = palette
        self.card.set_palette(palette)
        self.results.doItemsLayout()  # rows as tall as the new text
        self.results.viewport().update()

    def _fit_columns(self) -> None:
        """Matches, card and goodwill side by side; large text narrows the matches."""
        left = 180 if self.looks.large else 250
        panel = max(self.goodwill.minimumSizeHint().width(), 300)
        self.splitter.setSizes([left, max(self.width() - left - panel, 500), panel])

    # importing
    def choose_import(self) -> None:
        if not self.signed_in:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import an export folder"))
        if folder:
            self.start_import(Path(folder))

    def start_import(self, folder: Path, runner: Runner | None = None) -> ImportRun | None:
        """Import off the GUI thread; lookups carry on, and the new data shows once it
        commits."""
        if not self.signed_in or self.import_run is not None or self.staff is None:
            return None
        run = ImportRun(self.station.settings, folder, runner or Runner(), self)
        self.station.audit.record(self.staff.staff_id, "import_started", detail=str(folder))
        run.finished.connect(lambda _: self._after_import(run))
        self.import_run = run
        run.start()
        return run

    def _after_import(self, run: ImportRun) -> None:
        self.import_run = None
        actor = self.staff.staff_id if self.staff else "unknown"
        if run.report is not None:
            self.station.audit.record(
                actor,
                "import_finished",
                detail=f"{run.report.rows} rows imported, {run.report.rejected} rejected",
            )
            self.refresh_freshness()
            if self.card.profile is not None:
                self._refresh_profile()
        else:
            self.station.audit.record(actor, "import_failed", detail=run.summary[:200])
        run.show_summary(self)

    # who is at the counter
    @property
    def signed_in(self) -> bool:
        return self.staff is not None and not self.locked

    def _begin(self, staff: Staff) -> None:
        """A person starts work: a desk of their own, the search ready."""
        self.staff = staff
        self.locked = False
        self.desk = self.station.desk(staff)
        self.goodwill.set_desk(self.desk)
        self.station_label.setText(
            self.tr("{0} · signed in: {1} ({2})").format(
                self.station.settings.station, staff.short_name, shown(role_name(staff.role))
            )
        )
        self.pages.setCurrentIndex(WORK_PAGE)
        if self.splitter.sizes()[0] < 150:  # laid out while hidden behind the sign-in page
            self._fit_columns()
        self.idle.start()
        self.search.setFocus()

    def _on_signed_in(self, staff: Staff) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        if self.locked and self.staff is not None and staff.staff_id == self.staff.staff_id:
            self.station.audit.record(staff.staff_id, "unlock")
            self.locked = False
            self.pages.setCurrentIndex(WORK_PAGE)
            self.idle.start()
            self.search.setFocus()
            return
        if self.staff is not None:  # someone else takes over: the last session ends here
            self.station.audit.record(self.staff.staff_id, "sign_out", detail="replaced")
        self.clear()
        self.station.audit.record(staff.staff_id, "sign_in")
        self._begin(staff)

    def lock(self) -> None:
        """Hide the customer until the PIN is typed again (after inactivity, or Ctrl+L)."""
        self.after_paint.run_now()  # an opening's records come before what follows
        if self.staff is None or self.locked:
            return
        self._close_dialog()
        self.locked = True
        self.idle.stop()
        self._forget_typed()  # nothing typed before the lock is kept behind it
        self.station.audit.record(self.staff.staff_id, "lock")
        self.lock_page.locked(self.staff)
        self.pages.setCurrentIndex(LOCK_PAGE)

    def sign_out(self) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        if self.staff is not None:
            self.station.audit.record(self.staff.staff_id, "sign_out")
        self._close_dialog()
        self.clear()
        self._show_signed_out()

    def _show_signed_out(self) -> None:
        self.staff = None
        self.locked = False
        self.idle.stop()
        self.station_label.setText(
            self.tr("{0} · nobody signed in").format(self.station.settings.station)
        )
        self.lock_page.signed_out(self.station.settings.station)
        self.pages.setCurrentIndex(LOCK_PAGE)

    def _show_dialog(self, dialog: Dialog, done: Callable[[], None] | None = None) -> None:
        """One dialog at a time over the window (a lock or sign-out closes it); `done` runs
        when it closes."""

        def finished(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if done is not None:
                done()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()  # its shortcuts work even without a window manager

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    # recording goodwill
    def _record(self, suggestion: Suggestion, ask_supervisor: bool) -> None:
        profile = self.card.profile
        advice = self.goodwill.advice
        if not self.signed_in or profile is None or advice is None or self.staff is None:
            return
        if advice.profile.customer_id != profile.customer_id:
            return  # advice for someone no longer on the card is never recorded
        try:
            outcome = self.station.concessions.record(
                self.staff,
                profile.customer_id,
                category=suggestion.category,
                action=suggestion.action,
                value=suggestion.value,
                amount=advice.dispute.amount,
                words=advice.dispute.words,
                ask_supervisor=ask_supervisor,
            )
        except (GoodwillError, UnknownCustomerError, StoreError) as exc:
            self.goodwill.show_failure(failure(exc))
            return
        self._refresh_profile()
        self.goodwill.show_outcome(outcome, suggestion)
        if outcome.needs_approval and ask_supervisor:
            self._approve_now(outcome.concession_id)

    def _approve_now(self, concession_id: str) -> None:
        """The supervisor comes to this station and decides with their own id and PIN."""
        concession = self.station.concessions.find(concession_id)
        if concession is None or not self.signed_in:
            return
        dialog = ApprovalDialog(self.station.staff, self.station.concessions, concession, self)
        self._show_dialog(dialog, lambda: self._after_approval(dialog))

    def _after_approval(self, dialog: ApprovalDialog) -> None:
        if dialog.outcome is not None:
            self._refresh_profile()
            self.goodwill.show_decision(dialog.outcome)

    def open_queue(self) -> None:
        if not self.signed_in:
            return
        queue = PendingQueue(self.station.staff, self.station.concessions, self.zone, self)
        self._show_dialog(queue, lambda: self._after_queue(queue))

    def _after_queue(self, queue: PendingQueue) -> None:
        if queue.decided:
            self._refresh_profile()
            for outcome in queue.decided:
                self.goodwill.show_decision(outcome)

    def record_feedback(self) -> None:
        """The customer's complaint or compliment, in their words, with no concession."""
        profile = self.card.profile
        if not self.signed_in or profile is None or self.staff is None:
            return
        dialog = FeedbackDialog(self.station.concessions, self.staff, profile, self)
        dialog.accepted.connect(self._refresh_profile)
        self._show_dialog(dialog)

    def reveal_phones(self) -> None:
        profile = self.card.profile
        if not self.signed_in or profile is None or not profile.phones:
            return
        self.card.show_phones(self.desk.reveal_phones(profile))

    def _refresh_profile(self) -> None:
        """The card and the guards count what was just recorded."""
        profile = self.card.profile
        if profile is None:
            return
        fresh: Profile = self.lookup.profile(profile.customer_id)
        self.card.show_profile(fresh, self.match)
        self.goodwill.set_profile(fresh)

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
        if self.signed_in:
            result = self.desk.search(text)
            self._typed = (text, result)
            self._show_result(result, open_direct=True)

    def _on_scan(self, digits: str) -> None:
        if not self.signed_in:
            return
        if self._typed is not None and self._typed[0] == digits:
            result = self._typed[1]  # the burst's last digit found it, moments ago: shown
        else:
            result = self.desk.search(digits)
            self._show_result(result, open_direct=True)
        if result.matches and self.card.profile is None:
            self._open_match(result.matches[0])

    def _forget_typed(self) -> None:
        """Empties the search box without a search, and forgets its text: unlike clear(),
        nothing is left for Ctrl+Z, nor for a scan's Enter to reuse."""
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self._typed = None

    def _on_submit(self, text: str) -> None:
        if not self.signed_in:
            return
        result = self.desk.search(text)
        self._show_result(result, open_direct=True)
        if result.matches:
            self._open_match(result.matches[0])
            self.results.setCurrentIndex(self.results_model.index(0))

    def _show_result(self, result: SearchResult, *, open_direct: bool) -> None:
        if result.refused:
            self._forget_typed()  # the number is not kept anywhere
            self._notify(shown(result.refused))
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
            self.count.setText(self.tr("%n match(es)", "", n))

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
        if not self.signed_in:
            return
        if self.card.profile is not None and self.card.profile.customer_id == match.customer_id:
            return  # already on screen (and audited)
        try:
            profile = self.desk.open(match.customer_id, str(match.matched_on), chain_now=False)
        except StoreError as exc:
            self._notify(self.tr("Could not open this customer: {0}").format(failure(exc)))
            return
        self.match = match
        self.card.show_profile(profile, match)
        self.goodwill.hold(profile)
        # The card is painted first; the suggestion and the chaining of the lookup's audit
        # record (one synced write for both) follow before the next key is read.
        self.after_paint.call(lambda: self._finish_opening(profile))

    def _finish_opening(self, profile: Profile) -> None:
        try:
            if self.card.profile is profile and self.signed_in:
                self.goodwill.set_profile(profile)  # its suggestion's record chains both
            self.station.audit.flush(quick=True)  # busy (an import): waits, in order
        except StoreError as exc:  # the lookup is not on the record: nothing stays shown
            self.card.clear()
            self.goodwill.clear()
            self._notify(self.tr("Could not open this customer: {0}").format(failure(exc)))

    def _focus_results(self) -> None:
        if self.results_model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0))
            self._open_index(self.results_model.index(0))

    def focus_search(self) -> None:
        if not self.signed_in:
            return
        self.search.setFocus()
        self.search.selectAll()

    def _escape(self) -> None:
        if self.signed_in:
            self.clear()

    def clear(self) -> None:
        self.match = None
        self._typed = None
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
        stale = False
        if fresh.exported_at is None:
            text = self.tr("no data imported yet")
        else:
            text = self.tr("data as of {0}").format(self._when(fresh.exported_at))
            hours = (self.station.clock() - fresh.exported_at).total_seconds() / 3600
            if hours > self.station.settings.stale_after_hours and not fresh.demo:
                stale = True
                old = self.tr("⚠ STALE: {0} (%n hours old; import a new export)", "", int(hours))
                text = old.format(text)
            if fresh.demo:
                text = self.tr("DEMO DATA · ") + text
        self.freshness.setText(text)
        self.freshness.setProperty("stale", stale)
        self.freshness.style().unpolish(self.freshness)
        self.freshness.style().polish(self.freshness)

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        if local.date() == self.station.today():
            return self.tr("{0} today").format(fmt.clock(local))
        return fmt.moment(moment, self.zone)

"""The main window: composes the search, the card, the goodwill panel, the menus and the
status line, and carries the keyboard between them. Rules live in services: who is signed
in in the Session, everything else behind the person's Desk."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.staff import Staff
from app.services.lookup import Freshness as DataDates
from app.services.session import Freshness, Session, SignedIn
from app.services.station import Station, StoreError
from app.ui import format as fmt
from app.ui.after_paint import AfterPaint
from app.ui.chain_sync import ChainSync, banner
from app.ui.customer_card import CustomerCard
from app.ui.goodwill_flow import GoodwillFlow
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.idle import IdleWatch
from app.ui.import_run import ImportRun
from app.ui.lock_page import LockPage
from app.ui.lookup_flow import LookupFlow
from app.ui.menus import Menus
from app.ui.search_pane import SearchPane
from app.ui.status_line import StatusLine
from app.ui.theme import Looks, Palette
from app.ui.translations import failure
from app.ui.workers import Runner

WORK_PAGE, LOCK_PAGE = 0, 1


class MainWindow(QMainWindow):
    def __init__(self, station: Station, staff: Staff | None = None) -> None:
        super().__init__()
        self.station, self.zone = station, station.settings.zone
        self.session = Session(station)
        fmt.use_currency(station.settings.currency)
        self.setWindowTitle(self.tr("Standing — {0}").format(station.settings.station))
        self.resize(1366, 768)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        demo = self.tr("DEMO DATA — these customers are invented; nothing here is real.")
        self.demo_banner = banner(demo, "demoBanner")
        outer.addWidget(self.demo_banner)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.work_page = QWidget()
        work = QVBoxLayout(self.work_page)
        work.setContentsMargins(0, 0, 0, 0)
        work.setSpacing(0)
        self.pages.addWidget(self.work_page)
        self.lock_page = LockPage(self.session)
        self.pages.addWidget(self.lock_page)

        self.pane = SearchPane(self)
        self.card = CustomerCard(self.zone, dict(self.session.desk.goodwill.categories()))
        self.goodwill = GoodwillPanel(self.session.desk)
        self.splitter = QSplitter()
        for part in (self.pane.column, self.card, self.goodwill):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 1)
        work.addWidget(self.pane.bar)
        work.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        pane = self.pane  # the parts tests and the benchmark reach for, by their old names
        self.search, self.results, self.results_model = pane.box, pane.list, pane.model
        self.count, self.notice = pane.count, pane.notice

        self.status = StatusLine(
            self.statusBar(), station.settings.station, self.zone, self.session.today
        )
        self.station_label, self.freshness = self.status.station, self.status.freshness
        self.idle = IdleWatch(station.settings.lock_after_minutes, self.lock, self)
        self.freshness_timer = QTimer(self)
        self.freshness_timer.setInterval(5 * 60_000)  # data grows stale while the app is open
        self.freshness_timer.timeout.connect(self.refresh_freshness)
        self.freshness_timer.start()
        self.import_run: ImportRun | None = None
        self.looks = Looks(station.settings.theme, station.settings.large_text, self)
        self.after_paint = AfterPaint(self)
        self.flow = GoodwillFlow(self.session, self.card, self.goodwill, self)
        self.lookups = LookupFlow(
            self.session, self.pane, self.card, self.goodwill, self.after_paint
        )
        self.menus = Menus(self, self.looks)
        self.theme_actions, self.large_text = self.menus.theme_actions, self.menus.large_text
        self._wire()
        self._tab_order()
        self.looks.changed.connect(self._show_looks)
        self.looks.apply()
        self.refresh_freshness()
        self.status.show_notices(self.session.notices)
        self.chain = ChainSync(self) if self.session.in_chain else None  # syncs from now on
        if staff is None:
            self._show_signed_out()
        else:
            self.session.start(staff)
            self._begin()

    def _wire(self) -> None:
        pane, box = self.pane, self.pane.box
        lookups = self.lookups
        box.textChanged.connect(lookups.typed)
        box.scanned.connect(lookups.scanned)
        box.submitted.connect(lookups.submitted)
        box.escaped.connect(self._escape)
        pane.chosen.connect(lookups.open)
        menus = self.menus
        menus.import_chosen.connect(self.choose_import)
        menus.lock_chosen.connect(self.lock)
        menus.sign_out_chosen.connect(self.sign_out)
        menus.queue_chosen.connect(self.flow.open_queue)
        # On the work page, so none of them acts (or moves focus) behind the lock page.
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F2), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence(Qt.Key.Key_Escape), self._escape),
            (QKeySequence("Ctrl+R"), self.reveal_phones),
            (QKeySequence("F6"), self.flow.record_feedback),
        ):
            QShortcut(keys, self.work_page, slot)
        self.lock_page.accepted.connect(self._on_signed_in)
        self.goodwill.apply_requested.connect(self.flow.record)
        self.goodwill.approval_requested.connect(self.flow.approve_now)
        self.flow.changed.connect(lookups.reread)
        self.flow.notice.connect(self.status.show_notice)
        self.card.reveal_requested.connect(self.reveal_phones)

    @property
    def staff(self) -> Staff | None:
        return self.session.staff

    @property
    def locked(self) -> bool:
        return self.session.locked

    @property
    def signed_in(self) -> bool:
        return self.session.signed_in

    @property
    def dialog(self) -> QWidget | None:
        return self.flow.dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        self.freshness_timer.stop()
        if self.chain is not None:
            self.chain.detach()
        self.idle.detach()
        self.looks.detach()
        try:
            self.session.close()  # records still waiting for an import's lock
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Standing"), failure(exc))
        self.flow.close_dialog()
        super().closeEvent(event)

    def _tab_order(self) -> None:
        """Tab follows the screen: search, matches, the card (top to bottom), the panel."""
        card, panel = self.card, self.goodwill
        chain = (self.search, self.results, card.reveal, card.tabs.tabBar(), *card.tables)
        for first, second in pairwise((*chain, *panel.tab_chain())):
            QWidget.setTabOrder(first, second)

    def _show_looks(self, palette: Palette) -> None:
        """The theme or text size changed: the menu says so, and what paints itself repaints."""
        self.menus.show_looks()
        self._fit_columns()
        self.pane.delegate.palette = palette
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
        if self.signed_in:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Import an export folder"))
            self.activateWindow()  # the keys come back here (no window manager to do it)
            if folder:
                self.start_import(Path(folder))

    def start_import(self, folder: Path, runner: Runner | None = None) -> ImportRun | None:
        """Import off the GUI thread; lookups carry on, and the new data shows once it
        commits."""
        if not self.signed_in or self.import_run is not None:
            return None
        run = ImportRun(self.station.settings, folder, runner or Runner(), self)
        self.session.import_started(folder)
        run.finished.connect(lambda _: self._after_import(run))
        self.import_run = run
        run.start()
        return run

    def _after_import(self, run: ImportRun) -> None:
        self.import_run = None
        self.session.import_ended(run.report, run.summary)
        if run.report is not None:
            self.refresh_freshness()
            self.lookups.reread()
        run.show_summary(self)
        self.activateWindow()  # after the progress and the summary, the keys come back here

    # who is at the counter
    def _begin(self) -> None:
        """A person starts work: a desk of their own, the search ready."""
        self.goodwill.set_desk(self.session.desk)
        self.status.show_person(self.staff)
        self._back_to_work()
        if self.splitter.sizes()[0] < 150:  # laid out while hidden behind the sign-in page
            self._fit_columns()

    def _back_to_work(self) -> None:
        self.pages.setCurrentIndex(WORK_PAGE)
        self.idle.start()
        self.search.setFocus()

    def _on_signed_in(self, staff: Staff) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        if self.session.sign_in(staff) is SignedIn.UNLOCKED:
            self._back_to_work()
            return
        self.clear()
        self._begin()

    def lock(self) -> None:
        """Hide the customer until the PIN is typed again (after inactivity, or Ctrl+L)."""
        self.after_paint.run_now()  # an opening's records come before what follows
        if self.staff is None or self.locked:
            return
        self.flow.close_dialog()
        self.idle.stop()
        self.lookups.forget_typed()  # nothing typed before the lock is kept behind it
        self.session.lock()
        self.lock_page.locked(self.staff)
        self.pages.setCurrentIndex(LOCK_PAGE)

    def sign_out(self) -> None:
        self.after_paint.run_now()  # an opening's records come before what follows
        self.session.sign_out()
        self.flow.close_dialog()
        self.clear()
        self._show_signed_out()

    def _show_signed_out(self) -> None:
        self.idle.stop()
        self.status.show_person(None)
        self.lock_page.signed_out(self.station.settings.station)
        self.pages.setCurrentIndex(LOCK_PAGE)

    def reveal_phones(self) -> None:
        profile = self.card.profile
        if self.signed_in and profile is not None and profile.phones:
            self.card.show_phones(self.session.desk.reveal_phones(profile))

    def focus_search(self) -> None:
        if self.signed_in:
            self.pane.focus_box()

    def _escape(self) -> None:
        if self.signed_in:
            self.clear()

    def clear(self) -> None:
        self.lookups.clear()

    # freshness
    def refresh_freshness(self) -> None:
        self._show_freshness(self.session.freshness())

    def show_freshness(self, dates: DataDates) -> None:
        self._show_freshness(self.session.judge(dates))

    def _show_freshness(self, fresh: Freshness) -> None:
        self.demo_banner.setVisible(fresh.demo)
        self.status.show_freshness(fresh)

"""The window in a chain: it syncs by itself on a worker (every STANDING_SYNC_SECONDS, and at
once when the central store announces a request or a decision), says in the status bar how
it stands with the chain, and shows a banner until the station has synced once."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QVBoxLayout, QWidget

from app.services.concessions import Outcome
from app.services.session import Session
from app.services.station import CentralError, Station
from app.ui import format as fmt
from app.ui.goodwill_flow import GoodwillFlow
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.lookup_flow import LookupFlow
from app.ui.workers import Runner

if TYPE_CHECKING:
    from app.services.sync import SyncReport, SyncState


class ChainWindow(Protocol):
    """What of the main window the chain's sync uses (the window composes it)."""

    session: Session
    station: Station
    zone: ZoneInfo
    goodwill: GoodwillPanel
    lookups: LookupFlow
    flow: GoodwillFlow

    def refresh_freshness(self) -> None: ...
    def centralWidget(self) -> QWidget | None: ...
    def statusBar(self) -> QStatusBar: ...


TICK_MS = 10_000  # how often "synced 12 s ago" is said again
CLASH_MS = 120_000  # how long a clash of decisions is said in the status bar


class ChainSync(QObject):
    heard = Signal()  # from the listening thread: something happened in the chain

    def __init__(self, window: ChainWindow, runner: Runner | None = None) -> None:
        super().__init__(window.statusBar())
        self.window, self.session = window, window.session
        self.runner = runner or Runner()
        self.running = False
        self.again = False  # a notice came while a sync ran: one more follows it
        self.detached = False
        self.state: SyncState | None = None
        never = self.tr(
            "NOT YET SYNCED — this station has not received the chain's data: "
            "goodwill given at other stations is not counted yet."
        )
        self.banner = banner(never, "chainBanner")
        top = window.centralWidget()
        layout = top.layout() if top is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.banner)  # under the demo banner
        self.label = QLabel()
        self.label.setObjectName("chainState")
        self.label.setContentsMargins(12, 0, 0, 0)  # apart from the data's freshness
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(int(window.station.settings.sync_seconds * 1000))
        self.timer.timeout.connect(self.sync_now)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.show_state)
        self.heard.connect(self.sync_now, Qt.ConnectionType.QueuedConnection)
        window.flow.changed.connect(self.sync_now)  # a record goes to the chain at once
        self.stop = threading.Event()
        self.listener = threading.Thread(
            target=self.session.listen, args=(self.heard.emit, self.stop), daemon=True
        )
        self.start()

    def start(self) -> None:
        self.show_state()
        self.timer.start()
        self.tick.start()
        self.listener.start()
        self.sync_now()

    def detach(self) -> None:
        """The window closes: a sync still running finishes unheard (the station closes)."""
        self.detached = True
        self.timer.stop()
        self.tick.stop()
        self.stop.set()

    def sync_now(self) -> None:
        if self.detached:
            return
        if self.running:
            self.again = True
            return
        self.running, self.again = True, False
        self.runner.start(lambda _report: self.session.sync(), self._synced, self._failed)

    def _synced(self, report: SyncReport) -> None:
        self.running = False
        if self.detached:
            return
        if report.pulled or report.conflicts:
            self.window.refresh_freshness()  # the data's date and demo mark came with it
            self.window.lookups.reread()
            self._decided_elsewhere()
        clashes = len(report.conflicts) - len(report.refused)
        said = []
        if clashes:
            said.append(
                self.tr(
                    "%n decisions made here offline had been made first elsewhere in the "
                    "chain: the first decision stands (see the goodwill history)",
                    "",
                    clashes,
                )
            )
        if report.refused:
            said.append(
                self.tr(
                    "%n decisions made here were refused by the chain's rules: those "
                    "requests wait for a supervisor again",
                    "",
                    len(report.refused),
                )
            )
            self.window.goodwill.forget_decision()
        if said:
            self.window.statusBar().showMessage(" · ".join(said), CLASH_MS)
        self._after()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if self.detached:
            return
        if not isinstance(exc, CentralError):
            raise exc  # to the excepthook: logged and shown, never silent
        self._after()

    def _after(self) -> None:
        self.show_state()
        if self.again:
            self.sync_now()

    def _decided_elsewhere(self) -> None:
        """The request this panel made, decided at another station: said at once."""
        panel = self.window.goodwill
        if panel.pending_id is None:
            return
        found = self.session.desk.find_concession(panel.pending_id)
        if found is not None and found.status in ("approved", "denied"):
            panel.show_decision(Outcome(found.concession_id, found.status), found.decided_by)

    def show_state(self) -> None:
        if self.detached:
            return
        self.state = state = self.session.sync_state()
        now = self.session.station.clock()
        self.banner.setVisible(state.synced_at is None)
        if state.offline_since is not None:
            text = self.tr("offline since {0} — %n records waiting", "", state.waiting).format(
                fmt.clock(state.offline_since.astimezone(self.window.zone))
            )
        elif state.synced_at is None:
            text = self.tr("never synced")
        else:
            text = self.tr("synced {0} ago").format(self._ago(now, state.synced_at))
        self.label.setText(text)
        self.label.setProperty("offline", state.offline_since is not None)
        note = ""
        if state.offline_since is not None:
            note = (
                self.tr(
                    "Offline: goodwill at other stations is counted as of the last sync ({0})."
                ).format(fmt.moment(state.synced_at, self.window.zone))
                if state.synced_at
                else self.tr("Offline: goodwill at other stations is not counted (never synced).")
            )
        self.window.goodwill.set_chain_note(note)

    def _ago(self, now: datetime, then: datetime) -> str:
        seconds = max(0, int((now - then).total_seconds()))
        if seconds < 60:
            return self.tr("{0} s").format(seconds)
        if seconds < 3600:
            return self.tr("{0} min").format(seconds // 60)
        return self.tr("{0} h").format(seconds // 3600)


def banner(text: str, name: str) -> QLabel:
    """A line across the window's top (demo data, a station not yet synced)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label

"""The status bar: which station and who is signed in, and how fresh the data is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from app.domain.goodwill import role_name
from app.domain.staff import Staff
from app.services.session import Freshness
from app.ui import format as fmt
from app.ui.translations import shown

NOTICE_MS = 60_000


class StatusLine(QObject):
    def __init__(
        self, bar: QStatusBar, station: str, zone: ZoneInfo, today: Callable[[], date]
    ) -> None:
        super().__init__(bar)
        self.bar = bar
        self.station_name, self.zone, self.today = station, zone, today
        self.station = QLabel(station)
        self.station.setObjectName("station")
        bar.addWidget(self.station)
        self.freshness = QLabel()
        bar.addPermanentWidget(self.freshness)

    def show_person(self, staff: Staff | None) -> None:
        if staff is None:
            self.station.setText(self.tr("{0} · nobody signed in").format(self.station_name))
            return
        self.station.setText(
            self.tr("{0} · signed in: {1} ({2})").format(
                self.station_name, staff.short_name, shown(role_name(staff.role))
            )
        )

    def show_notices(self, notices: Iterable[str]) -> None:
        for notice in notices:
            self.show_notice(shown(notice))

    def show_notice(self, text: str) -> None:
        """Something the station says once (files made private, a backup that failed), for a
        minute in place of the station's name."""
        self.bar.showMessage(text, NOTICE_MS)

    def show_freshness(self, fresh: Freshness) -> None:
        if fresh.exported_at is None:
            text = self.tr("no data imported yet")
        else:
            text = self.tr("data as of {0}").format(self._when(fresh.exported_at))
            if fresh.stale:
                hours = int(fresh.hours_old)
                old = self.tr("⚠ STALE: {0} (%n hours old; import a new export)", "", hours)
                text = old.format(text)
            if fresh.demo:
                text = self.tr("DEMO DATA · ") + text
        self.freshness.setText(text)
        self.freshness.setProperty("stale", fresh.stale)
        self.freshness.style().unpolish(self.freshness)
        self.freshness.style().polish(self.freshness)

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        if local.date() == self.today():
            return self.tr("{0} today").format(fmt.clock(local))
        return fmt.moment(moment, self.zone)

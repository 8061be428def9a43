"""The real main window on the hand-written export, shown offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.importing import add_demo_staff
from app.services.station import Station
from app.ui.app import build_window
from app.ui.main_window import MainWindow
from tests.chain import central_url, chain, pg_admin_url

__all__ = ["central_url", "chain", "pg_admin_url"]  # the chain's fixtures, for its window


@pytest.fixture(autouse=True)
def _british_english() -> Iterator[None]:
    """Figures and dates as in en_GB whatever the machine's locale (the window's words are
    the English sources unless a test installs a translation)."""
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(QLocale("en_GB"))


@pytest.fixture
def staffed_station(hand_station: Station) -> Station:
    """The hand-written export with the demo staff (clerk1/1111 … manager1/4444)."""
    add_demo_staff(hand_station)
    return hand_station


@pytest.fixture
def window(qtbot: QtBot, staffed_station: Station) -> Iterator[MainWindow]:
    """The window with clerk1 signed in."""
    clerk = staffed_station.staff.find("clerk1")
    win = build_window(staffed_station, clerk)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture(autouse=True)
def preferences_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The View menu's remembered choices (QSettings) go to a temporary folder, never to the
    user's own configuration."""
    folder = tmp_path_factory.mktemp("preferences")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def signed_out(qtbot: QtBot, staffed_station: Station) -> Iterator[MainWindow]:
    """The window with nobody signed in: the sign-in page."""
    win = build_window(staffed_station)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win


def settle() -> None:
    """Deliver what is posted (layout requests, the relayouts they cause), no waiting."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()

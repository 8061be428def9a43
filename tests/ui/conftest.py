"""The real main window on the hand-written export, shown offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.ui.app import build_window
from app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, hand_station: Station) -> Iterator[MainWindow]:
    win = build_window(hand_station)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win

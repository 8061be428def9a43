"""The forecast on the card: one line a clerk can read, its tooltip saying what it means."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.standing import percent
from app.services.importing import ImportStep, Stage
from app.services.station import Station, open_station
from app.settings import Settings
from app.ui.background import step_text
from tests.clock import Clock
from tests.ui.test_translations import open_ann


@pytest.fixture
def demo(staffed_db: Path, clock: Clock) -> Iterator[Station]:
    """The demo database (fitted at its import) with the demo staff: the hand export's four
    customers are too few to fit."""
    station = open_station(Settings(db_path=staffed_db), clock=clock)
    yield station
    station.close()


def test_the_card_shows_the_forecast_with_a_plain_tooltip(qtbot: QtBot, demo: Station) -> None:
    win = open_ann(qtbot, demo)
    line = win.card.potential
    assert line.isVisible()
    profile = win.card.profile
    assert profile is not None and profile.predicted_spend_12m is not None
    found = re.fullmatch(r"expected next 12 months £([\d,]+) · (\d+)% likely active", line.text())
    assert found, line.text()
    assert int(found[1].replace(",", "")) == (profile.predicted_spend_12m + 50) // 100
    assert int(found[2]) == percent(profile.probability_alive or 0)
    tip = line.toolTip()
    assert "likely to spend" in tip and "forecast, not a promise" in tip


def test_a_customer_without_a_forecast_shows_no_line(
    qtbot: QtBot, staffed_station: Station
) -> None:
    win = open_ann(qtbot, staffed_station)  # the hand export: too few customers to fit
    assert not win.card.potential.isVisible() and win.card.potential.text() == ""


def test_an_import_says_when_it_is_forecasting() -> None:
    assert step_text(ImportStep(Stage.FORECASTING)) == (
        "Working out what customers are likely to spend…"
    )

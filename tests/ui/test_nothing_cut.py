"""Every word on screen fits at 1366×768, in English and French, at both text sizes: no field
squashed below the height its text needs, no one-line label narrower than its text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services.lookup import PAGE
from app.services.station import Station, open_station
from app.settings import Settings
from app.ui.app import build_window
from app.ui.goodwill_panel import YieldingLabel
from app.ui.main_window import MainWindow
from app.ui.theme import Looks
from app.ui.translations import Language
from tests.clock import Clock
from tests.ui.conftest import settle
from tests.ui.test_translations import speak


def cut(top: QWidget) -> list[str]:
    """The visible fields, buttons and labels given less room than their text needs."""
    found = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QLabel | QLineEdit | QPushButton):
            continue
        if isinstance(w, YieldingLabel):
            continue  # gives up its room by design when short of height; its tooltip keeps all
        wraps = isinstance(w, QLabel) and w.wordWrap()
        need = w.minimumSizeHint() if wraps else w.sizeHint()
        if w.height() < need.height() or (not wraps and w.width() < need.width()):
            text = w.text() if hasattr(w, "text") else ""
            found.append(f"{type(w).__name__} {w.objectName()!r} {text[:40]!r}: "
                         f"{w.width()}×{w.height()} < {need.width()}×{need.height()}")  # fmt: skip
    return found


@pytest.fixture
def demo_counter(staffed_db: Path, clock: Clock) -> Iterator[Station]:
    """The demo data (hundreds of customers: a search can find more than a screenful)."""
    station = open_station(Settings(db_path=staffed_db), clock=clock)
    yield station
    station.close()


@pytest.fixture(params=["en_GB", "fr"])
def spoken(
    request: pytest.FixtureRequest,
    staffed_station: Station,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Language]:
    locale = {"en_GB": "en_GB", "fr": "fr_FR"}[request.param]
    language = speak(request.param, locale, staffed_station.policy, tmp_path_factory.mktemp("qm"))
    yield language
    language.remove()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_text_fits_at_1366_by_768(
    spoken: Language, large: bool, qtbot: QtBot, demo_counter: Station
) -> None:
    looks = Looks()  # as at start: the text size is chosen (remembered) before the window
    looks.set_large(large)
    win: MainWindow = build_window(demo_counter)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle()
    assert cut(win) == [], "the sign-in page"
    qtbot.keyClicks(win.lock_page.staff_id, "clerk1")
    qtbot.keyClick(win.lock_page.staff_id, Qt.Key.Key_Return)
    qtbot.keyClicks(win.lock_page.pin, "1111")
    qtbot.keyClick(win.lock_page.pin, Qt.Key.Key_Return)
    assert win.signed_in
    qtbot.keyClicks(win.search, "a")  # many matches: the list says it shows the first ones
    qtbot.waitUntil(lambda: win.pane.model.rowCount() == PAGE)
    settle()
    assert cut(win) == [], "the matches"
    win.search.clear()
    qtbot.keyClicks(win.search, "07700 900123")  # the demo's Gold customer, Ann Example
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.card.profile is not None)
    qtbot.keyClicks(win.goodwill.amount, "60")  # over the clerk's limit: the longest words
    settle()
    assert cut(win) == [], "the card and the panel"
    looks.set_large(False)
    looks.detach()

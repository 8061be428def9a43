"""Light and dark themes that follow the system, large text, and both readable on one
1366×768 screen (pytest-qt, offscreen)."""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.ui import theme
from app.ui.app import build_window
from app.ui.main_window import MainWindow
from app.ui.theme import DARK, LIGHT, TEXT_PAIRS, Looks, Palette
from app.ui.translations import Language

UI = Path(theme.__file__).parent
STYLE = Path(theme.__file__).parents[2] / "resources" / "style.qss"
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_ann(win: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(win.search, "07700900123", delay=45)
    assert win.card.profile is not None and win.card.profile.customer_id == "C1"


def on_screen(win: MainWindow) -> Palette:
    """The palette the app is painted with, read back from Qt."""
    window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    shown = {p.window: p for p in (LIGHT, DARK)}[window]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert f"background: {shown.window}" in app.styleSheet()
    assert win.pane.delegate.palette is shown and win.card.colours is shown
    return shown


def system_turns(scheme: Qt.ColorScheme) -> None:
    """What the platform emits when the desktop switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_every_text_pair_reads_at_wcag_aa(palette: Palette) -> None:
    colours = palette.colours()
    weak = [
        (fg, bg, round(theme.contrast(colours[fg], colours[bg]), 2))
        for fg, bg in TEXT_PAIRS
        if theme.contrast(colours[fg], colours[bg]) < 4.5
    ]
    assert weak == []


def test_contrast_is_the_wcag_ratio() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#ffffff", "#ffffff") == pytest.approx(1)


def test_each_tier_has_its_own_accent() -> None:
    for palette in (LIGHT, DARK):
        accents = [palette.tier(t) for t in theme.TIERS]
        assert len(set(accents)) == len(accents)
        assert palette.tier("unknown") == palette.accent


def test_the_stylesheet_is_filled_from_the_palette() -> None:
    for palette in (LIGHT, DARK):
        sheet = theme.stylesheet(palette)
        assert "$" not in sheet
        assert set(HEX.findall(sheet)) <= set(palette.colours().values())
        assert f'QLabel#tierBadge[tier="gold"] {{ background: {palette.tier_gold}; }}' in sheet


def colour_literals(path: Path) -> list[str]:
    """Colours written into the code: '#rrggbb' in a string, rgb(…), QColor(1, 2, 3), Qt's
    named colours."""
    source = path.read_text("utf-8")
    found = [
        f"{path.name}:{token.start[0]}: {token.string}"
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.STRING and (HEX.search(token.string) or "rgb(" in token.string)
    ]
    for pattern in (r"QColor\(\s*\d", r"GlobalColor", r"QColor\(\s*['\"]"):
        found += [f"{path.name}: {m.group(0)}" for m in re.finditer(pattern, source)]
    return found


def test_no_colour_is_written_outside_the_theme() -> None:
    modules = sorted(p for p in UI.glob("*.py") if p.name != "theme.py")
    assert len(modules) > 10
    assert [hit for p in modules for hit in colour_literals(p)] == []
    template = STYLE.read_text("utf-8")
    assert HEX.findall(template) == [] and "rgb(" not in template
    assert colour_literals(UI / "theme.py")  # the check does find colours where they are


def test_font_sizes_are_points_and_none_is_tiny() -> None:
    """pt sizes follow the screen's scale (4K at 200 % included); px sizes would not."""
    template = STYLE.read_text("utf-8")
    assert not re.search(r"font-size:\s*\d+(\.\d+)?px", template)
    for large in (False, True):
        sizes = [
            float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", theme.stylesheet(LIGHT, large))
        ]
        assert min(sizes) >= (10 if large else 8)
    assert theme.large_points(10) == 12.5  # body text a quarter larger
    assert theme.large_points(20) == 23  # a heading, large already, 3 pt more


def test_the_window_follows_the_system_scheme_live(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "zoe exa", delay=45)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.card.profile is not None and window.card.profile.signals  # an advocate
    assert window.looks.choice == "system"
    assert on_screen(window) is LIGHT  # offscreen the scheme is Unknown: light
    system_turns(Qt.ColorScheme.Dark)
    assert on_screen(window) is DARK
    assert DARK.good in window.card.signals.text()  # the chips are drawn again
    assert LIGHT.good not in window.card.signals.text()
    assert window.card.chart._accent.name() == DARK.tier_standard
    system_turns(Qt.ColorScheme.Unknown)
    assert on_screen(window) is LIGHT
    system_turns(Qt.ColorScheme.Dark)
    system_turns(Qt.ColorScheme.Light)
    assert on_screen(window) is LIGHT


def test_a_chosen_theme_wins_over_the_system(window: MainWindow, qtbot: QtBot) -> None:
    system_turns(Qt.ColorScheme.Light)
    chosen = {a.data(): a for a in window.theme_actions.actions()}
    assert chosen["system"].isChecked()
    chosen["dark"].trigger()
    assert on_screen(window) is DARK
    system_turns(Qt.ColorScheme.Light)
    assert on_screen(window) is DARK  # the desktop changes; the choice stays
    chosen["light"].trigger()
    system_turns(Qt.ColorScheme.Dark)
    assert on_screen(window) is LIGHT
    chosen["system"].trigger()
    assert on_screen(window) is DARK
    system_turns(Qt.ColorScheme.Light)


def test_the_station_setting_picks_the_theme_until_someone_chooses(
    staffed_station: Station, qtbot: QtBot
) -> None:
    looks = Looks("dark")
    looks.follow_system(Qt.ColorScheme.Light)
    assert looks.palette is DARK
    assert Looks("system", large_text=True).large
    looks.choose("light")
    assert Looks("dark").palette is LIGHT  # remembered from the menu, over the setting
    with pytest.raises(ValueError, match="unknown theme"):
        looks.choose("purple")


def test_large_text_scales_the_labels(window: MainWindow, qtbot: QtBot) -> None:
    open_ann(window, qtbot)
    labels = {
        "name": window.card.name,
        "tier reason": window.card.tier_reason,
        "count": window.count,
        "words to say": window.goodwill.script,
    }
    before = {key: label.font().pointSizeF() for key, label in labels.items()}
    assert before == {"name": 20, "tier reason": 11, "count": 10, "words to say": 10}
    row = window.results.sizeHintForRow(0)
    assert not window.large_text.isChecked()
    qtbot.keyClick(window.search, Qt.Key.Key_T, CTRL_SHIFT)
    assert window.large_text.isChecked() and window.looks.large
    after = {key: label.font().pointSizeF() for key, label in labels.items()}
    assert after == {"name": 23, "tier reason": 13.8, "count": 12.5, "words to say": 12.5}
    assert window.results.sizeHintForRow(0) > row  # match rows grow with their text
    table = window.card.tables[0]
    assert table.verticalHeader().defaultSectionSize() > table.fontMetrics().height()
    qtbot.keyClick(window.search, Qt.Key.Key_T, CTRL_SHIFT)
    assert window.card.name.font().pointSizeF() == 20


def test_the_choices_are_remembered_across_restarts(
    window: MainWindow, staffed_station: Station, qtbot: QtBot, preferences_dir: Path
) -> None:
    {a.data(): a for a in window.theme_actions.actions()}["dark"].trigger()
    window.large_text.trigger()
    stored = QSettings(
        str(preferences_dir / "Standing" / "Standing.ini"), QSettings.Format.IniFormat
    )
    assert stored.value("looks/theme") == "dark"
    assert stored.value("looks/large_text") in (True, "true")
    window.close()
    again = build_window(staffed_station, staffed_station.staff.find("clerk1"))
    qtbot.addWidget(again)
    assert again.looks.choice == "dark" and again.looks.large
    assert on_screen(again) is DARK
    assert again.large_text.isChecked()
    assert {a.data() for a in again.theme_actions.actions() if a.isChecked()} == {"dark"}


def test_a_closed_window_no_longer_listens(staffed_station: Station, qtbot: QtBot) -> None:
    win = build_window(staffed_station)
    looks = win.looks
    win.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(looks))
    system_turns(Qt.ColorScheme.Dark)  # nothing is called on the deleted window's Looks
    system_turns(Qt.ColorScheme.Light)


def cut_off(win: MainWindow) -> list[str]:
    """Labels and buttons of the card and the panel that are not wholly on screen."""
    area = win.rect()
    found = []
    widgets = [*win.card.findChildren(QLabel), *win.goodwill.findChildren(QLabel)]
    widgets += [*win.goodwill.findChildren(QPushButton), win.card.reveal]
    for widget in widgets:
        if not widget.isVisible() or (isinstance(widget, QLabel) and not widget.text()):
            continue
        box = widget.rect().translated(widget.mapTo(win, widget.rect().topLeft()))
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.hasHeightForWidth():
            needed = widget.heightForWidth(widget.width())
        else:
            needed = widget.minimumSizeHint().height()
        if not area.contains(box) or widget.height() < needed:
            found.append(f"{widget.objectName() or widget.text()[:20]} {box} needs {needed}")
    return found


@pytest.fixture(params=["en_GB", "fr"])
def spoken(
    request: pytest.FixtureRequest, staffed_station: Station, tmp_path: Path
) -> Iterator[str]:
    """The window's language (French words run longer)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = str(request.param)
    spoken = Language(app, language, QLocale("fr_FR" if language == "fr" else "en_GB"), tmp_path)
    spoken.use_policy(staffed_station.policy)
    yield language
    spoken.remove()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large text"])
def test_card_and_panel_fit_1366_by_768(
    spoken: str, staffed_station: Station, qtbot: QtBot, large: bool
) -> None:
    window = build_window(staffed_station, staffed_station.staff.find("clerk1"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if large:
        window.large_text.trigger()
    window.resize(1366, 768)
    open_ann(window, qtbot)
    panel = window.goodwill
    qtbot.waitUntil(lambda: panel.profile is not None)  # set once the card is painted
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.keyClicks(panel.amount, "60")
    qtbot.keyClicks(panel.words, "The machine took my money and gave no ticket")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.pending_id is not None  # the longest the panel gets
    qtbot.waitUntil(lambda: cut_off(window) == [])
    assert window.size() == QSize(1366, 768)  # nothing forced the window larger
    table = window.card.tables[0]
    assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()
    assert panel.reasons.text() == panel.reasons.accessibleName()  # whole, though it may show less

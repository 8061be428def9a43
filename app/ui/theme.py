"""How the screen looks: two named palettes (light, dark), the stylesheet filled from one,
and large text for counter screens. The only place in the app that names a colour.

Which palette shows: a choice made from the View menu (remembered across restarts),
else the station's setting (STANDING_THEME, STANDING_LARGE_TEXT), else the system's
colour scheme, followed live."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from importlib import resources
from string import Template

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.settings import APP_NAME, THEME_CHOICES, ThemeChoice

# Large text: body text a quarter larger, for counter screens read at arm's length, while
# headings and figures, large already, grow by at most 3 pt; so the card and the goodwill
# panel still fit one 1366×768 screen (×1.35 did not: the reasons and buttons fell off).
LARGE_TEXT_SCALE = 1.25
LARGE_TEXT_MAX_GAIN = 3.0
TIERS = ("standard", "silver", "gold", "platinum")


@dataclass(frozen=True)
class Palette:
    """Named colours; calm, with one accent per tier. Text pairs meet WCAG AA (4.5:1)."""

    name: str
    window: str  # the page behind the card
    surface: str  # panels, lists, tables, inputs
    surface_alt: str  # alternate table rows
    raised: str  # table headers, plain buttons
    status: str  # the status bar
    quote: str  # behind the words to say
    border: str
    border_strong: str  # around inputs and buttons
    text: str
    text_soft: str  # secondary lines: tenure, tier reason, preferences
    muted: str  # captions, notes, reasons
    accent: str  # focus, the outcome line, an unknown tier
    selection: str  # the chosen match, behind text
    good: str
    good_bg: str
    warn: str
    warn_bg: str
    danger: str
    danger_bg: str
    banner: str  # the demo-data banner
    banner_bg: str
    banner_border: str
    action: str  # the one main button (Apply, Sign in)
    on_action: str
    action_off: str  # that button while there is nothing to apply
    on_tier: str  # the tier badge's text
    tier_standard: str
    tier_silver: str
    tier_gold: str
    tier_platinum: str

    def tier(self, tier: str) -> str:
        """The tier's accent (badge, match stripe, spend chart)."""
        return str(getattr(self, f"tier_{tier}", self.accent)) if tier in TIERS else self.accent

    def colours(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


LIGHT = Palette(
    name="light",
    window="#f6f7f9",
    surface="#ffffff",
    surface_alt="#f8f9fb",
    raised="#f1f3f6",
    status="#eef1f4",
    quote="#f3f6f9",
    border="#dfe3e8",
    border_strong="#c7d0da",
    text="#1d2733",
    text_soft="#3b4856",
    muted="#5d6b7a",
    accent="#3d6f8e",
    selection="#e3edf5",
    good="#1f6b3a",
    good_bg="#e3f1e8",
    warn="#8a4b08",
    warn_bg="#fbeee0",
    danger="#8c1d18",
    danger_bg="#fdecea",
    banner="#6b4e00",
    banner_bg="#fff1c2",
    banner_border="#e6d49a",
    action="#1f6b3a",
    on_action="#ffffff",
    action_off="#b9c7be",
    on_tier="#ffffff",
    tier_standard="#5f6b7a",
    tier_silver="#557086",
    tier_gold="#8f6406",
    tier_platinum="#5b4b8a",
)

DARK = Palette(
    name="dark",
    window="#161b22",
    surface="#1e252e",
    surface_alt="#232b35",
    raised="#262f3a",
    status="#1a2028",
    quote="#242d38",
    border="#303a46",
    border_strong="#46525f",
    text="#e3e8ee",
    text_soft="#c3ccd6",
    muted="#9aa7b4",
    accent="#7fb3d5",
    selection="#263a4d",
    good="#7cc79a",
    good_bg="#1f3a2a",
    warn="#e8b26a",
    warn_bg="#3d2e17",
    danger="#f28b82",
    danger_bg="#3f1f1d",
    banner="#f2d98a",
    banner_bg="#3d3416",
    banner_border="#5c4e1f",
    action="#276b3f",
    on_action="#ffffff",
    action_off="#2e3b33",
    on_tier="#10151b",
    tier_standard="#a3aebb",
    tier_silver="#9cc0d8",
    tier_gold="#e2b54f",
    tier_platinum="#b9a8ee",
)

PALETTES = {p.name: p for p in (LIGHT, DARK)}

# (text, background) as they meet on screen; each must read at 4.5:1 or better
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((fg, bg) for fg in ("text", "text_soft", "muted") for bg in ("window", "surface")),
    ("text", "surface_alt"),
    ("text", "raised"),
    ("muted", "raised"),
    ("text", "quote"),
    ("text", "selection"),
    ("muted", "selection"),  # a chosen match's customer id
    ("text_soft", "raised"),  # the history tabs not shown
    ("text_soft", "status"),
    ("danger", "status"),
    ("accent", "surface"),
    ("good", "surface"),
    ("good", "good_bg"),
    ("warn", "surface"),
    ("warn", "warn_bg"),
    ("danger", "surface"),
    ("danger", "danger_bg"),
    ("banner", "banner_bg"),
    ("on_action", "action"),
    ("on_tier", "accent"),
    *(("on_tier", f"tier_{tier}") for tier in TIERS),
)


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_POINTS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)pt\b")


def large_points(points: float) -> float:
    """A font size in large text."""
    return round(min(points * LARGE_TEXT_SCALE, points + LARGE_TEXT_MAX_GAIN), 1)


def scale_points(text: str) -> str:
    """Every `Npt` font size in a stylesheet, in large text."""
    return _POINTS.sub(lambda m: f"{large_points(float(m.group(1))):g}pt", text)


def stylesheet(palette: Palette, large: bool = False) -> str:
    """resources/style.qss with the palette's colours, its sizes scaled for large text."""
    template = resources.files("app.resources").joinpath("style.qss").read_text("utf-8")
    text = Template(template).substitute(palette.colours())
    rules = [f"QLabel#tierBadge {{ background: {palette.accent}; }}"]
    rules += [
        f'QLabel#tierBadge[tier="{tier}"] {{ background: {palette.tier(tier)}; }}' for tier in TIERS
    ]
    text += "\n" + "\n".join(rules) + "\n"
    return scale_points(text) if large else text


def qt_palette(palette: Palette) -> QPalette:
    """The same colours for whatever the stylesheet leaves to the style (menus, scroll bars,
    pop-ups, message boxes)."""
    qp = QPalette(QColor(palette.raised), QColor(palette.window))
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, palette.window),
        (role.WindowText, palette.text),
        (role.Base, palette.surface),
        (role.AlternateBase, palette.surface_alt),
        (role.Text, palette.text),
        (role.Button, palette.raised),
        (role.ButtonText, palette.text),
        (role.BrightText, palette.danger),
        (role.Highlight, palette.selection),
        (role.HighlightedText, palette.text),
        (role.ToolTipBase, palette.surface),
        (role.ToolTipText, palette.text),
        (role.PlaceholderText, palette.muted),
        (role.Accent, palette.accent),  # the current row of a focused table
        (role.Link, palette.accent),
        (role.LinkVisited, palette.accent),
        (role.Mid, palette.border_strong),
    ):
        qp.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        qp.setColor(group.Disabled, r, QColor(palette.muted))
    return qp


def apply(app: QApplication, palette: Palette, large: bool) -> None:
    """Colours and sizes for every window of the app (unchanged ones are left alone)."""
    sheet = stylesheet(palette, large)
    if app.styleSheet() != sheet:
        app.setPalette(qt_palette(palette))
        app.setStyleSheet(sheet)


def preferences() -> QSettings:
    """Where the View menu's choices are remembered (an INI file on every platform, so a test
    can point it at a temporary folder with QSettings.setPath)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def _as_bool(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1", "yes")


class Looks(QObject):
    """The theme and text size on screen, following the system unless told otherwise."""

    changed = Signal(object)  # the Palette now on screen

    def __init__(
        self, theme: ThemeChoice = "system", large_text: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        prefs = preferences()
        remembered = str(prefs.value("looks/theme", theme))
        self.choice: ThemeChoice = remembered if remembered in THEME_CHOICES else theme
        self.large = _as_bool(prefs.value("looks/large_text", large_text))
        hints = QGuiApplication.styleHints()
        self.system = hints.colorScheme()
        hints.colorSchemeChanged.connect(self.follow_system)
        self._listening = True

    def detach(self) -> None:
        """Its window closes: the system's changes are no longer its business."""
        if self._listening:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self.follow_system)
            self._listening = False

    @property
    def palette(self) -> Palette:
        if self.choice == "system":
            return DARK if self.system == Qt.ColorScheme.Dark else LIGHT
        return PALETTES[self.choice]

    def follow_system(self, scheme: Qt.ColorScheme) -> None:
        """The system's light or dark changed (Unknown reads as light)."""
        self.system = scheme
        if self.choice == "system":
            self.apply()

    def choose(self, choice: str) -> None:
        """System, light or dark, from the View menu: remembered across restarts."""
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme {choice!r}")
        self.choice = choice
        self._remember("looks/theme", choice)
        self.apply()

    def set_large(self, large: bool) -> None:
        """Large text on or off, from the View menu: remembered across restarts."""
        self.large = large
        self._remember("looks/large_text", large)
        self.apply()

    @staticmethod
    def _remember(key: str, value: object) -> None:
        prefs = preferences()
        prefs.setValue(key, value)
        prefs.sync()

    def apply(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply(app, self.palette, self.large)
        self.changed.emit(self.palette)

"""The customer card: who this is and where they stand, on one screen."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import (
    SIGNAL_NAMES,
    Concession,
    Interaction,
    Match,
    Profile,
    Purchase,
    status_word,
)
from app.domain.standing import potential_line
from app.domain.text import policy_text
from app.ui import format as fmt
from app.ui import words
from app.ui.models import RecordTableModel
from app.ui.spend_chart import SpendChart
from app.ui.theme import LIGHT, Palette
from app.ui.translations import shown

WARNING_SIGNALS = {"lapsing", "win_back", "frequent_complainer"}


class Figure(QFrame):
    """One large figure with its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("figure")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.note = QLabel("")
        self.note.setObjectName("figureNote")
        for label in (self.caption, self.note):
            label.setWordWrap(True)  # in large text a narrow tile takes two lines, not more width
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.setAccessibleName(f"{self.caption.text()}: {value} {note}".strip())


class HistoryTable(QTableView):
    """A read-only history list; Tab leaves it (arrows move inside), and its rows and columns
    follow the text size."""

    COLUMN_CHARS = (20, 10, 18)  # when, amount or kind, what: the last column stretches
    CELL_PADDING = 3  # either side of a cell's text, as Qt's item views leave

    def __init__(self, model: RecordTableModel[object]) -> None:
        super().__init__()
        self.setModel(model)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # no re-measuring
        header.setStretchLastSection(True)
        self._fit_font()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()

    def _fit_font(self) -> None:
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        for column, chars in enumerate(self.COLUMN_CHARS):
            self.horizontalHeader().resizeSection(column, metrics.averageCharWidth() * chars + 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rows in view, one line of text a cell: striped, the selected row highlighted,
        the current one outlined while the table has the focus.

        Qt's item delegate lays out each cell's text through the style, about 30 µs a cell:
        half of what painting a whole card took."""
        records = self.model()
        if not isinstance(records, RecordTableModel):
            super().paintEvent(event)
            return
        area = event.rect()
        first = self.rowAt(area.top())
        if first < 0:
            return  # below the last row: only the background, already painted
        last = self.rowAt(area.bottom())
        last = records.rowCount() - 1 if last < 0 else last
        colours = self.palette()
        role = QPalette.ColorRole
        painter = QPainter(self.viewport())
        metrics = painter.fontMetrics()
        pad = self.CELL_PADDING
        columns = [
            (self.columnViewportPosition(c) + pad, self.columnWidth(c) - 2 * pad)
            for c in range(records.columnCount())
        ]
        align = QStyle.visualAlignment(self.layoutDirection(), CELL_ALIGNMENT)
        selection, root = self.selectionModel(), QModelIndex()
        focused = self.currentIndex().row() if self.hasFocus() else -1
        for row in range(first, last + 1):
            band = self._band(row)
            if selection.isRowSelected(row, root):
                painter.fillRect(band, colours.color(role.Highlight))
                painter.setPen(colours.color(role.HighlightedText))
            else:
                if row % 2:
                    painter.fillRect(band, colours.color(role.AlternateBase))
                painter.setPen(colours.color(role.Text))
            for (x, room), text in zip(columns, records.row_texts(row), strict=True):
                cell = QRect(x, band.top(), room, band.height())
                painter.drawText(cell, align, one_line(text, room, metrics))
            if row == focused:
                painter.setPen(colours.color(role.Accent))
                painter.drawRect(band.adjusted(0, 0, -1, -1))
        painter.end()

    def _band(self, row: int) -> QRect:
        return QRect(0, self.rowViewportPosition(row), self.viewport().width(), self.rowHeight(row))

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)  # repaints two cells: the outline is a row
        for index in (previous, current):
            if index.isValid():
                self.viewport().update(self._band(index.row()))


CELL_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def one_line(text: str, room: int, metrics: QFontMetrics) -> str:
    """The text on one line (breaks become spaces) as it fits `room` pixels: whole, else
    cut short with "…"."""
    text = " ".join(text.splitlines())
    if text.isascii() and len(text) * metrics.maxWidth() <= room:
        return text  # surely fits: spares measuring the many short cells
    if metrics.horizontalAdvance(text) <= room:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)


class CustomerCard(QWidget):
    reveal_requested = Signal()  # the clerk asks to see the full phone numbers

    def __init__(
        self,
        zone: ZoneInfo,
        categories: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        # The policy's dispute categories (id: label): a reason recorded here is a category
        # id, shown by its label in the window's language.
        self.categories = dict(categories or {})
        self.colours = LIGHT  # the theme's palette: the window sets it
        self.profile: Profile | None = None
        self._stack = QStackedLayout(self)
        self._empty = QLabel(
            self.tr(
                "Scan a card, or type a phone number, name or email.\n\n"
                "Enter opens the top match · ↓ moves to the list · Esc clears · F2 searches"
            )
        )
        self._empty.setObjectName("emptyCard")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)  # never what makes the card too wide for the screen
        self._empty.setAutoFillBackground(True)  # covers the card below it
        # Both pages stay shown, the current one on top: switching only raises a page,
        # where showing a hidden card would lay out and polish every widget in it again.
        self._stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self._stack.addWidget(self._empty)
        body = self._body = QWidget()
        body.setObjectName("card")
        self._stack.addWidget(body)
        self._build(body)
        self._focusable: dict[QWidget, Qt.FocusPolicy] | None = None
        self._reachable(False)

    def _build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)

        head = QHBoxLayout()
        self.name = QLabel()
        self.name.setObjectName("customerName")
        # Of the lines filled on every open, only the name can be copied: a selectable label
        # keeps a text document that is rebuilt on every change, about 0.2 ms each.
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier = QLabel()
        self.tier.setObjectName("tierBadge")
        self.status = QLabel()
        self.status.setObjectName("closedBadge")
        self.matched = QLabel()
        self.matched.setObjectName("matchedOn")
        self.matched.setWordWrap(True)
        self.matched.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.name)
        head.addSpacing(10)
        head.addWidget(self.tier)
        head.addWidget(self.status)
        head.addWidget(self.matched, 1)  # the room left: one line, or two in large text
        layout.addLayout(head)

        self.since = QLabel()
        self.since.setObjectName("since")
        self.since.setWordWrap(True)
        layout.addWidget(self.since)
        phone_row = QHBoxLayout()
        self.reveal = QPushButton(self.tr("Show phone  Ctrl+R"))
        self.reveal.setObjectName("reveal")
        self.reveal.setAccessibleName(self.tr("Show the full phone number (recorded)"))
        self.reveal.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reveal.clicked.connect(self.reveal_requested)
        self.revealed = QLabel()
        self.revealed.setObjectName("revealed")
        self.revealed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        phone_row.addWidget(self.revealed)
        phone_row.addWidget(self.reveal)
        head.addLayout(phone_row)

        figures = QGridLayout()
        figures.setHorizontalSpacing(8)
        self.lifetime = Figure(self.tr("Lifetime value"))
        self.spend = Figure(self.tr("Last 12 months"))
        self.visits = Figure(self.tr("Visits (12 mo)"))
        self.last_visit = Figure(self.tr("Last visit"))
        self.household = Figure(self.tr("Household"))
        for column, tile in enumerate(
            (self.lifetime, self.spend, self.visits, self.last_visit, self.household)
        ):
            figures.addWidget(tile, 0, column)
        layout.addLayout(figures)

        self.tier_reason = QLabel()
        self.tier_reason.setObjectName("tierReason")
        self.tier_reason.setWordWrap(True)
        layout.addWidget(self.tier_reason)

        self.potential = QLabel()
        self.potential.setObjectName("potential")
        self.potential.setWordWrap(True)
        self.potential.setToolTip(
            self.tr(
                "What this customer is likely to spend with us over the next 12 months, and how "
                "likely they are to be still buying from us. Both are worked out from how often "
                "and how recently they have bought and what they usually spend, by a model "
                "fitted to every customer's purchases at the last import. A forecast, not a "
                "promise."
            )
        )
        layout.addWidget(self.potential)

        self.signals = QLabel()
        self.signals.setObjectName("signals")
        self.signals.setTextFormat(Qt.TextFormat.RichText)
        self.signals.setWordWrap(True)
        layout.addWidget(self.signals)

        self.preferences = QLabel()
        self.preferences.setObjectName("preferences")
        self.preferences.setWordWrap(True)
        layout.addWidget(self.preferences)

        chart_row = QHBoxLayout()
        self.chart = SpendChart()
        chart_caption = QLabel(self.tr("spend by month,\nlast 24 months"))
        chart_caption.setObjectName("chartCaption")
        chart_row.addWidget(self.chart, 1)
        chart_row.addWidget(chart_caption)
        layout.addLayout(chart_row)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("history")
        zone = self.zone
        self.purchases = RecordTableModel[Purchase](
            [
                (self.tr("When"), lambda p: fmt.moment(p.purchased_at, zone)),
                (self.tr("Amount"), lambda p: fmt.money(p.amount, pence=True)),
                (self.tr("What"), lambda p: p.product_line or ""),
                (self.tr("Where"), lambda p: p.location or p.channel or ""),
            ]
        )
        self.contacts = RecordTableModel[Interaction](
            [
                (self.tr("When"), lambda i: fmt.moment(i.occurred_at, zone)),
                (self.tr("Kind"), lambda i: words.kind(i.kind)),
                (self.tr("Channel"), lambda i: i.channel or ""),
                (self.tr("What they said"), lambda i: i.summary or ""),
            ]
        )
        self.goodwill = RecordTableModel[Concession](
            [
                (self.tr("When"), lambda c: fmt.moment(c.granted_at, zone)),
                (self.tr("Value"), lambda c: fmt.money(c.value, pence=True)),
                (self.tr("Kind"), lambda c: words.kind(c.kind)),
                (self.tr("Status"), lambda c: words.status(c.status or "granted")),
                (self.tr("Why"), lambda c: self._why(c.reason)),
                (self.tr("Where"), lambda c: c.location or ""),  # which station, in a chain
            ]
        )
        self.tabs.setAccessibleName(self.tr("Customer history"))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one stop in Tab's round: its bar
        self.tabs.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tables: list[HistoryTable] = []
        for model, title in (
            (self.purchases, self.tr("Purchases")),
            (self.contacts, self.tr("Contacts")),
            (self.goodwill, self.tr("Goodwill history")),
        ):
            table = HistoryTable(model)  # type: ignore[arg-type]
            table.setAccessibleName(title)
            self.tables.append(table)
            self.tabs.addTab(table, title)
        layout.addWidget(self.tabs, 1)

    def set_palette(self, palette: Palette) -> None:
        """The theme changed: what the stylesheet cannot colour is drawn again."""
        self.colours = palette
        if self.profile is not None:
            self.signals.setText(self._signal_chips(self.profile))
            self.chart.set_accent(palette.tier(self.profile.standing.tier))

    def clear(self) -> None:
        self.profile = None
        self._blank()
        self._empty.show()
        self._stack.setCurrentIndex(0)
        self._reachable(False)

    def _blank(self) -> None:
        """The covered card keeps nothing of the last customer (screen readers see it too)."""
        labels = (self.name, self.tier, self.status, self.matched, self.since, self.revealed)
        for label in (*labels, self.tier_reason, self.potential, self.signals, self.preferences):
            label.clear()
        for figure in (self.lifetime, self.spend, self.visits, self.last_visit, self.household):
            figure.set("")
        for model in (self.purchases, self.contacts, self.goodwill):
            model.set_rows(())
        self.chart.clear()

    def _reachable(self, on: bool) -> None:
        """Keeps a covered card's controls out of the tab chain (cheaper than disabling)."""
        if self._focusable is None:
            self._focusable = {
                w: w.focusPolicy()
                for w in self._body.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            }
        for widget, policy in self._focusable.items():
            widget.setFocusPolicy(policy if on else Qt.FocusPolicy.NoFocus)

    def show_phones(self, numbers: tuple[str, ...]) -> None:
        """The full numbers, after a deliberate (and audited) request."""
        self.revealed.setText("  ".join(fmt.phone(n) for n in numbers))
        self.reveal.hide()

    def show_profile(self, profile: Profile, match: Match | None = None) -> None:
        if self.profile is None or self.profile.customer_id != profile.customer_id:
            self.revealed.clear()  # a revealed number never carries over to another customer
            self.reveal.setVisible(bool(profile.phones))
        self.profile = profile
        standing = profile.standing
        colour = self.colours.tier(standing.tier)
        self.name.setText(profile.display_name)
        self.tier.setText(shown(standing.label).upper())
        if self.tier.property("tier") != standing.tier:  # the stylesheet colours each tier
            self.tier.setProperty("tier", standing.tier)
            self.tier.style().unpolish(self.tier)
            self.tier.style().polish(self.tier)
        self.tier.setAccessibleName(self.tr("Tier: {0}").format(shown(standing.label)))
        self.status.setVisible(profile.status != "active")
        self.status.setText(shown(status_word(profile.status)).upper())
        matched = self.tr("matched on {0}").format(shown(match.detail)) if match else ""
        self.matched.setText(matched)
        self.since.setText(self._since_line(profile))
        self.lifetime.set(fmt.figure(profile.lifetime_value), self.tr("net of refunds"))
        self.spend.set(
            fmt.figure(profile.spend_12m),
            self.tr("avg order {0}").format(fmt.money(profile.average_order, pence=True)),
        )
        self.visits.set(
            fmt.number(profile.visits_12m),
            self.tr("%n complaint(s)", "", profile.complaints_12m),
        )
        self.last_visit.set(fmt.day(profile.last_visit, profile.as_of), self._ago(profile))
        members = len(profile.household)
        self.household.set(
            fmt.figure(profile.household_lifetime_value),
            self.tr("%n members", "", members) if members > 1 else self.tr("just them"),
        )
        hint = f" · {shown(standing.next_tier_hint)}" if standing.next_tier_hint else ""
        self.tier_reason.setText(shown(standing.reason) + hint)
        potential = potential_line(profile)
        self.potential.setText(shown(potential) if potential is not None else "")
        self.potential.setVisible(potential is not None)
        self.signals.setText(self._signal_chips(profile))
        self.signals.setVisible(bool(profile.signals))
        self.preferences.setText(self._preferences(profile))
        self.chart.set_values(profile.monthly_spend, colour)
        self.purchases.set_rows(profile.recent_purchases)
        self.contacts.set_rows(profile.recent_interactions)
        self.goodwill.set_rows(profile.recent_concessions)
        self._reachable(True)
        self._stack.setCurrentIndex(1)
        self._empty.hide()  # not painted beneath the card

    def _why(self, reason: str | None) -> str:
        label = self.categories.get(reason or "")
        return shown(policy_text(label)) if label is not None else reason or ""

    def _since_line(self, profile: Profile) -> str:
        parts = [
            self.tr("customer since {0}").format(fmt.month(profile.customer_since)),
            shown(profile.tenure_text),
        ]
        if profile.cards:
            card = profile.cards[0]
            mark = "✓" if card.status == "active" else "✗"
            status = shown(status_word(card.status))
            parts.append(self.tr("card …{0} {1} {2}").format(card.last4, status, mark))
        else:
            parts.append(self.tr("no card"))
        if profile.phones:
            parts.append(self.tr("phone {0}").format(profile.phones[0].masked))
        parts.append(profile.customer_id)
        return "  ·  ".join(parts)

    def _ago(self, profile: Profile) -> str:
        if profile.last_visit is None:
            return ""
        days = (profile.as_of - profile.last_visit).days
        return self.tr("%n days ago", "", days) if days > 1 else ""

    def _signal_chips(self, profile: Profile) -> str:
        chips = []
        for signal in profile.signals:
            key = str(signal)
            css = "warn" if key in WARNING_SIGNALS else "good"
            name = SIGNAL_NAMES.get(key)
            label = shown(name.text()) if name else key
            reason = shown(profile.signal_reasons.get(key, ""))
            chips.append(
                f'<span class="{css}" style="{_chip_style(css, self.colours)}">'
                f"&nbsp;{label}&nbsp;</span>"
                f'<span style="color:{self.colours.muted}"> {reason}</span>'
            )
        return "&nbsp;&nbsp;&nbsp;".join(chips)

    def _preferences(self, profile: Profile) -> str:
        parts = []
        if profile.preferences:
            parts.append(self.tr("Prefers: {0}").format(profile.preferences))
        if profile.notes:
            parts.append(self.tr("Notes: {0}").format(profile.notes))
        return "\n".join(parts) or self.tr("No preferences or notes recorded.")


def _chip_style(kind: str, colours: Palette) -> str:
    if kind == "warn":
        return f"background:{colours.warn_bg}; color:{colours.warn}; font-weight:600;"
    return f"background:{colours.good_bg}; color:{colours.good}; font-weight:600;"

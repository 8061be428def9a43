"""The goodwill panel: pick the dispute, type the amount, see what to offer and why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.goodwill import GoodwillError, Suggestion
from app.domain.identifiers import mask_payment_cards
from app.domain.models import Profile
from app.domain.text import policy_text
from app.services.concessions import Outcome
from app.services.desk import Desk
from app.services.goodwill import Advice, read_amount
from app.services.lookup import PAYMENT_CARD_REFUSAL, RefusedInputError
from app.ui import format as fmt
from app.ui import words
from app.ui.models import RecordListModel
from app.ui.sign_in import error_label
from app.ui.translations import failure, shown


def headline(s: Suggestion) -> str:
    return headline_of(s.action, s.value)


def headline_of(action: str, value: int) -> str:
    word = words.action(action)
    return word if value == 0 else f"{word} {fmt.money(value, pence=True)}"


class SteadyButton(QPushButton):
    """A button whose text changes (Apply / Ask approval) but whose size does not: it keeps
    the room of its longest text, so the panel never widens while a clerk types."""

    def __init__(self, text: str, others: tuple[str, ...]) -> None:
        super().__init__(text)
        self.texts = (text, *others)
        self._fitting = False
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        shown_text, widest = self.text(), 0
        for text in self.texts:
            self.setText(text)
            widest = max(widest, super().sizeHint().width())
        self.setText(shown_text)
        self.setMinimumWidth(widest)
        self._fitting = False


class YieldingLabel(QLabel):
    """Word-wrapped text that gives up its room first when the panel is short of height (large
    text on a small screen): it shows the lines that fit and ends with "…"; text(), the tooltip
    and the accessible name keep the whole of it."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self._width = 0
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._fit()
        self.updateGeometry()

    def clear(self) -> None:
        self.setText("")

    def text(self) -> str:
        return self._full

    def hasHeightForWidth(self) -> bool:
        return False  # so a short panel squeezes this label, not the fields and buttons

    def sizeHint(self) -> QSize:
        lines = len(self._lines(self._width)) if self._full else 0
        return QSize(0, lines * self.fontMetrics().lineSpacing())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().lineSpacing() if self._full else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.width() != self._width:
            self._width = self.width()
            self.updateGeometry()  # more or fewer lines at this width
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
            self.updateGeometry()

    def _lines(self, width: int) -> list[str]:
        if width <= 0:
            return [self._full]
        layout = QTextLayout(self._full, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        lines = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(self._full[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        return [line.strip() for line in lines]

    def _fit(self) -> None:
        width = self.contentsRect().width()
        lines = self._lines(width)
        room = max(1, self.contentsRect().height() // self.fontMetrics().lineSpacing())
        if width > 0 and len(lines) > room:
            rest = " ".join(lines[room - 1 :])
            lines = [
                *lines[: room - 1],
                self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width),
            ]
        super().setText("\n".join(lines))


class GoodwillPanel(QFrame):
    apply_requested = Signal(object, bool)  # the Suggestion to record; ask a supervisor?
    approval_requested = Signal(str)  # a pending concession's id, for a supervisor now

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.profile: Profile | None = None
        self.advice: Advice | None = None
        self.shown: Suggestion | None = None
        self.recorded_key: tuple[object, ...] | None = None  # the dispute last recorded
        self.decided_key: tuple[object, ...] | None = None  # …once a supervisor decided it
        self.pending_id: str | None = None  # its concession, while it waits for approval
        self.setObjectName("goodwill")
        self._build()
        self.clear()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 10)
        layout.setSpacing(5)
        title = QLabel(self.tr("Goodwill"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)

        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Dispute category (F3)"))
        for category_id, label in self.desk.goodwill.categories():
            self.category.addItem(shown(policy_text(label)), category_id)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(fmt.decimal_number(0, pence=True))
        self.amount.setAccessibleName(self.tr("Disputed amount (F4)"))
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("In the customer's own words…"))
        self.words.setAccessibleName(self.tr("The customer's own words"))
        fields = QGridLayout()  # caption beside field: the panel fits one screen
        fields.setColumnStretch(1, 1)
        fields.setVerticalSpacing(6)
        for caption, field in (
            (self.tr("Dispute (F3)"), self.category),
            (self.tr("Amount {0} (F4)").format(fmt.currency()), self.amount),
            (self.tr("They said"), self.words),
        ):
            caption_label = QLabel(caption)
            caption_label.setObjectName("formCaption")
            caption_label.setBuddy(field)
            row = fields.rowCount()
            fields.addWidget(caption_label, row, 0)
            fields.addWidget(field, row, 1)
        layout.addLayout(fields)
        self.error = error_label()
        layout.addWidget(self.error)

        self.offer = QLabel()
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        self.discretion = QLabel()
        self.discretion.setObjectName("discretion")
        self.discretion.setWordWrap(True)
        self.script = QLabel()
        self.script.setObjectName("script")
        self.script.setWordWrap(True)
        self.script.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons = YieldingLabel()
        self.reasons.setObjectName("reasons")
        for widget in (self.offer, self.discretion, self.script, self.reasons):
            layout.addWidget(widget)

        others = QLabel(self.tr("Options (↑↓ to choose)"))
        others.setObjectName("fieldCaption")
        layout.addWidget(others)
        self.options_model = RecordListModel[Suggestion](headline)
        self.options = QListView()
        self.options.setObjectName("options")
        self.options.setModel(self.options_model)
        self.options.setAccessibleName(self.tr("Goodwill options"))
        self._fit_options()
        layout.addWidget(self.options)
        others.setBuddy(self.options)

        buttons = QHBoxLayout()
        self.apply_button = SteadyButton(
            self.tr("Apply  Ctrl+⏎"), (self.tr("Ask approval  Ctrl+⏎"),)
        )
        self.apply_button.setObjectName("apply")
        self.apply_button.setAccessibleName(self.tr("Apply the suggestion"))
        self.supervisor_button = QPushButton(self.tr("Supervisor  Ctrl+⇧S"))
        self.supervisor_button.setAccessibleName(self.tr("Ask a supervisor"))
        buttons.addWidget(self.apply_button, 1)
        buttons.addWidget(self.supervisor_button)
        layout.addLayout(buttons)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        self.chain_note = QLabel()  # in a chain, offline: how old the other stations' counts are
        self.chain_note.setObjectName("chainNote")
        self.chain_note.setWordWrap(True)
        self.chain_note.hide()
        layout.addWidget(self.chain_note)
        layout.addStretch(1)

        self.category.currentIndexChanged.connect(self.refresh)
        self.amount.textChanged.connect(self.refresh)
        self.words.textChanged.connect(self.refresh)
        self.options.selectionModel().currentChanged.connect(self._on_option)
        self.apply_button.clicked.connect(self.apply)
        self.supervisor_button.clicked.connect(self.ask_supervisor)
        for keys, slot in (
            ("Ctrl+Return", self.apply),
            ("Ctrl+Enter", self.apply),
            ("Ctrl+Shift+S", self.ask_supervisor),
            ("F3", self.category.setFocus),
            ("F4", self.amount.setFocus),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WindowShortcut)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_options()

    def _fit_options(self) -> None:
        """Room for three options (more scroll), however large the text."""
        self.options.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    # state
    def tab_chain(self) -> tuple[QWidget, ...]:
        """Its fields and buttons in the order the panel reads."""
        return (
            self.category,
            self.amount,
            self.words,
            self.options,
            self.apply_button,
            self.supervisor_button,
        )

    def set_desk(self, desk: Desk) -> None:
        """Another person signed in: suggestions follow their role, limit and shift."""
        self.desk = desk
        self.refresh()

    def hold(self, profile: Profile) -> None:
        """The customer is on the card; their suggestion follows (`set_profile`). Until then
        nothing of the last customer's stays here to be applied."""
        if self.profile is None or self.profile.customer_id != profile.customer_id:
            self._reset_fields()
        self.profile = profile
        self.advice = None
        self._show(None)

    def set_profile(self, profile: Profile) -> None:
        """Show a customer; a different customer starts a fresh dispute."""
        if self.profile is None or self.profile.customer_id != profile.customer_id:
            self._reset_fields()
        self.profile = profile
        self.setEnabled(True)
        self.refresh()

    def _reset_fields(self) -> None:
        for field in (self.category, self.amount, self.words):
            field.blockSignals(True)
        self.category.setCurrentIndex(0)
        self.amount.clear()
        self.words.clear()
        for field in (self.category, self.amount, self.words):
            field.blockSignals(False)
        self.outcome.clear()
        self.error.clear()
        self.recorded_key = None
        self.decided_key = None
        self.pending_id = None

    def clear(self) -> None:
        self._reset_fields()
        self.profile = None
        self.advice = None
        self._show(None)
        self.setEnabled(False)

    def refresh(self) -> None:
        if self.profile is None:
            return
        for field in (self.amount, self.words):
            if mask_payment_cards(field.text()) != field.text():
                self._wipe(field)
                self._fail(shown(PAYMENT_CARD_REFUSAL))
                return
        try:
            amount = read_amount(fmt.typed_amount(self.amount.text()))
            self.advice = self.desk.advise(
                self.profile.customer_id,
                category=str(self.category.currentData()),
                amount=amount,
                words=self.words.text(),
                profile=self.profile,
            )
        except (GoodwillError, RefusedInputError) as exc:
            self._fail(failure(exc))
            return
        self.error.clear()
        self.options_model.set_rows(self.advice.suggestions)
        self.options.setCurrentIndex(self.options_model.index(0))  # the top one is chosen
        self._show(self.advice.top)

    def _wipe(self, field: QLineEdit) -> None:
        """A payment card number typed here is wiped at once, never kept or shown."""
        field.blockSignals(True)
        field.clear()
        field.blockSignals(False)

    def _fail(self, message: str) -> None:
        self.advice = None
        self.error.setText(message)
        self._show(None)

    @property
    def chosen(self) -> Suggestion | None:
        """The suggestion on screen: the one Apply and Supervisor act on."""
        return self.shown

    def _on_option(self, current: QModelIndex | QPersistentModelIndex, _: object) -> None:
        if self.advice and 0 <= current.row() < len(self.advice.suggestions):
            self._show(self.advice.suggestions[current.row()])

    def _show(self, s: Suggestion | None) -> None:
        self.shown = s
        if s is None:
            for label in (self.offer, self.discretion, self.script, self.reasons):
                label.clear()
            if self.options_model.rowCount():  # an empty list is not reset (and repainted)
                self.options_model.set_rows(())
            self.apply_button.setEnabled(False)
            self.supervisor_button.setEnabled(False)
            return
        self.offer.setText("▶ " + headline(s))
        if s.needs_approval:
            why = shown(s.approval_reason or "")
            self.discretion.setText(self.tr("needs approval: {0}").format(why))
        else:
            self.discretion.setText(self.tr("within your discretion"))
        if self.discretion.property("approval") != s.needs_approval:  # restyled on change only
            self.discretion.setProperty("approval", s.needs_approval)
            self._repolish(self.discretion)
        self.script.setText(self.tr("“{0}”").format(shown(s.script)))
        self.reasons.setText(
            self.tr("why: {0}").format("; ".join(shown(r.text) for r in s.reasons))
        )
        self.apply_button.setEnabled(True)
        self.apply_button.setText(
            self.tr("Ask approval  Ctrl+⏎") if s.needs_approval else self.tr("Apply  Ctrl+⏎")
        )
        self.supervisor_button.setEnabled(True)
        decided = self.decided_key is not None and self.advice is not None
        if decided and self.decided_key == self._key(s):  # shown again (a re-read): decided
            self._decided()

    def forget_decision(self) -> None:
        """The chain refused the decision this panel showed: the request is pending again."""
        if self.decided_key is not None:
            self.decided_key = None
            self.refresh()

    def _decided(self) -> None:
        """The request on screen is decided: nothing invites asking again."""
        self.discretion.setText(self.tr("decided: nothing more to ask"))
        if self.discretion.property("approval"):
            self.discretion.setProperty("approval", False)
            self._repolish(self.discretion)
        self.apply_button.setEnabled(False)
        self.supervisor_button.setEnabled(False)

    # actions: the window records; the panel says what happened
    def _key(self, s: Suggestion) -> tuple[object, ...]:
        assert self.profile is not None and self.advice is not None
        d = self.advice.dispute
        return (self.profile.customer_id, d.category, d.amount, d.words, s.action, s.value)

    def apply(self) -> None:
        """Record the suggestion on screen (as pending if it needs approval)."""
        s = self.chosen
        if s is None or self.profile is None or self.advice is None:
            return
        if self.recorded_key == self._key(s):
            self.outcome.setText(self.tr("Already recorded. Change the dispute to record another."))
            return
        self.apply_requested.emit(s, False)

    def ask_supervisor(self) -> None:
        """A supervisor decides now, at this station: the pending request, or a new one."""
        s = self.chosen
        if s is None or self.profile is None or self.advice is None:
            return
        if self.pending_id is not None:
            self.approval_requested.emit(self.pending_id)
            return
        if self.recorded_key == self._key(s):
            self.outcome.setText(self.tr("Already recorded: no approval needed."))
            return
        self.apply_requested.emit(s, True)

    def show_outcome(self, outcome: Outcome, s: Suggestion) -> None:
        """Said only once the record is committed."""
        self.recorded_key = self._key(s) if self.advice is not None else None
        what = headline(s).lower()
        if outcome.needs_approval:
            self.pending_id = outcome.concession_id
            self.outcome.setText(
                self.tr(
                    "Recorded as PENDING: {what}. {why}. Ctrl+Shift+S for a supervisor now, "
                    "or it waits in the queue (F9)."
                ).format(what=what, why=shown(outcome.approval_reason or ""))
            )
        else:
            self.pending_id = None
            self.outcome.setText(
                self.tr("✓ Recorded: {what} (ref {ref}).").format(
                    what=what, ref=outcome.concession_id[:8]
                )
            )
        self.outcome.setProperty("state", outcome.status)
        self._repolish(self.outcome)

    def show_decision(self, outcome: Outcome, by: str | None = None) -> None:
        """A supervisor's decision on the request this panel made (others are not shown):
        who decided, when, and what. Nothing on the panel invites asking again until the
        dispute changes. `by`: who decided, when it was decided elsewhere."""
        if self.pending_id != outcome.concession_id:
            return
        self.pending_id = None
        found = self.desk.find_concession(outcome.concession_id)
        word = self.tr("APPROVED") if outcome.status == "approved" else self.tr("DENIED")
        decider = by or (found.decided_by if found else None)
        who = self.desk.staff_name(decider) if decider else self.tr("a supervisor")
        ref = outcome.concession_id[:8]
        if found is not None and found.decided_at is not None:
            self.outcome.setText(
                self.tr("{word} by {who} at {when}: {what} (ref {ref}).").format(
                    word=word,
                    who=who,
                    when=fmt.clock(found.decided_at.astimezone(self.desk.lookup.zone)),
                    what=headline_of(found.action, found.value).lower(),
                    ref=ref,
                )
            )
        else:
            self.outcome.setText(
                self.tr("{word} by {who} (ref {ref}).").format(word=word, who=who, ref=ref)
            )
        self.outcome.setProperty("state", outcome.status)
        self._repolish(self.outcome)
        self.decided_key = self.recorded_key
        self._decided()

    def set_chain_note(self, text: str) -> None:
        """Say (or, with no text, stop saying) that other stations' goodwill is counted only
        as of the last sync."""
        self.chain_note.setText(text)
        self.chain_note.setVisible(bool(text))

    def show_failure(self, message: str) -> None:
        self.outcome.setText(self.tr("Not recorded: {0}").format(message))
        self.outcome.setProperty("state", "failed")
        self._repolish(self.outcome)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

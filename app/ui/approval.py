"""A supervisor's decision at the clerk's station, and the queue of requests waiting."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import policy_text
from app.services.concessions import DecisionError, Outcome, RecordedConcession
from app.services.desk import Brief, Desk
from app.services.staff import SignInError
from app.services.station import StoreError
from app.ui import format as fmt
from app.ui import words
from app.ui.models import RecordTableModel
from app.ui.sign_in import error_label, pin_field
from app.ui.translations import failure, shown


def offer(c: RecordedConcession) -> str:
    """ "voucher £5.00": what was asked for."""
    what = words.kind(c.action)
    return what if c.value == 0 else f"{what} {fmt.money(c.value, pence=True)}"


def category_label(c: RecordedConcession, desk: Desk) -> str:
    category = desk.policy.goodwill.category(c.category)
    return shown(policy_text(category.label)).lower() if category else c.category


def describe(c: RecordedConcession, desk: Desk, brief: Brief) -> str:
    return QCoreApplication.translate(
        "ApprovalDialog", "{what} for {customer} ({category}), asked by {staff}"
    ).format(
        what=offer(c),
        customer=brief.profile.display_name if brief.profile else c.customer_id,
        category=category_label(c, desk),
        staff=brief.asked_by,
    )


def standing_lines(c: RecordedConcession, desk: Desk, brief: Brief, zone: ZoneInfo) -> str:
    """Who the customer is to the organisation, and the dispute: what a supervisor weighs."""
    p = brief.profile
    dispute = QCoreApplication.translate(
        "ApprovalDialog", "Dispute: {category}, {amount} disputed"
    ).format(category=category_label(c, desk), amount=fmt.money(c.disputed_amount, pence=True))
    if p is None:
        gone = QCoreApplication.translate(
            "ApprovalDialog", "This customer is no longer in this station's data."
        )
        return f"{gone}\n{dispute}"
    given = [g for g in p.recent_concessions if g.concession_id != c.concession_id]
    last = (
        QCoreApplication.translate("ApprovalDialog", "last goodwill {value} on {day}").format(
            value=fmt.money(given[0].value, pence=True),
            day=fmt.day(given[0].granted_at.astimezone(zone).date()),
        )
        if given
        else QCoreApplication.translate("ApprovalDialog", "no goodwill before")
    )
    customer = QCoreApplication.translate(
        "ApprovalDialog", "{tier} · customer for {tenure} · {spend} in 12 months · {last}"
    )
    said = customer.format(
        tier=shown(p.standing.label).upper(),
        tenure=shown(p.tenure_text),
        spend=fmt.money(p.spend_12m),
        last=last,
    )
    return f"{said}\n{dispute}"


class ApprovalDialog(QDialog):
    """The approver types their own id and PIN; the clerk stays signed in."""

    def __init__(
        self, desk: Desk, concession: RecordedConcession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.concession = desk, concession
        self.outcome: Outcome | None = None
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.setObjectName("approval")
        layout = QVBoxLayout(self)
        brief = desk.brief(concession)
        self.summary = QLabel(describe(concession, desk, brief))
        self.summary.setObjectName("panelTitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.standing = QLabel(standing_lines(concession, desk, brief, desk.lookup.zone))
        self.standing.setWordWrap(True)
        layout.addWidget(self.standing)
        self.why = QLabel(self.tr("Needs approval: {0}").format(shown(concession.approval_text)))
        self.why.setWordWrap(True)
        layout.addWidget(self.why)
        if concession.words:
            said = QLabel(self.tr("“{0}”").format(concession.words))
            said.setObjectName("script")
            said.setWordWrap(True)
            layout.addWidget(said)
        form = QFormLayout()
        self.approver = QLineEdit()
        self.approver.setAccessibleName(self.tr("Approver's staff id"))
        self.pin = pin_field(self.tr("Approver's PIN"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason (needed to deny)"))
        form.addRow(self.tr("Approver &id"), self.approver)
        form.addRow(self.tr("&PIN"), self.pin)
        form.addRow(self.tr("&Reason"), self.reason)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        # not an accept-role button: the box would make it the default, and Enter anywhere
        # (even in the reason for a denial) would approve
        self.approve_button = buttons.addButton(
            self.tr("Approve  ⏎"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.deny_button = QPushButton(self.tr("Deny  Ctrl+D"))
        buttons.addButton(self.deny_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in buttons.buttons():  # Enter never decides by itself: only from the PIN
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.approve_button.clicked.connect(self.approve)
        buttons.rejected.connect(self.reject)
        self.deny_button.clicked.connect(self.deny)
        QShortcut(QKeySequence("Ctrl+D"), self, self.deny)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.approve)
        self.pin.returnPressed.connect(self.approve)
        layout.addWidget(buttons)
        self.approver.returnPressed.connect(self.pin.setFocus)
        QWidget.setTabOrder(self.approver, self.pin)  # as the dialog reads; the button box
        QWidget.setTabOrder(self.pin, self.reason)  # keeps its buttons in their screen order
        self.setMinimumWidth(460)
        self.approver.setFocus()

    def approve(self) -> None:
        self._decide(deny=False)

    def deny(self) -> None:
        self._decide(deny=True)

    def _decide(self, *, deny: bool) -> None:
        if not self.approver.text().strip():
            self.error.setText(self.tr("The approver types their own staff id and PIN."))
            self.approver.setFocus()
            return
        if deny and not self.reason.text().strip():
            self.error.setText(self.tr("Say why it is denied."))
            self.reason.setFocus()
            return
        try:
            self.outcome = self.desk.decide(
                self.approver.text(),
                self.pin.text(),
                self.concession.concession_id,
                deny=deny,
                reason=self.reason.text(),
            )
        except (SignInError, DecisionError, StoreError) as exc:
            self.error.setText(failure(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        finally:
            self.pin.clear()
        self.accept()


class PendingQueue(QDialog):
    """Requests waiting for a supervisor; Enter opens the selected one."""

    def __init__(self, desk: Desk, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.decided: list[Outcome] = []
        self.setWindowTitle(self.tr("Waiting for a supervisor"))
        self.setObjectName("pendingQueue")
        layout = QVBoxLayout(self)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.customers: dict[str, str] = {}  # names by id (customers and staff apart:
        self.clerks: dict[str, str] = {}  # an id may be both)
        self.model = RecordTableModel[RecordedConcession](
            [
                (self.tr("When"), lambda c: fmt.moment(c.recorded_at, zone)),
                (self.tr("Customer"), lambda c: self.customers.get(c.customer_id, c.customer_id)),
                (self.tr("What"), offer),
                (self.tr("Disputed"), lambda c: fmt.money(c.disputed_amount, pence=True)),
                (self.tr("Asked by"), lambda c: self.clerks.get(c.staff_id, c.staff_id)),
                (self.tr("Why"), lambda c: shown(c.approval_text)),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the reason takes the rest
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Concessions waiting for approval"))
        self.table.activated.connect(lambda _: self.open_selected())
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("↑↓ to choose · Enter to decide · Esc to close"))
        hint.setObjectName("fieldCaption")
        layout.addWidget(hint)
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.table,
            self.open_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.resize(980, 400)
        self.dialog: ApprovalDialog | None = None
        self.reload()

    def reload(self) -> None:
        pending = self.desk.pending()
        self.customers, self.clerks = self.desk.queue_names(pending)
        self.model.set_rows(pending)
        self.count.setText(
            self.tr("%n waiting", "", len(pending)) if pending else self.tr("Nothing waiting.")
        )
        if pending:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def open_selected(self) -> None:
        chosen = self.model.row_at(self.table.currentIndex().row())
        if chosen is None:
            return
        self.dialog = ApprovalDialog(self.desk, chosen, self)
        self.dialog.finished.connect(self._after)
        self.dialog.open()
        self.dialog.activateWindow()

    def _after(self, _result: int) -> None:
        if self.dialog is not None and self.dialog.outcome is not None:
            self.decided.append(self.dialog.outcome)
        self.activateWindow()  # the queue takes the keys again (no window manager to do it)
        self.reload()

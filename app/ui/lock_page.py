"""What the screen shows when nobody is signed in, or the station is locked: no customer,
just a sign-in form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.staff import Staff
from app.services.session import Session
from app.services.staff import SignInError
from app.ui.sign_in import error_label, pin_field
from app.ui.translations import failure


class LockPage(QWidget):
    accepted = Signal(object)  # the Staff whose PIN was right

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("lockPage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setObjectName("lockBox")
        box.setFixedWidth(420)  # longer languages wrap within it, not squeeze the fields
        layout = QVBoxLayout(box)
        self.title = QLabel()
        self.title.setObjectName("customerName")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        form = QFormLayout()
        self.staff_id = QLineEdit()
        self.staff_id.setObjectName("staffId")
        self.staff_id.setAccessibleName(self.tr("Staff id"))
        self.pin = pin_field(self.tr("PIN"))
        self.pin.setObjectName("pin")
        form.addRow(self.tr("Staff &id"), self.staff_id)
        form.addRow(self.tr("&PIN"), self.pin)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("Sign in  ⏎"))
        self.button.setObjectName("apply")
        self.button.setAccessibleName(self.tr("Sign in"))
        layout.addWidget(self.button)
        # Centred by stretches, not by alignment: an aligned item is asked its height for
        # the page's whole width, where the hint fits on one line, and at 420 px the hint's
        # second line would squeeze the fields (large text, French).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.staff_id.returnPressed.connect(self._next)
        self.pin.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        QWidget.setTabOrder(self.staff_id, self.pin)  # as the form reads, top to bottom
        QWidget.setTabOrder(self.pin, self.button)

    def signed_out(self, station: str) -> None:
        self.title.setText(self.tr("Standing · {0}").format(station))
        self.hint.setText(self.tr("Sign in with your staff id and PIN."))
        self._reset("")

    def locked(self, staff: Staff) -> None:
        self.title.setText(self.tr("Locked"))
        self.hint.setText(
            self.tr("{0} is signed in. Type your PIN to carry on, or sign in as yourself.").format(
                staff.name
            )
        )
        self._reset(staff.staff_id)

    def _reset(self, staff_id: str) -> None:
        self.staff_id.setText(staff_id)
        self.pin.clear()
        self.error.clear()
        (self.pin if staff_id else self.staff_id).setFocus()

    def _next(self) -> None:
        if self.staff_id.text().strip():
            self.pin.setFocus()

    def submit(self) -> None:
        if not self.staff_id.text().strip():
            self.error.setText(self.tr("Type your staff id."))
            self.staff_id.setFocus()
            return
        try:
            staff = self.session.check(self.staff_id.text(), self.pin.text())
        except SignInError as exc:
            self.error.setText(failure(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self.error.clear()
        self.accepted.emit(staff)

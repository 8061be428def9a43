"""The first manager's account on a first start, and the PIN box every sign-in uses."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.staff import Staff, StaffError
from app.services.staff import StaffService
from app.settings import APP_NAME
from app.ui.translations import failure


def pin_field(accessible: str) -> QLineEdit:
    """A PIN box: hidden as typed, digits only, at most 8."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
    field.setAccessibleName(accessible)
    field.setPlaceholderText(QCoreApplication.translate("sign_in", "4–8 digits"))
    return field


class ErrorLabel(QLabel):
    """A message where the input went wrong; it takes no room while there is none."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def error_label() -> QLabel:
    return ErrorLabel()


class FirstManagerDialog(QDialog):
    """No staff yet: the first account is a manager's, who then adds the others."""

    def __init__(self, service: StaffService, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor = service, actor
        self.staff: Staff | None = None
        self.setWindowTitle(self.tr("{0}: first start").format(APP_NAME))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This station has no staff accounts yet. Create the first one: a manager, "
                "who can then add clerks and supervisors (standing staff add)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.staff_id = QLineEdit()
        self.staff_id.setAccessibleName(self.tr("Manager's staff id"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Manager's name"))
        self.pin = pin_field(self.tr("PIN"))
        self.repeat = pin_field(self.tr("PIN again"))
        form.addRow(self.tr("Staff &id"), self.staff_id)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&PIN"), self.pin)
        form.addRow(self.tr("PIN &again"), self.repeat)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create manager"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for first, second in pairwise((self.staff_id, self.name, self.pin, self.repeat)):
            QWidget.setTabOrder(first, second)  # as the form reads, then its buttons
        self.setMinimumWidth(440)
        self.staff_id.setFocus()

    def _try(self) -> None:
        if self.pin.text() != self.repeat.text():
            self.error.setText(self.tr("The two PINs differ: type them again."))
            self.pin.clear()
            self.repeat.clear()
            self.pin.setFocus()
            return
        try:
            self.staff = self.service.add(
                self.staff_id.text().strip(),
                name=self.name.text(),
                role="manager",
                pin=self.pin.text(),
                actor=self.actor,
            )
        except StaffError as exc:
            self.error.setText(failure(exc))
            return
        self.accept()

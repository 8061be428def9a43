"""The customer's complaint, compliment or question, in their own words, kept."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.goodwill import GoodwillError
from app.domain.models import Profile
from app.services.concessions import FEEDBACK_KINDS
from app.services.desk import Desk
from app.services.station import StoreError
from app.ui import words
from app.ui.sign_in import error_label
from app.ui.translations import failure


class FeedbackDialog(QDialog):
    def __init__(self, desk: Desk, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.profile = desk, profile
        self.feedback_id: str | None = None
        self.setWindowTitle(self.tr("In their own words"))
        self.setObjectName("feedback")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What {0} said").format(profile.display_name)))
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in FEEDBACK_KINDS:
            word = words.kind(kind)
            self.kind.addItem(word[:1].upper() + word[1:], kind)
        self.words = QPlainTextEdit()
        self.words.setTabChangesFocus(True)
        self.words.setAccessibleName(self.tr("Their words"))
        self.words.setPlaceholderText(self.tr("As they said it…"))
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Words"), self.words)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.kind, self.words)  # as the dialog reads, then its buttons
        self.setMinimumWidth(440)
        self.words.setFocus()

    def save(self) -> None:
        try:
            self.feedback_id = self.desk.record_feedback(
                self.profile.customer_id,
                kind=str(self.kind.currentData()),
                words=self.words.toPlainText(),
            )
        except (GoodwillError, StoreError) as exc:
            self.error.setText(failure(exc))
            return
        self.accept()

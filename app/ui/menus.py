"""The menu bar: File (import, lock, sign out, the supervisor queue) and View (theme, text
size). Menus say what was chosen; the window decides what that means."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.ui.theme import Looks


class Menus(QObject):
    import_chosen = Signal()
    lock_chosen = Signal()
    sign_out_chosen = Signal()
    queue_chosen = Signal()

    def __init__(self, window: QMainWindow, looks: Looks) -> None:
        super().__init__(window)
        self.looks = looks
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        for label, keys, signal in (
            (self.tr("&Import…"), "Ctrl+I", self.import_chosen),
            (None, None, None),
            (self.tr("&Lock screen"), "Ctrl+L", self.lock_chosen),
            (self.tr("Sign &out"), "Ctrl+Shift+L", self.sign_out_chosen),
            (self.tr("Supervisor &queue"), "F9", self.queue_chosen),
        ):
            if label is None or keys is None or signal is None:
                file_menu.addSeparator()
                continue
            action = file_menu.addAction(label)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(signal.emit)

        view = window.menuBar().addMenu(self.tr("&View"))
        themes = view.addMenu(self.tr("&Theme"))
        self.theme_actions = QActionGroup(self)
        for choice, label in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = themes.addAction(label)
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(lambda _=False, c=choice: self.looks.choose(c))
            self.theme_actions.addAction(action)
        self.large_text = view.addAction(self.tr("Large &text"))
        self.large_text.setCheckable(True)
        self.large_text.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.large_text.toggled.connect(self.looks.set_large)

    def show_looks(self) -> None:
        """The menu shows the theme and text size in use."""
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == self.looks.choice)
        self.large_text.blockSignals(True)
        self.large_text.setChecked(self.looks.large)
        self.large_text.blockSignals(False)

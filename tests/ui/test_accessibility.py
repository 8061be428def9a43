"""Every control a person can reach has an accessible name (screen readers say what it is)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.station import Station
from app.ui.approval import PendingQueue
from app.ui.feedback_dialog import FeedbackDialog
from app.ui.main_window import MainWindow
from app.ui.sign_in import FirstManagerDialog

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTabWidget)


def unnamed(root: QWidget) -> list[str]:
    found = []
    for cls in CONTROLS:
        for widget in root.findChildren(cls):
            internal = (
                widget.objectName().startswith("qt_")
                or isinstance(widget, QHeaderView)
                or (isinstance(widget, QToolButton) and isinstance(widget.parent(), QLineEdit))
                or isinstance(widget.parent(), QComboBox)
                or any(isinstance(a, QComboBox) for a in _ancestors(widget))
            )
            # a button's own text is what assistive technology reads when no name is set
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not internal and not (widget.accessibleName() or text.strip()):
                found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def _ancestors(widget: QWidget) -> list[object]:
    chain, parent = [], widget.parent()
    while parent is not None:
        chain.append(parent)
        parent = parent.parent()
    return chain


def test_the_window_names_every_control(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    assert unnamed(window) == []


def test_the_dialogs_name_every_control(
    window: MainWindow, staffed_station: Station, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.search, "07700900123", delay=45)
    profile = window.card.profile
    clerk = staffed_station.staff.find("clerk1")
    assert profile is not None and clerk is not None
    dialogs: list[QWidget] = [
        FirstManagerDialog(staffed_station.staff, "os:test"),
        FeedbackDialog(staffed_station.desk(clerk), profile),
        PendingQueue(staffed_station.desk(clerk), window.zone),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__

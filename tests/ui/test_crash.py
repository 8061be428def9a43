"""The one excepthook: logged to the user's log folder, shown with copyable details."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.crash import crash_dialog, install_excepthook, log


@pytest.fixture
def restore_hook() -> Iterator[None]:
    saved = sys.excepthook
    yield
    sys.excepthook = saved
    for handler in list(log.handlers):  # the log file is the test's own
        log.removeHandler(handler)
        handler.close()


def test_an_unexpected_error_is_logged_and_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_hook: None
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    hook = install_excepthook(tmp_path)
    assert sys.excepthook is hook
    try:
        raise RuntimeError("boom while looking up 4111 1111 1111 1111")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    logged = (tmp_path / "standing.log").read_text("utf-8")
    assert "RuntimeError: boom" in logged and "Traceback" in logged
    assert "4111" not in logged  # a card number in a message is masked even in a crash
    assert shown and "RuntimeError: boom" in shown[0] and "4111" not in shown[0]


def test_the_dialog_offers_the_details_to_copy(qtbot: QtBot, tmp_path: Path) -> None:
    box = crash_dialog("Traceback: details here", tmp_path / "standing.log")
    qtbot.addWidget(box)
    assert box.detailedText() == "Traceback: details here"
    assert str(tmp_path / "standing.log") in box.text()

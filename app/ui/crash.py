"""One excepthook for the window: an unexpected error is written to the log file in the
user's log folder and shown in a dialog with copyable details; never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.identifiers import mask_payment_cards
from app.settings import APP_NAME, user_log_dir

LOG_NAME = "standing.log"
log = logging.getLogger("standing")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def log_file(folder: Path | None = None) -> Path:
    return (folder or user_log_dir()) / LOG_NAME


def start_logging(folder: Path | None = None) -> Path:
    """Log to a rotating file in the user's log folder (three files of 1 MB at most)."""
    path = log_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The details to log and show; a card number in a message is masked even here."""
    text = "".join(traceback.format_exception(kind, error, tb))
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    return mask_payment_cards(f"{APP_NAME} {stamp}\n{text}")


def install_excepthook(folder: Path | None = None, *, show: bool = True) -> Hook:
    path = start_logging(folder)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = crash_report(kind, error, tb)
        log.error("unexpected error\n%s", details)
        for handler in log.handlers:
            handler.flush()
        print(details, file=sys.stderr)
        if show and QApplication.instance() is not None:
            box = crash_dialog(details, path)
            box.exec()

    sys.excepthook = hook
    return hook


def crash_dialog(details: str, path: Path) -> QMessageBox:
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(
        QApplication.translate("crash", "{0}: something went wrong").format(APP_NAME)
    )
    box.setText(
        QApplication.translate(
            "crash",
            "Standing hit an unexpected error. Nothing recorded before it is lost.\n"
            "The details are below (select and copy them) and in {0}.",
        ).format(path)
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box

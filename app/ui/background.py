"""Long work off the GUI thread behind a progress dialog (an import, the demo's making), in
one shape: progress reaches the GUI thread as ImportStep values, then one `done` or one
`failed`. Tests hand in a synchronous Runner to run the work inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.importing import ImportStep, Stage
from app.ui import format as fmt
from app.ui.workers import Runner

Report = Callable[[ImportStep], None]


class BackgroundTask(QObject):
    def __init__(
        self, runner: Runner, dialog: QProgressDialog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner, self.dialog = runner, dialog
        self.error: BaseException | None = None

    def start(self) -> None:
        self.dialog.show()
        self.runner.start(self.work, self.done, self._failed, self.on_progress)

    def work(self, report: Report) -> Any:
        """Runs on a worker thread: touches no widget, only calls `report`."""
        raise NotImplementedError

    def on_progress(self, step: ImportStep) -> None:
        """On the GUI thread: the dialog says where the work has got to."""
        text = step_text(step)
        if text is not None:
            self.dialog.setLabelText(text)

    def done(self, result: Any) -> None:
        raise NotImplementedError

    def failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self.failed(exc)


def step_text(step: ImportStep) -> str | None:
    """The plain words for a step (None for a step that needs none)."""
    if step.stage is Stage.WRITING:
        return QCoreApplication.translate("BackgroundTask", "Writing an invented export…")
    if step.stage is Stage.SUMMING:
        return QCoreApplication.translate("BackgroundTask", "Summing up {0} customers…").format(
            fmt.number(step.rows)
        )
    if step.stage is Stage.FORECASTING:
        return QCoreApplication.translate(
            "BackgroundTask", "Working out what customers are likely to spend…"
        )
    if step.stage is Stage.READING:
        return QCoreApplication.translate("BackgroundTask", "Importing {name}: {rows} rows").format(
            name=step.file, rows=fmt.number(step.rows)
        )
    return None

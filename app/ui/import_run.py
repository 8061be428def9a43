"""File → Import…: an upstream export imported off the GUI thread, with rows, rows/s, time
left and Cancel; the summary opens the rejects report."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.services.importing import (
    ImportCancelledError,
    ImportStep,
    Stage,
    export_size,
    import_folder,
)
from app.services.station import open_station
from app.settings import Settings
from app.ui import format as fmt
from app.ui.background import BackgroundTask, Report
from app.ui.translations import failure
from app.ui.workers import Runner

PROGRESS_STEPS = 1000


class ImportRun(BackgroundTask):
    finished = Signal(object)  # the ImportReport, or None if it failed or was cancelled

    def __init__(
        self, settings: Settings, folder: Path, runner: Runner, parent: QWidget | None = None
    ) -> None:
        dialog = QProgressDialog(
            QCoreApplication.translate("ImportRun", "Importing {0}…").format(folder),
            QCoreApplication.translate("ImportRun", "Cancel"),
            0,
            PROGRESS_STEPS,
            parent,
        )
        super().__init__(runner, dialog, parent)
        self.settings, self.folder = settings, folder
        self.cancel_requested = threading.Event()
        self.report: Any = None
        self.summary = ""
        self._done_before = 0  # rows of the files already read
        self._file = ""
        self._last_rows = 0
        self.total = 0  # rows the export holds, roughly; counted first in the worker
        self._started = time.perf_counter()
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # lookups carry on
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(480)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        self.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling: the data stays as it was…"))

    def work(self, report: Report) -> Any:
        report(ImportStep(Stage.COUNTING, export_size(self.folder)))
        station = open_station(self.settings)  # its own connection: lookups go on meanwhile
        try:

            def progress(step: ImportStep) -> None:
                if self.cancel_requested.is_set():
                    raise ImportCancelledError
                report(step)

            return import_folder(station, self.folder, progress=progress)
        finally:
            station.close()

    def on_progress(self, step: ImportStep) -> None:
        if step.stage is Stage.COUNTING:
            self.total = step.rows
            return
        if step.stage is not Stage.READING:
            super().on_progress(step)
            return
        if step.file != self._file:
            self._done_before += self._last_rows
            self._file = step.file
        self._last_rows = step.rows
        done = self._done_before + step.rows
        total = max(self.total, done, 1)
        seconds = max(time.perf_counter() - self._started, 1e-6)
        rate = done / seconds
        left = (total - done) / rate if rate > 0 else 0
        self.dialog.setValue(min(int(PROGRESS_STEPS * done / total), PROGRESS_STEPS - 1))
        self.dialog.setLabelText(
            self.tr("{name}: {done} of about {total} rows · {rate} rows/s · {left}").format(
                name=step.file,
                done=fmt.number(done),
                total=fmt.number(total),
                rate=fmt.number(round(rate)),
                left=_time_left(left),
            )
        )

    def done(self, report: Any) -> None:
        self.report = report
        self.dialog.setValue(PROGRESS_STEPS)
        self.dialog.hide()
        line = self.tr(
            "{name}: {read} read · {imported} imported · {unchanged} unchanged"
            " · {rejected} rejected"
        )
        lines = [
            line.format(
                name=name,
                read=fmt.number(f.read),
                imported=fmt.number(f.imported),
                unchanged=fmt.number(f.unchanged),
                rejected=fmt.number(f.rejected),
            )
            for name, f in report.files.items()
        ]
        lines += [self.tr("warning: {0}").format(w) for w in report.warnings]
        self.summary = "\n".join(lines)
        self.finished.emit(report)

    def failed(self, exc: BaseException) -> None:
        self.dialog.hide()
        if isinstance(exc, ImportCancelledError):
            self.summary = self.tr("Import cancelled: the data is as it was before.")
        else:
            self.summary = self.tr("Nothing was imported; the data is as it was.\n{0}").format(
                failure(exc)
            )
        self.finished.emit(None)

    def show_summary(self, parent: QWidget | None) -> None:
        """The outcome, with a button to open the rejects report when rows were rejected."""
        box = QMessageBox(parent)
        box.setWindowTitle(self.tr("Import"))
        box.setText(self.summary)
        opener = None
        if self.report is not None and self.report.rejects_file is not None:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(
                self.tr("{0} rows were rejected: {1}").format(
                    fmt.number(self.report.rejected), self.report.rejects_file
                )
            )
            opener = box.addButton(
                self.tr("Open rejects report"), QMessageBox.ButtonRole.ActionRole
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if opener is not None and box.clickedButton() is opener:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.rejects_file)))


def _time_left(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("ImportRun", "{0} s left").format(int(seconds) + 1)
    return QCoreApplication.translate("ImportRun", "{0} min {1} s left").format(
        int(seconds // 60), int(seconds % 60)
    )

"""File → Import…: an upstream export imported off the GUI thread, with rows, rows/s, time
left and Cancel; the summary opens the rejects report."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.services.importing import ImportCancelledError, export_size, import_folder
from app.services.station import open_station
from app.settings import Settings
from app.ui import format as fmt
from app.ui.translations import failure
from app.ui.workers import Runner

PROGRESS_STEPS = 1000


class ImportRun(QObject):
    finished = Signal(object)  # the ImportReport, or None if it failed or was cancelled

    def __init__(
        self, settings: Settings, folder: Path, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings, self.folder, self.runner = settings, folder, runner
        self.cancel_requested = threading.Event()
        self.report: Any = None
        self.error: BaseException | None = None
        self.summary = ""
        self._done_before = 0  # rows of the files already read
        self._file = ""
        self._last_rows = 0
        self.total = 0  # rows the export holds, roughly; counted first in the worker
        self._started = time.perf_counter()
        self.dialog = QProgressDialog(
            self.tr("Importing {0}…").format(folder), self.tr("Cancel"), 0, PROGRESS_STEPS, parent
        )
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)  # lookups carry on
        self.dialog.setMinimumDuration(0)
        self.dialog.setMinimumWidth(480)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.dialog.show()
        self.runner.start(self._work, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        self.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling: the data stays as it was…"))

    def _work(self, report: Any) -> Any:
        total = export_size(self.folder)
        report(("total", total))
        station = open_station(self.settings)  # its own connection: lookups go on meanwhile
        try:

            def progress(name: str, rows: int) -> None:
                if self.cancel_requested.is_set():
                    raise ImportCancelledError
                report((name, rows))

            return import_folder(station, self.folder, progress=progress)
        finally:
            station.close()

    def _progress(self, step: tuple[str, int]) -> None:
        name, rows = step
        if name == "total":
            self.total = rows
            return
        if name == "commit":
            return
        if name == "summaries":
            self.dialog.setLabelText(self.tr("Summing up {0} customers…").format(fmt.number(rows)))
            return
        if name != self._file:
            self._done_before += self._last_rows
            self._file = name
        self._last_rows = rows
        done = self._done_before + rows
        total = max(self.total, done, 1)
        seconds = max(time.perf_counter() - self._started, 1e-6)
        rate = done / seconds
        left = (total - done) / rate if rate > 0 else 0
        self.dialog.setValue(min(int(PROGRESS_STEPS * done / total), PROGRESS_STEPS - 1))
        self.dialog.setLabelText(
            self.tr("{name}: {done} of about {total} rows · {rate} rows/s · {left}").format(
                name=name,
                done=fmt.number(done),
                total=fmt.number(total),
                rate=fmt.number(round(rate)),
                left=_time_left(left),
            )
        )

    def _done(self, report: Any) -> None:
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

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
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

"""A first start: the demo database is made off the GUI thread, with visible progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from app.services.importing import ImportStep
from app.services.station import open_station
from app.settings import APP_NAME, Settings
from app.ui import format as fmt
from app.ui.background import BackgroundTask, Report, step_text
from app.ui.workers import Runner


class DemoSetup(BackgroundTask):
    def __init__(self, settings: Settings, runner: Runner) -> None:
        text = QApplication.translate("app", "Creating a demo database of {0} invented customers…")
        dialog = QProgressDialog(text.format(fmt.number(settings.demo_customers)), "", 0, 0)
        dialog.setWindowTitle(QApplication.translate("app", "{0}: first start").format(APP_NAME))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(460)
        super().__init__(runner, dialog)
        self.settings = settings

    def run(self) -> None:
        """Make the demo database; returns once it is made (or has failed: `error`)."""
        self.start()
        if not self.runner.synchronous:
            self.dialog.exec()

    def work(self, report: Report) -> None:
        from app.services.importing import make_demo  # only on a first start

        station = open_station(self.settings)
        try:
            make_demo(
                station,
                customers=self.settings.demo_customers,
                seed=1,
                as_of=station.today(),
                progress=report,
            )
        finally:
            station.close()

    def on_progress(self, step: ImportStep) -> None:
        text = step_text(step)
        if text is not None:
            self.dialog.setLabelText(
                QApplication.translate("app", "Creating the demo database\n{0}").format(text)
            )

    def done(self, _: Any) -> None:
        self.dialog.accept()

    def failed(self, _exc: BaseException) -> None:
        self.dialog.reject()

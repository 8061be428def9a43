"""Starting the window: settings, style, a demo database on first start, then the main window."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.policy import PolicyError
from app.domain.staff import Staff
from app.services.audit import os_actor
from app.services.station import (
    CacheCheck,
    Station,
    StoreError,
    check_cache,
    open_station,
    restore_cache,
)
from app.settings import APP_NAME, Settings
from app.ui.crash import install_excepthook
from app.ui.demo_setup import DemoSetup
from app.ui.main_window import MainWindow
from app.ui.platform_check import why_no_window
from app.ui.sign_in import FirstManagerDialog
from app.ui.theme import Looks
from app.ui.translations import Language, install
from app.ui.workers import Runner


def _station_settings() -> Settings | None:
    """The station's settings for what is shown before the window; None when they are
    wrong (said once the station opens)."""
    try:
        return Settings()
    except ValidationError:
        return None


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("io.standing.Standing")
    icon = resources.files("app.resources").joinpath("standing.svg")
    app.setWindowIcon(QIcon(str(icon)))
    app.setStyle("Fusion")  # the one style that draws the dark palette the same everywhere
    settings = _station_settings()
    # the remembered theme and text size, or the station's, until the window follows the system
    (Looks(settings.theme, settings.large_text) if settings else Looks()).apply()
    install(app, settings.language if settings else None)
    return app


def build_window(station: Station, staff: Staff | None = None) -> MainWindow:
    """The main window; with nobody signed in it opens on the sign-in page."""
    return MainWindow(station, staff)


RESTART = 75  # run_gui opens the station afresh (after a restore)
CHECK_BEFORE_WINDOW_BYTES = 64 * 1024 * 1024  # larger caches are checked once the window shows


def recover_if_damaged(settings: Settings) -> bool:
    """A cache failing its integrity check is never silently replaced by an empty one: offer
    the newest good backup. False when the app cannot go on."""
    check = check_cache(settings)
    return check.problem is None or offer_restore(settings, check)


def offer_restore(settings: Settings, check: CacheCheck) -> bool:
    """Ask to restore the newest good backup over a damaged cache; True once restored."""
    if check.backup is None:
        QMessageBox.critical(
            None,
            APP_NAME,
            QApplication.translate(
                "app",
                "The database at {path} is damaged ({problem}) and there is "
                "no good backup to restore. It has been left as it is: ask for help.",
            ).format(path=settings.db_path, problem=check.problem),
        )
        return False
    salvage = check.salvage
    readable, lost = (salvage.readable, salvage.lost) if salvage else (0, 0)
    answer = QMessageBox.question(
        None,
        APP_NAME,
        QApplication.translate(
            "app",
            "The database at {path} is damaged ({problem}).\n\n"
            "Restore the backup {backup} instead? The damaged file is kept aside.\n\n"
            "This station's own records (goodwill, decisions, customers' words, audit, staff) "
            "still readable in it: {readable}; they are carried into the backup. "
            "Records that cannot be read: {lost}.",
        ).format(
            path=settings.db_path,
            problem=check.problem,
            backup=check.backup.name,
            readable=readable,
            lost=lost,
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restored = restore_cache(settings, check.backup, salvage)
    QMessageBox.information(
        None,
        APP_NAME,
        QApplication.translate(
            "app",
            "Restored from {backup}. Records carried over from the damaged file: {saved}; "
            "could not be read: {unreadable}. The damaged file is kept as {aside}.",
        ).format(
            backup=check.backup.name,
            saved=restored.carried.saved,
            unreadable=restored.carried.unreadable,
            aside=restored.aside.name,
        ),
    )
    return True


class BackgroundCheck:
    """A large cache's quick_check, run off the GUI thread once the window is up (it reads
    the whole file); if it fails, the restore is offered and the app starts afresh."""

    def __init__(
        self,
        settings: Settings,
        station: Station,
        window: MainWindow,
        runner: Runner | None = None,
    ) -> None:
        self.settings, self.station, self.window = settings, station, window
        self.runner = runner or Runner()
        self.runner.start(lambda _report: check_cache(settings), self._checked, self._failed)

    def _checked(self, check: CacheCheck) -> None:
        if check.problem is None:
            return
        self.window.setEnabled(False)
        self.station.close()
        if offer_restore(self.settings, check):
            QApplication.exit(RESTART)
        else:
            QApplication.exit(2)

    def _failed(self, exc: BaseException) -> None:
        raise exc  # to the excepthook: logged and shown, never silent


def run_gui(db_path: Path | None = None) -> int:
    problem = why_no_window()
    if problem is not None:  # said in one line, where Qt would abort the process
        print(f"standing: {problem}", file=sys.stderr)
        return 2
    app = create_application()
    install_excepthook()
    while True:
        code = _run_station(app, db_path)
        if code != RESTART:
            return code


def _run_station(app: QApplication, db_path: Path | None) -> int:
    try:
        settings = Settings.for_db(db_path)
    except ValidationError as exc:
        QMessageBox.critical(
            None, APP_NAME, QApplication.translate("app", "Standing cannot start:\n{0}").format(exc)
        )
        return 2
    path = settings.db_path
    large = path.exists() and path.stat().st_size > CHECK_BEFORE_WINDOW_BYTES
    try:
        if not large and not recover_if_damaged(settings):
            return 2
        station = open_station(settings, check=not large)  # checked: now remembered
    except (StoreError, PolicyError) as exc:
        if large and path.exists() and recover_if_damaged(settings):
            return RESTART
        QMessageBox.critical(
            None, APP_NAME, QApplication.translate("app", "Standing cannot start:\n{0}").format(exc)
        )
        return 2
    language = app.findChild(Language)
    if language is not None:
        language.use_policy(station.policy)
    chain = settings.central is not None  # data and staff come by sync, never made here
    if not station.has_data() and not chain:
        station.close()
        setup = DemoSetup(settings, Runner())
        setup.run()
        if setup.error is not None:
            QMessageBox.critical(
                None,
                APP_NAME,
                QApplication.translate("app", "Could not create the demo database:\n{0}").format(
                    setup.error
                ),
            )
            return 1
        station = open_station(settings)
    if not station.staff.has_staff() and not chain:
        first = FirstManagerDialog(station.staff, os_actor())
        if first.exec() != FirstManagerDialog.DialogCode.Accepted:
            station.close()
            return 0
    window = build_window(station)
    window.show()
    window.activateWindow()  # keyboard shortcuts need an active window, even without a WM
    _background = BackgroundCheck(settings, station, window) if large else None
    try:
        return app.exec()
    finally:
        window.deleteLater()
        station.close()

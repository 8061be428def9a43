"""File → Import in the window, the stale-data warning, and the restore offer at start."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.demo import write_demo_export
from app.services.importing import ImportStep, Stage
from app.services.lookup import Freshness
from app.services.station import check_cache
from app.settings import Settings
from app.store.audit import entries
from app.ui.app import recover_if_damaged
from app.ui.import_run import ImportRun
from app.ui.main_window import MainWindow
from app.ui.workers import Runner
from tests.clock import Clock
from tests.conftest import AS_OF
from tests.store.test_protection import damaged_with_backup
from tests.store.test_salvage import damaged_after_records


@pytest.fixture
def summaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The import summaries the window shows, noted instead of opened as dialogs."""
    shown: list[str] = []
    monkeypatch.setattr(ImportRun, "show_summary", lambda run, _parent: shown.append(run.summary))
    return shown


def test_import_from_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, summaries: list[str]
) -> None:
    folder = tmp_path / "export"
    write_demo_export(folder, customers=50, seed=6, as_of=AS_OF)
    (folder / "phones.csv").write_text(
        (folder / "phones.csv").read_text("utf-8") + "C999999,07700 900999,mobile\n", "utf-8"
    )
    run = window.start_import(folder, Runner(synchronous=True))
    assert run is not None and run.report is not None
    assert run.report.files["customers.csv"].imported == 50
    assert run.report.files["phones.csv"].rejected == 1
    assert "phones.csv" in run.summary and "1 rejected" in run.summary
    assert summaries == [run.summary]  # shown to the person who imported
    assert run.report.rejects_file is not None and run.report.rejects_file.exists()
    assert window.import_run is None
    qtbot.keyClicks(window.search, "07700 900123", delay=45)
    assert window.results_model.rowCount() == 2  # the new data shows once committed
    logged = [e.action for e in entries(window.station.db)]
    assert logged.index("import_started") < logged.index("import_finished")


class CancelAtFirstRows(ImportRun):
    """Cancel pressed as soon as the progress bar first moves."""

    def on_progress(self, step: ImportStep) -> None:
        super().on_progress(step)
        if step.stage is not Stage.COUNTING:
            self.cancel()


def test_cancel_leaves_the_data_as_it_was(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    write_demo_export(folder, customers=50, seed=6, as_of=AS_OF)
    before = window.station.lookup.search("07700 900123").matches
    run = CancelAtFirstRows(window.station.settings, folder, Runner(synchronous=True), window)
    run.start()
    assert run.report is None and "cancelled" in run.summary
    assert window.station.lookup.search("07700 900123").matches == before


def test_stale_data_is_flagged(window: MainWindow, clock: Clock) -> None:
    now = clock()
    fresh = Freshness(exported_at=now - timedelta(hours=3), imported_at=now, demo=False)
    window.show_freshness(fresh)
    assert "09:00 today" in window.freshness.text()  # the station's today
    assert "STALE" not in window.freshness.text()
    assert window.freshness.property("stale") is False
    old = Freshness(exported_at=now - timedelta(hours=30), imported_at=now, demo=False)
    window.show_freshness(old)
    assert "STALE" in window.freshness.text() and "30 hours old" in window.freshness.text()
    assert window.freshness.property("stale") is True


def test_a_damaged_cache_at_start_offers_the_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    settings = damaged_after_records(tmp_path, clock, ("purchases",))
    asked: list[str] = []
    told: list[str] = []

    def answer(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    readable = check_cache(settings).salvage
    assert readable is not None and readable.readable > 0
    assert recover_if_damaged(settings) is True
    assert asked and "damaged" in asked[0] and "Restore the backup" in asked[0]
    assert f"still readable in it: {readable.readable};" in asked[0]
    assert "cannot be read: 0." in asked[0]
    # what the backup lacked (a concession, a decision, the words, a staff account, audit)
    assert len(told) == 1 and "Records carried over from the damaged file: " in told[0]
    saved = int(told[0].split("damaged file: ")[1].split(";")[0])
    assert saved >= 5 and "could not be read: 0." in told[0]
    assert recover_if_damaged(Settings(db_path=settings.db_path)) is True  # sound now
    assert len(asked) == 1


class LookUpMidway(ImportRun):
    """On the first progress report (delivered to the GUI thread while the worker imports),
    the clerk looks a customer up."""

    seen: list[str | None]

    def on_progress(self, step: ImportStep) -> None:
        super().on_progress(step)
        window = self.parent()
        if step.file == "purchases.csv" and not self.seen and isinstance(window, MainWindow):
            window.clear()
            window.lookups.submitted("07700 900123")
            self.seen.append(window.card.profile.customer_id if window.card.profile else None)


def test_the_counter_keeps_answering_during_a_threaded_import(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, summaries: list[str]
) -> None:
    folder = tmp_path / "export"
    write_demo_export(folder, customers=400, seed=6, as_of=AS_OF)
    run = LookUpMidway(window.station.settings, folder, Runner(), window)
    run.seen = []
    window.import_run = None
    with qtbot.waitSignal(run.finished, timeout=60_000):
        run.finished.connect(lambda _: window._after_import(run))
        window.import_run = run
        run.start()
    assert run.report is not None, run.summary
    assert summaries and "customers.csv: 400 read" in summaries[0]
    assert run.seen == ["C1"]  # answered from the data as it was, mid-import
    logged = [(e.action, e.customer_id) for e in entries(window.station.db)]
    assert ("lookup", "C1") in logged  # chained once the import let go of the lock
    assert logged.index(("lookup", "C1")) < logged.index(("import_finished", None))
    assert window.station.audit.waiting == 0
    assert window.station.audit.verify().intact


def test_a_large_cache_is_checked_after_the_window_shows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.station import open_station
    from app.ui import app as gui

    settings = damaged_with_backup(tmp_path)
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(gui.QApplication, "exit", lambda code=0: exits.append(code))
    healthy = Settings(db_path=tmp_path / "other" / "s.sqlite3")
    station = open_station(healthy)  # what the window runs on while the check reads the file
    window = MainWindow(station)
    qtbot.addWidget(window)
    gui.BackgroundCheck(settings, station, window, Runner(synchronous=True))
    assert exits == [gui.RESTART]  # restored: the app opens the station afresh
    assert not window.isEnabled()
    assert gui.check_cache(settings).problem is None

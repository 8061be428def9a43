"""Practice on demo data is never handed back upstream once real data replaces it."""

from __future__ import annotations

from pathlib import Path

from app.services.handback import export_handback
from app.services.importing import import_folder, make_demo
from app.services.station import open_station
from app.settings import Settings
from tests.conftest import AS_OF
from tests.hand_export import write_hand_export


def test_demo_records_stay_behind_when_real_data_arrives(tmp_path: Path) -> None:
    station = open_station(Settings(db_path=tmp_path / "s.sqlite3"))
    try:
        make_demo(station, customers=40, seed=3, as_of=AS_OF)
        clerk = station.staff.find("clerk1")
        assert clerk is not None
        practice = station.concessions.record(
            clerk, "C000001", category="lost_ticket", action="waive", value=150, amount=150
        )
        assert practice.status == "recorded"
        import_folder(station, write_hand_export(tmp_path / "real"))
        handed = export_handback(station.db, tmp_path / "out", station.audit, "os:test")
        assert handed.written == 0
        assert not (tmp_path / "out" / "concessions.csv").exists()
        # what is recorded on real data afterwards is handed back as usual
        real = station.concessions.record(
            clerk, "C1", category="lost_ticket", action="waive", value=150, amount=150
        )
        handed = export_handback(station.db, tmp_path / "out", station.audit, "os:test")
        assert handed.written == 1
        assert real.concession_id in (tmp_path / "out" / "concessions.csv").read_text("utf-8")
    finally:
        station.close()

"""Practice on demo data is never handed back upstream once real data replaces it."""

from __future__ import annotations

from pathlib import Path

from app.services.handback import export_handback
from app.services.importing import import_folder, make_demo
from app.services.station import open_station
from app.settings import Settings
from tests.conftest import AS_OF
from tests.hand_export import write_csv, write_hand_export


def test_demo_records_stay_behind_when_real_data_arrives(tmp_path: Path) -> None:
    station = open_station(Settings(db_path=tmp_path / "s.sqlite3"))
    try:
        make_demo(station, customers=40, seed=3, as_of=AS_OF)
        clerk = station.staff.find("clerk1")
        assert clerk is not None
        practice = station.concessions.record(
            clerk, "C000001", category="lost_ticket", action="waive", value=150, amount=150
        )
        asked = station.concessions.record(
            clerk, "C000002", category="delay", action="refund", value=9000, amount=9000
        )
        assert (practice.status, asked.status) == ("recorded", "pending")
        import_folder(station, write_hand_export(tmp_path / "real"))
        handed = export_handback(station.db, tmp_path / "out", station.audit, "os:test")
        assert handed.written == 0
        assert not (tmp_path / "out" / "concessions.csv").exists()
        # the demo staff, whose PINs the README publishes, are gone; the practice is set apart
        assert not station.staff.has_staff()
        assert station.concessions.pending() == []
        assert station.concessions.find(asked.concession_id) is None
        # a real customer with a demo customer's id inherits none of the practice
        write_csv(
            tmp_path / "real2",
            "customers.csv",
            "customer_id,given_name,joined_on\nC000001,Real,2020-01-01\n",
        )
        import_folder(station, tmp_path / "real2")
        assert station.lookup.profile("C000001").recent_concessions == ()
        station.staff.add("clerk1", name="Real Clerk", role="clerk", pin="8642", actor="os:test")
        # what is recorded on real data afterwards is handed back as usual
        real = station.concessions.record(
            clerk, "C1", category="lost_ticket", action="waive", value=150, amount=150
        )
        handed = export_handback(station.db, tmp_path / "out", station.audit, "os:test")
        assert handed.written == 1
        assert real.concession_id in (tmp_path / "out" / "concessions.csv").read_text("utf-8")
    finally:
        station.close()

"""Restoring a backup over a damaged cache carries over what the station recorded after
that backup, as far as the damaged file can be read; the audit chain stays whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.demo import write_demo_export
from app.services.importing import add_demo_staff, import_folder
from app.services.station import Station, check_cache, open_station, restore_cache
from app.settings import Settings
from app.store import audit
from app.store.database import open_database
from tests.clock import Clock
from tests.conftest import AS_OF


def scribble(path: Path, tables: tuple[str, ...]) -> None:
    """Damage every page of these tables (and their indexes), nothing else."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        marks = ",".join("?" * len(tables))
        pages = [
            r[0]
            for r in conn.execute(
                f"SELECT pageno FROM dbstat WHERE name IN ({marks}) OR name IN "
                f"(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks}))",
                [*tables, *tables],
            )
        ]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * size
        data[start + 8 : start + 64] = b"\xff" * 56
    path.write_bytes(bytes(data))


def give(station: Station, staff_id: str, value: int, words: str = "") -> str:
    member = station.staff.find(staff_id)
    assert member is not None
    return station.concessions.record(
        member, "C000001", category="delay", action="voucher", value=value, amount=value,
        words=words,
    ).concession_id  # fmt: skip


def damaged_after_records(tmp_path: Path, clock: Clock, damage: tuple[str, ...]) -> Settings:
    export = tmp_path / "export"
    write_demo_export(export, customers=60, seed=4, as_of=AS_OF)
    settings = Settings(db_path=tmp_path / "data" / "s.sqlite3")
    station = open_station(settings, clock=clock)
    add_demo_staff(station)
    import_folder(station, export)
    asked = give(station, "clerk1", 90_00)  # pending, in the backup the next import takes
    import_folder(station, export)
    # After the backup: records that exist nowhere else.
    clock.advance(minutes=5)
    given = give(station, "clerk1", 5_00, "thank you")
    super1 = station.staff.find("super1")
    assert super1 is not None
    station.concessions.decide(super1, asked)
    station.staff.add("clerk9", name="New Clerk", role="clerk", pin="9191", actor="manager1")
    station.concessions.record_feedback(super1, "C000001", kind="compliment", words="kind staff")
    station.audit.record("clerk1", "lookup", "C000001", "key_type=phone")
    station.close()
    scribble(settings.db_path, damage)
    (tmp_path / "given").write_text(given)
    (tmp_path / "asked").write_text(asked)
    return settings


def test_records_made_after_the_backup_are_carried_over(tmp_path: Path, clock: Clock) -> None:
    settings = damaged_after_records(tmp_path, clock, ("purchases", "customers"))
    check = check_cache(settings)
    assert check.problem is not None and check.backup is not None
    assert check.salvage is not None and check.salvage.lost == 0
    restored = restore_cache(settings, check.backup, check.salvage)
    assert restored.aside.exists()
    carried = restored.carried
    assert carried.added["recorded_concessions"] == 1  # the new one; the decision is applied
    assert carried.added["feedback"] == 1 and carried.added["staff"] == 1
    assert carried.audit_gap is None and carried.unreadable == 0
    station = open_station(settings, clock=clock)
    try:
        given = station.concessions.find((tmp_path / "given").read_text())
        asked = station.concessions.find((tmp_path / "asked").read_text())
        assert given is not None and given.words == "thank you"
        assert asked is not None and asked.status == "approved" and asked.decided_by == "super1"
        assert station.staff.find("clerk9") is not None
        verdict = station.audit.verify()
        assert verdict.intact, verdict.problem
        actions = [e.action for e in audit.entries(station.db)]
        assert actions[-2] == "lookup"  # the last record the damaged cache had written
        assert actions[-1] == "cache_restored"
    finally:
        station.close()


def test_an_unreadable_audit_tail_is_marked_as_a_gap(tmp_path: Path, clock: Clock) -> None:
    settings = damaged_after_records(tmp_path, clock, ("audit_log",))
    check = check_cache(settings)
    assert check.backup is not None and check.salvage is not None
    restored = restore_cache(settings, check.backup, check.salvage)
    assert restored.carried.added["recorded_concessions"] == 1
    assert restored.carried.audit_gap is not None
    db = open_database(settings.db_path)
    try:
        assert audit.verify(db).intact
        gaps = [e for e in audit.entries(db) if e.action == "audit_gap"]
        first, last = restored.carried.audit_gap
        assert len(gaps) == 1 and f"records {first}-{last}" in gaps[0].detail
    finally:
        db.close()


def test_a_backup_follows_a_record_at_most_once_an_hour(tmp_path: Path, clock: Clock) -> None:
    import os

    from app.store.protection import list_backups

    station = open_station(Settings(db_path=tmp_path / "s.sqlite3"), clock=clock)
    try:
        first = station.backup_if_due()
        assert first is not None and list_backups(station.settings.db_path) == [first]
        assert station.backup_if_due() is None  # one a minute ago: not yet
        hour_ago = first.stat().st_mtime - 3601
        os.utime(first, (hour_ago, hour_ago))
        second = station.backup_if_due()
        assert second is not None and second != first
    finally:
        station.close()

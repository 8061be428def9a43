"""Imports on real, messy exports: rejects counted exactly, and never half an import
(cancel, a full disk, SIGKILL), with lookups answering throughout."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.demo import write_demo_export
from app.domain.import_context import ImportContext
from app.services.importing import import_folder
from app.services.station import Station, open_station
from app.settings import Settings
from app.store.database import open_database
from app.store.export_files import ExportError
from app.store.importer import ImportCancelledError, ImportStep, import_export
from app.store.protection import quick_check
from tests.conftest import AS_OF
from tests.store.conftest import dump

LONG_NOTE = "x" * 200_000  # longer than the csv module's default field limit


def write_bytes(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def messy_export(folder: Path) -> Path:
    """What real exports contain: a BOM, CRLF, quoted commas and quotes, an extra column,
    a very long field, and a bad row of each kind."""
    customers = (
        "\ufeffcustomer_id,given_name,family_name,joined_on,notes,legacy_code\r\n"
        'M1,"Ann, the elder","O""Neil",2020-01-01,"said ""thanks"", twice",L1\r\n'
        f"M2,Bob,Long,2021-02-02,{LONG_NOTE},L2\r\n"
        "M3,Cat,Bad,2021-13-01,,L3\r\n"  # no 13th month
        "M4,,NoName,2021-01-01,,L4\r\n"  # a required value left blank
        "M5,Dan,Extra,2021-01-01,,L5,surplus\r\n"  # more values than columns
        "M6,Eve,Fine,2022-03-03,,L6\r\n"
    )
    write_bytes(folder, "customers.csv", customers.encode("utf-8"))
    phones = (
        "customer_id,phone,label\r\n"
        "M1,07700 900001,mobile\r\n"
        "M1,4111 1111 1111 1111,home\r\n"  # a payment card number, never repeated
        "M9,07700 900009,mobile\r\n"  # unknown customer: rejected, not invented
        "M3,07700 900003,mobile\r\n"  # its customer was rejected
        "M6,not a phone,mobile\r\n"
    )
    write_bytes(folder, "phones.csv", phones.encode("utf-8"))
    purchases = (
        "purchase_id,customer_id,purchased_at,amount\n"
        "P1,M1,2026-01-01T10:00:00Z,12.50\n"
        "P2,M1,2026-01-02T10:00:00Z,twelve\n"
        "P3,M2,2026-01-03T10:00:00Z,1.005\n"
        "P4,M6,yesterday,3.00\n"
        "P5,M6,2026-01-05T10:00:00Z,-2.00\n"
    )
    write_bytes(folder, "purchases.csv", purchases.encode("utf-8"))
    return folder


def read_rejects(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text("utf-8").splitlines()))


def test_a_messy_export_is_counted_exactly(db: Database, tmp_path: Path) -> None:
    folder = messy_export(tmp_path / "messy")
    report = import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    counts = {n: (f.read, f.imported, f.unchanged, f.rejected) for n, f in report.files.items()}
    assert counts == {
        "customers.csv": (6, 3, 0, 3),
        "phones.csv": (5, 1, 0, 4),
        "purchases.csv": (5, 2, 0, 3),
    }
    assert report.rejects_file == tmp_path / "rejects.csv"
    found = read_rejects(report.rejects_file)
    assert [(r["file"], r["line"], r["field"]) for r in found] == [
        ("customers.csv", "4", "joined_on"),
        ("customers.csv", "5", "given_name"),
        ("customers.csv", "6", "row"),
        ("phones.csv", "3", "phone"),
        ("phones.csv", "4", "customer_id"),
        ("phones.csv", "5", "customer_id"),
        ("phones.csv", "6", "phone"),
        ("purchases.csv", "3", "amount"),
        ("purchases.csv", "4", "amount"),
        ("purchases.csv", "5", "purchased_at"),
    ]
    assert all(r["reason"] for r in found)
    assert "4111" not in report.rejects_file.read_text("utf-8")
    assert found[3]["value"] == "(a payment card number, not shown)"
    assert any("legacy_code" in w for w in report.warnings)
    m1 = db.execute("SELECT given_name, family_name, notes FROM customers WHERE customer_id='M1'")
    assert m1.fetchone() == ("Ann, the elder", 'O"Neil', 'said "thanks", twice')
    note = db.execute("SELECT notes FROM customers WHERE customer_id = 'M2'").fetchone()[0]
    assert note == LONG_NOTE
    again = import_export(db, folder, ImportContext(), rejects=tmp_path / "again.csv")
    assert {n: (f.imported, f.unchanged, f.rejected) for n, f in again.files.items()} == {
        "customers.csv": (0, 3, 3),
        "phones.csv": (0, 1, 4),
        "purchases.csv": (0, 2, 3),
    }


def test_a_clean_import_writes_no_rejects_report(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "clean"
    write_bytes(folder, "customers.csv", b"customer_id,given_name,joined_on\nK1,Kim,2020-01-01\n")
    report = import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    assert report.rejected == 0 and report.rejects_file is None
    assert not (tmp_path / "rejects.csv").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_rejects_sent_to_a_pipe_or_device_are_written_to_it_not_over_it(
    db: Database, tmp_path: Path
) -> None:
    """`--rejects /dev/null` (or a pipe) is written as it is: never unlinked or replaced."""
    folder = tmp_path / "bad"
    write_bytes(folder, "customers.csv", b"customer_id,given_name,joined_on\nK1,Kim,not-a-date\n")
    pipe = tmp_path / "rejects.pipe"
    os.mkfifo(pipe)
    heard: list[str] = []
    reader = threading.Thread(target=lambda: heard.append(pipe.read_text("utf-8")), daemon=True)
    reader.start()
    report = import_export(db, folder, ImportContext(), rejects=pipe)
    reader.join(timeout=10)
    assert report.rejected == 1 and report.rejects_file == pipe
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file put in its place
    assert "K1" in heard[0] or "joined_on" in heard[0]


def test_a_cancelled_import_changes_nothing(
    imported: tuple[Database, object], tmp_path: Path
) -> None:
    db, _ = imported
    folder = tmp_path / "more"
    write_demo_export(folder, customers=60, seed=5, as_of=AS_OF)
    before = dump(db, meta=True)

    def cancel(step: ImportStep) -> None:
        if step.file == "purchases.csv":
            raise ImportCancelledError

    with pytest.raises(ImportCancelledError):
        import_export(db, folder, ImportContext(), progress=cancel)
    assert dump(db, meta=True) == before


def test_a_full_disk_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "full.sqlite3")
    small = tmp_path / "small"
    write_demo_export(small, customers=20, seed=2, as_of=AS_OF)
    import_export(db, small, ImportContext())
    before = dump(db, meta=True)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 20}")  # a disk with 80 KB to spare
    big = tmp_path / "big"
    write_demo_export(big, customers=400, seed=3, as_of=AS_OF)
    with pytest.raises(ExportError, match="disk is full"):
        import_export(db, big, ImportContext())
    assert dump(db, meta=True) == before
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()


def test_lookups_answer_during_an_import(tmp_path: Path, hand_station: Station) -> None:
    """A second connection keeps answering, from the data as it was, until the commit."""
    reader = open_station(hand_station.settings, clock=hand_station.clock)
    folder = tmp_path / "demo"
    write_demo_export(folder, customers=80, seed=4, as_of=AS_OF)
    seen: list[tuple[ImportStep, int]] = []

    def look(step: ImportStep) -> None:
        result = reader.lookup.search("07700 900123")
        seen.append((step, len(result.matches)))

    try:
        import_folder(hand_station, folder, progress=look)
        assert seen and all(count == 1 for _, count in seen)
        after = reader.lookup.search("07700 900123").matches
        assert sorted(m.customer_id for m in after) == ["C000001", "C1"]  # once committed
    finally:
        reader.close()


def test_an_import_killed_mid_way_leaves_the_cache_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "kill.sqlite3"
    station = open_station(Settings(db_path=path))
    small = tmp_path / "small"
    write_demo_export(small, customers=30, seed=2, as_of=AS_OF)
    import_folder(station, small)
    before = dump(station.db, meta=True)
    station.close()
    big = tmp_path / "big"
    write_demo_export(big, customers=400, seed=9, as_of=AS_OF)
    # The child imports and, well into writing (purchases done, summaries next), says so and
    # waits to be killed: the kill always lands inside the import's transaction.
    child_code = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from app.services.importing import import_folder\n"
        "from app.services.station import open_station\n"
        "from app.settings import Settings\n"
        "station = open_station(Settings(db_path=Path(sys.argv[1])))\n"
        "def progress(step):\n"
        "    if step.stage.value == 'summing':\n"
        "        print('WRITING', flush=True)\n"
        "        threading.Event().wait()\n"
        "import_folder(station, Path(sys.argv[2]), progress=progress)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", child_code, str(path), str(big)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "WRITING"
    assert child.poll() is None  # inside the import's transaction, every row written to it
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert quick_check(path) is None
    station = open_station(Settings(db_path=path))
    try:
        assert dump(station.db, meta=True) == before
    finally:
        station.close()


def test_every_import_is_backed_up_first_keeping_three(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    station = open_station(Settings(db_path=path))
    folder = tmp_path / "x"
    write_demo_export(folder, customers=20, seed=2, as_of=AS_OF)
    try:
        first = import_folder(station, folder)
        assert first.backup is None  # nothing to keep yet
        backups = [import_folder(station, folder).backup for _ in range(4)]
    finally:
        station.close()
    kept = sorted((tmp_path / "backups").glob("*.sqlite3"))
    assert len(kept) == 3 and set(kept) == {b for b in backups[1:] if b}
    for backup in kept:
        assert quick_check(backup) is None
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 20

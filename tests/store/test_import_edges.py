"""Edges real exports have: stray quotes, short and padded rows, card numbers in odd places;
and what a failed or cancelled import must leave behind (nothing)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.demo import write_demo_export
from app.domain.import_context import ImportContext
from app.services.importing import import_folder
from app.services.station import Station, open_station
from app.settings import Settings
from app.store.database import get_meta
from app.store.export_files import ExportError
from app.store.importer import import_export
from app.store.protection import list_backups, quick_check
from tests.conftest import AS_OF, write_csv

HEADER = "customer_id,given_name,joined_on,notes\n"


def run(
    db: Database, folder: Path, tmp_path: Path
) -> tuple[dict[str, tuple[int, ...]], list[list[str]]]:
    report = import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    found = []
    if report.rejects_file is not None:
        found = list(csv.reader(report.rejects_file.read_text("utf-8").splitlines()))[1:]
    counts = {n: (f.read, f.imported, f.unchanged, f.rejected) for n, f in report.files.items()}
    for read, imported, unchanged, rejected in counts.values():
        assert read == imported + unchanged + rejected
    return counts, found


def test_a_stray_quote_rejects_its_row_and_reading_goes_on(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_csv(
        folder,
        "customers.csv",
        HEADER + 'A1,Ann,2020-01-01,ok\nA2,Bo,2020-01-01,"say "hi" now"\nA3,Cy,2020-01-01,\n'
        "A4,Di,2020-01-01,fine\n",
    )
    counts, found = run(db, folder, tmp_path)
    assert counts["customers.csv"] == (4, 3, 0, 1)
    assert [r[:3] for r in found] == [["customers.csv", "3", "row"]]


def test_row_widths(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_csv(
        folder,
        "customers.csv",
        HEADER + "B1,Ann,2020-01-01,note,,\n"  # a spreadsheet's trailing commas: fine
        "B2,Bo,2020-01-01\n"  # a short row would blank the fields it lacks: rejected
        ",,,\n"  # a row of only commas: not a row
        "B3,Cy,2020-01-01,x,surplus\n",  # a value with no column: rejected
    )
    counts, found = run(db, folder, tmp_path)
    assert counts["customers.csv"] == (3, 1, 0, 2)
    assert [(r[1], r[4]) for r in found] == [
        ("3", "3 values for 4 columns"),
        ("5", "5 values for 4 columns"),
    ]


def test_card_numbers_never_reach_the_cache_or_the_report(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_csv(
        folder,
        "customers.csv",
        HEADER + 'C1,Ann,2020-01-01,"paid with 4111 1111 1111 1111"\n',
    )
    write_csv(
        folder,
        "cards.csv",
        "card_number,customer_id\n4111111111111111,C1\n633700001111,C1\n",
    )
    write_csv(
        folder,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\nP1,C1,2026-01-01T10:00:00Z,"
        "4111111111111111\n",
    )
    write_csv(folder, "phones.csv", "customer_id,phone\nC1,card 4111 1111 1111 1111\n")
    counts, found = run(db, folder, tmp_path)
    assert counts["cards.csv"] == (2, 1, 0, 1)
    assert [(r[0], r[2]) for r in found] == [
        ("phones.csv", "phone"),
        ("cards.csv", "card_number"),
        ("purchases.csv", "amount"),
    ]
    assert "payment card" in found[1][4]
    report_text = (tmp_path / "rejects.csv").read_text("utf-8")
    assert "4111" not in report_text
    assert len(found) == 3
    dumped = "\n".join(
        str(r) for t in ("customers", "cards") for r in db.execute(f"SELECT * FROM {t}")
    )
    assert "4111" not in dumped


def test_an_import_refused_whole_leaves_no_report(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_csv(folder, "customers.csv", HEADER + "D1,Ann,not-a-date,\n")
    write_csv(folder, "purchases.csv", "purchase_id,customer_id,amount\nP1,D1,1.00\n")  # no time
    with pytest.raises(ExportError, match="required column purchased_at"):
        import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    assert not list(tmp_path.glob("rejects.csv*"))


def test_a_clean_run_removes_an_old_report_of_the_same_name(db: Database, tmp_path: Path) -> None:
    (tmp_path / "rejects.csv").write_text("file,line\nold,1\n", "utf-8")
    folder = tmp_path / "x"
    write_csv(folder, "customers.csv", HEADER + "E1,Ann,2020-01-01,\n")
    report = import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    assert report.rejects_file is None and not (tmp_path / "rejects.csv").exists()


def test_all_rows_rejected_does_not_make_the_data_look_fresher(
    db: Database, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    write_csv(first, "customers.csv", HEADER + "F1,Ann,2020-01-01,\n")
    import_export(db, first, ImportContext())
    before = get_meta(db, "exported_at")
    bad = tmp_path / "bad"
    write_csv(bad, "customers.csv", HEADER + "F2,Bo,never,\n")
    run(db, bad, tmp_path)
    assert get_meta(db, "exported_at") == before


def test_a_failed_import_keeps_the_older_backups(hand_station: Station, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_demo_export(folder, customers=20, seed=2, as_of=AS_OF)
    for _ in range(3):
        import_folder(hand_station, folder)
    kept = list_backups(hand_station.settings.db_path)
    assert len(kept) == 3
    (folder / "customers.csv").write_text("customer_id\nZ1\n", "utf-8")  # columns missing
    with pytest.raises(ExportError):
        import_folder(hand_station, folder)
    assert list_backups(hand_station.settings.db_path) == kept


@pytest.mark.parametrize("name", ["with%20percent", "with#hash", "with?question"])
def test_quick_check_reads_any_path(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    settings = Settings(db_path=folder / "s.sqlite3")
    open_station(settings).close()
    assert quick_check(settings.db_path) is None
    settings.db_path.write_bytes(b"not a database at all" * 100)
    assert quick_check(settings.db_path) is not None


def test_a_damaged_database_on_the_command_line_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from tests.store.test_protection import damaged_with_backup

    settings = damaged_with_backup(tmp_path)
    assert main(["lookup", "07700 900123", "--db", str(settings.db_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_header_names_as_people_write_them(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    write_csv(
        folder,
        "customers.csv",
        "Customer ID,Given-Name,JOINED_ON,notes,Notes\nH1,Ann,2020-01-01,first,second\n",
    )
    report = import_export(db, folder, ImportContext())
    assert report.files["customers.csv"].imported == 1
    assert db.execute("SELECT notes FROM customers WHERE customer_id = 'H1'").fetchone() == (
        "second",
    )
    assert any("'notes' appears twice" in w for w in report.warnings)


def test_a_repeated_id_is_reported_with_both_lines_and_the_last_row_wins(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "x"
    write_csv(
        folder,
        "customers.csv",
        HEADER + "D1,Ann,2020-01-01,first\nD2,Bo,2020-01-01,\nD1,Anna,2020-01-01,second\n",
    )
    write_csv(
        folder,
        "phones.csv",
        "customer_id,phone,label\nD1,07700 900123,home\nD1,+44 7700 900123,mobile\n",
    )
    report = import_export(db, folder, ImportContext())
    assert (
        "customers.csv: customer_id 'D1' is on line 2 and again on line 4; the row on line 4 "
        "is kept" in report.warnings
    )
    assert (
        "phones.csv: customer_id and phone 'D1 +447700900123' is on line 2 and again on line 3; "
        "the row on line 3 is kept" in report.warnings
    )
    name, notes = db.execute(
        "SELECT given_name, notes FROM customers WHERE customer_id = 'D1'"
    ).fetchone()
    assert (name, notes) == ("Anna", "second")
    assert db.execute("SELECT label FROM phones").fetchall() == [("mobile",)]


def test_repeats_are_listed_up_to_twenty_then_counted(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    rows = "".join(f"E{n},Ann,2020-01-01,\nE{n},Ann,2020-01-01,again\n" for n in range(25))
    write_csv(folder, "customers.csv", HEADER + rows)
    report = import_export(db, folder, ImportContext())
    repeats = [w for w in report.warnings if "again on line" in w]
    assert len(repeats) == 20
    assert "customers.csv: 5 more ids are repeated" in report.warnings

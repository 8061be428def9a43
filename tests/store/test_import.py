"""Importing an export: what is stored, summaries, idempotence, upserts, and faults."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.domain.import_context import ImportContext
from app.services.station import Station
from app.store.database import get_meta, open_database
from app.store.export_files import ExportError
from app.store.importer import ImportReport, ImportStep, Stage, import_export
from app.store.queries import name_query
from tests.conftest import write_csv
from tests.store.conftest import FILES, dump, rows, utc, write_export
from tests.store.test_queries import hits

Imported = tuple[Database, ImportReport]


# --- What is stored -----------------------------------------------------------------------


def test_report(imported: Imported) -> None:
    _, report = imported
    read = {name: (f.read, f.imported) for name, f in report.files.items()}
    assert read == {
        "customers.csv": (4, 4),
        "phones.csv": (6, 6),
        "cards.csv": (4, 4),
        "purchases.csv": (7, 7),
        "interactions.csv": (5, 5),
        "concessions.csv": (2, 2),
    }
    assert report.rows == 28
    assert report.warnings == []
    # the newest updated_at is when the data was exported
    assert report.exported_at == datetime(2026, 11, 22, 18, tzinfo=UTC)
    assert report.imported_at is not None


def test_meta(imported: Imported) -> None:
    db, report = imported
    assert get_meta(db, "exported_at") == "2026-11-22T18:00:00+00:00"
    assert report.imported_at is not None
    assert get_meta(db, "imported_at") == report.imported_at.isoformat()
    assert get_meta(db, "demo") is None


def test_demo_flag(db: Database, export: Path) -> None:
    import_export(db, export, ImportContext(), demo=True)
    assert get_meta(db, "demo") == "1"
    import_export(db, export, ImportContext(), demo=False)
    assert get_meta(db, "demo") == "0"


def test_customers_stored(imported: Imported) -> None:
    db, _ = imported
    assert rows(
        db,
        "SELECT customer_id, given_name, family_name, email, email_folded, joined_on, "
        "household_id, status, referrals, preferences, notes, updated_at, search_words "
        "FROM customers ORDER BY customer_id",
    ) == [
        (
            "C1",
            "Zoë",
            "Smith-Jones",
            "Zoe.Smith@Example.com",
            "zoe.smith@example.com",
            "2021-03-14",
            "H1",
            "active",
            2,
            "quiet coach",
            None,
            "2026-11-22T18:00:00+00:00",
            "zoe smith jones smithjones",
        ),
        (
            "C2",
            "Łukasz",
            "Nowak",
            "lukasz@example.org",
            "lukasz@example.org",
            "2019-06-01",
            "H1",
            "active",
            0,
            None,
            None,
            None,
            "lukasz nowak",
        ),
        (
            "C3",
            "Siobhán",
            "O'Brien",
            None,
            None,
            "2026-11-01",
            None,
            "closed",
            0,
            None,
            "likes, commas",
            None,
            "siobhan o brien obrien",
        ),
        (
            "C4",
            "Ann",
            "Example",
            "ann@example.com",
            "ann@example.com",
            "2015-01-10",
            None,
            "active",
            0,
            None,
            None,
            None,
            "ann example",
        ),
    ]


def test_name_words_stored(imported: Imported) -> None:
    db, _ = imported
    assert rows(db, "SELECT word, customer_id FROM name_words ORDER BY customer_id, word") == [
        ("jones", "C1"),
        ("smith", "C1"),
        ("smithjones", "C1"),
        ("zoe", "C1"),
        ("lukasz", "C2"),
        ("nowak", "C2"),
        ("brien", "C3"),
        ("o", "C3"),
        ("obrien", "C3"),
        ("siobhan", "C3"),
        ("ann", "C4"),
        ("example", "C4"),
    ]


def test_phones_stored_as_e164_with_reversed_digits(imported: Imported) -> None:
    db, _ = imported
    assert rows(db, "SELECT customer_id, e164, label, reversed FROM phones ORDER BY 1, 2") == [
        ("C1", "+442079460018", "home", "810064970244"),
        ("C1", "+447700900123", "mobile", "321009007744"),
        ("C2", "+447700900456", "mobile", "654009007744"),
        ("C3", "+447700900789", "mobile", "987009007744"),
        ("C4", "+33612345678", "mobile", "87654321633"),
        ("C4", "+447700911123", "work", "321119007744"),
    ]


def test_cards_stored(imported: Imported) -> None:
    db, _ = imported
    assert rows(db, "SELECT * FROM cards ORDER BY card_number") == [
        ("633700001111", "C1", "loyalty", "active", "2021-03-14"),
        ("633700002222", "C1", "loyalty", "lost", "2019-01-01"),
        ("633700003333", "C2", "loyalty", "replaced", "2019-06-01"),
        ("633700004444", "C3", None, "active", None),
    ]


def test_purchases_stored_in_minor_units_and_epoch_seconds(imported: Imported) -> None:
    db, _ = imported
    assert rows(
        db,
        "SELECT purchase_id, customer_id, purchased_at, amount, channel, product_line, location "
        "FROM purchases ORDER BY purchase_id",
    ) == [
        ("P1", "C1", utc(2025, 6, 1, 10), 10000, "web", "rail", "Leeds"),
        ("P2", "C1", utc(2026, 1, 15, 12), 2550, "counter", "rail", "Leeds"),
        ("P3", "C1", utc(2026, 7, 1, 8, 30), 4000, "counter", "food", "York"),  # BST
        ("P4", "C1", utc(2026, 7, 5, 9), -1025, "counter", "food", "York"),
        ("P5", "C2", utc(2024, 2, 29, 8), 120000, "web", "rail", None),
        ("P6", "C2", utc(2026, 11, 20, 17, 45), 99, None, None, None),
        ("P7", "C4", utc(2010, 5, 4, 23), 500, None, None, None),  # local midnight, BST
    ]
    assert utc(2026, 1, 15, 12) == 1768478400  # one value checked by hand too


def test_interactions_and_concessions_stored(imported: Imported) -> None:
    db, _ = imported
    assert rows(
        db,
        "SELECT interaction_id, customer_id, occurred_at, kind, summary FROM interactions "
        "ORDER BY interaction_id",
    ) == [
        ("I1", "C1", utc(2026, 2, 1, 10), "complaint", "late train"),
        ("I2", "C1", utc(2026, 3, 1, 10), "compliment", None),
        ("I3", "C2", utc(2026, 5, 1, 10), "complaint", "queue, long"),
        ("I4", "C2", utc(2025, 1, 1, 10), "complaint", "old"),
        ("I5", "C2", utc(2026, 6, 1, 10), "enquiry", None),
    ]
    assert rows(
        db,
        "SELECT concession_id, customer_id, granted_at, value, kind FROM concessions "
        "ORDER BY concession_id",
    ) == [
        ("K1", "C1", utc(2026, 2, 1, 11), 150, "waiver"),
        ("K2", "C2", utc(2026, 5, 1, 11), 1000, "voucher"),
    ]


SUMMARY_FIGURES = (
    "SELECT customer_id, lifetime_value, gross_value, purchase_count, first_purchase_at, "
    "last_purchase_at, last_activity_at, complaints_total, concessions_total, card_status "
    "FROM summary ORDER BY customer_id"
)


def test_summary_matches_a_hand_computation(imported: Imported) -> None:
    db, _ = imported
    assert rows(db, SUMMARY_FIGURES) == [
        # C1: 100.00 + 25.50 + 40.00 - 10.25 = 155.25; the refund is activity, not a purchase
        (
            "C1",
            15525,
            16550,
            3,
            utc(2025, 6, 1, 10),
            utc(2026, 7, 1, 8, 30),
            utc(2026, 7, 5, 9),
            1,
            1,
            "active",  # the active card, not the newer lost one
        ),
        # C2: 1,200.00 + 0.99; the "Complaint" of 2025 counts too
        (
            "C2",
            120099,
            120099,
            2,
            utc(2024, 2, 29, 8),
            utc(2026, 11, 20, 17, 45),
            utc(2026, 11, 20, 17, 45),
            2,
            1,
            "replaced",
        ),
        # C3: no purchases at all
        ("C3", 0, 0, 0, None, None, None, 0, 0, "active"),
        (
            "C4",
            500,
            500,
            1,
            utc(2010, 5, 4, 23),
            utc(2010, 5, 4, 23),
            utc(2010, 5, 4, 23),
            0,
            0,
            None,  # no card
        ),
    ]


def test_summary_keeps_what_a_list_shows_and_the_spend_as_of_the_export_day(
    imported: Imported,
) -> None:
    db, _ = imported
    # The export's newest update is 22 Nov 2026 (London): its 12 months start on 23 Nov 2025.
    start, end = utc(2025, 11, 23), utc(2026, 11, 23)
    assert rows(
        db,
        "SELECT customer_id, given_name, family_name, status, spend_12m, spend_12m_from, "
        "spend_12m_until, first_in_12m_at FROM summary ORDER BY customer_id",
    ) == [
        # C1: 25.50 + 40.00 - 10.25 inside the window; the 2025-06 purchase is older
        ("C1", "Zoë", "Smith-Jones", "active", 5525, start, end, utc(2026, 1, 15, 12)),
        ("C2", "Łukasz", "Nowak", "active", 99, start, end, utc(2026, 11, 20, 17, 45)),
        ("C3", "Siobhán", "O'Brien", "closed", 0, start, end, None),
        ("C4", "Ann", "Example", "active", 0, start, end, None),
    ]


def test_households_match_a_hand_computation(imported: Imported) -> None:
    db, _ = imported
    assert rows(db, "SELECT * FROM households") == [
        ("H1", 2, 15525 + 120099, utc(2026, 11, 20, 17, 45)),
    ]


# --- Idempotence and upserts --------------------------------------------------------------


def test_reimporting_the_same_folder_changes_nothing(imported: Imported, export: Path) -> None:
    db, first = imported
    before = dump(db)
    report = import_export(db, export, ImportContext())
    assert dump(db) == before
    assert report.rows == 0
    assert {n: (f.read, f.unchanged) for n, f in report.files.items()} == {
        n: (f.read, f.read) for n, f in first.files.items()
    }
    assert get_meta(db, "exported_at") == "2026-11-22T18:00:00+00:00"


def test_an_updated_customer_is_upserted(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    before = dump(db)
    before_figures = rows(db, SUMMARY_FIGURES)
    update = write_csv(
        tmp_path / "update",
        "customers.csv",
        """
customer_id,given_name,family_name,email,joined_on,household_id,referrals
C1,Zoe,Walker,zoe.walker@example.com,2021-03-14,H1,3
""",
    )
    import_export(db, update.parent, ImportContext())
    assert rows(
        db,
        "SELECT given_name, family_name, email_folded, referrals, search_words, preferences "
        "FROM customers WHERE customer_id = 'C1'",
    ) == [("Zoe", "Walker", "zoe.walker@example.com", 3, "zoe walker", None)]
    assert rows(db, "SELECT word FROM name_words WHERE customer_id = 'C1' ORDER BY word") == [
        ("walker",),
        ("zoe",),
    ]
    assert hits(db, name_query(["smith"], 20)) == []
    assert hits(db, name_query(["jones"], 20)) == []
    assert [h.customer_id for h in hits(db, name_query(["walker"], 20))] == ["C1"]
    after = dump(db)
    # nothing else moved: other customers, purchases, summaries
    for table in ("phones", "cards", "purchases", "interactions", "concessions"):
        assert after[table] == before[table], table
    assert rows(db, SUMMARY_FIGURES) == before_figures
    others = [r for r in after["summary"] if r[0] != "C1"]
    assert others == [r for r in before["summary"] if r[0] != "C1"]
    assert rows(db, "SELECT given_name, family_name FROM summary WHERE customer_id = 'C1'") == [
        ("Zoe", "Walker")
    ]
    assert [r for r in after["customers"] if r[0] != "C1"] == [
        r for r in before["customers"] if r[0] != "C1"
    ]


def test_a_customer_repeated_in_one_file_keeps_only_the_last_name(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "repeat"
    write_csv(
        folder,
        "customers.csv",
        """
customer_id,given_name,family_name,joined_on
C1,Bob,Baker,2021-03-14
C1,Carl,Cooper,2021-03-14
""",
    )
    import_export(db, folder, ImportContext())
    assert rows(db, "SELECT given_name, search_words FROM customers") == [("Carl", "carl cooper")]
    assert rows(db, "SELECT word FROM name_words ORDER BY word") == [("carl",), ("cooper",)]
    assert hits(db, name_query(["bob"], 20)) == []


def test_updated_purchase_amount_refreshes_the_summary(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = tmp_path / "update"
    write_csv(
        folder,
        "purchases.csv",
        """
purchase_id,customer_id,purchased_at,amount
P2,C1,2026-01-15T12:00:00,30.00
P3,C1,2026-08-01T09:30:00,40
P8,C3,2026-11-02T09:00:00Z,12.00
""",
    )
    import_export(db, folder, ImportContext())
    assert rows(db, "SELECT amount FROM purchases WHERE purchase_id = 'P2'") == [(3000,)]
    assert rows(db, "SELECT purchased_at FROM purchases WHERE purchase_id = 'P3'") == [
        (utc(2026, 8, 1, 8, 30),)
    ]
    assert rows(db, "SELECT count(*) FROM purchases") == [(8,)]
    assert rows(
        db, "SELECT last_purchase_at, last_activity_at FROM summary WHERE customer_id = 'C1'"
    ) == [(utc(2026, 8, 1, 8, 30), utc(2026, 8, 1, 8, 30))]
    summary = dict(
        (r[0], r[1:4])
        for r in rows(
            db, "SELECT customer_id, lifetime_value, gross_value, purchase_count FROM summary"
        )
    )
    assert summary["C1"] == (15525 + 450, 16550 + 450, 3)
    assert summary["C3"] == (1200, 1200, 1)
    assert rows(db, "SELECT lifetime_value FROM households WHERE household_id = 'H1'") == [
        (15525 + 450 + 120099,)
    ]


def test_a_purchase_moved_to_another_customer_leaves_no_stale_summary(
    imported: Imported, tmp_path: Path
) -> None:
    db, _ = imported
    folder = tmp_path / "move"
    write_csv(
        folder,
        "purchases.csv",
        """
purchase_id,customer_id,purchased_at,amount
P2,C4,2026-01-15T12:00:00,25.50
""",
    )
    import_export(db, folder, ImportContext())
    lifetime = dict(rows(db, "SELECT customer_id, lifetime_value FROM summary"))
    assert lifetime["C4"] == 500 + 2550
    assert lifetime["C1"] == 15525 - 2550  # P2 no longer belongs to C1
    assert rows(db, "SELECT lifetime_value FROM households WHERE household_id = 'H1'") == [
        (15525 - 2550 + 120099,)
    ]


def test_a_card_moved_to_another_customer_leaves_no_stale_card_status(
    imported: Imported, tmp_path: Path
) -> None:
    db, _ = imported
    folder = tmp_path / "move-card"
    write_csv(folder, "cards.csv", "card_number,customer_id,status\n633700004444,C4,active\n")
    import_export(db, folder, ImportContext())
    statuses = dict(rows(db, "SELECT customer_id, card_status FROM summary"))
    assert statuses["C4"] == "active"
    assert statuses["C3"] is None  # its only card went to C4


def test_rows_for_existing_customers_may_come_without_the_customers_file(
    imported: Imported, tmp_path: Path
) -> None:
    db, _ = imported
    folder = tmp_path / "phones-only"
    write_csv(folder, "phones.csv", "customer_id,phone\nC3,07700 900999\n")
    report = import_export(db, folder, ImportContext())
    assert report.rows == 1
    assert ("C3", "+447700900999") in rows(db, "SELECT customer_id, e164 FROM phones")


def test_same_phone_in_another_format_is_one_row(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = tmp_path / "relabel"
    write_csv(folder, "phones.csv", "customer_id,phone,label\nC1,+44 7700 900123,work\n")
    import_export(db, folder, ImportContext())
    assert rows(db, "SELECT e164, label FROM phones WHERE customer_id = 'C1' ORDER BY 1") == [
        ("+442079460018", "home"),
        ("+447700900123", "work"),
    ]


# --- Faults: a clear message, and nothing changed -----------------------------------------


def rejected(db: Database, folder: Path, tmp_path: Path) -> tuple[ImportReport, list[list[str]]]:
    """Import with a rejects report; the report and the rejects' (file, line, field, value,
    reason) rows."""
    report = import_export(db, folder, ImportContext(), rejects=tmp_path / "rejects.csv")
    path = report.rejects_file
    found = [] if path is None else list(csv.reader(path.read_text("utf-8").splitlines()))[1:]
    assert report.rejected == len(found)
    for file in report.files.values():
        assert file.read == file.imported + file.unchanged + file.rejected
    return report, found


def assert_refused(db: Database, folder: Path) -> ExportError:
    before = dump(db, meta=True)
    with pytest.raises(ExportError) as info:
        import_export(db, folder, ImportContext())
    assert dump(db, meta=True) == before
    return info.value


def good_files_plus(folder: Path, name: str, text: str) -> Path:
    """A folder with a new good customer (C5) and purchase, plus one faulty file."""
    write_csv(
        folder,
        "customers.csv",
        "customer_id,given_name,joined_on,household_id\nC5,Eve,2026-01-01,H1\n",
    )
    write_csv(
        folder,
        "cards.csv",
        "card_number,customer_id,status\n633700005555,C5,active\n633700001111,C1,lost\n",
    )
    if name != "purchases.csv":
        write_csv(
            folder,
            "purchases.csv",
            "purchase_id,customer_id,purchased_at,amount\nP9,C5,2026-02-01T10:00:00Z,9.99\n",
        )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return folder


def test_missing_required_column(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "purchases.csv",
        "purchase_id,customer_id,purchased_at\nP9,C5,2026-02-01T10:00:00Z\n",
    )
    error = assert_refused(db, folder)
    assert str(error) == "purchases.csv: required column amount is missing"
    assert (error.file, error.line, error.field) == ("purchases.csv", 1, "amount")


def test_bad_value_on_line_three(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\n"
        "P9,C5,2026-02-01T10:00:00Z,9.99\n"
        "P10,C5,2026-02-02T10:00:00Z,12.505\n"
        "P11,C5,2026-02-03T10:00:00Z,1.00\n",
    )
    report, found = rejected(db, folder, tmp_path)
    assert len(found) == 1
    file, line, field, value, reason = found[0]
    assert (file, line, field, value) == ("purchases.csv", "3", "amount", "12.505")
    assert "more than 2 decimal places" in reason
    purchases = report.files["purchases.csv"]
    assert (purchases.read, purchases.imported, purchases.rejected) == (3, 2, 1)
    assert rows(db, "SELECT purchase_id FROM purchases WHERE customer_id = 'C5' ORDER BY 1") == [
        ("P11",),
        ("P9",),
    ]


def test_bad_date_names_the_field(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = tmp_path / "bad"
    write_csv(
        folder,
        "customers.csv",
        "customer_id,given_name,joined_on\nC5,Eve,2026-01-01\nC6,Fay,01/02/2026\n",
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:4] for r in found] == [["customers.csv", "3", "joined_on", "01/02/2026"]]
    assert "must be a date" in found[0][4]
    assert rows(db, "SELECT customer_id FROM customers WHERE customer_id IN ('C5', 'C6')") == [
        ("C5",)
    ]


def test_unknown_customer_id(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "phones.csv",
        "customer_id,phone\nC5,07700 900555\nC9,07700 900999\n",
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:4] for r in found] == [["phones.csv", "3", "customer_id", "C9"]]
    assert "unknown customer" in found[0][4]
    assert rows(db, "SELECT count(*) FROM customers WHERE customer_id = 'C9'") == [(0,)]


def test_undecodable_bytes(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(tmp_path / "bad", "interactions.csv", "")
    (folder / "interactions.csv").write_bytes(
        b"interaction_id,customer_id,occurred_at,kind\n"
        b"I9,C5,2026-02-01T10:00:00Z,complaint\n"
        b"I10,C5,2026-02-01T10:00:00Z,compl\xe9int\n"
    )
    error = assert_refused(db, folder)
    assert error.file == "interactions.csv"
    assert "interactions.csv" in str(error)
    assert "not UTF-8" in str(error)


def test_jsonl_line_that_is_not_json(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "concessions.jsonl",
        '{"concession_id": "K9", "customer_id": "C5", "granted_at": "2026-02-01", '
        '"value": "5"}\n'
        "{not json\n",
    )
    report, found = rejected(db, folder, tmp_path)
    assert [r[:3] for r in found] == [["concessions.jsonl", "2", "row"]]
    assert found[0][4].startswith("not valid JSON")
    assert report.files["concessions.jsonl"].imported == 1


def test_jsonl_line_that_is_not_an_object(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(tmp_path / "bad", "phones.jsonl", '["C5", "07700 900555"]\n')
    _, found = rejected(db, folder, tmp_path)
    assert found == [["phones.jsonl", "1", "row", "", "each line must be a JSON object"]]


def test_jsonl_bad_value_names_the_field(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "cards.jsonl",
        '{"card_number": "633700006666", "customer_id": "C5", "status": "stolen"}\n',
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:4] for r in found] == [["cards.jsonl", "1", "status", "stolen"]]
    assert "must be one of active, lost, replaced, expired" in found[0][4]


def test_too_many_values_on_a_line(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad", "phones.csv", "customer_id,phone\nC5,07700 900555,mobile\n"
    )
    _, found = rejected(db, folder, tmp_path)
    assert found == [["phones.csv", "2", "row", "", "3 values for 2 columns"]]


def test_an_empty_file_is_read_as_no_rows_with_a_warning(
    imported: Imported, tmp_path: Path
) -> None:
    db, _ = imported
    folder = good_files_plus(tmp_path / "bad", "interactions.csv", "")
    report, found = rejected(db, folder, tmp_path)
    assert found == []
    assert report.files["interactions.csv"].read == 0
    assert any("interactions.csv" in w and "empty" in w for w in report.warnings)
    assert rows(db, "SELECT count(*) FROM customers WHERE customer_id = 'C5'") == [(1,)]


def test_missing_required_value(imported: Imported, tmp_path: Path) -> None:
    db, _ = imported
    folder = good_files_plus(
        tmp_path / "bad",
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\nP9,C5,2026-02-01T10:00:00Z,  \n",
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:3] for r in found] == [["purchases.csv", "2", "amount"]]
    assert "Field required" in found[0][4]


def test_empty_folder(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "readme.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(ExportError, match="no export files found"):
        import_export(db, folder, ImportContext())


def test_not_a_folder(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("customer_id,given_name,joined_on\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        import_export(db, path, ImportContext())
    with pytest.raises(ExportError, match="not a folder"):
        import_export(db, tmp_path / "absent", ImportContext())


# --- Formats ------------------------------------------------------------------------------


def csv_to_jsonl(text: str, numbers: set[str]) -> str:
    import csv
    import io

    lines = []
    for record in csv.DictReader(io.StringIO(text.strip())):
        row: dict[str, object] = {}
        for key, value in record.items():
            if value == "":
                row[key] = None
            elif key in numbers:
                row[key] = float(value.replace(",", "")) if "." in value else int(value)
            else:
                row[key] = value
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_json_lines_import_the_same_as_csv(imported: Imported, tmp_path: Path) -> None:
    db_csv, _ = imported
    from app.store.database import open_database

    folder = tmp_path / "jsonl"
    folder.mkdir()
    numbers = {"amount", "value", "referrals"}
    for name, text in FILES.items():
        (folder / name.replace(".csv", ".jsonl")).write_text(
            csv_to_jsonl(text, numbers), encoding="utf-8"
        )
    assert '"amount": -10.25' in (folder / "purchases.jsonl").read_text(encoding="utf-8")
    db_json = open_database(tmp_path / "json.sqlite3")
    try:
        report = import_export(db_json, folder, ImportContext())
        assert report.rows == 28
        assert report.warnings == []
        assert dump(db_json) == dump(db_csv)
    finally:
        db_json.close()


def test_byte_order_mark_and_crlf_are_accepted(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "windows"
    folder.mkdir()
    text = "customer_id,given_name,family_name,joined_on\r\nC1,Zoë,Smith,2021-03-14\r\n"
    (folder / "customers.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (folder / "phones.csv").write_bytes(
        b"\xef\xbb\xbfcustomer_id,phone,label\r\nC1,07700 900123,mobile\r\n"
    )
    report = import_export(db, folder, ImportContext())
    assert report.warnings == []
    assert rows(db, "SELECT customer_id, given_name, family_name, joined_on FROM customers") == [
        ("C1", "Zoë", "Smith", "2021-03-14")
    ]
    assert rows(db, "SELECT customer_id, e164, label FROM phones") == [
        ("C1", "+447700900123", "mobile")
    ]


def test_unknown_column_is_a_warning_and_ignored(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    write_csv(
        folder,
        "customers.csv",
        "customer_id,given_name,shoe_size,joined_on\nC1,Ann,6,2021-03-14\n",
    )
    write_csv(
        folder,
        "purchases.jsonl",
        '{"purchase_id": "P1", "customer_id": "C1", "purchased_at": "2026-01-01T10:00:00Z", '
        '"amount": "5", "till": 4}\n',
    )
    report = import_export(db, folder, ImportContext())
    assert report.warnings == [
        "customers.csv: unknown column 'shoe_size' ignored",
        "purchases.jsonl: unknown column 'till' ignored",
    ]
    assert rows(db, "SELECT customer_id, given_name, joined_on FROM customers") == [
        ("C1", "Ann", "2021-03-14")
    ]
    assert rows(db, "SELECT purchase_id, amount FROM purchases") == [("P1", 500)]


def test_header_only_files_import_nothing(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "headers"
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on")
    report = import_export(db, folder, ImportContext())
    assert report.rows == 0
    assert rows(db, "SELECT count(*) FROM customers") == [(0,)]


def test_blank_lines_are_skipped(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "blank"
    folder.mkdir()
    (folder / "customers.csv").write_text(
        "customer_id,given_name,joined_on\n\nC1,Ann,2021-03-14\n\n", encoding="utf-8"
    )
    (folder / "phones.jsonl").write_text(
        '\n{"customer_id": "C1", "phone": "07700 900123"}\n   \n', encoding="utf-8"
    )
    report = import_export(db, folder, ImportContext())
    assert report.rows == 2


def test_region_from_the_context(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "fr"
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC1,Amélie,2021-03-14\n")
    write_csv(folder, "phones.csv", "customer_id,phone\nC1,06 12 34 56 78\n")
    import_export(db, folder, ImportContext(region="FR"))
    assert rows(db, "SELECT e164 FROM phones") == [("+33612345678",)]


def test_exported_at_falls_back_to_the_file_time(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    path = write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC1,A,2021-03-14\n")
    import os

    os.utime(path, (utc(2026, 11, 23, 6), utc(2026, 11, 23, 6)))
    report = import_export(db, folder, ImportContext())
    assert report.exported_at == datetime(2026, 11, 23, 6, tzinfo=UTC)


def test_progress_is_reported(db: Database, export: Path) -> None:
    seen: list[ImportStep] = []
    import_export(db, export, ImportContext(), progress=seen.append)
    assert ImportStep(Stage.READING, 4, "customers.csv") in seen
    assert ImportStep(Stage.READING, 7, "purchases.csv") in seen
    assert seen[-3:] == [
        ImportStep(Stage.SUMMING, 4),
        ImportStep(Stage.FORECASTING),
        ImportStep(Stage.COMMITTING),
    ]


def test_export_fixture_is_the_hand_written_one(export: Path) -> None:
    assert sorted(p.name for p in export.iterdir()) == sorted(FILES)
    assert write_export(export.parent / "again") != export


# --- The demo export: summaries agree with the rows they summarise ------------------------


def test_demo_summaries_equal_sums_over_the_rows(demo_station: Station) -> None:
    db = demo_station.db
    assert rows(db, "SELECT count(*) FROM customers") == [(400,)]
    by_rows = rows(
        db,
        "SELECT c.customer_id, coalesce(sum(p.amount), 0), "
        "coalesce(sum(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0), "
        "count(CASE WHEN p.amount > 0 THEN 1 END) "
        "FROM customers c LEFT JOIN purchases p ON p.customer_id = c.customer_id "
        "GROUP BY c.customer_id ORDER BY c.customer_id",
    )
    stored = rows(
        db,
        "SELECT customer_id, lifetime_value, gross_value, purchase_count FROM summary "
        "ORDER BY customer_id",
    )
    assert stored == by_rows
    households = rows(
        db,
        "SELECT c.household_id, count(*), sum(s.lifetime_value) FROM customers c "
        "JOIN summary s ON s.customer_id = c.customer_id WHERE c.household_id IS NOT NULL "
        "GROUP BY c.household_id ORDER BY 1",
    )
    assert households
    assert rows(db, "SELECT household_id, members, lifetime_value FROM households ORDER BY 1") == (
        households
    )


def test_demo_phones_are_e164_with_reversed_digits(demo_station: Station) -> None:
    phones = rows(demo_station.db, "SELECT e164, reversed FROM phones")
    assert phones
    for e164, reversed_ in phones:
        assert e164.startswith("+")
        assert e164[1:].isdigit()
        assert reversed_ == e164[1:][::-1]


def test_demo_reimport_changes_nothing(demo_station: Station, demo_export: Path) -> None:
    before = dump(demo_station.db)
    import_export(demo_station.db, demo_export, demo_station.import_context)
    assert dump(demo_station.db) == before


def test_two_rows_moved_away_from_one_customer(tmp_path: Path) -> None:
    """A customer merge re-exports several rows under another id: both owners are re-summed."""
    db = open_database(tmp_path / "merge.sqlite3")
    base = tmp_path / "base"
    write_csv(
        base,
        "customers.csv",
        "customer_id,given_name,joined_on\nA,Ann,2020-01-01\nB,Bea,2020-01-01",
    )
    write_csv(
        base,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\n"
        "P1,A,2026-01-01T10:00:00Z,10.00\nP2,A,2026-02-01T10:00:00Z,5.00",
    )
    write_csv(
        base,
        "interactions.csv",
        "interaction_id,customer_id,occurred_at,kind\nI1,A,2026-01-02T10:00:00Z,complaint",
    )
    import_export(db, base, ImportContext())
    merged = tmp_path / "merged"
    write_csv(
        merged,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\n"
        "P1,B,2026-01-01T10:00:00Z,10.00\nP2,B,2026-02-01T10:00:00Z,5.00",
    )
    write_csv(
        merged,
        "interactions.csv",
        "interaction_id,customer_id,occurred_at,kind\nI1,B,2026-01-02T10:00:00Z,complaint",
    )
    import_export(db, merged, ImportContext())
    rows = dict(
        (r[0], r[1:])
        for r in db.execute(
            "SELECT customer_id, lifetime_value, purchase_count, complaints_total FROM summary"
        )
    )
    assert rows == {"A": (0, 0, 0), "B": (1500, 2, 1)}


def test_an_unclosed_quote_is_rejected_not_a_swallowed_file(tmp_path: Path) -> None:
    db = open_database(tmp_path / "q.sqlite3")
    folder = tmp_path / "export"
    write_csv(
        folder,
        "customers.csv",
        'customer_id,given_name,joined_on,notes\nC3,Al,2020-03-14,"oops\nC4,Bo,2020-03-14,fine',
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:3] for r in found] == [["customers.csv", "2", "row"]]  # where the row began
    assert "unreadable CSV" in found[0][4]
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_padded_values_and_midnight_datetimes_are_accepted(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.sqlite3")
    folder = tmp_path / "export"
    write_csv(
        folder,
        "customers.csv",
        "Customer_ID,Given_Name,Joined_On,Referrals\nC1,Ann,  2020-03-14 , 3 \n"
        "C2,Bob,2021-05-06T00:00:00Z,0",
    )
    import_export(db, folder, ImportContext())
    rows = db.execute(
        "SELECT customer_id, joined_on, referrals FROM customers ORDER BY 1"
    ).fetchall()
    assert rows == [("C1", "2020-03-14", 3), ("C2", "2021-05-06", 0)]


def test_an_absurd_amount_is_rejected_not_a_crash(tmp_path: Path) -> None:
    db = open_database(tmp_path / "o.sqlite3")
    folder = tmp_path / "export"
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC1,Ann,2020-03-14")
    write_csv(
        folder,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\nP1,C1,2026-01-01T10:00:00Z,99999999999999999999",
    )
    _, found = rejected(db, folder, tmp_path)
    assert [r[:3] for r in found] == [["purchases.csv", "2", "amount"]]
    assert "too large" in found[0][4]


def test_a_payment_card_number_in_a_bad_row_is_not_repeated(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.sqlite3")
    folder = tmp_path / "export"
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC1,Ann,2020-03-14")
    write_csv(folder, "phones.csv", "customer_id,phone\nC1,4111 1111 1111 1111")
    report, found = rejected(db, folder, tmp_path)
    assert report.rejects_file is not None
    assert "4111" not in report.rejects_file.read_text("utf-8")
    assert found[0][3] == "(a payment card number, not shown)"


def test_real_data_replaces_demo_data_and_demo_never_mixes_into_real(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.sqlite3")
    demo = tmp_path / "demo"
    write_csv(demo, "customers.csv", "customer_id,given_name,joined_on\nD1,Invented,2020-01-01")
    import_export(db, demo, ImportContext(), demo=True)
    real = tmp_path / "real"
    write_csv(real, "customers.csv", "customer_id,given_name,joined_on\nR1,Real,2020-01-01")
    report = import_export(db, real, ImportContext(), demo=False)
    assert [r[0] for r in db.execute("SELECT customer_id FROM customers")] == ["R1"]
    assert db.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()[0] == "0"
    assert any("demo data" in w for w in report.warnings)
    with pytest.raises(ExportError, match="real data"):
        import_export(db, demo, ImportContext(), demo=True)
    assert [r[0] for r in db.execute("SELECT customer_id FROM customers")] == ["R1"]

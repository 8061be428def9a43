"""Opening the cache: migrations, WAL, reopening, and refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.window import as_of_bounds
from app.store.database import StoreError, get_meta, open_database, set_meta
from app.store.protection import list_backups
from app.store.queries import candidates, from_hits
from app.store.schema import migrations
from tests.store.conftest import TABLES

CONTRACT_TABLES = {"meta", *TABLES}


def applied(path: Path) -> list[tuple[str, str]]:
    db = open_database(path)
    try:
        return [
            (r[0], r[1])
            for r in db.execute(
                "SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid"
            ).fetchall()
        ]
    finally:
        db.close()


ALL_MIGRATIONS = [
    ("standing", "0001_contract_tables"),
    ("standing", "0002_staff_concessions_audit"),
    ("standing", "0003_demo_records"),
    ("standing", "0004_summary_card_status"),
    ("standing", "0005_summary_for_lists"),
    ("standing", "0006_outbox"),
    ("standing", "0007_decision_clashes"),
    ("standing", "0008_approval_reason_words"),
    ("standing", "0009_potential_value"),
]


def test_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    assert applied(path) == ALL_MIGRATIONS
    db = open_database(path)
    try:
        assert migrations.pending(db) == []
        assert set(db.table_names()) >= CONTRACT_TABLES
        assert {"phones_reversed", "phones_e164", "purchases_id", "cards_customer"} <= {
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    finally:
        db.close()


def test_wal_mode_on_a_file_database(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db = open_database(path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        db.close()
    # WAL is a property of the file: a plain connection sees it too
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    db = open_database(path)
    set_meta(db, "exported_at", "2026-11-23T06:00:00+00:00")
    db.execute(
        "INSERT INTO customers (customer_id, given_name, joined_on) VALUES ('C1', 'Ann', "
        "'2021-03-14')"
    )
    schema = sorted(r[0] or "" for r in db.execute("SELECT sql FROM sqlite_master"))
    db.close()
    for _ in range(2):
        db = open_database(path)
        try:
            assert sorted(r[0] or "" for r in db.execute("SELECT sql FROM sqlite_master")) == schema
            assert get_meta(db, "exported_at") == "2026-11-23T06:00:00+00:00"
            assert db.execute("SELECT customer_id FROM customers").fetchall() == [("C1",)]
        finally:
            db.close()
    assert applied(path) == ALL_MIGRATIONS


def test_open_existing_without_create(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_database(path).close()
    db = open_database(path, create=False)
    try:
        assert "customers" in db.table_names()
    finally:
        db.close()


def test_missing_database_without_create_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "absent.sqlite3"
    with pytest.raises(StoreError, match="no database at"):
        open_database(path, create=False)
    assert not path.exists()
    assert not path.parent.exists()


def test_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "x.sqlite3"
    open_database(path).close()
    assert path.is_file()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not an SQLite database, just some text " * 40)
    with pytest.raises(StoreError, match="cannot open database"):
        open_database(path)


def test_memory_database(tmp_path: Path) -> None:
    db = open_database(":memory:")
    try:
        assert set(db.table_names()) >= CONTRACT_TABLES
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "memory"
    finally:
        db.close()


def test_meta_round_trip(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.sqlite3")
    try:
        assert get_meta(db, "demo") is None
        set_meta(db, "demo", "1")
        assert get_meta(db, "demo") == "1"
        set_meta(db, "demo", "0")
        assert get_meta(db, "demo") == "0"
        assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == 1
    finally:
        db.close()


def test_an_older_cache_gets_each_customers_best_card_status(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0004_summary_card_status")
    old["customers"].insert_all(
        [{"customer_id": c, "given_name": c, "joined_on": "2020-01-01"} for c in ("C1", "C2", "C3")]
    )
    old["cards"].insert_all(
        [
            {"card_number": "1", "customer_id": "C1", "status": "lost", "issued_on": "2019"},
            {"card_number": "2", "customer_id": "C1", "status": "active", "issued_on": "2018"},
            {"card_number": "3", "customer_id": "C2", "status": "expired", "issued_on": "2017"},
            {"card_number": "4", "customer_id": "C2", "status": "lost", "issued_on": "2020"},
        ]
    )
    zero = {"lifetime_value": 0, "gross_value": 0, "purchase_count": 0}
    counts = {"complaints_total": 0, "concessions_total": 0}
    old["summary"].insert_all([{"customer_id": c, **zero, **counts} for c in ("C1", "C2", "C3")])
    old.close()
    db = open_database(path)
    try:
        statuses = dict(db.execute("SELECT customer_id, card_status FROM summary").fetchall())
    finally:
        db.close()
    # an active card first, else the newest: the same rule as an import's summary
    assert statuses == {"C1": "active", "C2": "lost", "C3": None}


def test_an_older_cache_gets_names_in_its_summary_and_reads_spend_live(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0005_summary_for_lists")
    old["customers"].insert_all(
        {"customer_id": c, "given_name": g, "family_name": f, "status": s, "joined_on": "2020"}
        for c, g, f, s in (
            ("C1", "Zoë", "Walker", "active"),
            ("C2", "Ann", None, "closed"),
            ("C3", "Bea", "Lowe", "active"),  # never summarised: the migration does it
        )
    )
    day = 86_400
    old["purchases"].insert_all(
        [
            {"customer_id": "C1", "purchased_at": 10 * day, "purchase_id": "P1", "amount": 500},
            {"customer_id": "C1", "purchased_at": 400 * day, "purchase_id": "P2", "amount": 250},
            {"customer_id": "C3", "purchased_at": 402 * day, "purchase_id": "P3", "amount": 99},
        ]
    )
    zero = {"gross_value": 0, "purchase_count": 0, "complaints_total": 0, "concessions_total": 0}
    old["summary"].insert_all(
        [
            {"customer_id": "C1", "lifetime_value": 750, "last_activity_at": 400 * day, **zero},
            {"customer_id": "C2", "lifetime_value": 0, "last_activity_at": None, **zero},
        ]
    )
    old.close()
    db = open_database(path)
    try:
        kept = db.execute(
            "SELECT customer_id, given_name, family_name, status, lifetime_value, spend_12m "
            "FROM summary ORDER BY customer_id"
        ).fetchall()
        bounds = as_of_bounds(date(1971, 2, 10), ZoneInfo("UTC"))  # day 405: P2 only
        every = from_hits("SELECT customer_id, customer_id AS matched FROM customers", ())
        spend = {c.customer_id: c.spend_12m for c in candidates(db, every, bounds)}
    finally:
        db.close()
    assert kept == [
        ("C1", "Zoë", "Walker", "active", 750, None),
        ("C2", "Ann", None, "closed", 0, None),
        ("C3", "Bea", "Lowe", "active", 99, None),
    ]
    assert spend == {"C1": 250, "C2": 0, "C3": 99}  # summed live until an import keeps it


def test_a_migration_of_an_existing_cache_is_preceded_by_a_backup(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0005_summary_for_lists")
    old["customers"].insert({"customer_id": "C1", "given_name": "Ann", "joined_on": "2020-01-01"})
    old.close()
    open_database(path).close()
    [kept] = list_backups(path)
    backup = Database(kept)
    try:  # the cache as it was: the old schema and its rows
        assert "0005_summary_for_lists" not in {m.name for m in migrations.applied(backup)}
        assert [r["customer_id"] for r in backup["customers"].rows] == ["C1"]
    finally:
        backup.close()
    open_database(path).close()  # up to date: nothing to migrate, no new backup
    assert list_backups(path) == [kept]


def test_a_new_cache_takes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    assert list_backups(path) == []


def test_a_migration_without_its_backup_does_not_run(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0005_summary_for_lists")
    old.close()
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(StoreError, match="no backup could be made before the schema migration"):
        open_database(path)
    still = Database(path)
    try:
        assert "0005_summary_for_lists" not in {m.name for m in migrations.applied(still)}
    finally:
        still.close()

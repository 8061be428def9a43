"""Opening the cache: migrations, WAL, reopening, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.database import StoreError, get_meta, open_database, set_meta
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


def test_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    assert applied(path) == [
        ("standing", "0001_contract_tables"),
        ("standing", "0002_staff_concessions_audit"),
        ("standing", "0003_demo_records"),
        ("standing", "0004_summary_card_status"),
    ]
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
    assert applied(path) == [
        ("standing", "0001_contract_tables"),
        ("standing", "0002_staff_concessions_audit"),
        ("standing", "0003_demo_records"),
        ("standing", "0004_summary_card_status"),
    ]


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

"""A tiny hand-written export whose every figure is worked out in the tests, and its cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.domain.import_context import ImportContext
from app.store.database import open_database
from app.store.importer import ImportReport, import_export
from tests.conftest import write_csv

CUSTOMERS = """
customer_id,given_name,family_name,email,joined_on,household_id,status,referrals,preferences,notes,updated_at
C1,Zoë,Smith-Jones,Zoe.Smith@Example.com,2021-03-14,H1,active,2,quiet coach,,2026-11-22T18:00:00Z
C2,Łukasz,Nowak,lukasz@example.org,2019-06-01,H1,active,0,,,
C3,Siobhán,O'Brien,,2026-11-01,,closed,,,"likes, commas",
C4,Ann,Example,ann@example.com,2015-01-10,,,,,,
"""

PHONES = """
customer_id,phone,label
C1,07700 900123,mobile
C1,+44 (0)20 7946 0018,home
C2,0044 7700 900456,mobile
C3,(07700) 900-789,mobile
C4,+33 6 12 34 56 78,mobile
C4,07700-911-123,work
"""

CARDS = """
card_number,customer_id,card_type,status,issued_on
6337 0000 1111,C1,loyalty,active,2021-03-14
633700002222,C1,loyalty,lost,2019-01-01
633700003333,C2,loyalty,Replaced,2019-06-01
633700004444,C3,,,
"""

# P2 and P3 have no offset (London time: P3 is in BST); P4 is a refund.
PURCHASES = """
purchase_id,customer_id,purchased_at,amount,currency,channel,product_line,location
P1,C1,2025-06-01T10:00:00Z,100.00,GBP,web,rail,Leeds
P2,C1,2026-01-15T12:00:00,25.50,GBP,counter,rail,Leeds
P3,C1,2026-07-01T09:30:00,40,GBP,counter,food,York
P4,C1,2026-07-05T10:00:00+01:00,-10.25,GBP,counter,food,York
P5,C2,2024-02-29T08:00:00Z,"1,200.00",GBP,web,rail,
P6,C2,2026-11-20T17:45:00Z,0.99,,,,
P7,C4,2010-05-05,5.00,,,,
"""

INTERACTIONS = """
interaction_id,customer_id,occurred_at,kind,channel,summary
I1,C1,2026-02-01T10:00:00Z,complaint,phone,late train
I2,C1,2026-03-01T10:00:00Z,compliment,email,
I3,C2,2026-05-01T10:00:00Z,complaint,counter,"queue, long"
I4,C2,2025-01-01T10:00:00Z,Complaint,counter,old
I5,C2,2026-06-01T10:00:00Z,enquiry,web,
"""

CONCESSIONS = """
concession_id,customer_id,granted_at,value,kind,reason,location
K1,C1,2026-02-01T11:00:00Z,1.50,waiver,late train,Leeds
K2,C2,2026-05-01T11:00:00Z,10,voucher,queue,York
"""

FILES = {
    "customers.csv": CUSTOMERS,
    "phones.csv": PHONES,
    "cards.csv": CARDS,
    "purchases.csv": PURCHASES,
    "interactions.csv": INTERACTIONS,
    "concessions.csv": CONCESSIONS,
}

TABLES = (
    "customers",
    "name_words",
    "phones",
    "cards",
    "purchases",
    "interactions",
    "concessions",
    "summary",
    "households",
)


def utc(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())  # type: ignore[misc]


def write_export(folder: Path, files: dict[str, str] | None = None) -> Path:
    for name, text in (FILES if files is None else files).items():
        write_csv(folder, name, text)
    return folder


def dump(db: Database, *, meta: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every cache table (and meta, when asked), in a stable order."""
    tables = (*TABLES, "meta") if meta else TABLES
    return {
        table: sorted(db.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)
        for table in tables
    }


def rows(db: Database, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.execute(sql, params or []).fetchall()]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export")


@pytest.fixture
def imported(db: Database, export: Path) -> tuple[Database, ImportReport]:
    report = import_export(db, export, ImportContext())
    return db, report

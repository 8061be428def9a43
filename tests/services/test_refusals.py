"""Refusals found in review: card numbers never kept or echoed, limits with ceilings, gestures
nobody could approve, a busy database, and refused decisions audited."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.goodwill import GoodwillError
from app.domain.staff import StaffError
from app.services.station import Station
from app.store.audit import entries
from app.store.database import StoreError
from tests.conftest import CliRun

CARD = "4111111111111111"


def test_a_card_number_is_never_a_staff_id_or_name(staffed_station: Station) -> None:
    for staff_id, name in ((CARD, "Al"), ("al1", f"Al {CARD}")):
        with pytest.raises(StaffError, match="payment card"):
            staffed_station.staff.add(staff_id, name=name, role="clerk", pin="1234", actor="t")
    assert CARD not in " ".join(e.detail for e in entries(staffed_station.db))


def test_a_personal_limit_has_a_ceiling(staffed_station: Station) -> None:
    with pytest.raises(StaffError, match=r"at most £250\.00"):
        staffed_station.staff.add(
            "big1", name="Big Clerk", role="clerk", pin="1234", limit=100_000_00, actor="t"
        )
    ok = staffed_station.staff.add(
        "mid1", name="Mid Clerk", role="clerk", pin="1234", limit=50_00, actor="t"
    )
    assert ok.personal_limit == 50_00


def test_a_gesture_nobody_could_approve_is_refused(staffed_station: Station) -> None:
    clerk = staffed_station.staff.find("clerk1")
    assert clerk is not None
    with pytest.raises(GoodwillError, match="highest limit"):
        staffed_station.concessions.record(
            clerk, "C000001", category="delay", action="refund", value=3000_00, amount=0
        )
    assert staffed_station.concessions.pending() == []


def test_a_busy_database_is_a_clear_refusal(staffed_station: Station) -> None:
    clerk = staffed_station.staff.find("clerk1")
    assert clerk is not None
    other = sqlite3.connect(staffed_station.settings.db_path, timeout=0)
    staffed_station.db.execute("PRAGMA busy_timeout = 50")
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="busy"):
            staffed_station.concessions.record(
                clerk, "C000001", category="lost_ticket", action="waive", value=150, amount=150
            )
    finally:
        other.rollback()
        other.close()
    assert not staffed_station.db.conn.in_transaction


def test_a_card_number_given_as_a_concession_id_is_not_echoed(
    cli: Callable[..., CliRun], staffed_db: Path
) -> None:
    done = cli(
        "concession", "approve", CARD, "--staff", "super1", "--db", staffed_db, stdin="3333\n"
    )
    line = done.refusal
    assert "4111" not in line and "no recorded concession" in line

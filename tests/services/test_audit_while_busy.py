"""While another connection holds the write lock (a long import), reads at the counter go
on: their audit records wait, in order, and are chained as soon as the lock is free."""

from __future__ import annotations

import sqlite3

from app.services.station import Station
from app.store.audit import entries


def test_lookups_are_shown_and_audited_once_the_lock_is_free(staffed_station: Station) -> None:
    clerk = staffed_station.staff.find("clerk1")
    assert clerk is not None
    desk = staffed_station.desk(clerk)
    before = len(list(entries(staffed_station.db)))
    importer = sqlite3.connect(staffed_station.settings.db_path, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # what an import holds for its whole run
    try:
        profile = desk.open("C000001", "phone")
        desk.reveal_phones(profile)
        assert profile.customer_id == "C000001"
        assert staffed_station.audit.waiting == 2
        assert len(list(entries(staffed_station.db))) == before
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    desk.open("C000002", "name")  # the next record chains the waiting ones first, in order
    trail = [(e.action, e.customer_id) for e in entries(staffed_station.db)][before:]
    assert trail == [
        ("lookup", "C000001"),
        ("reveal_phone", "C000001"),
        ("lookup", "C000002"),
    ]
    assert staffed_station.audit.waiting == 0
    assert staffed_station.audit.verify().intact


def test_a_read_that_cannot_be_audited_is_refused_not_dropped(staffed_station: Station) -> None:
    import pytest

    from app.services.audit import UnauditedError

    desk = staffed_station.desk()  # the command line's: it shows what it found, then exits
    before = len(list(entries(staffed_station.db)))
    importer = sqlite3.connect(staffed_station.settings.db_path, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")
    try:
        desk.open("C000001", "customer_id")
        with pytest.raises(UnauditedError, match="could not be written to the audit log"):
            staffed_station.audit.settle(wait_ms=50)
        assert staffed_station.audit.waiting == 0
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    desk.open("C000002", "customer_id")
    staffed_station.audit.settle()
    trail = [(e.action, e.customer_id) for e in entries(staffed_station.db)][before:]
    assert trail == [("lookup", "C000002")]  # the refused read left no record and showed nothing

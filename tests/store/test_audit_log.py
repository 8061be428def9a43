"""The audit log: append-only through the app, and every edit, deletion or reordering done
behind its back (raw sqlite3, triggers dropped) named by `verify` and `standing audit verify`."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.services.audit import EXPORT_COLUMNS, os_actor
from app.services.station import open_station
from app.settings import Settings
from app.store import audit
from app.store.audit import GENESIS, HEAD_KEY, link_hash
from app.store.database import get_meta, writing
from tests.clock import Clock
from tests.conftest import CliRun

RECORDS = 6
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def fill(db: Database, count: int = RECORDS) -> None:
    for n in range(1, count + 1):
        audit.append(
            db,
            at=START + timedelta(minutes=n),
            actor="clerk1" if n % 2 else "super1",
            station="Counter 1",
            action="lookup",
            customer_id=f"C{n:06d}",
            detail=f"key_type=phone n={n}",
        )


def raw(path: Path, *statements: str) -> None:
    """Change the file as an intruder would: another connection, the triggers dropped."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def test_records_are_chained_from_genesis(db: Database) -> None:
    fill(db)
    entries = list(audit.entries(db))
    assert [e.seq for e in entries] == list(range(1, RECORDS + 1))
    assert entries[0].prev_hash == GENESIS
    for before, after in pairwise(entries):
        assert after.prev_hash == before.hash
    last = entries[-1]
    assert last.hash == link_hash(
        last.prev_hash,
        last.seq,
        last.at,
        last.actor,
        last.station,
        last.action,
        last.customer_id,
        last.detail,
    )
    assert get_meta(db, HEAD_KEY) == f"{RECORDS}:{last.hash}"
    verdict = audit.verify(db)
    assert verdict.intact and verdict.checked == RECORDS and verdict.problem == ""


def test_an_empty_log_is_intact(db: Database) -> None:
    verdict = audit.verify(db)
    assert verdict.intact and verdict.checked == 0


def test_a_record_joins_the_callers_transaction(db: Database) -> None:
    fill(db, 2)
    with pytest.raises(RuntimeError), writing(db):
        audit.append(db, at=START, actor="clerk1", station="Counter 1", action="lookup")
        raise RuntimeError("the concession it belongs to failed")
    assert [e.seq for e in audit.entries(db)] == [1, 2]
    assert audit.verify(db).intact


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2",
        "UPDATE audit_log SET seq = 99 WHERE seq = 6",
        "DELETE FROM audit_log WHERE seq = 3",
        "DELETE FROM audit_log",
    ],
)
def test_the_apps_connection_cannot_change_or_delete_records(db: Database, sql: str) -> None:
    fill(db)
    before = list(audit.entries(db))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute(sql)
    assert list(audit.entries(db)) == before
    assert audit.verify(db).intact


def _rechain_third(path: Path) -> list[str]:
    """Edit record 3 and give it a hash that fits its new content."""
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT prev_hash, seq, at, actor, station, action, customer_id FROM audit_log "
        "WHERE seq = 3"
    ).fetchone()
    conn.close()
    prev_hash, seq, at, actor, station, action, customer_id = row
    forged = link_hash(prev_hash, seq, at, actor, station, action, customer_id, "key_type=card")
    return [f"UPDATE audit_log SET detail = 'key_type=card', hash = '{forged}' WHERE seq = 3"]


def _forge_a_seventh(path: Path) -> list[str]:
    """Add a record after the last, correctly chained, as only `append` should."""
    conn = sqlite3.connect(path)
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = 6").fetchone()[0]
    conn.close()
    at = (START + timedelta(hours=1)).isoformat(timespec="microseconds")
    forged = link_hash(prev, 7, at, "super1", "Counter 1", "concession_approved", None, "")
    return [
        "INSERT INTO audit_log (seq, at, actor, station, action, customer_id, detail, "
        f"prev_hash, hash) VALUES (7, '{at}', 'super1', 'Counter 1', "
        f"'concession_approved', NULL, '', '{prev}', '{forged}')"
    ]


SWAP_2_AND_4 = [
    "UPDATE audit_log SET seq = -2 WHERE seq = 2",
    "UPDATE audit_log SET seq = 2 WHERE seq = 4",
    "UPDATE audit_log SET seq = 4 WHERE seq = -2",
]
SWAP_3_AND_4 = [s.replace("2", "3") for s in SWAP_2_AND_4]

TAMPERING: dict[str, tuple[Callable[[Path], list[str]], int, str]] = {
    "edit a field": (
        lambda _: ["UPDATE audit_log SET customer_id = 'C999999' WHERE seq = 3"],
        3,
        "audit record 3 was altered",
    ),
    "edit the actor of the last": (
        lambda _: ["UPDATE audit_log SET actor = 'manager1' WHERE seq = 6"],
        6,
        "audit record 6 was altered",
    ),
    "edit the time of the first": (
        lambda _: ["UPDATE audit_log SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 1"],
        1,
        "audit record 1 was altered",
    ),
    "edit and re-hash": (_rechain_third, 4, "audit record 4 does not follow record 3"),
    "delete a middle row": (
        lambda _: ["DELETE FROM audit_log WHERE seq = 3"],
        3,
        "audit record 3 is missing",
    ),
    "delete the first row": (
        lambda _: ["DELETE FROM audit_log WHERE seq = 1"],
        1,
        "audit record 1 is missing",
    ),
    "delete the last row": (
        lambda _: ["DELETE FROM audit_log WHERE seq = 6"],
        6,
        "audit records from 6 on are missing",
    ),
    "delete every row": (lambda _: ["DELETE FROM audit_log"], 1, "from 1 on are missing"),
    "delete a row and close the gap": (
        lambda _: [
            "DELETE FROM audit_log WHERE seq = 4",
            "UPDATE audit_log SET seq = seq - 1 WHERE seq > 4",
        ],
        4,
        "audit record 4 does not follow record 3",
    ),
    "swap two rows (reorder)": (lambda _: SWAP_2_AND_4, 2, "record 2 does not follow record 1"),
    "swap neighbours (reorder)": (lambda _: SWAP_3_AND_4, 3, "record 3 does not follow record 2"),
    "add a row after the last": (_forge_a_seventh, 7, "from 7 on were not written by Standing"),
    "cut the head mark": (
        lambda _: [f"DELETE FROM meta WHERE key = '{HEAD_KEY}'"],
        1,
        "head mark is missing",
    ),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_tampering_names_the_first_bad_record(tmp_path: Path, how: str) -> None:
    path = tmp_path / "audit.sqlite3"
    station = open_station(Settings(db_path=path))
    fill(station.db)
    assert station.audit.verify().intact
    station.close()
    statements, first_bad, problem = TAMPERING[how]
    raw(path, *statements(path))
    station = open_station(Settings(db_path=path))
    try:
        verdict = station.audit.verify()
    finally:
        station.close()
    assert not verdict.intact
    assert verdict.bad_seq == first_bad
    assert problem in verdict.problem


def test_standing_audit_verify_exits_0_intact_and_non_zero_naming_the_record(
    tmp_path: Path, cli: Callable[..., CliRun]
) -> None:
    path = tmp_path / "audit.sqlite3"
    station = open_station(Settings(db_path=path))
    fill(station.db)
    station.close()

    intact = cli("audit", "verify", "--db", path)
    assert intact.code == 0, intact.err
    assert "intact" in intact.out and f"{RECORDS} records" in intact.out
    assert cli("audit", "verify", "--db", path, "--json").json() == {
        "intact": True,
        "checked": RECORDS,
        "first_bad": None,
        "problem": None,
    }

    raw(path, "DELETE FROM audit_log WHERE seq = 3")
    tampered = cli("audit", "verify", "--db", path)
    assert tampered.code not in (0, 2)  # not a refusal of the command: a finding
    assert "audit record 3 is missing" in tampered.err
    assert "TAMPERED" in tampered.out
    as_json = cli("audit", "verify", "--db", path, "--json")
    assert as_json.code == tampered.code
    assert as_json.out and '"first_bad": 3' in as_json.out
    assert '"intact": false' in as_json.out


def test_verify_needs_an_existing_database(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    run = cli("audit", "verify", "--db", tmp_path / "none.sqlite3")
    assert "no database" in run.refusal
    assert not (tmp_path / "none.sqlite3").exists()


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines()))


def test_audit_export_writes_csv_since_a_day(tmp_path: Path, cli: Callable[..., CliRun]) -> None:
    path = tmp_path / "audit.sqlite3"
    clock = Clock(datetime(2020, 1, 1, 12, 0, tzinfo=UTC))
    station = open_station(Settings(db_path=path), clock=clock)
    for day in range(3):
        station.audit.record("clerk1", "lookup", f"C00000{day + 1}", "key_type=phone")
        station.audit.record("clerk1", "reveal_phone", f"C00000{day + 1}", "1 numbers")
        clock.advance(days=1)
    station.close()

    out = tmp_path / "audit.csv"
    done = cli("audit", "export", "--db", path, "--since", "2020-01-02", "--out", out, "--json")
    rows = _read_csv(out.read_text("utf-8"))
    assert out.read_text("utf-8").splitlines()[0] == ",".join(EXPORT_COLUMNS)
    # the two later days' records, then the export itself, audited as the OS user
    assert [(r["seq"], r["customer_id"], r["action"]) for r in rows] == [
        ("3", "C000002", "lookup"),
        ("4", "C000002", "reveal_phone"),
        ("5", "C000003", "lookup"),
        ("6", "C000003", "reveal_phone"),
        ("7", "", "audit_exported"),
    ]
    assert all(date.fromisoformat(r["at"][:10]) >= date(2020, 1, 2) for r in rows)
    assert rows[-1]["actor"] == os_actor()
    assert done.json() == {"written": 5, "out": str(out)}

    everything = cli("audit", "export", "--db", path)
    assert everything.code == 0, everything.err
    all_rows = _read_csv(everything.out)
    assert [r["seq"] for r in all_rows] == [str(n) for n in range(1, 9)]
    assert all_rows[0]["prev_hash"] == GENESIS
    assert all(len(r["hash"]) == 64 for r in all_rows)

    station = open_station(Settings(db_path=path))
    try:
        assert station.audit.verify().intact
    finally:
        station.close()


def test_audit_export_to_a_folder_that_cannot_be_written_is_refused(
    tmp_path: Path, cli: Callable[..., CliRun]
) -> None:
    path = tmp_path / "audit.sqlite3"
    station = open_station(Settings(db_path=path))
    fill(station.db, 2)
    station.close()
    run = cli("audit", "export", "--db", path, "--out", tmp_path / "missing" / "audit.csv")
    assert "missing" in run.refusal
    station = open_station(Settings(db_path=path))
    try:
        assert [e.action for e in audit.entries(station.db)] == ["lookup", "lookup"]
    finally:
        station.close()

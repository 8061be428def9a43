"""The staff, concession, audit and hand-back commands: JSON fields, statuses, and a
refusal as exit 2 with one clear line. The PIN comes on standard input, one line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.audit import os_actor
from app.services.station import open_station
from app.settings import Settings
from app.store import audit as audit_store
from app.store.audit import AuditEntry
from tests.conftest import CliRun

Cli = Callable[..., CliRun]
HERO = "C000001"


def trail(db: Path, after: int = 0) -> list[AuditEntry]:
    station = open_station(Settings(db_path=db), create=False)
    try:
        return [e for e in audit_store.entries(station.db) if e.seq > after]
    finally:
        station.close()


def last_seq(db: Path) -> int:
    return max((e.seq for e in trail(db)), default=0)


def record(cli: Cli, db: Path, value: str, staff: str = "clerk1", pin: str = "1111") -> CliRun:
    return cli(
        "concession", "record", HERO, "--category", "delay", "--amount", "0",
        "--action", "voucher", "--value", value, "--staff", staff, "--db", db, "--json",
        stdin=f"{pin}\n",
    )  # fmt: skip


def test_staff_add_and_list(cli: Cli, staffed_db: Path) -> None:
    added = cli(
        "staff", "add", "ann", "--name", "Ann Other", "--role", "supervisor", "--limit", "100",
        "--db", staffed_db, "--json", stdin="5678\n",
    ).json()  # fmt: skip
    assert added == {
        "staff_id": "ann",
        "name": "Ann Other",
        "role": "supervisor",
        "limit": "100.00",
    }
    listed = cli("staff", "list", "--db", staffed_db, "--json").json()
    assert [(s["staff_id"], s["role"], s["limit"]) for s in listed] == [
        ("ann", "supervisor", "100.00"),
        ("clerk1", "clerk", None),
        ("clerk2", "clerk", None),
        ("manager1", "manager", None),
        ("super1", "supervisor", None),
    ]
    text = cli("staff", "list", "--db", staffed_db)
    assert text.code == 0 and "Ann Other" in text.out
    assert trail(staffed_db)[-1].action == "staff_added"
    assert trail(staffed_db)[-1].actor == os_actor()
    assert "5678" not in repr(trail(staffed_db))


def test_staff_add_creates_the_first_database(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    run = cli(
        "staff", "add", "boss", "--name", "Bo Boss", "--role", "manager", "--db", db,
        stdin="24681357\n",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.out.strip() == "Added manager boss (Bo Boss)"
    assert [e.action for e in trail(db)] == ["staff_added"]


def test_record_within_the_limit_and_pending_above_it(cli: Cli, staffed_db: Path) -> None:
    recorded = record(cli, staffed_db, "5.00").json()
    assert set(recorded) == {"concession_id", "status", "needs_approval", "approval_reason"}
    assert recorded["status"] == "recorded"
    assert recorded["needs_approval"] is False and recorded["approval_reason"] is None

    pending = record(cli, staffed_db, "30.00").json()
    assert pending["status"] == "pending" and pending["needs_approval"] is True
    assert pending["approval_reason"] == (
        "£30.00 is over the clerk limit of £25.00: a supervisor must approve"
    )
    listed = cli("concession", "pending", "--db", staffed_db, "--json").json()
    assert [(p["concession_id"], p["value"], p["staff_id"]) for p in listed] == [
        (pending["concession_id"], "30.00", "clerk1")
    ]


def test_approve_and_deny(cli: Cli, staffed_db: Path) -> None:
    first = record(cli, staffed_db, "30.00").json()["concession_id"]
    second = record(cli, staffed_db, "40.00").json()["concession_id"]
    approved = cli(
        "concession", "approve", first, "--staff", "super1", "--db", staffed_db, "--json",
        stdin="3333\n",
    ).json()  # fmt: skip
    assert approved == {"concession_id": first, "status": "approved"}
    denied = cli(
        "concession", "approve", second, "--staff", "super1", "--deny", "--reason",
        "not our delay", "--db", staffed_db, stdin="3333\n",
    )  # fmt: skip
    assert denied.code == 0, denied.err
    assert denied.out.strip() == f"{second}: denied"
    assert [(e.actor, e.action) for e in trail(staffed_db)[-2:]] == [
        ("super1", "concession_approved"),
        ("super1", "concession_denied"),
    ]
    assert cli("concession", "pending", "--db", staffed_db, "--json").json() == []


def test_refusals_are_one_clear_line_with_exit_2(cli: Cli, staffed_db: Path) -> None:
    before = last_seq(staffed_db)
    assert "wrong PIN" in record(cli, staffed_db, "5.00", pin="9999").refusal
    assert "no PIN" in record(cli, staffed_db, "5.00", pin="").refusal
    assert "no staff account" in record(cli, staffed_db, "5.00", staff="nobody").refusal
    unknown = cli(
        "concession", "record", "NOPE", "--category", "delay", "--amount", "0",
        "--action", "voucher", "--value", "1", "--staff", "clerk1", "--db", staffed_db,
        stdin="1111\n",
    )  # fmt: skip
    assert "no customer with id 'NOPE'" in unknown.refusal
    bad_action = cli(
        "concession", "record", HERO, "--category", "delay", "--amount", "0",
        "--action", "cash", "--value", "1", "--staff", "clerk1", "--db", staffed_db,
        stdin="1111\n",
    )  # fmt: skip
    assert "unknown action 'cash'" in bad_action.refusal
    bad_money = record(cli, staffed_db, "lots")
    assert bad_money.code == 2 and len(bad_money.err.strip().splitlines()) == 1

    own = record(cli, staffed_db, "300.00", staff="super1", pin="3333").json()
    assert own["status"] == "pending"
    approve = ("concession", "approve", own["concession_id"], "--db", staffed_db)
    assert "nobody approves their own request" in (
        cli(*approve, "--staff", "super1", stdin="3333\n").refusal
    )
    assert "give a reason" in cli(*approve, "--staff", "manager1", "--deny", stdin="4444\n").refusal
    assert (
        "no recorded concession 'nope'"
        in cli(
            "concession", "approve", "nope", "--staff", "super1", "--db", staffed_db, stdin="3333\n"
        ).refusal
    )

    bad_role = cli(
        "staff", "add", "ann", "--name", "Ann", "--role", "boss", "--db", staffed_db,
        stdin="5678\n",
    )  # fmt: skip
    assert "invalid choice: 'boss'" in bad_role.refusal
    for pin in ("98", "123456789", "12ab", ""):
        refusal = cli(
            "staff", "add", "ann", "--name", "Ann", "--role", "clerk", "--db", staffed_db,
            stdin=f"{pin}\n",
        ).refusal  # fmt: skip
        assert "PIN" in refusal and (not pin or pin not in refusal)
    dup = cli(
        "staff", "add", "clerk1", "--name", "Al Again", "--role", "clerk", "--db", staffed_db,
        stdin="5678\n",
    )  # fmt: skip
    assert "already exists" in dup.refusal
    assert "no database" in cli("staff", "list", "--db", staffed_db.with_name("x.db")).refusal

    station = open_station(Settings(db_path=staffed_db), create=False)
    try:
        rows = station.db.execute("SELECT staff_id, status FROM recorded_concessions").fetchall()
        names = [s.staff_id for s in station.staff.all()]
    finally:
        station.close()
    assert rows == [("super1", "pending")]  # only the one that was accepted
    assert names == ["clerk1", "clerk2", "manager1", "super1"]
    failed = [(e.actor, e.action, e.detail) for e in trail(staffed_db, before)]
    assert ("clerk1", "record_failed", "wrong PIN") in failed
    assert ("unknown", "record_failed", "unknown staff id") in failed
    assert "9999" not in repr(failed)


def test_export_hands_back_once(cli: Cli, staffed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "upstream"
    first = record(cli, staffed_db, "5.00").json()["concession_id"]
    asked = record(cli, staffed_db, "30.00").json()["concession_id"]
    cli(
        "concession", "approve", asked, "--staff", "super1", "--db", staffed_db, stdin="3333\n"
    )  # fmt: skip
    written = cli("export", out, "--db", staffed_db, "--json").json()
    assert written == {"written": 2, "files": {"concessions.csv": 2}}
    text = (out / "concessions.csv").read_text("utf-8")
    assert first in text and asked in text
    assert cli("export", out, "--db", staffed_db, "--json").json() == {"written": 0, "files": {}}
    assert (out / "concessions.csv").read_text("utf-8") == text
    again = cli("export", out, "--db", staffed_db)
    assert again.code == 0 and again.out.startswith("0 records handed back")
    assert [(e.actor, e.action) for e in trail(staffed_db)][-1] == (os_actor(), "handback_exported")


def test_command_line_reads_are_audited_as_the_os_user(cli: Cli, staffed_db: Path) -> None:
    before = last_seq(staffed_db)
    assert cli("profile", HERO, "--db", staffed_db, "--json").json()["customer_id"] == HERO
    found = cli("lookup", "07700 900123", "--db", staffed_db, "--json").json()
    assert [m["customer_id"] for m in found] == [HERO]
    refused = cli("lookup", "4111 1111 1111 1111", "--db", staffed_db)
    assert "payment card" in refused.refusal
    assert "4111" not in refused.err
    entries = trail(staffed_db, before)
    user = os_actor()
    assert user.startswith("os:") and len(user) > 3
    assert [(e.actor, e.action, e.customer_id, e.detail) for e in entries] == [
        (user, "lookup", HERO, "key_type=customer_id"),
        (user, "lookup", HERO, "key_type=phone"),
        (user, "lookup_refused", None, "key_type=payment_card"),
    ]
    written = [(e.at, e.actor, e.action, e.customer_id, e.detail) for e in entries]
    assert "4111" not in repr(written)  # the hashes are hex: they may hold "4111" by chance


def test_the_installed_command_reads_the_pin_from_a_pipe(staffed_db: Path) -> None:
    standing = Path(sys.executable).with_name("standing")
    if not standing.exists():
        pytest.fail(f"the console script is not installed at {standing}: pip install -e .")
    args = [
        str(standing), "concession", "record", HERO, "--category", "lost_ticket",
        "--amount", "3.20", "--action", "waive", "--value", "3.20", "--staff", "clerk1",
        "--note", "lost it at York", "--db", str(staffed_db), "--json",
    ]  # fmt: skip
    done = subprocess.run(
        args, input="1111\n", capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "recorded" and out["needs_approval"] is False
    wrong = subprocess.run(
        args, input="1112\n", capture_output=True, text=True, timeout=60, check=False
    )
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip().splitlines() == ["standing: wrong PIN: 4 tries left"]
    station = open_station(Settings(db_path=staffed_db), create=False)
    try:
        c = station.concessions.find(out["concession_id"])
    finally:
        station.close()
    assert c is not None
    assert (c.customer_id, c.action, c.value, c.disputed_amount, c.words, c.staff_id) == (
        HERO,
        "waive",
        3_20,
        3_20,
        "lost it at York",
        "clerk1",
    )


def test_a_lookup_that_cannot_be_audited_shows_nothing(cli: Cli, staffed_db: Path) -> None:
    import sqlite3

    importer = sqlite3.connect(staffed_db, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # another process holds the write lock throughout
    try:
        done = cli("lookup", "07700 900123", "--db", staffed_db)
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    assert "could not be written to the audit log" in done.refusal

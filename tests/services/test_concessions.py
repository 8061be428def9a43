"""Recorded goodwill: recorded or pending, approved or denied by the right person, counted
in the customer's history and the guards at once, kept through re-imports, handed back."""

from __future__ import annotations

import csv
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.goodwill import GoodwillError
from app.domain.models import Profile
from app.domain.staff import Staff
from app.services.concessions import DecisionError, Outcome
from app.services.handback import CONCESSION_COLUMNS, INTERACTION_COLUMNS, export_handback
from app.services.importing import import_folder
from app.services.lookup import RefusedInputError, UnknownCustomerError
from app.services.station import Station
from app.store import audit as audit_store
from app.store import records
from app.store.database import writing
from app.store.records import RecordedConcession
from tests.clock import Clock
from tests.conftest import AS_OF

HERO = "C000001"  # gold, £2,532 of spend in 12 months, no goodwill yet
GUARDED = "C000041"  # three concessions in the last 90 days already
QUIET = "C000003"  # no complaints, no goodwill
CARD = "4111 1111 1111 1111"  # Luhn-valid: a payment card


def member(station: Station, staff_id: str) -> Staff:
    found = station.staff.find(staff_id)
    assert found is not None
    return found


def profile(station: Station, customer_id: str = HERO) -> Profile:
    return station.lookup.profile(customer_id, AS_OF)


def give(
    station: Station,
    value: int,
    *,
    by: str = "clerk1",
    customer_id: str = HERO,
    action: str = "voucher",
    words: str = "",
    note: str = "",
) -> Outcome:
    return station.concessions.record(
        member(station, by),
        customer_id,
        category="delay",
        action=action,
        value=value,
        amount=value,
        words=words,
        note=note,
    )


def stored(station: Station, concession_id: str) -> RecordedConcession:
    found = station.concessions.find(concession_id)
    assert found is not None
    return found


def actions(station: Station) -> list[str]:
    return [e.action for e in audit_store.entries(station.db) if e.action != "staff_added"]


def count(station: Station, table: str) -> int:
    return int(station.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_preconditions_of_these_tests(staffed_station: Station) -> None:
    hero, guarded = profile(staffed_station), profile(staffed_station, GUARDED)
    assert (hero.standing.tier, hero.concessions_90d, hero.concession_value_12m) == ("gold", 0, 0)
    assert hero.spend_12m > 2_000_00
    assert guarded.concessions_90d == 3
    assert count(staffed_station, "recorded_concessions") == 0


def test_within_the_clerks_limit_it_is_recorded(staffed_station: Station, clock: Clock) -> None:
    outcome = staffed_station.concessions.record(
        member(staffed_station, "clerk1"),
        HERO,
        category="lost_ticket",
        action="waive",
        value=5_00,
        amount=7_50,
        words="  I lost my ticket on the 8:10  ",
        note="seen the booking",
    )
    assert (outcome.status, outcome.needs_approval, outcome.approval_reason) == (
        "recorded",
        False,
        None,
    )
    assert uuid.UUID(outcome.concession_id).version == 4
    c = stored(staffed_station, outcome.concession_id)
    assert (c.customer_id, c.category, c.action, c.value, c.disputed_amount) == (
        HERO,
        "lost_ticket",
        "waive",
        5_00,
        7_50,
    )
    assert (c.words, c.note, c.staff_id, c.station) == (
        "I lost my ticket on the 8:10",
        "seen the booking",
        "clerk1",
        "Counter 1",
    )
    assert c.recorded_at == clock.now
    assert (c.status, c.decided_by, c.decided_at) == ("recorded", None, None)
    assert staffed_station.concessions.pending() == []
    entry = list(audit_store.entries(staffed_station.db))[-1]
    assert (entry.actor, entry.action, entry.customer_id) == ("clerk1", "concession_recorded", HERO)
    assert entry.detail == f"{outcome.concession_id} waive £5.00"


def test_every_concession_has_its_own_uuid(staffed_station: Station) -> None:
    ids = [give(staffed_station, 0, action="apology").concession_id for _ in range(5)]
    assert len(set(ids)) == 5
    assert all(uuid.UUID(i).version == 4 for i in ids)


def test_over_the_clerks_limit_it_is_pending(staffed_station: Station) -> None:
    outcome = give(staffed_station, 30_00)
    assert outcome.status == "pending" and outcome.needs_approval
    assert outcome.approval_reason == (
        "£30.00 is over the clerk limit of £25.00: a supervisor must approve"
    )
    assert [c.concession_id for c in staffed_station.concessions.pending()] == [
        outcome.concession_id
    ]
    assert stored(staffed_station, outcome.concession_id).approval_reason == outcome.approval_reason
    assert actions(staffed_station) == ["concession_pending"]


def test_tripping_a_guard_it_is_pending_whoever_gives_it(staffed_station: Station) -> None:
    # the second sees the first: a request pending counts until it is denied
    for seen, by, approver in ((3, "clerk1", "a supervisor"), (4, "super1", "a manager")):
        outcome = give(staffed_station, 2_00, by=by, customer_id=GUARDED)
        assert outcome.status == "pending"
        assert outcome.approval_reason == (
            f"{seen} concessions to this customer in the last 90 days: {approver} must approve"
        )


def test_a_personal_limit_replaces_the_roles(staffed_station: Station) -> None:
    staffed_station.staff.add(
        "low", name="Lou Low", role="clerk", pin="5555", limit=10_00, actor="os:admin"
    )
    staffed_station.staff.add(
        "high", name="Hal High", role="clerk", pin="6666", limit=50_00, actor="os:admin"
    )
    low = give(staffed_station, 15_00, by="low")
    assert low.status == "pending"
    assert low.approval_reason == (
        "£15.00 is over your personal limit of £10.00: a supervisor must approve"
    )
    assert give(staffed_station, 30_00, by="high").status == "recorded"  # above the role's


def test_a_supervisor_approves_a_clerks_request(staffed_station: Station, clock: Clock) -> None:
    asked = give(staffed_station, 30_00)
    clock.advance(minutes=3)
    decided = staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked.concession_id
    )
    assert (decided.concession_id, decided.status) == (asked.concession_id, "approved")
    c = stored(staffed_station, asked.concession_id)
    assert (c.status, c.decided_by, c.decided_at, c.decision_reason) == (
        "approved",
        "super1",
        clock.now,
        "",
    )
    assert c.approval_reason == asked.approval_reason  # why it was asked for stays
    assert staffed_station.concessions.pending() == []
    assert actions(staffed_station) == ["concession_pending", "concession_approved"]


def refused(station: Station, approver: str, concession_id: str, **how: object) -> str:
    with pytest.raises(DecisionError) as caught:
        station.concessions.decide(member(station, approver), concession_id, **how)  # type: ignore[arg-type]
    assert stored(station, concession_id).status == "pending"  # nothing half-decided
    return str(caught.value)


def test_nobody_approves_their_own_request(staffed_station: Station) -> None:
    own = give(staffed_station, 30_00, by="clerk1").concession_id
    assert "nobody approves their own request: a supervisor must" in refused(
        staffed_station, "clerk1", own
    )
    supervisors = give(staffed_station, 300_00, by="super1").concession_id
    assert "nobody approves their own request: a manager must" in refused(
        staffed_station, "super1", supervisors
    )
    message = refused(staffed_station, "super1", supervisors, deny=True, reason="too much")
    assert "nobody approves their own request" in message  # nor denies it
    assert actions(staffed_station) == [
        "concession_pending",
        "decision_refused",  # refusals are audited, with who tried
        "concession_pending",
        "decision_refused",
        "decision_refused",
    ]


def test_a_clerk_cannot_approve(staffed_station: Station) -> None:
    asked = give(staffed_station, 30_00, by="clerk1").concession_id
    assert refused(staffed_station, "clerk2", asked) == (
        "a clerk cannot decide this: a supervisor must"
    )
    assert "a clerk cannot decide" in refused(
        staffed_station, "clerk2", asked, deny=True, reason="no"
    )


def test_above_a_supervisors_own_limit_a_manager_must_approve(staffed_station: Station) -> None:
    asked = give(staffed_station, 300_00, by="clerk1").concession_id
    assert refused(staffed_station, "super1", asked) == (
        "£300.00 is over your limit of £250.00: a manager must approve"
    )
    decided = staffed_station.concessions.decide(member(staffed_station, "manager1"), asked)
    assert decided.status == "approved"
    assert stored(staffed_station, asked).decided_by == "manager1"


def test_a_supervisor_may_deny_above_their_limit(staffed_station: Station) -> None:
    asked = give(staffed_station, 300_00, by="clerk1").concession_id
    decided = staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked, deny=True, reason="ask the customer for a receipt"
    )
    assert decided.status == "denied"


def test_a_managers_own_request_names_who_can_approve_it(staffed_station: Station) -> None:
    asked = give(staffed_station, 2_00, by="manager1", customer_id=GUARDED).concession_id
    assert refused(staffed_station, "manager1", asked) == (
        "nobody approves their own request: another manager must"
    )


def test_a_supervisors_own_request_goes_to_a_manager(staffed_station: Station) -> None:
    staffed_station.staff.add(
        "super2", name="Sue Second", role="supervisor", pin="7777", actor="os:admin"
    )
    asked = give(staffed_station, 2_00, by="super1", customer_id=GUARDED).concession_id
    assert refused(staffed_station, "super2", asked) == (
        "a supervisor cannot decide this: a manager must"
    )
    assert staffed_station.concessions.decide(
        member(staffed_station, "manager1"), asked
    ).status == ("approved")


def test_a_denial_needs_a_reason(staffed_station: Station) -> None:
    asked = give(staffed_station, 30_00).concession_id
    for reason in ("", "   "):
        assert refused(staffed_station, "super1", asked, deny=True, reason=reason) == (
            "give a reason for the denial"
        )
    decided = staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked, deny=True, reason="  already refunded online "
    )
    assert decided.status == "denied"
    c = stored(staffed_station, asked)
    assert (c.status, c.decided_by, c.decision_reason) == (
        "denied",
        "super1",
        "already refunded online",
    )
    entry = list(audit_store.entries(staffed_station.db))[-1]
    assert (entry.actor, entry.action, entry.customer_id) == ("super1", "concession_denied", HERO)
    assert entry.detail == f"{asked} requested by clerk1: already refunded online"


def test_a_concession_is_decided_once(staffed_station: Station) -> None:
    super1, manager = member(staffed_station, "super1"), member(staffed_station, "manager1")
    asked = give(staffed_station, 30_00).concession_id
    staffed_station.concessions.decide(super1, asked)
    for approver, how in ((manager, {}), (manager, {"deny": True, "reason": "no"})):
        with pytest.raises(DecisionError, match=f"concession {asked} is already approved"):
            staffed_station.concessions.decide(approver, asked, **how)  # type: ignore[arg-type]
    recorded = give(staffed_station, 1_00).concession_id
    with pytest.raises(DecisionError, match="is already recorded"):
        staffed_station.concessions.decide(super1, recorded)
    with pytest.raises(DecisionError, match="no recorded concession 'nope'"):
        staffed_station.concessions.decide(super1, "nope")
    assert stored(staffed_station, asked).decided_by == "super1"
    assert actions(staffed_station).count("concession_approved") == 1


def test_the_database_refuses_changes_and_deletions_itself(staffed_station: Station) -> None:
    recorded = give(staffed_station, 1_00).concession_id
    asked = give(staffed_station, 30_00).concession_id
    db = staffed_station.db
    for sql, params in (
        ("UPDATE recorded_concessions SET value = 1 WHERE concession_id = ?", [asked]),
        ("UPDATE recorded_concessions SET status = 'approved' WHERE concession_id = ?", [recorded]),
        ("UPDATE recorded_concessions SET status = 'recorded' WHERE concession_id = ?", [asked]),
        ("DELETE FROM recorded_concessions WHERE concession_id = ?", [recorded]),
    ):
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(sql, params)
    assert stored(staffed_station, asked).value == 30_00
    assert stored(staffed_station, recorded).status == "recorded"


def test_a_decision_changes_again_only_as_a_noted_clash(staffed_station: Station) -> None:
    """Offline, a request decided here had been decided otherwise first in the chain: the
    chain's decision replaces it, and the one made here is kept beside it."""
    asked = give(staffed_station, 30_00).concession_id
    staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked, deny=True, reason="no ticket"
    )
    db = staffed_station.db
    with pytest.raises(sqlite3.IntegrityError):  # no clash noted: refused as before
        db.execute(
            "UPDATE recorded_concessions SET status = 'approved', decided_by = 'boss' "
            "WHERE concession_id = ?",
            [asked],
        )
    chain = records.Decision("approved", "super7", 1_700_000_000, None)
    with writing(db):
        records.note_clash(
            db, asked, chain, "approved by super7 in the chain", datetime.now(UTC), "York"
        )
    now = stored(staffed_station, asked)
    assert (now.status, now.decided_by) == ("approved", "super7")
    kept = db.execute(
        "SELECT here_status, here_decided_by, here_reason FROM decision_clashes"
    ).fetchall()
    assert kept == [("denied", "super1", "no ticket")]


def test_history_and_guards_count_a_new_record_at_once(
    staffed_station: Station, clock: Clock
) -> None:
    for n in range(1, 4):
        clock.advance(minutes=5)
        outcome = give(staffed_station, 2_00, words="the train was late again")
        assert outcome.status == "recorded"
        now = profile(staffed_station)
        assert now.concessions_90d == n
        assert now.concession_value_12m == n * 2_00
        latest = now.recent_concessions[0]
        assert (latest.concession_id, latest.value, latest.status) == (
            outcome.concession_id,
            2_00,
            "recorded",
        )
        assert (latest.kind, latest.location) == ("voucher", "Counter 1")
        assert latest.reason == "delay: the train was late again"
    fourth = give(staffed_station, 2_00)  # the guard now sees the three just recorded
    assert fourth.status == "pending"
    assert fourth.approval_reason is not None
    assert fourth.approval_reason.startswith("3 concessions to this customer in the last 90 days")
    assert staffed_station.concessions.shift(member(staffed_station, "clerk1")).count == 4


def test_a_denied_concession_stays_in_history_but_not_in_the_guards(
    staffed_station: Station,
) -> None:
    asked = give(staffed_station, 30_00).concession_id
    assert profile(staffed_station).concessions_90d == 1  # asked for: counted while pending
    staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked, deny=True, reason="not our delay"
    )
    after = profile(staffed_station)
    assert (after.concessions_90d, after.concession_value_12m) == (0, 0)
    latest = after.recent_concessions[0]
    assert (latest.concession_id, latest.status) == (asked, "denied")
    shift = staffed_station.concessions.shift(member(staffed_station, "clerk1"))
    assert (shift.count, shift.value) == (0, 0)


def test_the_customers_own_words_without_a_concession(
    staffed_station: Station, clock: Clock
) -> None:
    clerk = member(staffed_station, "clerk1")
    before = profile(staffed_station, QUIET)
    assert before.complaints_12m == 0
    complaint = staffed_station.concessions.record_feedback(
        clerk, QUIET, kind="complaint", words="  The queue was forty minutes long. "
    )
    clock.advance(minutes=1)
    compliment = staffed_station.concessions.record_feedback(
        clerk, QUIET, kind="compliment", words="But Sam at the desk was lovely"
    )
    after = profile(staffed_station, QUIET)
    assert after.complaints_12m == 1  # the compliment is not a complaint
    assert [
        (i.interaction_id, i.kind, i.channel, i.summary) for i in after.recent_interactions[:2]
    ] == [
        (compliment, "compliment", "counter", "But Sam at the desk was lovely"),
        (complaint, "complaint", "counter", "The queue was forty minutes long."),
    ]
    assert after.concessions_90d == 0
    assert count(staffed_station, "recorded_concessions") == 0
    assert actions(staffed_station) == ["feedback_recorded", "feedback_recorded"]
    with pytest.raises(GoodwillError, match="unknown kind 'praise'"):
        staffed_station.concessions.record_feedback(clerk, QUIET, kind="praise", words="nice")
    with pytest.raises(GoodwillError, match="write down what the customer said"):
        staffed_station.concessions.record_feedback(clerk, QUIET, kind="complaint", words="  ")
    with pytest.raises(UnknownCustomerError):
        staffed_station.concessions.record_feedback(clerk, "NOPE", kind="complaint", words="x")
    assert count(staffed_station, "feedback") == 2


def test_a_payment_card_number_in_the_words_is_never_stored(staffed_station: Station) -> None:
    asked = give(
        staffed_station,
        30_00,
        words=f"charged twice on my card {CARD}",
        note=f"card {CARD.replace(' ', '')} seen",
    ).concession_id
    staffed_station.concessions.decide(
        member(staffed_station, "super1"), asked, deny=True, reason=f"refund went to {CARD}"
    )
    staffed_station.concessions.record_feedback(
        member(staffed_station, "clerk1"), HERO, kind="complaint", words=f"{CARD} was declined"
    )
    c = stored(staffed_station, asked)
    assert c.words == "charged twice on my card [card number removed]"
    assert c.note == "card [card number removed] seen"
    assert c.decision_reason == "refund went to [card number removed]"
    written = (  # what people wrote, not ids and hashes (hex, where "4111" may occur by chance)
        "SELECT words, note, approval_reason, decision_reason FROM recorded_concessions",
        "SELECT words FROM feedback",
        "SELECT actor, action, customer_id, detail FROM audit_log",
    )
    everything = repr([staffed_station.db.execute(sql).fetchall() for sql in written])
    assert "4111" not in everything and "1111 1111" not in everything


def test_refused_input_records_nothing(staffed_station: Station) -> None:
    clerk = member(staffed_station, "clerk1")
    before = count(staffed_station, "audit_log")
    attempts: list[tuple[type[Exception], dict[str, object]]] = [
        (GoodwillError, {"category": "weather"}),
        (GoodwillError, {"action": "cash"}),
        (GoodwillError, {"value": -1}),
        (GoodwillError, {"amount": -1}),
        (UnknownCustomerError, {"customer_id": "NOPE"}),
        (RefusedInputError, {"customer_id": "4111111111111111"}),
    ]
    for error, fields in attempts:
        given: dict[str, object] = {
            "customer_id": HERO,
            "category": "delay",
            "action": "voucher",
            "value": 5_00,
            "amount": 0,
            **fields,
        }
        customer_id = str(given.pop("customer_id"))
        with pytest.raises(error):
            staffed_station.concessions.record(clerk, customer_id, **given)  # type: ignore[arg-type]
    assert count(staffed_station, "recorded_concessions") == 0
    assert count(staffed_station, "handback") == 0
    assert count(staffed_station, "audit_log") == before
    assert not staffed_station.db.conn.in_transaction


def test_records_survive_a_reimport_of_the_same_export(
    staffed_station: Station, demo_export: Path
) -> None:
    recorded = give(staffed_station, 2_00).concession_id
    asked = give(staffed_station, 30_00).concession_id
    feedback = staffed_station.concessions.record_feedback(
        member(staffed_station, "clerk1"), HERO, kind="complaint", words="late"
    )
    before = profile(staffed_station)
    import_folder(staffed_station, demo_export)
    after = profile(staffed_station)
    assert {recorded, asked} <= {c.concession_id for c in after.recent_concessions}
    assert feedback in {i.interaction_id for i in after.recent_interactions}
    assert (after.concessions_90d, after.concession_value_12m, after.complaints_12m) == (
        before.concessions_90d,
        before.concession_value_12m,
        before.complaints_12m,
    )
    assert staffed_station.concessions.pending()[0].concession_id == asked
    assert staffed_station.audit.verify().intact


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_hand_back_writes_what_was_given_since_the_last_time(
    staffed_station: Station, tmp_path: Path
) -> None:
    out = tmp_path / "handback"
    super1 = member(staffed_station, "super1")
    recorded = give(staffed_station, 5_00, words="late again").concession_id
    approved = give(staffed_station, 30_00).concession_id
    denied = give(staffed_station, 40_00).concession_id
    waiting = give(staffed_station, 50_00).concession_id
    staffed_station.concessions.decide(super1, approved, reason="fair")
    staffed_station.concessions.decide(super1, denied, deny=True, reason="no delay that day")
    said = staffed_station.concessions.record_feedback(
        member(staffed_station, "clerk1"), QUIET, kind="compliment", words="Very helpful"
    )

    first = export_handback(staffed_station.db, out, staffed_station.audit, "os:test")
    assert (first.written, first.files) == (3, {"concessions.csv": 2, "interactions.csv": 1})
    lines = (out / "concessions.csv").read_text("utf-8").splitlines()
    assert lines[0] == ",".join(CONCESSION_COLUMNS)
    assert CONCESSION_COLUMNS[:7] == (
        "concession_id", "customer_id", "granted_at", "value", "kind", "reason", "location"
    )  # fmt: skip
    rows = read_rows(out / "concessions.csv")
    assert [r["concession_id"] for r in rows] == [recorded, approved]
    given = rows[0]
    assert (given["customer_id"], given["value"], given["kind"], given["reason"]) == (
        HERO,
        "5.00",
        "voucher",
        "delay",
    )
    assert (given["status"], given["words"], given["location"]) == (
        "recorded",
        "late again",
        "Counter 1",
    )
    assert given["granted_at"] == "2026-11-23T12:00:00+00:00"
    assert (rows[1]["status"], rows[1]["decided_by"], rows[1]["value"]) == (
        "approved",
        "super1",
        "30.00",
    )
    assert (out / "interactions.csv").read_text("utf-8").splitlines()[0] == ",".join(
        INTERACTION_COLUMNS
    )
    (words,) = read_rows(out / "interactions.csv")
    assert (words["interaction_id"], words["customer_id"], words["kind"], words["summary"]) == (
        said,
        QUIET,
        "compliment",
        "Very helpful",
    )
    assert denied not in (out / "concessions.csv").read_text("utf-8")
    assert waiting not in (out / "concessions.csv").read_text("utf-8")

    files = {p.name: p.read_bytes() for p in out.iterdir()}
    second = export_handback(staffed_station.db, out, staffed_station.audit, "os:test")
    assert (second.written, second.files) == (0, {})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files  # nothing written

    staffed_station.concessions.decide(member(staffed_station, "manager1"), waiting)
    later = give(staffed_station, 1_00, customer_id=QUIET).concession_id
    third = export_handback(staffed_station.db, out, staffed_station.audit, "os:test")
    assert (third.written, third.files) == (2, {"concessions.csv": 2})
    assert [r["concession_id"] for r in read_rows(out / "concessions.csv")] == [
        recorded,
        approved,
        waiting,
        later,
    ]
    assert len(read_rows(out / "interactions.csv")) == 1
    exports = [
        e for e in audit_store.entries(staffed_station.db) if e.action == "handback_exported"
    ]
    assert [(e.actor, e.detail) for e in exports] == [
        ("os:test", f"3 rows to {out}"),
        ("os:test", f"2 rows to {out}"),
    ]


def test_a_hand_back_comes_home_as_an_export_and_counts_once(
    staffed_station: Station, tmp_path: Path
) -> None:
    """Upstream sends the hand-back rows back in its next export: same UUIDs, counted once,
    and a denied request does not come back as goodwill given."""
    out = tmp_path / "handback"
    super1 = member(staffed_station, "super1")
    give(staffed_station, 5_00)
    approved = give(staffed_station, 30_00).concession_id
    denied = give(staffed_station, 40_00).concession_id
    staffed_station.concessions.decide(super1, approved)
    staffed_station.concessions.decide(super1, denied, deny=True, reason="no")
    staffed_station.concessions.record_feedback(
        member(staffed_station, "clerk1"), HERO, kind="complaint", words="late"
    )
    before = profile(staffed_station)
    assert (before.concessions_90d, before.concession_value_12m) == (2, 35_00)

    export_handback(staffed_station.db, out, staffed_station.audit, "os:test")
    report = import_folder(staffed_station, out)
    assert report.files["concessions.csv"].imported == 2
    assert report.files["interactions.csv"].imported == 1

    after = profile(staffed_station)
    assert (after.concessions_90d, after.concession_value_12m, after.complaints_12m) == (
        2,
        35_00,
        before.complaints_12m,
    )
    assert len(after.recent_concessions) == len(before.recent_concessions)


def test_history_is_judged_as_of_the_station_clocks_day(
    staffed_station: Station, clock: Clock
) -> None:
    """The guards look back from the day the clock says, as the shift does: by 2028 this
    customer's goodwill of late 2026 is more than a year old and trips nothing."""
    clock.now = clock.now.replace(year=2028, month=1, day=10)
    outcome = give(staffed_station, 2_00, customer_id=GUARDED)
    assert (outcome.status, outcome.approval_reason) == ("recorded", None)
    then = staffed_station.lookup.profile(GUARDED, clock.now.date())
    assert then.concessions_90d == 1
    assert then.recent_concessions[0].concession_id == outcome.concession_id

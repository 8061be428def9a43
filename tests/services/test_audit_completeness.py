"""A scripted shift at the counter, through the services: every sign-in, failed sign-in,
lock, lookup, refusal, reveal, suggestion and decision is in the audit log, in order, with
nothing of a refused payment card in it, and the chain is intact at the end."""

from __future__ import annotations

import re

import pytest

from app.services.concessions import DecisionError
from app.services.staff import SignInError
from app.services.station import Station
from app.store import audit as audit_store
from tests.clock import Clock
from tests.conftest import AS_OF

HERO = "C000001"
CARD = "4111 1111 1111 1111"  # Luhn-valid: a payment card, scanned by mistake


def test_a_shift_leaves_a_complete_audit_trail(staffed_station: Station, clock: Clock) -> None:
    station = staffed_station
    start = max(e.seq for e in audit_store.entries(station.db))

    clerk = station.staff.sign_in("clerk1", "1111")
    clock.advance(seconds=5)
    with pytest.raises(SignInError):
        station.staff.sign_in("clerk2", "0000")
    station.db.execute("UPDATE staff SET failed_attempts = 4 WHERE staff_id = 'clerk2'")
    with pytest.raises(SignInError, match="locked"):
        station.staff.sign_in("clerk2", "0000")
    with pytest.raises(SignInError):
        station.staff.sign_in("3333", "1111")  # a PIN in the id field: not logged as typed

    desk = station.desk(clerk)
    refused = desk.search(CARD, AS_OF)
    assert refused.refused and refused.matches == ()
    found = desk.search("07700 900123", AS_OF)
    assert found.direct is not None and found.direct.customer_id == HERO
    profile = desk.open(HERO, found.key_type, AS_OF)
    phones = desk.reveal_phones(profile)
    assert phones and all(p.startswith("+") for p in phones)
    advice = desk.advise(HERO, category="lost_ticket", amount=12_00, as_of=AS_OF, profile=profile)
    desk.advise(HERO, category="lost_ticket", amount=12_00, as_of=AS_OF, profile=profile)
    assert advice.top is not None

    recorded = station.concessions.record(
        clerk, HERO, category="lost_ticket", action="waive", value=12_00, amount=12_00
    )
    asked = station.concessions.record(
        clerk, HERO, category="delay", action="voucher", value=40_00, amount=0
    )
    asked_again = station.concessions.record(
        clerk, HERO, category="delay", action="voucher", value=60_00, amount=0
    )
    supervisor = station.staff.check("super1", "3333", purpose="approve")
    station.concessions.decide(supervisor, asked.concession_id)
    with pytest.raises(DecisionError):
        station.concessions.decide(clerk, asked_again.concession_id)
    station.concessions.decide(
        supervisor, asked_again.concession_id, deny=True, reason="voucher already sent"
    )
    station.concessions.record_feedback(
        clerk, HERO, kind="complaint", words="Third late train this week"
    )

    trail = [e for e in audit_store.entries(station.db) if e.seq > start]
    assert [(e.actor, e.action, e.customer_id) for e in trail] == [
        ("clerk1", "sign_in", None),
        ("clerk2", "sign_in_failed", None),
        ("clerk2", "sign_in_failed", None),
        ("clerk2", "account_locked", None),
        ("unknown", "sign_in_failed", None),
        ("clerk1", "lookup_refused", None),
        ("clerk1", "lookup", HERO),
        ("clerk1", "reveal_phone", HERO),
        ("clerk1", "suggestion_shown", HERO),  # once for the same suggestion
        ("clerk1", "concession_recorded", HERO),
        ("clerk1", "concession_pending", HERO),
        ("clerk1", "concession_pending", HERO),
        ("super1", "concession_approved", HERO),
        ("clerk1", "decision_refused", None),  # a clerk tried to approve their own
        ("super1", "concession_denied", HERO),
        ("clerk1", "feedback_recorded", HERO),
    ]
    details = [e.detail for e in trail]
    assert details[5] == "key_type=payment_card"
    assert details[6] == "key_type=phone"
    assert details[7] == f"{len(phones)} numbers"
    assert recorded.concession_id in details[9]
    assert details[12] == f"{asked.concession_id} requested by clerk1"
    assert "nobody approves their own request" in details[13]
    assert details[14] == f"{asked_again.concession_id} requested by clerk1: voucher already sent"
    assert [e.at for e in trail] == sorted(e.at for e in trail)
    assert {e.station for e in trail} == {"Counter 1"}

    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    written = uuid.sub(
        "<id>",
        "\n".join(
            " ".join(str(v) for v in row)
            for row in station.db.execute(
                "SELECT actor, action, customer_id, detail FROM audit_log"
            )
        ),
    )
    assert "4111" not in written
    assert not re.search(r"\d(?:[ -]?\d){12,18}", written)  # no card number, however spaced
    assert "3333" not in written  # the id typed was a PIN: not kept
    assert all(p not in written for p in phones)  # revealed and audited, never written down

    verdict = station.audit.verify()
    assert verdict.intact and verdict.checked == start + len(trail)

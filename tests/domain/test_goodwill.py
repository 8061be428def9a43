"""The goodwill engine: a scenario table of counter disputes, and its four promises."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.goodwill import Dispute, GoodwillError, Shift, cap_for, suggest
from app.domain.models import Signal
from app.domain.policy import DISPUTE_CATEGORIES, ROLES, Policy, parse_policy
from app.services.station import load_policy
from tests.domain.goodwill_profiles import pounds, profile

POLICY = load_policy()
DEFAULT_POLICY_TEXT = (Path(__file__).parents[2] / "resources" / "policy.toml").read_text("utf-8")
QUIET, ADVOCATE = Signal.QUIET_REGULAR, Signal.ADVOCATE

HERO = {"spend": "2500", "lifetime": "14000", "years": 5, "signals": (QUIET,)}
NEWCOMER: dict[str, Any] = {}
SILVER = {"spend": "600", "lifetime": "3000", "years": 2}
PLATINUM = {"spend": "4000", "lifetime": "40000", "years": 10}

# (who, category, amount, role, shift, expected action, value, needs approval)
# fmt: off
SCENARIOS = [
    ("the hero's lost ticket", HERO, "lost_ticket", "1.50", "clerk", None, "waive", "1.50", False),
    ("a newcomer's lost ticket", NEWCOMER, "lost_ticket", "1.50", "clerk", None, "waive", "1.50", False),
    ("nothing to waive: a voucher", NEWCOMER, "lost_ticket", "0", "clerk", None, "voucher", "3.00", False),
    ("newcomer's delay", NEWCOMER, "delay", "0", "clerk", None, "voucher", "8.00", False),
    ("newcomer's big claim is capped", NEWCOMER, "lost_ticket", "40", "clerk", None, "waive", "15.00", False),
    ("the hero's delay", HERO, "delay", "0", "clerk", None, "voucher", "16.00", False),
    ("platinum delay", PLATINUM, "delay", "0", "clerk", None, "voucher", "20.00", False),
    ("platinum faulty product", PLATINUM, "faulty_product", "300", "clerk", None, "refund", "300.00", True),
    ("…as a supervisor", PLATINUM, "faulty_product", "300", "supervisor", None, "refund", "300.00", True),
    ("…as a manager", PLATINUM, "faulty_product", "300", "manager", None, "refund", "300.00", False),
    ("silver billing error", SILVER, "billing_error", "12", "clerk", None, "refund", "12.00", False),
    ("silver poor service", SILVER, "poor_service", "0", "clerk", None, "voucher", "7.00", False),
    ("newcomer poor service", NEWCOMER, "poor_service", "0", "clerk", None, "voucher", "5.00", False),
    ("three recent concessions", {**HERO, "given_90d": 3}, "lost_ticket", "1.50", "clerk", None, "waive", "1.50", True),
    ("two recent concessions", {**HERO, "given_90d": 2}, "lost_ticket", "1.50", "clerk", None, "waive", "1.50", False),
    ("goodwill outweighs spend", {"spend": "100", "given_12m": "40"}, "delay", "0", "clerk", None, "voucher", "8.00", True),
    ("goodwill within its share", {"spend": "200", "given_12m": "40"}, "delay", "0", "clerk", None, "voucher", "8.00", False),
    ("a busy shift by count", NEWCOMER, "lost_ticket", "1.50", "clerk", (10, "20"), "waive", "1.50", True),
    ("a busy shift by value", NEWCOMER, "delay", "0", "clerk", (3, "145"), "voucher", "8.00", True),
    ("an advocate's delay", {"signals": (ADVOCATE,)}, "delay", "0", "clerk", None, "voucher", "10.00", False),
    ("newcomer, other", NEWCOMER, "other", "0", "clerk", None, "voucher", "4.00", False),
    ("gold long-timer, other", {"spend": "1600", "years": 5}, "other", "0", "clerk", None, "voucher", "7.00", False),
    ("gold, ticket over the clerk's limit", HERO, "lost_ticket", "30", "clerk", None, "waive", "30.00", True),
    ("…which a supervisor may waive", HERO, "lost_ticket", "30", "supervisor", None, "waive", "30.00", False),
    ("nothing to refund: a voucher", NEWCOMER, "faulty_product", "0", "clerk", None, "voucher", "5.00", False),
    ("gold by lifetime alone", {"spend": "100", "lifetime": "13000"}, "delay", "0", "clerk", None, "voucher", "12.00", False),
    ("platinum billing over every cap", PLATINUM, "billing_error", "900", "manager", None, "refund", "500.00", False),
    ("standard, refund above the newcomer cap", {"spend": "40"}, "billing_error", "60", "clerk", None, "refund", "20.00", True),
]
# fmt: on


@pytest.mark.parametrize(
    ("who", "category", "amount", "role", "shift", "action", "value", "approval"),
    [s[1:] for s in SCENARIOS],
    ids=[s[0] for s in SCENARIOS],
)
def test_scenario(
    who: dict[str, Any],
    category: str,
    amount: str,
    role: str,
    shift: tuple[int, str] | None,
    action: str,
    value: str,
    approval: bool,
) -> None:
    on_shift = Shift(count=shift[0], value=pounds(shift[1])) if shift else None
    dispute = Dispute(category=category, amount=pounds(amount))
    top = suggest(profile(POLICY, **who), dispute, role, POLICY, on_shift)[0]
    assert (top.action, top.value, top.needs_approval) == (action, pounds(value), approval)
    assert top.within_discretion is not approval
    assert (top.approval_reason is not None) is approval


def test_the_hero_is_told_why_in_words_to_say() -> None:
    (top, _voucher, apology) = suggest(
        profile(POLICY, **HERO, last_goodwill_days=700),
        Dispute(category="lost_ticket", amount=150, words="I lost it on the platform"),
        "clerk",
        POLICY,
    )
    assert top.script.startswith("I can see you've travelled with us for five years.")
    assert "£1.50" in top.script
    facts = {r.fact: r.text for r in top.reasons}
    assert set(facts) >= {
        "tier",
        "tenure",
        "spend_12m",
        "lifetime_value",
        "last_concession",
        "signals",
        "words",
    }
    assert facts["tier"].startswith("Gold")
    assert facts["last_concession"] == "last goodwill £5.00, 700 days ago"
    assert "I lost it on the platform" in facts["words"]
    assert (apology.action, apology.value, apology.escalate, apology.needs_approval) == (
        "apology",
        0,
        True,
        False,
    )


def test_upgrades_are_for_gold_and_above() -> None:
    silver = [
        s.action
        for s in suggest(profile(POLICY, **SILVER), Dispute(category="delay"), "clerk", POLICY)
    ]
    gold = [
        s.action
        for s in suggest(profile(POLICY, **HERO), Dispute(category="delay"), "clerk", POLICY)
    ]
    assert silver == ["voucher", "points", "apology"]
    assert gold == ["voucher", "points", "upgrade", "apology"]


def test_the_cap_is_named_when_it_bites() -> None:
    top = suggest(profile(POLICY), Dispute(category="lost_ticket", amount=4000), "clerk", POLICY)[0]
    assert top.value == 1500
    assert any(r.fact == "cap" and "£15.00" in r.text for r in top.reasons)


def test_unknown_category_and_role_are_refused() -> None:
    with pytest.raises(GoodwillError, match="unknown category 'lost'"):
        suggest(profile(POLICY), Dispute(category="lost"), "clerk", POLICY)
    with pytest.raises(GoodwillError, match="unknown role 'boss'"):
        suggest(profile(POLICY), Dispute(category="delay"), "boss", POLICY)


def test_default_categories_are_the_contracts() -> None:
    assert [c.id for c in POLICY.goodwill.categories] == list(DISPUTE_CATEGORIES)
    assert {r: POLICY.goodwill.roles.limit(r) for r in ROLES} == {
        "clerk": 2500,
        "supervisor": 25000,
        "manager": 250000,
    }


# --- the four promises, over generated customers and disputes --------------------------

money = st.integers(min_value=0, max_value=2_000_000)
customers = st.fixed_dictionaries(
    {
        "spend": money,
        "lifetime": money,
        "years": st.integers(min_value=0, max_value=20),
        "signals": st.sets(st.sampled_from([QUIET, ADVOCATE])).map(tuple),
        "given_90d": st.integers(min_value=0, max_value=5),
        "given_12m": st.integers(min_value=0, max_value=50_000),
    }
)
disputes = st.builds(
    Dispute,
    category=st.sampled_from(DISPUTE_CATEGORIES),
    amount=st.integers(min_value=0, max_value=100_000),
)
shifts = st.builds(
    Shift,
    count=st.integers(min_value=0, max_value=12),
    value=st.integers(min_value=0, max_value=20_000),
)


def make(policy: Policy, c: dict[str, Any]) -> Any:
    as_text = {k: f"{v / 100:.2f}" for k, v in c.items() if k in ("spend", "lifetime", "given_12m")}
    return profile(policy, **{**c, **as_text})


@settings(max_examples=300, deadline=None)
@given(customers, disputes, st.sampled_from(ROLES), shifts)
def test_every_customer_is_offered_at_least_the_floor(
    c: dict[str, Any], dispute: Dispute, role: str, shift: Shift
) -> None:
    found = suggest(make(POLICY, c), dispute, role, POLICY, shift)
    assert found[0].value > 0
    assert max(s.value for s in found) >= POLICY.goodwill.floor


@settings(max_examples=300, deadline=None)
@given(customers, customers, disputes)
def test_a_more_valuable_customer_never_gets_less(
    a: dict[str, Any], b: dict[str, Any], dispute: Dispute
) -> None:
    richer = {
        **a,
        "spend": max(a["spend"], b["spend"]),
        "lifetime": max(a["lifetime"], b["lifetime"]),
        "years": max(a["years"], b["years"]),
    }
    less = {s.action: s.value for s in suggest(make(POLICY, a), dispute, "clerk", POLICY)}
    more = {s.action: s.value for s in suggest(make(POLICY, richer), dispute, "clerk", POLICY)}
    for action, value in less.items():
        assert more[action] >= value, action
    assert max(more.values()) >= max(less.values())


@settings(max_examples=300, deadline=None)
@given(customers, disputes, st.sampled_from(ROLES))
def test_no_suggestion_exceeds_its_caps(c: dict[str, Any], dispute: Dispute, role: str) -> None:
    p = make(POLICY, c)
    g = POLICY.goodwill
    # the caps, worked out here rather than asked of the engine
    share = p.spend_12m * 50 // 100
    tier_minimum = {"standard": 1500, "silver": 1875, "gold": 2250, "platinum": 3000}
    cap = min(50000, max(tier_minimum[p.standing.tier], share))
    assert cap_for(g, p.spend_12m, p.standing.tier) == cap
    for s in suggest(p, dispute, role, POLICY):
        assert 0 <= s.value <= cap
        assert s.value > 0 or s.escalate  # only an escalating apology is worth nothing


@settings(max_examples=300, deadline=None)
@given(customers, disputes, st.sampled_from(ROLES), shifts)
def test_over_the_limit_or_a_guard_means_approval(
    c: dict[str, Any], dispute: Dispute, role: str, shift: Shift
) -> None:
    p = make(POLICY, c)
    guards = POLICY.goodwill.guards
    for s in suggest(p, dispute, role, POLICY, shift):
        assert s.within_discretion is not s.needs_approval
        if s.value == 0:
            assert not s.needs_approval
            continue
        busy = role == "clerk" and (
            shift.count >= guards.shift_count or shift.value + s.value > guards.shift_value
        )
        over = s.value > POLICY.goodwill.roles.limit(role)
        given = p.concession_value_12m + s.value
        guarded = p.concessions_90d >= guards.repeat_count_90d or (
            given >= guards.min_flagged_value and given > guards.share_of_spend_12m * p.spend_12m
        )
        assert s.needs_approval is (over or guarded or busy)
        if s.needs_approval:
            assert s.approval_reason


STINGY = parse_policy(
    re.sub(r'value = "\d+\.\d\d"', 'value = "0.10"', DEFAULT_POLICY_TEXT), "stingy.toml"
)


@settings(max_examples=200, deadline=None)
@given(customers, disputes, st.sampled_from(ROLES))
def test_the_floor_holds_even_when_base_values_are_tiny(
    c: dict[str, Any], dispute: Dispute, role: str
) -> None:
    found = suggest(make(STINGY, c), dispute, role, STINGY)
    fixed = [s for s in found if s.action not in ("waive", "refund") and s.value > 0]
    assert fixed and all(s.value >= STINGY.goodwill.floor for s in fixed)


def test_a_capped_waiver_says_what_is_given() -> None:
    top = suggest(profile(POLICY), Dispute(category="lost_ticket", amount=4000), "clerk", POLICY)[0]
    assert top.value == 1500
    assert "£15.00" in top.script and "£40.00" in top.script
    assert "nothing more to pay" not in top.script


def test_a_lapsing_premier_customer_is_not_capped_like_a_newcomer() -> None:
    lapsed = profile(POLICY, spend="0", lifetime="40000", years=10)
    assert lapsed.standing.tier == "platinum"
    top = suggest(lapsed, Dispute(category="lost_ticket", amount=10000), "manager", POLICY)[0]
    assert top.value == 3000  # the tier's minimum cap, twice a newcomer's


def test_a_waiting_request_is_not_goodwill_given_and_today_is_today() -> None:
    base = profile(POLICY, **HERO, last_goodwill_days=0)
    given_today = base.recent_concessions[0]
    waiting = given_today.model_copy(
        update={"concession_id": "K2", "value": 8_000, "status": "pending"}
    )
    dispute = Dispute(category="lost_ticket", amount=150)
    today = {r.fact: r.text for r in suggest(base, dispute, "clerk", POLICY)[0].reasons}
    assert today["last_concession"] == "last goodwill £5.00, today"
    asked = base.model_copy(update={"recent_concessions": (waiting, given_today)})
    facts = {r.fact: r.text for r in suggest(asked, dispute, "clerk", POLICY)[0].reasons}
    assert facts["last_concession"] == (
        "a request for £80.00 is waiting for a supervisor; last goodwill £5.00, today"
    )
    only = base.model_copy(update={"recent_concessions": (waiting,)})
    alone = {r.fact: r.text for r in suggest(only, dispute, "clerk", POLICY)[0].reasons}
    assert alone["last_concession"].endswith("; no goodwill given before")

"""Potential value in the judgement: rising customers treated as the tier their forecast
reaches, a valuable customer drifting away won back, and gestures kept in proportion."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.goodwill import Dispute, multiplier, proportion_cap, suggest
from app.domain.models import CustomerFacts, LifetimeStats, Profile, Signal
from app.domain.policy import DISPUTE_CATEGORIES, PolicyError, parse_policy
from app.domain.standing import build_profile, potential_line
from app.domain.window import as_of_bounds
from app.services.station import load_policy

POLICY = load_policy()
POLICY_TEXT = (Path(__file__).parents[2] / "resources" / "policy.toml").read_text("utf-8")
LONDON = ZoneInfo("Europe/London")
AS_OF = date(2026, 11, 23)
BOUNDS = as_of_bounds(AS_OF, LONDON)


def customer(
    *,
    spend_12m: int = 0,
    lifetime: int | None = None,
    purchases: int = 12,
    days: int | None = None,
    predicted: int | None = None,
    alive: float | None = None,
    years: int = 2,
) -> Profile:
    """A customer whose purchases in the last 12 months add up to `spend_12m` (one a month),
    with `lifetime` spent in all (earlier purchases make up the difference)."""
    last = datetime.combine(AS_OF, datetime.min.time(), UTC) - timedelta(days=3)
    window = tuple(
        (int((last - timedelta(days=30 * i)).timestamp()), spend_12m // 12 if i else 0)
        for i in range(12)
    )
    first = datetime.combine(AS_OF - timedelta(days=365 * years), datetime.min.time(), UTC)
    facts = CustomerFacts(
        customer_id="C9",
        given_name="Pat",
        joined_on=first.date(),
        stats=LifetimeStats(
            lifetime_value=lifetime if lifetime is not None else spend_12m,
            gross_value=lifetime if lifetime is not None else spend_12m,
            purchase_count=purchases,
            purchase_days=purchases if days is None else days,
            first_purchase_at=first,
            last_purchase_at=last,
        ),
        window=window,
        predicted_spend_12m=predicted,
        probability_alive=alive,
    )
    return build_profile(facts, POLICY, BOUNDS)


def top(profile: Profile, category: str = "delay", amount: int = 0) -> Any:
    return suggest(profile, Dispute(category=category, amount=amount), "clerk", POLICY)[0]


def test_the_card_line_says_the_forecast_in_plain_words() -> None:
    p = customer(spend_12m=120_000, predicted=194_000, alive=0.92)
    assert potential_line(p) == "expected next 12 months £1,940 · 92% likely active"
    assert potential_line(customer(spend_12m=120_000)) is None  # no fit: nothing made up
    # after one purchase day the model cannot tell whether they are still active
    once = customer(spend_12m=5_000, purchases=1, predicted=3_050, alive=None)
    assert potential_line(once) == "expected next 12 months £31 · one visit so far"
    # a percentage never rounds to a certainty the model does not give
    assert "99% likely" in str(potential_line(customer(predicted=10, alive=0.9996)))
    assert "1% likely" in str(potential_line(customer(predicted=10, alive=0.004)))


def test_a_rising_customer_is_treated_as_the_tier_their_forecast_reaches() -> None:
    quiet = customer(spend_12m=60_000, predicted=160_000, alive=0.95)  # silver, heading for gold
    assert quiet.standing.tier == "silver"  # the card still says what they have earned
    assert quiet.treated_as == "gold"
    assert Signal.RISING in quiet.signals
    said = quiet.signal_reasons["rising"]
    assert said == "expected to spend £1,600 in the next 12 months: treated as Gold (≥ £1,500)"
    plain = customer(spend_12m=60_000, predicted=70_000, alive=0.95)
    assert plain.treated_as is None and Signal.RISING not in plain.signals
    rising, staying = top(quiet), top(plain)
    assert rising.value > staying.value  # gold generosity for the same delay
    assert any(r.fact == "rising" and r.text == said for r in rising.reasons)


def test_a_forecast_from_too_few_purchases_does_not_lift_a_tier() -> None:
    least = POLICY.potential.rising_min_purchase_days
    early = customer(spend_12m=20_000, purchases=least - 1, predicted=400_000, alive=0.99)
    assert early.treated_as is None
    enough = customer(spend_12m=20_000, purchases=least, predicted=400_000, alive=0.99)
    assert enough.treated_as == "platinum"
    # many purchases on one day are one purchase day, as the model sees them
    one_day = customer(spend_12m=20_000, purchases=10, days=1, predicted=400_000, alive=0.99)
    assert one_day.treated_as is None


def test_a_valuable_customer_drifting_away_gets_a_win_back_gesture() -> None:
    rules = POLICY.potential
    valuable = rules.win_back_min_lifetime
    drifting = customer(spend_12m=20_000, lifetime=valuable, predicted=3_000, alive=0.2)
    assert Signal.WIN_BACK in drifting.signals and Signal.LAPSING not in drifting.signals
    assert drifting.signal_reasons["win_back"] == (
        "£1,000 spent with us, but only 20% likely still active"
    )
    staying = customer(spend_12m=20_000, lifetime=valuable, predicted=3_000, alive=0.9)
    assert not {Signal.WIN_BACK, Signal.LAPSING} & set(staying.signals)
    won, kept = top(drifting), top(staying)
    assert won.value > kept.value
    assert any(r.fact == "win_back" for r in won.reasons)
    # a small spender drifting away is lapsing, not a win-back case
    small = customer(spend_12m=2_000, lifetime=valuable - 1, predicted=300, alive=0.2)
    assert Signal.LAPSING in small.signals and Signal.WIN_BACK not in small.signals
    assert small.signal_reasons["lapsing"] == "only 20% likely still active"


def test_the_fit_replaces_the_rhythm_rule_for_lapsing() -> None:
    # a regular who stopped 200 days ago: lapsing by rhythm without a fit
    last = datetime.combine(AS_OF, datetime.min.time(), UTC) - timedelta(days=200)
    stats = LifetimeStats(
        lifetime_value=50_000, gross_value=50_000, purchase_count=20, purchase_days=20,
        first_purchase_at=last - timedelta(days=600), last_purchase_at=last,
    )  # fmt: skip
    base = {"customer_id": "C8", "given_name": "Lee", "joined_on": date(2020, 1, 1), "stats": stats}
    by_rhythm = build_profile(CustomerFacts(**base), POLICY, BOUNDS)  # type: ignore[arg-type]
    assert Signal.LAPSING in by_rhythm.signals
    fitted = CustomerFacts(**base, predicted_spend_12m=40_000, probability_alive=0.8)  # type: ignore[arg-type]
    assert Signal.LAPSING not in build_profile(fitted, POLICY, BOUNDS).signals


def test_a_gesture_is_kept_in_proportion_to_the_loss_and_says_so() -> None:
    platinum = customer(spend_12m=400_000, lifetime=4_000_000, years=10)
    scale = multiplier(POLICY, platinum)
    assert scale == Decimal("2.75")  # platinum 2.0, ten years 0.5, a quiet regular 0.25
    found = suggest(platinum, Dispute(category="delay", amount=1_000), "manager", POLICY)
    upgrade = next(s for s in found if s.action == "upgrade")
    cap = proportion_cap(POLICY.goodwill, 1_000, scale)
    assert cap == 3_300  # not 1.5 × £10, but the minimum £12 × 2.75 (a whole £0.50 step)
    assert upgrade.value == cap < 1_500 * 2.75  # the upgrade alone would be worth £41.25
    said = [r.text for r in upgrade.reasons if r.fact == "proportion"]
    assert said == ["kept in proportion: at most £33.00 against £10.00 disputed"]
    # a large loss lifts the cap to 1.5 times it, rounded down to the step
    assert proportion_cap(POLICY.goodwill, 3_333, Decimal(1)) == 4_950
    # money back for a money loss is never cut by it
    refund = suggest(platinum, Dispute(category="faulty_product", amount=30_000), "manager", POLICY)
    assert refund[0].action == "refund" and refund[0].value == 30_000
    assert not any(r.fact == "proportion" for r in refund[0].reasons)


def test_a_win_back_lifts_the_proportion_cap_too() -> None:
    lifetime = POLICY.potential.win_back_min_lifetime * 20
    drifting = customer(spend_12m=160_000, lifetime=lifetime, predicted=3_000, alive=0.2)
    staying = customer(spend_12m=160_000, lifetime=lifetime, predicted=3_000, alive=0.9)
    for category in ("delay", "poor_service", "lost_ticket"):
        won, kept = top(drifting, category), top(staying, category)
        assert won.value > kept.value, category


def test_the_courteous_floor_holds_under_the_proportion_cap() -> None:
    newcomer = customer(spend_12m=0, purchases=0)
    for category in DISPUTE_CATEGORIES:
        for amount in (0, 1, 150):
            dispute = Dispute(category=category, amount=amount)
            best = max(s.value for s in suggest(newcomer, dispute, "clerk", POLICY))
            assert best >= POLICY.goodwill.floor


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('cap_share_of_disputed = "0.80"', "cap_share_of_disputed = 0.80: must be at least 1"),
        (
            'cap_disputed_minimum = "1.00"',
            "cap_disputed_minimum = 1.00: must be at least the floor",
        ),
        ('inactive_below = "1.5"', "potential.inactive_below"),
        ("rising_min_purchase_days = 0", "potential.rising_min_purchase_days"),
    ],
)
def test_potential_and_proportion_settings_are_checked(line: str, message: str) -> None:
    key = line.split(" = ")[0]
    text = re.sub(rf"^{key} = .*$", line, POLICY_TEXT, count=1, flags=re.MULTILINE)
    assert text != POLICY_TEXT
    with pytest.raises(PolicyError, match=re.escape(message)):
        parse_policy(text, "policy.toml")


money = st.integers(min_value=0, max_value=1_000_000)


@settings(max_examples=300, deadline=None)
@given(
    spend=money, lifetime=money, predicted=money, more_predicted=money, years=st.integers(0, 12),
    alive=st.floats(0.0, 1.0), category=st.sampled_from(DISPUTE_CATEGORIES),
    amount=st.integers(0, 50_000),
)  # fmt: skip
def test_a_higher_forecast_never_gets_less(
    spend: int, lifetime: int, predicted: int, more_predicted: int, years: int, alive: float,
    category: str, amount: int,
) -> None:  # fmt: skip
    """The monotonic rule holds with potential value: a higher forecast never gets less for
    the same dispute; and no gesture passes its proportion cap."""
    low = customer(spend_12m=spend, lifetime=max(lifetime, spend), predicted=predicted,
                   alive=alive, years=years)  # fmt: skip
    high = customer(spend_12m=spend, lifetime=max(lifetime, spend),
                    predicted=max(predicted, more_predicted), alive=alive, years=years)  # fmt: skip
    dispute = Dispute(category=category, amount=amount)
    less = {s.action: s.value for s in suggest(low, dispute, "clerk", POLICY)}
    more = {s.action: s.value for s in suggest(high, dispute, "clerk", POLICY)}
    for action, value in less.items():
        assert more[action] >= value, action
    for profile in (low, high):
        cap = proportion_cap(POLICY.goodwill, amount, multiplier(POLICY, profile))
        for s in suggest(profile, dispute, "clerk", POLICY):
            assert s.value <= cap

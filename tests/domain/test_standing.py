"""Standing: tiers at their boundaries, tenure, signals, and the profile built from facts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.models import CustomerFacts, LifetimeStats, Signal, WindowStats
from app.domain.policy import Policy
from app.domain.standing import build_profile, display_name, signals_for, tenure, tier_for
from app.domain.window import as_of_bounds
from app.services.station import load_policy

LONDON = ZoneInfo("Europe/London")
AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def epoch(*parts: int) -> int:
    return int(at(*parts).timestamp())


def facts(**fields: object) -> CustomerFacts:
    values: dict[str, object] = {
        "customer_id": "C1",
        "given_name": "Ann",
        "family_name": "Example",
        "joined_on": date(2021, 3, 14),
        "stats": LifetimeStats(),
    }
    values.update(fields)
    return CustomerFacts.model_validate(values)


# --- Tiers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spend", "lifetime", "tier", "next_tier", "to_next"),
    [
        (0, 0, "standard", "silver", 50000),
        (49999, 0, "standard", "silver", 1),
        (50000, 0, "silver", "gold", 100000),
        (50001, 0, "silver", "gold", 99999),
        (0, 499999, "standard", "silver", 50000),
        (0, 500000, "silver", "gold", 150000),
        (149999, 0, "silver", "gold", 1),
        (150000, 0, "gold", "platinum", 150000),
        (0, 1199999, "silver", "gold", 150000),
        (0, 1200000, "gold", "platinum", 300000),
        (299999, 0, "gold", "platinum", 1),
        (300000, 0, "platinum", None, None),
        (0, 2999999, "gold", "platinum", 300000),
        (0, 3000000, "platinum", None, None),
        (60000, 1300000, "gold", "platinum", 240000),  # gold by lifetime, silver by spend
        (-5000, 0, "standard", "silver", 55000),  # refunds exceeded purchases
    ],
)
def test_tier_for_boundaries(
    policy: Policy,
    spend: int,
    lifetime: int,
    tier: str,
    next_tier: str | None,
    to_next: int | None,
) -> None:
    standing = tier_for(policy, spend, lifetime)
    assert standing.tier == tier
    assert standing.label == tier.capitalize()
    assert standing.next_tier == next_tier
    assert standing.to_next_tier == to_next
    if next_tier is None:
        assert standing.next_tier_label is None
        assert standing.next_tier_hint is None
    else:
        assert standing.next_tier_label == next_tier.capitalize()


def test_reason_and_hint_for_standard(policy: Policy) -> None:
    standing = tier_for(policy, 49999, 0)
    assert standing.reason == "Standard: every customer starts here"
    assert standing.next_tier_hint == "£0.01 more in 12 months or £5,000 more lifetime for Silver"


def test_reason_by_spend(policy: Policy) -> None:
    standing = tier_for(policy, 50000, 0)
    assert standing.reason == "Silver: £500 in the last 12 months (≥ £500)"
    assert standing.next_tier_hint == "£1,000 more in 12 months or £12,000 more lifetime for Gold"


def test_reason_by_lifetime(policy: Policy) -> None:
    standing = tier_for(policy, 0, 500000)
    assert standing.tier == "silver"
    assert standing.reason == "Silver: £5,000 lifetime value (≥ £5,000)"
    standing = tier_for(policy, 60000, 1300000)
    assert standing.reason == "Gold: £13,000 lifetime value (≥ £12,000)"


def test_reason_prefers_spend_when_both_qualify(policy: Policy) -> None:
    standing = tier_for(policy, 160000, 1250000)
    assert standing.tier == "gold"
    assert standing.reason == "Gold: £1,600 in the last 12 months (≥ £1,500)"


def test_design_example_gold_with_520_to_platinum(policy: Policy) -> None:
    standing = tier_for(policy, 248000, 1314000)
    assert standing.tier == "gold"
    assert standing.reason == "Gold: £2,480 in the last 12 months (≥ £1,500)"
    assert standing.to_next_tier == 52000
    assert standing.next_tier_hint == (
        "£520 more in 12 months or £16,860 more lifetime for Platinum"
    )


def test_top_tier(policy: Policy) -> None:
    standing = tier_for(policy, 300000, 0)
    assert standing.reason == "Platinum: £3,000 in the last 12 months (≥ £3,000)"
    assert standing.next_tier is None
    assert standing.next_tier_label is None
    assert standing.to_next_tier is None
    assert standing.next_tier_hint is None
    standing = tier_for(policy, 0, 3000000)
    assert standing.reason == "Platinum: £30,000 lifetime value (≥ £30,000)"


def test_lifetime_only_next_tier_has_no_spend_distance() -> None:
    from tests.domain.test_policy import parse

    policy = parse(
        '[[tiers]]\nid = "standard"\nlabel = "Standard"\n'
        '[[tiers]]\nid = "loyal"\nlabel = "Loyal"\nmin_lifetime = "1000"\n'
    )
    standing = tier_for(policy, 0, 40000)
    assert standing.tier == "standard"
    assert standing.to_next_tier is None
    assert standing.next_tier == "loyal"
    assert standing.next_tier_hint == "£600 more lifetime for Loyal"


# --- Tenure -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "days", "text"),
    [
        (date(2021, 3, 14), 2080, "5 yr 8 mo"),
        (date(2025, 11, 23), 365, "1 yr"),
        (date(2025, 11, 24), 364, "11 mo"),
        (date(2011, 11, 24), 5478, "14 yr 11 mo"),
        (date(2026, 10, 23), 31, "1 mo"),
        (date(2026, 10, 24), 30, "4 wk"),  # a day short of a month
        (date(2026, 11, 2), 21, "3 wk"),
        (date(2026, 11, 16), 7, "1 wk"),
        (date(2026, 11, 17), 6, "6 d"),
        (date(2026, 11, 20), 3, "3 d"),
        (date(2026, 11, 23), 0, "joined today"),
        (date(2026, 12, 1), 0, "had not joined by then"),  # looked at as of before they joined
    ],
)
def test_tenure(since: date, days: int, text: str) -> None:
    assert tenure(since, AS_OF) == (days, text)


def test_tenure_month_end() -> None:
    assert tenure(date(2026, 1, 31), date(2026, 2, 28)) == (28, "4 wk")
    assert tenure(date(2026, 1, 31), date(2026, 3, 31)) == (59, "2 mo")


# --- Signals ------------------------------------------------------------------------------


def test_quiet_regular(policy: Policy) -> None:
    found = signals_for(facts(complaints_12m=1), WindowStats(visits_12m=10), policy, AS_OF, LONDON)
    assert found == {Signal.QUIET_REGULAR: "10 visits in 12 months, 1 complaint"}


@pytest.mark.parametrize(("visits", "complaints"), [(9, 0), (10, 2), (0, 0)])
def test_not_quiet_regular(policy: Policy, visits: int, complaints: int) -> None:
    found = signals_for(
        facts(complaints_12m=complaints), WindowStats(visits_12m=visits), policy, AS_OF, LONDON
    )
    assert Signal.QUIET_REGULAR not in found


def test_advocate(policy: Policy) -> None:
    found = signals_for(facts(referrals=2), WindowStats(), policy, AS_OF, LONDON)
    assert found == {Signal.ADVOCATE: "referred 2 customers"}
    found = signals_for(facts(referrals=1), WindowStats(), policy, AS_OF, LONDON)
    assert found == {}


def test_frequent_complainer(policy: Policy) -> None:
    found = signals_for(facts(complaints_12m=3), WindowStats(visits_12m=12), policy, AS_OF, LONDON)
    assert found == {Signal.FREQUENT_COMPLAINER: "3 complaints in 12 months"}
    found = signals_for(facts(complaints_12m=2), WindowStats(), policy, AS_OF, LONDON)
    assert Signal.FREQUENT_COMPLAINER not in found


def test_complaints_outside_the_window_do_not_count(policy: Policy) -> None:
    found = signals_for(
        facts(complaints_12m=0, complaints_total=9), WindowStats(), policy, AS_OF, LONDON
    )
    assert found == {}


def lapsing_facts(first: datetime, last: datetime, count: int) -> CustomerFacts:
    stats = LifetimeStats(
        lifetime_value=count * 1000,
        gross_value=count * 1000,
        purchase_count=count,
        first_purchase_at=first,
        last_purchase_at=last,
    )
    return facts(stats=stats)


def test_lapsing_against_own_rhythm(policy: Policy) -> None:
    # 4 purchases over 90 days: every 30 days; limit max(30 * 3, 60) = 90 days
    customer = lapsing_facts(at(2026, 1, 1, 12), at(2026, 4, 1, 12), 4)
    found = signals_for(customer, WindowStats(), policy, AS_OF, LONDON)
    assert found == {Signal.LAPSING: "no visit for 236 days; usually every 30 days"}


def test_lapsing_boundary(policy: Policy) -> None:
    customer = lapsing_facts(at(2026, 1, 1, 12), at(2026, 4, 1, 12), 4)
    # 2026-04-01 -> 2026-06-30 is 90 days: not more than the limit
    assert signals_for(customer, WindowStats(), policy, date(2026, 6, 30), LONDON) == {}
    found = signals_for(customer, WindowStats(), policy, date(2026, 7, 1), LONDON)
    assert found == {Signal.LAPSING: "no visit for 91 days; usually every 30 days"}


def test_lapsing_minimum_gap(policy: Policy) -> None:
    # every 5 days, but the gap must exceed 60 days before it counts
    customer = lapsing_facts(at(2026, 1, 1, 12), at(2026, 1, 16, 12), 4)
    assert signals_for(customer, WindowStats(), policy, date(2026, 3, 17), LONDON) == {}
    found = signals_for(customer, WindowStats(), policy, date(2026, 3, 18), LONDON)
    assert found == {Signal.LAPSING: "no visit for 61 days; usually every 5 days"}


def test_lapsing_counts_days_in_the_station_zone(policy: Policy) -> None:
    # 23:30 UTC on 1 April is 00:30 on 2 April in London (BST)
    customer = lapsing_facts(at(2026, 1, 1, 12), at(2026, 4, 1, 23, 30), 4)
    assert signals_for(customer, WindowStats(), policy, date(2026, 7, 1), LONDON) == {}
    found = signals_for(customer, WindowStats(), policy, date(2026, 7, 2), LONDON)
    assert found == {Signal.LAPSING: "no visit for 91 days; usually every 30 days"}


def test_not_lapsing_with_too_few_purchases(policy: Policy) -> None:
    customer = lapsing_facts(at(2020, 1, 1, 12), at(2020, 1, 20, 12), 3)
    assert signals_for(customer, WindowStats(), policy, AS_OF, LONDON) == {}


def test_not_lapsing_without_purchases(policy: Policy) -> None:
    assert signals_for(facts(), WindowStats(), policy, AS_OF, LONDON) == {}


def test_several_signals_together(policy: Policy) -> None:
    customer = lapsing_facts(at(2026, 1, 1, 12), at(2026, 4, 1, 12), 4).model_copy(
        update={"referrals": 5, "complaints_12m": 4}
    )
    found = signals_for(customer, WindowStats(visits_12m=3), policy, AS_OF, LONDON)
    assert list(found) == [Signal.ADVOCATE, Signal.LAPSING, Signal.FREQUENT_COMPLAINER]


# --- Profile ------------------------------------------------------------------------------


def test_build_profile_figures(policy: Policy) -> None:
    bounds = as_of_bounds(AS_OF, LONDON)
    window = (
        (epoch(2025, 6, 1, 12), 99900),  # before the 12 months; in the chart
        (epoch(2026, 1, 15, 12), 100000),
        (epoch(2026, 11, 9, 10), 150000),
        (epoch(2026, 11, 10, 10), -2000),  # refund
    )
    stats = LifetimeStats(
        lifetime_value=1314000,
        gross_value=1320000,
        purchase_count=12,
        first_purchase_at=at(2021, 4, 1, 9),
        last_purchase_at=at(2026, 11, 9, 10),
    )
    customer = facts(stats=stats, window=window, household_lifetime_value=1314000)
    profile = build_profile(customer, policy, bounds)
    assert profile.customer_id == "C1"
    assert profile.display_name == "Ann Example"
    assert profile.as_of == AS_OF
    assert profile.lifetime_value == 1314000
    assert profile.spend_12m == 248000
    assert profile.visits_12m == 2
    assert profile.average_order == 110000  # 1320000 / 12
    assert profile.last_visit == date(2026, 11, 9)
    assert profile.customer_since == date(2021, 3, 14)
    assert profile.tenure_days == 2080
    assert profile.tenure_text == "5 yr 8 mo"
    assert profile.standing.tier == "gold"
    assert profile.standing.to_next_tier == 52000
    assert profile.household == ("C1",)  # household defaults to the customer alone
    assert profile.household_lifetime_value == 1314000
    assert profile.signals == ()
    assert profile.signal_reasons == {}
    monthly = [0] * 24
    monthly[6] = 99900  # June 2025 (months start at December 2024)
    monthly[13] = 100000  # January 2026
    monthly[23] = 148000  # November 2026, net of the refund
    assert profile.monthly_spend == tuple(monthly)


@pytest.mark.parametrize(
    ("gross", "count", "average"),
    [(10000, 3, 3333), (10001, 3, 3334), (1999, 2, 1000), (0, 0, 0), (700, 1, 700)],
)
def test_average_order_is_gross_over_purchases_rounded(
    policy: Policy, gross: int, count: int, average: int
) -> None:
    stats = LifetimeStats(lifetime_value=gross - 500, gross_value=gross, purchase_count=count)
    profile = build_profile(facts(stats=stats), policy, as_of_bounds(AS_OF, LONDON))
    assert profile.average_order == average


def test_build_profile_without_purchases(policy: Policy) -> None:
    profile = build_profile(
        facts(family_name=None, joined_on=date(2026, 11, 2)),
        policy,
        as_of_bounds(AS_OF, LONDON),
    )
    assert profile.display_name == "Ann"
    assert profile.lifetime_value == 0
    assert profile.spend_12m == 0
    assert profile.visits_12m == 0
    assert profile.average_order == 0
    assert profile.last_visit is None
    assert profile.tenure_text == "3 wk"
    assert profile.standing.tier == "standard"
    assert profile.monthly_spend == (0,) * 24


def test_build_profile_household_and_signals(policy: Policy) -> None:
    window = tuple((epoch(2026, month, 3, 12), 5000) for month in range(1, 12))
    customer = facts(
        window=window,
        household=("C1", "C2"),
        household_lifetime_value=90000,
        referrals=3,
        complaints_12m=0,
    )
    profile = build_profile(customer, policy, as_of_bounds(AS_OF, LONDON))
    assert profile.household == ("C1", "C2")
    assert profile.household_lifetime_value == 90000
    assert profile.visits_12m == 11
    assert profile.spend_12m == 55000
    assert profile.standing.tier == "silver"
    assert profile.signals == (Signal.QUIET_REGULAR, Signal.ADVOCATE)
    assert profile.signal_reasons == {
        "quiet_regular": "11 visits in 12 months, 0 complaints",
        "advocate": "referred 3 customers",
    }


def test_last_visit_is_the_local_date() -> None:
    moment = at(2026, 7, 9, 23, 30)
    stats = LifetimeStats(
        lifetime_value=100,
        gross_value=100,
        purchase_count=1,
        first_purchase_at=moment,
        last_purchase_at=moment,
    )
    profile = build_profile(facts(stats=stats), load_policy(), as_of_bounds(AS_OF, LONDON))
    assert profile.last_visit == date(2026, 7, 10)  # 00:30 BST


def test_display_name() -> None:
    assert display_name("Ann", "Example") == "Ann Example"
    assert display_name("Ann", None) == "Ann"
    assert display_name("Ann", "") == "Ann"

"""Profiles made by hand for the goodwill tests: only what the engine reads is varied."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.domain.models import Concession, Profile, Signal
from app.domain.policy import Policy
from app.domain.standing import tier_for

AS_OF = date(2026, 11, 23)


def pounds(text: str) -> int:
    whole, _, pence = text.partition(".")
    return int(whole) * 100 + int((pence + "00")[:2])


def profile(
    policy: Policy,
    *,
    spend: str = "0",
    lifetime: str | None = None,
    years: int = 0,
    signals: tuple[Signal, ...] = (),
    given_90d: int = 0,
    given_12m: str = "0",
    last_goodwill_days: int | None = None,
) -> Profile:
    spend_12m = pounds(spend)
    lifetime_value = pounds(lifetime) if lifetime is not None else spend_12m
    tenure_days = years * 365 + 10
    recent = ()
    if last_goodwill_days is not None:
        when = datetime.combine(AS_OF, datetime.min.time(), UTC) - timedelta(
            days=last_goodwill_days
        )
        recent = (Concession(concession_id="K1", granted_at=when, value=500),)
    return Profile(
        customer_id="X1",
        display_name="Pat Example",
        status="active",
        as_of=AS_OF,
        standing=tier_for(policy, spend_12m, lifetime_value),
        customer_since=AS_OF - timedelta(days=tenure_days),
        tenure_days=tenure_days,
        tenure_text=f"{years} yr",
        lifetime_value=lifetime_value,
        spend_12m=spend_12m,
        visits_12m=12,
        average_order=1000,
        last_visit=AS_OF,
        household=("X1",),
        household_lifetime_value=lifetime_value,
        signals=signals,
        signal_reasons={str(s): "" for s in signals},
        preferences=None,
        notes=None,
        email=None,
        phones=(),
        cards=(),
        monthly_spend=(),
        complaints_12m=0,
        concessions_90d=given_90d,
        concession_value_12m=pounds(given_12m),
        recent_purchases=(),
        recent_interactions=(),
        recent_concessions=recent,
    )

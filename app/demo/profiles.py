"""Kinds of customer the demo invents, and how much each buys over its tenure."""

from __future__ import annotations

from dataclasses import dataclass

from app.demo.pick import Pick

MAX_TENURE_DAYS = 15 * 365


# --- purchases ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    share: float
    rate: float  # relative purchases per active year (scaled to the requested average)
    spread: float  # +/- relative noise on the purchase count
    min_days: int  # shortest tenure
    skew: float  # tenure = min + span * u**skew; larger = more recent joiners
    complaints: float  # expected over two years or more of tenure
    enquiries: float
    compliments: float
    goodwill: float  # chance that a complaint earned a concession


PROFILES = (
    Profile("occasional", 0.77, 3.0, 0.7, 21, 3.0, 0.3, 0.6, 0.1, 0.35),
    Profile("regular", 0.10, 36.0, 0.2, 60, 3.0, 0.05, 0.5, 0.4, 0.5),
    Profile("vip", 0.01, 40.0, 0.3, 365, 1.5, 1.5, 2.0, 1.0, 0.7),
    Profile("lapsing", 0.08, 15.0, 0.2, 548, 2.0, 1.2, 0.5, 0.1, 0.4),
    Profile("loud", 0.04, 3.0, 0.5, 60, 3.0, 10.0, 3.0, 0.0, 0.55),
)
PICK_PROFILE = Pick([(p, p.share) for p in PROFILES])
HERO_PROFILE = PROFILES[1]
LAPSE_DAYS = (120, 365)  # a lapsing rhythm stopped 4-12 months before as_of


def _expected_active_years(profile: Profile) -> float:
    """Mean years over which a profile buys, matching the tenure draw below."""
    days = profile.min_days + (MAX_TENURE_DAYS - profile.min_days) / (profile.skew + 1)
    if profile.name == "lapsing":
        days -= sum(LAPSE_DAYS) / 2
    return days / 365.25


def purchase_scale(purchases_per_customer: float) -> float:
    """Multiplier on profile rates so the mean purchase count is as requested."""
    mean = sum(p.share * p.rate * _expected_active_years(p) for p in PROFILES)
    return max(0.0, purchases_per_customer) / mean

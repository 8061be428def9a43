"""Read-models the store hands to the domain and the domain hands to callers."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from app.domain.identifiers import mask_phone
from app.domain.text import QT_TRANSLATE_NOOP, Template, Text, Words


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class MatchedOn(StrEnum):
    CARD = "card"
    PHONE = "phone"
    PHONE_SUFFIX = "phone_suffix"
    EMAIL = "email"
    NAME = "name"


class Card(Frozen):
    card_number: str
    card_type: str | None = None
    status: str = "active"
    issued_on: date | None = None

    @property
    def last4(self) -> str:
        return self.card_number[-4:]


class Phone(Frozen):
    e164: str
    label: str | None = None

    @property
    def masked(self) -> str:
        return mask_phone(self.e164)


class Match(NamedTuple):
    """One customer in a list of matches. A named tuple, not a model: the lookup service
    builds it from rows the store already checked, once per match on every keystroke."""

    customer_id: str
    display_name: str
    matched_on: MatchedOn
    detail: Text  # what matched, already masked: "card …4412 (lost)", "phone …123"
    tier: str
    tier_label: Text
    card_status: str | None
    status: str


class Purchase(Frozen):
    purchase_id: str
    purchased_at: datetime
    amount: int
    channel: str | None = None
    product_line: str | None = None
    location: str | None = None


class Interaction(Frozen):
    interaction_id: str
    occurred_at: datetime
    kind: str
    channel: str | None = None
    summary: str | None = None


class Concession(Frozen):
    concession_id: str
    granted_at: datetime
    value: int
    kind: str | None = None
    reason: str | None = None
    location: str | None = None
    status: str | None = None  # recorded here: recorded, pending, approved or denied


class LifetimeStats(Frozen):
    """A customer's purchases summed up to the as-of moment."""

    lifetime_value: int = 0  # net of refunds
    gross_value: int = 0  # purchases only
    purchase_count: int = 0  # purchases only (refunds excluded)
    purchase_days: int = 0  # days with a purchase (UTC), as the potential-value models count
    first_purchase_at: datetime | None = None
    last_purchase_at: datetime | None = None


class WindowStats(Frozen):
    """Recent spend as of a day: the last 12 months, and month by month for the chart."""

    spend_12m: int = 0  # net of refunds
    visits_12m: int = 0  # purchases, refunds excluded
    monthly_spend: tuple[int, ...] = ()  # oldest first, ending with the as-of month


class CustomerFacts(Frozen):
    """Everything the store knows about one customer as of a moment; no judgement yet."""

    customer_id: str
    given_name: str
    family_name: str | None = None
    email: str | None = None
    joined_on: date
    household_id: str | None = None
    status: str = "active"
    referrals: int = 0
    preferences: str | None = None
    notes: str | None = None
    stats: LifetimeStats
    window: tuple[tuple[int, int], ...] = ()  # (epoch seconds, amount) over the last 24 months
    complaints_12m: int = 0
    concessions_90d: int = 0
    concession_value_12m: int = 0
    household: tuple[str, ...] = ()
    household_lifetime_value: int = 0
    phones: tuple[Phone, ...] = ()
    cards: tuple[Card, ...] = ()
    recent_purchases: tuple[Purchase, ...] = ()
    recent_interactions: tuple[Interaction, ...] = ()
    recent_concessions: tuple[Concession, ...] = ()
    # potential value, from the latest fit (None: no fit yet, or looked at before its day)
    predicted_spend_12m: int | None = None
    probability_alive: float | None = None


class TierStanding(Frozen):
    tier: str
    label: Words
    reason: Words
    next_tier: str | None
    next_tier_label: Words | None
    to_next_tier: int | None  # more 12-month spend needed, minor units
    next_tier_hint: Words | None


class Signal(StrEnum):
    QUIET_REGULAR = "quiet_regular"
    ADVOCATE = "advocate"
    LAPSING = "lapsing"
    FREQUENT_COMPLAINER = "frequent_complainer"
    RISING = "rising"
    WIN_BACK = "win_back"


SIGNAL_NAMES: dict[str, Template] = {
    Signal.QUIET_REGULAR: QT_TRANSLATE_NOOP("signal", "quiet regular"),
    Signal.ADVOCATE: QT_TRANSLATE_NOOP("signal", "advocate"),
    Signal.LAPSING: QT_TRANSLATE_NOOP("signal", "lapsing"),
    Signal.FREQUENT_COMPLAINER: QT_TRANSLATE_NOOP("signal", "frequent complainer"),
    Signal.RISING: QT_TRANSLATE_NOOP("signal", "rising"),
    Signal.WIN_BACK: QT_TRANSLATE_NOOP("signal", "win back"),
}
STATUS_WORDS: dict[str, Template] = {  # card and customer statuses, as the screen says them
    "active": QT_TRANSLATE_NOOP("status", "active"),
    "lost": QT_TRANSLATE_NOOP("status", "lost"),
    "replaced": QT_TRANSLATE_NOOP("status", "replaced"),
    "expired": QT_TRANSLATE_NOOP("status", "expired"),
    "closed": QT_TRANSLATE_NOOP("status", "closed"),
}


def status_word(status: str) -> str:
    """A known status as translatable text; anything else as it came."""
    known = STATUS_WORDS.get(status)
    return known.text() if known else status


class Profile(Frozen):
    customer_id: str
    display_name: str
    status: str
    as_of: date
    standing: TierStanding
    customer_since: date
    tenure_days: int
    tenure_text: Words
    lifetime_value: int
    spend_12m: int
    visits_12m: int
    average_order: int
    last_visit: date | None
    household: tuple[str, ...]
    household_lifetime_value: int
    signals: tuple[Signal, ...]
    signal_reasons: dict[str, Words]
    preferences: str | None
    notes: str | None
    email: str | None
    phones: tuple[Phone, ...]
    cards: tuple[Card, ...]
    monthly_spend: tuple[int, ...]
    complaints_12m: int
    concessions_90d: int
    concession_value_12m: int
    recent_purchases: tuple[Purchase, ...]
    recent_interactions: tuple[Interaction, ...]
    recent_concessions: tuple[Concession, ...]
    predicted_spend_12m: int | None = None  # likely spend over the next 12 months
    probability_alive: float | None = None  # how likely they still buy from us, 0–1
    treated_as: str | None = None  # the higher tier goodwill treats a rising customer as

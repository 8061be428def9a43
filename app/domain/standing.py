"""Judgement over facts: tier, tenure, signals, and the profile a clerk sees."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from app.domain.models import CustomerFacts, Profile, Signal, TierStanding, WindowStats
from app.domain.money import EXPONENT
from app.domain.policy import Policy, Tier
from app.domain.text import QT_TRANSLATE_NOOP, Amount, Text, policy_text, translate
from app.domain.window import AsOf, local_date, window_stats


def tier_reached(policy: Policy, spend_12m: int, lifetime: int) -> Tier:
    """The highest tier the customer qualifies for (cheap: for lists of matches)."""
    for tier in reversed(policy.tiers):
        by_spend, by_lifetime = tier.min_spend_12m, tier.min_lifetime
        if (by_spend is not None and spend_12m >= by_spend) or (
            by_lifetime is not None and lifetime >= by_lifetime
        ):
            return tier
    return policy.tiers[0]  # everyone's: it has no thresholds


def tier_for(policy: Policy, spend_12m: int, lifetime: int) -> TierStanding:
    """The tier with its reason and the distance to the next one."""
    reached = tier_reached(policy, spend_12m, lifetime)
    position = policy.tiers.index(reached)
    following = policy.tiers[position + 1] if position + 1 < len(policy.tiers) else None
    to_next = _spend_needed(following, spend_12m)
    hint = None
    if following is not None:
        hint = _next_hint(following, spend_12m, lifetime, to_next)
    return TierStanding(
        tier=reached.id,
        label=policy_text(reached.label),
        reason=_reason(reached, spend_12m, lifetime),
        next_tier=following.id if following else None,
        next_tier_label=policy_text(following.label) if following else None,
        to_next_tier=to_next,
        next_tier_hint=hint,
    )


def _reason(tier: Tier, spend_12m: int, lifetime: int) -> Text:
    label = policy_text(tier.label)
    if tier.min_spend_12m is not None and spend_12m >= tier.min_spend_12m:
        return QT_TRANSLATE_NOOP(
            "standing", "{tier}: {spend} in the last 12 months (≥ {threshold})"
        ).format(tier=label, spend=Amount(spend_12m), threshold=Amount(tier.min_spend_12m))
    if tier.min_lifetime is not None and lifetime >= tier.min_lifetime:
        return QT_TRANSLATE_NOOP(
            "standing", "{tier}: {lifetime} lifetime value (≥ {threshold})"
        ).format(tier=label, lifetime=Amount(lifetime), threshold=Amount(tier.min_lifetime))
    return QT_TRANSLATE_NOOP("standing", "{tier}: every customer starts here").format(tier=label)


def _spend_needed(tier: Tier | None, spend_12m: int) -> int | None:
    if tier is None or tier.min_spend_12m is None:
        return None
    return max(tier.min_spend_12m - spend_12m, 0)


def _next_hint(tier: Tier, spend_12m: int, lifetime: int, to_next: int | None) -> Text:
    parts = []
    if to_next is not None:
        more = QT_TRANSLATE_NOOP("standing", "{amount} more in 12 months")
        parts.append(more.format(amount=Amount(to_next)))
    if tier.min_lifetime is not None:
        more = QT_TRANSLATE_NOOP("standing", "{amount} more lifetime")
        parts.append(more.format(amount=Amount(tier.min_lifetime - lifetime)))
    label = policy_text(tier.label)
    if len(parts) == 2:
        either = QT_TRANSLATE_NOOP("standing", "{first} or {second} for {tier}")
        return either.format(first=parts[0], second=parts[1], tier=label)
    return QT_TRANSLATE_NOOP("standing", "{first} for {tier}").format(first=parts[0], tier=label)


NOT_YET_JOINED = QT_TRANSLATE_NOOP("standing", "had not joined by then")


def tenure(since: date, as_of: date) -> tuple[int, Text]:
    if as_of < since:  # looked at as of a day before they joined (--as-of)
        return 0, NOT_YET_JOINED.text()
    days = (as_of - since).days
    months = (as_of.year - since.year) * 12 + as_of.month - since.month
    if as_of.day < since.day:
        months -= 1
    months = max(months, 0)
    years, months = divmod(months, 12)
    if years:
        text = translate("standing", "%n yr", None, 0).plural(years)
        if months:
            both = QT_TRANSLATE_NOOP("standing", "{years} {months}")
            text = both.format(
                years=text, months=translate("standing", "%n mo", None, 0).plural(months)
            )
    elif months:
        text = translate("standing", "%n mo", None, 0).plural(months)
    else:
        weeks = days // 7
        if weeks:
            text = translate("standing", "%n wk", None, 0).plural(weeks)
        elif days:
            text = translate("standing", "%n d", None, 0).plural(days)
        else:
            text = QT_TRANSLATE_NOOP("standing", "joined today").text()
    return days, text


def signals_for(
    facts: CustomerFacts, recent: WindowStats, policy: Policy, as_of: date, zone: ZoneInfo
) -> dict[Signal, Text]:
    rules = policy.signals
    found: dict[Signal, Text] = {}
    if (
        recent.visits_12m >= rules.quiet_regular_min_visits_12m
        and facts.complaints_12m <= rules.quiet_regular_max_complaints_12m
    ):
        complaints = translate("standing", "%n complaint(s)", None, 0)
        visits = translate("standing", "%n visits in 12 months, {complaints}", None, 0)
        found[Signal.QUIET_REGULAR] = visits.plural(
            recent.visits_12m, complaints=complaints.plural(facts.complaints_12m)
        )
    if facts.referrals >= rules.advocate_min_referrals:
        referred = translate("standing", "referred %n customers", None, 0)
        found[Signal.ADVOCATE] = referred.plural(facts.referrals)
    if facts.probability_alive is not None:
        found.update(_drifting(facts, policy))
    else:  # no fit yet: the customer's own rhythm
        gap = _lapsing_gap(facts, policy, as_of, zone)
        if gap is not None:
            found[Signal.LAPSING] = gap
    if facts.complaints_12m >= rules.frequent_complainer_min_complaints_12m:
        often = translate("standing", "%n complaints in 12 months", None, 0)
        found[Signal.FREQUENT_COMPLAINER] = often.plural(facts.complaints_12m)
    return found


def _drifting(facts: CustomerFacts, policy: Policy) -> dict[Signal, Text]:
    """Lapsing, or worth winning back, by the fitted probability of still being active."""
    rules = policy.potential
    alive = facts.probability_alive
    if alive is None or alive >= rules.inactive_below or facts.stats.purchase_count == 0:
        return {}
    chance = percent(alive)
    lifetime = facts.stats.lifetime_value
    if lifetime >= rules.win_back_min_lifetime:
        back = QT_TRANSLATE_NOOP(
            "standing", "{lifetime} spent with us, but only {chance}% likely still active"
        )
        return {Signal.WIN_BACK: back.format(lifetime=Amount(lifetime), chance=chance)}
    drifted = QT_TRANSLATE_NOOP("standing", "only {chance}% likely still active")
    return {Signal.LAPSING: drifted.format(chance=chance)}


def potential_line(profile: Profile) -> Text | None:
    """ "expected next 12 months £1,940 · 92% likely active", or None without a forecast.
    After a single purchase day the model cannot tell whether they are still active: the
    line says so rather than a percentage."""
    spend, alive = profile.predicted_spend_12m, profile.probability_alive
    if spend is None:
        return None
    unit = 10**EXPONENT  # a forecast in whole pounds: pence would be false precision
    whole = Amount((spend + unit // 2) // unit * unit, pence=False)  # halves up
    if alive is None:
        once = QT_TRANSLATE_NOOP("standing", "expected next 12 months {spend} · one visit so far")
        return once.format(spend=whole)
    line = QT_TRANSLATE_NOOP(
        "standing", "expected next 12 months {spend} · {chance}% likely active"
    )
    return line.format(spend=whole, chance=percent(alive))


def percent(probability: float) -> int:
    """A probability as a whole percentage, never rounded up to a certainty it is not."""
    shown = round(probability * 100)
    if shown == 100 and probability < 1:
        return 99
    if shown == 0 and probability > 0:
        return 1
    return shown


def rising_tier(policy: Policy, facts: CustomerFacts, reached: str) -> Tier | None:
    """The higher tier a customer's predicted 12-month spend reaches, if any."""
    predicted = facts.predicted_spend_12m
    if predicted is None or facts.stats.purchase_days < policy.potential.rising_min_purchase_days:
        return None
    tier = tier_reached(policy, predicted, 0)
    return tier if policy.tier_rank(tier.id) > policy.tier_rank(reached) else None


def _rising_reason(tier: Tier, predicted: int) -> Text:
    assert tier.min_spend_12m is not None  # only a spend threshold is reached by a forecast
    rising = QT_TRANSLATE_NOOP(
        "standing",
        "expected to spend {spend} in the next 12 months: treated as {tier} (≥ {threshold})",
    )
    return rising.format(
        spend=Amount(predicted), tier=policy_text(tier.label), threshold=Amount(tier.min_spend_12m)
    )


def _lapsing_gap(facts: CustomerFacts, policy: Policy, as_of: date, zone: ZoneInfo) -> Text | None:
    rules = policy.signals
    stats = facts.stats
    first, last = stats.first_purchase_at, stats.last_purchase_at
    if first is None or last is None or stats.purchase_count < rules.lapsing_min_purchases:
        return None
    rhythm = (last - first).days / (stats.purchase_count - 1)
    since = (as_of - local_date(last, zone)).days
    limit = max(rhythm * rules.lapsing_gap_factor, rules.lapsing_min_gap_days)
    if since <= limit:
        return None
    gap = QT_TRANSLATE_NOOP("standing", "no visit for {since} days; usually every {rhythm} days")
    return gap.format(since=since, rhythm=max(round(rhythm), 1))


def build_profile(facts: CustomerFacts, policy: Policy, bounds: AsOf) -> Profile:
    """The clerk's view of one customer as of `bounds.day`."""
    as_of, zone = bounds.day, bounds.zone
    stats = facts.stats
    recent = window_stats(facts.window, bounds)
    standing = tier_for(policy, recent.spend_12m, stats.lifetime_value)
    tenure_days, tenure_text = tenure(facts.joined_on, as_of)
    signals = signals_for(facts, recent, policy, as_of, zone)
    rising = rising_tier(policy, facts, standing.tier)
    if rising is not None and facts.predicted_spend_12m is not None:
        signals[Signal.RISING] = _rising_reason(rising, facts.predicted_spend_12m)
    average = _divide_half_up(stats.gross_value, stats.purchase_count)
    return Profile(
        customer_id=facts.customer_id,
        display_name=display_name(facts.given_name, facts.family_name),
        status=facts.status,
        as_of=as_of,
        standing=standing,
        customer_since=facts.joined_on,
        tenure_days=tenure_days,
        tenure_text=tenure_text,
        lifetime_value=stats.lifetime_value,
        spend_12m=recent.spend_12m,
        visits_12m=recent.visits_12m,
        average_order=average,
        last_visit=local_date(stats.last_purchase_at, zone) if stats.last_purchase_at else None,
        household=facts.household or (facts.customer_id,),
        household_lifetime_value=facts.household_lifetime_value,
        signals=tuple(signals),
        signal_reasons={str(k): v for k, v in signals.items()},
        preferences=facts.preferences,
        notes=facts.notes,
        email=facts.email,
        phones=facts.phones,
        cards=facts.cards,
        monthly_spend=recent.monthly_spend,
        complaints_12m=facts.complaints_12m,
        concessions_90d=facts.concessions_90d,
        concession_value_12m=facts.concession_value_12m,
        recent_purchases=facts.recent_purchases,
        recent_interactions=facts.recent_interactions,
        recent_concessions=facts.recent_concessions,
        predicted_spend_12m=facts.predicted_spend_12m,
        probability_alive=facts.probability_alive,
        treated_as=rising.id if rising is not None else None,
    )


def display_name(given: str, family: str | None) -> str:
    return f"{given} {family}".strip() if family else given


def _divide_half_up(total: int, count: int) -> int:
    """Money divided to the nearest minor unit, halves away from zero."""
    if count <= 0:
        return 0
    whole = (abs(total) * 2 + count) // (count * 2)
    return whole if total >= 0 else -whole

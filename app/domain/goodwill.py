"""Suggested goodwill: what to offer, why, and whether the clerk may give it alone.

Pure: a profile, a dispute, the staff role, the policy and the concession history in;
ranked suggestions out. It holds that every customer is offered at least the floor
gesture, that a more valuable customer never gets less for the same dispute and history,
that no suggestion exceeds its caps, and that going over the role's limit or tripping a
guard means approval.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from pydantic import Field

from app.domain.identifiers import mask_payment_cards
from app.domain.models import SIGNAL_NAMES, Frozen, Profile, Signal
from app.domain.policy import ROLES, Category, Goodwill, Policy, Remedy
from app.domain.text import (
    QT_TRANSLATE_NOOP,
    Amount,
    Arg,
    Lower,
    Text,
    Words,
    joined,
    policy_text,
    translate,
)


class GoodwillError(ValueError):
    """A dispute the engine cannot judge (unknown category or role, bad amount)."""


class Dispute(Frozen):
    category: str
    amount: int = Field(default=0, ge=0)  # the disputed sum, minor units
    words: str = ""  # the customer's own words, as the clerk typed them


class Shift(Frozen):
    """Goodwill this clerk has already given in the current shift."""

    count: int = Field(default=0, ge=0)
    value: int = Field(default=0, ge=0)


class Reason(Frozen):
    fact: str  # tier, tenure, spend_12m, lifetime_value, last_concession, signals, rising,
    # win_back, cap, proportion, words
    text: Words


class Suggestion(Frozen):
    category: str
    action: str
    value: int
    script: Words
    reasons: tuple[Reason, ...]
    within_discretion: bool
    needs_approval: bool
    approval_reason: Words | None
    escalate: bool = False


def suggest(
    profile: Profile,
    dispute: Dispute,
    role: str,
    policy: Policy,
    shift: Shift | None = None,
    limit: int | None = None,
) -> tuple[Suggestion, ...]:
    """Ranked suggestions (the first is the one to offer); history comes with the profile.
    `limit` is the member of staff's personal limit, when they have one."""
    shift = shift or Shift()
    goodwill = policy.goodwill
    category = goodwill.category(dispute.category)
    if category is None:
        known = ", ".join(c.id for c in goodwill.categories)
        unknown = QT_TRANSLATE_NOOP("goodwill", "unknown category {category} (one of {known})")
        raise GoodwillError(unknown.format(category=repr(dispute.category), known=known))
    if role not in ROLES:
        unknown = QT_TRANSLATE_NOOP("goodwill", "unknown role {role} (one of {known})")
        raise GoodwillError(unknown.format(role=repr(role), known=", ".join(ROLES)))
    tier = goodwill_tier(profile)
    cap = cap_for(goodwill, profile.spend_12m, tier)
    scale = multiplier(policy, profile)
    in_proportion = proportion_cap(goodwill, dispute.amount, scale)
    reasons = _reasons(profile, dispute, cap, scale)
    script_args = _script_args(profile, dispute, category)

    suggestions = []
    for remedy in _eligible(policy, category, tier):
        value = _value(goodwill, remedy, dispute, min(cap, in_proportion), scale)
        if value is None:
            continue
        approval = approval_needed(goodwill, profile, role, value, shift, limit)
        suggestions.append(
            Suggestion(
                category=category.id,
                action=remedy.action,
                value=value,
                script=_script(goodwill, remedy, dispute, value, script_args),
                reasons=reasons
                + _capped(remedy, dispute, cap)
                + _kept_in_proportion(goodwill, remedy, dispute, cap, in_proportion, scale),
                within_discretion=approval is None,
                needs_approval=approval is not None,
                approval_reason=approval,
                escalate=remedy.escalate,
            )
        )
    return tuple(sorted(suggestions, key=lambda s: s.value == 0))


def cap_for(goodwill: Goodwill, spend_12m: int, tier: str) -> int:
    """The most any one gesture may be worth: a share of 12-month spend, never below the
    tier's minimum (so a lapsing premier customer is not capped like a newcomer)."""
    share = int(Decimal(max(spend_12m, 0)) * goodwill.cap_share_of_spend_12m)
    minimum = int(goodwill.cap_minimum * goodwill.generosity[tier])
    return min(goodwill.cap_absolute, max(minimum, share))


def goodwill_tier(profile: Profile) -> str:
    """The tier goodwill treats the customer as: their own, or the higher one their predicted
    spend reaches (rising)."""
    return profile.treated_as or profile.standing.tier


def proportion_cap(goodwill: Goodwill, amount: int, scale: Decimal) -> int:
    """The most a gesture may be worth against the loss: a share of the disputed amount, or
    for small and zero amounts the minimum scaled by the customer's generosity (so tiers,
    loyalty and a win-back still count, and the courteous floor holds); a whole step of
    round_to, never below the floor nor the loss itself (money back is never cut)."""
    share = Decimal(amount) * goodwill.cap_share_of_disputed
    most = max(share, Decimal(goodwill.cap_disputed_minimum) * scale)
    step = goodwill.round_to
    return max(int(most) // step * step, goodwill.floor, amount)


def multiplier(policy: Policy, profile: Profile) -> Decimal:
    """Generosity for the tier, plus what tenure, quiet loyalty and advocacy have earned, and
    more for a valuable customer who has probably drifted away (win back)."""
    bonus = policy.goodwill.bonus
    years = min(profile.tenure_days // 365, bonus.max_tenure_years)
    scale = policy.goodwill.generosity[goodwill_tier(profile)] + bonus.per_tenure_year * years
    if Signal.QUIET_REGULAR in profile.signals:
        scale += bonus.quiet_regular
    if Signal.ADVOCATE in profile.signals:
        scale += bonus.advocate
    if Signal.WIN_BACK in profile.signals:
        scale += bonus.win_back
    return scale


def _eligible(policy: Policy, category: Category, tier: str) -> list[Remedy]:
    rank = policy.tier_rank(tier)
    return [
        r for r in category.remedies if r.min_tier is None or rank >= policy.tier_rank(r.min_tier)
    ]


def _value(
    goodwill: Goodwill, remedy: Remedy, dispute: Dispute, cap: int, scale: Decimal
) -> int | None:
    if remedy.value == "disputed":
        return min(dispute.amount, cap) if dispute.amount > 0 else None
    if remedy.value == 0:
        return 0
    step = Decimal(goodwill.round_to)
    scaled = (Decimal(remedy.value) * scale / step).to_integral_value(ROUND_CEILING) * step
    return min(max(int(scaled), goodwill.floor), cap)


def _guard(goodwill: Goodwill, profile: Profile, value: int) -> Text | None:
    """Repeated or disproportionate goodwill to this customer, counting this gesture."""
    guards = goodwill.guards
    if profile.concessions_90d >= guards.repeat_count_90d:
        repeated = translate(
            "goodwill", "%n concessions to this customer in the last 90 days", None, 0
        )
        return repeated.plural(profile.concessions_90d)
    given = profile.concession_value_12m + value
    if given >= guards.min_flagged_value and given > guards.share_of_spend_12m * max(
        profile.spend_12m, 0
    ):
        return QT_TRANSLATE_NOOP(
            "goodwill", "{given} of goodwill in 12 months with this one, against {spend} of spend"
        ).format(given=_pence(given), spend=Amount(profile.spend_12m))
    return None


ROLE_NAMES = {
    "clerk": QT_TRANSLATE_NOOP("role", "clerk"),
    "supervisor": QT_TRANSLATE_NOOP("role", "supervisor"),
    "manager": QT_TRANSLATE_NOOP("role", "manager"),
}
_APPROVERS = {
    "supervisor": QT_TRANSLATE_NOOP("role", "a supervisor"),
    "manager": QT_TRANSLATE_NOOP("role", "a manager"),
}


def role_name(role: str) -> Text:
    known = ROLE_NAMES.get(role)
    return known.text() if known else Text("", role)


def approver_for(role: str) -> Text:
    """Who approves above a role: the next role up (a manager's own requests: another)."""
    position = ROLES.index(role)
    if position + 1 < len(ROLES):
        above = ROLES[position + 1]
        known = _APPROVERS.get(above)
        return known.text() if known else Text("", f"a {above}")
    return QT_TRANSLATE_NOOP("role", "another {role}").format(role=role_name(role))


def approval_needed(
    goodwill: Goodwill,
    profile: Profile,
    role: str,
    value: int,
    shift: Shift | None = None,
    limit: int | None = None,
) -> Text | None:
    """Why a gesture of `value` needs approval (over the limit, a guard), or None."""
    if value == 0:
        return None
    shift = shift or Shift()
    own = limit is not None
    limit = goodwill.roles.limit(role) if limit is None else limit
    next_role = approver_for(role)
    guard = _guard(goodwill, profile, value)
    if value > limit:
        if own:
            over = QT_TRANSLATE_NOOP(
                "goodwill",
                "{value} is over your personal limit of {limit}: {approver} must approve",
            )
            return over.format(value=_pence(value), limit=_pence(limit), approver=next_role)
        over = QT_TRANSLATE_NOOP(
            "goodwill", "{value} is over the {role} limit of {limit}: {approver} must approve"
        )
        return over.format(
            value=_pence(value), role=role_name(role), limit=_pence(limit), approver=next_role
        )
    cap = cap_for(goodwill, profile.spend_12m, goodwill_tier(profile))
    if value > cap:
        over = QT_TRANSLATE_NOOP(
            "goodwill", "{value} is over this customer's cap of {cap}: {approver} must approve"
        )
        return over.format(value=_pence(value), cap=_pence(cap), approver=next_role)
    if guard is not None:
        flagged = QT_TRANSLATE_NOOP("goodwill", "{guard}: {approver} must approve")
        return flagged.format(guard=guard, approver=next_role)
    guards = goodwill.guards
    if role != "clerk":  # the shift guards watch clerks; approvers answer for their own
        return None
    if shift.count >= guards.shift_count:
        busy = translate(
            "goodwill", "%n concessions already this shift: {approver} must approve", None, 0
        )
        return busy.plural(shift.count, approver=next_role)
    if shift.value + value > guards.shift_value:
        busy = QT_TRANSLATE_NOOP(
            "goodwill", "{total} of goodwill this shift would pass {limit}: {approver} must approve"
        )
        return busy.format(
            total=_pence(shift.value + value), limit=_pence(guards.shift_value), approver=next_role
        )
    return None


def _last_goodwill(profile: Profile) -> Text:
    """The last goodwill given (a request still waiting is not goodwill given: it is said as
    such), and when: "today", never "0 days ago"."""
    history = [c for c in profile.recent_concessions if c.status != "denied"]
    waiting = next((c for c in history if c.status == "pending"), None)
    last = next((c for c in history if c.status != "pending"), None)
    if last is None:
        said = QT_TRANSLATE_NOOP("goodwill", "no goodwill given before").text()
    else:
        days = (profile.as_of - last.granted_at.date()).days
        if days <= 0:
            said = QT_TRANSLATE_NOOP("goodwill", "last goodwill {value}, today").format(
                value=_pence(last.value)
            )
        else:
            before = translate("goodwill", "last goodwill {value}, %n days ago", None, 0)
            said = before.plural(days, value=_pence(last.value))
    if waiting is None:
        return said
    request = QT_TRANSLATE_NOOP("goodwill", "a request for {value} is waiting for a supervisor")
    return joined((request.format(value=_pence(waiting.value)), said), "; ")


def _reasons(profile: Profile, dispute: Dispute, cap: int, scale: Decimal) -> tuple[Reason, ...]:
    standing = profile.standing
    last_text = _last_goodwill(profile)
    generosity = QT_TRANSLATE_NOOP("goodwill", "generosity ×{scale} for tier, tenure and loyalty")
    reasons = [
        Reason(fact="tier", text=standing.reason),
        Reason(fact="generosity", text=generosity.format(scale=scale.quantize(Decimal("0.01")))),
        Reason(
            fact="tenure",
            text=QT_TRANSLATE_NOOP("goodwill", "a customer for {tenure}").format(
                tenure=profile.tenure_text
            ),
        ),
        Reason(
            fact="spend_12m",
            text=QT_TRANSLATE_NOOP("goodwill", "{spend} in the last 12 months").format(
                spend=Amount(profile.spend_12m)
            ),
        ),
        Reason(
            fact="lifetime_value",
            text=QT_TRANSLATE_NOOP("goodwill", "{value} lifetime").format(
                value=Amount(profile.lifetime_value)
            ),
        ),
        Reason(fact="last_concession", text=last_text),
    ]
    if profile.signals:
        named = joined(SIGNAL_NAMES[s].text() for s in profile.signals)
        reasons.append(Reason(fact="signals", text=named))
    for signal in (Signal.RISING, Signal.WIN_BACK):  # potential value moved the gesture: why
        why = profile.signal_reasons.get(signal)
        if signal in profile.signals and why:
            reasons.append(Reason(fact=str(signal), text=why))
    words = mask_payment_cards(dispute.words.strip())
    if words:
        said = QT_TRANSLATE_NOOP("goodwill", "in their words: “{words}”")
        reasons.append(Reason(fact="words", text=said.format(words=words)))
    return tuple(reasons)


def _capped(remedy: Remedy, dispute: Dispute, cap: int) -> tuple[Reason, ...]:
    if remedy.value == "disputed" and dispute.amount > cap:
        capped = QT_TRANSLATE_NOOP("goodwill", "capped at {cap} for this customer")
        return (Reason(fact="cap", text=capped.format(cap=_pence(cap))),)
    return ()


def _kept_in_proportion(
    goodwill: Goodwill,
    remedy: Remedy,
    dispute: Dispute,
    cap: int,
    in_proportion: int,
    scale: Decimal,
) -> tuple[Reason, ...]:
    """Said when the share of the disputed amount is what held this gesture down."""
    if remedy.value in ("disputed", 0) or in_proportion >= cap:
        return ()
    unbounded = _value(goodwill, remedy, dispute, cap, scale)
    if unbounded is None or unbounded <= in_proportion:
        return ()
    if dispute.amount > 0:
        against = QT_TRANSLATE_NOOP(
            "goodwill", "kept in proportion: at most {cap} against {amount} disputed"
        )
        said = against.format(cap=_pence(in_proportion), amount=_pence(dispute.amount))
    else:
        unstated = QT_TRANSLATE_NOOP(
            "goodwill", "kept in proportion: at most {cap} with no sum disputed"
        )
        said = unstated.format(cap=_pence(in_proportion))
    return (Reason(fact="proportion", text=said),)


def _script_args(profile: Profile, dispute: Dispute, category: Category) -> dict[str, Arg]:
    """What every script for this customer and dispute may name (made once per dispute)."""
    return {
        "name": profile.display_name.split()[0],
        "amount": _pence(dispute.amount),
        "tenure": tenure_phrase(profile.tenure_days),
        "category": Lower(policy_text(category.label)),
    }


def _script(
    goodwill: Goodwill, remedy: Remedy, dispute: Dispute, value: int, args: dict[str, Arg]
) -> Text:
    capped = remedy.value == "disputed" and value < dispute.amount
    script = goodwill.capped_script if capped else remedy.script
    return policy_text(script, **args, value=_pence(value))


_UNITS = (
    (365, translate("tenure", "{count} year(s)", None, 0)),
    (30, translate("tenure", "{count} month(s)", None, 0)),
    (7, translate("tenure", "{count} week(s)", None, 0)),
)
_SPOKEN = (
    QT_TRANSLATE_NOOP("number", "one"),
    QT_TRANSLATE_NOOP("number", "two"),
    QT_TRANSLATE_NOOP("number", "three"),
    QT_TRANSLATE_NOOP("number", "four"),
    QT_TRANSLATE_NOOP("number", "five"),
    QT_TRANSLATE_NOOP("number", "six"),
    QT_TRANSLATE_NOOP("number", "seven"),
    QT_TRANSLATE_NOOP("number", "eight"),
    QT_TRANSLATE_NOOP("number", "nine"),
    QT_TRANSLATE_NOOP("number", "ten"),
)


_ONE = {  # whole phrases: a language may need the number to agree with the unit (une semaine)
    365: QT_TRANSLATE_NOOP("tenure", "one year"),
    30: QT_TRANSLATE_NOOP("tenure", "one month"),
    7: QT_TRANSLATE_NOOP("tenure", "one week"),
}


def tenure_phrase(days: int) -> Text:
    """Tenure as a person says it: "five years", "eight months", "one week"."""
    for size, unit in _UNITS:
        count = days // size
        if count == 1:
            return _ONE[size].text()
        if count > 1:
            spoken = _SPOKEN[count - 1].text() if count <= len(_SPOKEN) else count
            return unit.plural(count, count=spoken)
    return QT_TRANSLATE_NOOP("tenure", "a few days").text()


def _pence(minor: int) -> Amount:
    return Amount(minor, pence=True)

"""The suggest use case: a customer's profile judged against a dispute and the policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.goodwill import Dispute, GoodwillError, Shift, Suggestion, suggest
from app.domain.identifiers import looks_like_payment_card
from app.domain.models import Profile
from app.domain.money import parse_money
from app.domain.policy import Policy
from app.domain.text import QT_TRANSLATE_NOOP, Amount
from app.services.lookup import PAYMENT_CARD_REFUSAL, LookupService, RefusedInputError

NEGATIVE = QT_TRANSLATE_NOOP("goodwill", "the amount must not be negative")
TOO_LARGE = QT_TRANSLATE_NOOP(
    "goodwill",
    "a disputed amount of {amount} is above the most a counter settles ({most}): check the "
    "amount, or refer the dispute to a manager",
)


def check_disputed_amount(amount: int, policy: Policy) -> None:
    """A disputed amount the counter may settle: not negative, not above the policy's most."""
    if amount < 0:
        raise GoodwillError(NEGATIVE.text())
    most = policy.goodwill.max_disputed_amount
    if amount > most:
        raise GoodwillError(
            TOO_LARGE.format(amount=Amount(amount, pence=True), most=Amount(most, pence=True))
        )


@dataclass(frozen=True, slots=True)
class Advice:
    profile: Profile
    dispute: Dispute
    role: str
    suggestions: tuple[Suggestion, ...]

    @property
    def top(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None


def read_amount(text: str) -> int:
    """The disputed amount as typed ("1.50", "£1.50", "") -> minor units; GoodwillError if not."""
    cleaned = text.strip().lstrip("£").strip()
    if not cleaned:
        return 0
    if looks_like_payment_card(cleaned):
        raise RefusedInputError(PAYMENT_CARD_REFUSAL)
    try:
        amount = parse_money(cleaned)
    except ValueError:
        raise GoodwillError(
            QT_TRANSLATE_NOOP("goodwill", "the amount must be a sum such as 1.50").text()
        ) from None
    if amount < 0:
        raise GoodwillError(NEGATIVE.text())
    return amount


class GoodwillService:
    def __init__(self, lookup: LookupService, policy: Policy) -> None:
        self.lookup, self.policy = lookup, policy

    def categories(self) -> list[tuple[str, str]]:
        return [(c.id, c.label) for c in self.policy.goodwill.categories]

    def advise(
        self,
        customer_id: str,
        *,
        category: str,
        amount: int,
        role: str = "clerk",
        words: str = "",
        as_of: date | None = None,
        shift: Shift | None = None,
        profile: Profile | None = None,
        limit: int | None = None,
    ) -> Advice:
        """Ranked suggestions for one customer's dispute (pass `profile` if already loaded)."""
        check_disputed_amount(amount, self.policy)
        dispute = Dispute(category=category, amount=amount, words=words)
        if profile is None or profile.customer_id != customer_id:
            profile = self.lookup.profile(customer_id, as_of)
        suggestions = suggest(profile, dispute, role, self.policy, shift, limit)
        return Advice(profile=profile, dispute=dispute, role=role, suggestions=suggestions)

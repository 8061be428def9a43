"""Look-up use cases: find customers from what the clerk typed or scanned; build a profile."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from app.domain.identifiers import Query, looks_like_payment_card, read_query
from app.domain.models import Match, MatchedOn, Profile, status_word
from app.domain.policy import Policy
from app.domain.standing import build_profile, display_name, tier_reached
from app.domain.text import QT_TRANSLATE_NOOP, Text, policy_text
from app.domain.window import AsOf, as_of_bounds
from app.store import queries
from app.store.queries import Candidate

PAGE = 20  # what the list shows at once; more means "keep typing"
PAYMENT_CARD_REFUSAL = QT_TRANSLATE_NOOP(
    "lookup",
    "That looks like a payment card number. Standing never looks up bank cards: "
    "ask for the loyalty card or a phone number.",
).text()


class UnknownCustomerError(LookupError):
    def __init__(self, customer_id: str) -> None:
        unknown = QT_TRANSLATE_NOOP("lookup", "no customer with id {id}")
        super().__init__(unknown.format(id=repr(customer_id)))


class RefusedInputError(ValueError):
    """Input refused on sight (a payment card number); the message never repeats it."""


class SearchResult(NamedTuple):  # immutable, and quicker to make than a frozen dataclass
    query: str
    matches: tuple[Match, ...] = ()
    refused: str | None = None  # why the input was refused; the input itself is not kept
    key_type: str = "none"  # card, phone, phone_suffix, email, name, refused, none
    more: bool = False  # more customers matched than the page holds

    @property
    def direct(self) -> Match | None:
        """The one customer an exact card or phone match identifies, to open at once."""
        if len(self.matches) == 1 and self.matches[0].matched_on in (
            MatchedOn.CARD,
            MatchedOn.PHONE,
        ):
            return self.matches[0]
        return None


@dataclass(frozen=True, slots=True)
class Freshness:
    exported_at: datetime | None
    imported_at: datetime | None
    demo: bool


class LookupService:
    """One place for look-ups, shared by the window, the command line and the tests."""

    def __init__(
        self,
        db: Database,
        policy: Policy,
        *,
        region: str,
        zone: ZoneInfo,
        clock: Callable[[], datetime],
    ) -> None:
        self.db, self.policy, self.region, self.zone, self.clock = db, policy, region, zone, clock

    def bounds(self, as_of: date | None = None) -> AsOf:
        """The day's windows: `as_of`, else today at the station."""
        return as_of_bounds(as_of or self.clock().astimezone(self.zone).date(), self.zone)

    def search(self, text: str, as_of: date | None = None, limit: int = PAGE) -> SearchResult:
        query = read_query(text, self.region)
        if not query.text:
            return SearchResult(query="")
        bounds = self.bounds(as_of)
        # A payment card's digits are never tried as a phone number.
        quick = None if query.payment_card_like else query.phone_as_typed
        kind, found = self._exact(query.card, quick, limit + 1, bounds)
        if kind is None and query.payment_card_like:
            return SearchResult(query="", refused=PAYMENT_CARD_REFUSAL, key_type="refused")
        if kind is None:
            kind, found = self._find(query, quick, limit + 1, bounds)
        matches = self._matches(kind, found) if kind else ()
        return SearchResult(
            query=query.text,
            matches=matches[:limit],
            key_type=str(kind) if kind else "none",
            more=len(matches) > limit,
        )

    def _exact(
        self, card: str | None, quick_phone: str | None, limit: int, bounds: AsOf
    ) -> tuple[MatchedOn | None, list[Candidate]]:
        """The card number, else the phone as usually written: one statement for both.

        The quick E.164 form is a guess that only an exact match confirms."""
        if card is not None:
            hit_query = queries.card_or_phone_query(card, quick_phone, limit)
        elif quick_phone is not None:
            hit_query = queries.phone_query(quick_phone, limit)
        else:
            return None, []
        found = queries.candidates(self.db, hit_query, bounds)
        if cards := [row for row in found if row.matched == card]:
            return MatchedOn.CARD, cards
        return (MatchedOn.PHONE, found) if found else (None, [])

    def _find(
        self, query: Query, tried_phone: str | None, limit: int, bounds: AsOf
    ) -> tuple[MatchedOn | None, list[Candidate]]:
        """The fully parsed phone, then the last digits, then email, then name."""
        if (
            query.phone
            and query.phone != tried_phone
            and (exact := self._phone(query.phone, limit, bounds))
        ):
            return MatchedOn.PHONE, exact
        if query.suffix:
            hit_query = queries.phone_suffix_query(query.suffix, limit)
            return MatchedOn.PHONE_SUFFIX, queries.candidates(self.db, hit_query, bounds)
        if query.email:
            hit_query = queries.email_query(query.email, limit)
            return MatchedOn.EMAIL, queries.candidates(self.db, hit_query, bounds)
        if query.words:
            hit_query = queries.name_query(query.words, limit)
            return MatchedOn.NAME, queries.candidates(self.db, hit_query, bounds)
        return None, []

    def _phone(self, e164: str, limit: int, bounds: AsOf) -> list[Candidate]:
        return queries.candidates(self.db, queries.phone_query(e164, limit), bounds)

    def _matches(self, matched_on: MatchedOn, found: Sequence[Candidate]) -> tuple[Match, ...]:
        if len(found) == 1:  # one match: nothing to rank
            return (self._match(matched_on, found[0]),)
        ranked = [
            ((row.status != "active", -row.lifetime_value, match.display_name), match)
            for row in found
            for match in (self._match(matched_on, row),)
        ]
        ranked.sort(key=lambda pair: pair[0])
        return tuple(m for _, m in ranked)

    def _match(self, matched_on: MatchedOn, row: Candidate) -> Match:
        tier = tier_reached(self.policy, row.spend_12m, row.lifetime_value)
        return Match(
            customer_id=row.customer_id,
            display_name=display_name(row.given_name, row.family_name),
            matched_on=matched_on,
            detail=_detail(matched_on, row),
            tier=tier.id,
            tier_label=_tier_label(tier.label),
            card_status=row.card_status,
            status=row.status,
        )

    def profile(self, customer_id: str, as_of: date | None = None) -> Profile:
        if looks_like_payment_card(customer_id):
            raise RefusedInputError(PAYMENT_CARD_REFUSAL)
        bounds = self.bounds(as_of)
        facts = queries.customer_facts(self.db, customer_id, bounds)
        if facts is None:
            raise UnknownCustomerError(customer_id)
        return build_profile(facts, self.policy, bounds)

    def freshness(self) -> Freshness:
        meta = queries.freshness(self.db)
        return Freshness(
            exported_at=_parse_moment(meta.get("exported_at")),
            imported_at=_parse_moment(meta.get("imported_at")),
            demo=meta.get("demo") == "1",
        )


_CARD = QT_TRANSLATE_NOOP("lookup", "card …{last4}")
_CARD_WITH_STATUS = QT_TRANSLATE_NOOP("lookup", "card …{last4} ({status})")
_PHONE = QT_TRANSLATE_NOOP("lookup", "phone {digits}")
_PHONE_KINDS = frozenset((MatchedOn.PHONE, MatchedOn.PHONE_SUFFIX))
_EMAIL = QT_TRANSLATE_NOOP("lookup", "email").text()
_NAME = QT_TRANSLATE_NOOP("lookup", "name").text()


def _detail(matched_on: MatchedOn, row: Candidate) -> Text:
    if matched_on is MatchedOn.CARD:
        return _card_detail(row.matched[-4:], row.card_status)
    if matched_on in _PHONE_KINDS:
        return _phone_detail(row.matched[-3:])  # an E.164 number ends in digits
    return _EMAIL if matched_on is MatchedOn.EMAIL else _NAME


# Details are few (a thousand phone endings, ten thousand card endings): each is made once.
@lru_cache(maxsize=16_384)
def _card_detail(last4: str, status: str | None) -> Text:
    if status == "active":
        return _CARD.format(last4=last4)
    return _CARD_WITH_STATUS.format(last4=last4, status=status_word(str(status)))


@lru_cache(maxsize=1_024)
def _phone_detail(last3: str) -> Text:
    return _PHONE.format(digits="…" + last3)


@lru_cache(maxsize=64)
def _tier_label(label: str) -> Text:
    return policy_text(label)


def _parse_moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def customer_names(lookup: LookupService, customer_ids: Sequence[str]) -> dict[str, str]:
    """Each known customer's name as the card shows it, by id (unknown ids are left out)."""
    held = queries.names_of(lookup.db, customer_ids)
    return {cid: display_name(given, family) for cid, (given, family) in held.items()}

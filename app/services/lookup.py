"""Look-up use cases: find customers from what the clerk typed or scanned; build a profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from app.domain.identifiers import Query, mask_phone, read_query
from app.domain.models import Match, MatchedOn, Profile
from app.domain.policy import Policy
from app.domain.standing import build_profile, display_name, tier_reached
from app.domain.window import AsOf, as_of_bounds
from app.store import queries
from app.store.queries import Hit

PAGE = 50
PAYMENT_CARD_REFUSAL = (
    "That looks like a payment card number. Standing never looks up bank cards: "
    "ask for the loyalty card or a phone number."
)
_RANK = {
    MatchedOn.CARD: 0,
    MatchedOn.PHONE: 1,
    MatchedOn.EMAIL: 2,
    MatchedOn.PHONE_SUFFIX: 3,
    MatchedOn.NAME: 4,
}


class UnknownCustomerError(LookupError):
    def __init__(self, customer_id: str) -> None:
        super().__init__(f"no customer with id {customer_id!r}")


@dataclass(frozen=True, slots=True)
class SearchResult:
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

    def __init__(self, db: Database, policy: Policy, *, region: str, zone: ZoneInfo) -> None:
        self.db, self.policy, self.region, self.zone = db, policy, region, zone

    def bounds(self, as_of: date | None = None) -> AsOf:
        return as_of_bounds(as_of or datetime.now(self.zone).date(), self.zone)

    def search(self, text: str, as_of: date | None = None, limit: int = PAGE) -> SearchResult:
        query = read_query(text, self.region)
        if not query.text:
            return SearchResult(query="")
        card_hits = queries.card_hits(self.db, query.card) if query.card else []
        if query.payment_card_like and not card_hits:
            return SearchResult(query="", refused=PAYMENT_CARD_REFUSAL, key_type="refused")
        hits, key_type = self._hits(query, card_hits, limit + 1)
        matches = self._matches(hits, self.bounds(as_of))
        return SearchResult(
            query=query.text, matches=matches[:limit], key_type=key_type, more=len(matches) > limit
        )

    def _hits(
        self, query: Query, card_hits: list[Hit], limit: int
    ) -> tuple[list[tuple[MatchedOn, Hit]], str]:
        if card_hits:
            return [(MatchedOn.CARD, h) for h in card_hits], "card"
        if query.phone:
            exact = queries.phone_hits(self.db, query.phone, limit)
            if exact:
                return [(MatchedOn.PHONE, h) for h in exact], "phone"
        if query.suffix:
            found = queries.phone_suffix_hits(self.db, query.suffix, limit)
            return [(MatchedOn.PHONE_SUFFIX, h) for h in found], "phone_suffix"
        if query.email:
            found = queries.email_hits(self.db, query.email, limit)
            return [(MatchedOn.EMAIL, h) for h in found], "email"
        if query.words:
            found = queries.name_hits(self.db, query.words, limit)
            return [(MatchedOn.NAME, h) for h in found], "name"
        return [], "none"

    def _matches(self, hits: Sequence[tuple[MatchedOn, Hit]], bounds: AsOf) -> tuple[Match, ...]:
        first: dict[str, tuple[MatchedOn, Hit]] = {}
        for matched_on, hit in hits:
            first.setdefault(hit.customer_id, (matched_on, hit))
        rows = queries.candidate_rows(self.db, list(first), bounds)
        matches = []
        for row in rows:
            matched_on, hit = first[row.customer_id]
            tier = tier_reached(self.policy, row.spend_12m, row.lifetime_value)
            card_status = hit.card_status if matched_on is MatchedOn.CARD else row.card_status
            matches.append(
                (
                    (_RANK[matched_on], row.status != "active", -row.lifetime_value),
                    Match(
                        customer_id=row.customer_id,
                        display_name=display_name(row.given_name, row.family_name),
                        matched_on=matched_on,
                        detail=_detail(matched_on, hit),
                        tier=tier.id,
                        tier_label=tier.label,
                        card_status=card_status,
                        status=row.status,
                    ),
                )
            )
        matches.sort(key=lambda pair: (pair[0], pair[1].display_name))
        return tuple(m for _, m in matches)

    def profile(self, customer_id: str, as_of: date | None = None) -> Profile:
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


def _detail(matched_on: MatchedOn, hit: Hit) -> str:
    if matched_on is MatchedOn.CARD:
        note = "" if hit.card_status == "active" else f" ({hit.card_status})"
        return f"card …{hit.matched[-4:]}{note}"
    if matched_on in (MatchedOn.PHONE, MatchedOn.PHONE_SUFFIX):
        return f"phone {mask_phone(hit.matched)[-4:]}".replace("•", "…")
    if matched_on is MatchedOn.EMAIL:
        return "email"
    return "name"


def _parse_moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None

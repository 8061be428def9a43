"""The lookup service over a small hand-written export whose figures are known."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.models import MatchedOn
from app.services.lookup import PAYMENT_CARD_REFUSAL, UnknownCustomerError
from app.services.station import Station
from tests.clock import Clock
from tests.conftest import import_folder
from tests.hand_export import PHONE_FORMATS, write_csv

AS_OF = date(2026, 11, 23)


@pytest.fixture
def station(hand_station: Station) -> Station:
    return hand_station


@pytest.mark.parametrize("typed", PHONE_FORMATS)
def test_every_phone_format_finds_the_same_customer_directly(station: Station, typed: str) -> None:
    result = station.lookup.search(typed, AS_OF)
    assert result.direct is not None
    assert result.direct.customer_id == "C1"
    assert result.direct.matched_on is MatchedOn.PHONE
    assert "900123" not in result.direct.detail  # masked: only the last digits show


def test_foreign_number_with_plus(station: Station) -> None:
    result = station.lookup.search("+33 612 345 678", AS_OF)
    assert [m.customer_id for m in result.matches] == ["C4"]


def test_trailing_digits_list_every_candidate(station: Station) -> None:
    result = station.lookup.search("0381", AS_OF)
    assert {m.customer_id for m in result.matches} == {"C2", "C3"}
    assert all(m.matched_on is MatchedOn.PHONE_SUFFIX for m in result.matches)
    assert result.direct is None
    assert result.matches[0].customer_id == "C2"  # active before closed


def test_three_digits_are_not_a_phone_search(station: Station) -> None:
    assert station.lookup.search("381", AS_OF).matches == ()


def test_card_exact_and_lost_card_still_finds_its_customer(station: Station) -> None:
    active = station.lookup.search("633000000012", AS_OF)
    assert active.direct is not None and active.direct.card_status == "active"
    lost = station.lookup.search("6330 0000 0005", AS_OF)
    assert lost.direct is not None
    assert lost.direct.customer_id == "C1"
    assert lost.direct.card_status == "lost"
    assert "lost" in lost.direct.detail
    expired = station.lookup.search("633000000099", AS_OF)
    assert expired.direct is not None and expired.direct.card_status == "expired"


@pytest.mark.parametrize(("owner", "status"), [("C4", "active"), ("C1", "lost")])
def test_a_card_number_that_is_also_a_phone_number_is_the_card(
    station: Station, tmp_path: Path, owner: str, status: str
) -> None:
    # A card carrying the digits of C1's mobile (another customer's card, or C1's own): the
    # card is what a scanner gives, whichever of the two rows SQLite returns first.
    folder = tmp_path / "card-like-phone"
    write_csv(
        folder, "cards.csv", f"card_number,customer_id,status\n07700900123,{owner},{status}\n"
    )
    import_folder(station, folder)
    for typed in ("07700900123", "07700 900123"):
        card = station.lookup.search(typed, AS_OF)
        assert card.key_type == "card" and card.direct is not None
        assert (card.direct.customer_id, card.direct.card_status) == (owner, status)
    phone = station.lookup.search("+44 7700 900123", AS_OF)  # written as a phone, not a card
    assert phone.direct is not None and phone.direct.customer_id == "C1"
    assert phone.direct.matched_on is MatchedOn.PHONE


def test_a_shared_phone_fills_the_page_and_a_card_of_its_digits_still_wins(
    station: Station, tmp_path: Path
) -> None:
    folder = tmp_path / "shared-landline"
    write_csv(folder, "phones.csv", "customer_id,phone,label\nC2,0113 496 0381,home\n")
    import_folder(station, folder)
    shared = station.lookup.search("0113 496 0381", AS_OF, limit=1)
    assert shared.key_type == "phone" and len(shared.matches) == 1 and shared.more
    write_csv(folder, "cards.csv", "card_number,customer_id,status\n01134960381,C4,active\n")
    import_folder(station, folder)
    card = station.lookup.search("0113 496 0381", AS_OF, limit=1)
    assert card.key_type == "card" and card.direct is not None
    assert card.direct.customer_id == "C4" and not card.more


@pytest.mark.parametrize("typed", ["zoe", "ZOË", "Zoë", "zo"])
def test_name_is_accent_and_case_insensitive_prefix(station: Station, typed: str) -> None:
    found = {m.customer_id for m in station.lookup.search(typed, AS_OF).matches}
    assert found == {"C2", "C4"}


def test_multi_word_name_narrows(station: Station) -> None:
    result = station.lookup.search("zoe exa", AS_OF)
    assert [m.customer_id for m in result.matches] == ["C2"]
    assert result.matches[0].matched_on is MatchedOn.NAME
    assert result.direct is None  # a name never opens a card by itself


def test_family_name_finds_the_household(station: Station) -> None:
    result = station.lookup.search("example", AS_OF)
    assert [m.customer_id for m in result.matches] == ["C1", "C2"]  # higher value first


def test_email_lookup(station: Station) -> None:
    result = station.lookup.search("Bob@Example.org", AS_OF)
    assert [(m.customer_id, m.matched_on) for m in result.matches] == [("C3", MatchedOn.EMAIL)]


@pytest.mark.parametrize("pan", ["4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444"])
def test_payment_card_number_is_refused_and_not_echoed(station: Station, pan: str) -> None:
    result = station.lookup.search(pan, AS_OF)
    assert result.refused == PAYMENT_CARD_REFUSAL
    assert result.matches == ()
    assert result.query == ""
    assert "1111" not in result.refused and "4444" not in result.refused


def test_empty_and_unmatched_queries(station: Station) -> None:
    assert station.lookup.search("   ", AS_OF).matches == ()
    assert station.lookup.search("nobody-here", AS_OF).matches == ()


def test_profile_figures_match_a_hand_computation(station: Station) -> None:
    p = station.lookup.profile("C1", AS_OF)
    # P1..P5 are on or before the as-of day; P8 is after it and must not count.
    assert p.lifetime_value == 100000 + 60000 + 95050 - 5050 + 150
    # 12 months = 2025-11-24 .. 2026-11-23: P2, P3, P4 (refund), P5.
    assert p.spend_12m == 60000 + 95050 - 5050 + 150
    assert p.visits_12m == 3  # the refund is not a visit
    assert p.average_order == round((100000 + 60000 + 95050 + 150) / 4)
    assert p.last_visit == date(2026, 11, 20)
    assert p.customer_since == date(2021, 3, 14)
    assert p.tenure_days == (AS_OF - date(2021, 3, 14)).days
    assert p.tenure_text == "5 yr 8 mo"
    assert p.household == ("C1", "C2")
    assert p.household_lifetime_value == p.lifetime_value + 4000
    assert [c.status for c in p.cards] == ["active", "lost"]
    assert [ph.masked for ph in p.phones] == ["•••••••••123"]
    assert p.preferences == "quiet coach; aisle seat"
    assert p.notes == 'Prefers "e-tickets", travels early'
    assert [x.purchase_id for x in p.recent_purchases] == ["P5", "P4", "P3", "P2", "P1"]


def test_profile_tier_distance(station: Station) -> None:
    p = station.lookup.profile("C1", AS_OF)
    assert p.spend_12m == 150150
    assert p.standing.tier == "gold"
    assert p.standing.next_tier == "platinum"
    assert p.standing.to_next_tier == 300000 - 150150


def test_profile_as_of_an_earlier_day_ignores_later_rows(station: Station) -> None:
    p = station.lookup.profile("C1", date(2026, 1, 1))
    assert p.lifetime_value == 160000
    assert p.spend_12m == 60000
    assert p.last_visit == date(2025, 12, 1)
    assert p.household_lifetime_value == 160000  # C2's purchase is later
    assert [x.purchase_id for x in p.recent_purchases] == ["P2", "P1"]


def test_signals_and_complaints(station: Station) -> None:
    zoe = station.lookup.profile("C2", AS_OF)
    assert "advocate" in zoe.signals
    bob = station.lookup.profile("C3", AS_OF)
    assert bob.status == "closed"
    assert bob.complaints_12m == 1
    assert [c.concession_id for c in bob.recent_concessions] == ["K1"]


def test_newcomer_without_purchases(station: Station) -> None:
    p = station.lookup.profile("C4", AS_OF)
    assert p.lifetime_value == 0 and p.visits_12m == 0 and p.last_visit is None
    assert p.standing.tier == "standard"
    assert p.average_order == 0
    assert p.household == ("C4",)


def test_unknown_customer(station: Station) -> None:
    with pytest.raises(UnknownCustomerError):
        station.lookup.profile("NOPE", AS_OF)


def test_freshness_records_the_exports_own_time(station: Station) -> None:
    fresh = station.lookup.freshness()
    assert fresh.exported_at is not None
    assert fresh.exported_at.isoformat() == "2026-11-23T06:00:00+00:00"
    assert fresh.imported_at is not None
    assert fresh.demo is False


def test_without_a_day_lookups_are_as_of_the_stations_today(station: Station, clock: Clock) -> None:
    assert station.lookup.profile("C1") == station.lookup.profile("C1", AS_OF)
    clock.advance(days=400)
    later = station.lookup.profile("C1")
    assert later.as_of == AS_OF + timedelta(days=400)
    assert later.spend_12m == station.lookup.profile("C1", later.as_of).spend_12m != 150150
    found = station.lookup.search("07700 900123").direct
    assert found is not None and found.tier == later.standing.tier


def test_demo_database_finds_its_hero(demo_station: Station) -> None:
    result = demo_station.lookup.search("07700 900123")
    assert result.direct is not None and result.direct.customer_id == "C000001"
    profile = demo_station.lookup.profile("C000001")
    assert profile.lifetime_value > 1_000_000  # over £10,000 in five-odd years


def test_a_page_of_matches_says_when_there_are_more(station: Station) -> None:
    page = station.lookup.search("example", AS_OF, limit=1)
    assert len(page.matches) == 1 and page.more
    whole = station.lookup.search("example", AS_OF, limit=2)
    assert len(whole.matches) == 2 and not whole.more


def test_the_list_and_the_card_agree_on_the_tier_as_of_any_day(demo_station: Station) -> None:
    ids = [r[0] for r in demo_station.db.execute("SELECT customer_id FROM customers LIMIT 150")]
    for day in (date(2021, 6, 1), date(2024, 2, 29), AS_OF):
        for customer_id in ids:
            profile = demo_station.lookup.profile(customer_id, day)
            (card, *_) = [c.card_number for c in profile.cards] or [None]
            if card is None:
                continue
            (match,) = demo_station.lookup.search(card, day).matches
            assert match.tier == profile.standing.tier, (customer_id, day)

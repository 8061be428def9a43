"""The suggest use case over the hand-written export."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.goodwill import GoodwillError
from app.services.goodwill import read_amount
from app.services.lookup import RefusedInputError, UnknownCustomerError
from app.services.station import Station

AS_OF = date(2026, 11, 23)


def test_advice_uses_the_customers_own_history(hand_station: Station) -> None:
    advice = hand_station.goodwill.advise("C3", category="delay", amount=0, as_of=AS_OF)
    assert advice.profile.customer_id == "C3"
    assert advice.profile.concessions_90d == 1  # K1, 6 Oct 2026
    assert advice.profile.concession_value_12m == 500
    assert advice.top is not None and advice.top.action == "voucher"
    last = {r.fact: r.text for r in advice.top.reasons}["last_concession"]
    assert last == "last goodwill £5.00, 48 days ago"


def test_advice_reuses_a_loaded_profile(hand_station: Station) -> None:
    profile = hand_station.lookup.profile("C1", AS_OF)
    advice = hand_station.goodwill.advise("C1", category="lost_ticket", amount=150, profile=profile)
    assert advice.profile is profile
    assert advice.top is not None and (advice.top.action, advice.top.value) == ("waive", 150)


def test_unknown_customer_and_bad_input(hand_station: Station) -> None:
    with pytest.raises(UnknownCustomerError):
        hand_station.goodwill.advise("NOPE", category="delay", amount=0)
    with pytest.raises(GoodwillError):
        hand_station.goodwill.advise("C1", category="delay", amount=-1)


@pytest.mark.parametrize(
    ("typed", "minor"), [("", 0), ("1.50", 150), ("£1.50", 150), (" 12 ", 1200), ("1,200", 120000)]
)
def test_read_amount(typed: str, minor: int) -> None:
    assert read_amount(typed) == minor


@pytest.mark.parametrize("typed", ["abc", "-1", "1.505", "1e3"])
def test_read_amount_refuses(typed: str) -> None:
    with pytest.raises(GoodwillError):
        read_amount(typed)


def test_a_payment_card_typed_as_an_amount_is_refused() -> None:
    with pytest.raises(RefusedInputError) as caught:
        read_amount("4111 1111 1111 1111")
    assert "4111" not in str(caught.value)

"""The data contract: each row model accepts a good row and names the field of a bad one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from app.domain.contract import (
    CONTRACT,
    CardRow,
    ConcessionRow,
    ContractRow,
    CustomerRow,
    ImportContext,
    InteractionRow,
    PhoneRow,
    PurchaseRow,
    to_epoch,
)

LONDON = ZoneInfo("Europe/London")
CTX = ImportContext().as_dict()


def utc(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())  # type: ignore[misc]


def valid(model: type[ContractRow], raw: dict[str, Any], **context: Any) -> Any:
    ctx = ImportContext(**context).as_dict() if context else CTX
    return model.model_validate(raw, context=ctx)


def refused(model: type[ContractRow], raw: dict[str, Any], **context: Any) -> tuple[str, str]:
    """(field, message) of the first error."""
    ctx = ImportContext(**context).as_dict() if context else CTX
    with pytest.raises(ValidationError) as info:
        model.model_validate(raw, context=ctx)
    error = info.value.errors()[0]
    return ".".join(str(p) for p in error["loc"]), error["msg"]


CUSTOMER = {"customer_id": "C1", "given_name": "Ann", "joined_on": "2020-03-14"}
PURCHASE = {
    "purchase_id": "P1",
    "customer_id": "C1",
    "purchased_at": "2026-03-04T08:12:00Z",
    "amount": "12.50",
}
INTERACTION = {
    "interaction_id": "I1",
    "customer_id": "C1",
    "occurred_at": "2026-03-04T08:12:00Z",
    "kind": "complaint",
}
CONCESSION = {
    "concession_id": "K1",
    "customer_id": "C1",
    "granted_at": "2026-03-04T08:12:00Z",
    "value": "1.50",
}


def test_contract_lists_every_file_in_import_order() -> None:
    assert [m.file for m in CONTRACT] == [
        "customers",
        "phones",
        "cards",
        "purchases",
        "interactions",
        "concessions",
    ]
    assert CustomerRow.required == ("customer_id", "given_name", "joined_on")
    assert PurchaseRow.required == ("purchase_id", "customer_id", "purchased_at", "amount")
    assert "household_id" in CustomerRow.columns()


# --- customers ----------------------------------------------------------------------------


def test_customer_full_row() -> None:
    row = valid(
        CustomerRow,
        {
            **CUSTOMER,
            "family_name": " Example ",
            "email": "Ann@Example.COM",
            "household_id": "H1",
            "status": "Closed",
            "referrals": "3",
            "preferences": "quiet coach",
            "notes": "prefers email",
            "updated_at": "2026-11-23T06:00:00Z",
            "loyalty_colour": "ignored",
        },
    )
    assert row.customer_id == "C1"
    assert row.joined_on == date(2020, 3, 14)
    assert row.family_name == "Example"  # stripped
    assert row.email == "Ann@Example.COM"
    assert row.email_folded == "ann@example.com"
    assert row.status == "closed"
    assert row.referrals == 3
    assert row.updated_at == utc(2026, 11, 23, 6)


def test_customer_defaults() -> None:
    row = valid(CustomerRow, CUSTOMER)
    assert row.status == "active"
    assert row.referrals == 0
    assert row.family_name is None
    assert row.email is None
    assert row.email_folded is None
    assert row.updated_at is None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"joined_on": "14/03/2020"}, "joined_on", "must be a date such as 2020-03-14"),
        ({"joined_on": "2020-02-30"}, "joined_on", "must be a date"),
        ({"email": "not an email"}, "email", "must be an email address"),
        ({"email": "ann.example.com"}, "email", "must be an email address"),
        ({"status": "dormant"}, "status", "must be one of active, closed"),
        ({"referrals": "-1"}, "referrals", "greater than or equal to 0"),
        ({"referrals": "two"}, "referrals", "valid integer"),
        ({"updated_at": "yesterday"}, "updated_at", "ISO 8601"),
    ],
)
def test_customer_bad_values(change: dict[str, str], field: str, message: str) -> None:
    where, msg = refused(CustomerRow, {**CUSTOMER, **change})
    assert where == field
    assert message in msg


@pytest.mark.parametrize("missing", ["customer_id", "given_name", "joined_on"])
def test_customer_required_fields(missing: str) -> None:
    raw = {k: v for k, v in CUSTOMER.items() if k != missing}
    where, msg = refused(CustomerRow, raw)
    assert where == missing
    assert msg == "Field required"


def test_customer_negative_referrals_from_json_is_refused() -> None:
    # JSON Lines carry numbers as numbers; -1 referrals is as wrong as "-1"
    where, msg = refused(CustomerRow, {**CUSTOMER, "referrals": -1})
    assert where == "referrals"
    assert "greater than or equal to 0" in msg


def test_customer_referrals_from_json_numbers() -> None:
    assert valid(CustomerRow, {**CUSTOMER, "referrals": 3}).referrals == 3
    assert valid(CustomerRow, {**CUSTOMER, "referrals": 0}).referrals == 0


# --- phones -------------------------------------------------------------------------------


@pytest.mark.parametrize("phone", ["07700 900123", "+44 (0)7700 900123", "0044 7700 900123"])
def test_phone_row_normalises(phone: str) -> None:
    row = valid(PhoneRow, {"customer_id": "C1", "phone": phone, "label": "mobile"})
    assert row.phone == "+447700900123"
    assert row.label == "mobile"


def test_phone_row_uses_the_region() -> None:
    row = valid(PhoneRow, {"customer_id": "C1", "phone": "06 12 34 56 78"}, region="FR")
    assert row.phone == "+33612345678"


@pytest.mark.parametrize("phone", ["call me", "12", "123456789012345678901"])
def test_phone_row_bad_phone(phone: str) -> None:
    where, msg = refused(PhoneRow, {"customer_id": "C1", "phone": phone})
    assert where == "phone"
    assert "is not a phone number" in msg


# --- cards --------------------------------------------------------------------------------


def test_card_row() -> None:
    row = valid(
        CardRow,
        {
            "card_number": "6337 0000 1234",
            "customer_id": "C1",
            "card_type": "loyalty",
            "status": "LOST",
            "issued_on": "2021-05-01",
        },
    )
    assert row.card_number == "633700001234"
    assert row.status == "lost"
    assert row.issued_on == date(2021, 5, 1)


def test_card_row_defaults_to_active() -> None:
    assert valid(CardRow, {"card_number": "A1234", "customer_id": "C1"}).status == "active"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"status": "stolen"}, "status", "must be one of active, lost, replaced, expired"),
        ({"card_number": "12#34"}, "card_number", "letters and digits"),
        ({"issued_on": "May 2021"}, "issued_on", "date"),
    ],
)
def test_card_row_bad_values(change: dict[str, str], field: str, message: str) -> None:
    where, msg = refused(CardRow, {"card_number": "A1234", "customer_id": "C1", **change})
    assert where == field
    assert message in msg


# --- purchases ----------------------------------------------------------------------------


def test_purchase_row() -> None:
    row = valid(PurchaseRow, {**PURCHASE, "currency": "gbp", "channel": "web"})
    assert row.purchased_at == utc(2026, 3, 4, 8, 12)
    assert row.amount == 1250
    assert row.channel == "web"


def test_purchase_refund_is_negative() -> None:
    assert valid(PurchaseRow, {**PURCHASE, "amount": "-3"}).amount == -300


def test_naive_time_is_station_local() -> None:
    winter = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-01-10T12:00:00"})
    assert winter.purchased_at == utc(2026, 1, 10, 12)
    summer = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-07-01T12:00:00"})
    assert summer.purchased_at == utc(2026, 7, 1, 11)  # BST
    spaced = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-07-01 12:00"})
    assert spaced.purchased_at == utc(2026, 7, 1, 11)


def test_offsets_and_z_are_honoured() -> None:
    z = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-07-01T12:00:00Z"})
    assert z.purchased_at == utc(2026, 7, 1, 12)
    plus = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-07-01T12:00:00+02:00"})
    assert plus.purchased_at == utc(2026, 7, 1, 10)


def test_date_only_is_local_midnight() -> None:
    row = valid(PurchaseRow, {**PURCHASE, "purchased_at": "2026-07-01"})
    assert row.purchased_at == utc(2026, 6, 30, 23)


def test_zone_comes_from_the_context() -> None:
    row = valid(
        PurchaseRow,
        {**PURCHASE, "purchased_at": "2026-07-01T12:00:00"},
        zone=ZoneInfo("America/New_York"),
        currency="GBP",
    )
    assert row.purchased_at == utc(2026, 7, 1, 16)  # EDT is UTC-4


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"amount": "12.505"}, "amount", "more than 2 decimal places"),
        ({"amount": "twelve"}, "amount", "not a money amount"),
        ({"amount": "NaN"}, "amount", "not a money amount"),
        ({"purchased_at": "04/03/2026"}, "purchased_at", "ISO 8601"),
        ({"purchased_at": "2026-02-30T10:00:00"}, "purchased_at", "ISO 8601"),
        ({"purchased_at": 1772611920}, "purchased_at", "not a number"),
        ({"currency": "EUR"}, "currency", "must be GBP"),
    ],
)
def test_purchase_bad_values(change: dict[str, Any], field: str, message: str) -> None:
    where, msg = refused(PurchaseRow, {**PURCHASE, **change})
    assert where == field
    assert message in msg


def test_currency_follows_the_context() -> None:
    row = valid(PurchaseRow, {**PURCHASE, "currency": "EUR"}, currency="EUR")
    assert row.currency == "EUR"
    where, msg = refused(PurchaseRow, {**PURCHASE, "currency": "GBP"}, currency="EUR")
    assert (where, "must be EUR" in msg) == ("currency", True)


@pytest.mark.parametrize("missing", ["purchase_id", "customer_id", "purchased_at", "amount"])
def test_purchase_required_fields(missing: str) -> None:
    where, msg = refused(PurchaseRow, {k: v for k, v in PURCHASE.items() if k != missing})
    assert (where, msg) == (missing, "Field required")


# --- interactions -------------------------------------------------------------------------


def test_interaction_row() -> None:
    row = valid(InteractionRow, {**INTERACTION, "kind": " Complaint ", "summary": "late"})
    assert row.kind == "complaint"
    assert row.occurred_at == utc(2026, 3, 4, 8, 12)
    assert row.summary == "late"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"kind": "rant"}, "kind", "must be one of complaint, enquiry, compliment"),
        ({"occurred_at": "last week"}, "occurred_at", "ISO 8601"),
    ],
)
def test_interaction_bad_values(change: dict[str, str], field: str, message: str) -> None:
    where, msg = refused(InteractionRow, {**INTERACTION, **change})
    assert where == field
    assert message in msg


# --- concessions --------------------------------------------------------------------------


def test_concession_row() -> None:
    row = valid(ConcessionRow, {**CONCESSION, "kind": "refund", "reason": "delay"})
    assert row.value == 150
    assert row.granted_at == utc(2026, 3, 4, 8, 12)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"value": "-1.50"}, "value", "must not be negative"),
        ({"value": "1.505"}, "value", "more than 2 decimal places"),
        ({"granted_at": "soon"}, "granted_at", "ISO 8601"),
    ],
)
def test_concession_bad_values(change: dict[str, str], field: str, message: str) -> None:
    where, msg = refused(ConcessionRow, {**CONCESSION, **change})
    assert where == field
    assert message in msg


# --- to_epoch -----------------------------------------------------------------------------


def test_to_epoch() -> None:
    assert to_epoch("2026-03-04T08:12:00Z", LONDON) == utc(2026, 3, 4, 8, 12)
    assert to_epoch("2026-03-04T08:12:00", LONDON) == utc(2026, 3, 4, 8, 12)
    assert to_epoch("2026-08-04T08:12:00", LONDON) == utc(2026, 8, 4, 7, 12)
    assert to_epoch(" 2026-08-04 ", LONDON) == utc(2026, 8, 3, 23)
    with pytest.raises(ValueError, match="not a number"):
        to_epoch(12, LONDON)
    with pytest.raises(ValueError, match="ISO 8601"):
        to_epoch("", LONDON)

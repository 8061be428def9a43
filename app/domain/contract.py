"""The upstream data contract (DESIGN §3): one pydantic model per export file.

Each model turns one raw row (strings from CSV, or JSON values) into the values the cache
stores: ids as strings, money in minor units, times as aware epoch seconds, phones E.164.
Validation needs the station's region, zone and currency, passed as validation context.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from app.domain.identifiers import (
    fold,
    looks_like_payment_card,
    mask_payment_cards,
    normalise_card,
    normalise_phone,
)
from app.domain.import_context import ImportContext
from app.domain.money import parse_money

_DEFAULT_CONTEXT = ImportContext()
_ZONE = _DEFAULT_CONTEXT.zone


def _context(info: ValidationInfo) -> ImportContext:
    given = info.context  # {"import": ImportContext} from ImportContext.as_dict(), or None
    return given.get("import", _DEFAULT_CONTEXT) if given else _DEFAULT_CONTEXT


def to_epoch(value: Any, zone: ZoneInfo) -> int:
    """ISO 8601 date-time (or date) -> epoch seconds; a time without offset is local."""
    if type(value) is str:  # nearly always: checked first, it runs once per purchase
        text = value.strip()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("must be an ISO 8601 date-time, not a number")
    else:
        text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("must be an ISO 8601 date-time such as 2026-03-04T08:12:00Z") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return int(moment.timestamp())


def _calendar_date(value: Any) -> Any:
    """A date, also when exported as a midnight date-time ("2020-03-14T00:00:00Z")."""
    if not isinstance(value, str):
        return value
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise ValueError("must be a date such as 2020-03-14") from None


def _moment(value: Any, info: ValidationInfo) -> int:
    given = info.context  # as in _context, without its call: this runs once per purchase
    return to_epoch(value, given.get("import", _DEFAULT_CONTEXT).zone if given else _ZONE)


def _free_text(value: Any) -> Any:
    """What people typed upstream: a card number written into it is masked, never stored.
    (Purchases' channel, product line and location are a sales system's codes, left as they
    come: a check on each of 20M rows would cost more than a tenth of an import.)"""
    return mask_payment_cards(value) if isinstance(value, str) else value


CalendarDate = Annotated[date, BeforeValidator(_calendar_date)]
FreeText = Annotated[str, BeforeValidator(_free_text)]
Moment = Annotated[int, BeforeValidator(_moment)]


def _one_of(value: str, allowed: tuple[str, ...]) -> str:
    folded = value.strip().lower()
    if folded not in allowed:
        raise ValueError(f"must be one of {', '.join(allowed)}")
    return folded


class ContractRow(BaseModel):
    """Rows arrive with blank values already left out (see export_files), so a validator
    only ever sees a value that was given; an absent one takes the field's default."""

    model_config = ConfigDict(
        extra="ignore", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )
    file: ClassVar[str]
    # Derived from the fields below, the one place a contract column is written down:
    # a field without a default is required. Fields are declared required first.
    required: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = cls.model_fields
        cls.required = tuple(name for name, info in fields.items() if info.is_required())
        cls.optional = tuple(name for name, info in fields.items() if not info.is_required())

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """The file's columns in the contract's order (required first)."""
        return cls.required + cls.optional


class CustomerRow(ContractRow):
    file: ClassVar[str] = "customers"

    customer_id: str
    given_name: FreeText
    joined_on: CalendarDate
    family_name: FreeText | None = None
    email: str | None = None
    household_id: str | None = None
    status: str = "active"
    referrals: int = Field(default=0, ge=0, le=1_000_000)
    preferences: FreeText | None = None
    notes: FreeText | None = None
    updated_at: Moment | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and ("@" not in value or " " in value):
            raise ValueError("must be an email address")
        return value

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str:
        return _one_of(str(value), ("active", "closed"))

    @property
    def email_folded(self) -> str | None:
        return fold(self.email) if self.email else None


class PhoneRow(ContractRow):
    file: ClassVar[str] = "phones"

    customer_id: str
    phone: str
    label: FreeText | None = None

    @field_validator("label")
    @classmethod
    def _label(cls, value: str | None) -> str | None:
        return value.lower() if value else value

    @field_validator("phone", mode="before")
    @classmethod
    def _phone(cls, value: Any, info: ValidationInfo) -> str:
        e164 = normalise_phone(str(value), _context(info).region)
        if e164 is None:
            raise ValueError("is not a phone number")
        return e164


class CardRow(ContractRow):
    file: ClassVar[str] = "cards"
    statuses: ClassVar[tuple[str, ...]] = ("active", "lost", "replaced", "expired")

    card_number: str
    customer_id: str
    card_type: FreeText | None = None
    status: str = "active"
    issued_on: CalendarDate | None = None

    @field_validator("card_number", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if looks_like_payment_card(str(value)):
            raise ValueError("looks like a payment card number: never stored")
        number = normalise_card(str(value))
        if not number.isalnum():
            raise ValueError("must be letters and digits")
        return number

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str:
        return _one_of(str(value), cls.statuses)


class PurchaseRow(ContractRow):
    file: ClassVar[str] = "purchases"

    purchase_id: str
    customer_id: str
    purchased_at: Moment
    amount: Annotated[int, BeforeValidator(parse_money)]
    currency: str | None = None
    channel: str | None = None
    product_line: str | None = None
    location: str | None = None

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        expected = _context(info).currency
        if value.upper() != expected:
            raise ValueError(f"must be {expected}, the station's currency")
        return value


class InteractionRow(ContractRow):
    file: ClassVar[str] = "interactions"
    kinds: ClassVar[tuple[str, ...]] = ("complaint", "enquiry", "compliment")

    interaction_id: str
    customer_id: str
    occurred_at: Moment
    kind: str
    channel: FreeText | None = None
    summary: FreeText | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return _one_of(str(value), cls.kinds)


class ConcessionRow(ContractRow):
    file: ClassVar[str] = "concessions"

    concession_id: str
    customer_id: str
    granted_at: Moment
    value: int
    kind: FreeText | None = None
    reason: FreeText | None = None
    location: FreeText | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any) -> Any:
        minor = parse_money(value)
        if minor < 0:
            raise ValueError("must not be negative")
        return minor


CONTRACT: tuple[type[ContractRow], ...] = (
    CustomerRow,
    PhoneRow,
    CardRow,
    PurchaseRow,
    InteractionRow,
    ConcessionRow,
)

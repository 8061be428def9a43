"""How figures read on screen: money, dates and times in the station's locale."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.domain.money import format_money


def money(minor: int, *, pence: bool | None = None) -> str:
    return format_money(minor, pence=pence)


def figure(minor: int) -> str:
    """A headline sum: whole pounds once it reaches £100, so it reads at a glance."""
    if abs(minor) < 100_00:
        return format_money(minor, pence=True)
    pounds = (abs(minor) + 50) // 100 * 100  # halves round up, as people expect
    return format_money(pounds if minor >= 0 else -pounds, pence=False)


def day(value: date | None, today: date | None = None) -> str:
    if value is None:
        return "never"
    if today is not None and value == today:
        return "today"
    if today is not None and value.year == today.year:
        return f"{value.day} {value:%b}"
    return f"{value.day} {value:%b %Y}"


def moment(value: datetime, zone: ZoneInfo) -> str:
    local = value.astimezone(zone)
    return f"{local.day} {local:%b %Y %H:%M}"


def phone(e164: str) -> str:
    """A revealed number, grouped the international way."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))

"""How figures read on screen: money, dates and times in the window's locale (QLocale's
default, set with the language; see app.ui.translations)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain.money import EXPONENT, currency_symbol, shows_pence

_currency = {"symbol": currency_symbol("GBP")}  # the station's one currency


def use_currency(code: str) -> None:
    """Money on screen is in this currency (the station's setting)."""
    _currency["symbol"] = currency_symbol(code).strip()


def currency() -> str:
    """The station currency's symbol: "£"."""
    return _currency["symbol"]


def decimal_number(minor: int, *, pence: bool | None = None) -> str:
    """A sum without its symbol, as it is typed: "1.50" in en_GB, "1,50" in fr_FR."""
    places = EXPONENT if shows_pence(minor, pence) else 0
    return QLocale().toString(minor / 10**EXPONENT, "f", places)


def typed_amount(text: str) -> str:
    """An amount typed the locale's way ("1 234,50 £" in fr_FR) in the plain form the
    services read ("1234.50"); a point typed as the decimal mark is kept."""
    if QLocale().decimalPoint() != ",":
        return text
    plain = "".join(text.replace(currency(), "").split())
    return plain.replace(".", "").replace(",", ".") if "," in plain else plain


def money(minor: int, *, pence: bool | None = None) -> str:
    """A sum in the locale's form: "£1,234.50" in en_GB, "1 234,50 £" in fr_FR."""
    places = EXPONENT if shows_pence(minor, pence) else 0
    text = QLocale().toCurrencyString(abs(minor) / 10**EXPONENT, _currency["symbol"], places)
    return "−" + text if minor < 0 else text


def number(value: int) -> str:
    """A count in the locale's form: "20,000" in en_GB, "20 000" in fr_FR."""
    return QLocale().toString(value)


def figure(minor: int) -> str:
    """A headline sum: whole pounds once it reaches £100, so it reads at a glance."""
    if abs(minor) < 100_00:
        return money(minor, pence=True)
    pounds = (abs(minor) + 50) // 100 * 100  # halves round up, as people expect
    return money(pounds if minor >= 0 else -pounds, pence=False)


def day(value: date | None, today: date | None = None) -> str:
    if value is None:
        return QCoreApplication.translate("format", "never")
    if today is not None and value == today:
        return QCoreApplication.translate("format", "today")
    shape = "d MMM" if today is not None and value.year == today.year else "d MMM yyyy"
    return QLocale().toString(QDate(value.year, value.month, value.day), shape)


def month(value: date) -> str:
    """ "Mar 2020": a month and its year."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "MMM yyyy")


def moment(value: datetime, zone: ZoneInfo) -> str:
    local = value.astimezone(zone)
    return f"{day(local.date())} {clock(local)}"


def clock(value: datetime) -> str:
    """ "14:05": the time of day, on the 24-hour clock."""
    return f"{value:%H:%M}"


def phone(e164: str) -> str:
    """A revealed number, grouped the international way."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))

"""Money as integer minor units; parsing and formatting at the edges."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

EXPONENT = 2
_SCALE = 10**EXPONENT
_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
MAX_MINOR = 10**15  # far beyond any real amount, well inside SQLite's integers
# digits with an optional point; commas only as thousands separators ("1,50" is refused)
_PLAIN = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?")


_COMMON = re.compile(r"-?\d{1,12}(?:\.\d{1,2})?")  # "12.50", "-3", "7.5": the usual export


def parse_money(text: str | int | float | Decimal) -> int:
    """Decimal major units ("12.50", "-3", 4) -> integer minor units; ValueError if not exact."""
    if isinstance(text, str) and _COMMON.fullmatch(text):
        _, point, pence = text.partition(".")
        scale: int = _SCALE // 10 ** len(pence) if point else _SCALE
        return int(text.replace(".", "")) * scale
    if isinstance(text, float):
        text = repr(text)
    written = str(text).strip()
    if not _PLAIN.fullmatch(written) or not any(c.isdigit() for c in written):
        raise ValueError(f"not a money amount: {text!r}")
    try:
        value = Decimal(written.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"not a money amount: {text!r}") from None
    minor = value * _SCALE
    if minor != minor.to_integral_value():
        raise ValueError(f"more than {EXPONENT} decimal places: {text!r}")
    if abs(minor) >= MAX_MINOR:
        raise ValueError(f"too large to be a money amount: {text!r}")
    return int(minor)


def to_decimal_string(minor: int) -> str:
    """Integer minor units -> "12500.00" (the JSON form)."""
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), _SCALE)
    return f"{sign}{whole}.{frac:0{EXPONENT}d}"


def currency_symbol(currency: str) -> str:
    """ "£" for GBP; the code itself (and a space) for a currency without a known symbol."""
    return _SYMBOLS.get(currency, currency + " ")


def shows_pence(minor: int, pence: bool | None = None) -> bool:
    """Whether a sum is written with its minor units: asked for, or it has some, or small."""
    whole, frac = divmod(abs(minor), _SCALE)
    return pence if pence is not None else (frac != 0 or whole < 100)


def format_money(minor: int, currency: str = "GBP", *, pence: bool | None = None) -> str:
    """Human form: "£13,140" for round large sums, "£1.50" otherwise."""
    symbol = currency_symbol(currency)
    sign = "−" if minor < 0 else ""
    whole, frac = divmod(abs(minor), _SCALE)
    show_pence = shows_pence(minor, pence)
    text = f"{whole:,}" + (f".{frac:0{EXPONENT}d}" if show_pence else "")
    return f"{sign}{symbol}{text}"

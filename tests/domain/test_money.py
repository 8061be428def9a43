"""Money: exact parsing into minor units, and the JSON and human forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.money import format_money, parse_money, to_decimal_string


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("12.50", 1250),
        ("12.5", 1250),
        ("-3", -300),
        ("1,234.5", 123450),
        ("12500.00", 1250000),
        ("0", 0),
        ("0.01", 1),
        ("-0.50", -50),
        (" 7.05 ", 705),
        (4, 400),
        (-4, -400),
        (12.5, 1250),
        (0.1, 10),
        (Decimal("19.99"), 1999),
    ],
)
def test_parse_money(text: str | int | float | Decimal, minor: int) -> None:
    assert parse_money(text) == minor
    assert isinstance(parse_money(text), int)


@pytest.mark.parametrize(
    "text",
    [
        "0.001",
        "12.505",
        "abc",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "",
        "   ",
        "£12",
        "12.50 GBP",
        "1e2",
        "99999999999999999999",
    ],
)
def test_parse_money_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text)


def test_parse_money_message_names_the_problem() -> None:
    with pytest.raises(ValueError, match="more than 2 decimal places"):
        parse_money("0.001")
    with pytest.raises(ValueError, match="not a money amount"):
        parse_money("abc")
    with pytest.raises(ValueError, match="not a money amount"):
        parse_money("NaN")


def test_parse_money_float_that_is_not_exact_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_money(0.1 + 0.2)  # 0.30000000000000004


@pytest.mark.parametrize(
    ("minor", "text"),
    [
        (1250000, "12500.00"),
        (1250, "12.50"),
        (5, "0.05"),
        (0, "0.00"),
        (-150, "-1.50"),
        (-5, "-0.05"),
        (-300, "-3.00"),
        (100, "1.00"),
    ],
)
def test_to_decimal_string(minor: int, text: str) -> None:
    assert to_decimal_string(minor) == text


@pytest.mark.parametrize("minor", [0, 1, -1, 99, 1250, -123456, 1314000])
def test_decimal_string_round_trips(minor: int) -> None:
    assert parse_money(to_decimal_string(minor)) == minor


@pytest.mark.parametrize(
    ("minor", "text"),
    [
        (1314000, "£13,140"),
        (150, "£1.50"),
        (5000, "£50.00"),  # under £100: pence always shown
        (10000, "£100"),
        (10050, "£100.50"),
        (0, "£0.00"),
        (1, "£0.01"),
        (-150, "−£1.50"),
        (123456789, "£1,234,567.89"),
    ],
)
def test_format_money(minor: int, text: str) -> None:
    assert format_money(minor) == text


def test_format_money_currency_and_pence_override() -> None:
    assert format_money(1250, "EUR") == "€12.50"
    assert format_money(1250, "USD") == "$12.50"
    assert format_money(1250, "CHF") == "CHF 12.50"
    assert format_money(10000, pence=True) == "£100.00"
    assert format_money(150, pence=False) == "£1"
    assert format_money(-1314000) == "−£13,140"

"""Identifiers: payment-card detection, phone normalisation, masking, folding, query reading."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from app.domain.identifiers import (
    _could_be_card,
    digits_only,
    fold,
    looks_like_payment_card,
    luhn_valid,
    mask_payment_cards,
    mask_phone,
    name_words,
    normalise_card,
    normalise_phone,
    phone_as_typed,
    read_query,
    reversed_digits,
)
from tests.hand_export import PHONE_FORMATS

E164 = "+447700900123"


# --- Luhn and payment cards -------------------------------------------------------------


@pytest.mark.parametrize(
    "digits",
    [
        "4111111111111111",  # Visa test number
        "5555555555554444",  # Mastercard test number
        "378282246310005",  # Amex test number (15 digits)
        "79927398713",  # the classic Luhn example
        "0",
    ],
)
def test_luhn_valid_accepts_valid_numbers(digits: str) -> None:
    assert luhn_valid(digits) is True


@pytest.mark.parametrize(
    "digits",
    [
        "4111111111111112",  # last digit changed
        "79927398710",
        "1234567812345678",
        "",  # not digits at all
        "4111 1111 1111 1111",  # separators are not digits
        "41111111111111a1",
    ],
)
def test_luhn_valid_refuses_invalid_numbers(digits: str) -> None:
    assert luhn_valid(digits) is False


def test_luhn_doubles_every_second_digit_from_the_right() -> None:
    # "18": 8 + (1*2) = 10 -> valid; "81": 1 + 16-9=7 -> 8 -> invalid
    assert luhn_valid("18") is True
    assert luhn_valid("81") is False
    # "59": 9 + (5*2 - 9 = 1) = 10 -> valid; this needs the "-9" step
    assert luhn_valid("59") is True


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1111",
        "4111111111111111",
        "4111-1111-1111-1111",
        "  4111 1111 1111 1111  ",
        "378282246310005",  # 15 digits
        "4222222222222",  # 13 digits, Luhn-valid
        "6011000990139424",
        "4111.1111.1111.1111",  # whatever separates the digits
        "4111/1111/1111/1111",
        "4111_1111_1111_1111",
        "(4111) [1111] {1111} 1111",
        "4111\u00a01111\u00a01111\u00a01111",  # non-breaking spaces
        "4111\u200b1111\u200b1111\u200b1111",  # zero-width spaces
        "\u200f4111 1111\u200e 1111 1111",  # direction marks
        "card 4111.1111.1111.1111",  # a word before it
        "\uff14\uff11\uff11\uff11 1111 1111 1111",  # full-width digits
    ],
)
def test_looks_like_payment_card_yes(text: str) -> None:
    assert looks_like_payment_card(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # 16 digits failing Luhn
        "0111 1111 1111 1111",  # leading 0 (reads as a phone)
        "+4111111111111111",  # leading +
        "411111111117",  # 12 digits (Luhn-valid, too short)
        "41111111111111111111",  # 20 digits
        "4111 1111 1111 111a",
        "",
        "   ",
    ],
)
def test_looks_like_payment_card_no(text: str) -> None:
    assert looks_like_payment_card(text) is False


def test_twelve_digit_luhn_valid_number_is_not_a_payment_card() -> None:
    assert luhn_valid("411111111117") is True
    assert looks_like_payment_card("411111111117") is False


# --- Phones -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [*PHONE_FORMATS, "  07700 900123 ", "07700.900.123"],
)
def test_normalise_phone_every_uk_format(text: str) -> None:
    assert normalise_phone(text) == E164


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+1 202 555 0143", "+12025550143"),
        ("+1 (202) 555-0143", "+12025550143"),
        ("020 7946 0018", "+442079460018"),
        ("+44 20 7946 0018", "+442079460018"),
    ],
)
def test_normalise_phone_other_countries_and_landlines(text: str, expected: str) -> None:
    assert normalise_phone(text) == expected


def test_normalise_phone_uses_the_region_for_national_numbers() -> None:
    assert normalise_phone("06 12 34 56 78", region="FR") == "+33612345678"
    assert normalise_phone("(202) 555-0143", region="US") == "+12025550143"
    # the same national digits read in GB are a different number
    assert normalise_phone("06 12 34 56 78") != "+33612345678"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "not a phone",
        "12",
        "12345",  # fewer than 6 digits
        "123456789012345678901",  # far too long
        "+44",
        "ann@example.com",
    ],
)
def test_normalise_phone_garbage_is_none(text: str) -> None:
    assert normalise_phone(text) is None


def test_reversed_digits() -> None:
    assert reversed_digits(E164) == "321009007744"


def test_mask_phone_keeps_only_last_three_digits() -> None:
    masked = mask_phone(E164)
    assert masked == "•" * 9 + "123"
    assert masked.endswith("123")
    assert "7700" not in masked
    assert "44" not in masked
    assert sum(c.isdigit() for c in masked) == 3


def test_mask_phone_other_lengths() -> None:
    assert mask_phone("+33612345678") == "•" * 8 + "678"
    assert mask_phone("+12025550143", keep=4) == "•" * 7 + "0143"


# --- Folding and name words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë", "zoe"),
        ("Łukasz", "lukasz"),
        ("MÜLLER", "muller"),
        ("Siobhán", "siobhan"),
        ("Ørsted", "orsted"),
        ("François", "francois"),
        ("Straße", "strasse"),
        ("ÆSIR", "aesir"),
        ("plain", "plain"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_name_words_splits_folds_and_joins() -> None:
    assert name_words("O'Brien") == ["o", "brien", "obrien"]
    assert name_words("Zoë", "Smith-Jones") == ["zoe", "smith", "jones", "smithjones"]
    assert name_words("Siobhán", "MÜLLER") == ["siobhan", "muller"]
    assert name_words("Mary Ann", "Łukasz") == ["mary", "ann", "maryann", "lukasz"]


def test_name_words_skips_blanks_and_duplicates() -> None:
    assert name_words("Ann", None) == ["ann"]
    assert name_words("Ann", "") == ["ann"]
    assert name_words("Ann", "ANN") == ["ann"]
    assert name_words(None, None) == []
    assert name_words("---") == []


def test_normalise_card_and_digits_only() -> None:
    assert normalise_card(" 6337 1234-5678 ") == "633712345678"
    assert normalise_card("ab-12 34") == "ab1234"
    assert digits_only("+44 (0)7700-900 123") == "4407700900123"


# --- Reading a query ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+447700900123",
        "0044 7700 900123",
        "+44 (0)7700 900123",
        "(07700) 900-123",
        "07700-900-123",
    ],
)
def test_read_query_phone_formats_agree(text: str) -> None:
    query = read_query(text)
    assert query.phone == E164
    # the last 10 digits (the national significant number), reversed
    assert query.suffix == "3210090077"
    assert query.words == ()
    assert query.email is None
    assert query.payment_card_like is False


def test_read_query_zero_in_brackets_is_dropped_before_taking_digits() -> None:
    # without dropping "(0)" the digits would be 4407700900123 and the suffix would change
    assert read_query("+44 (0)7700 900123").suffix == read_query("07700 900123").suffix
    assert read_query("+44 (0)7700 900123").card is None  # "+" is never part of a card


def test_read_query_suffix_for_short_digits() -> None:
    query = read_query("0123")
    assert query.suffix == "3210"
    assert query.phone is None
    assert query.card == "0123"
    assert query.words == ()


def test_read_query_suffix_needs_four_digits() -> None:
    query = read_query("123")
    assert query.suffix is None
    assert query.card is None
    assert query.phone is None


def test_read_query_suffix_is_capped_at_ten_digits() -> None:
    query = read_query("12345678901234")
    assert query.suffix == "4321098765"
    assert len(query.suffix) == 10


@given(st.text(alphabet="0123456789٣ +-().\t", max_size=24))
def test_a_numeric_querys_card_is_the_card_number_rule(text: str) -> None:
    # Numbers take a quicker road to their card form; it must end where the rule does.
    query = read_query(text)
    written = normalise_card(text)
    assert query.card == (written if _could_be_card(written) else None)


def test_read_query_card_number() -> None:
    query = read_query("6337 0000 1234")
    assert query.card == "633700001234"
    assert query.payment_card_like is False


def test_read_query_payment_card() -> None:
    query = read_query("4111 1111 1111 1111")
    assert query.payment_card_like is True
    assert query.card == "4111111111111111"
    assert query.words == ()
    query = read_query("4111-1111-1111-1111")
    assert query.payment_card_like is True


def test_read_query_luhn_invalid_sixteen_digits_is_not_a_payment_card() -> None:
    assert read_query("4111 1111 1111 1112").payment_card_like is False


def test_read_query_alphanumeric_card() -> None:
    query = read_query("CARD-1234")
    assert query.card == "CARD1234"
    assert query.phone is None
    assert query.suffix is None  # not numeric
    assert query.payment_card_like is False


def test_read_query_email() -> None:
    query = read_query("  Ann.Example@EXAMPLE.com ")
    assert query.email == "ann.example@example.com"
    assert query.words == ()
    assert query.phone is None
    assert query.suffix is None
    assert query.text == "Ann.Example@EXAMPLE.com"


def test_read_query_partial_email_start() -> None:
    assert read_query("ann@").email == "ann@"


def test_read_query_words() -> None:
    query = read_query("Zoë  SMITH zoe")
    assert query.words == ("zoe", "smith")
    assert query.phone is None
    assert query.suffix is None
    assert query.email is None
    assert query.card is None
    assert query.payment_card_like is False


def test_read_query_words_with_accents_and_apostrophes() -> None:
    assert read_query("Łukasz O'Brien").words == ("lukasz", "o", "brien")


def test_read_query_blank() -> None:
    query = read_query("   ")
    assert query.text == ""
    assert query.card is None
    assert query.phone is None
    assert query.suffix is None
    assert query.email is None
    assert query.words == ()
    assert query.payment_card_like is False


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("card 4111 1111 1111 1111 please", "card [card number removed] please"),
        ("4111-1111-1111-1111", "[card number removed]"),
        ("phone 07700 900123", "phone 07700 900123"),
        ("ref 1234567890123", "ref 1234567890123"),  # not Luhn-valid
        ("loyalty 633000000012", "loyalty 633000000012"),  # 12 digits
    ],
)
def test_mask_payment_cards_in_free_text(text: str, masked: str) -> None:
    from app.domain.identifiers import mask_payment_cards

    assert mask_payment_cards(text) == masked


def test_a_card_is_masked_beside_other_numbers() -> None:
    assert mask_payment_cards("4111-1111-1111-1111 (12/27)") == "[card number removed] (12/27)"
    assert mask_payment_cards("07700 900123 or 4111 1111 1111 1111") == (
        "07700 900123 or [card number removed]"
    )


# Every way people and systems were seen to write a card number (issue "Nothing leaks").
SEPARATORS = (" ", "-", ".", "/", "_", "\u00a0", "\u200b", "\u200e", "\u200f", "\u2009", " - ")
BEFORE = ("", "card ", "Card no: ", "(", "[", "paid with ", "\u200f")
AFTER = ("", ")", "]", ".", " thanks", " exp 12/27")


@st.composite
def pans(draw: st.DrawFn) -> str:
    """A Luhn-valid 13–19 digit number that does not start with 0."""
    length = draw(st.integers(min_value=13, max_value=19))
    body = draw(st.text("0123456789", min_size=length - 2, max_size=length - 2))
    head = draw(st.sampled_from("123456789"))
    partial = head + body
    for check in "0123456789":
        if luhn_valid(partial + check):
            return partial + check
    raise AssertionError("a Luhn check digit always exists")


@given(
    pan=pans(),
    group=st.integers(min_value=1, max_value=6),
    separator=st.sampled_from(SEPARATORS),
    before=st.sampled_from(BEFORE),
    after=st.sampled_from(AFTER),
    width=st.booleans(),
)
def test_a_card_number_is_found_however_it_is_written(
    pan: str, group: int, separator: str, before: str, after: str, width: bool
) -> None:
    digits = pan.translate(FULL_WIDTH) if width else pan
    written = separator.join(digits[i : i + group] for i in range(0, len(digits), group))
    text = before + written + after
    assert looks_like_payment_card(text)
    masked = mask_payment_cards(text)
    assert pan not in digits_only(masked).translate(ASCII_DIGITS)
    assert masked.startswith(before) and masked.endswith(after)


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def test_a_search_for_a_card_number_with_a_word_before_it_is_refused() -> None:
    assert read_query("card 4111.1111.1111.1111").payment_card_like is True
    assert read_query("4111_1111_1111_1111").payment_card_like is True


def _example_numbers() -> list[tuple[str, str]]:
    """Every region's example mobile, fixed and free numbers, written three ways."""
    kinds = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE)
    ways = (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164)
    written = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in kinds:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                written += [(region, phonenumbers.format_number(number, w)) for w in ways]
    return written


def test_the_quick_phone_form_never_disagrees_with_the_full_parse() -> None:
    examples = _example_numbers()
    tried = [(region, text, phone_as_typed(text, region)) for region, text in examples]
    wrong = [t for t in tried if t[2] is not None and t[2] != normalise_phone(t[1], t[0])]
    assert wrong == []
    assert sum(quick is not None for _, _, quick in tried) > len(examples) * 3 // 4


@pytest.mark.parametrize(
    ("text", "quick"),
    [
        ("07700 900123", "+447700900123"),
        ("+44 (0)7700 900123", "+447700900123"),
        ("0044 7700 900123", "+447700900123"),
        ("7700 900123", None),  # no trunk or country code: only the full parse can tell
        ("0", None),
    ],
)
def test_the_quick_phone_form_of_common_british_writing(text: str, quick: str | None) -> None:
    assert phone_as_typed(text, "GB") == quick

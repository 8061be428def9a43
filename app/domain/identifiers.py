"""What a typed or scanned query is: card, phone, email, name, or a refused payment card."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

_SEPARATORS = re.compile(r"[\s\-./()]+")
_NOT_DIGITS = re.compile(r"\D+")
_NUMERIC = re.compile(r"[\d\s\-+().]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_SUFFIX_DIGITS = 4
MAX_SUFFIX_DIGITS = 10  # a national significant number; drops any trunk or country prefix
PAN_LENGTHS = range(13, 20)


def digits_only(text: str) -> str:
    return _NOT_DIGITS.sub("", text)


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_card(text: str) -> str:
    """Card numbers are kept as bare digits (scanners and humans add spaces or dashes)."""
    return _SEPARATORS.sub("", text.strip())


def looks_like_payment_card(text: str) -> bool:
    """Text holding a payment card number, however it is written (see `mask_payment_cards`)."""
    return bool(_card_spans(text))


CARD_REMOVED = "[card number removed]"
_DIGIT_GROUP = re.compile(r"\d+")  # any script's decimal digits
# What may stand between the digit groups of one number: up to 3 spaces of any kind, dots,
# slashes, underscores, dashes, brackets, zero-width or direction marks; never a "+".
_GAP = re.compile(r"(?:[^\w+]|_){0,3}")
_ENOUGH_DIGITS = re.compile(rf"\D*(?:\d\D*){{{min(PAN_LENGTHS)}}}")  # a quick "no" for most text


def mask_payment_cards(text: str) -> str:
    """Free text with every payment card number (Luhn-valid 13–19 digits, whatever separates
    them, not starting with 0 or after a "+", which is how phones are written) taken out."""
    if len(text) < min(PAN_LENGTHS) or _ENOUGH_DIGITS.match(text) is None:
        return text  # the quick "no" for nearly all text, before any Python loop
    spans = _card_spans(text)
    if not spans:
        return text
    kept, at = [], 0
    for start, end in spans:
        kept.append(text[at:start])
        kept.append(CARD_REMOVED)
        at = end
    kept.append(text[at:])
    return "".join(kept)


def _card_spans(text: str) -> list[tuple[int, int]]:
    """Where the card numbers in `text` are: runs of whole digit groups with short gaps."""
    spans: list[tuple[int, int]] = []
    if len(text) < min(PAN_LENGTHS) or _ENOUGH_DIGITS.match(text) is None:
        return spans
    chain: list[re.Match[str]] = []
    for group in _DIGIT_GROUP.finditer(text):
        if chain and _GAP.fullmatch(text, chain[-1].end(), group.start()) is None:
            spans.extend(_cards_in_chain(text, chain))
            chain = []
        chain.append(group)
    spans.extend(_cards_in_chain(text, chain))
    return spans


def _cards_in_chain(text: str, chain: list[re.Match[str]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    first = 0
    while first < len(chain):
        start, digits, last = chain[first].start(), "", None
        for index in range(first, len(chain)):
            digits += _ascii_digits(chain[index].group())
            if len(digits) > max(PAN_LENGTHS):
                break
            if len(digits) in PAN_LENGTHS and _could_be_pan(digits, text, start):
                last = index  # the longest run of groups that is a card
        if last is None:
            first += 1
            continue
        found.append((start, chain[last].end()))
        first = last + 1
    return found


def _ascii_digits(group: str) -> str:
    return group if group.isascii() else "".join(str(unicodedata.decimal(c)) for c in group)


def _could_be_pan(digits: str, text: str, start: int) -> bool:
    after_plus = start > 0 and text[start - 1] == "+"
    return digits[0] != "0" and not after_plus and luhn_valid(digits)


def normalise_phone(text: str, region: str = "GB") -> str | None:
    """Any human phone format -> E.164, or None when it is not a possible number."""
    cleaned = text.strip()
    if not cleaned or len(digits_only(cleaned)) < 6:
        return None
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@lru_cache(maxsize=16)
def _dialling(region: str) -> tuple[str, str | None, str | None]:
    """Country code, trunk prefix and international prefix, where they are plain digits."""
    meta = PhoneMetadata.metadata_for_region(region.upper())
    if meta is None:
        return "", None, None
    trunk = meta.national_prefix if meta.national_prefix_transform_rule is None else None
    exit_code = meta.international_prefix
    return (
        str(phonenumbers.country_code_for_region(region.upper()) or ""),
        trunk if trunk and trunk.isdigit() else None,
        exit_code if exit_code and exit_code.isdigit() else None,
    )


def phone_as_typed(text: str, region: str = "GB") -> str | None:
    """The E.164 form a number written the usual way would have, without a full parse:
    "+44 7700 900123", "0044…" or, at home, "07700 900123". Only a first try, for an exact
    match to confirm (stored numbers are all phonenumbers' E.164); None when unsure."""
    stripped = text.strip()
    return _e164_as_typed(stripped, digits_only(stripped.replace("(0)", "")), region)


def _e164_as_typed(stripped: str, digits: str, region: str) -> str | None:
    country, trunk, exit_code = _dialling(region)
    if stripped.startswith("+"):
        number = digits
    elif exit_code and digits.startswith(exit_code):
        number = digits[len(exit_code) :]
    elif trunk and country and digits.startswith(trunk) and digits[len(trunk) :][:1] != "0":
        number = country + digits[len(trunk) :]  # a second 0 is some other dialling rule
    else:
        return None
    return "+" + number if 8 <= len(number) <= 15 and number[0] != "0" else None


def reversed_digits(e164: str) -> str:
    return digits_only(e164)[::-1]


def mask_phone(e164: str, keep: int = 3) -> str:
    """Every digit but the last `keep` hidden: "+447700900123" -> "•••••••••123"."""
    digits = digits_only(e164)
    return "•" * (len(digits) - keep) + digits[-keep:]


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zoë" -> "zoe", "Łukasz" -> "lukasz"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(_EXTRA_FOLDS)


_EXTRA_FOLDS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})


def name_words(*parts: str | None) -> list[str]:
    """Folded words of a name, for the prefix index ("O'Brien" -> ["o", "brien", "obrien"])."""
    words: list[str] = []
    for part in parts:
        if not part:
            continue
        folded = fold(part)
        pieces = _WORD.findall(folded)
        words.extend(pieces)
        joined = "".join(pieces)
        if len(pieces) > 1:
            words.append(joined)
    return list(dict.fromkeys(w for w in words if w))


def _could_be_card(text: str) -> bool:
    """Letters and digits, at least one of them not a letter."""
    return len(text) >= MIN_SUFFIX_DIGITS and text.isalnum() and not text.isalpha()


@dataclass
class Query:
    """A search box's text, read every way it could be meant (read-only by convention)."""

    text: str
    region: str
    numeric: bool  # only digits and phone punctuation
    card: str | None  # bare digits/letters to try as an exact card number
    suffix: str | None  # reversed trailing digits for a last-digits search
    email: str | None  # folded, when the text looks like an email (or its start)
    words: tuple[str, ...]  # folded name words to prefix-match
    payment_card_like: bool
    phone_as_typed: str | None  # the quick first try at the E.164 form (see `phone_as_typed`)

    @cached_property
    def phone(self) -> str | None:
        """E.164 when the text parses as a full phone number (parsed only when asked)."""
        return normalise_phone(self.text, self.region) if self.numeric else None


def read_query(text: str, region: str = "GB") -> Query:
    stripped = text.strip()
    numeric = bool(stripped) and _NUMERIC.fullmatch(stripped) is not None
    if numeric:
        # Here a separator is anything but a digit or "+", and a "+" rules out a card.
        every_digit = digits_only(stripped)
        digits = digits_only(stripped.replace("(0)", "")) if "(0)" in stripped else every_digit
        long_enough = len(digits) >= MIN_SUFFIX_DIGITS
        card_like = len(every_digit) >= MIN_SUFFIX_DIGITS and "+" not in stripped
        return Query(
            text=stripped,
            region=region,
            numeric=True,
            card=every_digit if card_like else None,
            suffix=digits[-MAX_SUFFIX_DIGITS:][::-1] if long_enough else None,
            email=None,
            words=(),
            payment_card_like=len(digits) in PAN_LENGTHS and looks_like_payment_card(stripped),
            phone_as_typed=_e164_as_typed(stripped, digits, region),
        )
    card_text = normalise_card(stripped)
    card = card_text if _could_be_card(card_text) else None
    email = fold(stripped) if "@" in stripped and " " not in stripped else None
    words = () if email else tuple(dict.fromkeys(_WORD.findall(fold(stripped))))
    return Query(
        text=stripped,
        region=region,
        numeric=False,
        card=card,
        suffix=None,
        email=email,
        words=words,
        payment_card_like=looks_like_payment_card(stripped),
        phone_as_typed=None,
    )

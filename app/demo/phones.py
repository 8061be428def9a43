"""Phone numbers as people write them: UK mobiles and landlines in the ranges Ofcom keeps
for drama, in many formats, and a few foreign numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.demo.pick import Pick
from app.demo.vocabulary import names

# --- phones -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Style:
    """How a UK national number is grouped: "07700 900123", "020 7946 0123"."""

    area: int  # digits of the area code after the trunk 0
    groups: tuple[int, ...]  # subscriber digit groups
    joined: bool  # groups written together in the standard form


MOBILE = Style(4, (3, 3), True)
LONDON_STYLE = Style(2, (4, 4), False)
CITY = Style(3, (3, 4), False)


@dataclass(frozen=True, slots=True)
class Block:
    """A range of UK numbers: prefix + `free` digits; index i maps to a unique number."""

    prefix: str  # national digits without the trunk 0
    free: int
    modulus: int
    style: Style
    step: int = 379  # coprime with the modulus, so i -> number is a bijection
    start: int = 0

    def national(self, i: int) -> str:
        return f"{self.prefix}{(i * self.step + self.start) % self.modulus:0{self.free}d}"


# Ofcom drama mobiles; C000001 gets 07700 900123. phonenumbers calls these "possible"
# but not "valid"; every other number written here is valid.
DRAMA_MOBILES = Block("7700900", 3, 1000, MOBILE, step=1, start=123)
# 07400 000000 - 07449 999999: valid mobile blocks for everyone after the first 1000.
OTHER_MOBILES = Block("74", 8, 5_000_000, MOBILE, step=1_234_567, start=424_242)
# Ofcom drama landlines first, then valid geographic blocks once those run out.
DRAMA_LANDLINES = (
    Block("1134960", 3, 1000, CITY),  # Leeds
    Block("2079460", 3, 1000, LONDON_STYLE),  # London
    Block("1914980", 3, 1000, CITY),  # Tyneside
    Block("1314960", 3, 1000, CITY),  # Edinburgh
    Block("1144960", 3, 1000, CITY),  # Sheffield
    Block("1614960", 3, 1000, CITY),  # Manchester
    Block("1214960", 3, 1000, CITY),  # Birmingham
    Block("1414960", 3, 1000, CITY),  # Glasgow
    Block("1514960", 3, 1000, CITY),  # Liverpool
    Block("1174960", 3, 1000, CITY),  # Bristol
    Block("1164960", 3, 1000, CITY),  # Leicester
    Block("1184960", 3, 1000, CITY),  # Reading
    Block("2920180", 3, 1000, LONDON_STYLE),  # Cardiff
)
MORE_LANDLINES = (
    Block("1133", 6, 10**6, CITY, step=7_654_321),
    Block("203", 7, 10**7, LONDON_STYLE, step=7_654_321),
    Block("1913", 6, 10**6, CITY, step=7_654_321),
    Block("1313", 6, 10**6, CITY, step=7_654_321),
    Block("1143", 6, 10**6, CITY, step=7_654_321),
    Block("1613", 6, 10**6, CITY, step=7_654_321),
)
DRAMA_LANDLINE_COUNT = 1000 * len(DRAMA_LANDLINES)

# Human ways of writing one number; a = area code, s = standard subscriber part,
# d = subscriber digits, g = space-separated groups, h = hyphen-separated groups.
PHONE_FORMATS = Pick(
    [
        ("0{a} {s}", 40),
        ("0{a}{d}", 18),
        ("+44 {a} {s}", 12),
        ("+44{a}{d}", 8),
        ("0{a} {g}", 6),
        ("+44 (0){a} {s}", 5),
        ("(0{a}) {h}", 4),
        ("0{a}-{h}", 4),
        ("0044 {a} {s}", 3),
    ]
)


def format_uk(national: str, style: Style, template: str) -> str:
    """Write a national number ("7700900123") in one human format."""
    area, rest = national[: style.area], national[style.area :]
    groups: list[str] = []
    pos = 0
    for size in style.groups:
        groups.append(rest[pos : pos + size])
        pos += size
    spaced = " ".join(groups)
    return template.format(
        a=area, s=rest if style.joined else spaced, d=rest, g=spaced, h="-".join(groups)
    )


US_AREAS = names(
    "202, 212, 312, 415, 617, 206, 303, 305, 404, 503, 512, 602, 702, 713, 801, "
    "919, 215, 216, 313, 314, 412, 414, 504, 612, 615, 704, 808, 907, 971, 978"
)


def _digits(q: int, free: int) -> str:
    """A unique-per-q string of `free` digits, scattered so neighbours look unrelated."""
    return f"{(q * 7_654_321 + 1_234) % 10**free:0{free}d}"


def _us(q: int) -> str:
    # 555-0100..0199 is reserved for fiction; 30 area codes give 3,000 numbers.
    return f"+1 {US_AREAS[q // 100 % len(US_AREAS)]} 555 {100 + q % 100:04d}"


def _fr(q: int) -> str:
    d = _digits(q, 7)
    return f"+33 6 1{d[0]} {d[1:3]} {d[3:5]} {d[5:7]}"


def _de(q: int) -> str:
    d = _digits(q, 8)
    return f"+49 151 {d[:4]} {d[4:]}"


def _ie(q: int) -> str:
    d = _digits(q, 7)
    return f"+353 87 {d[:3]} {d[3:]}"


def _es(q: int) -> str:
    d = _digits(q, 8)
    return f"+34 6{d[:2]} {d[2:5]} {d[5:]}"


def _pl(q: int) -> str:
    d = _digits(q, 6)
    return f"+48 512 {d[:3]} {d[3:]}"


def _nl(q: int) -> str:
    return f"+31 6 1{_digits(q, 7)}"


def _it(q: int) -> str:
    d = _digits(q, 7)
    return f"+39 312 {d[:3]} {d[3:]}"


FOREIGN: tuple[Callable[[int], str], ...] = (_fr, _us, _de, _ie, _es, _pl, _nl, _it)

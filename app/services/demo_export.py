"""Write a realistic, deterministic upstream export (DESIGN.md section 3, "Data contract").

The data imitates a UK train operator's loyalty scheme: occasional travellers, quiet
regulars, a few VIP season-ticket holders, lapsing regulars, loud complainers and
advocates, plus one fixed "hero" customer (C000001) for demos and tests.

Rows are streamed to disk one customer at a time, so memory stays bounded at any size,
and every random draw comes from one ``random.Random(seed)``, so the same arguments
always give byte-identical files. Pure standard library.
"""

from __future__ import annotations

import csv
import math
import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Generic, TextIO, TypeVar
from zoneinfo import ZoneInfo

from app.domain.identifiers import fold
from app.domain.money import to_decimal_string

__all__ = [
    "COLUMNS",
    "HERO_CARD",
    "HERO_CUSTOMER_ID",
    "HERO_PHONE",
    "write_demo_export",
]

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers.csv": (
        "customer_id",
        "given_name",
        "family_name",
        "email",
        "joined_on",
        "household_id",
        "status",
        "referrals",
        "preferences",
        "notes",
        "updated_at",
    ),
    "phones.csv": ("customer_id", "phone", "label"),
    "cards.csv": ("card_number", "customer_id", "card_type", "status", "issued_on"),
    "purchases.csv": (
        "purchase_id",
        "customer_id",
        "purchased_at",
        "amount",
        "currency",
        "channel",
        "product_line",
        "location",
    ),
    "interactions.csv": (
        "interaction_id",
        "customer_id",
        "occurred_at",
        "kind",
        "channel",
        "summary",
    ),
    "concessions.csv": (
        "concession_id",
        "customer_id",
        "granted_at",
        "value",
        "kind",
        "reason",
        "location",
    ),
}

HERO_CUSTOMER_ID = "C000001"
HERO_PHONE = "07700 900123"
HERO_CARD = "633000000012"
HERO_LOST_CARD = "633000000005"

LONDON = ZoneInfo("Europe/London")
MAX_TENURE_DAYS = 15 * 365
BLOCK = 200  # customers per household-forming block
REFUND_SHARE = 0.03

T = TypeVar("T")

# (ordinal day, second of day, pence, product line, channel, location)
Sale = tuple[int, int, int, str, str, str]
# (ordinal day, second of day, kind, channel, summary, complaint topic or "")
Contact = tuple[int, int, str, str, str, str]
# (ordinal day, second of day, kind, pence, reason, location)
Goodwill = tuple[int, int, str, int, str, str]


class _Pick(Generic[T]):
    """Weighted choice over fixed items; one random() and a bisect per draw."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def _skewed(rng: random.Random, items: Sequence[T]) -> T:
    """Pick with a bias towards the front of the list (common names first)."""
    u = rng.random()
    return items[int(len(items) * (u + u * u) / 2)]


# --- people -----------------------------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    """Split "Smith, Jones, ..." into names; the most common come first."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


GIVEN_BRITISH = _names(
    "Oliver, George, Sarah, David, Emily, James, Olivia, John, Jack, Amelia, Thomas, "
    "Sophie, Harry, Charlotte, Michael, Emma, Daniel, Hannah, Paul, Lucy, William, "
    "Jessica, Peter, Grace, Richard, Laura, Andrew, Rachel, Matthew, Helen, Robert, "
    "Claire, Christopher, Susan, Mark, Margaret, Stephen, Elizabeth, Samuel, Rebecca, "
    "Joseph, Karen, Ben, Nicola, Alfie, Isla, Charlie, Freya, Arthur, Poppy, Leo, Ava, "
    "Noah, Mia, Niamh, Rhys, Cerys, Gareth, Eilidh, Angharad, Zoë, Chloé, Renée, "
    "Siobhán, Seán, Ciarán, Aoife, Éamonn, Dónal, Dafydd"
)
GIVEN_WORLD = _names(
    "Mohammed, Priya, Aisha, Wei, Fatima, José, Raj, María, Omar, Mei, Arjun, Ananya, "
    "Yusuf, Zainab, Sanjay, Deepa, Imran, Ayesha, Tariq, Oluwaseun, Chidi, Ngozi, Kwame, "
    "Abena, Minh, Linh, Hiroshi, Yuki, Inés, Sofía, Ángel, Björn, Søren, Åsa, Łukasz, "
    "Małgorzata, Agnieszka, Krzysztof, Zoltán, Jürgen, Jörg, François, Hélène, Amélie, "
    "Thérèse, Joël, Giulia, Matteo, Niccolò, João, Ioana, Tomás, Jiří"
)
FAMILY_BRITISH = _names(
    "Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, "
    "Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, "
    "Lewis, Harris, Clarke, Patel, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, "
    "Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan, Allen, Scott, Phillips, "
    "Watson, Parker, Price, Bennett, Young, Griffiths, Mitchell, Kelly, Cook, Carter, "
    "Bailey, Collins, Bell, Shaw, Murphy, Miller, Khan, Marshall, Ellis, Singh, Begum, "
    "Wilkinson, Foster, Chapman, Powell, Webb, Mason, Ali, Hussain, Campbell, Owen, "
    "Palmer, Holmes, Barnes, Knight, Lloyd, O'Brien, O'Connor, O'Neill, McDonald, "
    "MacLeod, McKenzie, Fitzgerald, Smith-Jones, Ó Briain"
)
FAMILY_WORLD = _names(
    "Ahmed, Chen, Nguyen, Sharma, Kowalski, Müller, García, Rossi, Shah, Wang, Okafor, "
    "Nowak, Dubois, Rahman, Li, Adeyemi, Fernández, Gupta, Zhang, Mensah, Wiśniewski, "
    "Schröder, Núñez, Kaur, Kim, Owusu, Wójcik, Lefèvre, Esposito, Chowdhury, Tanaka, "
    "Nwosu, Kamiński, Weiß, Martínez, Moreau, Bianchi, Papadopoulos, Jensen, Andersson, "
    "Lindqvist, Åberg, Søndergaard, Novák, Dvořák, Horváth, Popescu, Yılmaz, Öztürk, "
    "Çelik, van der Berg, de Vries, da Silva, Gonçalves, López, Köhler"
)
EMAIL_DOMAINS = _Pick(
    [
        ("example.com", 40),
        ("example.org", 20),
        ("example.net", 15),
        ("mail.example", 12),
        ("post.example", 8),
        ("inbox.example", 5),
    ]
)
EMAIL_SHAPES = _Pick(
    [
        ("{g}.{f}", 40),
        ("{g}{f}", 15),
        ("{i}{f}", 15),
        ("{g}_{f}", 10),
        ("{f}.{g}", 10),
        ("{i}.{f}", 10),
    ]
)
PREFERENCES = _Pick(
    [
        ("", 55),
        ("window seat", 10),
        ("quiet coach; aisle seat", 6),
        ("aisle seat", 6),
        ("quiet coach", 6),
        ("forward facing; window seat", 4),
        ("step-free access", 4),
        ("table seat; near luggage rack", 3),
        ("assistance at stations; step-free access", 2),
        ("first class; quiet coach", 2),
        ("travels with bicycle", 2),
    ]
)
NOTES = _Pick(
    [
        ("", 150),
        ('Prefers to be called "Bob"', 2),
        ("Hard of hearing, please speak clearly", 3),
        ('Travels with assistance dog, "Bella"', 2),
        ("Asked not to be phoned; email only", 3),
        ("Commutes Leeds to York, early trains", 3),
        ('Said "I\'ve been loyal for years", wants that recognised', 2),
        ("Uses a wheelchair, book ramp at Leeds, York and King's Cross", 2),
        ("Corporate account via employer, invoices monthly", 2),
        ('Finds the "Delay Repay" form confusing, help by phone', 2),
        ("Student, 16-25 railcard", 3),
        ("Visually impaired; large-print letters, please", 2),
        ("Regular on the 07:12 to King's Cross", 2),
    ]
)
STATIONS = _Pick(
    [
        ("Leeds", 12),
        ("London King's Cross", 10),
        ("York", 8),
        ("Newcastle", 6),
        ("Edinburgh Waverley", 5),
        ("Wakefield Westgate", 4),
        ("Doncaster", 4),
        ("Peterborough", 3),
        ("Harrogate", 2),
        ("Durham", 2),
        ("Darlington", 2),
        ("Stevenage", 2),
        ("Bradford Forster Square", 2),
        ("Grantham", 1),
        ("Newark North Gate", 1),
        ("Retford", 1),
        ("Skipton", 1),
        ("Sunderland", 1),
        ("Aberdeen", 1),
        ("Glasgow Central", 1),
    ]
)

# Characters NFKD cannot take apart into ASCII.
_folded: dict[str, str] = {}


def ascii_fold(name: str) -> str:
    """ "Łukasz O'Brien" -> "lukaszobrien": folded letters and digits only, for emails."""
    cached = _folded.get(name)
    if cached is None:
        cached = "".join(c for c in fold(name) if c.isascii() and c.isalnum())
        _folded[name] = cached
    return cached


# --- phones -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    """How a UK national number is grouped: "07700 900123", "020 7946 0123"."""

    area: int  # digits of the area code after the trunk 0
    groups: tuple[int, ...]  # subscriber digit groups
    joined: bool  # groups written together in the standard form


MOBILE = _Style(4, (3, 3), True)
LONDON_STYLE = _Style(2, (4, 4), False)
CITY = _Style(3, (3, 4), False)


@dataclass(frozen=True, slots=True)
class _Block:
    """A range of UK numbers: prefix + `free` digits; index i maps to a unique number."""

    prefix: str  # national digits without the trunk 0
    free: int
    modulus: int
    style: _Style
    step: int = 379  # coprime with the modulus, so i -> number is a bijection
    start: int = 0

    def national(self, i: int) -> str:
        return f"{self.prefix}{(i * self.step + self.start) % self.modulus:0{self.free}d}"


# Ofcom drama mobiles; C000001 gets 07700 900123. phonenumbers calls these "possible"
# but not "valid"; every other number written here is valid.
DRAMA_MOBILES = _Block("7700900", 3, 1000, MOBILE, step=1, start=123)
# 07400 000000 - 07449 999999: valid mobile blocks for everyone after the first 1000.
OTHER_MOBILES = _Block("74", 8, 5_000_000, MOBILE, step=1_234_567, start=424_242)
# Ofcom drama landlines first, then valid geographic blocks once those run out.
DRAMA_LANDLINES = (
    _Block("1134960", 3, 1000, CITY),  # Leeds
    _Block("2079460", 3, 1000, LONDON_STYLE),  # London
    _Block("1914980", 3, 1000, CITY),  # Tyneside
    _Block("1314960", 3, 1000, CITY),  # Edinburgh
    _Block("1144960", 3, 1000, CITY),  # Sheffield
    _Block("1614960", 3, 1000, CITY),  # Manchester
    _Block("1214960", 3, 1000, CITY),  # Birmingham
    _Block("1414960", 3, 1000, CITY),  # Glasgow
    _Block("1514960", 3, 1000, CITY),  # Liverpool
    _Block("1174960", 3, 1000, CITY),  # Bristol
    _Block("1164960", 3, 1000, CITY),  # Leicester
    _Block("1184960", 3, 1000, CITY),  # Reading
    _Block("2920180", 3, 1000, LONDON_STYLE),  # Cardiff
)
MORE_LANDLINES = (
    _Block("1133", 6, 10**6, CITY, step=7_654_321),
    _Block("203", 7, 10**7, LONDON_STYLE, step=7_654_321),
    _Block("1913", 6, 10**6, CITY, step=7_654_321),
    _Block("1313", 6, 10**6, CITY, step=7_654_321),
    _Block("1143", 6, 10**6, CITY, step=7_654_321),
    _Block("1613", 6, 10**6, CITY, step=7_654_321),
)
DRAMA_LANDLINE_COUNT = 1000 * len(DRAMA_LANDLINES)

# Human ways of writing one number; a = area code, s = standard subscriber part,
# d = subscriber digits, g = space-separated groups, h = hyphen-separated groups.
PHONE_FORMATS = _Pick(
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


def format_uk(national: str, style: _Style, template: str) -> str:
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


US_AREAS = _names(
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


# --- purchases ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Profile:
    name: str
    share: float
    rate: float  # relative purchases per active year (scaled to the requested average)
    spread: float  # +/- relative noise on the purchase count
    min_days: int  # shortest tenure
    skew: float  # tenure = min + span * u**skew; larger = more recent joiners
    complaints: float  # expected over two years or more of tenure
    enquiries: float
    compliments: float
    goodwill: float  # chance that a complaint earned a concession


PROFILES = (
    _Profile("occasional", 0.77, 3.0, 0.7, 21, 3.0, 0.3, 0.6, 0.1, 0.35),
    _Profile("regular", 0.10, 36.0, 0.2, 60, 3.0, 0.05, 0.5, 0.4, 0.5),
    _Profile("vip", 0.01, 40.0, 0.3, 365, 1.5, 1.5, 2.0, 1.0, 0.7),
    _Profile("lapsing", 0.08, 15.0, 0.2, 548, 2.0, 1.2, 0.5, 0.1, 0.4),
    _Profile("loud", 0.04, 3.0, 0.5, 60, 3.0, 10.0, 3.0, 0.0, 0.55),
)
PICK_PROFILE = _Pick([(p, p.share) for p in PROFILES])
HERO_PROFILE = PROFILES[1]
LAPSE_DAYS = (120, 365)  # a lapsing rhythm stopped 4-12 months before as_of


def _expected_active_years(profile: _Profile) -> float:
    """Mean years over which a profile buys, matching the tenure draw below."""
    days = profile.min_days + (MAX_TENURE_DAYS - profile.min_days) / (profile.skew + 1)
    if profile.name == "lapsing":
        days -= sum(LAPSE_DAYS) / 2
    return days / 365.25


def _purchase_scale(purchases_per_customer: float) -> float:
    """Multiplier on profile rates so the mean purchase count is as requested."""
    mean = sum(p.share * p.rate * _expected_active_years(p) for p in PROFILES)
    return max(0.0, purchases_per_customer) / mean


# Pence ranges for one purchase; draws lean towards the cheap end.
PRICES: dict[str, tuple[int, int]] = {
    "off-peak return": (1200, 8000),
    "anytime return": (2000, 8000),
    "advance single": (800, 6500),
    "catering": (250, 1500),
    "parking": (400, 2000),
    "railcard": (3000, 3500),
    "first class return": (9000, 35000),
    "first class advance": (4000, 18000),
}
OCCASIONAL_PRODUCTS = _Pick(
    [
        ("off-peak return", 35),
        ("advance single", 25),
        ("anytime return", 10),
        ("catering", 15),
        ("parking", 10),
        ("railcard", 5),
    ]
)
VIP_PRODUCTS = _Pick(
    [
        ("first class return", 35),
        ("first class advance", 25),
        ("catering", 20),
        ("parking", 15),
        ("anytime return", 5),
    ]
)
HABITS = _Pick(
    [
        (("off-peak return", 900, 4500), 50),
        (("anytime return", 1500, 6000), 30),
        (("parking", 500, 1500), 10),
        (("advance single", 900, 3000), 10),
    ]
)
PURCHASE_CHANNELS = _Pick([("app", 32), ("counter", 30), ("web", 30), ("phone", 8)])
# Opening hours per channel, in seconds of the day; never 01:00-02:00 (clock changes).
CHANNEL_HOURS = {
    "app": (6 * 3600, 23 * 3600),
    "counter": (6 * 3600, 21 * 3600),
    "web": (6 * 3600, 23 * 3600),
    "phone": (8 * 3600, 19 * 3600),
}


def _price(rng: random.Random, product: str) -> int:
    low, high = PRICES[product]
    u = rng.random()
    return (low + int((high - low) * u * u)) // 10 * 10


# --- contacts -----------------------------------------------------------------------

COMPLAINTS = (
    ("delay", "{minutes} min delay on the {time} {station} to {dest}; missed connection"),
    ("delay", 'Held outside {dest} for {minutes} minutes, "no announcements at all"'),
    ("cancelled", "The {time} from {station} was cancelled, no replacement bus, took a taxi"),
    ("lost ticket", "Lost ticket at {station}, charged again for the same journey"),
    ("lost ticket", 'Left ticket on the train to {dest}; wants a replacement "without a fee"'),
    ("staff", 'Staff member at {station} was "rude and dismissive", wants an apology'),
    ("staff", "Guard on the {time} to {dest} refused a valid railcard, issued a penalty fare"),
    ("refund", "Refund of £{amount} for a cancelled journey not received after 6 weeks"),
    ("refund", "Charged twice, £{amount} each, at the {station} ticket machine"),
    ("seat", "Reserved seat in coach {coach} not available, stood from {station} to {dest}"),
    ("quiet coach", "Quiet coach not enforced on the {time}, asked the guard twice"),
)
ENQUIRIES = (
    "Asked about season ticket renewal, monthly vs annual",
    "Railcard eligibility question (26-30 railcard)",
    "How to add a loyalty card to the app",
    "Step-free access at {station}: is the lift working?",
    "Delay Repay claim status for the {time} to {dest}",
    "Parking charges at {station}, weekend rates",
    'Asked what "flexible season" means for part-time commuting',
    "Can a ticket from {station} to {dest} be used on an earlier train?",
)
COMPLIMENTS = (
    'Praised the team at {station}: "went above and beyond"',
    "Thanked the guard on the {time} to {dest} for help with luggage",
    "Assistance at {station} was excellent, met at the platform",
    "Happy with the quiet coach on the {time}, calm journey",
)
REASONS = {
    "delay": "Delay goodwill",
    "cancelled": "Cancelled service",
    "lost ticket": "Lost ticket",
    "staff": "Apology for staff conduct",
    "refund": "Refund delay",
    "seat": "Reserved seat not available",
    "quiet coach": "Quiet coach not enforced",
}
GOODWILL_KINDS = {
    "delay": ("voucher", "refund", "points"),
    "cancelled": ("refund", "voucher"),
    "lost ticket": ("waiver", "refund"),
    "staff": ("voucher", "points"),
    "refund": ("refund", "voucher", "waiver"),
    "seat": ("upgrade", "voucher", "refund"),
    "quiet coach": ("points", "voucher", "upgrade"),
}
CONTACT_CHANNELS = _Pick(
    [("phone", 30), ("email", 30), ("counter", 20), ("web", 10), ("app", 5), ("social", 5)]
)


# "HH:MM:SS" for every second of the day, so stamps need no arithmetic.
_CLOCK = tuple(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86400))


def _goodwill_value(rng: random.Random, kind: str) -> int:
    """Pence for one concession, between £1.50 and £150."""
    if kind == "voucher":
        return rng.choice((500, 1000, 1500, 2000, 2500, 5000))
    if kind == "points":
        return rng.choice((150, 250, 500, 1000))
    if kind == "waiver":
        return rng.choice((150, 200, 500, 1000, 2000))
    u = rng.random()
    if kind == "upgrade":
        return (1500 + int(13500 * u * u)) // 50 * 50
    return (150 + int(5850 * u * u)) // 10 * 10  # refund


# --- small helpers ------------------------------------------------------------------


def customer_id(number: int) -> str:
    """1 -> "C000001"."""
    return f"C{number:06d}"


def _scatter(n: int) -> int:
    """A bijection on 0..10**8-1 that makes consecutive inputs look unrelated."""
    mixed = (n * 48_271_397 + 12_345_679) % 10**8
    flipped = int(f"{mixed:08d}"[::-1])
    return (flipped * 91_234_567 + 7_654_321) % 10**8


def _between(rng: random.Random, low: int, high: int) -> int:
    """A uniform integer in [low, high]; several times cheaper than rng.randint."""
    return low + int(rng.random() * (high - low + 1))


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


@dataclass(slots=True)
class _Household:
    household_id: str
    family: str
    landline: str | None  # national digits of a shared home phone


@dataclass(slots=True)
class _Person:
    customer_id: str
    profile: _Profile
    joined: int  # ordinal day
    end: int  # last ordinal day with activity (closing day for closed customers)
    closed: bool
    home: str  # home station


# --- the generator ------------------------------------------------------------------


class _Export:
    """Holds the random stream, the id counters and the open CSV writers."""

    def __init__(self, files: dict[str, TextIO], seed: int, as_of: date, ppc: float) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.last = as_of.toordinal() - 1  # nothing happens on or after as_of
        self.scale = _purchase_scale(ppc)
        self.w = {name: csv.writer(fh, lineterminator="\n") for name, fh in files.items()}
        for name, writer in self.w.items():
            writer.writerow(COLUMNS[name])
        self.counts = dict.fromkeys(COLUMNS, 0)
        self.households = 0
        self.landlines = 0
        self.foreign = 0
        self.cards = 0
        self.email_bases = {"ann.example": 1}  # the hero's
        self._days: dict[int, tuple[str, str]] = {}

    # --- timestamps -------------------------------------------------------------

    def stamp(self, ordinal: int, second: int) -> str:
        """ISO 8601 with the Europe/London offset of that day (times are 05:00+)."""
        day = self._days.get(ordinal)
        if day is None:
            d = date.fromordinal(ordinal)
            noon = datetime(d.year, d.month, d.day, 12, tzinfo=LONDON).isoformat()
            day = self._days[ordinal] = (d.isoformat(), noon[-6:])  # at most ~5,500 days
        return f"{day[0]}T{_CLOCK[second]}{day[1]}"

    def write(self, name: str, row: Sequence[object]) -> None:
        self.w[name].writerow(row)
        self.counts[name] += 1

    # --- blocks and households --------------------------------------------------

    def run(self, customers: int) -> None:
        for start in range(1, customers + 1, BLOCK):
            size = min(BLOCK, customers - start + 1)
            households = self.form_households(start, size)
            for number in range(start, start + size):
                if number == 1:
                    self.hero(households.get(1))
                else:
                    self.customer(number, households.get(number))

    def form_households(self, start: int, size: int) -> dict[int, _Household]:
        """About 30% of a block share a household of 2-4 (C000001 lives with C000002)."""
        rng = self.rng
        numbers = list(range(start, start + size))
        groups: list[list[int]] = []
        if start == 1 and size >= 2:
            groups.append([1, 2])
            numbers = numbers[2:]
        rng.shuffle(numbers)
        goal = int(size * 0.30 * (0.8 + 0.4 * rng.random()))
        taken = sum(len(g) for g in groups)
        while taken + 2 <= goal and len(numbers) >= 2:
            group_size = min(rng.choice((2, 2, 2, 2, 3, 3, 4)), len(numbers))
            groups.append(sorted(numbers[:group_size]))
            numbers = numbers[group_size:]
            taken += group_size
        groups.sort(key=lambda g: g[0])
        result: dict[int, _Household] = {}
        for group in groups:
            self.households += 1
            hero = group[0] == 1
            family = "Example" if hero else self.family_name()
            shared = hero or rng.random() < 0.5
            home = self.landline() if shared else None
            household = _Household(f"H{self.households:05d}", family, home)
            for number in group:
                result[number] = household
        return result

    # --- names and contact details ----------------------------------------------

    def family_name(self) -> str:
        british = self.rng.random() < 0.75
        return _skewed(self.rng, FAMILY_BRITISH if british else FAMILY_WORLD)

    def given_name(self) -> str:
        british = self.rng.random() < 0.72
        return _skewed(self.rng, GIVEN_BRITISH if british else GIVEN_WORLD)

    def email(self, given: str, family: str) -> str:
        """Unique: a letters-only base, then a count once that base has been used."""
        g, f = ascii_fold(given), ascii_fold(family)
        base = EMAIL_SHAPES(self.rng).format(g=g, f=f, i=g[0])
        seen = self.email_bases.get(base, 0) + 1
        self.email_bases[base] = seen  # keys are bounded by the name lists, not customers
        local = base if seen == 1 else f"{base}{seen}"
        return f"{local}@{EMAIL_DOMAINS(self.rng)}"

    def landline(self) -> str:
        """A fresh landline: drama ranges first, then other valid blocks."""
        n = self.landlines
        self.landlines += 1
        if n < DRAMA_LANDLINE_COUNT:
            return DRAMA_LANDLINES[n // 1000].national(n % 1000)
        n -= DRAMA_LANDLINE_COUNT
        return MORE_LANDLINES[n % len(MORE_LANDLINES)].national(n // len(MORE_LANDLINES))

    def phone_text(self, national: str) -> str:
        if national.startswith("7"):
            style = MOBILE
        elif national.startswith("2"):
            style = LONDON_STYLE
        else:
            style = CITY
        return format_uk(national, style, PHONE_FORMATS(self.rng))

    def phones(self, number: int, household: _Household | None) -> None:
        rng, cid = self.rng, customer_id(number)
        if rng.random() < 0.02:
            self.write("phones.csv", (cid, self.foreign_mobile(), "mobile"))
        elif rng.random() < 0.92:
            block = DRAMA_MOBILES if number <= 1000 else OTHER_MOBILES
            mobile = block.national(number - 1 if number <= 1000 else number - 1001)
            self.write("phones.csv", (cid, self.phone_text(mobile), "mobile"))
        if household is not None and household.landline is not None:
            if rng.random() < 0.9:
                self.write("phones.csv", (cid, self.phone_text(household.landline), "home"))
        elif rng.random() < 0.15:
            self.write("phones.csv", (cid, self.phone_text(self.landline()), "home"))
        if rng.random() < 0.07:
            self.write("phones.csv", (cid, self.phone_text(self.landline()), "work"))

    def foreign_mobile(self) -> str:
        n = self.foreign
        self.foreign += 1
        return FOREIGN[n % len(FOREIGN)](n // len(FOREIGN))

    # --- cards ------------------------------------------------------------------

    def card_number(self) -> str:
        """12 unique digits starting 6331-6339 (the hero's cards are 63300000...)."""
        n = self.cards
        self.cards += 1
        text = f"633{1 + n % 9}{_scatter(n // 9):08d}"
        if self.rng.random() < 0.01:
            return f"{text[:4]} {text[4:8]} {text[8:]}"
        return text

    def cards_for(self, person: _Person) -> None:
        rng = self.rng
        card_type = self.card_type(person.profile)
        later = date.fromordinal(rng.randint(min(person.joined + 30, person.end), person.end))
        first = date.fromordinal(person.joined)
        roll = rng.random()
        if person.profile.name == "lapsing" and roll < 0.3:
            history = [("expired", first)]
        elif roll < 0.08:
            history = [("lost", first), ("active", later)]
        elif roll < 0.13:
            history = [("replaced", first), ("active", later)]
        elif roll < 0.15:
            history = [("expired", first), ("active", later)]
        elif roll < 0.16:
            middle = date.fromordinal((person.joined + later.toordinal()) // 2)
            history = [("lost", first), ("replaced", middle), ("active", later)]
        elif roll < 0.18:
            history = [("expired", first)]
        else:
            history = [("active", first)]
        for status, issued in history:
            shown = "expired" if person.closed and status == "active" else status
            row = (self.card_number(), person.customer_id, card_type, shown, issued.isoformat())
            self.write("cards.csv", row)

    def card_type(self, profile: _Profile) -> str:
        u = self.rng.random()
        if profile.name == "vip" or (profile.name == "regular" and u < 0.2):
            return "gold"
        if u < 0.08:
            return "student"
        if u < 0.14:
            return "senior"
        return "standard"

    # --- one customer -----------------------------------------------------------

    def new_person(self, number: int) -> _Person:
        rng = self.rng
        profile = PICK_PROFILE(rng)
        span = MAX_TENURE_DAYS - profile.min_days
        tenure = profile.min_days + int(span * rng.random() ** profile.skew)
        joined = self.last - tenure
        end = self.last
        if profile.name == "lapsing":
            end -= rng.randint(*LAPSE_DAYS)
        closed = rng.random() < 0.03
        if closed:
            end = rng.randint((joined + end) // 2, end)
        home = STATIONS(rng)
        return _Person(customer_id(number), profile, joined, end, closed, home)

    def customer(self, number: int, household: _Household | None) -> None:
        rng = self.rng
        person = self.new_person(number)
        given = self.given_name()
        share_name = household is not None and rng.random() < 0.8
        family = household.family if household is not None and share_name else self.family_name()
        email = "" if rng.random() < 0.12 else self.email(given, family)
        roll = rng.random()
        referrals = rng.randint(2, 8) if roll < 0.03 else 1 if roll < 0.1 else 0
        preferences = PREFERENCES(rng)
        notes = NOTES(rng)
        if person.closed:
            updated = person.end
        else:
            updated = rng.randint(max(person.joined, self.last - 365), self.last)
        row = (
            person.customer_id,
            given,
            family,
            email,
            date.fromordinal(person.joined).isoformat(),
            household.household_id if household is not None else "",
            "closed" if person.closed else "active",
            referrals,
            preferences,
            notes,
            self.stamp(updated, rng.randrange(6 * 3600, 22 * 3600)),
        )
        self.write("customers.csv", row)
        self.phones(number, household)
        self.cards_for(person)
        self.write_sales(person, self.with_refunds(self.sales(person)))
        self.write_contacts(person, self.contacts(person))

    # --- purchases --------------------------------------------------------------

    def sale_count(self, person: _Person) -> int:
        profile, rng = person.profile, self.rng
        years = (person.end - person.joined + 1) / 365.25
        if person.closed:  # count as if still open, so the requested mean holds
            years = (self.last - person.joined + 1) / 365.25
        noise = 1 + profile.spread * (2 * rng.random() - 1)
        return int(self.scale * profile.rate * years * noise + rng.random())

    def sales(self, person: _Person) -> list[Sale]:
        n = self.sale_count(person)
        if n == 0:
            return []
        name = person.profile.name
        if name in ("regular", "lapsing"):
            return self.habit_sales(person, n)
        if name == "vip":
            return self.vip_sales(person, n)
        rng = self.rng
        days = sorted(_between(rng, person.joined, person.end) for _ in range(n))
        cheap = name == "loud"
        return [self.one_sale(person, day, OCCASIONAL_PRODUCTS(rng), cheap) for day in days]

    def one_sale(self, person: _Person, day: int, product: str, cheap: bool = False) -> Sale:
        rng = self.rng
        channel = PURCHASE_CHANNELS(rng)
        opens, closes = CHANNEL_HOURS[channel]
        pence = _price(rng, product)
        if cheap:  # loud customers spend little
            pence = max(250, pence // 30 * 10)
        station = person.home if rng.random() < 0.6 else STATIONS(rng)
        return (day, _between(rng, opens, closes), pence, product, channel, station)

    def rhythm(self, n: int, start: int, end: int) -> list[int]:
        """n days spread evenly from start to end, each nudged a little."""
        rng, step = self.rng, (end - start + 1) / n
        days = []
        for i in range(n):
            day = start + int(step * (i + 0.5 + 0.6 * (rng.random() - 0.5)))
            days.append(min(max(day, start), end))
        return days

    def habit_sales(self, person: _Person, n: int) -> list[Sale]:
        """A quiet regular: same product, station, channel and time, fares rising ~3%/yr."""
        rng = self.rng
        product, low, high = HABITS(rng)
        base = rng.randint(low, high)
        channel = "app" if rng.random() < 0.6 else PURCHASE_CHANNELS(rng)
        clock = rng.choice((6 * 3600 + 1800, 16 * 3600 + 1800))
        result: list[Sale] = []
        for day in self.rhythm(n, person.joined, person.end):
            if rng.random() < 0.1:
                result.append(self.one_sale(person, day, "catering"))
                continue
            rise = 1.03 ** ((day - person.joined) / 365.25)
            pence = int(base * rise) // 10 * 10
            second = clock + _between(rng, 0, 7199)
            result.append((day, second, pence, product, channel, person.home))
        return result

    def vip_sales(self, person: _Person, n: int) -> list[Sale]:
        """Yearly season tickets (£1,000-£5,000) plus first-class travel and extras."""
        rng = self.rng
        base = rng.randint(1000, 5000) * 100
        renewals = list(range(person.joined, person.end + 1, 365))[-n:]
        result: list[Sale] = []
        for day in renewals:
            pence = int(base * 1.03 ** ((day - person.joined) // 365)) // 100 * 100
            second = _between(rng, 7 * 3600, 19 * 3600)
            result.append((day, second, pence, "season ticket", "counter", person.home))
        for _ in range(n - len(renewals)):
            day = _between(rng, person.joined, person.end)
            result.append(self.one_sale(person, day, VIP_PRODUCTS(rng)))
        result.sort()
        return result

    def with_refunds(self, sales: list[Sale]) -> list[Sale]:
        """Turn ~3% of purchases into a refund of (part of) the purchase just before."""
        rng = self.rng
        for i in range(1, len(sales)):
            if rng.random() >= REFUND_SHARE:
                continue
            before = sales[i - 1]
            if before[2] <= 0:
                continue
            pence = before[2]
            if rng.random() < 0.4:
                pence = max(10, int(pence * (0.2 + 0.7 * rng.random())) // 10 * 10)
            day, second = sales[i][0], sales[i][1]
            sales[i] = (day, second, -pence, before[3], before[4], before[5])
        return sales

    def write_sales(self, person: _Person, sales: list[Sale]) -> None:
        stamp, cid = self.stamp, person.customer_id
        first = self.counts["purchases.csv"] + 1
        self.w["purchases.csv"].writerows(
            (
                f"P{i:08d}",
                cid,
                stamp(day, second),
                to_decimal_string(pence),
                "GBP",
                channel,
                product,
                where,
            )
            for i, (day, second, pence, product, channel, where) in enumerate(sales, first)
        )
        self.counts["purchases.csv"] += len(sales)

    # --- interactions and concessions -------------------------------------------

    def contacts(self, person: _Person) -> list[Contact]:
        profile, rng = person.profile, self.rng
        weight = min(1.0, (person.end - person.joined + 1) / 730)
        if profile.name == "loud":
            weight *= 0.6 + rng.random()
        result: list[Contact] = []
        for kind, lam in (
            ("complaint", profile.complaints),
            ("enquiry", profile.enquiries),
            ("compliment", profile.compliments),
        ):
            for _ in range(_poisson(rng, lam * weight)):
                result.append(self.one_contact(person, kind))
        result.sort()
        return result

    def contact_day(self, person: _Person, kind: str) -> int:
        rng, start, end = self.rng, person.joined, person.end
        u = rng.random()
        if person.profile.name == "loud":  # loud customers complain more lately
            return end - int((end - start) * u * u)
        if person.profile.name == "lapsing" and kind == "complaint":  # and then left
            return max(start, end - int(150 * u))
        return start + int((end - start) * u)

    def one_contact(self, person: _Person, kind: str) -> Contact:
        rng = self.rng
        topic = ""
        if kind == "complaint":
            topic, template = rng.choice(COMPLAINTS)
        elif kind == "enquiry":
            template = rng.choice(ENQUIRIES)
        else:
            template = rng.choice(COMPLIMENTS)
        summary = template.format(
            station=person.home if rng.random() < 0.6 else STATIONS(rng),
            dest=STATIONS(rng),
            minutes=rng.randint(12, 95),
            time=f"{rng.randint(6, 21):02d}:{rng.randrange(0, 60, 3):02d}",
            amount=to_decimal_string(_price(rng, "off-peak return")),
            coach="ABCDEFGHJK"[rng.randrange(10)],
        )
        day = self.contact_day(person, kind)
        second = _between(rng, 7 * 3600, 21 * 3600)
        return (day, second, kind, CONTACT_CHANNELS(rng), summary, topic)

    def write_contacts(self, person: _Person, contacts: list[Contact]) -> None:
        rng = self.rng
        goodwill: list[Goodwill] = []
        for day, second, kind, channel, summary, topic in contacts:
            self.write_interaction(person.customer_id, (day, second, kind, channel, summary))
            if topic and rng.random() < person.profile.goodwill:
                goodwill.append(self.concession(person, day, second, channel, topic))
        goodwill.sort()
        for item in goodwill:
            self.write_concession(person.customer_id, item)

    def write_interaction(self, cid: str, item: tuple[int, int, str, str, str]) -> None:
        day, second, kind, channel, summary = item
        number = self.counts["interactions.csv"] + 1
        row = (f"I{number:07d}", cid, self.stamp(day, second), kind, channel, summary)
        self.write("interactions.csv", row)

    def write_concession(self, cid: str, item: Goodwill) -> None:
        day, second, kind, pence, reason, location = item
        number = self.counts["concessions.csv"] + 1
        when = self.stamp(day, second)
        row = (f"K{number:07d}", cid, when, to_decimal_string(pence), kind, reason, location)
        self.write("concessions.csv", row)

    def concession(
        self, person: _Person, day: int, second: int, channel: str, topic: str
    ) -> Goodwill:
        """Goodwill for one complaint, the same day or within three days."""
        rng = self.rng
        kind = rng.choice(GOODWILL_KINDS[topic])
        if person.profile.name == "vip" and rng.random() < 0.4:
            kind = "upgrade"
        later = min(day + rng.choice((0, 0, 0, 1, 2, 3)), person.end)
        when = (
            second + rng.randrange(600, 7200)
            if later == day
            else rng.randrange(8 * 3600, 18 * 3600)
        )
        where = person.home if channel == "counter" else "Customer Relations"
        return (later, when, kind, _goodwill_value(rng, kind), REASONS[topic], where)

    # --- the hero ---------------------------------------------------------------

    def hero(self, household: _Household | None) -> None:
        """C000001: 5 yr 8 mo, ~£2,500 a year in monthly trips, no goodwill in 12 months."""
        joined = _months_before(self.as_of, 68).toordinal() - 9
        person = _Person(HERO_CUSTOMER_ID, HERO_PROFILE, joined, self.last, False, "Leeds")
        updated = self.stamp(self.last - 20, 9 * 3600)
        row = (HERO_CUSTOMER_ID, "Ann", "Example", "ann.example@example.com",
               date.fromordinal(joined).isoformat(),
               household.household_id if household is not None else "",
               "active", 0, "quiet coach; aisle seat", "", updated)  # fmt: skip
        self.write("customers.csv", row)
        self.write("phones.csv", (HERO_CUSTOMER_ID, HERO_PHONE, "mobile"))
        if household is not None and household.landline is not None:
            home = format_uk(household.landline, CITY, "0{a} {s}")
            self.write("phones.csv", (HERO_CUSTOMER_ID, home, "home"))
        first = date.fromordinal(joined).isoformat()
        renewed = date.fromordinal(self.last - 730).isoformat()
        self.write("cards.csv", (HERO_LOST_CARD, HERO_CUSTOMER_ID, "standard", "lost", first))
        self.write("cards.csv", (HERO_CARD, HERO_CUSTOMER_ID, "gold", "active", renewed))
        self.write_sales(person, self.hero_sales(joined))
        self.hero_contacts(joined)

    def hero_sales(self, joined: int) -> list[Sale]:
        """One anytime return of about £208 each month, bought on the app at Leeds."""
        sales: list[Sale] = []
        for months in range(68, 0, -1):
            day = _months_before(self.as_of, months).toordinal() + 5
            if joined <= day <= self.last:
                pence = self.rng.randint(19500, 22200) // 10 * 10
                second = 7 * 3600 + self.rng.randrange(1800)
                sales.append((day, second, pence, "anytime return", "app", "Leeds"))
        return sales

    def hero_contacts(self, joined: int) -> None:
        """An early enquiry, one delay complaint (with a £10 voucher) ~2 years ago, thanks."""
        delay = "45 min delay on the 07:12 Leeds to London King's Cross; missed a meeting"
        thanks = COMPLIMENTS[3].format(time="07:12")
        self.write_interaction(
            HERO_CUSTOMER_ID, (joined + 40, 36000, "enquiry", "phone", ENQUIRIES[2])
        )
        self.write_interaction(
            HERO_CUSTOMER_ID, (self.last - 700, 64800, "complaint", "email", delay)
        )
        voucher = (self.last - 699, 36000, "voucher", 1000, REASONS["delay"], "Customer Relations")
        self.write_concession(HERO_CUSTOMER_ID, voucher)
        self.write_interaction(
            HERO_CUSTOMER_ID, (self.last - 400, 43200, "compliment", "web", thanks)
        )


def write_demo_export(
    out_dir: Path,
    *,
    customers: int = 20_000,
    seed: int = 1,
    as_of: date,
    purchases_per_customer: float = 20.0,
) -> dict[str, int]:
    """Write a realistic upstream export (contract CSV files) into out_dir.

    Returns the number of data rows (header excluded) written per file name.
    Same arguments give byte-identical files. Nothing is dated on or after ``as_of``;
    ``purchases_per_customer`` is the mean number of purchase rows per customer.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    handles = {name: (out_dir / name).open("w", encoding="utf-8", newline="") for name in COLUMNS}
    try:
        export = _Export(dict(handles), seed, as_of, purchases_per_customer)
        export.run(customers)
    finally:
        for handle in handles.values():
            handle.close()
    return export.counts

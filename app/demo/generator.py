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
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from app.demo.phones import (
    CITY,
    DRAMA_LANDLINE_COUNT,
    DRAMA_LANDLINES,
    DRAMA_MOBILES,
    FOREIGN,
    LONDON_STYLE,
    MOBILE,
    MORE_LANDLINES,
    OTHER_MOBILES,
    PHONE_FORMATS,
    format_uk,
)
from app.demo.pick import between, poisson, scatter, skewed
from app.demo.profiles import (
    HERO_PROFILE,
    LAPSE_DAYS,
    MAX_TENURE_DAYS,
    PICK_PROFILE,
    Profile,
    purchase_scale,
)
from app.demo.vocabulary import (
    CHANNEL_HOURS,
    CLOCK,
    COMPLAINTS,
    COMPLIMENTS,
    CONTACT_CHANNELS,
    EMAIL_DOMAINS,
    EMAIL_SHAPES,
    ENQUIRIES,
    FAMILY_BRITISH,
    FAMILY_WORLD,
    GIVEN_BRITISH,
    GIVEN_WORLD,
    GOODWILL_KINDS,
    HABITS,
    NOTES,
    OCCASIONAL_PRODUCTS,
    PREFERENCES,
    PURCHASE_CHANNELS,
    REASONS,
    STATIONS,
    VIP_PRODUCTS,
    ascii_fold,
    draw_price,
    goodwill_value,
)
from app.domain.contract import CONTRACT
from app.domain.money import to_decimal_string

__all__ = [
    "COLUMNS",
    "HERO_CARD",
    "HERO_CUSTOMER_ID",
    "HERO_PHONE",
    "write_demo_export",
]

# The contract's files and columns, in the contract's order.
COLUMNS: dict[str, tuple[str, ...]] = {f"{model.file}.csv": model.columns() for model in CONTRACT}

HERO_CUSTOMER_ID = "C000001"
HERO_PHONE = "07700 900123"
HERO_CARD = "633000000012"
HERO_LOST_CARD = "633000000005"

LONDON = ZoneInfo("Europe/London")
BLOCK = 200  # customers per household-forming block
REFUND_SHARE = 0.03

# (ordinal day, second of day, pence, product line, channel, location)
Sale = tuple[int, int, int, str, str, str]
# (ordinal day, second of day, kind, channel, summary, complaint topic or "")
Contact = tuple[int, int, str, str, str, str]
# (ordinal day, second of day, kind, pence, reason, location)
Goodwill = tuple[int, int, str, int, str, str]


# --- small helpers ------------------------------------------------------------------


def customer_id(number: int) -> str:
    """1 -> "C000001"."""
    return f"C{number:06d}"


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
    profile: Profile
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
        self.scale = purchase_scale(ppc)
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
        return f"{day[0]}T{CLOCK[second]}{day[1]}"

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
        return skewed(self.rng, FAMILY_BRITISH if british else FAMILY_WORLD)

    def given_name(self) -> str:
        british = self.rng.random() < 0.72
        return skewed(self.rng, GIVEN_BRITISH if british else GIVEN_WORLD)

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
        text = f"633{1 + n % 9}{scatter(n // 9):08d}"
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

    def card_type(self, profile: Profile) -> str:
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
            date.fromordinal(person.joined).isoformat(),
            family,
            email,
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
        days = sorted(between(rng, person.joined, person.end) for _ in range(n))
        cheap = name == "loud"
        return [self.one_sale(person, day, OCCASIONAL_PRODUCTS(rng), cheap) for day in days]

    def one_sale(self, person: _Person, day: int, product: str, cheap: bool = False) -> Sale:
        rng = self.rng
        channel = PURCHASE_CHANNELS(rng)
        opens, closes = CHANNEL_HOURS[channel]
        pence = draw_price(rng, product)
        if cheap:  # loud customers spend little
            pence = max(250, pence // 30 * 10)
        station = person.home if rng.random() < 0.6 else STATIONS(rng)
        return (day, between(rng, opens, closes), pence, product, channel, station)

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
            second = clock + between(rng, 0, 7199)
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
            second = between(rng, 7 * 3600, 19 * 3600)
            result.append((day, second, pence, "season ticket", "counter", person.home))
        for _ in range(n - len(renewals)):
            day = between(rng, person.joined, person.end)
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
            for _ in range(poisson(rng, lam * weight)):
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
            amount=to_decimal_string(draw_price(rng, "off-peak return")),
            coach="ABCDEFGHJK"[rng.randrange(10)],
        )
        day = self.contact_day(person, kind)
        second = between(rng, 7 * 3600, 21 * 3600)
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
        return (later, when, kind, goodwill_value(rng, kind), REASONS[topic], where)

    # --- the hero ---------------------------------------------------------------

    def hero(self, household: _Household | None) -> None:
        """C000001: 5 yr 8 mo, ~£2,500 a year in monthly trips, no goodwill in 12 months."""
        joined = _months_before(self.as_of, 68).toordinal() - 9
        person = _Person(HERO_CUSTOMER_ID, HERO_PROFILE, joined, self.last, False, "Leeds")
        updated = self.stamp(self.last - 20, 9 * 3600)
        row = (HERO_CUSTOMER_ID, "Ann", date.fromordinal(joined).isoformat(), "Example",
               "ann.example@example.com",
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

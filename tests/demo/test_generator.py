"""The demo export: deterministic, contract-shaped and realistic enough to demo with."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
import pytest

from app.demo import COLUMNS, HERO_CARD, HERO_CUSTOMER_ID, write_demo_export
from app.demo.phones import DRAMA_LANDLINES, MORE_LANDLINES, OTHER_MOBILES

AS_OF = date(2026, 11, 23)
LONDON = ZoneInfo("Europe/London")
Rows = dict[str, list[dict[str, str]]]


def _read(out: Path) -> Rows:
    rows: Rows = {}
    for name, columns in COLUMNS.items():
        with (out / name).open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            assert tuple(next(reader)) == columns, name
            rows[name] = [dict(zip(columns, row, strict=True)) for row in reader]
    return rows


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], Rows]:
    out = tmp_path_factory.mktemp("demo")
    counts = write_demo_export(out, customers=300, seed=7, as_of=AS_OF)
    return out, counts, _read(out)


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Rows]:
    """More customers than there are drama mobiles, with few purchases to stay fast."""
    out = tmp_path_factory.mktemp("wide")
    counts = write_demo_export(out, customers=2500, seed=3, as_of=AS_OF, purchases_per_customer=1)
    return counts, _read(out)


def _e164(text: str) -> str:
    number = phonenumbers.parse(text, "GB")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def test_same_arguments_give_identical_bytes(
    small: tuple[Path, dict[str, int], Rows], tmp_path: Path
) -> None:
    out, counts, _ = small
    again = write_demo_export(tmp_path / "again", customers=300, seed=7, as_of=AS_OF)
    assert again == counts
    for name in COLUMNS:
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes(), name
    other = write_demo_export(tmp_path / "other", customers=300, seed=8, as_of=AS_OF)
    other_bytes = (tmp_path / "other" / "purchases.csv").read_bytes()
    assert other != counts or other_bytes != (out / "purchases.csv").read_bytes()


def test_headers_and_counts_match_what_was_written(
    small: tuple[Path, dict[str, int], Rows],
) -> None:
    out, counts, rows = small
    assert set(counts) == set(COLUMNS)
    for name, columns in COLUMNS.items():
        first_line = (out / name).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == ",".join(columns)
        assert counts[name] == len(rows[name]), name
    assert counts["customers.csv"] == 300


def test_ids_are_sequential_and_unique(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    customers = [r["customer_id"] for r in rows["customers.csv"]]
    assert customers == [f"C{n:06d}" for n in range(1, 301)]
    for name, key, prefix in (
        ("purchases.csv", "purchase_id", "P"),
        ("interactions.csv", "interaction_id", "I"),
        ("concessions.csv", "concession_id", "K"),
    ):
        ids = [r[key] for r in rows[name]]
        assert ids == sorted(ids) and len(set(ids)) == len(ids), name
        assert all(re.fullmatch(prefix + r"\d{7,8}", i) for i in ids), name


def test_every_row_refers_to_a_known_customer(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    known = {r["customer_id"] for r in rows["customers.csv"]}
    for name in COLUMNS:
        assert {r["customer_id"] for r in rows[name]} <= known, name


def test_nothing_happens_before_joining_or_from_as_of(
    small: tuple[Path, dict[str, int], Rows],
) -> None:
    _, _, rows = small
    joined = {r["customer_id"]: date.fromisoformat(r["joined_on"]) for r in rows["customers.csv"]}
    assert min(joined.values()) >= AS_OF - timedelta(days=15 * 366)
    stamped = (
        ("purchases.csv", "purchased_at"),
        ("interactions.csv", "occurred_at"),
        ("concessions.csv", "granted_at"),
        ("customers.csv", "updated_at"),
    )
    for name, field in stamped:
        for row in rows[name]:
            moment = datetime.fromisoformat(row[field])
            assert moment.utcoffset() == moment.replace(tzinfo=LONDON).utcoffset(), row
            assert joined[row["customer_id"]] <= moment.date() < AS_OF, row
    for row in rows["cards.csv"]:
        assert joined[row["customer_id"]] <= date.fromisoformat(row["issued_on"]) < AS_OF


def test_values_follow_the_contract(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    money = re.compile(r"-?\d+\.\d\d")
    for row in rows["purchases.csv"]:
        assert money.fullmatch(row["amount"]) and row["currency"] == "GBP"
        assert row["channel"] in {"counter", "web", "app", "phone"}
    assert {r["status"] for r in rows["customers.csv"]} == {"active", "closed"}
    assert all(r["referrals"].isdigit() for r in rows["customers.csv"])
    assert {r["label"] for r in rows["phones.csv"]} <= {"mobile", "home", "work"}
    assert {r["kind"] for r in rows["interactions.csv"]} == {"complaint", "enquiry", "compliment"}
    kinds = {"refund", "voucher", "points", "upgrade", "waiver"}
    for row in rows["concessions.csv"]:
        assert row["kind"] in kinds and 1.5 <= float(row["value"]) <= 150
    notes = [r["notes"] for r in rows["customers.csv"]]
    assert any("," in n for n in notes) and any('"' in n for n in notes)


@pytest.mark.parametrize("as_of", [AS_OF, date(2024, 2, 29), date(2025, 3, 1), date(2027, 1, 31)])
def test_hero_is_the_customer_the_design_describes(as_of: date, tmp_path: Path) -> None:
    write_demo_export(tmp_path, customers=3, seed=5, as_of=as_of)
    rows = _read(tmp_path)
    hero = rows["customers.csv"][0]
    assert hero["customer_id"] == HERO_CUSTOMER_ID
    assert hero["preferences"] == "quiet coach; aisle seat" and hero["status"] == "active"
    joined = date.fromisoformat(hero["joined_on"])
    months = (as_of.year - joined.year) * 12 + as_of.month - joined.month - (as_of.day < joined.day)
    assert months == 5 * 12 + 8
    phones = [_e164(r["phone"]) for r in rows["phones.csv"] if r["customer_id"] == HERO_CUSTOMER_ID]
    assert "+447700900123" in phones
    cards = {
        r["card_number"]: r["status"] for r in rows["cards.csv"] if r["customer_id"] == "C000001"
    }
    assert cards[HERO_CARD] == "active" and "lost" in cards.values()
    members = [r for r in rows["customers.csv"] if r["household_id"] == hero["household_id"]]
    assert len(members) == 2
    year_ago = as_of - timedelta(days=365)
    mine = [r for r in rows["purchases.csv"] if r["customer_id"] == HERO_CUSTOMER_ID]
    recent = [r for r in mine if datetime.fromisoformat(r["purchased_at"]).date() >= year_ago]
    assert len(recent) == 12
    assert 2300 <= sum(float(r["amount"]) for r in recent) <= 2700
    goodwill = [r for r in rows["concessions.csv"] if r["customer_id"] == HERO_CUSTOMER_ID]
    assert goodwill
    assert all(datetime.fromisoformat(r["granted_at"]).date() < year_ago for r in goodwill)


def test_closed_customers_go_quiet_after_closing(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    closed = {
        r["customer_id"]: datetime.fromisoformat(r["updated_at"]).date()
        for r in rows["customers.csv"]
        if r["status"] == "closed"
    }
    assert closed
    for name, field in (
        ("purchases.csv", "purchased_at"),
        ("interactions.csv", "occurred_at"),
        ("concessions.csv", "granted_at"),
    ):
        for row in rows[name]:
            if row["customer_id"] in closed:
                assert datetime.fromisoformat(row[field]).date() <= closed[row["customer_id"]]
    for row in rows["cards.csv"]:
        if row["customer_id"] in closed:
            assert row["status"] != "active"


def test_cards_are_unique_and_have_a_history(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    numbers = [r["card_number"].replace(" ", "") for r in rows["cards.csv"]]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"[1-9]\d{11}", n) for n in numbers)
    statuses = Counter(r["status"] for r in rows["cards.csv"])
    assert statuses["lost"] and statuses["replaced"] and statuses["expired"]
    active = Counter(r["customer_id"] for r in rows["cards.csv"] if r["status"] == "active")
    assert max(active.values()) == 1


def test_phones_come_in_many_formats(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    shapes = {re.sub(r"\d", "9", r["phone"]) for r in rows["phones.csv"] if r["phone"][0] != "+"}
    assert len(shapes) >= 5
    for row in rows["phones.csv"]:
        assert phonenumbers.is_possible_number(phonenumbers.parse(row["phone"], "GB")), row


def test_mobiles_are_unique_and_valid_beyond_the_drama_range(
    wide: tuple[dict[str, int], Rows],
) -> None:
    _, rows = wide
    mobiles = [_e164(r["phone"]) for r in rows["phones.csv"] if r["label"] == "mobile"]
    assert len(set(mobiles)) == len(mobiles) > 2000
    beyond = [m for m in mobiles if not m.startswith("+447700900")]
    assert len(beyond) > 1000
    for number in beyond:
        assert phonenumbers.is_valid_number(phonenumbers.parse(number)), number
    foreign = [m for m in mobiles if not m.startswith("+44")]
    assert len({m[:3] for m in foreign}) >= 4


@pytest.mark.parametrize("index", [0, 1, 999, 12_345, 999_999, 4_999_999])
def test_number_blocks_beyond_drama_ranges_are_valid(index: int) -> None:
    for block in (OTHER_MOBILES, *MORE_LANDLINES, *DRAMA_LANDLINES):
        national = block.national(index)
        assert phonenumbers.is_valid_number(phonenumbers.parse("0" + national, "GB")), national


def test_names_include_accents(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    names = [r["given_name"] + r["family_name"] for r in rows["customers.csv"]]
    assert sum(not n.isascii() for n in names) >= 5
    emails = [r["email"] for r in rows["customers.csv"] if r["email"]]
    assert all(e.isascii() and e == e.lower() and "@" in e for e in emails)
    assert len(set(emails)) == len(emails) < len(names)


def test_refunds_undo_part_of_the_purchase_before(small: tuple[Path, dict[str, int], Rows]) -> None:
    _, _, rows = small
    sales = rows["purchases.csv"]
    refunds = 0
    for before, row in pairwise(sales):
        if row["amount"].startswith("-"):
            refunds += 1
            assert before["customer_id"] == row["customer_id"]
            assert 0 < -float(row["amount"]) <= float(before["amount"])
    assert 0.01 < refunds / len(sales) < 0.05


def test_households_and_spend_profiles_look_real(wide: tuple[dict[str, int], Rows]) -> None:
    counts, rows = wide
    customers = rows["customers.csv"]
    sizes = Counter(r["household_id"] for r in customers if r["household_id"])
    assert 0.2 < sum(sizes.values()) / len(customers) < 0.4
    assert set(sizes.values()) <= {2, 3, 4}
    assert 0.01 < sum(r["status"] == "closed" for r in customers) / len(customers) < 0.06
    assert 0.6 < counts["purchases.csv"] / len(customers) < 1.5
    complaints = Counter(
        r["customer_id"] for r in rows["interactions.csv"] if r["kind"] == "complaint"
    )
    assert max(complaints.values()) >= 8  # a few loud customers
    spend: defaultdict[str, float] = defaultdict(float)
    for row in rows["purchases.csv"]:
        spend[row["customer_id"]] += float(row["amount"])
    assert any(row["product_line"] == "season ticket" for row in rows["purchases.csv"])
    assert max(spend.values()) > 3000

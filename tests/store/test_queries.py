"""Read queries over the hand-written export: candidates, and one customer's facts as of a day."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from app.domain.import_context import ImportContext
from app.domain.models import Card, Phone
from app.domain.standing import build_profile
from app.domain.window import AsOf, as_of_bounds
from app.services.station import load_policy
from app.store.importer import ImportReport, import_export
from app.store.queries import (
    Candidate,
    HitQuery,
    candidates,
    card_or_phone_query,
    card_query,
    customer_facts,
    email_query,
    freshness,
    from_hits,
    has_customers,
    name_query,
    phone_query,
    phone_suffix_query,
)
from tests.conftest import write_csv
from tests.store.conftest import utc

LONDON = ZoneInfo("Europe/London")
AS_OF = date(2026, 11, 23)
BOUNDS = as_of_bounds(AS_OF, LONDON)


class Hit(NamedTuple):
    customer_id: str
    matched: str
    card_status: str | None = None  # filled by hits_with_card_status only


def hits(db: Database, query: HitQuery) -> list[Hit]:
    return [Hit(c.customer_id, c.matched) for c in candidates(db, query, BOUNDS)]


def hits_with_card_status(db: Database, query: HitQuery) -> list[Hit]:
    return [Hit(c.customer_id, c.matched, c.card_status) for c in candidates(db, query, BOUNDS)]


@pytest.fixture
def qdb(imported: tuple[Database, ImportReport]) -> Database:
    return imported[0]


# --- Candidates ---------------------------------------------------------------------------


def test_card_hits(qdb: Database) -> None:
    found = {n: hits_with_card_status(qdb, card_query(n)) for n in ("633700001111", "633700002222")}
    assert found["633700001111"] == [Hit("C1", "633700001111", "active")]
    assert found["633700002222"] == [Hit("C1", "633700002222", "lost")]
    replaced = hits_with_card_status(qdb, card_query("633700003333"))
    assert replaced == [Hit("C2", "633700003333", "replaced")]
    assert hits(qdb, card_query("63370000111")) == []  # exact only, no prefix
    assert hits(qdb, card_query("6337 0000 1111")) == []  # callers pass the bare number


def test_phone_hits(qdb: Database) -> None:
    ann = hits_with_card_status(qdb, phone_query("+447700900123", 20))
    assert ann == [Hit("C1", "+447700900123", "active")]  # her best card, not the lost one
    assert hits(qdb, phone_query("+33612345678", 20)) == [Hit("C4", "+33612345678")]
    assert hits(qdb, phone_query("07700900123", 20)) == []  # E.164 only
    assert hits(qdb, phone_query("+44770090012", 20)) == []


def test_phone_hits_shared_number_and_limit(qdb: Database, tmp_path: Path) -> None:
    write_csv(tmp_path / "shared", "phones.csv", "customer_id,phone\nC2,07700 900123\n")
    import_export(qdb, tmp_path / "shared", ImportContext())
    found = hits(qdb, phone_query("+447700900123", 20))
    assert sorted(h.customer_id for h in found) == ["C1", "C2"]
    assert len(hits(qdb, phone_query("+447700900123", 1))) == 1


def test_card_or_phone_limits_the_phone_rows_only(qdb: Database, tmp_path: Path) -> None:
    folder = tmp_path / "both"
    write_csv(folder, "phones.csv", "customer_id,phone\nC2,07700 900123\n")
    write_csv(folder, "cards.csv", "card_number,customer_id,status\n07700900123,C3,active\n")
    import_export(qdb, folder, ImportContext())
    found = hits_with_card_status(qdb, card_or_phone_query("07700900123", "+447700900123", 1))
    assert Hit("C3", "07700900123", "active") in found  # the card, beside one phone row
    assert [h.matched for h in found].count("+447700900123") == 1
    assert len(hits(qdb, card_or_phone_query("07700900123", "+447700900123", 5))) == 3


def test_phone_suffix_hits(qdb: Database) -> None:
    # last digits "0123", reversed
    assert hits(qdb, phone_suffix_query("3210", 20)) == [Hit("C1", "+447700900123")]
    # "…123" ends both 07700 900123 (C1) and 07700 911123 (C4)
    found = hits(qdb, phone_suffix_query("321", 20))
    assert sorted((h.customer_id, h.matched) for h in found) == [
        ("C1", "+447700900123"),
        ("C4", "+447700911123"),
    ]
    assert hits(qdb, phone_suffix_query("8100", 20)) == [Hit("C1", "+442079460018")]
    assert hits(qdb, phone_suffix_query("8765", 20)) == [Hit("C4", "+33612345678")]
    assert hits(qdb, phone_suffix_query("4444", 20)) == []


def test_phone_suffix_is_a_prefix_range_not_a_substring(qdb: Database) -> None:
    # "0090" occurs inside every 07700 900xxx number, but no number ends in "0900"
    assert hits(qdb, phone_suffix_query("0090", 20)) == []
    # the full national number (10 digits) still matches
    assert hits(qdb, phone_suffix_query("3210090077", 20)) == [Hit("C1", "+447700900123")]
    assert hits(qdb, phone_suffix_query("32100900779", 20)) == []


def test_phone_suffix_limit(qdb: Database) -> None:
    # every GB mobile in the export ends "…7700 9xxxxx" -> reversed ends "…9007744"
    # six phones, but hits are distinct customers: four
    assert len(hits(qdb, phone_suffix_query("", 20))) == 4
    assert len(hits(qdb, phone_suffix_query("", 2))) == 2
    assert len(hits(qdb, phone_suffix_query("321", 1))) == 1


def test_name_hits_prefix_and_accents(qdb: Database) -> None:
    assert hits(qdb, name_query(["zoe"], 20)) == [Hit("C1", "zoe")]
    assert hits(qdb, name_query(["zo"], 20)) == [Hit("C1", "zo")]  # what was typed
    assert hits(qdb, name_query(["lukasz"], 20)) == [Hit("C2", "lukasz")]
    assert hits(qdb, name_query(["siobhan"], 20)) == [Hit("C3", "siobhan")]
    assert hits(qdb, name_query(["obrien"], 20)) == [Hit("C3", "obrien")]
    assert hits(qdb, name_query(["jones"], 20)) == [Hit("C1", "jones")]
    assert hits(qdb, name_query(["smith"], 20)) == [Hit("C1", "smith")]  # one hit per customer
    assert hits(qdb, name_query(["zoey"], 20)) == []


def test_name_hits_several_customers(qdb: Database) -> None:
    found = hits(qdb, name_query(["s"], 20))  # siobhan (C3), smith and smithjones (C1)
    assert sorted(h.customer_id for h in found) == ["C1", "C3"]
    assert len(hits(qdb, name_query(["s"], 1))) == 1


def test_name_hits_multi_word(qdb: Database) -> None:
    assert [h.customer_id for h in hits(qdb, name_query(["zoe", "smith"], 20))] == ["C1"]
    assert [h.customer_id for h in hits(qdb, name_query(["smi", "zo"], 20))] == ["C1"]
    assert [h.customer_id for h in hits(qdb, name_query(["nowak", "luk"], 20))] == ["C2"]
    assert [h.customer_id for h in hits(qdb, name_query(["o", "siob"], 20))] == ["C3"]
    assert hits(qdb, name_query(["zoe", "nowak"], 20)) == []
    assert hits(qdb, name_query(["smith", "ann"], 20)) == []
    # the other words must start a word, not sit inside one
    assert hits(qdb, name_query(["zoe", "mith"], 20)) == []


def test_email_hits(qdb: Database) -> None:
    # the stored (unfolded) email is what matched
    assert hits(qdb, email_query("zoe.smith@example.com", 20)) == [
        Hit("C1", "Zoe.Smith@Example.com")
    ]
    assert hits(qdb, email_query("ann@", 20)) == [Hit("C4", "ann@example.com")]
    assert hits(qdb, email_query("l", 20)) == [Hit("C2", "lukasz@example.org")]
    assert hits(qdb, email_query("x", 20)) == []
    assert hits(qdb, email_query("example.com", 20)) == []  # a prefix, not a substring
    assert len(hits(qdb, email_query("", 2))) == 2


def by_id(found: list[Candidate]) -> dict[str, Candidate]:
    return {c.customer_id: c for c in found}


def every_customer() -> HitQuery:
    return from_hits("SELECT customer_id, customer_id AS matched FROM customers", ())


def test_candidates_carry_names_and_figures(qdb: Database) -> None:
    found = by_id(candidates(qdb, every_customer(), BOUNDS))
    assert set(found) == {"C1", "C2", "C3", "C4"}
    # C1: 12 months from 24 Nov 2025: 25.50 + 40.00 - 10.25; an active card beats a lost one
    c1 = found["C1"]
    assert (c1.given_name, c1.family_name, c1.status) == ("Zoë", "Smith-Jones", "active")
    assert (c1.lifetime_value, c1.spend_12m, c1.card_status) == (15525, 5525, "active")
    c2 = found["C2"]
    assert (c2.given_name, c2.lifetime_value, c2.spend_12m, c2.card_status) == (
        "Łukasz",
        120099,
        99,
        "replaced",
    )
    c3 = found["C3"]
    assert (c3.status, c3.lifetime_value, c3.spend_12m, c3.card_status) == (
        "closed",
        0,
        0,
        "active",
    )
    c4 = found["C4"]
    assert (c4.lifetime_value, c4.spend_12m, c4.card_status) == (500, 0, None)


def test_a_card_candidate_keeps_the_matched_cards_status(qdb: Database) -> None:
    (lost,) = candidates(qdb, card_query("633700002222"), BOUNDS)
    assert (lost.customer_id, lost.matched) == ("C1", "633700002222")
    assert lost.card_status == "lost"  # not the customer's active card


def test_candidates_as_of_an_earlier_day(qdb: Database) -> None:
    bounds = as_of_bounds(date(2026, 7, 2), LONDON)
    (row,) = candidates(qdb, card_query("633700001111"), bounds)
    # 12 months from 3 July 2025: P1 (1 June 2025) is older; the refund of 5 July is later
    assert row.spend_12m == 2550 + 4000
    (row,) = candidates(qdb, card_query("633700001111"), as_of_bounds(date(2026, 5, 31), LONDON))
    assert row.spend_12m == 10000 + 2550  # P1 is inside 365 days of 31 May 2026


def live_spend_12m(db: Database, customer_id: str, bounds: AsOf) -> int:
    return int(
        db.execute(
            "SELECT total(amount) FROM purchases WHERE customer_id = ? "
            "AND purchased_at >= ? AND purchased_at < ?",
            [customer_id, bounds.start_12m, bounds.end],
        ).fetchone()[0]
    )


def spend_on_every_day(db: Database, first: date, last: date) -> None:
    day = first
    while day <= last:
        bounds = as_of_bounds(day, LONDON)
        for row in candidates(db, every_customer(), bounds):
            customer_id = row.customer_id
            assert row.spend_12m == live_spend_12m(db, customer_id, bounds), (customer_id, day)
        day += timedelta(days=1)


def test_the_kept_12_month_spend_is_the_live_sum_on_every_day(qdb: Database) -> None:
    # Around the export's day (22 Nov 2026), and as each kept purchase leaves the window.
    spend_on_every_day(qdb, date(2025, 5, 1), date(2027, 12, 31))


def test_the_kept_spend_is_read_only_while_it_holds(qdb: Database) -> None:
    qdb.execute("UPDATE summary SET spend_12m = spend_12m + 1 WHERE customer_id = 'C1'")
    on = {day: as_of_bounds(day, LONDON) for day in (date(2026, 11, 22), date(2027, 1, 14))}
    for bounds in on.values():  # the kept 55.25 (+1p to tell it apart) holds till 15 Jan
        (row,) = candidates(qdb, card_query("633700001111"), bounds)
        assert row.spend_12m == 5526
    # Read live: the day before the export's, and once 15 Jan 2026's purchase has left.
    for day in (date(2026, 11, 21), date(2027, 1, 15)):
        (row,) = candidates(qdb, card_query("633700001111"), as_of_bounds(day, LONDON))
        assert row.spend_12m == live_spend_12m(qdb, "C1", as_of_bounds(day, LONDON))


def test_a_later_export_moves_only_the_spend_that_no_longer_holds(
    qdb: Database, tmp_path: Path
) -> None:
    def kept() -> dict[str, tuple[int, int]]:
        return {
            r[0]: (r[1], r[2])
            for r in qdb.execute("SELECT customer_id, spend_12m, spend_12m_from FROM summary")
        }

    before = kept()
    later = write_csv(
        tmp_path / "later",
        "customers.csv",
        """
customer_id,given_name,family_name,email,joined_on,household_id,updated_at
C3,Siobhán,O'Brien,,2026-11-01,,2027-03-01T09:00:00Z
""",
    )
    import_export(qdb, later.parent, ImportContext())
    after = kept()
    march = as_of_bounds(date(2027, 3, 1), LONDON).start_12m
    assert after["C1"] == (live_spend_12m(qdb, "C1", as_of_bounds(date(2027, 3, 1), LONDON)), march)
    assert after["C2"] == before["C2"]  # its only purchase in the window is still inside it
    assert after["C3"] == (0, march)  # re-imported, so summed again
    spend_on_every_day(qdb, date(2026, 11, 1), date(2027, 12, 31))


def test_a_purchase_after_the_export_day_is_counted_from_its_day_on(
    qdb: Database, tmp_path: Path
) -> None:
    # Files with no update times are as old as the file: here 23 Nov 2026, 06:00.
    late = write_csv(
        tmp_path / "late",
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\nP8,C4,2026-12-05T10:00:00Z,7.00\n",
    )
    os.utime(late, (utc(2026, 11, 23, 6), utc(2026, 11, 23, 6)))
    import_export(qdb, late.parent, ImportContext())
    spend_on_every_day(qdb, date(2026, 11, 1), date(2027, 1, 31))
    (row,) = [r for r in candidates(qdb, every_customer(), BOUNDS) if r.customer_id == "C4"]
    assert row.spend_12m == 0  # as of 23 Nov, before it
    assert type(row.lifetime_value) is int  # summed live (activity after the day): whole pence
    december = as_of_bounds(date(2026, 12, 5), LONDON)
    (row,) = [r for r in candidates(qdb, every_customer(), december) if r.customer_id == "C4"]
    assert row.spend_12m == 700 and type(row.spend_12m) is int


def test_candidates_of_nothing(qdb: Database) -> None:
    assert candidates(qdb, card_query("nope"), BOUNDS) == []


def test_freshness_and_has_customers(qdb: Database, db: Database) -> None:
    assert has_customers(qdb)
    fresh = freshness(qdb)
    assert fresh["exported_at"] == "2026-11-22T18:00:00+00:00"
    assert set(fresh) == {"exported_at", "imported_at"}


def test_empty_database(tmp_path: Path) -> None:
    from app.store.database import open_database

    empty = open_database(tmp_path / "empty.sqlite3")
    try:
        assert not has_customers(empty)
        assert freshness(empty) == {}
        assert customer_facts(empty, "C1", BOUNDS) is None
    finally:
        empty.close()


# --- One customer's facts -----------------------------------------------------------------


def test_customer_facts_today(qdb: Database) -> None:
    facts = customer_facts(qdb, "C1", BOUNDS)
    assert facts is not None
    assert (facts.given_name, facts.family_name) == ("Zoë", "Smith-Jones")
    assert facts.email == "Zoe.Smith@Example.com"
    assert facts.joined_on == date(2021, 3, 14)
    assert facts.household_id == "H1"
    assert facts.referrals == 2
    assert facts.preferences == "quiet coach"
    assert facts.stats.lifetime_value == 15525
    assert facts.stats.gross_value == 16550
    assert facts.stats.purchase_count == 3
    assert facts.stats.first_purchase_at == datetime(2025, 6, 1, 10, tzinfo=UTC)
    assert facts.stats.last_purchase_at == datetime(2026, 7, 1, 8, 30, tzinfo=UTC)
    assert facts.household == ("C1", "C2")
    assert facts.household_lifetime_value == 15525 + 120099
    assert facts.complaints_12m == 1
    # the chart window starts 1 Dec 2024: all four of C1's rows are in it
    assert facts.window == (
        (utc(2025, 6, 1, 10), 10000),
        (utc(2026, 1, 15, 12), 2550),
        (utc(2026, 7, 1, 8, 30), 4000),
        (utc(2026, 7, 5, 9), -1025),
    )
    assert facts.phones == (
        Phone(e164="+447700900123", label="mobile"),
        Phone(e164="+442079460018", label="home"),
    )
    assert facts.cards == (
        Card(
            card_number="633700001111",
            card_type="loyalty",
            status="active",
            issued_on=date(2021, 3, 14),
        ),
        Card(
            card_number="633700002222",
            card_type="loyalty",
            status="lost",
            issued_on=date(2019, 1, 1),
        ),
    )
    assert [p.purchase_id for p in facts.recent_purchases] == ["P4", "P3", "P2", "P1"]
    assert facts.recent_purchases[0].amount == -1025
    assert facts.recent_purchases[0].purchased_at == datetime(2026, 7, 5, 9, tzinfo=UTC)
    assert [i.interaction_id for i in facts.recent_interactions] == ["I2", "I1"]
    assert [(k.concession_id, k.value) for k in facts.recent_concessions] == [("K1", 150)]


def test_customer_facts_as_of_an_earlier_day_excludes_later_rows(qdb: Database) -> None:
    # as of 2 July 2026 (BST): the refund of 5 July and C2's purchase of 20 Nov are later
    bounds = as_of_bounds(date(2026, 7, 2), LONDON)
    facts = customer_facts(qdb, "C1", bounds)
    assert facts is not None
    assert facts.stats.lifetime_value == 10000 + 2550 + 4000
    assert facts.stats.gross_value == 16550
    assert facts.stats.purchase_count == 3
    assert facts.stats.last_purchase_at == datetime(2026, 7, 1, 8, 30, tzinfo=UTC)
    # household: C1's 165.50 plus C2's 1,200.00 (the 0.99 of November not yet spent)
    assert facts.household_lifetime_value == 16550 + 120000
    assert [p.purchase_id for p in facts.recent_purchases] == ["P3", "P2", "P1"]
    assert [w[1] for w in facts.window] == [10000, 2550, 4000]


def test_customer_facts_further_back(qdb: Database) -> None:
    bounds = as_of_bounds(date(2026, 1, 20), LONDON)
    facts = customer_facts(qdb, "C1", bounds)
    assert facts is not None
    assert facts.stats.lifetime_value == 12550
    assert facts.stats.purchase_count == 2
    assert facts.stats.first_purchase_at == datetime(2025, 6, 1, 10, tzinfo=UTC)
    assert facts.stats.last_purchase_at == datetime(2026, 1, 15, 12, tzinfo=UTC)
    assert facts.complaints_12m == 0  # I1 is on 1 February
    assert facts.recent_interactions == ()
    assert facts.recent_concessions == ()

    c2 = customer_facts(qdb, "C2", bounds)
    assert c2 is not None
    assert c2.stats.lifetime_value == 120000
    assert c2.complaints_12m == 0  # I4 (1 Jan 2025) is before 21 Jan 2025
    assert [i.interaction_id for i in c2.recent_interactions] == ["I4"]


def test_complaints_in_the_last_365_days(qdb: Database) -> None:
    # as of 31 Dec 2025 the window starts 1 Jan 2025 00:00: I4 at 10:00 is inside
    c2 = customer_facts(qdb, "C2", as_of_bounds(date(2025, 12, 31), LONDON))
    assert c2 is not None and c2.complaints_12m == 1
    c2 = customer_facts(qdb, "C2", as_of_bounds(date(2026, 1, 1), LONDON))
    assert c2 is not None and c2.complaints_12m == 0
    c2 = customer_facts(qdb, "C2", BOUNDS)
    assert c2 is not None and c2.complaints_12m == 1  # I3; the enquiry does not count


def test_customer_facts_before_any_purchase(qdb: Database) -> None:
    bounds = as_of_bounds(date(2024, 1, 1), LONDON)
    facts = customer_facts(qdb, "C1", bounds)
    assert facts is not None
    assert facts.stats.lifetime_value == 0
    assert facts.stats.purchase_count == 0
    assert facts.stats.first_purchase_at is None
    assert facts.stats.last_purchase_at is None
    assert facts.household_lifetime_value == 0
    assert facts.recent_purchases == ()


def test_customer_facts_boundary_is_local_midnight(qdb: Database) -> None:
    # P3 is at 09:30 BST on 1 July: as of 30 June it is not there, as of 1 July it is
    before = customer_facts(qdb, "C1", as_of_bounds(date(2026, 6, 30), LONDON))
    on_the_day = customer_facts(qdb, "C1", as_of_bounds(date(2026, 7, 1), LONDON))
    assert before is not None and on_the_day is not None
    assert before.stats.lifetime_value == 12550
    assert on_the_day.stats.lifetime_value == 16550


def test_customer_facts_without_household_or_purchases(qdb: Database) -> None:
    c3 = customer_facts(qdb, "C3", BOUNDS)
    assert c3 is not None
    assert c3.household == ("C3",)
    assert c3.household_lifetime_value == 0
    assert c3.status == "closed"
    assert c3.notes == "likes, commas"
    assert c3.stats.purchase_count == 0
    assert c3.window == ()
    c4 = customer_facts(qdb, "C4", BOUNDS)
    assert c4 is not None
    assert c4.household == ("C4",)
    assert c4.household_lifetime_value == 500
    assert c4.window == ()  # 2010 is long before the chart
    assert c4.cards == ()


def test_customer_facts_unknown(qdb: Database) -> None:
    assert customer_facts(qdb, "C9", BOUNDS) is None


def test_profile_from_stored_facts(qdb: Database) -> None:
    facts = customer_facts(qdb, "C1", BOUNDS)
    assert facts is not None
    profile = build_profile(facts, load_policy(), BOUNDS)
    assert profile.lifetime_value == 15525
    assert profile.spend_12m == 5525
    assert profile.visits_12m == 2  # P2 and P3; P1 is older, P4 a refund
    assert profile.average_order == 5517  # 16550 / 3 = 5516.67
    assert profile.last_visit == date(2026, 7, 1)
    assert profile.household == ("C1", "C2")
    assert profile.household_lifetime_value == 135624
    assert profile.standing.tier == "standard"
    assert profile.standing.to_next_tier == 50000 - 5525
    assert profile.tenure_text == "5 yr 8 mo"
    assert [str(s) for s in profile.signals] == ["advocate"]


# --- Recent lists -------------------------------------------------------------------------


@pytest.fixture
def busy(qdb: Database, tmp_path: Path) -> Database:
    """C5 with 12 purchases, 11 interactions and 11 concessions, one a day in January 2026."""
    folder = tmp_path / "busy"
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC5,Eve,2025-12-01\n")
    write_csv(
        folder,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\n"
        + "\n".join(f"Q{d:02d},C5,2026-01-{d:02d}T10:00:00Z,10.00" for d in range(12, 0, -1)),
    )
    write_csv(
        folder,
        "interactions.csv",
        "interaction_id,customer_id,occurred_at,kind\n"
        + "\n".join(f"J{d:02d},C5,2026-01-{d:02d}T11:00:00Z,enquiry" for d in range(1, 12)),
    )
    write_csv(
        folder,
        "concessions.csv",
        "concession_id,customer_id,granted_at,value\n"
        + "\n".join(f"L{d:02d},C5,2026-01-{d:02d}T12:00:00Z,1.00" for d in range(1, 12)),
    )
    import_export(qdb, folder, ImportContext())
    return qdb


def test_recent_lists_are_capped_at_ten_newest_first(busy: Database) -> None:
    facts = customer_facts(busy, "C5", BOUNDS)
    assert facts is not None
    assert [p.purchase_id for p in facts.recent_purchases] == [
        f"Q{d:02d}" for d in range(12, 2, -1)
    ]
    assert [i.interaction_id for i in facts.recent_interactions] == [
        f"J{d:02d}" for d in range(11, 1, -1)
    ]
    assert [k.concession_id for k in facts.recent_concessions] == [
        f"L{d:02d}" for d in range(11, 1, -1)
    ]
    assert facts.stats.lifetime_value == 12000  # all 12 count, not just the 10 shown
    assert facts.stats.purchase_count == 12


def test_recent_lists_as_of_an_earlier_day(busy: Database) -> None:
    facts = customer_facts(busy, "C5", as_of_bounds(date(2026, 1, 5), LONDON))
    assert facts is not None
    assert [p.purchase_id for p in facts.recent_purchases] == ["Q05", "Q04", "Q03", "Q02", "Q01"]
    assert [i.interaction_id for i in facts.recent_interactions] == [
        "J05",
        "J04",
        "J03",
        "J02",
        "J01",
    ]
    assert len(facts.recent_concessions) == 5
    assert facts.stats.lifetime_value == 5000

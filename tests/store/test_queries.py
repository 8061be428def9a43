"""Read queries over the hand-written export: candidates, and one customer's facts as of a day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from app.domain.import_context import ImportContext
from app.domain.models import Card, Phone
from app.domain.standing import build_profile
from app.domain.window import as_of_bounds
from app.services.station import load_policy
from app.store.importer import ImportReport, import_export
from app.store.queries import (
    CandidateRow,
    Hit,
    candidate_rows,
    card_hits,
    customer_exists,
    customer_facts,
    email_hits,
    freshness,
    has_customers,
    name_hits,
    phone_hits,
    phone_suffix_hits,
)
from tests.conftest import write_csv
from tests.store.conftest import utc

LONDON = ZoneInfo("Europe/London")
AS_OF = date(2026, 11, 23)
BOUNDS = as_of_bounds(AS_OF, LONDON)


@pytest.fixture
def qdb(imported: tuple[Database, ImportReport]) -> Database:
    return imported[0]


# --- Candidates ---------------------------------------------------------------------------


def test_card_hits(qdb: Database) -> None:
    assert card_hits(qdb, "633700001111") == [Hit("C1", "633700001111", "active")]
    assert card_hits(qdb, "633700002222") == [Hit("C1", "633700002222", "lost")]
    assert card_hits(qdb, "633700003333") == [Hit("C2", "633700003333", "replaced")]
    assert card_hits(qdb, "63370000111") == []  # exact only, no prefix
    assert card_hits(qdb, "6337 0000 1111") == []  # callers pass the bare number


def test_phone_hits(qdb: Database) -> None:
    assert phone_hits(qdb, "+447700900123", 20) == [Hit("C1", "+447700900123")]
    assert phone_hits(qdb, "+33612345678", 20) == [Hit("C4", "+33612345678")]
    assert phone_hits(qdb, "07700900123", 20) == []  # E.164 only
    assert phone_hits(qdb, "+44770090012", 20) == []


def test_phone_hits_shared_number_and_limit(qdb: Database, tmp_path: Path) -> None:
    write_csv(tmp_path / "shared", "phones.csv", "customer_id,phone\nC2,07700 900123\n")
    import_export(qdb, tmp_path / "shared", ImportContext())
    hits = phone_hits(qdb, "+447700900123", 20)
    assert sorted(h.customer_id for h in hits) == ["C1", "C2"]
    assert len(phone_hits(qdb, "+447700900123", 1)) == 1


def test_phone_suffix_hits(qdb: Database) -> None:
    # last digits "0123", reversed
    assert phone_suffix_hits(qdb, "3210", 20) == [Hit("C1", "+447700900123")]
    # "…123" ends both 07700 900123 (C1) and 07700 911123 (C4)
    hits = phone_suffix_hits(qdb, "321", 20)
    assert sorted((h.customer_id, h.matched) for h in hits) == [
        ("C1", "+447700900123"),
        ("C4", "+447700911123"),
    ]
    assert phone_suffix_hits(qdb, "8100", 20) == [Hit("C1", "+442079460018")]
    assert phone_suffix_hits(qdb, "8765", 20) == [Hit("C4", "+33612345678")]
    assert phone_suffix_hits(qdb, "4444", 20) == []


def test_phone_suffix_is_a_prefix_range_not_a_substring(qdb: Database) -> None:
    # "0090" occurs inside every 07700 900xxx number, but no number ends in "0900"
    assert phone_suffix_hits(qdb, "0090", 20) == []
    # the full national number (10 digits) still matches
    assert phone_suffix_hits(qdb, "3210090077", 20) == [Hit("C1", "+447700900123")]
    assert phone_suffix_hits(qdb, "32100900779", 20) == []


def test_phone_suffix_limit(qdb: Database) -> None:
    # every GB mobile in the export ends "…7700 9xxxxx" -> reversed ends "…9007744"
    assert len(phone_suffix_hits(qdb, "", 20)) == 6
    assert len(phone_suffix_hits(qdb, "", 2)) == 2
    assert len(phone_suffix_hits(qdb, "321", 1)) == 1


def test_name_hits_prefix_and_accents(qdb: Database) -> None:
    assert name_hits(qdb, ["zoe"], 20) == [Hit("C1", "zoe")]
    assert name_hits(qdb, ["zo"], 20) == [Hit("C1", "zoe")]
    assert name_hits(qdb, ["lukasz"], 20) == [Hit("C2", "lukasz")]
    assert name_hits(qdb, ["siobhan"], 20) == [Hit("C3", "siobhan")]
    assert name_hits(qdb, ["obrien"], 20) == [Hit("C3", "obrien")]
    assert name_hits(qdb, ["jones"], 20) == [Hit("C1", "jones")]
    assert name_hits(qdb, ["smith"], 20) == [Hit("C1", "smith")]  # one hit per customer
    assert name_hits(qdb, ["zoey"], 20) == []


def test_name_hits_several_customers(qdb: Database) -> None:
    hits = name_hits(qdb, ["s"], 20)  # siobhan (C3), smith and smithjones (C1)
    assert sorted(h.customer_id for h in hits) == ["C1", "C3"]
    assert len(name_hits(qdb, ["s"], 1)) == 1


def test_name_hits_multi_word(qdb: Database) -> None:
    assert [h.customer_id for h in name_hits(qdb, ["zoe", "smith"], 20)] == ["C1"]
    assert [h.customer_id for h in name_hits(qdb, ["smi", "zo"], 20)] == ["C1"]
    assert [h.customer_id for h in name_hits(qdb, ["nowak", "luk"], 20)] == ["C2"]
    assert [h.customer_id for h in name_hits(qdb, ["o", "siob"], 20)] == ["C3"]
    assert name_hits(qdb, ["zoe", "nowak"], 20) == []
    assert name_hits(qdb, ["smith", "ann"], 20) == []
    # the other words must start a word, not sit inside one
    assert name_hits(qdb, ["zoe", "mith"], 20) == []


def test_email_hits(qdb: Database) -> None:
    # the stored (unfolded) email is what matched
    assert email_hits(qdb, "zoe.smith@example.com", 20) == [Hit("C1", "Zoe.Smith@Example.com")]
    assert email_hits(qdb, "ann@", 20) == [Hit("C4", "ann@example.com")]
    assert email_hits(qdb, "l", 20) == [Hit("C2", "lukasz@example.org")]
    assert email_hits(qdb, "x", 20) == []
    assert email_hits(qdb, "example.com", 20) == []  # a prefix, not a substring
    assert len(email_hits(qdb, "", 2)) == 2


def test_candidate_rows(qdb: Database) -> None:
    found = {r.customer_id: r for r in candidate_rows(qdb, ["C1", "C2", "C3", "C4", "C9"], BOUNDS)}
    assert set(found) == {"C1", "C2", "C3", "C4"}
    # C1: 12 months from 24 Nov 2025: 25.50 + 40.00 - 10.25; an active card beats a lost one
    assert found["C1"] == CandidateRow("C1", "Zoë", "Smith-Jones", "active", 15525, 5525, "active")
    assert found["C2"] == CandidateRow("C2", "Łukasz", "Nowak", "active", 120099, 99, "replaced")
    assert found["C3"] == CandidateRow("C3", "Siobhán", "O'Brien", "closed", 0, 0, "active")
    assert found["C4"] == CandidateRow("C4", "Ann", "Example", "active", 500, 0, None)


def test_candidate_rows_as_of_an_earlier_day(qdb: Database) -> None:
    bounds = as_of_bounds(date(2026, 7, 2), LONDON)
    (row,) = candidate_rows(qdb, ["C1"], bounds)
    # 12 months from 3 July 2025: P1 (1 June 2025) is older; the refund of 5 July is later
    assert row.spend_12m == 2550 + 4000
    (row,) = candidate_rows(qdb, ["C1"], as_of_bounds(date(2026, 5, 31), LONDON))
    assert row.spend_12m == 10000 + 2550  # P1 is inside 365 days of 31 May 2026


def test_candidate_rows_empty(qdb: Database) -> None:
    assert candidate_rows(qdb, [], BOUNDS) == []


def test_exists_freshness_and_has_customers(qdb: Database, db: Database) -> None:
    assert customer_exists(qdb, "C1")
    assert not customer_exists(qdb, "C9")
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

"""`standing sync`: a station's cache becomes the central store's (pull by watermark), its
own records reach the central store once however often they are sent (push by UUID), another
station sees them after its sync, and an unreachable central store loses nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from app.store.central.pull import PULLED
from tests.chain import (
    HERO,
    Cli,
    Station,
    cache_rows,
    central_rows,
    outbox,
)


def test_a_first_sync_makes_the_cache_the_central_store(york: Station) -> None:
    result = york.sync()
    assert result["pulled"]["customers"] == 400 and result["pulled"]["purchases"] > 1000
    assert int(result["watermark"]) > 0
    for table in PULLED:
        assert cache_rows(york.db, table) == central_rows(york.url, table), table
    lookup = york.run("lookup", "07700 900123", "--json")
    assert lookup.code == 0 and lookup.json()[0]["customer_id"] == HERO
    again = york.sync()
    assert again["pulled"] == {} and again["watermark"] >= result["watermark"]


def test_goodwill_at_york_is_known_at_leeds_after_their_syncs(
    york: Station, leeds: Station
) -> None:
    york.sync()
    leeds.sync()
    given = york.give("15.00")
    assert ("concession", given) in outbox(york.db)
    pushed = york.sync()["pushed"]
    assert pushed["concession"] == 1 and pushed["audit"] == 1
    assert outbox(york.db) == []
    assert leeds.sync()["pulled"]["recorded_concessions"] == 1
    profile = leeds.run("profile", HERO, "--json").json()
    recorded = [c for c in profile["recent_concessions"] if c["where"] == "York"]
    assert [(c["concession_id"], c["value"]) for c in recorded] == [(given, "15.00")]


def test_pushing_again_never_doubles_anything(york: Station) -> None:
    york.sync()
    york.give("5.00")
    york.sync()
    before = {t: central_rows(york.url, t) for t in ("recorded_concessions", "audit_log")}
    conn = sqlite3.connect(york.db)
    with conn:  # as if every acknowledgement had been lost: the whole history is sent again
        conn.execute(
            "INSERT INTO outbox (kind, record_id) SELECT 'audit', seq FROM audit_log "
            "UNION ALL SELECT 'concession', concession_id FROM recorded_concessions"
        )
    conn.close()
    result = york.sync()
    assert result["pushed"].get("concession", 0) == 0 and result["pushed"].get("audit", 0) <= 1
    for table, rows in before.items():
        now = central_rows(york.url, table)
        assert now[: len(rows)] == rows or set(rows) <= set(now), table
    ids = [r[0] for r in central_rows(york.url, "recorded_concessions")]
    assert len(ids) == len(set(ids)) == 1


def test_offline_the_station_works_and_its_records_wait(
    york: Station, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    york.sync()
    parts = urlsplit(york.url)
    york.url = urlunsplit(parts._replace(netloc="postgres:x@127.0.0.1:1"))
    given = york.give("2.50")  # recording works offline
    done = york.run("sync")
    assert done.code == 2 and "unreachable" in done.err
    assert "x@" not in done.err and len(done.err.strip().splitlines()) == 1
    assert ("concession", given) in outbox(york.db)
    york.url = urlunsplit(parts)
    assert york.sync()["pushed"]["concession"] == 1
    assert [r[0] for r in central_rows(york.url, "recorded_concessions")] == [given]


def test_two_stations_with_one_name_are_refused(york: Station, tmp_path: Path) -> None:
    york.sync()
    york.give("1.00")
    york.sync()
    twin = Station(york.cli, "York", tmp_path / "twin.sqlite3", york.url, york.monkeypatch)
    added = twin.run("staff", "add", "clerk9", "--name", "Nine", "--role", "clerk", stdin="9999\n")
    assert added.code == 0  # the first audit record of a second "York"
    done = twin.run("sync")
    assert done.code == 2 and "each station needs its own STANDING_STATION" in done.err


def test_the_guards_count_goodwill_given_at_other_stations(york: Station, leeds: Station) -> None:
    york.sync()
    leeds.sync()
    ask = ("suggest", HERO, "--category", "delay", "--amount", "4.00", "--json")
    before = leeds.run(*ask).json()
    for _ in range(3):
        york.give("1.00")
    york.sync()
    unsynced = leeds.run(*ask).json()
    assert unsynced == before  # as of Leeds's last sync
    leeds.sync()
    after = leeds.run(*ask).json()
    first = after[0] if isinstance(after, list) else after["suggestions"][0]
    reasons = " ".join(r["text"] for r in first["reasons"])
    assert "last goodwill £1.00" in reasons, reasons
    assert first["needs_approval"] and "in the last 90 days" in first["approval_reason"], first


def test_an_account_locked_at_one_station_is_locked_at_all(york: Station, leeds: Station) -> None:
    york.sync()
    leeds.sync()
    for _ in range(5):
        wrong = york.run(
            "concession", "record", HERO, "--category", "delay", "--amount", "1",
            "--action", "voucher", "--value", "1", "--staff", "clerk1", stdin="9999\n",
        )  # fmt: skip
        assert wrong.code == 2
    assert "locked" in wrong.err
    assert york.sync()["pushed"]["locks"] == 1
    leeds.sync()
    refused = leeds.run(
        "concession", "record", HERO, "--category", "delay", "--amount", "1",
        "--action", "voucher", "--value", "1", "--staff", "clerk1", stdin="1111\n",
    )  # fmt: skip
    assert refused.code == 2 and "locked" in refused.err, refused.err


def test_a_lock_noted_far_ahead_lasts_at_most_the_longest_lock(york: Station) -> None:
    """A station cannot lock an account for a year: the chain caps a noted lock at an hour."""
    with psycopg.connect(york.url, autocommit=True) as conn:
        conn.execute("SELECT standing_note_lock('clerk1', '2099-01-01T00:00:00+00:00')")
        row = conn.execute("SELECT locked_until, now() FROM staff WHERE staff_id = 'clerk1'")
        until, now = row.fetchone() or ("", None)
    assert now is not None
    assert timedelta(minutes=59) < datetime.fromisoformat(until) - now <= timedelta(hours=1)


def test_a_cache_that_drifted_is_found_by_its_counts_and_pulled_whole(york: Station) -> None:
    york.sync()
    conn = sqlite3.connect(york.db)
    with conn:  # a row lost, one left over: the watermark alone would never notice
        conn.execute(
            "DELETE FROM purchases WHERE purchase_id = (SELECT min(purchase_id) FROM purchases)"
        )
        conn.execute("INSERT INTO cards (card_number, customer_id) VALUES ('999', 'C000001')")
        conn.execute("DELETE FROM meta WHERE key = 'central_counted_at'")  # the hourly count is due
    conn.close()
    result = york.sync()
    assert sorted(result["resynced"]) == ["cards", "purchases"]
    for table in PULLED:
        assert cache_rows(york.db, table) == central_rows(york.url, table), table


def test_a_station_of_a_chain_does_not_import_on_its_own(york: Station, demo_export: Path) -> None:
    done = york.run("import", demo_export)
    assert done.code == 2 and "standing central import" in done.err


def test_a_row_deleted_and_made_again_centrally_is_kept(york: Station) -> None:
    york.sync()
    card = central_rows(york.url, "cards")[0]
    with psycopg.connect(york.url, autocommit=True) as conn:  # the owner, in two transactions
        conn.execute("DELETE FROM cards WHERE card_number = %s", [card[0]])
        conn.execute(
            "INSERT INTO cards (card_number, customer_id, card_type, status, issued_on) "
            "VALUES (%s, %s, %s, %s, %s)",
            list(card),
        )
    result = york.sync()
    assert result["pulled"]["tombstones"] == 1 and result["pulled"]["cards"] == 1
    assert cache_rows(york.db, "cards") == central_rows(york.url, "cards")


def test_a_renamed_customer_is_found_by_the_new_name_only(york: Station) -> None:
    """A name changed centrally moves the station's name words with it; a customer deleted
    centrally leaves none behind."""
    york.sync()
    with psycopg.connect(york.url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT given_name, family_name FROM customers WHERE customer_id = %s", [HERO]
        ).fetchone()
        assert row is not None
        conn.execute(
            "UPDATE customers SET given_name = 'Zebedee', search_words = %s WHERE customer_id = %s",
            [f"zebedee {row[1].lower()}", HERO],
        )
    york.sync()
    words = sqlite3.connect(york.db).execute(
        "SELECT word FROM name_words WHERE customer_id = ? ORDER BY word", [HERO]
    )
    assert [w for (w,) in words] == sorted(["zebedee", row[1].lower()])
    found = york.run("lookup", "Zebedee", "--json").json()
    assert [m["customer_id"] for m in found] == [HERO]
    before = york.run("lookup", row[0], "--json").json()  # the old given name
    assert HERO not in [m["customer_id"] for m in before]

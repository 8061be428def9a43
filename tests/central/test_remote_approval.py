"""A request made at one station is decided at another, once chain-wide."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import psycopg

from tests.chain import Cli, Station, ask, decide, status_of


def test_a_request_from_york_is_approved_at_leeds(york: Station, leeds: Station) -> None:
    york.sync()
    leeds.sync()
    asked = ask(york)
    york.sync()
    leeds.sync()
    pending = leeds.run("concession", "pending", "--json").json()
    assert [p["concession_id"] for p in pending] == [asked]
    done = decide(leeds, asked)
    assert done.code == 0, done.err
    assert status_of(leeds, asked) == ("approved", "super1")
    york.sync()
    assert status_of(york, asked) == ("approved", "super1")
    assert york.run("concession", "pending", "--json").json() == []


def test_two_supervisors_deciding_one_request_one_wins_the_other_is_told(
    york: Station, leeds: Station
) -> None:
    york.sync()
    asked = ask(york)
    york.sync()
    leeds.sync()
    assert decide(leeds, asked, "--deny", "--reason", "not eligible").code == 0
    second = decide(york, asked)  # online: the chain is asked first
    assert second.code == 2
    assert "decided at another station first: denied by super1" in second.err
    assert status_of(york, asked) == ("denied", "super1")  # the chain's decision, kept here


def test_offline_a_decision_waits_and_a_clash_is_reported(york: Station, leeds: Station) -> None:
    york.sync()
    asked = ask(york)
    york.sync()
    leeds.sync()
    assert decide(leeds, asked).code == 0
    online = york.url
    parts = urlsplit(online)
    york.url = urlunsplit(parts._replace(netloc="postgres:x@127.0.0.1:1"))
    assert decide(york, asked, "--deny", "--reason", "late").code == 0  # offline: decided here
    york.url = online
    result = york.sync()
    assert result["conflicts"] and "the chain's decision stands" in result["conflicts"][0]
    assert status_of(york, asked) == ("approved", "super1")  # the first decision, here too
    assert york.sync()["conflicts"] == []  # told once


def test_the_chain_refuses_a_decision_against_its_rules(york: Station) -> None:
    """Whatever a station runs, the central store decides only by the chain's rules."""
    york.sync()
    asked = ask(york)
    york.sync()

    def central_decision(status: str, by: str, reason: str = "") -> str:
        with psycopg.connect(york.url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT standing_decide(%s, %s, %s, 0, %s)", [asked, status, by, reason]
            ).fetchone()
        assert row is not None
        return str(row[0])

    assert central_decision("approved", "ghost") == (
        "refused: the chain has no staff account 'ghost'"
    )
    assert central_decision("approved", "clerk1") == "refused: nobody approves their own request"
    assert central_decision("denied", "super1", "  ") == "refused: a denial needs a reason"
    assert central_decision("cancelled", "super1") == "refused: 'cancelled' is not a decision"
    with psycopg.connect(york.url) as conn:
        held = conn.execute("SELECT status, decided_by FROM recorded_concessions").fetchall()
    assert held == [("pending", None)]  # none of those changed anything
    assert central_decision("denied", "super1", "not eligible") == "decided"


def test_the_chain_holds_role_limits_and_locks_whatever_a_station_runs(york: Station) -> None:
    """Over the supervisor's role limit (as `central init` published it), or from a locked
    account, a decision is refused centrally."""
    york.sync()
    asked = ask(york, "300.00")  # the shipped policy: a supervisor approves up to £250
    york.sync()
    with psycopg.connect(york.url, autocommit=True) as conn:

        def decided(by: str) -> str:
            row = conn.execute(
                "SELECT standing_decide(%s, 'approved', %s, 0, '')", [asked, by]
            ).fetchone()
            return str(row[0]) if row else ""

        assert decided("super1") == "refused: over super1's limit"
        conn.execute("SELECT standing_note_lock('super1', %s)", [
            (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
        ])  # fmt: skip
        assert decided("super1") == "refused: super1's account is locked after wrong PINs"


def test_a_supervisor_the_chain_does_not_know_is_refused_at_once(york: Station, cli: Cli) -> None:
    york.sync()
    asked = ask(york)
    york.sync()
    added = cli(
        "staff",
        "add",
        "super9",
        "--name",
        "Sam Nine",
        "--role",
        "supervisor",
        "--db",
        york.db,
        stdin="9999\n",
    )  # fmt: skip  (an account made at this counter only, not centrally)
    assert added.code == 0, added.err
    done = york.run("concession", "approve", asked, "--staff", "super9", stdin="9999\n")
    assert done.code == 2
    assert "the chain refused this decision: the chain has no staff account 'super9'" in done.err
    assert status_of(york, asked) == ("pending", None)

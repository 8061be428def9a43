"""A request made at one station is decided at another, once chain-wide."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from tests.chain import Station, ask, decide, status_of


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

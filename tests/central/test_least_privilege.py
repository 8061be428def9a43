"""A station connects with a login of its own, in the station role: it reads what a counter
shows and adds its own records, and can change or delete nothing of the chain's."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.chain import Cli, Station, ask, decide, status_of


@pytest.fixture
def station_url(cli: Cli, chain: str) -> str:
    done = cli("central", "station", "add", "York", "--url", chain, "--json")
    assert done.code == 0, done.err
    url: str = done.json()["url"]
    assert url.startswith("postgresql://station_york:")
    return url


def test_a_station_login_syncs_and_decides_but_changes_nothing_else(
    cli: Cli, chain: str, station_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    york = Station(cli, "York", tmp_path / "york.sqlite3", station_url, monkeypatch)
    leeds = Station(cli, "Leeds", tmp_path / "leeds.sqlite3", chain, monkeypatch)
    assert york.sync()["pulled"]["customers"] == 400
    asked = ask(york)
    assert york.sync()["pushed"]["concession"] == 1
    leeds.sync()
    assert decide(leeds, asked).code == 0
    leeds.sync()
    york.sync()
    assert status_of(york, asked) == ("approved", "super1")
    with psycopg.connect(station_url, autocommit=True) as conn:
        for statement in (
            "UPDATE recorded_concessions SET value = 0",
            "DELETE FROM recorded_concessions",
            "DELETE FROM audit_log",
            "UPDATE staff SET role = 'manager'",
            "INSERT INTO staff (staff_id, name, role, pin_hash, failed_attempts, created_at) "
            "VALUES ('x', 'X', 'manager', 'h', 0, 'now')",
            "UPDATE customers SET notes = 'x'",
            "TRUNCATE purchases",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # row-level security
            conn.execute(
                "INSERT INTO audit_log (seq, at, actor, station, action, detail, prev_hash, "
                "hash) VALUES (999, 'now', 'x', 'Leeds', 'forged', '', 'x', 'x')"
            )
    refused = cli("central", "init", "--url", station_url)
    assert refused.code == 2 and "Traceback" not in refused.err


def test_a_temporary_table_does_not_make_a_station_another(station_url: str) -> None:
    with psycopg.connect(station_url, autocommit=True) as conn:
        conn.execute("CREATE TEMP TABLE stations (station text, role_name text)")
        conn.execute("INSERT INTO stations VALUES ('Leeds', session_user)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO audit_log (seq, at, actor, station, action, detail, prev_hash, "
                "hash) VALUES (999, 'now', 'x', 'Leeds', 'forged', '', 'x', 'x')"
            )
        conn.execute(  # its own record, with a transaction id chosen to hide it from pulls
            "INSERT INTO feedback (feedback_id, customer_id, recorded_at, kind, words, "
            "staff_id, station, xid, change) "
            "VALUES ('f1', 'C000001', 1, 'complaint', 'x', 'clerk1', 'York', '0', 0)"
        )
        xid, change = conn.execute("SELECT xid::text, change FROM feedback").fetchone()
    assert int(xid) > 0 and change > 0  # set by the store, not by the station


def test_records_made_under_another_name_before_joining_are_not_pushed(
    cli: Cli, chain: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "york.sqlite3"
    island = Station(cli, "Counter 1", db, chain, monkeypatch)
    island.sync()
    monkeypatch.setenv("STANDING_STATION", "Counter 1")
    assert cli("lookup", "Smith", "--db", db).code == 0  # an audit record as "Counter 1"
    york = Station(cli, "York", db, chain, monkeypatch)
    result = york.sync()  # joining as York: the old name's records stay here
    assert result["pushed"].get("audit", 0) == 0

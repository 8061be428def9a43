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

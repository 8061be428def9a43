"""The chain's test fixtures and helpers: a real PostgreSQL, one throwaway cluster per test
session started from the binaries pip installed (or the server at STANDING_TEST_PG_URL), a
fresh database per test, and stations driven through the command line. Never a mock.
(conftest files import the fixtures from here: tests/central and tests/ui use them.)"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from app.store.central.schema import mirrors
from app.store.central.server import start_local_server
from tests.conftest import CliRun


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    given = os.environ.get("STANDING_TEST_PG_URL")
    if given:
        yield given
        return
    top = Path(tempfile.mkdtemp(prefix="standing-test-pg-"))
    top.chmod(0o711)  # PostgreSQL runs as another user when the tests run as root
    server = start_local_server(top / "cluster", throwaway=True)
    try:
        yield server.url()
    finally:
        server.stop()
        shutil.rmtree(top, ignore_errors=True)


def with_database(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


@pytest.fixture
def central_url(pg_admin_url: str) -> Iterator[str]:
    """The owner's URL of a new, empty database."""
    name = f"standing_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_admin_url, name)
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


Cli = Callable[..., CliRun]
HERO = "C000001"


def central_rows(url: str, table: str) -> list[tuple[Any, ...]]:
    names = ", ".join(mirrors()[table].names)
    with psycopg.connect(url) as conn:
        return sorted(conn.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)


def cache_rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    names = ", ".join(mirrors()[table].names)
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
    finally:
        conn.close()


def outbox(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT kind, record_id FROM outbox ORDER BY seq").fetchall()
    finally:
        conn.close()


STAFF = (("clerk1", "clerk", "1111"), ("super1", "supervisor", "3333"))


@pytest.fixture
def chain(cli: Cli, central_url: str, demo_export: Path, tmp_path: Path) -> str:
    """A central store with the demo export and two members of staff, added centrally from a
    back office."""
    assert cli("central", "init", "--url", central_url).code == 0
    assert cli("central", "import", demo_export, "--url", central_url).code == 0
    office = tmp_path / "office.sqlite3"
    for staff_id, role, pin in STAFF:
        done = cli(
            "staff", "add", staff_id, "--name", staff_id.title(), "--role", role,
            "--central", central_url, "--db", office, stdin=f"{pin}\n",
        )  # fmt: skip
        assert done.code == 0, done.err
    return central_url


class Station:
    def __init__(self, cli: Cli, name: str, db: Path, url: str, monkeypatch: Any) -> None:
        self.cli, self.name, self.db, self.url, self.monkeypatch = cli, name, db, url, monkeypatch

    def run(self, *args: str | Path, stdin: str = "") -> CliRun:
        self.monkeypatch.setenv("STANDING_STATION", self.name)
        return self.cli(*args, "--db", self.db, "--central", self.url, stdin=stdin)

    def sync(self) -> dict[str, Any]:
        done = self.run("sync", "--json")
        assert done.code == 0, done.err
        result: dict[str, Any] = done.json()
        return result

    def give(self, value: str, staff: str = "clerk1", pin: str = "1111") -> str:
        done = self.run(
            "concession", "record", HERO, "--category", "delay", "--amount", value,
            "--action", "voucher", "--value", value, "--staff", staff, "--json", stdin=f"{pin}\n",
        )  # fmt: skip
        assert done.code == 0, done.err
        concession_id: str = done.json()["concession_id"]
        return concession_id


@pytest.fixture
def york(cli: Cli, chain: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Station:
    station = Station(cli, "York", tmp_path / "york.sqlite3", chain, monkeypatch)
    return station


@pytest.fixture
def leeds(cli: Cli, chain: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Station:
    return Station(cli, "Leeds", tmp_path / "leeds.sqlite3", chain, monkeypatch)


def ask(station: Station, value: str = "120.00") -> str:
    """A waiver over the clerk's limit: a request that waits for a supervisor."""
    done = station.run(
        "concession", "record", HERO, "--category", "lost_ticket", "--amount", value,
        "--action", "waive", "--value", value, "--staff", "clerk1", "--json", stdin="1111\n",
    )  # fmt: skip
    assert done.code == 0 and done.json()["status"] == "pending", done.err
    concession_id: str = done.json()["concession_id"]
    return concession_id


def decide(station: Station, concession_id: str, *extra: str) -> CliRun:
    return station.run(
        "concession", "approve", concession_id, "--staff", "super1", *extra, stdin="3333\n"
    )


def status_of(station: Station, concession_id: str) -> tuple[str, str | None]:
    conn = sqlite3.connect(station.db)
    try:
        row = conn.execute(
            "SELECT status, decided_by FROM recorded_concessions WHERE concession_id = ?",
            [concession_id],
        ).fetchone()
        return (str(row[0]), row[1])
    finally:
        conn.close()

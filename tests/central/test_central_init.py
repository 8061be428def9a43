"""`standing central init`: the schema made once, migrated idempotently, a newer one refused,
and every way of not reaching the store said in one line (exit 2), never with a password."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import psycopg

from app.store.central import schema
from tests.conftest import CliRun

Cli = Callable[..., CliRun]


def refusal(done: CliRun) -> str:
    assert done.code == 2, done
    lines = done.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.err, done.err
    return lines[0]


def test_init_makes_the_schema_once(cli: Cli, central_url: str) -> None:
    first = cli("central", "init", "--url", central_url, "--json").json()
    assert first["applied"] == [name for name, _ in schema.MIGRATIONS]
    password = urlsplit(central_url).password
    assert password and password not in str(first)
    again = cli("central", "init", "--url", central_url, "--json").json()
    assert again["applied"] == []
    with psycopg.connect(central_url) as conn:
        assert schema.schema_version(conn) == schema.VERSION
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables")}
    assert set(schema.MIRRORS) <= tables


def test_a_newer_schema_is_refused_and_left_alone(cli: Cli, central_url: str) -> None:
    assert cli("central", "init", "--url", central_url).code == 0
    with psycopg.connect(central_url) as conn:
        conn.execute(
            "INSERT INTO standing_schema (version, name) VALUES (%s, 'from the future')",
            [schema.VERSION + 1],
        )
    line = refusal(cli("central", "init", "--url", central_url))
    assert f"version {schema.VERSION + 1}, newer than this program knows" in line


def test_unreachable_wrong_password_and_typos_are_one_line(cli: Cli, central_url: str) -> None:
    parts = urlsplit(central_url)
    wrong = urlunsplit(parts._replace(netloc=f"postgres:not-it@{parts.hostname}:{parts.port}"))
    line = refusal(cli("central", "init", "--url", wrong))
    assert "refused the password for 'postgres'" in line and "not-it" not in line
    closed = urlunsplit(parts._replace(netloc="postgres:not-it@127.0.0.1:1"))
    assert "unreachable" in refusal(cli("central", "init", "--url", closed))
    typo = urlunsplit(parts._replace(netloc="postgres:x@no-such-host.invalid:5432"))
    assert "is not known (a typo in the URL?)" in refusal(cli("central", "init", "--url", typo))
    assert "must begin postgresql://" in refusal(cli("central", "init", "--url", "http://x"))
    missing = urlunsplit(parts._replace(path="/no_such_database"))
    assert "no such database" in refusal(cli("central", "init", "--url", missing))

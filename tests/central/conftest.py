"""A real PostgreSQL for the chain's tests: one throwaway cluster per test session, started
from the binaries pip installed (or the server at STANDING_TEST_PG_URL), and a fresh
database per test. Never a mock."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from app.store.central.server import start_local_server


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

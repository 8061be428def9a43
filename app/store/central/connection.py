"""Connecting to the central store: one clear line for every way it can fail, and never a
password in a message, a log or the audit record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from app.store.central import CentralError

CONNECT_TIMEOUT_S = 5
_PASSWORD_IN_TEXT = re.compile(r"(password\s*=\s*)\S+", re.IGNORECASE)


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection:
    """A connection to the central store at `url` (a postgresql:// URL; TLS settings such as
    `sslmode=` pass through)."""
    if not url.strip():
        raise CentralError("no central store given: set STANDING_CENTRAL_URL or --central URL")
    if not url.startswith(("postgresql://", "postgres://")):
        raise CentralError(f"the central URL must begin postgresql:// (got {shown_url(url)!r})")
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="standing",
        )
    except psycopg.Error as exc:
        raise CentralError(describe(exc, url)) from None


@contextmanager
def talking_to(url: str) -> Iterator[psycopg.Connection]:
    """A connection (autocommit) whose every failure, also mid-way, is one clear CentralError."""
    try:
        with connect(url, autocommit=True) as conn:
            yield conn
    except psycopg.Error as exc:
        raise CentralError(describe(exc, url)) from None


@contextmanager
def server_cursor(conn: psycopg.Connection, name: str) -> Iterator[psycopg.ServerCursor[Any]]:
    """A named (server-side) cursor that is closed however its use ends: when the central
    store went away mid-read, the broken connection is closed with it."""
    cursor = conn.cursor(name=name)
    try:
        yield cursor
    finally:
        try:
            cursor.close()
        except psycopg.Error:
            conn.close()  # nothing is left to close on a lost connection
            cursor.close()


def describe(exc: BaseException, url: str) -> str:
    """What went wrong, in words a station's staff or their IT can act on."""
    text = str(exc)
    where = _where(url)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        role = urlsplit(url).username or "?"
        return f"the central store at {where} refused the password for {role!r}"
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return f"the central store's host in {where} is not known (a typo in the URL?)"
    if "connection refused" in lowered:
        return f"the central store at {where} is unreachable (connection refused)"
    if "timeout" in lowered or "timed out" in lowered:
        return f"the central store at {where} did not answer within {CONNECT_TIMEOUT_S} s"
    if "permission denied" in lowered:
        role = urlsplit(url).username or "?"
        return f"the central store at {where} does not allow this to {role!r} ({_first_line(text)})"
    if "does not exist" in lowered and "database" in lowered:
        return f"there is no such database at {where}"
    if "invalid" in lowered and ("dsn" in lowered or "uri" in lowered or "option" in lowered):
        return f"the central URL {shown_url(url)} cannot be read ({_first_line(text)})"
    return f"the central store at {where}: {_first_line(text)}"


def shown_url(url: str) -> str:
    """The URL as it may be shown or logged: without its password."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" if parts.username else f"***@{host}"
        if parts.port:
            netloc += f":{parts.port}"
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return "(an unreadable URL)"


def _where(url: str) -> str:
    try:
        parts = urlsplit(url)
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if parts.port else ""
        return f"{host}{port}{parts.path or ''}"
    except ValueError:
        return "(an unreadable URL)"


def _first_line(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), text)
    return _PASSWORD_IN_TEXT.sub(r"\1***", line)

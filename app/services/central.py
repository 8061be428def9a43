"""The chain's central store, as the command line and the window use it: making it ready,
importing an upstream export into it once for every station, and a throwaway one to try."""

from __future__ import annotations

from app.store.central import CentralError, schema
from app.store.central.connection import connect, shown_url

__all__ = ["CentralError", "init_central", "shown_url"]


def init_central(url: str) -> list[str]:
    """Create or migrate the central schema (the owner's URL); the migrations applied."""
    with connect(url, autocommit=True) as conn:
        return schema.migrate(conn)


def schema_version(url: str) -> int:
    with connect(url, autocommit=True) as conn:
        return schema.schema_version(conn)

"""The chain's central store, as the command line and the window use it: making it ready,
and importing an upstream export into it once for every station."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.services.importing import ImportReport, Progress
from app.services.station import import_context
from app.settings import Settings
from app.store.central import CentralError, schema
from app.store.central.connection import connect, shown_url
from app.store.central.importer import import_central

__all__ = ["CentralError", "import_into_central", "init_central", "shown_url"]


def init_central(url: str) -> list[str]:
    """Create or migrate the central schema (the owner's URL); the migrations applied."""
    with connect(url, autocommit=True) as conn:
        return schema.migrate(conn)


def import_into_central(
    url: str,
    folder: Path,
    settings: Settings,
    *,
    rejects: Path | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """An upstream export into the central store: all of it or nothing; rejected rows go to
    `rejects` (by default a dated file in the data folder)."""
    if rejects is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        rejects = settings.db_path.absolute().parent / "rejects" / f"central-{stamp}.csv"
    with connect(url, autocommit=True) as conn:
        return import_central(
            conn, folder, import_context(settings), rejects=rejects, progress=progress
        )

"""The chain's central store, as the command line and the window use it: making it ready,
and importing an upstream export into it once for every station."""

from __future__ import annotations

import csv
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import quote, urlsplit, urlunsplit

from app.demo import write_demo_export
from app.domain.cells import safe_row
from app.domain.policy import ROLES, Policy
from app.domain.staff import Staff
from app.services.audit import EXPORT_COLUMNS, os_actor
from app.services.importing import DEMO_STAFF, ImportReport, Progress
from app.services.station import Station, import_context, load_policy, open_station
from app.settings import Settings
from app.store.central import CentralError, schema
from app.store.central import staff as central_staff
from app.store.central.audit import StationVerdict, entries, verify_all
from app.store.central.connection import shown_url, talking_to
from app.store.central.importer import import_central
from app.store.central.server import ServerError, running_server, start_local_server

__all__ = [
    "CentralDemo",
    "CentralError",
    "StationVerdict",
    "add_staff_centrally",
    "add_station",
    "central_staff_list",
    "export_central_audit",
    "import_into_central",
    "init_central",
    "shown_url",
    "start_central_demo",
    "stop_central_demo",
    "verify_central_audit",
]


def init_central(url: str, policy: Policy | None = None) -> list[str]:
    """Create or migrate the central schema (the owner's URL); the migrations applied. The
    policy's role limits (the shipped policy's by default) become the chain's."""
    limits = (policy or load_policy()).goodwill.roles
    with talking_to(url) as conn:
        applied = schema.migrate(conn)
        schema.publish_limits(conn, {role: limits.limit(role) for role in ROLES})
        return applied


def import_into_central(
    url: str,
    folder: Path,
    settings: Settings,
    *,
    rejects: Path | None = None,
    progress: Progress | None = None,
    demo: bool = False,
) -> ImportReport:
    """An upstream export into the central store: all of it or nothing; rejected rows go to
    `rejects` (by default a dated file in the data folder)."""
    if rejects is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        rejects = settings.db_path.absolute().parent / "rejects" / f"central-{stamp}.csv"
    with talking_to(url) as conn:
        return import_central(
            conn, folder, import_context(settings), rejects=rejects, progress=progress, demo=demo
        )


def verify_central_audit(url: str) -> list[StationVerdict]:
    """Every station's audit chain as the central store holds it."""
    with talking_to(url) as conn, conn.transaction():
        schema.check_version(conn)
        return verify_all(conn)


def export_central_audit(url: str, out: TextIO) -> int:
    """Every station's audit records as CSV (cells neutralised for spreadsheets)."""
    with talking_to(url) as conn, conn.transaction():
        schema.check_version(conn)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(EXPORT_COLUMNS)
        count = 0
        for entry in entries(conn):
            writer.writerow(safe_row(getattr(entry, c) or "" for c in EXPORT_COLUMNS))
            count += 1
        return count


def add_staff_centrally(
    url: str,
    station: Station,
    staff_id: str,
    *,
    name: str,
    role: str,
    pin: str,
    limit: int | None,
    actor: str,
) -> Staff:
    """A member of staff for the whole chain: checked and recorded as on a station, and added
    to the central store, where every station's next sync finds it."""
    with talking_to(url) as conn:
        schema.check_version(conn)
        return station.staff.add(
            staff_id,
            name=name,
            role=role,
            pin=pin,
            limit=limit,
            actor=actor,
            publish=lambda staff, pin_hash, at: central_staff.insert_staff(
                conn, staff, pin_hash, at
            ),
        )


def central_staff_list(url: str) -> list[Staff]:
    with talking_to(url) as conn:
        schema.check_version(conn)
        return central_staff.all_staff(conn)


def add_station(url: str, station: str) -> str:
    """A login for one station, in the station role (read what a counter shows, add its own
    records); returns the URL the station is to use (with its new password: shown once)."""
    if not station.strip():
        raise CentralError("give the station's name (as its STANDING_STATION)")
    password = secrets.token_urlsafe(18)
    with talking_to(url) as conn:
        schema.check_version(conn)
        with conn.transaction():
            role = schema.add_station(conn, station.strip(), password)
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{quote(role)}:{quote(password)}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


DEMO_STATIONS = ("York", "Leeds")


@dataclass(frozen=True)
class CentralDemo:
    owner_url: str
    stations: dict[str, str]  # name: the URL that station syncs with


def start_central_demo(folder: Path, *, customers: int, seed: int, as_of: date) -> CentralDemo:
    """A throwaway chain to try: a local PostgreSQL in `folder` (from pip's binaries), the demo
    export imported, the demo staff, and two stations' logins. Run again, it starts the same
    cluster at the same address, with new station passwords; `stop_central_demo` stops it."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o711)  # PostgreSQL runs as another user when Standing runs as root
    try:
        server = start_local_server(folder / "cluster", throwaway=True)
    except ServerError as exc:
        raise CentralError(str(exc)) from None
    with talking_to(server.url()) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = 'standing'").fetchone():
            admin.execute("CREATE DATABASE standing")
    owner = server.url("standing")
    init_central(owner)
    if not central_staff_list(owner):
        export = folder / "export"
        write_demo_export(export, customers=customers, seed=seed, as_of=as_of)
        settings = Settings(db_path=folder / "office.sqlite3")
        import_into_central(owner, export, settings, rejects=folder / "rejects.csv", demo=True)
        office = open_station(settings)
        try:
            for staff_id, name, role, pin in DEMO_STAFF:
                add_staff_centrally(
                    owner, office, staff_id, name=name, role=role, pin=pin, limit=None,
                    actor=os_actor(),
                )  # fmt: skip
        finally:
            office.close()
    return CentralDemo(owner, {name: add_station(owner, name) for name in DEMO_STATIONS})


def stop_central_demo(folder: Path) -> bool:
    """Stop the demo's PostgreSQL; False when it was not running."""
    server = running_server(folder / "cluster")
    if server is None:
        return False
    server.stop()
    return True

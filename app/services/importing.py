"""Import use cases: an upstream export folder, or a generated demo export."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from app.domain.contract import CONTRACT
from app.services.audit import os_actor
from app.services.station import Station
from app.store.export_files import ExportError, count_rows
from app.store.importer import (
    ImportCancelledError,
    ImportReport,
    ImportStep,
    Progress,
    Stage,
    import_export,
)
from app.store.protection import backup, prune_backups

__all__ = [
    "ExportError",
    "ImportCancelledError",
    "ImportReport",
    "ImportStep",
    "Progress",
    "Stage",
    "default_rejects_path",
    "export_size",
    "import_folder",
    "make_demo",
]


def export_size(folder: Path) -> int:
    """About how many rows an export folder holds (for a progress bar)."""
    return count_rows(folder, CONTRACT)


def default_rejects_path(station: Station) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return station.settings.db_path.absolute().parent / "rejects" / f"rejects-{stamp}.csv"


def import_folder(
    station: Station,
    folder: Path,
    progress: Progress | None = None,
    rejects: Path | None = None,
) -> ImportReport:
    """Import an upstream export, after a backup of the cache as it was; rejected rows go to
    `rejects` (by default a dated file beside the cache). Real data replaces demo data."""
    if station.settings.central:
        raise ExportError(
            "this station is part of a chain: an export is imported once, into the central "
            "store (`standing central import`), and stations get it by `standing sync`"
        )
    path = station.settings.db_path
    saved = None
    if station.has_data() and str(path) != ":memory:":
        saved = backup(station.db, path)
    try:
        report = import_export(
            station.db,
            folder,
            station.import_context,
            progress=progress,
            demo=False,
            rejects=rejects or default_rejects_path(station),
        )
    except BaseException:
        if saved is not None:
            saved.unlink(missing_ok=True)  # the cache is as it was: older backups stay
        raise
    if saved is not None:
        prune_backups(path)
    report.backup = saved
    return report


def make_demo(
    station: Station,
    *,
    customers: int,
    seed: int,
    as_of: date,
    out_dir: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Path | None, ImportReport]:
    """Write a demo export (to `out_dir`, or a temporary folder) and import it as demo data."""

    # Imported here: building its name and place tables costs every start ~0.1 s otherwise.
    from app.demo import write_demo_export

    def write_and_import(folder: Path) -> ImportReport:
        if progress:
            progress(ImportStep(Stage.WRITING))
        write_demo_export(folder, customers=customers, seed=seed, as_of=as_of)
        return import_export(
            station.db, folder, station.import_context, progress=progress, demo=True
        )

    made: tuple[Path | None, ImportReport]
    if out_dir is not None:
        made = out_dir, write_and_import(out_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="standing-demo-") as tmp:
            made = None, write_and_import(Path(tmp))
    add_demo_staff(station)
    return made


# Demo accounts (listed in the README); real stations create their own.
DEMO_STAFF = (
    ("clerk1", "Alex Clerk", "clerk", "1111"),
    ("clerk2", "Bea Counter", "clerk", "2222"),
    ("super1", "Sam Supervisor", "supervisor", "3333"),
    ("manager1", "Morgan Manager", "manager", "4444"),
)


def add_demo_staff(station: Station) -> None:
    """The demo staff, unless the database already has staff of its own."""
    if station.staff.has_staff():
        return
    for staff_id, name, role, pin in DEMO_STAFF:
        station.staff.add(staff_id, name=name, role=role, pin=pin, actor=os_actor())

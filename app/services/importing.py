"""Import use cases: an upstream export folder, or a generated demo export."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from app.services.demo_export import write_demo_export
from app.services.station import Station
from app.store.importer import ImportReport, Progress, import_export


def import_folder(station: Station, folder: Path, progress: Progress | None = None) -> ImportReport:
    """Import an upstream export; real data replaces any demo data in the cache."""
    return import_export(station.db, folder, station.import_context, progress=progress, demo=False)


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

    def write_and_import(folder: Path) -> ImportReport:
        write_demo_export(folder, customers=customers, seed=seed, as_of=as_of)
        return import_export(
            station.db, folder, station.import_context, progress=progress, demo=True
        )

    if out_dir is not None:
        return out_dir, write_and_import(out_dir)
    with tempfile.TemporaryDirectory(prefix="standing-demo-") as tmp:
        return None, write_and_import(Path(tmp))

"""Import use cases: an upstream export folder, or a generated demo export."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from app.services.demo_export import write_demo_export
from app.services.station import Station
from app.store.importer import ImportReport, Progress, import_export


def import_folder(station: Station, folder: Path, progress: Progress | None = None) -> ImportReport:
    return import_export(station.db, folder, station.import_context, progress=progress)


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
    if out_dir is not None:
        write_demo_export(out_dir, customers=customers, seed=seed, as_of=as_of)
        report = import_export(
            station.db, out_dir, station.import_context, progress=progress, demo=True
        )
        return out_dir, report
    with tempfile.TemporaryDirectory(prefix="standing-demo-") as tmp:
        write_demo_export(Path(tmp), customers=customers, seed=seed, as_of=as_of)
        report = import_export(
            station.db, Path(tmp), station.import_context, progress=progress, demo=True
        )
    return None, report

"""A child process that runs one import, so its peak RSS is the import's own.

    python -m tests.bench.import_probe {app|baseline} DB FOLDER

Prints "ready" once the database is open (the clock has not started), then one JSON line:
seconds (the import alone), rows, peak_rss_mb (the whole process, interpreter included).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from tests.bench import baselines


def peak_rss_mb() -> float:
    """This process's own peak: on Linux VmHWM, of the memory the program was given at exec
    (ru_maxrss would carry the parent's peak over when the child was made by vfork)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        import psutil  # type: ignore[import-untyped]

        return float(psutil.Process().memory_info().peak_wset) / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


def against(mine: dict[str, Any], base: dict[str, Any], baseline: str) -> dict[str, Any]:
    """A timed run beside its baseline's, as the results JSON gives them."""
    return {
        "seconds": round(mine["seconds"], 2),
        "rows": mine["rows"],
        "rows_per_s": round(mine["rows"] / mine["seconds"]),
        "peak_rss_mb": round(mine["peak_rss_mb"], 1),
        "baseline_seconds": round(base["seconds"], 2),
        "ratio": round(mine["seconds"] / base["seconds"], 2),
        "baseline": baseline,
        "baseline_rows": base["rows"],
        "baseline_peak_rss_mb": round(base["peak_rss_mb"], 1),
    }


def run_app(db: Path, folder: Path) -> tuple[float, int]:
    from app.services.importing import import_folder
    from app.services.station import open_station
    from app.settings import Settings

    station = open_station(Settings(db_path=db))
    print("ready", flush=True)
    started = time.perf_counter()
    report = import_folder(station, folder)
    seconds = time.perf_counter() - started
    station.close()
    return seconds, report.rows


def run_baseline(db: Path, folder: Path) -> tuple[float, int]:
    baselines.create_schema(db)
    print("ready", flush=True)
    started = time.perf_counter()
    rows = baselines.import_rows(db, folder)
    return time.perf_counter() - started, rows


def main(argv: list[str]) -> int:
    mode, db, folder = argv[0], Path(argv[1]), Path(argv[2])
    seconds, rows = (run_app if mode == "app" else run_baseline)(db, folder)
    result = {"seconds": seconds, "rows": rows, "peak_rss_mb": peak_rss_mb()}
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A child process for the chain's figures, so that each one's peak RSS is its own.

    python -m tests.bench.chain_probe import URL FOLDER
    python -m tests.bench.chain_probe raw-import URL TABLES DAY
    python -m tests.bench.chain_probe sync DB URL STATION
    python -m tests.bench.chain_probe raw-sync DB URL
    python -m tests.bench.chain_probe station DB URL STATION SECONDS PACE

Prints "ready" once set up (the clock has not started), then one JSON line: seconds (the
work alone), peak_rss_mb (the whole process) and what the work reports.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
from pydantic import SecretStr

from tests.bench.import_probe import peak_rss_mb

CLERK, CLERK_PIN = "benchclerk", "2468"
PAGE = 10_000


def ready() -> float:
    print("ready", flush=True)
    return time.perf_counter()


def central_import(url: str, folder: Path) -> dict[str, Any]:
    """`standing central import` as the command runs it."""
    from app.services.central import import_into_central
    from app.settings import Settings

    settings = Settings(db_path=folder.parent / "central-import-rejects.sqlite3")
    started = ready()
    report = import_into_central(url, folder, settings, rejects=Path("/dev/null"))
    return {"seconds": time.perf_counter() - started, "rows": report.rows}


def raw_import(url: str, tables: Path, day: str) -> dict[str, Any]:
    """The baseline: the same rows, already as the store keeps them, `COPY`d straight into
    the same (empty) schema and indexes, then the same summary SQL over every customer."""
    from app.domain.window import as_of_bounds
    from app.settings import Settings
    from app.store.central.summaries import refresh_summaries

    zone = Settings().zone
    files = sorted(tables.glob("*.csv"))
    with psycopg.connect(url) as conn:
        started = ready()
        rows = 0
        for path in files:
            header = path.open(encoding="utf-8").readline().strip()
            statement = f"COPY {path.stem} ({header}) FROM STDIN WITH (FORMAT csv, HEADER true)"
            with conn.cursor() as cur, cur.copy(statement) as copy, path.open("rb") as src:
                while block := src.read(1 << 20):
                    copy.write(block)
                rows += max(cur.rowcount, 0)
        ids = [r[0] for r in conn.execute("SELECT customer_id FROM customers")]
        refresh_summaries(conn, ids, as_of_bounds(date.fromisoformat(day), zone))
        conn.commit()
    return {"seconds": time.perf_counter() - started, "rows": rows}


def station_sync(db: Path, url: str, station: str) -> dict[str, Any]:
    """`standing sync` as the command runs it, on the station's cache."""
    from app.services.sync import sync_station
    from app.settings import Settings

    settings = Settings(db_path=db, station=station, central_url=SecretStr(url))
    started = ready()
    report = sync_station(settings)
    return {
        "seconds": time.perf_counter() - started,
        "rows": sum(report.pulled.values()),
        "pulled": report.pulled,
        "pushed": report.pushed,
    }


def raw_sync(db: Path, url: str) -> dict[str, Any]:
    """The baseline: each table the sync pulls read with `COPY … TO STDOUT` and written
    with SQLite `executemany`, in one transaction, into the cache's (empty) schema."""
    from app.store.central.pull import PULLED
    from app.store.central.schema import mirrors
    from app.store.database import open_database

    cache = open_database(db)
    cache.close()  # made with its schema and indexes, as a new station's cache is
    import sqlite3

    target = sqlite3.connect(db, isolation_level=None)
    started = ready()
    rows = 0
    with psycopg.connect(url) as conn:
        target.execute("BEGIN")
        for table in PULLED:
            names = mirrors()[table].names
            insert = (
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            )
            with (
                conn.cursor() as cur,
                cur.copy(f"COPY {table} ({', '.join(names)}) TO STDOUT") as copy,
            ):
                batch: list[tuple[Any, ...]] = []
                for row in copy.rows():
                    batch.append(row)
                    if len(batch) == PAGE:
                        target.executemany(insert, batch)
                        rows += len(batch)
                        batch.clear()
                target.executemany(insert, batch)
                rows += len(batch)
        target.execute("COMMIT")
    target.close()
    return {"seconds": time.perf_counter() - started, "rows": rows}


def station_loop(db: Path, url: str, station: str, seconds: float, pace: float) -> dict[str, Any]:
    """A counter for `seconds`: record a concession, sync, wait `pace`, again. A record is
    acknowledged once a sync that carried it has completed."""
    from app.services.station import open_station
    from app.services.sync import CentralError, sync_station
    from app.settings import Settings

    settings = Settings(db_path=db, station=station, central_url=SecretStr(url))
    counter = open_station(settings)
    clerk = counter.staff.check(CLERK, CLERK_PIN, purpose="sign_in")
    customers = [r[0] for r in counter.db.execute("SELECT customer_id FROM customers")]
    category = counter.goodwill.categories()[0][0]
    rng = random.Random(station)
    acknowledged: list[str] = []
    waiting: list[str] = []
    latencies_ms: list[float] = []
    syncs_ms: list[float] = []
    failures = 0
    started = ready()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        outcome = counter.concessions.record(
            clerk, rng.choice(customers), category=category, action="voucher",
            value=rng.randint(1, 5) * 100, amount=500,
        )  # fmt: skip
        waiting.append(outcome.concession_id)
        recorded = time.perf_counter()
        try:
            report = sync_station(settings)
        except CentralError:
            failures += 1
        else:
            # acknowledged once its push commits centrally (the pull comes after that)
            done = time.perf_counter()
            latencies_ms.append((done - recorded - report.pull_seconds) * 1000)
            syncs_ms.append((done - recorded) * 1000)
            acknowledged += waiting
            waiting.clear()
        time.sleep(max(0.0, min(pace, deadline - time.perf_counter())))
    try:  # the last records go with a final sync, as at the end of a shift
        sync_station(settings)
        acknowledged += waiting
        waiting.clear()
    except CentralError:
        failures += 1
    counter.close()
    return {
        "seconds": time.perf_counter() - started,
        "acknowledged": acknowledged,
        "unacknowledged": waiting,
        "latencies_ms": latencies_ms,
        "syncs_ms": syncs_ms,
        "failures": failures,
    }


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "import":
        result = central_import(rest[0], Path(rest[1]))
    elif command == "raw-import":
        result = raw_import(rest[0], Path(rest[1]), rest[2])
    elif command == "sync":
        result = station_sync(Path(rest[0]), rest[1], rest[2])
    elif command == "raw-sync":
        result = raw_sync(Path(rest[0]), rest[1])
    elif command == "station":
        result = station_loop(Path(rest[0]), rest[1], rest[2], float(rest[3]), float(rest[4]))
    else:
        print(f"unknown command {command!r}", file=sys.stderr)
        return 2
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

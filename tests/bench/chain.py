"""The chain's figures (issue 18): central import, a station's first and daily syncs, many
stations at once, and how the costs grow. One local PostgreSQL (pip-installed binaries,
loopback only) serves them all; every figure stands beside a baseline from the same run.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from app.services.central import add_staff_centrally, init_central, verify_central_audit
from app.services.station import open_station
from app.settings import Settings
from app.store.central.pull import PULLED
from app.store.central.schema import CONTRACT_MIRRORS, mirrors
from app.store.central.server import LocalServer, start_local_server
from app.store.central.summaries import refresh_summaries
from app.store.database import open_database, set_meta
from tests.bench import data
from tests.bench.chain_probe import CLERK, CLERK_PIN
from tests.bench.data import Export, Size, say
from tests.bench.import_probe import against
from tests.bench.latency import spread_ms

PROBE = (sys.executable, "-m", "tests.bench.chain_probe")
DAY_TOUCHED_SHARE = 11_000 / 1_000_000  # one day's change: ≈ 11k of a million customers
DAY_RUNS = 20
FIRST = "Bench-First"  # the station whose first and daily syncs are measured
STATION_CUSTOMERS = 1_000  # each simulated counter's cache: its own slice (disk: 50 copies)


@dataclass(frozen=True)
class Plan:
    stations: int
    seconds: float
    pace: float  # seconds between a counter's records
    growth: tuple[int, ...]  # customers per growth point
    lookup_queries: int


FULL_PLAN = Plan(stations=50, seconds=60, pace=2.0, growth=(100_000, 300_000), lookup_queries=2_000)
SMALL_PLAN = Plan(stations=6, seconds=12, pace=1.0, growth=(5_000, 10_000), lookup_queries=500)

TARGETS: dict[str, tuple[str, Callable[[dict[str, Any]], bool]]] = {
    "central_import": (
        "≤ 1.5× baseline, peak RSS ≤ 400 MB",
        lambda f: f["ratio"] <= 1.5 and f["peak_rss_mb"] <= 400,
    ),
    "station_first_sync": (
        "≤ 2× baseline, peak RSS ≤ 400 MB, lookups meet their targets",
        lambda f: f["ratio"] <= 2 and f["peak_rss_mb"] <= 400 and f["lookups_meet_targets"],
    ),
    "station_day_sync": (
        "p99 ≤ 2 s; lookups during it p99 ≤ 10 ms",
        lambda f: f["p99_s"] <= 2 and f["lookup_p99_ms"] <= 10,
    ),
    "chain_stations": (
        "0 lost, 0 duplicated, every audit chain verifies",
        lambda f: f["lost"] == 0 and f["duplicated"] == 0 and f["audit_intact"],
    ),
}


def child(*args: str | Path, during: Callable[[], None] | None = None) -> dict[str, Any]:
    """Run a chain_probe command to the end; `during` runs once it says ready."""
    proc = subprocess.Popen(
        [*PROBE, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    if first == "ready" and during is not None:
        during()
    out, err = proc.communicate()
    if first != "ready" or proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{err[-2000:]}")
    result: dict[str, Any] = json.loads(out.splitlines()[-1])
    return result


def fresh_database(server: LocalServer, name: str) -> str:
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = server.url(name)
    init_central(url)
    return url


def export_day(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'exported_at'").fetchone()
    assert row is not None
    zone = Settings().zone
    return datetime.fromisoformat(row[0]).astimezone(zone).date().isoformat()


def dump_tables(url: str, folder: Path) -> None:
    """The contract tables as the central store keeps them, one CSV each (the raw baseline's
    input: the same rows, already parsed, checked and normalised)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with psycopg.connect(url) as conn:
        for table in CONTRACT_MIRRORS:
            names = ", ".join(mirrors()[table].names)
            statement = (
                f"COPY (SELECT {names} FROM {table}) TO STDOUT WITH (FORMAT csv, HEADER true)"
            )
            target = folder / f"{table}.csv"
            with target.open("wb") as out, conn.cursor() as cur, cur.copy(statement) as copy:
                for block in copy:
                    out.write(block)


def central_import(server: LocalServer, export: Export, work: Path) -> tuple[dict[str, Any], str]:
    say(f"central import of {export.rows:,} rows through the app (standing central import)")
    url = fresh_database(server, "bench_chain")
    data.warm_page_cache(export.folder)
    mine = child("import", url, export.folder)
    day = export_day(url)
    say("dumping the stored rows, and COPYing them into an empty store (baseline)")
    tables = work / "raw-tables"
    dump_tables(url, tables)
    base_url = fresh_database(server, "bench_raw")
    base = child("raw-import", base_url, tables, day)
    drop(server, "bench_raw")
    shutil.rmtree(tables, ignore_errors=True)
    baseline = (
        "the same rows as stored (dumped from the app's import), COPY FROM STDIN into an "
        "empty store with the same schema and indexes, then the same summary SQL over every "
        "customer, one transaction"
    )
    return against(mine, base, baseline), url


def drop(server: LocalServer, name: str) -> None:
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def add_clerk(url: str, work: Path) -> None:
    office = open_station(Settings(db_path=work / "office.sqlite3"))
    try:
        add_staff_centrally(
            url, office, CLERK, name="Bench Clerk", role="clerk", pin=CLERK_PIN, limit=None,
            actor="bench",
        )  # fmt: skip
    finally:
        office.close()


def first_sync(
    url: str, work: Path, measure_lookups: Callable[[Path], dict[str, Any]]
) -> tuple[dict[str, Any], Path]:
    db = work / "station-first.sqlite3"
    say("first sync of a new station through the app (standing sync)")
    mine = child("sync", db, url, FIRST)
    say("the same tables read with COPY TO STDOUT and written with executemany (baseline)")
    base_db = work / "raw-sync.sqlite3"
    base = child("raw-sync", base_db, url)
    base_db.unlink(missing_ok=True)
    say("lookups on the synced cache")
    lookups = measure_lookups(db)
    baseline = (
        "each pulled table read with COPY … TO STDOUT and written with SQLite executemany "
        "(10,000 rows a batch) into an empty cache, one transaction"
    )
    return {
        **against(mine, base, baseline),
        "lookups": lookups,
        "lookups_meet_targets": all(f.get("meets_target", False) for f in lookups.values()),
    }, db


def make_day(url: str, run: int, touched: int) -> None:
    """One day's change centrally, as an import makes it: `touched` customers with a new
    note and two new purchases each, and their summaries recomputed."""
    with psycopg.connect(url) as conn:
        total = conn.execute("SELECT count(*) FROM customers").fetchone()
        assert total is not None
        start = (run * touched) % max(1, int(total[0]) - touched)
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT customer_id FROM customers ORDER BY customer_id OFFSET %s LIMIT %s",
                [start, touched],
            )
        ]
        conn.execute(
            "UPDATE customers SET notes = %s WHERE customer_id = ANY(%s)", [f"day {run}", ids]
        )
        names = mirrors()["purchases"].names
        sample = conn.execute(
            f"SELECT {', '.join(names)} FROM purchases WHERE customer_id = ANY(%s) LIMIT 1",
            [ids],
        ).fetchone()
        assert sample is not None
        at = dict(zip(names, sample, strict=True))
        with conn.cursor() as cur:
            copy_sql = f"COPY purchases ({', '.join(names)}) FROM STDIN"
            with cur.copy(copy_sql) as copy:
                for customer_id in ids:
                    for n in (1, 2):
                        row = {
                            **at,
                            "purchase_id": f"DAY{run}-{n}-{customer_id}",
                            "customer_id": customer_id,
                        }
                        copy.write_row([row[c] for c in names])
        from app.domain.window import as_of_bounds

        day = datetime.fromisoformat(export_day_in(conn)).date()
        refresh_summaries(conn, ids, as_of_bounds(day, Settings().zone))
        conn.commit()


def export_day_in(conn: psycopg.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'exported_at'").fetchone()
    assert row is not None
    return str(row[0])


def day_syncs(url: str, db: Path, customers: int) -> dict[str, Any]:
    from tests.bench import baselines

    touched = max(10, round(customers * DAY_TOUCHED_SHARE))
    say(f"{DAY_RUNS} incremental syncs of a day's change ({touched:,} customers each)")
    conn = baselines.connect(db)
    cards = [r[0] for r in conn.execute("SELECT card_number FROM cards LIMIT 5000")]
    station = open_station(Settings(db_path=db, station=FIRST), create=False)
    seconds: list[float] = []
    lookup_ns: list[int] = []
    pulled: list[int] = []
    rng = random.Random(7)
    for run in range(DAY_RUNS):
        make_day(url, run, touched)
        proc = subprocess.Popen(
            [*PROBE, "sync", str(db), url, FIRST],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the day's sync failed:\n{proc.communicate()[1][-2000:]}")
        while proc.poll() is None:
            card = rng.choice(cards)
            t0 = time.perf_counter_ns()
            station.lookup.search(card, as_of=data.AS_OF)
            lookup_ns.append(time.perf_counter_ns() - t0)
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"the day's sync failed:\n{err[-2000:]}")
        result = json.loads(out.splitlines()[-1])
        seconds.append(result["seconds"])
        pulled.append(result["rows"])
    station.close()
    conn.close()
    ordered = sorted(seconds)
    lookups = spread_ms(lookup_ns) if lookup_ns else {"p99_ms": 0.0, "p50_ms": 0.0}
    return {
        "runs": DAY_RUNS,
        "customers_touched": touched,
        "rows_pulled_median": int(statistics.median(pulled)),
        "p50_s": round(statistics.median(ordered), 3),
        "p99_s": round(percentile(ordered, 99), 3),
        "max_s": round(ordered[-1], 3),
        "lookups_during": len(lookup_ns),
        "lookup_p50_ms": lookups["p50_ms"],
        "lookup_p99_ms": lookups["p99_ms"],
        "note": "the day's change is made centrally as an import makes it: each touched "
        "customer gets a new note and two purchases, and their summaries are recomputed; "
        "card lookups run on the station's cache in this process while each sync runs in "
        "another",
    }


def percentile(ordered: list[float], p: float) -> float:
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def seed_cache(source: Path, target: Path, customers: int) -> None:
    """A counter's cache: a synced cache's first `customers` customers and everything the
    pull keeps whole, at the same watermark (so the next pull brings only what changed)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    open_database(target).close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS src", [f"file:{source}?mode=ro"])
    conn.execute("BEGIN")
    conn.execute(
        "CREATE TEMP TABLE chosen AS SELECT customer_id FROM src.customers "
        "ORDER BY customer_id LIMIT ?",
        [customers],
    )
    for table in (*PULLED, "name_words"):
        columns = [r[1] for r in conn.execute(f"PRAGMA src.table_info({table})")]
        where = (
            " WHERE customer_id IN (SELECT customer_id FROM chosen)"
            if "customer_id" in columns
            else ""
        )
        conn.execute(f"INSERT OR IGNORE INTO main.{table} SELECT * FROM src.{table}{where}")
    conn.execute("DELETE FROM main.meta WHERE key LIKE 'central%'")
    conn.execute(
        "INSERT OR REPLACE INTO main.meta SELECT * FROM src.meta WHERE key LIKE 'central%' "
        "OR key IN ('exported_at', 'imported_at', 'demo')"
    )
    conn.execute("COMMIT")
    conn.close()
    db = open_database(target)
    set_meta(db, "central_counted_at", datetime.now(UTC).isoformat())  # no recount in the run
    db.close()


def chain_stations(
    server: LocalServer, url: str, synced: Path, slice_folder: Path, plan: Plan, work: Path
) -> dict[str, Any]:
    folder = work / "stations"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    say(f"{plan.stations} stations recording and syncing for {plan.seconds:.0f} s")
    seed = folder / "seed.sqlite3"
    seed_cache(synced, seed, STATION_CUSTOMERS)
    dbs = []
    for n in range(plan.stations):
        db = folder / f"station-{n:02d}.sqlite3"
        shutil.copyfile(seed, db)
        dbs.append(db)
    name = url.rpartition("/")[2]
    with psycopg.connect(url, autocommit=True) as conn:
        before = stat_commits(conn, name)
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [*PROBE, "station", str(db), url, f"Bench-{n:02d}", str(plan.seconds), str(plan.pace)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, db in enumerate(dbs)
    ]
    imports = 0
    deadline = started + plan.seconds + 5
    while time.perf_counter() < deadline:  # a central import runs throughout
        subprocess.run(
            [*PROBE, "import", url, str(slice_folder)], capture_output=True, check=True,
            timeout=max(30.0, plan.seconds * 10),
        )  # fmt: skip
        imports += 1
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=plan.seconds * 5 + 120)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        if proc.returncode != 0 or not out.strip():
            raise RuntimeError(f"a station failed:\n{err[-2000:]}")
        results.append(json.loads(out.splitlines()[-1]))
    elapsed = time.perf_counter() - started
    with psycopg.connect(url, autocommit=True) as conn:
        after = stat_commits(conn, name)
        held = Counter(
            r[0]
            for r in conn.execute(
                "SELECT concession_id FROM recorded_concessions WHERE station LIKE 'Bench-%%'"
            )
        )
    acknowledged = [cid for r in results for cid in r["acknowledged"]]
    lost = sum(1 for cid in acknowledged if held[cid] == 0)
    duplicated = sum(1 for count in held.values() if count > 1) + (
        len(acknowledged) - len(set(acknowledged))
    )
    verdicts = verify_central_audit(url)
    stations = {v.station for v in verdicts if v.station.startswith("Bench-")}
    latencies = [ms for r in results for ms in r["latencies_ms"]]
    push = spread_ms([int(ms * 1e6) for ms in latencies]) if latencies else {}
    whole = [ms for r in results for ms in r["syncs_ms"]]
    syncs = spread_ms([int(ms * 1e6) for ms in whole]) if whole else {}
    return {
        "stations": plan.stations,
        "seconds": plan.seconds,
        "pace_s": plan.pace,
        "acknowledged": len(acknowledged),
        "unacknowledged": sum(len(r["unacknowledged"]) for r in results),
        "lost": lost,
        "duplicated": duplicated,
        "audit_intact": all(v.intact for v in verdicts) and len(stations) == plan.stations,
        "audit_records_checked": sum(v.checked for v in verdicts),
        "push_p50_ms": push.get("p50_ms"),
        "push_p99_ms": push.get("p99_ms"),
        "sync_p50_ms": syncs.get("p50_ms"),  # the whole sync: the push, then the pull
        "sync_p99_ms": syncs.get("p99_ms"),
        "central_tps": round((after - before) / elapsed, 1),
        "central_imports_during": imports,
        "sync_failures": sum(r["failures"] for r in results),
        "note": f"separate processes on loopback; each counter's cache is the first "
        f"{STATION_CUSTOMERS:,} customers of a synced cache at its watermark (50 full caches "
        "would not fit this disk); a counter records a concession, syncs, waits pace_s; "
        "push latency is from the record's commit to the commit of the push that carried it "
        "(sync_*: to the end of that sync, its pull included); "
        "central_tps is committed transactions a second (pg_stat_database) over the run; "
        "central imports of the during-import slice ran back to back throughout",
    }


def stat_commits(conn: psycopg.Connection, name: str) -> int:
    conn.execute("SELECT pg_stat_clear_snapshot()")
    row = conn.execute(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", [name]
    ).fetchone()
    return int(row[0]) if row else 0


def growth(
    server: LocalServer, size: Size, plan: Plan, largest: dict[str, Any], work: Path
) -> list[dict[str, Any]]:
    rows = []
    for customers in plan.growth:
        point = Size(customers, round(customers * size.per_customer), size.seed)
        export = data.ensure_export(point)
        say(f"growth: central import and first sync at {customers:,} customers")
        url = fresh_database(server, f"bench_growth_{customers}")
        imported = child("import", url, export.folder)
        db = work / f"growth-{customers}.sqlite3"
        synced = child("sync", db, url, "Bench-Growth")
        drop(server, f"bench_growth_{customers}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        rows.append(growth_row(customers, export.rows, imported, synced))
    rows.append(growth_row(size.customers, largest["rows"], largest["import"], largest["sync"]))
    return rows


def growth_row(
    customers: int, rows: int, imported: dict[str, Any], synced: dict[str, Any]
) -> dict[str, Any]:
    return {
        "customers": customers,
        "rows": rows,
        "central_import_s": round(imported["seconds"], 2),
        "central_import_rss_mb": round(imported["peak_rss_mb"], 1),
        "first_sync_s": round(synced["seconds"], 2),
        "first_sync_rss_mb": round(synced["peak_rss_mb"], 1),
    }


def measure(
    export: Export,
    size: Size,
    small: bool,
    work: Path,
    measure_lookups: Callable[[Path], dict[str, Any]],
    step: Callable[[dict[str, Any], str, Callable[[], dict[str, Any]]], None],
) -> dict[str, Any]:
    """Every chain figure, each beside its baseline; a failing one is recorded, not fatal."""
    plan = SMALL_PLAN if small else FULL_PLAN
    chain_work = work / "chain"
    shutil.rmtree(chain_work, ignore_errors=True)
    chain_work.mkdir(parents=True)
    # PostgreSQL runs as another user when the benchmark runs as root: its folder must be
    # one every user can pass through, which a checkout in a private folder is not
    cluster = Path(tempfile.mkdtemp(prefix="standing-bench-pg-"))
    cluster.chmod(0o711)
    server = start_local_server(cluster / "postgresql")
    results: dict[str, Any] = {}
    try:
        state: dict[str, Any] = {}

        def do_import() -> dict[str, Any]:
            figures, state["url"] = central_import(server, export, chain_work)
            add_clerk(state["url"], chain_work)
            return figures

        step(results, "central_import", do_import)
        if "url" not in state:
            return results
        url = state["url"]

        def do_first() -> dict[str, Any]:
            figures, state["synced"] = first_sync(url, chain_work, measure_lookups)
            return figures

        step(results, "station_first_sync", do_first)
        if "synced" not in state:
            return results
        step(results, "station_day_sync", lambda: day_syncs(url, state["synced"], size.customers))
        part = data.ensure_slice(export, min(50_000, max(1_000, size.customers // 10)))
        step(
            results,
            "chain_stations",
            lambda: chain_stations(server, url, state["synced"], part.folder, plan, chain_work),
        )
        largest = {
            "rows": export.rows,
            "import": results["central_import"],
            "sync": results["station_first_sync"],
        }
        step(
            results,
            "chain_growth",
            lambda: {"rows": growth(server, size, plan, largest, chain_work)},
        )
    finally:
        server.stop()
        shutil.rmtree(chain_work, ignore_errors=True)
        shutil.rmtree(cluster, ignore_errors=True)
    for name, figures in results.items():
        target = TARGETS.get(name)
        if target is not None and "error" not in figures:
            figures["target"], test = target
            figures["meets_target"] = bool(test(figures))
    return results

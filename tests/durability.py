"""Durability under SIGKILL: a worker process records concessions in a loop, saying each
one's id only once `record` has returned, and is killed at a random moment; every id it
said must then be in the database exactly once, the database must pass `PRAGMA
quick_check`, and the audit chain must be whole, with one record per concession.

    python -m tests.durability --runs 200 [--db DIR] [--seed N]

The suite runs it 20 times (tests/test_durability.py). `--worker DB` is the worker itself.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from app.services.importing import add_demo_staff, import_folder
from app.services.station import open_station
from app.settings import Settings
from app.store import audit
from tests.hand_export import write_hand_export

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "durability.sqlite3"
CUSTOMERS = ("C1", "C2", "C4")  # from the hand export
CLERK, PIN = "clerk1", "1111"
WORKER_SECONDS = 60.0  # a worker nobody kills stops by itself
FIRST_ACK_TIMEOUT = 60.0


def prepare(db: Path) -> None:
    """A small station to record on: the hand export and the demo staff."""
    station = open_station(Settings(db_path=db))
    try:
        with tempfile.TemporaryDirectory(prefix="standing-durability-") as tmp:
            import_folder(station, write_hand_export(Path(tmp) / "export"))
        add_demo_staff(station)
    finally:
        station.close()


def worker(db: Path) -> int:
    """Record concessions until killed; print each id (flushed) once it is recorded."""
    station = open_station(Settings(db_path=db), create=False)
    clerk = station.staff.sign_in(CLERK, PIN)  # once: Argon2 is slow on purpose
    deadline = time.monotonic() + WORKER_SECONDS
    n = 0
    while time.monotonic() < deadline:
        outcome = station.concessions.record(
            clerk,
            CUSTOMERS[n % len(CUSTOMERS)],
            category="delay",
            action="voucher",
            value=1_00 + (n % 7) * 50,
            amount=0,
            words=f"durability {n}",
        )
        sys.stdout.write(outcome.concession_id + "\n")
        sys.stdout.flush()
        n += 1
    station.close()
    return 0


@dataclass
class Report:
    seed: int
    runs: int = 0
    killed_while_recording: int = 0  # runs killed after the worker's first acknowledgement
    acknowledged: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _Listener:
    """Reads the worker's acknowledgements as they come; only whole lines count."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.ids: list[str] = []
        self.first = threading.Event()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith(b"\n"):
                self.ids.append(line.decode("ascii").strip())
                self.first.set()
        self.first.set()  # the worker is gone: nobody waits any longer

    def join(self) -> list[str]:
        self.thread.join()
        return self.ids


def kill_once(db: Path, rng: random.Random, while_recording: bool) -> tuple[list[str], str]:
    """Start a worker, SIGKILL it after a random delay; its acknowledged ids and stderr.

    While recording, the delay runs from its first acknowledgement (sometimes a few
    milliseconds, mid-transaction); otherwise from its start (opening, signing in)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.durability", "--worker", str(db)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    listener = _Listener(process)
    problem = ""
    if while_recording:
        if not listener.first.wait(FIRST_ACK_TIMEOUT) or not listener.ids:
            problem = "the worker never acknowledged a concession"
        delay = rng.uniform(0, 0.005) if rng.random() < 0.25 else rng.uniform(0, 0.3)
    else:
        delay = rng.uniform(0, 0.6)
    try:
        process.wait(timeout=delay)  # the random moment; a worker ending first is a fault
        problem = problem or f"the worker ended by itself (exit {process.returncode})"
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL
        process.wait()
    ids = listener.join()
    assert process.stdout is not None and process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace").strip()
    process.stdout.close()
    process.stderr.close()
    if problem:
        raise RuntimeError(f"{problem}: {errors or 'no error output'}")
    return ids, errors


def check(db: Path, acknowledged: set[str]) -> tuple[int, list[str]]:
    """The database after a kill: (rows, problems)."""
    problems = []
    conn = sqlite3.connect(db)
    try:
        quick = conn.execute("PRAGMA quick_check").fetchall()
        if quick != [("ok",)]:
            problems.append(f"quick_check: {quick[:5]}")
        ids = conn.execute("SELECT concession_id FROM recorded_concessions")
        found = Counter(r[0] for r in ids)
        missing = sorted(i for i in acknowledged if found[i] == 0)
        twice = sorted(i for i, n in found.items() if n > 1)
        if missing:
            problems.append(f"{len(missing)} acknowledged concessions missing, e.g. {missing[0]}")
        if twice:
            problems.append(f"{len(twice)} concessions recorded more than once, e.g. {twice[0]}")
        audited = conn.execute(
            "SELECT count(*) FROM audit_log "
            "WHERE action IN ('concession_recorded', 'concession_pending')"
        ).fetchone()[0]
        if audited != sum(found.values()):
            problems.append(f"{sum(found.values())} concessions but {audited} audit records")
        verdict = audit.verify(Database(conn))
        if not verdict.intact:
            problems.append(f"audit log: {verdict.problem}")
    finally:
        conn.close()
    return sum(found.values()), problems


def run(db: Path, runs: int, seed: int | None = None, *, say: bool = False) -> Report:
    """Kill a worker `runs` times on the same database, checking it after each kill."""
    seed = random.randrange(2**32) if seed is None else seed
    rng = random.Random(seed)
    report = Report(seed=seed)
    acknowledged: set[str] = set()
    rows_before, _ = check(db, acknowledged)
    for n in range(runs):
        while_recording = n % 4 != 3  # one run in four is killed before it records
        ids, errors = kill_once(db, rng, while_recording)
        acknowledged.update(ids)
        rows, problems = check(db, acknowledged)
        unsaid = rows - rows_before - len(ids)
        if unsaid not in (0, 1):  # at most the one committed as the kill came
            problems.append(f"{unsaid} concessions recorded but not acknowledged")
        rows_before = rows
        report.runs += 1
        report.killed_while_recording += bool(ids) and while_recording
        report.acknowledged += len(ids)
        report.rows = rows
        if problems and errors:
            problems.append(f"worker said: {errors.splitlines()[-1]}")
        report.problems += [f"run {n + 1}: {p}" for p in problems]
        if say:
            print(
                f"run {n + 1:>3}: {len(ids):>3} acknowledged, {rows:>5} in the database"
                + (f" · {'; '.join(problems)}" if problems else ""),
                flush=True,
            )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.durability", description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="how many kills (default 200)")
    parser.add_argument("--db", type=Path, metavar="DIR", help="where the database is kept")
    parser.add_argument("--seed", type=int, help="for the random moments")
    parser.add_argument("--worker", type=Path, metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        return worker(args.worker)
    with tempfile.TemporaryDirectory(prefix="standing-durability-") as tmp:
        folder = args.db or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / DB_NAME
        if not db.exists():
            prepare(db)
        started = time.perf_counter()
        report = run(db, args.runs, args.seed, say=True)
    print(
        f"{report.runs} kills (seed {report.seed}) in {time.perf_counter() - started:.0f} s: "
        f"{report.acknowledged} concessions acknowledged, {report.rows} in the database, "
        + ("all present once, quick_check ok" if report.ok else f"{len(report.problems)} faults")
    )
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

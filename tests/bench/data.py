"""The benchmark's data: a demo export cached on disk by size and seed, and query samples."""

from __future__ import annotations

import csv
import json
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import phonenumbers

from app.demo import COLUMNS, write_demo_export
from app.demo.generator import customer_id
from app.domain.identifiers import fold, reversed_digits

CACHE = Path(__file__).resolve().parent / ".cache"
AS_OF = date(2026, 11, 1)  # fixed, so a cached export stays valid; lookups are judged as of it


@dataclass(frozen=True, slots=True)
class Size:
    customers: int
    purchases: int
    seed: int

    @property
    def per_customer(self) -> float:
        return self.purchases / self.customers

    @property
    def key(self) -> str:
        return f"c{self.customers}-p{self.purchases}-s{self.seed}-{AS_OF.isoformat()}"


@dataclass(frozen=True, slots=True)
class Export:
    folder: Path
    counts: dict[str, int]  # data rows per file
    cached: bool
    seconds: float  # spent generating it in this run (0 when cached)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_export(size: Size) -> Export:
    """The demo export for `size`, generated once and then read from the cache."""
    folder = CACHE / f"export-{size.key}"
    done = CACHE / f"export-{size.key}.json"  # written last: a folder without it is partial
    if folder.is_dir() and done.is_file():
        return Export(folder, json.loads(done.read_text("utf-8")), True, 0.0)
    say(f"generating a demo export of {size.customers:,} customers (cached for next time)")
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    counts = write_demo_export(
        folder,
        customers=size.customers,
        seed=size.seed,
        as_of=AS_OF,
        purchases_per_customer=size.per_customer,
    )
    done.write_text(json.dumps(counts), "utf-8")
    return Export(folder, counts, False, time.perf_counter() - started)


def ensure_slice(export: Export, customers: int) -> Export:
    """The rows of the first `customers` customers, exactly as in `export` (a re-import)."""
    folder = export.folder.with_name(f"{export.folder.name}-first{customers}")
    done = folder.with_name(folder.name + ".json")
    if folder.is_dir() and done.is_file():
        return Export(folder, json.loads(done.read_text("utf-8")), True, 0.0)
    say(f"cutting the first {customers:,} customers' rows for the during-import run")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    wanted = {customer_id(n) for n in range(1, customers + 1)}
    counts = {name: _copy_rows(export.folder / name, folder / name, wanted) for name in COLUMNS}
    done.write_text(json.dumps(counts), "utf-8")
    return Export(folder, counts, False, 0.0)


def _copy_rows(source: Path, target: Path, wanted: set[str]) -> int:
    copied = 0
    with (
        source.open(encoding="utf-8", newline="") as src,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        reader, writer = csv.reader(src), csv.writer(out, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        column = header.index("customer_id")
        for row in reader:
            if row[column] in wanted:
                writer.writerow(row)
                copied += 1
    return copied


def warm_page_cache(folder: Path) -> None:
    """Read every file once so neither import pays for a cold disk the other does not."""
    for path in sorted(folder.iterdir()):
        warm_file(path)


def warm_file(path: Path) -> None:
    with path.open("rb") as handle:
        while handle.read(1 << 20):
            pass


# --- query samples ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probe:
    """One query: what the clerk types, the raw baseline's parameter, who should be found."""

    text: str
    param: str
    expected: str


Picker = Callable[[sqlite3.Connection, random.Random, str], Probe | None]


def sample(
    conn: sqlite3.Connection, rng: random.Random, customers: int, count: int, pick: Picker
) -> list[Probe]:
    """`count` probes for random existing customers (ids as the demo export numbers them)."""
    found: list[Probe] = []
    for _ in range(count * 20):
        probe = pick(conn, rng, customer_id(rng.randint(1, customers)))
        if probe is not None:
            found.append(probe)
            if len(found) == count:
                return found
    raise RuntimeError(f"could not sample {count} queries with {pick.__name__}")


def pick_card(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    rows = conn.execute("SELECT card_number FROM cards WHERE customer_id = ?", [cid]).fetchall()
    if not rows:
        return None
    number = str(rng.choice(rows)[0])
    return Probe(number, number, cid)


def pick_active_card(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    rows = conn.execute(
        "SELECT card_number FROM cards WHERE customer_id = ? AND status = 'active'", [cid]
    ).fetchall()
    if not rows:
        return None
    number = str(rng.choice(rows)[0])
    return Probe(number, number, cid)


def pick_phone(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    rows = conn.execute("SELECT e164 FROM phones WHERE customer_id = ?", [cid]).fetchall()
    if not rows:
        return None
    e164 = str(rng.choice(rows)[0])
    return Probe(human_phone(e164), e164, cid)


def pick_own_mobile(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    """A mobile only this customer has, so typing it opens their card directly."""
    rows = conn.execute(
        "SELECT e164 FROM phones WHERE customer_id = ? AND label = 'mobile'", [cid]
    ).fetchall()
    if not rows:
        return None
    e164 = str(rng.choice(rows)[0])
    owners = conn.execute("SELECT count(*) FROM phones WHERE e164 = ?", [e164]).fetchone()[0]
    return Probe(human_phone(e164), e164, cid) if owners == 1 else None


def pick_phone_suffix(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    probe = pick_phone(conn, rng, cid)
    if probe is None:
        return None
    last4 = probe.param[-4:]
    return Probe(last4, reversed_digits(last4), cid)


def pick_name_prefix(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    row = conn.execute("SELECT family_name FROM customers WHERE customer_id = ?", [cid]).fetchone()
    prefix = str(row[0] or "")[:3] if row else ""
    if len(prefix) < 3 or not prefix.isalpha():
        return None
    return Probe(prefix, fold(prefix), cid)


def pick_customer(conn: sqlite3.Connection, rng: random.Random, cid: str) -> Probe | None:
    row = conn.execute("SELECT 1 FROM customers WHERE customer_id = ?", [cid]).fetchone()
    return Probe(cid, cid, cid) if row else None


def human_phone(e164: str) -> str:
    """How a clerk would type it: "07700 900123" at home, "+33 6 12 34 56 78" abroad."""
    number = phonenumbers.parse(e164)
    home = phonenumbers.region_code_for_number(number) == "GB"
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))

"""`standing central import`: the same export gives the central store exactly the rows and
summaries a station's own import gives its cache; re-importing changes nothing; rejects, exit
codes and all-or-nothing as `standing import`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from tests.chain import cache_rows, central_rows
from tests.conftest import CliRun
from tests.hand_export import write_csv, write_hand_export

Cli = Callable[..., CliRun]
COMPARED = ("customers", "phones", "cards", "purchases", "interactions", "concessions",
            "summary", "households")  # fmt: skip


@pytest.fixture
def ready(cli: Cli, central_url: str) -> str:
    assert cli("central", "init", "--url", central_url).code == 0
    return central_url


def test_the_central_store_holds_what_a_station_import_holds(
    cli: Cli, ready: str, demo_export: Path, tmp_path: Path
) -> None:
    done = cli("central", "import", demo_export, "--url", ready, "--json")
    report = done.json()
    assert report["files"]["customers.csv"]["imported"] == 400
    db = tmp_path / "station.sqlite3"
    assert cli("import", demo_export, "--db", db).code == 0
    for table in COMPARED:
        central, cache = central_rows(ready, table), cache_rows(db, table)
        assert central == cache, table
        assert central, table


def test_reimporting_changes_nothing_and_a_change_touches_only_its_rows(
    cli: Cli, ready: str, demo_export: Path, tmp_path: Path
) -> None:
    assert cli("central", "import", demo_export, "--url", ready).code == 0
    with psycopg.connect(ready) as conn:
        before = conn.execute("SELECT max(change) FROM summary").fetchone()
    again = cli("central", "import", demo_export, "--url", ready, "--json").json()
    assert all(f["imported"] == 0 for f in again["files"].values()), again
    with psycopg.connect(ready) as conn:
        assert conn.execute("SELECT max(change) FROM summary").fetchone() == before
    changed = tmp_path / "changed"
    shutil.copytree(demo_export, changed)
    purchases = changed / "purchases.csv"
    lines = purchases.read_text("utf-8").splitlines()
    first = lines[1].split(",")
    lines.append(",".join(["P-NEW-1", first[1], "2026-11-20T10:00:00Z", "12.50", *first[4:]]))
    purchases.write_text("\n".join(lines) + "\n", "utf-8")
    later = cli("central", "import", changed, "--url", ready, "--json").json()
    assert later["files"]["purchases.csv"]["imported"] == 1
    with psycopg.connect(ready) as conn:
        moved = conn.execute(
            "SELECT customer_id FROM summary WHERE change > %s", [before[0] if before else 0]
        ).fetchall()
    assert moved == [(first[1],)]  # only that customer's summary was written again


def test_rejects_and_exit_codes_as_a_station_import(cli: Cli, ready: str, tmp_path: Path) -> None:
    folder = write_hand_export(tmp_path / "hand")
    write_csv(
        folder,
        "purchases.csv",
        "purchase_id,customer_id,purchased_at,amount\n"
        "P1,C1,2026-01-01T10:00:00Z,abc\n"
        "P2,NOBODY,2026-01-01T10:00:00Z,5.00\n"
        "P3,C1,2026-01-02T10:00:00Z,5.00\n",
    )
    central_rejects, station_rejects = tmp_path / "c.csv", tmp_path / "s.csv"
    central = cli("central", "import", folder, "--url", ready, "--rejects", central_rejects)
    station = cli("import", folder, "--db", tmp_path / "s.sqlite3", "--rejects", station_rejects)
    assert central.code == station.code == 1
    assert central_rejects.read_text("utf-8") == station_rejects.read_text("utf-8")
    assert central_rows(ready, "purchases") == cache_rows(tmp_path / "s.sqlite3", "purchases")


def test_a_broken_export_changes_nothing(cli: Cli, ready: str, tmp_path: Path) -> None:
    folder = write_hand_export(tmp_path / "hand")
    assert cli("central", "import", folder, "--url", ready).code == 0
    before = central_rows(ready, "customers")
    write_csv(folder, "customers.csv", "customer_id,given_name,joined_on\nC9,Zed,2020-01-01\n")
    (folder / "purchases.csv").write_bytes(b"purchase_id,customer_id,purchased_at,amount\n\xff\n")
    done = cli("central", "import", folder, "--url", ready)
    assert done.code == 2 and "not UTF-8" in done.err
    assert central_rows(ready, "customers") == before


def test_an_uninitialised_store_is_refused(cli: Cli, central_url: str, demo_export: Path) -> None:
    done = cli("central", "import", demo_export, "--url", central_url)
    assert done.code == 2 and "run `standing central init`" in done.err

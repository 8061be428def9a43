"""The command line, run as a user would: a separate process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hand_export import PHONE_FORMATS, write_hand_export


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_json(*args: str | Path) -> Any:
    done = run(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-demo")
    db = folder / "demo.sqlite3"
    out = run_json(
        "demo", "--customers", "300", "--seed", "3", "--as-of", "2026-11-23",
        "--db", db, "--out", folder / "x",
    )  # fmt: skip
    assert out["files"]["customers.csv"]["imported"] == 300
    return db


@pytest.mark.parametrize("typed", PHONE_FORMATS)
def test_lookup_every_phone_format_finds_the_hero(demo_db: Path, typed: str) -> None:
    matches = run_json("lookup", typed, "--db", demo_db)
    assert [m["customer_id"] for m in matches] == ["C000001"]
    assert matches[0]["matched_on"] == "phone"
    assert set(matches[0]) >= {"customer_id", "display_name", "matched_on", "tier", "card_status"}


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    for name in ("a", "b"):
        done = run(
            "demo",
            "--customers",
            "50",
            "--seed",
            "9",
            "--as-of",
            "2026-11-23",
            "--db",
            tmp_path / f"{name}.db",
            "--out",
            tmp_path / name,
        )
        assert done.returncode == 0, done.stderr
    for file in ("customers.csv", "purchases.csv", "phones.csv", "cards.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_profile_json_matches_the_hand_export(tmp_path: Path) -> None:
    db = tmp_path / "hand.db"
    imported = run_json("import", write_hand_export(tmp_path / "export"), "--db", db)
    assert imported["files"]["purchases.csv"] == {
        "read": 8,
        "imported": 8,
        "unchanged": 0,
        "rejected": 0,
    }
    p = run_json("profile", "C1", "--db", db, "--as-of", "2026-11-23")
    assert p["customer_id"] == "C1"
    assert p["display_name"] == "Ann Example"
    assert p["tier"] == "gold"
    assert p["tier_reason"].startswith("Gold")
    assert p["next_tier"] == "platinum"
    assert p["customer_since"] == "2021-03-14"
    assert p["tenure_days"] == 2080
    assert p["lifetime_value"] == "2501.50"
    assert p["spend_12m"] == "1501.50"
    assert p["visits_12m"] == 3
    assert p["average_order"] == "638.00"
    assert p["last_visit"] == "2026-11-20"
    assert p["household"] == ["C1", "C2"]
    assert p["household_lifetime_value"] == "2541.50"
    assert p["phones_masked"] == ["•••••••••123"]
    assert p["cards"] == [
        {"number": "633000000012", "status": "active"},
        {"number": "633000000005", "status": "lost"},
    ]
    assert isinstance(p["signals"], list)


def test_lookup_card_reports_a_lost_card(tmp_path: Path) -> None:
    db = tmp_path / "hand.db"
    run_json("import", write_hand_export(tmp_path / "export"), "--db", db)
    matches = run_json("lookup", "633000000005", "--db", db)
    assert [(m["customer_id"], m["matched_on"], m["card_status"]) for m in matches] == [
        ("C1", "card", "lost")
    ]


def one_clear_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_errors_exit_2_with_one_line(demo_db: Path, tmp_path: Path) -> None:
    assert "NOPE" in one_clear_line(run("profile", "NOPE", "--db", demo_db))
    missing = one_clear_line(run("lookup", "ann", "--db", tmp_path / "none.db"))
    assert "no database" in missing
    assert "`standing demo`" in missing and "`standing import DIR`" in missing  # the way on
    assert not (tmp_path / "none.db").exists()
    refused = run("lookup", "4111 1111 1111 1111", "--db", demo_db)
    line = one_clear_line(refused)
    assert "payment card" in line
    assert "4111" not in refused.stdout + refused.stderr


def test_an_export_missing_a_required_column_changes_nothing(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "customers.csv").write_text("customer_id,joined_on\nZ1,2020-01-01\n", "utf-8")
    line = one_clear_line(run("import", folder, "--db", demo_db))
    assert "customers.csv" in line and "required column given_name" in line
    found = run_json("lookup", "07700 900123", "--db", demo_db)
    assert [m["customer_id"] for m in found] == ["C000001"]  # the demo is still there


def test_rejected_rows_exit_1_with_counts_and_a_report(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "customers.csv").write_text(
        "customer_id,given_name,joined_on\nZ1,Zed,2020-01-01\nZ2,Zara,not-a-date\n", "utf-8"
    )
    report = tmp_path / "rejects.csv"
    done = run("import", folder, "--db", db, "--rejects", report, "--json")
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert data["files"]["customers.csv"] == {
        "read": 2,
        "imported": 1,
        "unchanged": 0,
        "rejected": 1,
    }
    assert data["rejects_file"] == str(report)
    assert report.read_text("utf-8").splitlines()[1].startswith("customers.csv,3,joined_on,")
    again = run("import", folder, "--db", db, "--rejects", report, "--json")
    assert again.returncode == 1
    counts = json.loads(again.stdout)["files"]["customers.csv"]
    assert (counts["imported"], counts["unchanged"], counts["rejected"]) == (0, 1, 1)


def test_as_of_must_be_a_date(demo_db: Path) -> None:
    done = run("profile", "C000001", "--db", demo_db, "--as-of", "yesterday")
    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr


def test_db_may_come_before_the_command(demo_db: Path) -> None:
    done = run("--db", demo_db, "lookup", "07700 900123", "--json")
    assert done.returncode == 0, done.stderr
    assert [m["customer_id"] for m in json.loads(done.stdout)] == ["C000001"]


def test_profile_refuses_a_payment_card_number_without_echoing_it(demo_db: Path) -> None:
    done = run("profile", "4111 1111 1111 1111", "--db", demo_db)
    assert "payment card" in one_clear_line(done)
    assert "4111" not in done.stdout + done.stderr


def test_an_empty_query_is_refused(demo_db: Path) -> None:
    assert "nothing to look up" in one_clear_line(run("lookup", "  ", "--db", demo_db))


def test_a_failed_import_leaves_no_new_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    one_clear_line(run("import", tmp_path / "missing", "--db", db))
    assert not db.exists()
    assert "no database" in one_clear_line(run("lookup", "ann", "--db", db))


def test_file_system_and_setting_errors_are_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    line = one_clear_line(
        run("demo", "--customers", "10", "--db", tmp_path / "d.db", "--out", blocker / "sub")
    )
    assert "a-file" in line
    line = one_clear_line(
        run("lookup", "ann", "--db", tmp_path / "d.db", env={"STANDING_TIMEZONE": "Mars/Base"})
    )
    assert "STANDING_TIMEZONE" in line


def test_real_import_replaces_the_demo(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(demo_db.read_bytes())
    imported = run_json("import", write_hand_export(tmp_path / "export"), "--db", db)
    assert any("demo data" in w for w in imported["warnings"])
    assert run_json("lookup", "07700 900123", "--db", db)[0]["customer_id"] == "C1"


def test_suggest_json_for_the_hand_export(tmp_path: Path) -> None:
    db = tmp_path / "hand.db"
    run_json("import", write_hand_export(tmp_path / "export"), "--db", db)
    found = run_json(
        "suggest",
        "C1",
        "--category",
        "lost_ticket",
        "--amount",
        "1.50",
        "--db",
        db,
        "--as-of",
        "2026-11-23",
    )
    top = found[0]
    assert (top["action"], top["value"], top["needs_approval"]) == ("waive", "1.50", False)
    assert top["within_discretion"] is True and top["approval_reason"] is None
    assert top["script"] and {r["fact"] for r in top["reasons"]} >= {"tier", "tenure"}
    assert [s["action"] for s in found] == ["waive", "voucher", "apology"]
    big = run_json(
        "suggest", "C1", "--category", "faulty_product", "--amount", "80", "--db", db,
        "--as-of", "2026-11-23",
    )  # fmt: skip
    assert big[0]["needs_approval"] is True
    assert "clerk limit" in big[0]["approval_reason"]
    as_manager = run_json(
        "suggest",
        "C1",
        "--category",
        "faulty_product",
        "--amount",
        "80",
        "--role",
        "manager",
        "--db",
        db,
        "--as-of",
        "2026-11-23",
    )
    assert as_manager[0]["needs_approval"] is False


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--category", "lost", "--amount", "1"], "unknown category"),
        (["--category", "delay", "--amount", "-1"], "negative"),
        (["--category", "delay", "--amount", "abc"], "must be a sum"),
        (
            ["--category", "delay", "--amount", "99999999999"],
            "a disputed amount of £99,999,999,999.00 is above the most a counter settles "
            "(£10,000.00)",
        ),
        (["--category", "delay", "--amount", "1", "--role", "boss"], "unknown role"),
        (["--amount", "1"], "--category"),
    ],
)
def test_suggest_refusals(demo_db: Path, args: list[str], said: str) -> None:
    assert said in one_clear_line(run("suggest", "C000001", *args, "--db", demo_db))


def test_suggest_for_an_unknown_customer(demo_db: Path) -> None:
    line = one_clear_line(
        run("suggest", "NOPE", "--category", "delay", "--amount", "1", "--db", demo_db)
    )
    assert "NOPE" in line


def test_a_profile_as_of_before_the_customer_joined_says_so(demo_db: Path) -> None:
    done = run("profile", "C000001", "--as-of", "1990-01-01", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    assert "had not joined by then" in done.stdout and " 0 d" not in done.stdout

"""`standing value report` and the forecast in `standing profile`, through the command line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from app.domain.standing import percent
from app.services.station import load_policy
from tests.conftest import CliRun

Cli = Callable[..., CliRun]
POLICY = load_policy()


def copy_of(demo_db_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "standing.sqlite3"
    shutil.copy(demo_db_template, db)
    return db


def test_the_profile_gives_the_forecast(cli: Cli, demo_db_template: Path, tmp_path: Path) -> None:
    db = copy_of(demo_db_template, tmp_path)
    p = cli("profile", "C000001", "--db", db, "--json").json()
    assert float(p["predicted_spend_12m"]) > 0
    assert 0.9 < p["probability_alive"] <= 1
    text = cli("profile", "C000001", "--db", db)
    assert text.code == 0
    chance = percent(p["probability_alive"])
    pounds = Decimal(p["predicted_spend_12m"]).quantize(Decimal(1), ROUND_HALF_UP)
    line = f"Expected next 12 months £{pounds:,} · {chance}% likely active"  # whole pounds
    assert line in text.out


def test_the_report_gives_the_fit_tiers_and_risers(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    report = cli("value", "report", "--db", db, "--json").json()
    fit = report["fit"]
    assert fit["time_unit"] == "week" and fit["converged"] is True
    assert set(fit["bg_nbd"]) == {"r", "alpha", "a", "b"}
    assert set(fit["gamma_gamma"]) == {"p", "q", "v"}
    assert all(v > 0 for v in (*fit["bg_nbd"].values(), *fit["gamma_gamma"].values()))
    profile = cli("profile", "C000001", "--db", db, "--json").json()
    assert fit["as_of"] <= profile["as_of"]
    tiers = [t["tier"] for t in report["by_tier"]]
    assert tiers == [t.id for t in POLICY.tiers]
    assert sum(t["customers"] for t in report["by_tier"]) == fit["customers"]
    risers = report["risers"]
    assert 0 < len(risers) <= 20
    for riser in risers:
        rank = tiers.index
        assert rank(riser["predicted_tier"]) > rank(riser["tier"])
        threshold = POLICY.tier(riser["predicted_tier"]).min_spend_12m
        assert threshold is not None and float(riser["predicted_spend_12m"]) * 100 >= threshold
    gaps = [tiers.index(r["predicted_tier"]) - tiers.index(r["tier"]) for r in risers]
    assert gaps == sorted(gaps, reverse=True)  # the largest gap first
    # each riser is treated as the forecast's tier at the counter too
    first = cli("profile", risers[0]["customer_id"], "--db", db, "--json").json()
    assert first["treated_as"] == risers[0]["predicted_tier"]
    assert "rising" in first["signals"]


def test_the_report_as_of_an_earlier_day_is_fitted_on_the_purchases_by_then(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    now = cli("value", "report", "--db", db, "--json").json()
    then = cli("value", "report", "--db", db, "--json", "--as-of", "2025-06-30").json()
    assert then["fit"]["as_of"] == "2025-06-30"
    assert then["fit"]["customers"] < now["fit"]["customers"]  # fewer had bought by then
    assert then["fit"]["bg_nbd"] != now["fit"]["bg_nbd"]
    # the import's own fit is left as it was
    assert cli("value", "report", "--db", db, "--json").json()["fit"] == now["fit"]


def test_the_report_goes_to_a_file_and_reads_as_text(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    out = tmp_path / "value.json"
    done = cli("value", "report", "--db", db, "--json", "--out", out)
    assert done.code == 0 and done.out == ""
    assert json.loads(out.read_text("utf-8"))["fit"]["converged"] is True
    text = cli("value", "report", "--db", db)
    assert text.code == 0
    assert "BG/NBD (weeks): r=" in text.out and "Gamma-Gamma: p=" in text.out
    assert "Quiet risers" in text.out


def test_the_report_refuses_in_one_line_what_it_cannot_do(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    early = cli("value", "report", "--db", db, "--as-of", "1990-01-01").refusal
    assert "no customer has a purchase to fit on by 1990-01-01" in early
    unwritable = cli("value", "report", "--db", db, "--out", tmp_path / "no" / "such" / "f")
    assert "cannot be written" in unwritable.refusal


def test_the_report_refuses_a_day_after_the_data(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    data_day = cli("value", "report", "--db", db, "--json").json()["fit"]["as_of"]
    said = cli("value", "report", "--db", db, "--as-of", "2031-01-01").refusal
    assert f"--as-of 2031-01-01 is after the data's day ({data_day})" in said


def test_the_tiers_give_the_spread_of_forecasts(
    cli: Cli, demo_db_template: Path, tmp_path: Path
) -> None:
    db = copy_of(demo_db_template, tmp_path)
    conn = sqlite3.connect(db)
    low, high = conn.execute(
        "SELECT min(predicted_spend_12m), max(predicted_spend_12m) FROM summary"
    ).fetchone()
    conn.close()
    tiers = cli("value", "report", "--db", db, "--json").json()["by_tier"]
    seen = [t for t in tiers if t["customers"]]
    assert len(seen) > 1
    for tier in seen:
        middle = round(float(tier["median_predicted_spend_12m"]) * 100)
        top = round(float(tier["p90_predicted_spend_12m"]) * 100)
        assert low <= middle <= top <= high
    # higher tiers are forecast to spend more: the middle customer of each rises with the tier
    middles = [float(t["median_predicted_spend_12m"]) for t in seen]
    assert middles == sorted(middles)

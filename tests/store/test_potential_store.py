"""Potential value in the cache: fitted at every import, kept with the summaries, every
customer's predictions in the summary table, and a failed fit never blocking an import."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from app.services.importing import import_folder
from app.services.station import Station
from app.store.database import get_meta, open_database, set_meta
from app.store.potential import FIT_KEY, refit, saved_fit
from tests.conftest import AS_OF
from tests.hand_export import write_hand_export

HERO_ID = "C000001"  # the demo's hero: a quiet monthly regular
PREDICTED = ("predicted_spend_12m", "probability_alive")


def test_an_import_fits_and_writes_every_customers_predictions(demo_station: Station) -> None:
    db = demo_station.db
    fit = saved_fit(db)
    assert fit is not None and fit.converged and fit.problem is None
    exported = datetime.fromisoformat(get_meta(db, "exported_at") or "")
    day = exported.astimezone(demo_station.settings.zone).date()  # the data's own day
    assert fit.as_of == day and fit.fitted_on == day and day <= AS_OF
    bought = db.execute("SELECT count(*) FROM summary WHERE purchase_count > 0").fetchone()[0]
    assert fit.customers == bought
    missing = db.execute(
        "SELECT count(*) FROM summary WHERE purchase_count > 0 AND predicted_spend_12m IS NULL"
    ).fetchone()[0]
    assert missing == 0
    # after a single purchase day BG/NBD would say 100% alive: no chance is kept for them
    once, said = db.execute(
        "SELECT count(*), count(probability_alive) FROM summary WHERE purchase_days = 1"
    ).fetchone()
    assert once > 0 and said == 0
    unknown = db.execute(
        "SELECT count(*) FROM summary WHERE purchase_days > 1 AND probability_alive IS NULL"
    ).fetchone()[0]
    assert unknown == 0
    low, high, below = db.execute(
        "SELECT min(probability_alive), max(probability_alive), min(predicted_spend_12m) "
        "FROM summary WHERE purchase_count > 0"
    ).fetchone()
    assert 0 <= low < 0.5 < high <= 1 and below >= 0  # the demo has its lapsed customers
    none = db.execute(
        "SELECT count(*) FROM summary WHERE purchase_count = 0 AND predicted_spend_12m IS NOT NULL"
    ).fetchone()[0]
    assert none == 0  # nothing is forecast for a customer who has bought nothing


def test_a_regular_is_forecast_near_their_own_rhythm(demo_station: Station) -> None:
    """The hero buys about monthly at a steady fare: the forecast is of that order, and she
    is almost surely still active; what the card reads is the summary's figure."""
    profile = demo_station.lookup.profile(HERO_ID)
    assert profile.probability_alive is not None and profile.probability_alive > 0.9
    assert profile.predicted_spend_12m is not None
    assert 0.5 * profile.spend_12m < profile.predicted_spend_12m < 2 * profile.spend_12m
    row = demo_station.db.execute(
        "SELECT predicted_spend_12m, probability_alive FROM summary WHERE customer_id = ?",
        [HERO_ID],
    ).fetchone()
    assert (profile.predicted_spend_12m, profile.probability_alive) == tuple(row)


def test_looked_at_before_the_fits_day_no_forecast_is_shown(demo_station: Station) -> None:
    earlier = demo_station.lookup.profile(HERO_ID, AS_OF - timedelta(days=30))
    assert earlier.predicted_spend_12m is None and earlier.probability_alive is None
    later = demo_station.lookup.profile(HERO_ID, AS_OF + timedelta(days=3))
    assert later.predicted_spend_12m is not None


def test_a_fit_that_fails_keeps_the_previous_one_and_says_so(demo_station: Station) -> None:
    db = demo_station.db
    before = saved_fit(db)
    assert before is not None
    forecast = "SELECT total(predicted_spend_12m), count(predicted_spend_12m) FROM summary"
    spent, forecast_for = db.execute(forecast).fetchone()
    db.execute("UPDATE summary SET purchase_days = 1, last_purchase_at = first_purchase_at")
    later = date(2026, 12, 1)
    end = int(before.end + 8 * 86_400)
    done = refit(db, later, end)
    assert done.kept_previous and done.record is not None
    assert done.said.startswith("potential value not refitted: ")
    assert done.said.endswith(f"the fit of {before.fitted_on.isoformat()} is kept")
    kept = saved_fit(db)
    assert kept is not None and not kept.converged and kept.problem
    assert kept.bg_nbd == before.bg_nbd and kept.gamma_gamma == before.gamma_gamma
    assert (kept.as_of, kept.end, kept.fitted_on) == (later, end, before.fitted_on)
    # the kept parameters still predict, for everyone and for the new day: a single
    # purchase each, now, forecasts less than their whole histories did
    now_spent, now_for = db.execute(forecast).fetchone()
    assert now_for == forecast_for and now_spent < spent


def test_an_import_too_small_to_fit_still_imports_and_says_why(
    tmp_path: Path, hand_station: Station
) -> None:
    db = hand_station.db
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 4
    assert saved_fit(db) is None
    report = import_folder(hand_station, write_hand_export(tmp_path / "again"))
    assert report.value_fit is not None
    assert report.value_fit.startswith("potential value not fitted: ")
    assert report.value_fit not in report.warnings  # nothing was in use: nothing to warn of
    forecast = "SELECT count(*) FROM summary WHERE predicted_spend_12m IS NOT NULL"
    assert db.execute(forecast).fetchone()[0] == 0


def test_the_kept_fit_is_readable_json_in_weeks(demo_station: Station, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_station.settings.db_path)
    try:
        kept = json.loads(
            conn.execute("SELECT value FROM meta WHERE key = ?", [FIT_KEY]).fetchone()[0]
        )
    finally:
        conn.close()
    assert set(kept["bg_nbd"]) == {"r", "alpha", "a", "b"}
    assert set(kept["gamma_gamma"]) == {"p", "q", "v"}
    assert kept["quality"].startswith("BG/NBD and Gamma-Gamma fitted on ")


def test_real_data_replacing_the_demo_never_keeps_the_demos_fit(
    demo_station: Station, tmp_path: Path
) -> None:
    db = demo_station.db
    set_meta(db, "demo", "1")  # as `standing demo` marks it (the template was imported plainly)
    assert saved_fit(db) is not None
    report = import_folder(demo_station, write_hand_export(tmp_path / "real"))
    assert "the demo data in this database was replaced" in report.warnings
    assert saved_fit(db) is None  # four real customers: too few to fit, and nothing invented
    assert report.value_fit is not None and report.value_fit.startswith(
        "potential value not fitted"
    )


def test_an_older_cache_gains_purchase_days_as_an_import_counts_them(
    demo_db_template: Path, tmp_path: Path
) -> None:
    """Migration 0009 on a cache made before it: each summary's purchase days and first
    day's spend are worked out as the summaries' own refresh does, and nothing is missing."""
    path = tmp_path / "older.sqlite3"
    shutil.copy(demo_db_template, path)
    conn = sqlite3.connect(path)
    with conn:
        imported = conn.execute(
            "SELECT customer_id, purchase_days, first_day_spend FROM summary ORDER BY 1"
        ).fetchall()
        for column in (*PREDICTED, "purchase_days", "first_day_spend"):
            conn.execute(f"ALTER TABLE summary DROP COLUMN {column}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_potential_value'")
        conn.execute("DELETE FROM summary WHERE customer_id = 'C000002'")  # one went missing
    conn.close()
    db = open_database(path)
    try:
        after = db.execute(
            "SELECT customer_id, purchase_days, first_day_spend FROM summary ORDER BY 1"
        ).fetchall()
    finally:
        db.close()
    assert after == imported
    assert sum(r[1] for r in after) > len(after)  # real counts, not the columns' default

"""Potential value in the chain: the central import fits, and each station writes its own
customers' predictions from that fit, the same figures a single station's import makes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg

from app.store.potential import FIT_KEY, read_fit
from tests.chain import HERO, Cli, Station


def predictions(db: Path) -> dict[str, tuple[int, float]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT customer_id, predicted_spend_12m, probability_alive FROM summary "
            "WHERE predicted_spend_12m IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_the_central_import_fits_and_a_station_predicts_from_it(
    york: Station, cli: Cli, demo_export: Path, tmp_path: Path
) -> None:
    with psycopg.connect(york.url) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = %s", [FIT_KEY]).fetchone()
    central = read_fit(row[0] if row else None)
    assert central is not None and central.converged
    york.sync()
    here = predictions(york.db)
    assert len(here) == central.customers
    alone = tmp_path / "alone.sqlite3"
    assert cli("import", demo_export, "--db", alone).code == 0
    assert predictions(alone) == here  # the same fit, the same figures, customer by customer
    profile = york.run("profile", HERO, "--json").json()
    assert (float(profile["predicted_spend_12m"]) * 100, profile["probability_alive"]) == (
        here[HERO][0],
        round(here[HERO][1], 4),
    )


def test_a_changed_customer_is_predicted_again_after_a_pull(york: Station) -> None:
    york.sync()
    with psycopg.connect(york.url) as conn:  # a later central import changed one summary
        conn.execute(
            "UPDATE summary SET purchase_days = purchase_days + 1 WHERE customer_id = %s",
            [HERO],
        )
    before = predictions(york.db)[HERO]
    assert york.sync()["pulled"]["summary"] == 1
    after = predictions(york.db)
    assert HERO in after and after[HERO] != before


def test_an_older_central_store_gains_purchase_days_at_its_init(york: Station, cli: Cli) -> None:
    """`central init` on a store made before migration 0009: every summary's purchase days
    and first day's spend are worked out from its purchases, as a central import does."""
    query = "SELECT customer_id, purchase_days, first_day_spend FROM summary ORDER BY 1"
    with psycopg.connect(york.url) as conn:
        imported = conn.execute(query).fetchall()
        conn.execute("UPDATE summary SET purchase_days = 0, first_day_spend = 0")
        conn.execute("DELETE FROM standing_schema WHERE version = 9")
    assert cli("central", "init", "--url", york.url).code == 0
    with psycopg.connect(york.url) as conn:
        assert conn.execute(query).fetchall() == imported
    assert sum(r[1] for r in imported) > len(imported)


def test_a_station_keeps_no_fit_the_chain_does_not_have(york: Station) -> None:
    york.sync()
    assert predictions(york.db)
    with psycopg.connect(york.url) as conn:  # e.g. the chain's latest data was too little
        conn.execute("DELETE FROM meta WHERE key = %s", [FIT_KEY])
    york.sync()
    assert predictions(york.db) == {}
    conn = sqlite3.connect(york.db)
    try:
        kept = conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'potential_fit%'").fetchone()
    finally:
        conn.close()
    assert kept == (0,)
    assert york.run("profile", HERO, "--json").json()["predicted_spend_12m"] is None


def test_predictions_left_half_written_are_all_made_again(york: Station) -> None:
    """A sync killed while writing a new fit's predictions (each page its own transaction):
    the next one sees the fit was not wholly applied and predicts everyone again."""
    york.sync()
    whole = predictions(york.db)
    conn = sqlite3.connect(york.db)
    with conn:
        conn.execute(
            "UPDATE summary SET predicted_spend_12m = 1, probability_alive = 0.5 "
            "WHERE customer_id > 'C000200'"
        )  # fmt: skip  (as if from an older fit)
        conn.execute("DELETE FROM meta WHERE key = 'potential_fit_applied'")
    conn.close()
    assert york.sync()["pulled"] == {}
    assert predictions(york.db) == whole

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

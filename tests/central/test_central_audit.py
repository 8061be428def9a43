"""`standing central audit verify|export`: each station's chain, as pushed, verified in the
central store; the first broken record is named per station (exit 1)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import psycopg
import pytest

from tests.chain import Station


def test_every_stations_chain_verifies_and_tampering_is_named(
    york: Station, leeds: Station, tmp_path: Path
) -> None:
    for station in (york, leeds):
        station.sync()
        station.give("3.00")
        station.give("4.00")
        station.sync()
    url = york.url
    done = york.cli("central", "audit", "verify", "--url", url, "--json")
    assert done.code == 0, done.err
    stations = done.json()["stations"]
    assert set(stations) == {"York", "Leeds"}
    assert all(v["intact"] and v["checked"] >= 2 for v in stations.values()), stations
    out = tmp_path / "audit.csv"
    exported = york.cli("central", "audit", "export", "--url", url, "--out", out, "--json")
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert exported.json()["written"] == len(rows) == sum(v["checked"] for v in stations.values())
    with psycopg.connect(url) as conn:  # the owner, past the append-only trigger
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
        conn.execute(
            "UPDATE audit_log SET detail = 'nothing to see' WHERE station = 'Leeds' AND seq = 2"
        )
        conn.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    broken = york.cli("central", "audit", "verify", "--url", url, "--json")
    assert broken.code == 1
    verdicts = json.loads(broken.out)["stations"]
    assert verdicts["York"]["intact"] and not verdicts["Leeds"]["intact"]
    assert verdicts["Leeds"]["first_bad"] == 2 and "altered" in verdicts["Leeds"]["problem"]


def test_the_audit_log_cannot_be_changed_centrally(york: Station) -> None:
    york.sync()
    york.give("1.00")
    york.sync()
    with (
        psycopg.connect(york.url) as conn,
        pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"),
    ):
        conn.execute("DELETE FROM audit_log")

"""`standing central audit verify|export`: each station's chain, as pushed, verified in the
central store; the first broken record is named per station (exit 1)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import psycopg

from tests.central.conftest import Station, add_clerk


def test_every_stations_chain_verifies_and_tampering_is_named(
    york: Station, leeds: Station, tmp_path: Path
) -> None:
    for station in (york, leeds):
        station.sync()
        add_clerk(station)
        station.give("3.00")
        station.sync()
    url = york.url
    done = york.cli("central", "audit", "verify", "--url", url, "--json")
    assert done.code == 0, done.err
    stations = done.json()["stations"]
    assert set(stations) == {"York", "Leeds"}
    assert all(v["intact"] and v["checked"] >= 2 for v in stations.values())
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
    add_clerk(york)
    york.sync()
    with psycopg.connect(york.url) as conn:
        try:
            conn.execute("DELETE FROM audit_log")
        except psycopg.errors.IntegrityConstraintViolation as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError("an audit record was deleted")

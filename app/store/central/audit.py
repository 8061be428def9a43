"""Every station's audit chain as pushed to the central store: verified record by record with
the same hash as on the station, and read out for an export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg

from app.store.audit import GENESIS, AuditEntry, link_hash
from app.store.central.connection import server_cursor

_SELECT = (
    "SELECT seq, at, actor, station, action, customer_id, detail, prev_hash, hash "
    "FROM audit_log ORDER BY station, seq"
)


@dataclass(frozen=True)
class StationVerdict:
    station: str
    checked: int
    bad_seq: int | None = None  # the first record that is not as the station wrote it
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.bad_seq is None


def entries(conn: psycopg.Connection) -> Iterator[AuditEntry]:
    """Every station's records, station by station, in order (`conn` in a transaction)."""
    with server_cursor(conn, "audit_entries") as cursor:
        cursor.itersize = 5_000
        cursor.execute(_SELECT)
        for row in cursor:
            yield AuditEntry(*row)


def verify_all(conn: psycopg.Connection) -> list[StationVerdict]:
    """Each station's chain walked from its first record: the first one deleted, reordered or
    altered is named. A tail not pushed yet is not a fault."""
    verdicts: list[StationVerdict] = []
    station, expected, prev, checked, broken = None, 1, GENESIS, 0, None
    for entry in entries(conn):
        if entry.station != station:
            if station is not None:
                verdicts.append(broken or StationVerdict(station, checked))
            station, expected, prev, checked, broken = entry.station, 1, GENESIS, 0, None
        if broken is not None:
            continue
        broken = _fault(entry, expected, prev, checked)
        expected, prev, checked = entry.seq + 1, entry.hash, checked + (broken is None)
    if station is not None:
        verdicts.append(broken or StationVerdict(station, checked))
    return verdicts


def _fault(entry: AuditEntry, expected: int, prev: str, checked: int) -> StationVerdict | None:
    station = entry.station
    if entry.seq != expected:
        return StationVerdict(station, checked, expected, f"audit record {expected} is missing")
    if entry.prev_hash != prev:
        return StationVerdict(
            station, checked, entry.seq, f"audit record {entry.seq} does not follow the one before"
        )
    fields = (entry.seq, entry.at, entry.actor, entry.station, entry.action, entry.customer_id)
    if link_hash(entry.prev_hash, *fields, entry.detail) != entry.hash:
        return StationVerdict(station, checked, entry.seq, f"audit record {entry.seq} was altered")
    return None

"""A station clock a test moves by hand (lockouts, shifts, days in the audit log)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# Midday on the demo's as-of day (London is on UTC in November).
NOON = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

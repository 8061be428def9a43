"""As-of windows: the day boundaries a profile is computed over, and recent spend."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.domain.models import WindowStats

CHART_MONTHS = 24
YEAR_DAYS = 365


@dataclass(frozen=True, slots=True)
class AsOf:
    """Epoch-second boundaries for an as-of day in the station's zone."""

    day: date
    zone: ZoneInfo
    end: int  # exclusive: midnight after the as-of day
    start_12m: int  # inclusive: the 365 days ending with the as-of day
    start_90d: int  # inclusive: the 90 days ending with the as-of day
    month_starts: tuple[int, ...]  # CHART_MONTHS month starts, oldest first

    @property
    def start_chart(self) -> int:
        return min(self.month_starts[0], self.start_12m)


def _midnight(day: date, zone: ZoneInfo) -> int:
    return int(datetime.combine(day, time(), tzinfo=zone).timestamp())


@lru_cache(maxsize=64)
def as_of_bounds(day: date, zone: ZoneInfo) -> AsOf:
    months = []
    year, month = day.year, day.month
    for _ in range(CHART_MONTHS):
        months.append(_midnight(date(year, month, 1), zone))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return AsOf(
        day=day,
        zone=zone,
        end=_midnight(day + timedelta(days=1), zone),
        start_12m=_midnight(day - timedelta(days=YEAR_DAYS - 1), zone),
        start_90d=_midnight(day - timedelta(days=89), zone),
        month_starts=tuple(reversed(months)),
    )


def window_stats(rows: tuple[tuple[int, int], ...], bounds: AsOf) -> WindowStats:
    spend = visits = 0
    monthly = [0] * CHART_MONTHS
    for at, amount in rows:
        if at >= bounds.end:
            continue
        if at >= bounds.start_12m:
            spend += amount
            visits += amount > 0
        slot = bisect_right(bounds.month_starts, at) - 1
        if slot >= 0:
            monthly[slot] += amount
    return WindowStats(spend_12m=spend, visits_12m=visits, monthly_spend=tuple(monthly))


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()

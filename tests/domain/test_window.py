"""As-of windows: day boundaries in the station's zone, and recent spend over them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.domain.window import CHART_MONTHS, as_of_bounds, local_date, window_stats

LONDON = ZoneInfo("Europe/London")
DAY = 86400


def utc(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())  # type: ignore[misc]


def test_bounds_in_winter() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    assert bounds.day == date(2026, 11, 23)
    assert bounds.zone == LONDON
    assert bounds.end == utc(2026, 11, 24)  # GMT: local midnight is UTC midnight
    assert bounds.start_12m == utc(2025, 11, 24)
    assert bounds.end - bounds.start_12m == 365 * DAY
    assert len(bounds.month_starts) == CHART_MONTHS == 24
    assert bounds.month_starts[0] == utc(2024, 12, 1)
    assert bounds.month_starts[-1] == utc(2026, 11, 1)
    # April 2026 starts at midnight BST, an hour before UTC midnight
    assert bounds.month_starts[16] == utc(2026, 3, 31, 23)
    assert bounds.start_chart == bounds.month_starts[0]


def test_bounds_on_a_summer_day() -> None:
    bounds = as_of_bounds(date(2026, 7, 15), LONDON)
    assert bounds.end == utc(2026, 7, 15, 23)  # midnight BST after 15 July
    assert bounds.start_12m == utc(2025, 7, 15, 23)  # midnight BST starting 16 July 2025
    assert bounds.end - bounds.start_12m == 365 * DAY
    assert bounds.month_starts[0] == utc(2024, 7, 31, 23)  # 1 August 2024, BST
    assert bounds.month_starts[-1] == utc(2026, 6, 30, 23)  # 1 July 2026, BST
    assert bounds.month_starts[5] == utc(2025, 1, 1)  # January is GMT


def test_bounds_on_the_day_the_clocks_go_forward() -> None:
    bounds = as_of_bounds(date(2026, 3, 29), LONDON)
    assert bounds.end == utc(2026, 3, 29, 23)  # the 29th is 23 hours long
    assert bounds.start_12m == utc(2025, 3, 30)  # 30 March 2025, still GMT at midnight
    assert bounds.end - bounds.start_12m == 365 * DAY - 3600


def test_month_starts_are_ascending_first_days() -> None:
    bounds = as_of_bounds(date(2026, 1, 10), LONDON)
    days = [datetime.fromtimestamp(m, LONDON) for m in bounds.month_starts]
    assert [(d.year, d.month) for d in days[:2]] == [(2024, 2), (2024, 3)]
    assert [(d.year, d.month) for d in days[-2:]] == [(2025, 12), (2026, 1)]
    assert all(d.day == 1 and d.hour == 0 and d.minute == 0 for d in days)
    assert list(bounds.month_starts) == sorted(bounds.month_starts)
    assert len(set(bounds.month_starts)) == 24


def test_bounds_in_another_zone() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), ZoneInfo("America/New_York"))
    assert bounds.end == utc(2026, 11, 24, 5)  # EST is UTC-5


def test_window_stats_counts_purchases_and_refunds() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    rows = (
        (utc(2026, 1, 15, 12), 10000),
        (utc(2026, 3, 2, 9), 2550),
        (utc(2026, 3, 20, 9), -550),  # refund: less spend, not a visit
        (utc(2026, 11, 23, 23, 59), 100),  # last minute of the as-of day
    )
    stats = window_stats(rows, bounds)
    assert stats.spend_12m == 10000 + 2550 - 550 + 100
    assert stats.visits_12m == 3
    monthly = [0] * 24
    monthly[13] = 10000  # January 2026
    monthly[15] = 2000  # March 2026, net of the refund
    monthly[23] = 100  # November 2026
    assert stats.monthly_spend == tuple(monthly)


def test_window_edges() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    start, end = bounds.start_12m, bounds.end
    stats = window_stats(((start, 700),), bounds)
    assert (stats.spend_12m, stats.visits_12m) == (700, 1)  # start is inclusive
    stats = window_stats(((start - 1, 700),), bounds)
    assert (stats.spend_12m, stats.visits_12m) == (0, 0)
    assert sum(stats.monthly_spend) == 700  # still on the chart (November 2025)
    assert stats.monthly_spend[11] == 700
    stats = window_stats(((end, 700),), bounds)
    assert (stats.spend_12m, stats.visits_12m) == (0, 0)  # end is exclusive
    assert stats.monthly_spend == (0,) * 24
    stats = window_stats(((end - 1, 700),), bounds)
    assert (stats.spend_12m, stats.visits_12m) == (700, 1)
    assert stats.monthly_spend[23] == 700


def test_window_ignores_purchases_before_the_chart() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    first = bounds.month_starts[0]
    stats = window_stats(((first - 1, 500), (first, 300)), bounds)
    assert stats.spend_12m == 0
    assert stats.monthly_spend[0] == 300
    assert sum(stats.monthly_spend) == 300


def test_window_zero_amount_is_not_a_visit() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    stats = window_stats(((utc(2026, 5, 1, 12), 0),), bounds)
    assert stats.visits_12m == 0


def test_monthly_buckets_follow_local_month_boundaries() -> None:
    bounds = as_of_bounds(date(2026, 11, 23), LONDON)
    # 23:30 UTC on 31 July is 00:30 BST on 1 August: it belongs to August
    stats = window_stats(((utc(2026, 7, 31, 23, 30), 400), (utc(2026, 7, 31, 22, 30), 50)), bounds)
    assert stats.monthly_spend[20] == 400  # August 2026
    assert stats.monthly_spend[19] == 50  # July 2026


def test_empty_window() -> None:
    stats = window_stats((), as_of_bounds(date(2026, 11, 23), LONDON))
    assert stats.spend_12m == 0
    assert stats.visits_12m == 0
    assert stats.monthly_spend == (0,) * 24


def test_local_date() -> None:
    moment = datetime(2026, 7, 9, 23, 30, tzinfo=UTC)
    assert local_date(moment, LONDON) == date(2026, 7, 10)
    assert local_date(datetime(2026, 1, 9, 23, 30, tzinfo=UTC), LONDON) == date(2026, 1, 9)

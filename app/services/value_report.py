"""The value report for the people who design tiers: the fit, predicted value by tier, and
the quiet risers (customers whose predicted spend reaches a tier above their own)."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.policy import Policy
from app.domain.standing import tier_reached
from app.domain.value_fit import ValueFit, fit_customers, kept, predictions
from app.domain.window import as_of_bounds, local_date
from app.services.audit import os_actor
from app.services.station import Station
from app.store.potential import ValueRows, saved_fit, value_rows
from app.store.queries import freshness

RISERS = 20


@dataclass(frozen=True)
class TierValue:
    tier: str
    label: str
    customers: int
    spend_12m: int  # what they spent in the last 12 months, together
    predicted_spend_12m: int  # what they are likely to spend in the next 12, together
    likely_active: int  # how many are at least `inactive_below` likely still active
    median_predicted_12m: int  # a customer's predicted 12-month spend: the middle one…
    p90_predicted_12m: int  # …and the one that 90% are at or below


@dataclass(frozen=True)
class Riser:
    customer_id: str
    tier: str
    predicted_tier: str
    spend_12m: int
    predicted_spend_12m: int
    probability_alive: float


@dataclass(frozen=True)
class ValueReport:
    as_of: date
    customers: int  # with a purchase by that day
    fit: ValueFit | None
    problem: str | None  # why there is no fit
    by_tier: tuple[TierValue, ...]
    risers: tuple[Riser, ...]


class NoValueDataError(Exception):
    """Nothing to fit: no customer has a purchase (by that day)."""


def value_report(station: Station, as_of: date | None = None) -> ValueReport:
    """As of the data's day with the fit the last import made; or, with `as_of`, fitted now
    on the purchases made by the end of that day (calibration)."""
    policy = station.policy
    saved = saved_fit(station.db)
    record = None if as_of is not None else saved
    data_day = saved.as_of if saved is not None else _data_day(station)
    if as_of is not None and as_of > data_day:
        raise NoValueDataError(
            f"--as-of {as_of.isoformat()} is after the data's day ({data_day.isoformat()}): "
            "what was bought after it is not known yet"
        )
    day = as_of or data_day
    bounds = as_of_bounds(day, station.settings.zone)
    start_12m = bounds.start_12m if as_of is not None else None
    rows = value_rows(station.db, bounds.end, start_12m)
    if not rows.ids:
        by = f" by {as_of.isoformat()}" if as_of else ""
        raise NoValueDataError(f"no customer has a purchase to fit on{by}")
    problem = None
    fitted_now = record is None
    if record is None:
        attempt = fit_customers(rows.found)
        record = kept(attempt, day, bounds.end)
        problem = None if record is not None else attempt.problem or "the fit did not converge"
    spend, alive = _figures(record, rows, fitted_now)
    station.audit.record(
        actor=os_actor(),
        action="value_report",
        detail=f"{len(rows.ids)} customers as of {day.isoformat()}",
    )
    return ValueReport(
        as_of=day,
        customers=len(rows.ids),
        fit=record,
        problem=problem,
        by_tier=_by_tier(policy, rows, spend, alive),
        risers=_risers(policy, rows, spend, alive),
    )


def _data_day(station: Station) -> date:
    """The day the data runs to: its export's, or today's."""
    exported = freshness(station.db).get("exported_at")
    if exported is None:
        return station.today()
    return local_date(datetime.fromisoformat(exported), station.settings.zone)


def _figures(
    record: ValueFit | None, rows: ValueRows, fitted_now: bool
) -> tuple[list[int | None], list[float | None]]:
    """Each customer's predicted spend and probability alive: kept, or worked out now."""
    if not fitted_now:
        return rows.predicted, rows.alive
    if record is None:
        return [None] * len(rows.ids), [None] * len(rows.ids)
    spend, alive = predictions(record, rows.found)
    return list(spend.tolist()), alive


def _by_tier(
    policy: Policy, rows: ValueRows, spend: list[int | None], alive: list[float | None]
) -> tuple[TierValue, ...]:
    threshold = float(policy.potential.inactive_below)
    totals = {t.id: [0, 0, 0, 0] for t in policy.tiers}
    forecasts: dict[str, list[int]] = {t.id: [] for t in policy.tiers}
    for i in range(len(rows.ids)):
        tier = tier_reached(policy, rows.spend_12m[i], rows.lifetime[i]).id
        total = totals[tier]
        total[0] += 1
        total[1] += rows.spend_12m[i]
        total[2] += spend[i] or 0
        chance = alive[i]
        total[3] += chance is not None and chance >= threshold
        if spend[i] is not None:
            forecasts[tier].append(spend[i] or 0)
    found = []
    for t in policy.tiers:
        count, spent, predicted, active = totals[t.id]
        middle, top = _middle_and_top(forecasts[t.id])
        found.append(TierValue(t.id, t.label, count, spent, predicted, active, middle, top))
    return tuple(found)


def _middle_and_top(values: list[int]) -> tuple[int, int]:
    """The median and the 90th percentile (nearest rank), 0 for none."""
    if not values:
        return 0, 0
    values.sort()
    at = max(math.ceil(0.9 * len(values)) - 1, 0)
    return int(statistics.median_low(values)), values[at]


def _risers(
    policy: Policy, rows: ValueRows, spend: list[int | None], alive: list[float | None]
) -> tuple[Riser, ...]:
    found = []
    least = policy.potential.rising_min_purchase_days
    for i, customer_id in enumerate(rows.ids):
        predicted, chance = spend[i], alive[i]
        if predicted is None or chance is None or rows.days[i] < least:
            continue
        tier = tier_reached(policy, rows.spend_12m[i], rows.lifetime[i])
        rising = tier_reached(policy, predicted, 0)
        gap = policy.tier_rank(rising.id) - policy.tier_rank(tier.id)
        if gap > 0:
            riser = Riser(customer_id, tier.id, rising.id, rows.spend_12m[i], predicted, chance)
            found.append((gap, predicted - rows.spend_12m[i], riser))
    found.sort(key=lambda f: (-f[0], -f[1], f[2].customer_id))
    return tuple(f[2] for f in found[:RISERS])

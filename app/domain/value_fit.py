"""The potential-value fit as it is kept with the summaries (meta `potential_fit`).

Parameters are in weeks, as the published fits are. `as_of` is the data's day the
predictions are made as of; `fitted_on` the day the parameters were fitted on, earlier when
the latest fit failed and the previous one was kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from pydantic import Field

from app.domain.models import Frozen
from app.domain.potential import BgNbdParams, Fit, GammaGammaParams, fit, predict_spend

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

HORIZON_WEEKS = 365.25 / 7  # the next 12 months


class BgNbd(Frozen):
    r: float = Field(gt=0)
    alpha: float = Field(gt=0)
    a: float = Field(gt=0)
    b: float = Field(gt=0)


class GammaGamma(Frozen):
    p: float = Field(gt=0)
    q: float = Field(gt=1)  # the mean spend is finite only above 1
    v: float = Field(gt=0)


class ValueFit(Frozen):
    as_of: date
    end: int  # epoch seconds: the end of `as_of`, which each customer's age runs to
    fitted_on: date
    customers: int
    repeat_customers: int
    bg_nbd: BgNbd
    gamma_gamma: GammaGamma
    converged: bool  # the latest attempt's own result (False: these are the kept ones)
    quality: str
    problem: str | None = None  # why the latest attempt was not used

    def model_fit(self) -> Fit:
        """The parameters as the model's fit, to predict with."""
        return Fit(
            bg_nbd=BgNbdParams(**self.bg_nbd.model_dump()),
            gamma_gamma=GammaGammaParams(**self.gamma_gamma.model_dump()),
            customers=self.customers,
            repeat_customers=self.repeat_customers,
            converged=True,
            problem=None,
            log_likelihood=None,
            seconds=0.0,
        )


def kept(fit: Fit, as_of: date, end: int) -> ValueFit | None:
    """The record of a fit that converged to sensible values, or None."""
    if not fit.converged or fit.bg_nbd is None or fit.gamma_gamma is None:
        return None
    g, m = fit.bg_nbd, fit.gamma_gamma
    return ValueFit(
        as_of=as_of,
        end=end,
        fitted_on=as_of,
        customers=fit.customers,
        repeat_customers=fit.repeat_customers,
        bg_nbd=BgNbd(r=g.r, alpha=g.alpha, a=g.a, b=g.b),
        gamma_gamma=GammaGamma(p=m.p, q=m.q, v=m.v),
        converged=True,
        quality=fit.quality(),
    )


def carried_over(previous: ValueFit, failed: Fit, as_of: date, end: int) -> ValueFit:
    """The previous parameters, kept for the new data's day, with why the new fit was not."""
    return previous.model_copy(
        update={
            "as_of": as_of,
            "end": end,
            "converged": False,
            "problem": failed.problem or "the fit gave values that cannot be used",
        }
    )


class Customers(NamedTuple):
    """Each customer's (frequency, recency, age, mean spend) as the models take them: purchase
    days, not purchases; weeks, measured in whole days; minor units."""

    frequency: FloatArray  # purchase days after the first
    recency: FloatArray  # weeks from the first purchase day to the last
    age: FloatArray  # weeks from the first purchase day to the data's day
    mean_spend: FloatArray  # per repeat purchase day (the first day's spend left out)


DAY_SECONDS = 86_400


def customers(
    days: Sequence[int],
    firsts: Sequence[int],
    lasts: Sequence[int],
    gross: Sequence[int],
    first_day: Sequence[int],
    end: int,
) -> Customers:
    """From the summaries' purchase days (UTC), first and last purchase (epoch seconds), gross
    spend and first day's spend, as of the day that ends at `end` (exclusive): as Fader and
    Hardie count them, several purchases on one day are one, and a purchase dated after the
    data's day counts as made on it."""
    count = np.asarray(days, dtype=np.float64)
    today = (end - 1) // DAY_SECONDS
    last = np.minimum(np.asarray(lasts, dtype=np.int64) // DAY_SECONDS, today)
    first = np.minimum(np.asarray(firsts, dtype=np.int64) // DAY_SECONDS, last)
    repeat = np.asarray(gross, dtype=np.float64) - np.asarray(first_day, dtype=np.float64)
    return Customers(
        frequency=np.maximum(count - 1, 0),
        recency=(last - first).astype(np.float64) / 7,
        age=(today - first).astype(np.float64) / 7,
        mean_spend=np.where(count > 1, repeat / np.maximum(count - 1, 1), 0.0),
    )


def fit_customers(found: Customers) -> Fit:
    return fit(found.frequency, found.recency, found.age, found.mean_spend)


def predictions(record: ValueFit, found: Customers) -> tuple[IntArray, list[float | None]]:
    """Each customer's likely spend over the next 12 months (whole minor units) and how
    likely they are to be still active: None after a single purchase day, where BG/NBD
    assumes nobody has left yet (it would say 100%, which no one at the counter should read)."""
    spend, alive = predict_spend(
        record.model_fit(),
        HORIZON_WEEKS,
        found.frequency,
        found.recency,
        found.age,
        found.mean_spend,
    )
    alive = np.clip(alive, 0.0, 1.0)
    known = (found.frequency > 0).tolist()
    return np.rint(spend).astype(np.int64), [
        a if k else None for a, k in zip(alive.tolist(), known, strict=True)
    ]


@dataclass(frozen=True)
class Refit:
    """What an import's fit came to: the record to keep (None: none yet) and a line to say."""

    record: ValueFit | None
    said: str
    kept_previous: bool  # the new fit failed and the one in use was kept: a warning


def refit(found: Customers, previous: ValueFit | None, as_of: date, end: int) -> Refit:
    """Fit anew; a fit that fails keeps the previous parameters for the new day, and says so."""
    attempt = fit_customers(found)
    record = kept(attempt, as_of, end)
    if record is not None:
        return Refit(record, f"potential value: {record.quality}", kept_previous=False)
    problem = attempt.problem or "the fit gave values that cannot be used"
    if previous is None:
        return Refit(None, f"potential value not fitted: {problem}", kept_previous=False)
    said = (
        f"potential value not refitted: {problem}; the fit of "
        f"{previous.fitted_on.isoformat()} is kept"
    )
    return Refit(carried_over(previous, attempt, as_of, end), said, kept_previous=True)

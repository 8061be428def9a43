"""Potential value: the BG/NBD and Gamma-Gamma fits and their predictions.

The published-parameter test uses the CDNOW 1/10th sample (2,357 customers who first bought
in Q1 1997), kept raw in tests/domain/data/CDNOW_sample.txt. Source: Bruce Hardie's datasets
(brucehardie.com/datasets), as shipped by CamDavidsonPilon/lifetimes at
lifetimes/datasets/CDNOW_sample.txt. Columns: customer id (sample), customer id (master),
date YYYYMMDD, number of CDs, dollar value.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray
from scipy import optimize, special

from app.domain.potential import (
    BgNbdParams,
    Fit,
    GammaGammaParams,
    _BgNbdData,
    _by_quadrature,
    _GammaGammaData,
    _purchases_if_alive,
    expected_mean_spend,
    expected_purchases,
    fit,
    fit_gamma_gamma,
    predict_spend,
    probability_alive,
)

Floats = NDArray[np.float64]

CDNOW = Path(__file__).parent / "data" / "CDNOW_sample.txt"
CALIBRATION_START = date(1997, 1, 1)
# Weeks 1–39. T runs to the start of 30 September, as in Hardie's own summary (T = 38.86 for
# a first purchase on 1 January); running it to 1 October (T = 39) gives a = 0.814, b = 2.48.
CALIBRATION_END = date(1997, 9, 30)

# Fader, Hardie & Lee (2005): BG/NBD on the CDNOW sample, and Gamma-Gamma on its 946 repeaters
PUBLISHED_BG = BgNbdParams(r=0.243, alpha=4.414, a=0.793, b=2.426)
PUBLISHED_GG = GammaGammaParams(p=6.25, q=3.74, v=15.44)
PUBLISHED_LL = -9582.4


@cache
def cdnow_calibration() -> tuple[Floats, Floats, Floats, Floats]:
    """(x, t_x, T, m̄) per customer, as Fader & Hardie build it.

    Transactions in the calibration period are summed by day (several on one day are one
    purchase); x = purchase days after the first; t_x and T are days from the first purchase
    day to the last one and to 1997-09-30, in weeks; m̄ = mean daily value over the repeat
    days (the first purchase left out). This reproduces Hardie's own summary file exactly
    (customer 1: x=2, t_x=30.43, T=38.86, m̄=22.35).
    """
    days: dict[str, dict[date, float]] = {}
    for line in CDNOW.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        customer, _master, when, _cds, dollars = line.split()
        day = date(int(when[:4]), int(when[4:6]), int(when[6:]))
        spent = days.setdefault(customer, {})
        if day <= CALIBRATION_END:
            spent[day] = spent.get(day, 0.0) + float(dollars)
    x, t_x, age, mean = [], [], [], []
    for spent in days.values():
        ordered = sorted(spent)
        first = ordered[0]
        x.append(len(ordered) - 1)
        t_x.append((ordered[-1] - first).days / 7)
        age.append((CALIBRATION_END - first).days / 7)
        repeat = [spent[d] for d in ordered[1:]]
        mean.append(sum(repeat) / len(repeat) if repeat else 0.0)
    return (np.array(x, float), np.array(t_x), np.array(age), np.array(mean))


def relative(got: float, want: float) -> float:
    return abs(got - want) / abs(want)


# ----------------------------------------------------------------------- published figures


def test_the_cdnow_summary_matches_hardies() -> None:
    x, t_x, age, mean = cdnow_calibration()
    assert x.size == 2357
    assert int((x > 0).sum()) == 946
    assert int(x.sum()) == 2457  # repeat purchases in weeks 1–39
    first = (x[0], t_x[0], age[0], mean[0])
    assert first == pytest.approx((2, 30.43, 38.86, 22.35), abs=0.006)  # m̄ = (29.73+14.96)/2
    assert age.max() == (CALIBRATION_END - CALIBRATION_START).days / 7  # first bought 1 Jan
    assert (age >= t_x).all()


def test_the_cdnow_fit_reproduces_the_published_parameters() -> None:
    x, t_x, age, mean = cdnow_calibration()
    result = fit(x, t_x, age, mean)
    assert result.converged, result.problem
    assert result.problem is None
    assert result.bg_nbd is not None and result.gamma_gamma is not None
    bg, gg = result.bg_nbd, result.gamma_gamma
    for got, want in (
        (bg.r, PUBLISHED_BG.r),
        (bg.alpha, PUBLISHED_BG.alpha),
        (bg.a, PUBLISHED_BG.a),
        (bg.b, PUBLISHED_BG.b),
        (gg.p, PUBLISHED_GG.p),
        (gg.q, PUBLISHED_GG.q),
        (gg.v, PUBLISHED_GG.v),
    ):
        assert relative(got, want) < 0.01, (got, want)
    assert result.log_likelihood is not None
    assert result.log_likelihood == pytest.approx(PUBLISHED_LL, abs=0.1)
    assert (result.customers, result.repeat_customers) == (2357, 946)
    line = result.quality()
    assert line.startswith("BG/NBD and Gamma-Gamma fitted on 2,357 customers (946 repeat) in ")
    assert line.endswith("; log-likelihood -9582.4")


def test_hardies_worked_conditional_expectation() -> None:
    # "Computing E[Y(t) | x, t_x, T]": customer with x=2, t_x=30.43, T=38.86 over 39 weeks
    got = expected_purchases(PUBLISHED_BG, 39, 2, 30.43, 38.86)
    assert got.shape == ()
    assert round(float(got), 3) == 1.226


def test_the_cdnow_population_mean_spend() -> None:
    # p v / (q − 1) with the published figures: $35.22 per transaction
    assert PUBLISHED_GG.population_mean == pytest.approx(35.22, abs=0.01)
    assert float(expected_mean_spend(PUBLISHED_GG, 0, math.nan)) == pytest.approx(35.22, abs=0.01)


# ---------------------------------------------------------------------- fitting mechanics


def test_weights_are_the_same_as_repeated_rows() -> None:
    x, t_x, age, mean = cdnow_calibration()
    counts = np.arange(x.size) % 3 + 1
    repeated = fit(*(np.repeat(v, counts) for v in (x, t_x, age, mean)))
    weighted = fit(x, t_x, age, mean, weights=counts)
    assert repeated.converged and weighted.converged
    assert weighted.customers == repeated.customers == int(counts.sum())
    assert weighted.repeat_customers == repeated.repeat_customers
    assert weighted.bg_nbd is not None and repeated.bg_nbd is not None
    assert weighted.gamma_gamma is not None and repeated.gamma_gamma is not None
    for name in ("r", "alpha", "a", "b"):
        assert getattr(weighted.bg_nbd, name) == pytest.approx(
            getattr(repeated.bg_nbd, name), rel=1e-6
        )
    for name in ("p", "q", "v"):
        assert getattr(weighted.gamma_gamma, name) == pytest.approx(
            getattr(repeated.gamma_gamma, name), rel=1e-6
        )
    assert weighted.log_likelihood == pytest.approx(repeated.log_likelihood, rel=1e-9)


def test_spend_in_other_money_units_scales_v_only() -> None:
    x, _, _, mean = cdnow_calibration()
    dollars, cents = fit_gamma_gamma(x, mean), fit_gamma_gamma(x, mean * 100)
    assert dollars[0] is not None and cents[0] is not None
    assert cents[0].p == pytest.approx(dollars[0].p, rel=1e-5)
    assert cents[0].q == pytest.approx(dollars[0].q, rel=1e-5)
    assert cents[0].v == pytest.approx(dollars[0].v * 100, rel=1e-5)


def bg_nbd_log_likelihood(params: BgNbdParams, x: Floats, t_x: Floats, age: Floats) -> Floats:
    """The paper's per-customer likelihood, written out directly (no collapsing)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(divide="ignore"):
        a4 = np.where(
            x > 0,
            np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
            -np.inf,
        )
    return np.asarray(
        special.gammaln(r + x)
        - special.gammaln(r)
        + r * np.log(alpha)
        + special.betaln(a, b + x)
        - special.betaln(a, b)
        + np.logaddexp(-(r + x) * np.log(alpha + age), a4),
        dtype=np.float64,
    )


def test_the_collapsed_likelihood_and_its_gradient() -> None:
    x, t_x, age, _ = cdnow_calibration()
    data = _BgNbdData.build(x, t_x, age, np.ones_like(x))
    assert data.w.size + data.zero_age.size < x.size  # rows were collapsed
    for params in (PUBLISHED_BG, BgNbdParams(2.0, 0.3, 5.0, 0.1), BgNbdParams(0.01, 90, 0.05, 40)):
        theta = np.log([params.r, params.alpha, params.a, params.b])
        value, grad = data.neg_mean_ll(theta)
        direct = bg_nbd_log_likelihood(params, x, t_x, age).sum()
        assert -value * x.size == pytest.approx(direct, rel=1e-12)
        numeric = optimize.approx_fprime(theta, lambda th: data.neg_mean_ll(th)[0], 1e-7)
        assert grad == pytest.approx(numeric, abs=1e-5)


def test_the_gamma_gamma_gradient() -> None:
    x, _, _, mean = cdnow_calibration()
    keep = x > 0
    data = _GammaGammaData.build(x[keep], mean[keep], np.ones(int(keep.sum())))
    for theta in (np.log([6.25, 3.74, 15.44]), np.log([0.5, 1.2, 100.0])):
        _, grad = data.neg_mean_ll(theta)
        numeric = optimize.approx_fprime(theta, lambda th: data.neg_mean_ll(th)[0], 1e-7)
        assert grad == pytest.approx(numeric, abs=1e-5)


def simulate(
    n: int, params: BgNbdParams, spend: GammaGammaParams, seed: int
) -> tuple[Floats, Floats, Floats, Floats]:
    """Customers drawn from the models themselves, over up to two years."""
    rng = np.random.default_rng(seed)
    age = rng.uniform(1, 104, n)
    rate = rng.gamma(params.r, 1 / params.alpha, n)
    dropout = rng.beta(params.a, params.b, n)
    purchases = rng.poisson(rate * age)
    x = np.minimum(purchases, rng.geometric(dropout))  # dies after a repeat purchase
    t_x = np.zeros(n)
    back = x > 0
    t_x[back] = age[back] * rng.beta(x[back], purchases[back] - x[back] + 1)
    nu = rng.gamma(spend.q, 1 / spend.v, n)
    mean = np.zeros(n)
    mean[back] = rng.gamma(spend.p * x[back], 1 / (x[back] * nu[back]))
    return x.astype(float), t_x, age, mean


def test_a_fit_recovers_the_parameters_it_was_simulated_from() -> None:
    truth, spend = BgNbdParams(0.5, 6.0, 0.8, 3.0), GammaGammaParams(5.0, 4.0, 20.0)
    result = fit(*simulate(40_000, truth, spend, seed=7))
    assert result.converged, result.problem
    assert result.bg_nbd is not None and result.gamma_gamma is not None
    for name in ("r", "alpha", "a", "b"):
        assert relative(getattr(result.bg_nbd, name), getattr(truth, name)) < 0.15, name
    for name in ("p", "q", "v"):
        assert relative(getattr(result.gamma_gamma, name), getattr(spend, name)) < 0.15, name


# ------------------------------------------------------------------------------- bad data


def no_fit(result: Fit, *words: str) -> None:
    assert not result.converged
    assert result.problem
    assert all(w in result.problem for w in words), result.problem
    assert result.quality().startswith("No usable fit from ")
    assert result.problem in result.quality()


def test_no_customers() -> None:
    no_fit(fit([], [], [], []), "no customers")
    no_fit(fit(np.array([]), np.array([]), np.array([]), np.array([])), "no customers")


def test_nobody_came_back() -> None:
    zeros = np.zeros(500)
    no_fit(fit(zeros, zeros, np.linspace(1, 40, 500), zeros), "come back")
    no_fit(fit(zeros, zeros, zeros, zeros), "come back")


def test_a_single_customer() -> None:
    no_fit(fit([3], [10.0], [20.0], [12.5]), "only 1 customers", "20")


def test_too_few_returning_customers() -> None:
    x = np.zeros(200)
    x[:5] = 2
    t_x = np.where(x > 0, 5.0, 0.0)
    no_fit(fit(x, t_x, np.full(200, 30.0), np.full(200, 9.0)), "only 5 customers have come back")


def test_missing_values() -> None:
    x, t_x, age, mean = (v.copy() for v in cdnow_calibration())
    x[3] = math.nan
    no_fit(fit(x, t_x, age, mean), "1 customers have a missing")
    nan = np.full(100, math.nan)
    no_fit(fit(nan, nan, nan, nan), "100 customers have a missing")
    x, t_x, age, mean = (v.copy() for v in cdnow_calibration())
    age[:2] = math.inf
    no_fit(fit(x, t_x, age, mean), "2 customers have a missing")


def test_impossible_histories() -> None:
    x, t_x, age, mean = (v.copy() for v in cdnow_calibration())
    t_x[0] = age[0] + 1
    no_fit(fit(x, t_x, age, mean), "impossible")
    x, t_x, age, mean = (v.copy() for v in cdnow_calibration())
    x[5] = -1
    no_fit(fit(x, t_x, age, mean), "impossible")


def test_mismatched_or_unreadable_input() -> None:
    no_fit(fit([1, 2], [1.0], [3.0, 4.0], [5.0, 6.0]), "different lengths")
    no_fit(fit(["a", "b"], [1, 2], [3, 4], [5, 6]), "unexpectedly")
    x, t_x, age, mean = cdnow_calibration()
    no_fit(fit(x, t_x, age, mean, weights=-np.ones_like(x)), "weights")


def test_missing_spend_only_leaves_those_customers_out_of_the_spend_model() -> None:
    x, t_x, age, mean = (v.copy() for v in cdnow_calibration())
    repeaters = np.flatnonzero(x > 0)
    mean[repeaters[:10]] = math.nan
    mean[repeaters[10:15]] = 0.0
    result = fit(x, t_x, age, mean)
    assert result.converged, result.problem
    assert (result.customers, result.repeat_customers) == (2357, 931)


def test_no_dropout_in_the_data_runs_the_model_off_to_an_extreme() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(1, 10, 2000).astype(float)
    age = rng.uniform(10, 50, 2000)  # everyone bought again on the last day
    no_fit(fit(x, age, age, rng.uniform(10, 15, 2000)), "extreme")


def test_spend_too_varied_for_a_mean() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(1, 6, 3000).astype(float)
    nu = rng.gamma(0.7, 1 / 10.0, 3000)  # q = 0.7: no finite mean across customers
    params, problem = fit_gamma_gamma(x, rng.gamma(4 * x, 1 / (x * nu)))
    assert params is None
    assert problem is not None and "q = 0.69" in problem


def test_predicting_from_an_unusable_fit_is_refused() -> None:
    failed = fit([], [], [], [])
    with pytest.raises(ValueError, match="not usable"):
        predict_spend(failed, 52, [1], [1], [2], [10])
    with pytest.raises(ValueError):
        BgNbdParams(r=math.nan, alpha=1, a=1, b=1)
    with pytest.raises(ValueError):
        GammaGammaParams(p=1, q=0, v=1)
    with pytest.raises(ValueError, match="q must exceed 1"):
        expected_mean_spend(GammaGammaParams(p=1, q=0.5, v=1), [1], [10])


# ---------------------------------------------------------------------------- predictions


def direct_purchases_if_alive(params: BgNbdParams, t: float, x: Floats, age: Floats) -> Floats:
    """Equation (10)'s numerator as printed, without Euler's transformation."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    z = t / (alpha + age + t)
    shrink = ((alpha + age) / (alpha + age + t)) ** (r + x)
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    return np.asarray((a + b + x - 1) / (a - 1) * (1 - shrink * hyp), dtype=np.float64)


@pytest.mark.parametrize(
    "params",
    [PUBLISHED_BG, BgNbdParams(1.5, 20.0, 2.5, 4.0), BgNbdParams(0.3, 2.0, 0.4, 0.9)],
)
def test_the_transformed_expectation_matches_the_printed_formula(params: BgNbdParams) -> None:
    x = np.repeat(np.arange(0.0, 8.0), 4)
    age = np.tile([5.0, 20.0, 39.0, 80.0], 8)
    for t in (1.0, 13.0, 39.0, 52.0):
        mine = _purchases_if_alive(params, np.full(x.size, t), x, age)
        assert mine == pytest.approx(direct_purchases_if_alive(params, t, x, age), rel=1e-9)
        by_quadrature = _by_quadrature(params.r, params.a, params.b, t / (params.alpha + age), x)
        assert by_quadrature == pytest.approx(mine, rel=1e-6)


def test_a_near_one_is_no_singularity() -> None:
    below, at, above = (BgNbdParams(0.5, 5.0, a, 3.0) for a in (1 - 1e-9, 1.0, 1 + 1e-9))
    values = [float(expected_purchases(p, 52, 3, 20.0, 40.0)) for p in (below, at, above)]
    assert values[0] == pytest.approx(values[1], rel=1e-5)
    assert values[2] == pytest.approx(values[1], rel=1e-5)
    near = BgNbdParams(0.5, 5.0, 1.001, 3.0)
    assert float(expected_purchases(near, 52, 3, 20.0, 40.0)) == pytest.approx(values[1], rel=1e-3)


def test_extreme_histories_stay_finite() -> None:
    x = np.array([0, 1, 50, 200, 500, 500, 500.0])
    t_x = np.array([0, 0, 10, 519, 1, 260, 520.0])
    age = np.array([520, 520, 520, 520, 520, 520, 520.0])
    for params in (
        PUBLISHED_BG,
        BgNbdParams(20.0, 0.5, 0.05, 90.0),
        BgNbdParams(0.01, 500, 50, 0.1),
    ):
        for t in (1.0, 52.0, 520.0):
            got = expected_purchases(params, t, x, t_x, age)
            assert np.isfinite(got).all() and (got >= 0).all()
            assert (got <= (params.r + x) * t / (params.alpha + age) + 1e-12).all()
        alive = probability_alive(params, x, t_x, age)
        assert ((alive >= 0) & (alive <= 1)).all()
    # a heavy buyer silent for ten years is gone, and says so without overflowing
    assert float(probability_alive(PUBLISHED_BG, 500, 1, 520)) == 0.0
    assert float(probability_alive(PUBLISHED_BG, 0, 0, 520)) == 1.0


def test_extreme_parameters_fall_back_to_quadrature() -> None:
    # ₂F₁ loses all accuracy here (it would say ~3,006 purchases); the truth is ~1.0017
    params = BgNbdParams(294.1, 21.84, 223.2, 0.3683)
    got = float(expected_purchases(params, 5200.0, 0, 0, 486.86))
    assert got == pytest.approx(1.00166, rel=1e-3)


def test_a_whole_number_c_minus_a_minus_b_is_no_trouble() -> None:
    # x + r − a + 1 = 256 exactly: scipy's ₂F₁ returns NaN there; mpmath says 254.4720489
    params = BgNbdParams(r=1.0, alpha=0.0546875, a=2.0, b=1.0245080179862711)
    got = expected_purchases(params, 9.0, np.array([255.0, 256.0]), 0.0, 0.0)
    assert got == pytest.approx([253.4780885699987, 254.4720488817592], rel=1e-8)


def test_recency_and_frequency_move_the_expectation_the_right_way() -> None:
    # more recent last purchase: more likely alive, more purchases expected
    t_x = np.linspace(0, 39, 40)
    by_recency = expected_purchases(PUBLISHED_BG, 39, 5, t_x, 39)
    assert (np.diff(by_recency) >= 0).all()
    # more purchases with the last one just now: more expected
    by_frequency = expected_purchases(PUBLISHED_BG, 39, np.arange(0, 60), 39, 39)
    assert (np.diff(by_frequency) >= 0).all()
    # ...but many purchases followed by a long silence mean the customer has likely gone:
    # at a fixed, old recency the expectation falls with frequency (the paper's Figure 3)
    silent = expected_purchases(PUBLISHED_BG, 39, np.array([1, 5, 10]), 5, 39)
    assert silent[0] > silent[1] > silent[2]


def test_expected_mean_spend_shrinks_towards_the_population_mean() -> None:
    x = np.array([0, 1, 2, 10, 100, 1, 3, 4])
    mean = np.array([math.nan, 20, 20, 20, 20, math.nan, -50, 0])
    got = expected_mean_spend(PUBLISHED_GG, x, mean)
    population = PUBLISHED_GG.population_mean
    assert got[0] == got[5] == pytest.approx(population)
    assert population > got[1] > got[2] > got[3] > got[4] > 20  # more visits, nearer own mean
    assert got[6] == 0.0  # net refunds: nothing, never negative
    assert got[7] > 0


def test_predict_spend_is_purchases_times_spend() -> None:
    x, t_x, age, mean = cdnow_calibration()
    result = fit(x, t_x, age, mean)
    spend, alive = predict_spend(result, 52, x, t_x, age, mean)
    assert result.bg_nbd is not None and result.gamma_gamma is not None
    purchases = expected_purchases(result.bg_nbd, 52, x, t_x, age)
    assert spend == pytest.approx(purchases * expected_mean_spend(result.gamma_gamma, x, mean))
    assert alive == pytest.approx(probability_alive(result.bg_nbd, x, t_x, age))
    assert spend.dtype == alive.dtype == np.float64
    assert spend.shape == alive.shape == x.shape
    assert (spend >= 0).all() and ((alive >= 0) & (alive <= 1)).all()
    # Hardie's customer 1 (x=2, t_x=30.43, T=38.86) over 39 weeks, at the fitted values
    one, _ = predict_spend(result, 39, 2, 30.43, 38.86, 22.35)
    expected = 1.226 * (6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1))
    assert float(one) == pytest.approx(expected, rel=0.01)


def test_predictions_read_missing_inputs_as_no_history() -> None:
    nan = math.nan
    x, t_x, age = [nan, 2, 2, -1], [nan, nan, 50, 3], [10, 20, 30, nan]
    got = expected_purchases(PUBLISHED_BG, 52, x, t_x, age)
    assert np.isfinite(got).all() and (got >= 0).all()
    alive = probability_alive(PUBLISHED_BG, x, t_x, age)
    assert alive[0] == alive[3] == 1.0  # read as x = 0
    assert float(expected_purchases(PUBLISHED_BG, nan, 2, 10, 20)) == 0.0
    assert float(expected_purchases(PUBLISHED_BG, 0, 2, 10, 20)) == 0.0


# ------------------------------------------------------------------------------ properties

positive = st.floats(min_value=0.01, max_value=50.0)
bg_params = st.builds(
    BgNbdParams,
    r=positive,
    alpha=st.floats(min_value=0.05, max_value=500.0),
    a=positive,
    b=st.floats(min_value=0.01, max_value=100.0),
)
gg_params = st.builds(
    GammaGammaParams,
    p=positive,
    q=st.floats(min_value=1.01, max_value=50.0),
    v=st.floats(min_value=0.01, max_value=1000.0),
)
ages = st.floats(min_value=0.0, max_value=520.0)
fractions = st.floats(min_value=0.0, max_value=1.0)
counts = st.integers(min_value=0, max_value=500)
horizons = st.floats(min_value=0.0, max_value=520.0)


@settings(max_examples=300, deadline=None)
@given(bg_params, horizons, counts, fractions, ages)
def test_expectations_are_finite_bounded_and_never_negative(
    params: BgNbdParams, t: float, x: int, share: float, age: float
) -> None:
    t_x = share * age if x else 0.0
    got = float(expected_purchases(params, t, x, t_x, age))
    assert math.isfinite(got) and got >= 0
    assert got <= (params.r + x) * t / (params.alpha + age) * (1 + 1e-9) + 1e-12
    alive = float(probability_alive(params, x, t_x, age))
    assert 0.0 <= alive <= 1.0


@settings(max_examples=200, deadline=None)
@given(bg_params, horizons, ages, fractions)
def test_expectation_rises_with_frequency_when_recent(
    params: BgNbdParams, t: float, age: float, share: float
) -> None:
    slack = 1e-7  # E[Y(t)] is accurate to ~1e-9 relative close to a = 1, ~1e-13 elsewhere
    # from x = 1: BG/NBD cannot lose a customer before a repeat purchase, so P(alive | x=0) = 1
    # and x = 0 → 1 can lower the expectation (a = 2, b = 1: 0.61 → 0.39 over a week)
    x = np.arange(1, 501, dtype=float)
    got = expected_purchases(params, t, x, age, age)
    assert (np.diff(got) >= -slack * got[1:]).all()
    # and with recency, at any fixed frequency
    t_x = np.linspace(0, age, 50)
    by_recency = expected_purchases(params, t, max(1, round(share * 500)), t_x, age)
    assert (np.diff(by_recency) >= -slack * by_recency[1:]).all()


@settings(max_examples=200, deadline=None)
@given(
    bg_params,
    gg_params,
    horizons,
    st.lists(
        st.tuples(
            counts,
            fractions,
            ages,
            st.one_of(st.floats(min_value=-100, max_value=1e6), st.just(math.nan)),
        ),
        min_size=1,
        max_size=30,
    ),
)
def test_predicted_spend_is_never_negative(
    bg: BgNbdParams,
    gg: GammaGammaParams,
    t: float,
    rows: list[tuple[int, float, float, float]],
) -> None:
    x = np.array([r[0] for r in rows], dtype=float)
    age = np.array([r[2] for r in rows])
    t_x = np.where(x > 0, np.array([r[1] for r in rows]) * age, 0.0)
    mean = np.array([r[3] for r in rows])
    model = Fit(bg, gg, len(rows), int((x > 0).sum()), True, None, None, 0.0)
    spend, alive = predict_spend(model, t, x, t_x, age, mean)
    assert np.isfinite(spend).all() and (spend >= 0).all()
    assert ((alive >= 0) & (alive <= 1)).all()
    per_visit = expected_mean_spend(gg, x, mean)
    assert np.isfinite(per_visit).all() and (per_visit >= 0).all()


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(counts, st.just(-1)),
            st.one_of(fractions, st.just(math.nan)),
            st.one_of(ages, st.just(math.nan), st.just(math.inf)),
            st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(0.0)),
        ),
        max_size=80,
    )
)
def test_a_fit_never_raises(rows: list[tuple[int, float, float, float]]) -> None:
    x = np.array([r[0] for r in rows], dtype=float)
    age = np.array([r[2] for r in rows], dtype=float)
    with np.errstate(invalid="ignore"):
        t_x = np.where(x > 0, np.array([r[1] for r in rows], dtype=float) * age, 0.0)
    result = fit(x, t_x, age, np.array([r[3] for r in rows], dtype=float))
    assert result.converged == (result.problem is None)
    if not result.converged:
        assert result.problem

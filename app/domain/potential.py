"""Customer potential: the BG/NBD and Gamma-Gamma "buy till you die" models.

Pure computation over per-customer arrays (numpy/scipy only; no I/O). Time is in weeks.

For each customer with at least one purchase:

* ``frequency`` x: the number of repeat purchases (purchase days after the first one),
* ``recency`` t_x: weeks from the first purchase to the last one (0 when x = 0),
* ``age`` T: weeks from the first purchase to the end of the observation period,
* ``mean_spend`` m̄: the mean value of the repeat purchases (ignored where x = 0).

BG/NBD: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to
the Pareto/NBD model", Marketing Science 24(2). Gamma-Gamma: Fader, Hardie & Lee (2005),
"RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4), with the
likelihood of Fader & Hardie's note "The Gamma-Gamma model of monetary value" (2013).

Both are fitted by maximum likelihood over log-parameters with L-BFGS-B and analytic
gradients (Nelder-Mead if the line search stalls). Identical customers are collapsed into
weighted rows first, and terms that depend only on x, only on t_x or only on T are evaluated
once per distinct value, so a million customers fit in a couple of seconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import optimize, special

FloatArray = NDArray[np.float64]
IndexArray = NDArray[np.intp]
Objective = Callable[[FloatArray], tuple[float, FloatArray]]

MIN_CUSTOMERS = 20  # fewer than this and nothing is fitted
MIN_REPEAT_CUSTOMERS = 10  # customers who came back, needed by both models
PARAMETER_FLOOR = 1e-6  # the optimiser searches each parameter within [floor, ceiling]
PARAMETER_CEILING = 1e6
EXTREME_LOW = 1e-5  # a fitted parameter outside [low, high] has run off towards a bound:
EXTREME_HIGH = 1e5  # the data cannot pin the model down, so the fit is not used

_LOG_LOW = math.log(PARAMETER_FLOOR)
_LOG_HIGH = math.log(PARAMETER_CEILING)
_BOUND_MARGIN = 0.05  # a log-parameter this close to a bound is not checked for a zero slope
_GRADIENT_OK = 1e-4  # |d(mean LL)/d(log-parameter)| small enough to accept a stalled search
_A_NEAR_ONE = 1e-4  # E[Y(t)] has a removable singularity at a = 1: interpolate across it
_SHORT_HORIZON = 1e-2  # below this (r+x+6)·t/(α+T), E[Y(t)] comes from its series in t,
_SERIES_TERMS = 6  # to within ~1e-12 (₂F₁ minus 1 is all rounding error there)
_TANH_SINH_STEP = 0.05  # quadrature, the fallback for E[Y(t)] when ₂F₁ fails: 129 nodes
_TANH_SINH_REACH = 3.2
_CHUNK = 65536  # rows per block in the quadrature fallback


@dataclass(frozen=True, slots=True)
class BgNbdParams:
    """BG/NBD: purchase rate λ ~ Gamma(r, α) (α in weeks), dropout p ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float

    def __post_init__(self) -> None:
        _require_positive(r=self.r, alpha=self.alpha, a=self.a, b=self.b)


@dataclass(frozen=True, slots=True)
class GammaGammaParams:
    """Gamma-Gamma: spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, v); mean p·v/(q−1)."""

    p: float
    q: float
    v: float

    def __post_init__(self) -> None:
        _require_positive(p=self.p, q=self.q, v=self.v)

    @property
    def population_mean(self) -> float:
        """Mean spend per purchase across customers (infinite unless q > 1)."""
        return self.p * self.v / (self.q - 1.0) if self.q > 1.0 else math.inf


@dataclass(frozen=True, slots=True)
class Fit:
    """The outcome of `fit`: parameters where a model fitted sensibly, else a plain reason.

    A model's parameters are None when it could not be fitted; ``converged`` is True only
    when both are present.
    """

    bg_nbd: BgNbdParams | None
    gamma_gamma: GammaGammaParams | None
    customers: int  # customers with >= 1 purchase used for BG/NBD
    repeat_customers: int  # customers with x > 0 and a positive mean spend, for Gamma-Gamma
    converged: bool
    problem: str | None  # plain-English reason when not converged
    log_likelihood: float | None  # BG/NBD total log-likelihood
    seconds: float

    def quality(self) -> str:
        """One short plain-English line about the fit."""
        if self.converged and self.log_likelihood is not None:
            return (
                f"BG/NBD and Gamma-Gamma fitted on {self.customers:,} customers "
                f"({self.repeat_customers:,} repeat) in {self.seconds:.1f} s; "
                f"log-likelihood {self.log_likelihood:.1f}"
            )
        return (
            f"No usable fit from {self.customers:,} customers "
            f"({self.repeat_customers:,} repeat) in {self.seconds:.1f} s: {self.problem}"
        )


# ---------------------------------------------------------------------------------- fitting


def fit(
    frequency: ArrayLike,
    recency: ArrayLike,
    age: ArrayLike,
    mean_spend: ArrayLike,
    weights: ArrayLike | None = None,
) -> Fit:
    """Fit BG/NBD on every customer and Gamma-Gamma on those with x > 0 and m̄ > 0.

    ``weights`` (optional, non-negative counts) says how many identical customers each row
    stands for. Never raises: bad or insufficient data give ``converged=False`` and a
    plain-English ``problem``. Any missing frequency, recency or age fails the fit; a missing
    or non-positive mean spend only leaves that customer out of the spend model.
    """
    started = time.perf_counter()
    try:
        return _fit(frequency, recency, age, mean_spend, weights, started)
    except Exception as exc:  # a fit must never take the caller down
        return Fit(
            bg_nbd=None,
            gamma_gamma=None,
            customers=0,
            repeat_customers=0,
            converged=False,
            problem=f"the fit failed unexpectedly ({type(exc).__name__}: {exc})",
            log_likelihood=None,
            seconds=time.perf_counter() - started,
        )


def _fit(
    frequency: ArrayLike,
    recency: ArrayLike,
    age: ArrayLike,
    mean_spend: ArrayLike,
    weights: ArrayLike | None,
    started: float,
) -> Fit:
    def failed(problem: str, customers: int = 0, repeat: int = 0) -> Fit:
        seconds = time.perf_counter() - started
        return Fit(None, None, customers, repeat, False, problem, None, seconds)

    x, t_x, big_t, spend = (
        np.asarray(v, dtype=np.float64).ravel() for v in (frequency, recency, age, mean_spend)
    )
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if not x.size == t_x.size == big_t.size == spend.size == w.size:
        return failed("frequency, recency, age, spend and weights have different lengths")
    if x.size == 0:
        return failed("there are no customers to learn from")
    if not np.isfinite(w).all() or (w < 0).any():
        return failed("some weights are missing, negative or not numbers")
    keep = w > 0
    x, t_x, big_t, spend, w = x[keep], t_x[keep], big_t[keep], spend[keep], w[keep]
    missing = np.count_nonzero(~(np.isfinite(x) & np.isfinite(t_x) & np.isfinite(big_t)))
    if missing:
        return failed(f"{missing:,} customers have a missing frequency, recency or age")
    impossible = np.count_nonzero(
        (x < 0) | (t_x < 0) | (t_x > big_t + 1e-9) | ((x == 0) & (t_x > 1e-9))
    )
    if impossible:
        return failed(
            f"{impossible:,} customers have impossible histories (a negative count or time, "
            "or a last purchase after the end of the period)"
        )
    t_x = np.minimum(t_x, big_t)
    returning = x > 0
    with np.errstate(invalid="ignore"):
        good_spend = returning & np.isfinite(spend) & (spend > 0)
    customers = round(float(w.sum()))
    returned = round(float(w[returning].sum()))
    repeat = round(float(w[good_spend].sum()))
    if customers < MIN_CUSTOMERS:
        return failed(
            f"only {customers:,} customers; at least {MIN_CUSTOMERS} are needed", customers, repeat
        )
    if returned == 0:
        return failed(
            "no customer has come back yet, so there is nothing to learn about repeat buying",
            customers,
            repeat,
        )
    if returned < MIN_REPEAT_CUSTOMERS:
        return failed(
            f"only {returned:,} customers have come back; "
            f"at least {MIN_REPEAT_CUSTOMERS} are needed",
            customers,
            repeat,
        )

    problems: list[str] = []
    bg, ll, bg_problem = fit_bg_nbd(x, t_x, big_t, w)
    if bg_problem:
        problems.append(bg_problem)
    gg: GammaGammaParams | None = None
    if repeat < MIN_REPEAT_CUSTOMERS:
        problems.append(
            f"only {repeat:,} returning customers have a positive spend; "
            f"at least {MIN_REPEAT_CUSTOMERS} are needed for the spend model"
        )
    else:
        gg, gg_problem = fit_gamma_gamma(x[good_spend], spend[good_spend], w[good_spend])
        if gg_problem:
            problems.append(gg_problem)
    return Fit(
        bg_nbd=bg,
        gamma_gamma=gg,
        customers=customers,
        repeat_customers=repeat,
        converged=not problems,
        problem="; ".join(problems) if problems else None,
        log_likelihood=ll,
        seconds=time.perf_counter() - started,
    )


def fit_bg_nbd(
    frequency: ArrayLike, recency: ArrayLike, age: ArrayLike, weights: ArrayLike | None = None
) -> tuple[BgNbdParams | None, float | None, str | None]:
    """Maximum-likelihood BG/NBD: (params, total log-likelihood, problem).

    Expects clean input (finite, 0 <= recency <= age, recency = 0 where frequency = 0), as
    `fit` ensures. Params and log-likelihood are None when the fit failed or ran off.
    """
    x = np.asarray(frequency, dtype=np.float64).ravel()
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    data = _BgNbdData.build(
        x,
        np.asarray(recency, dtype=np.float64).ravel(),
        np.asarray(age, dtype=np.float64).ravel(),
        w,
    )
    total_x = _dot(data.x_weight, data.ux)
    if not total_x > 0:
        return None, None, "no customer has come back yet, so there is nothing to learn"
    total_t = _dot(data.zero_w, data.zero_age) + _dot(data.w, data.u_age[data.i_age])
    alpha0 = float(np.clip(total_t / total_x, 1e-3, 1e3)) if total_t > 0 else 1.0
    start = np.log([1.0, alpha0, 1.0, 1.0])
    theta, neg_mean_ll, problem = _maximise(data.neg_mean_ll, start, "repeat-buying (BG/NBD)")
    if problem is not None:
        return None, None, problem
    r, alpha, a, b = (float(v) for v in np.exp(theta))
    extreme = _extreme({"r": r, "alpha": alpha, "a": a, "b": b})
    if extreme:
        return None, None, f"the repeat-buying (BG/NBD) model ran off to an extreme ({extreme})"
    return BgNbdParams(r, alpha, a, b), -neg_mean_ll * data.total_weight, None


def fit_gamma_gamma(
    frequency: ArrayLike, mean_spend: ArrayLike, weights: ArrayLike | None = None
) -> tuple[GammaGammaParams | None, str | None]:
    """Maximum-likelihood Gamma-Gamma on customers with x > 0: (params, problem).

    Rows with x <= 0 or a mean spend that is not a positive number are left out.
    """
    x = np.asarray(frequency, dtype=np.float64).ravel()
    m = np.asarray(mean_spend, dtype=np.float64).ravel()
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    with np.errstate(invalid="ignore"):
        use = np.isfinite(x) & (x > 0) & np.isfinite(m) & (m > 0) & np.isfinite(w) & (w > 0)
    if not use.any():
        return None, "no returning customer has a positive spend"
    x, m, w = x[use], m[use], w[use]
    # Fit on spend relative to its mean: p and q are unchanged and v scales with the money
    # unit, so the bounds and the starting point suit pounds, pence or yen alike.
    scale = _dot(w, m) / float(w.sum())
    data = _GammaGammaData.build(x, m / scale, w)
    start = np.log([1.0, 2.0, 1.0])
    theta, _, problem = _maximise(data.neg_mean_ll, start, "spend (Gamma-Gamma)")
    if problem is not None:
        return None, problem
    p, q, v_relative = (float(val) for val in np.exp(theta))
    extreme = _extreme({"p": p, "q": q, "v (relative to the mean spend)": v_relative})
    if extreme:
        return None, f"the spend (Gamma-Gamma) model ran off to an extreme ({extreme})"
    if q <= 1.0:
        return None, (
            "spend per visit varies too widely between customers for an average to exist "
            f"(Gamma-Gamma q = {q:.3g}, needs q > 1)"
        )
    return GammaGammaParams(p, q, v_relative * scale), None


def _maximise(
    objective: Objective, start: FloatArray, name: str
) -> tuple[FloatArray, float, str | None]:
    """Minimise a (value, gradient) objective over log-parameters within the bounds."""
    bounds = [(_LOG_LOW, _LOG_HIGH)] * len(start)
    with np.errstate(all="ignore"):
        res = optimize.minimize(
            objective,
            start,
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"maxiter": 1000, "ftol": 1e-13, "gtol": 1e-9},
        )
        theta = np.asarray(res.x, dtype=np.float64)
        value, grad = objective(theta)
        settled = bool(np.isfinite(value) and np.all(np.isfinite(theta)))
        interior = (theta > _LOG_LOW + _BOUND_MARGIN) & (theta < _LOG_HIGH - _BOUND_MARGIN)
        flat = bool(np.all(np.abs(grad[interior]) < _GRADIENT_OK))
        if settled and not (res.success or flat):  # a stalled line search: try the simplex
            simplex = optimize.minimize(
                lambda th: objective(th)[0],
                theta,
                method="Nelder-Mead",
                bounds=bounds,
                options={"maxiter": 4000, "xatol": 1e-9, "fatol": 1e-13},
            )
            theta = np.asarray(simplex.x, dtype=np.float64)
            value, _ = objective(theta)
            settled = bool(simplex.success and np.isfinite(value))
    if not settled:
        return theta, math.nan, f"the {name} model did not settle on an answer"
    return theta, float(value), None


def _extreme(values: dict[str, float]) -> str | None:
    for label, value in values.items():
        if not EXTREME_LOW <= value <= EXTREME_HIGH:
            return f"{label} = {value:.3g}; too little or too unusual history to pin it down"
    return None


@dataclass(frozen=True, slots=True)
class _BgNbdData:
    """Weighted, collapsed BG/NBD data.

    Customers with x = 0 only need T (their likelihood is (α/(α+T))^r), so they are summed
    by distinct T. Customers with x > 0 are collapsed on (x, t_x, T), and each row points at
    its distinct x, t_x and T so that lnΓ/ψ run once per distinct x and logarithms once per
    distinct t_x or T.
    """

    total_weight: float
    zero_age: FloatArray  # distinct T among x = 0 customers
    zero_w: FloatArray  # their weights
    ux: FloatArray  # distinct x > 0
    x_weight: FloatArray  # total weight per distinct x
    u_rec: FloatArray  # distinct t_x among x > 0
    u_age: FloatArray  # distinct T among x > 0
    i_x: IndexArray  # per collapsed row: indexes into ux, u_rec, u_age
    i_rec: IndexArray
    i_age: IndexArray
    w: FloatArray  # per collapsed row
    x_row: FloatArray  # ux[i_x]

    @classmethod
    def build(cls, x: FloatArray, t_x: FloatArray, big_t: FloatArray, w: FloatArray) -> _BgNbdData:
        zero = x <= 0
        zero_age, zero_inv = np.unique(big_t[zero], return_inverse=True)
        rep = ~zero
        ux, ix0 = _codes(x[rep])
        u_rec, ir0 = _codes(t_x[rep])
        u_age, ia0 = _codes(big_t[rep])
        # collapse identical (x, t_x, T) rows; each integer key stays below n², so no overflow
        n_rec, n_age = max(u_rec.size, 1), max(u_age.size, 1)
        key_xr, inv_xr = np.unique(ix0 * n_rec + ir0, return_inverse=True)
        key, inv = np.unique(inv_xr.ravel() * n_age + ia0, return_inverse=True)
        w_row = _bincount(inv.ravel(), w[rep], key.size)
        xr = key_xr[key // n_age]
        i_x = (xr // n_rec).astype(np.intp)
        return cls(
            total_weight=float(w.sum()),
            zero_age=zero_age.astype(np.float64),
            zero_w=_bincount(zero_inv.ravel(), w[zero], zero_age.size),
            ux=ux,
            x_weight=_bincount(i_x, w_row, ux.size),
            u_rec=u_rec,
            u_age=u_age,
            i_x=i_x,
            i_rec=(xr % n_rec).astype(np.intp),
            i_age=(key % n_age).astype(np.intp),
            w=w_row,
            x_row=ux[i_x],
        )

    def neg_mean_ll(self, theta: FloatArray) -> tuple[float, FloatArray]:
        """−LL/N and its gradient with respect to (ln r, ln α, ln a, ln b)."""
        with np.errstate(all="ignore"):
            return self._neg_mean_ll(theta)

    def _neg_mean_ll(self, theta: FloatArray) -> tuple[float, FloatArray]:
        r, alpha, a, b = (float(v) for v in np.exp(theta))
        ln_alpha = math.log(alpha)
        gammaln, digamma = special.gammaln, special.digamma
        # x = 0: ln A1 + ln A3 = r ln α − r ln(α+T)
        zl = np.log(alpha + self.zero_age)
        zw = float(self.zero_w.sum())
        ll = zw * r * ln_alpha - r * _dot(self.zero_w, zl)
        g_r = zw * ln_alpha - _dot(self.zero_w, zl)
        g_alpha = zw * r / alpha - r * _dot(self.zero_w, 1.0 / (alpha + self.zero_age))
        # x > 0, terms in x alone: ln A1 = lnΓ(r+x) − lnΓ(r) + r ln α and
        # ln A2 = ln B(a, b+x) − ln B(a, b) = lnΓ(b+x) + lnΓ(a+b) − lnΓ(b) − lnΓ(a+b+x)
        ux, wx = self.ux, self.x_weight
        ws = float(wx.sum())
        ll += _dot(wx, gammaln(r + ux) + gammaln(b + ux) - gammaln(a + b + ux))
        ll += ws * (r * ln_alpha - gammaln(r) + gammaln(a + b) - gammaln(b))
        psi_abx = digamma(a + b + ux)
        g_r += _dot(wx, digamma(r + ux)) + ws * (ln_alpha - digamma(r))
        g_alpha += ws * r / alpha
        g_a = ws * digamma(a + b) - _dot(wx, psi_abx)
        g_b = _dot(wx, digamma(b + ux) - psi_abx) + ws * (digamma(a + b) - digamma(b))
        # x > 0, ln(A3 + A4) = ln[(α+T)^−(r+x) + a/(b+x−1)·(α+t_x)^−(r+x)]
        #   = −(r+x) ln(α+T) + softplus(d),  d = ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x))
        if self.w.size:
            b_x = b + ux - 1.0
            ln_age = np.log(alpha + self.u_age)[self.i_age]
            ln_rec = np.log(alpha + self.u_rec)[self.i_rec]
            inv_age = (1.0 / (alpha + self.u_age))[self.i_age]
            inv_rec = (1.0 / (alpha + self.u_rec))[self.i_rec]
            gap = ln_age - ln_rec
            rx = r + self.x_row
            d = (math.log(a) - np.log(b_x))[self.i_x] + rx * gap
            ll += _dot(self.w, np.logaddexp(0.0, d) - rx * ln_age)
            w4 = self.w * special.expit(d)  # weight × share of the "dropped out at t_x" term
            g_r += _dot(w4, gap) - _dot(self.w, ln_age)
            g_alpha -= _dot(self.w * rx, inv_age) + _dot(w4 * rx, inv_rec - inv_age)
            g_a += float(w4.sum()) / a
            g_b -= _dot(_bincount(self.i_x, w4, ux.size), 1.0 / b_x)
        value = -ll / self.total_weight
        if not math.isfinite(value):
            return math.inf, np.zeros(4)
        grad = np.array([g_r * r, g_alpha * alpha, g_a * a, g_b * b]) / -self.total_weight
        return value, grad


@dataclass(frozen=True, slots=True)
class _GammaGammaData:
    """Weighted Gamma-Gamma data, collapsed on (x, m̄); lnΓ/ψ run once per distinct x."""

    total_weight: float
    ux: FloatArray  # distinct x
    x_weight: FloatArray  # total weight per distinct x
    w: FloatArray  # per collapsed row
    wx: FloatArray  # w·x per row
    xm: FloatArray  # x·m̄ per row
    sum_w_log_m: float  # Σ w ln m̄
    sum_wx_log_xm: float  # Σ w x ln(x m̄)

    @classmethod
    def build(cls, x: FloatArray, m: FloatArray, w: FloatArray) -> _GammaGammaData:
        ux, ix0 = _codes(x)
        um, im0 = _codes(m)
        key, inv = np.unique(ix0 * um.size + im0, return_inverse=True)
        w_row = _bincount(inv.ravel(), w, key.size)
        i_x = (key // um.size).astype(np.intp)
        m_row = um[key % um.size]
        x_row = ux[i_x]
        return cls(
            total_weight=float(w_row.sum()),
            ux=ux,
            x_weight=_bincount(i_x, w_row, ux.size),
            w=w_row,
            wx=w_row * x_row,
            xm=x_row * m_row,
            sum_w_log_m=_dot(w_row, np.log(m_row)),
            sum_wx_log_xm=_dot(w_row * x_row, np.log(x_row * m_row)),
        )

    def neg_mean_ll(self, theta: FloatArray) -> tuple[float, FloatArray]:
        """−LL/N and its gradient with respect to (ln p, ln q, ln v), where per customer

        ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + v)
        """
        with np.errstate(all="ignore"):
            p, q, v = (float(val) for val in np.exp(theta))
            ux, wx = self.ux, self.x_weight
            ws = self.total_weight
            px = p * ux
            psi_pxq = special.digamma(px + q)
            ln_v = math.log(v)
            lxv = np.log(self.xm + v)
            inv_xv = 1.0 / (self.xm + v)
            wx_lxv = _dot(self.wx, lxv)
            w_lxv = _dot(self.w, lxv)
            ll = _dot(wx, special.gammaln(px + q) - special.gammaln(px))
            ll += ws * (q * ln_v - special.gammaln(q)) - self.sum_w_log_m
            ll += p * (self.sum_wx_log_xm - wx_lxv) - q * w_lxv
            g_p = _dot(wx * ux, psi_pxq - special.digamma(px)) + self.sum_wx_log_xm - wx_lxv
            g_q = _dot(wx, psi_pxq) + ws * (ln_v - special.digamma(q)) - w_lxv
            g_v = ws * q / v - p * _dot(self.wx, inv_xv) - q * _dot(self.w, inv_xv)
            value = -ll / ws
            if not math.isfinite(value):
                return math.inf, np.zeros(3)
            return value, np.array([g_p * p, g_q * q, g_v * v]) / -ws


def _dot(a: FloatArray, b: FloatArray) -> float:
    """Σ a·b without BLAS: numpy's and scipy's bundled OpenBLAS thread pools otherwise spin
    against each other between optimiser steps (several times slower on two cores)."""
    return float(np.einsum("i,i->", a, b))


def _bincount(index: IndexArray, weights: FloatArray, size: int) -> FloatArray:
    return np.asarray(np.bincount(index, weights=weights, minlength=size), dtype=np.float64)


def _codes(values: FloatArray) -> tuple[FloatArray, IndexArray]:
    """Distinct values and, per element, the index of its value."""
    uniq, inverse = np.unique(values, return_inverse=True)
    return uniq.astype(np.float64), inverse.ravel().astype(np.intp)


# ------------------------------------------------------------------------------ predictions


def probability_alive(
    params: BgNbdParams, frequency: ArrayLike, recency: ArrayLike, age: ArrayLike
) -> FloatArray:
    """P(alive | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)), in [0, 1].

    Inputs broadcast; missing or negative values are read as 0 and t_x is clipped to [0, T].
    """
    x, t_x, big_t = _clean(frequency, recency, age)
    with np.errstate(all="ignore"):
        return _p_alive(params, x, t_x, big_t)


def expected_purchases(
    params: BgNbdParams, t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, age: ArrayLike
) -> FloatArray:
    """E[Y(t) | x, t_x, T]: expected purchases in the next t weeks (BG/NBD paper, eq. 10).

    Always finite and >= 0; inputs broadcast and are cleaned as in `probability_alive`.
    """
    horizon, x, t_x, big_t = _clean_with_horizon(t, frequency, recency, age)
    with np.errstate(all="ignore"):
        return _p_alive(params, x, t_x, big_t) * _purchases_if_alive(params, horizon, x, big_t)


def expected_mean_spend(
    params: GammaGammaParams, frequency: ArrayLike, mean_spend: ArrayLike
) -> FloatArray:
    """E[M | x, m̄] = p(v + x m̄)/(px + q − 1); the population mean p v/(q−1) where x = 0.

    Customers with x > 0 but no usable mean spend (NaN) also get the population mean; a
    negative mean spend (net refunds) can give 0, never less. Needs q > 1 (ValueError).
    """
    if params.q <= 1.0:
        raise ValueError("Gamma-Gamma q must exceed 1 for a finite mean spend")
    x_in, m_in = np.broadcast_arrays(
        np.asarray(frequency, dtype=np.float64), np.asarray(mean_spend, dtype=np.float64)
    )
    p, q, v = params.p, params.q, params.v
    with np.errstate(all="ignore"):
        known = np.isfinite(x_in) & (x_in > 0) & np.isfinite(m_in)
        x = np.where(known, x_in, 0.0)
        m = np.where(known, m_in, 0.0)
        spend = np.where(known, p * (v + x * m) / (p * x + q - 1.0), params.population_mean)
        spend = np.where(np.isfinite(spend), spend, params.population_mean)
    return np.asarray(np.maximum(spend, 0.0), dtype=np.float64)


def predict_spend(
    fit: Fit,
    horizon_weeks: ArrayLike,
    frequency: ArrayLike,
    recency: ArrayLike,
    age: ArrayLike,
    mean_spend: ArrayLike,
) -> tuple[FloatArray, FloatArray]:
    """(expected spend over the next horizon_weeks, P(alive)) per customer.

    Spend = E[purchases in the horizon] × E[spend per purchase]; both arrays are finite,
    spend >= 0 and P(alive) in [0, 1]. Raises ValueError when the fit lacks either model's
    parameters (check ``fit.converged`` first).
    """
    if fit.bg_nbd is None or fit.gamma_gamma is None:
        raise ValueError(f"the fit is not usable: {fit.problem}")
    horizon, x, t_x, big_t = _clean_with_horizon(horizon_weeks, frequency, recency, age)
    with np.errstate(all="ignore"):
        alive = _p_alive(fit.bg_nbd, x, t_x, big_t)
        purchases = alive * _purchases_if_alive(fit.bg_nbd, horizon, x, big_t)
    spend_in = np.broadcast_to(np.asarray(mean_spend, dtype=np.float64), x.shape)
    return purchases * expected_mean_spend(fit.gamma_gamma, x, spend_in), alive


def _clean(
    frequency: ArrayLike, recency: ArrayLike, age: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Broadcast and sanitise: missing or negative counts/ages become 0, 0 <= t_x <= T."""
    x, t_x, big_t = np.broadcast_arrays(
        *(np.asarray(v, dtype=np.float64) for v in (frequency, recency, age))
    )
    with np.errstate(invalid="ignore"):
        x = np.where(np.isfinite(x) & (x > 0), x, 0.0)
        big_t = np.where(np.isfinite(big_t) & (big_t > 0), big_t, 0.0)
        t_x = np.where(np.isfinite(t_x) & (x > 0), np.clip(t_x, 0.0, big_t), 0.0)
    return x, t_x, big_t


def _clean_with_horizon(
    t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, age: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    horizon, x, t_x, big_t = np.broadcast_arrays(
        *(np.asarray(v, dtype=np.float64) for v in (t, frequency, recency, age))
    )
    x, t_x, big_t = _clean(x, t_x, big_t)
    with np.errstate(invalid="ignore"):
        horizon = np.where(np.isfinite(horizon) & (horizon > 0), horizon, 0.0)
    return horizon, x, t_x, big_t


def _p_alive(params: BgNbdParams, x: FloatArray, t_x: FloatArray, big_t: FloatArray) -> FloatArray:
    """In log space: the odds of having dropped out can be astronomically large."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    b_x = np.maximum(b + x - 1.0, np.finfo(np.float64).tiny)
    log_odds_dead = math.log(a) - np.log(b_x) + (r + x) * np.log1p((big_t - t_x) / (alpha + t_x))
    alive = np.where(x > 0, special.expit(-log_odds_dead), 1.0)
    return np.asarray(np.clip(np.nan_to_num(alive, nan=0.0), 0.0, 1.0), dtype=np.float64)


def _purchases_if_alive(
    params: BgNbdParams, horizon: FloatArray, x: FloatArray, big_t: FloatArray
) -> FloatArray:
    """E[Y(t) | alive at T] = (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)].

    With z = t/(α+T+t); E[Y(t)] of eq. 10 is this times P(alive). At a = 1 both factors
    vanish (a removable singularity), so there it interpolates between a = 1 ± 1e-4.
    """
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    ratio = (horizon / (alpha + big_t)).ravel()
    flat_x = x.ravel()
    if abs(a - 1.0) >= _A_NEAR_ONE:
        return _if_alive(r, a, b, ratio, flat_x).reshape(x.shape)
    below = _if_alive(r, 1.0 - _A_NEAR_ONE, b, ratio, flat_x)
    above = _if_alive(r, 1.0 + _A_NEAR_ONE, b, ratio, flat_x)
    share = (a - 1.0 + _A_NEAR_ONE) / (2.0 * _A_NEAR_ONE)
    return np.asarray(below + share * (above - below), dtype=np.float64).reshape(x.shape)


def _if_alive(r: float, a: float, b: float, ratio: FloatArray, x: FloatArray) -> FloatArray:
    """`_purchases_if_alive` for a != 1, with ratio = t/(α+T), so z = ratio/(1+ratio).

    The result must lie in [0, (r+x)t/(α+T)], the expected count if the customer never
    dropped out. ₂F₁ gives it (`_by_hyp2f1`); for a tiny horizon, where ₂F₁ rounds to 1, a
    short power series in t stands in. Anything not finite or out of range is tried again
    with r nudged by a part in 10⁹ (scipy's ₂F₁ returns NaN when C − A − B is a whole
    number), then by quadrature, and falls back to the bound if even that fails.
    """
    k = r + x
    ceiling = k * ratio
    if_alive = _by_hyp2f1(r, a, b, ratio, x)
    # E over p ~ Beta(a, b+x) of (1 − (1+p·ratio)^−k)/p as a power series in ratio:
    # Σ_j (−1)^(j+1) (k)_j/j! ratio^j E[p^(j−1)], with E[p^m] = (a)_m/(a+b+x)_m
    short = (k + _SERIES_TERMS) * ratio < _SHORT_HORIZON
    if short.any():
        term = ceiling.copy()
        series = ceiling.copy()
        for j in range(1, _SERIES_TERMS):
            term = term * -(k + j) / (j + 1) * ratio * (a + j - 1) / (a + b + x + j - 1)
            series += term
        if_alive = np.where(short, series, if_alive)
    bad = _implausible(if_alive, ceiling)
    if bad.any():
        if_alive = np.where(bad, ceiling, if_alive)
        rows = np.flatnonzero(bad)
        retry = _by_hyp2f1(r * (1.0 + 1e-9), a, b, ratio[rows], x[rows])
        still = _implausible(retry, ceiling[rows])
        retry[still] = _by_quadrature(r, a, b, ratio[rows][still], x[rows][still])
        if_alive[rows] = np.where(np.isfinite(retry), retry, ceiling[rows])
    return np.asarray(np.clip(if_alive, 0.0, ceiling), dtype=np.float64)


def _implausible(values: FloatArray, ceiling: FloatArray) -> NDArray[np.bool_]:
    plausible = (values >= -1e-9 * ceiling) & (values <= ceiling * (1.0 + 1e-6))
    return np.asarray(~(np.isfinite(values) & plausible))


def _by_hyp2f1(r: float, a: float, b: float, ratio: FloatArray, x: FloatArray) -> FloatArray:
    """(a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], unchecked.

    Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A,C−B;C;z) turns the bracket
    into 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series has x only in the lower
    parameter, so it stays tame for large x and z near 1 (the direct form overflows there).
    Each row uses whichever form has C − A − B > 0 (Euler's unless a − 1 > r + x), so its
    series converges at z = 1.
    """
    k = r + x
    z = ratio / (1.0 + ratio)
    euler = a - 1.0 <= k
    hyp = special.hyp2f1(
        np.where(euler, a + b - 1.0 - r, k), np.where(euler, a - 1.0, b + x), a + b + x - 1.0, z
    )
    log_shrink = np.where(euler, a - 1.0, k) * -np.log1p(ratio)  # ln (1−z)^(a−1 or r+x)
    # 1 − (1−z)^(…)·F, through expm1 when F > 0 (always, unless a + b + x < 1)
    one_minus = np.where(
        hyp > 0, -np.expm1(log_shrink + np.log(np.abs(hyp))), 1.0 - np.exp(log_shrink) * hyp
    )
    return np.asarray((a + b + x - 1.0) / (a - 1.0) * one_minus, dtype=np.float64)


def _by_quadrature(r: float, a: float, b: float, ratio: FloatArray, x: FloatArray) -> FloatArray:
    """E[(1 − (1 + p·ratio)^−(r+x)) / p] over p ~ Beta(a, b+x): the same expectation, with
    λ ~ Gamma(r+x, α+T) integrated out, by tanh-sinh quadrature over the Beta quantiles
    (which copes with the quantile function's steep ends); good to ~1e-6 relative."""
    s = np.arange(-_TANH_SINH_REACH, _TANH_SINH_REACH + _TANH_SINH_STEP / 2, _TANH_SINH_STEP)
    y = np.pi / 2 * np.sinh(s)
    low, high = special.expit(2 * y), special.expit(-2 * y)  # u and 1 − u, both precise
    weights = _TANH_SINH_STEP * np.pi * np.cosh(s) * low * high  # du/ds · step
    out = np.empty_like(ratio)
    for value in np.unique(x):
        rows = np.flatnonzero(x == value)
        p = np.where(
            low < 0.5,
            special.betaincinv(a, b + value, low),
            special.betainccinv(a, b + value, high),
        )
        p = np.maximum(p, np.finfo(np.float64).tiny)
        for chunk in np.array_split(rows, -(-rows.size // _CHUNK)):
            g = -np.expm1(-(r + value) * np.log1p(np.outer(ratio[chunk], p))) / p
            out[chunk] = np.einsum("ij,j->i", g, weights)
    return out


def _require_positive(**values: float) -> None:
    for name, value in values.items():
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a positive finite number, not {value!r}")

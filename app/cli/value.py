"""`standing value report`: the potential-value fit, predicted value by tier, quiet risers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import RefusedError, open_for
from app.domain.money import EXPONENT, format_money, to_decimal_string
from app.domain.standing import percent

if TYPE_CHECKING:
    from app.services.value_report import ValueReport


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    value = commands.add_parser("value", help="potential value: what customers are likely to spend")
    actions = value.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    report = actions.add_parser(
        "report",
        parents=[common],
        help="the fit, predicted value by tier and the quiet risers (--as-of: fit on the "
        "purchases up to that day)",
    )
    report.add_argument("--out", type=Path, metavar="FILE", help="write it to FILE, not stdout")


def report(args: argparse.Namespace) -> int:
    from app.services.value_report import NoValueDataError, value_report  # numpy: here only

    station = open_for(args, create=False)
    try:
        try:
            found = value_report(station, args.as_of)
        except NoValueDataError as exc:
            raise RefusedError(str(exc)) from None
        station.audit.settle()
    finally:
        station.close()
    text = json.dumps(report_json(found), indent=2) if args.json else report_text(found)
    if args.out is None:
        print(text)
        return 0
    try:
        args.out.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise RefusedError(f"{args.out}: cannot be written ({exc.strerror or exc})") from None
    return 0


def report_json(found: ValueReport) -> dict[str, Any]:
    fit = found.fit
    about: dict[str, Any]
    if fit is None:
        about = {"as_of": found.as_of.isoformat(), "customers": found.customers,
                 "time_unit": "week", "bg_nbd": None,
                 "gamma_gamma": None, "converged": False, "problem": found.problem}  # fmt: skip
    else:
        about = {
            "as_of": fit.as_of.isoformat(),
            "fitted_on": fit.fitted_on.isoformat(),
            "customers": fit.customers,
            "repeat_customers": fit.repeat_customers,
            "time_unit": "week",
            "bg_nbd": {k: round(v, 6) for k, v in fit.bg_nbd.model_dump().items()},
            "gamma_gamma": _gamma_gamma(fit.gamma_gamma.p, fit.gamma_gamma.q, fit.gamma_gamma.v),
            "converged": fit.converged,
            "quality": fit.quality,
            "problem": fit.problem,
        }
    return {
        "fit": about,
        "by_tier": [
            {
                "tier": t.tier,
                "customers": t.customers,
                "spend_12m": to_decimal_string(t.spend_12m),
                "predicted_spend_12m": to_decimal_string(t.predicted_spend_12m),
                "average_predicted_spend_12m": to_decimal_string(
                    t.predicted_spend_12m // t.customers if t.customers else 0
                ),
                "likely_active": t.likely_active,
                "median_predicted_spend_12m": to_decimal_string(t.median_predicted_12m),
                "p90_predicted_spend_12m": to_decimal_string(t.p90_predicted_12m),
            }
            for t in found.by_tier
        ],
        "risers": [
            {
                "customer_id": r.customer_id,
                "tier": r.tier,
                "predicted_tier": r.predicted_tier,
                "spend_12m": to_decimal_string(r.spend_12m),
                "predicted_spend_12m": to_decimal_string(r.predicted_spend_12m),
                "probability_alive": round(r.probability_alive, 4),
            }
            for r in found.risers
        ],
    }


def _gamma_gamma(p: float, q: float, v: float) -> dict[str, float]:
    """Gamma-Gamma's parameters with v in major units of money (pounds, dollars), as the
    published fits give it (the fit itself is made in minor units)."""
    return {"p": round(p, 6), "q": round(q, 6), "v": round(v / 10**EXPONENT, 6)}


def _pounds(minor: int) -> str:
    """Whole pounds, halves up: a forecast (or a total beside one) in pence is false precision."""
    unit = 10**EXPONENT
    return format_money((minor + unit // 2) // unit * unit, pence=False)


def report_text(found: ValueReport) -> str:
    fit = found.fit
    if fit is None:
        lines = [f"No fit as of {found.as_of} on {found.customers:,} customers: {found.problem}"]
    else:
        g, m = fit.bg_nbd, fit.gamma_gamma
        kept = "" if fit.problem is None else f" (kept from {fit.fitted_on}: {fit.problem})"
        lines = [
            f"Fit as of {fit.as_of}{kept}: {fit.quality}",
            f"BG/NBD (weeks): r={g.r:.4f} alpha={g.alpha:.4f} a={g.a:.4f} b={g.b:.4f}",
            f"Gamma-Gamma: p={m.p:.4f} q={m.q:.4f} v={m.v / 10**EXPONENT:.4f} (money units)",
        ]
    lines.append("")
    header = ("tier", "customers", "last 12 months", "next 12 (pred.)", "median", "90th pct",
              "likely active")  # fmt: skip
    lines.append(f"{header[0]:<12}" + "".join(f"{h:>16}" for h in header[1:]))
    for t in found.by_tier:
        figures = (t.spend_12m, t.predicted_spend_12m, t.median_predicted_12m, t.p90_predicted_12m)
        lines.append(
            f"{t.label:<12}{t.customers:>16,}"
            + "".join(f"{_pounds(f):>16}" for f in figures)
            + f"{t.likely_active:>16,}"
        )
    lines.append("")
    if not found.risers:
        lines.append("No quiet risers: no customer's predicted spend reaches a higher tier.")
    else:
        lines.append("Quiet risers (predicted 12-month spend reaches a higher tier):")
        for r in found.risers:
            lines.append(
                f"  {r.customer_id:<14} {r.tier} → {r.predicted_tier}: "
                f"{_pounds(r.spend_12m)} last 12 months, "
                f"{_pounds(r.predicted_spend_12m)} expected, "
                f"{percent(r.probability_alive)}% likely active"
            )
    return "\n".join(lines)

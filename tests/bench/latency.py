"""Latency runs: the real service beside its raw baselines, interleaved in one loop."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.bench.data import Probe

Call = Callable[[Probe], Any]


def percentile(ordered: Sequence[int | float], q: float) -> float:
    """Nearest-rank percentile of already sorted samples."""
    return float(ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)])


def spread_ms(samples_ns: Sequence[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)
    return {
        "p50_ms": round(percentile(ordered, 50) / 1e6, 4),
        "p99_ms": round(percentile(ordered, 99) / 1e6, 4),
        "max_ms": round(ordered[-1] / 1e6, 4),
    }


def p99_ms(samples_ns: Sequence[int]) -> float:
    return spread_ms(samples_ns)["p99_ms"]


@dataclass
class Run:
    """Service times and, per baseline, times for the same probes in the same loop."""

    service_ns: list[int] = field(default_factory=list)
    baseline_ns: dict[str, list[int]] = field(default_factory=dict)
    unexpected: int = 0  # service answers that did not contain the sampled customer

    def figures(self, baseline: str, note: str) -> dict[str, Any]:
        """The issue's keys: p50/p99/max, the named baseline's p99 and the ratio of p99s."""
        base = p99_ms(self.baseline_ns[baseline])
        mine = spread_ms(self.service_ns)
        figures: dict[str, Any] = {
            **mine,
            "baseline_p99_ms": base,
            "ratio_p99": round(mine["p99_ms"] / base, 2) if base else None,
            "baseline": note,
            "queries": len(self.service_ns),
        }
        for name, samples in self.baseline_ns.items():
            if name != baseline:
                figures[f"{name}_p99_ms"] = p99_ms(samples)
        if self.unexpected:
            figures["unexpected_answers"] = self.unexpected
        return figures


def interleave(
    probes: Sequence[Probe],
    service: Call,
    baselines: dict[str, Call],
    check: Callable[[Probe, Any], bool],
    *,
    warmup: Sequence[Probe] = (),
    keep_going: Callable[[], bool] | None = None,
) -> Run:
    """Time each probe through the service and each baseline, rotating who goes first.

    With `keep_going`, cycles through the probes for as long as it returns True.
    """
    for probe in warmup:
        service(probe)
        for call in baselines.values():
            call(probe)
    run = Run(baseline_ns={name: [] for name in baselines})
    calls: list[tuple[str | None, Call]] = [(None, service), *baselines.items()]
    clock = time.perf_counter_ns
    i = 0
    while True:
        if keep_going is None:
            if i >= len(probes):
                break
        elif not keep_going():
            break
        probe = probes[i % len(probes)]
        shift = i % len(calls)
        for name, call in calls[shift:] + calls[:shift]:
            started = clock()
            answer = call(probe)
            elapsed = clock() - started
            if name is None:
                run.service_ns.append(elapsed)
                if not check(probe, answer):
                    run.unexpected += 1
            else:
                run.baseline_ns[name].append(elapsed)
        i += 1
    return run

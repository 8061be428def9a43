"""Seeded random draws for the demo export: weighted picks and cheap integers."""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Pick(Generic[T]):
    """Weighted choice over fixed items; one random() and a bisect per draw."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def skewed(rng: random.Random, items: Sequence[T]) -> T:
    """Pick with a bias towards the front of the list (common names first)."""
    u = rng.random()
    return items[int(len(items) * (u + u * u) / 2)]


def scatter(n: int) -> int:
    """A bijection on 0..10**8-1 that makes consecutive inputs look unrelated."""
    mixed = (n * 48_271_397 + 12_345_679) % 10**8
    flipped = int(f"{mixed:08d}"[::-1])
    return (flipped * 91_234_567 + 7_654_321) % 10**8


def between(rng: random.Random, low: int, high: int) -> int:
    """A uniform integer in [low, high]; several times cheaper than rng.randint."""
    return low + int(rng.random() * (high - low + 1))


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k

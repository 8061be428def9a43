"""The policy file: tier thresholds and signal rules, validated before use."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from app.domain.money import parse_money, to_decimal_string


def _money(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError('must be an amount such as "1500.00"')
    minor = parse_money(value)
    if minor < 0:
        raise ValueError("must not be negative")
    return minor


Money = Annotated[int, BeforeValidator(_money)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tier(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    min_spend_12m: Money | None = None
    min_lifetime: Money | None = None


class SignalRules(Strict):
    quiet_regular_min_visits_12m: int = Field(default=10, ge=1)
    quiet_regular_max_complaints_12m: int = Field(default=1, ge=0)
    advocate_min_referrals: int = Field(default=2, ge=1)
    lapsing_min_purchases: int = Field(default=4, ge=2)
    lapsing_gap_factor: float = Field(default=3.0, gt=1.0)
    lapsing_min_gap_days: int = Field(default=60, ge=1)
    frequent_complainer_min_complaints_12m: int = Field(default=3, ge=1)


class Policy(Strict):
    tiers: tuple[Tier, ...] = Field(min_length=1)
    signals: SignalRules = SignalRules()

    @model_validator(mode="after")
    def _tiers_ascend(self) -> Policy:
        ids = [t.id for t in self.tiers]
        if len(set(ids)) != len(ids):
            raise ValueError(f"tier ids must be unique, got {ids}")
        base = self.tiers[0]
        for field in ("min_spend_12m", "min_lifetime"):
            value = getattr(base, field)
            if value is not None:
                raise ValueError(
                    f"tiers.{base.id}.{field} = {to_decimal_string(value)}: the first tier is "
                    "everyone's and takes no thresholds"
                )
        for lower, higher in zip(self.tiers[1:], self.tiers[2:], strict=False):
            for field in ("min_spend_12m", "min_lifetime"):
                low, high = getattr(lower, field), getattr(higher, field)
                if low is not None and high is not None and high <= low:
                    raise ValueError(
                        f"tiers.{higher.id}.{field} = {to_decimal_string(high)}: must exceed "
                        f"tiers.{lower.id}.{field} = {to_decimal_string(low)}"
                    )
        for tier in self.tiers[1:]:
            if tier.min_spend_12m is None and tier.min_lifetime is None:
                raise ValueError(f"tier {tier.id} needs min_spend_12m or min_lifetime")
        return self

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the field, value and rule."""


def parse_policy(text: str, source: str = "policy") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: not valid TOML: {exc}") from None
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(_describe(source, exc)) from None


def _describe(source: str, exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(file)"
        value = error.get("input")
        shown = "" if isinstance(value, dict) else f" = {value!r}"
        lines.append(f"{source}: {where}{shown}: {error['msg']}")
    return "\n".join(lines)

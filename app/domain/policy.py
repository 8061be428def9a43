"""The policy file: tier thresholds and signal rules, validated before use."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

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


DISPUTE_CATEGORIES = (
    "lost_ticket",
    "delay",
    "faulty_product",
    "billing_error",
    "poor_service",
    "other",
)
ACTIONS = ("waive", "refund", "voucher", "points", "upgrade", "apology")
ROLES = ("clerk", "supervisor", "manager")
Ratio = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Probability = Annotated[Decimal, Field(gt=0, lt=1, allow_inf_nan=False)]


SCRIPT_NAMES = ("name", "amount", "value", "tenure", "category")


def _check_script(script: str) -> str:
    try:
        script.format(**dict.fromkeys(SCRIPT_NAMES, ""))
    except (KeyError, IndexError, ValueError) as exc:
        allowed = ", ".join("{" + n + "}" for n in SCRIPT_NAMES)
        raise ValueError(f"may only use {allowed} (found a problem with {exc})") from None
    return script


class Remedy(Strict):
    action: str
    value: Money | Literal["disputed"]  # a base value, or the disputed amount itself
    script: str = Field(min_length=1)
    min_tier: str | None = None
    escalate: bool = False

    @field_validator("action")
    @classmethod
    def _action(cls, value: str) -> str:
        if value not in ACTIONS:
            raise ValueError(f"must be one of {', '.join(ACTIONS)}")
        return value

    @field_validator("script")
    @classmethod
    def _script(cls, value: str) -> str:
        return _check_script(value)

    @property
    def is_gesture_for_all(self) -> bool:
        """A fixed, non-zero gesture open to every tier: what the floor rests on."""
        return self.value not in ("disputed", 0) and self.min_tier is None


class Category(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    remedies: tuple[Remedy, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_a_gesture(self) -> Category:
        if not any(r.is_gesture_for_all for r in self.remedies):
            raise ValueError(
                f"category {self.id} needs a fixed gesture open to every tier "
                "(a value above 0, no min_tier), so every customer is offered the floor"
            )
        return self


class Bonus(Strict):
    per_tenure_year: Ratio = Decimal("0.05")
    max_tenure_years: int = Field(default=10, ge=0, le=50)
    quiet_regular: Ratio = Decimal("0.25")
    advocate: Ratio = Decimal("0.25")
    win_back: Ratio = Decimal("0.50")


class Roles(Strict):
    """The most each role may grant without approval; limits rise with the role."""

    clerk: Money = 2500
    supervisor: Money = 25000
    manager: Money = 250000

    @model_validator(mode="after")
    def _rising(self) -> Roles:
        if not self.clerk <= self.supervisor <= self.manager:
            raise ValueError(
                "role limits must rise: clerk ≤ supervisor ≤ manager, got "
                f"{to_decimal_string(self.clerk)}, {to_decimal_string(self.supervisor)}, "
                f"{to_decimal_string(self.manager)}"
            )
        return self

    def limit(self, role: str) -> int:
        return int(getattr(self, role))


class Guards(Strict):
    repeat_count_90d: int = Field(default=3, ge=1)
    share_of_spend_12m: Ratio = Decimal("0.30")
    min_flagged_value: Money = 2000
    shift_count: int = Field(default=10, ge=1)
    shift_value: Money = 15000


class Goodwill(Strict):
    floor: Money
    cap_absolute: Money
    cap_share_of_spend_12m: Ratio
    cap_minimum: Money
    round_to: Money = 50
    # A disputed amount above this is a typing slip or not a counter's to settle: refused.
    max_disputed_amount: Money = 1_000_000
    # In proportion to the loss: no gesture above this share of the disputed amount, unless
    # that is below the minimum (scaled by the tier's generosity) for small or zero amounts.
    cap_share_of_disputed: Ratio = Decimal("1.50")
    cap_disputed_minimum: Money = 1200
    generosity: dict[str, Ratio]
    bonus: Bonus = Bonus()
    roles: Roles = Roles()
    guards: Guards = Guards()
    capped_script: str = (
        "I can't put all of the {amount} right myself, but I can give you {value} now, "
        "and I'll ask a supervisor about the rest."
    )
    categories: tuple[Category, ...]

    @field_validator("capped_script")
    @classmethod
    def _capped(cls, value: str) -> str:
        return _check_script(value)

    @model_validator(mode="after")
    def _consistent(self) -> Goodwill:
        if self.floor <= 0:
            raise ValueError(f"goodwill.floor = {to_decimal_string(self.floor)}: must be above 0")
        if not self.floor <= self.cap_minimum <= self.cap_absolute:
            raise ValueError(
                "goodwill caps must satisfy floor ≤ cap_minimum ≤ cap_absolute, got "
                f"{to_decimal_string(self.floor)}, {to_decimal_string(self.cap_minimum)}, "
                f"{to_decimal_string(self.cap_absolute)}"
            )
        if self.round_to <= 0:
            raise ValueError("goodwill.round_to must be above 0")
        if self.max_disputed_amount <= 0:
            raise ValueError("goodwill.max_disputed_amount must be above 0")
        if self.cap_share_of_disputed < 1:
            raise ValueError(
                f"goodwill.cap_share_of_disputed = {self.cap_share_of_disputed}: must be at "
                "least 1, so money back for a money loss is never cut"
            )
        if self.cap_disputed_minimum < self.floor:
            raise ValueError(
                f"goodwill.cap_disputed_minimum = {to_decimal_string(self.cap_disputed_minimum)}"
                f": must be at least the floor ({to_decimal_string(self.floor)})"
            )
        ids = [c.id for c in self.categories]
        absent = [c for c in DISPUTE_CATEGORIES if c not in ids]
        if absent:
            raise ValueError(f"goodwill.categories is missing {', '.join(absent)}")
        if len(set(ids)) != len(ids):
            raise ValueError(f"goodwill category ids must be unique, got {ids}")
        return self

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


class Potential(Strict):
    """How potential value (the BG/NBD and Gamma-Gamma predictions) joins the judgement."""

    # rising: predicted 12-month spend reaching a higher tier's threshold; not on fewer
    # purchase days than this (a forecast from one or two is a guess)
    rising_min_purchase_days: int = Field(default=3, ge=1)
    # below this probability of still being active a customer is lapsing, and one with at
    # least win_back_min_lifetime spent is worth winning back
    inactive_below: Probability = Decimal("0.50")
    win_back_min_lifetime: Money = 100000


Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]


class Policy(Strict):
    tiers: tuple[Tier, ...] = Field(min_length=1)
    signals: SignalRules = SignalRules()
    potential: Potential = Potential()
    goodwill: Goodwill
    # the organisation's words in other languages: language → {label or script: its words}
    translations: dict[Language, dict[str, str]] = Field(default_factory=dict)

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
        unknown = sorted(set(self.goodwill.generosity) ^ set(ids))
        if unknown:
            raise ValueError(
                f"goodwill.generosity must name each tier exactly ({', '.join(ids)}); "
                f"check {', '.join(unknown)}"
            )
        levels = [self.goodwill.generosity[i] for i in ids]
        if levels != sorted(levels):
            raise ValueError("goodwill.generosity must not fall as tiers rise")
        for category in self.goodwill.categories:
            for remedy in category.remedies:
                if remedy.min_tier is not None and remedy.min_tier not in ids:
                    raise ValueError(
                        f"goodwill category {category.id}: min_tier = {remedy.min_tier!r} "
                        f"is not a tier ({', '.join(ids)})"
                    )
        self._check_translations()
        return self

    def words(self) -> set[str]:
        """The organisation's own words: tier and category labels, scripts."""
        goodwill = self.goodwill
        found = {t.label for t in self.tiers} | {goodwill.capped_script}
        for category in goodwill.categories:
            found.add(category.label)
            found.update(r.script for r in category.remedies)
        return found

    def _check_translations(self) -> None:
        words = self.words()
        for language, table in self.translations.items():
            for source, target in table.items():
                if source not in words:
                    raise ValueError(
                        f"translations.{language}: {source!r} is not a label or script "
                        "of this policy"
                    )
                if not target.strip():
                    raise ValueError(f"translations.{language}: {source!r} is left empty")
                try:
                    _check_script(target)
                except ValueError as exc:
                    raise ValueError(f"translations.{language}: {target!r} {exc}") from None

    def tier_rank(self, tier_id: str) -> int:
        return [t.id for t in self.tiers].index(tier_id)

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

"""Station settings: environment (STANDING_*) over defaults; the CLI and GUI may override."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "Standing"
ThemeChoice = Literal["system", "light", "dark"]
THEME_CHOICES: tuple[ThemeChoice, ...] = ("system", "light", "dark")


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STANDING_", frozen=True)

    db_path: Path = Field(default_factory=lambda: user_data_dir() / "standing.sqlite3")
    default_region: str = "GB"
    currency: str = "GBP"
    timezone: str = "Europe/London"
    station: str = "Counter 1"
    policy_path: Path | None = None
    demo_customers: int = Field(default=20_000, ge=10)
    lock_after_minutes: float = Field(default=5, gt=0, le=24 * 60)  # screen lock when idle
    stale_after_hours: float = Field(default=24, gt=0)  # older data is flagged as stale
    # the window's language ("fr", "en_GB", "fr_CA"…); unset: the system's, else en_GB
    language: str | None = Field(default=None, pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z]{2})?$")
    theme: ThemeChoice = "system"  # the window's colours, until someone picks from View
    large_text: bool = False  # larger type for counter screens, until someone picks from View
    # The chain's central store (postgresql://…); unset: a single station, as by default.
    # A secret: its password is never shown, logged or written to the audit record.
    central_url: SecretStr | None = None
    sync_seconds: float = Field(default=60, gt=0)  # how often the window syncs by itself

    @field_validator("default_region")
    @classmethod
    def _region(cls, value: str) -> str:
        if len(value) != 2 or not value.isalpha():
            raise ValueError("must be a two-letter region such as GB")
        return value.upper()

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (try Europe/London)") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def central(self) -> str | None:
        """The central store's URL (with its password: for connecting, never for showing)."""
        return self.central_url.get_secret_value() if self.central_url else None

    @classmethod
    def for_db(cls, db_path: Path | None, central: str | None = None) -> Settings:
        """The station's settings, with the database and central store a command line or a
        test names."""
        found = cls(db_path=db_path) if db_path else cls()
        if central:
            return found.model_copy(update={"central_url": SecretStr(central)})
        return found


def describe_settings_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    name = "STANDING_" + "_".join(str(p) for p in error["loc"]).upper()
    return f"setting {name}: {error['msg'].removeprefix('Value error, ')}"

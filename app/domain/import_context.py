"""What an import needs to know about the station: region, time zone, currency."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class ImportContext:
    region: str = "GB"
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/London"))
    currency: str = "GBP"

    def as_dict(self) -> dict[str, Any]:
        return {"import": self}

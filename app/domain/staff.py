"""Staff: who may sign in, what they may give, and how wrong PINs lock an account."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field

from app.domain.models import Frozen
from app.domain.policy import ROLES
from app.domain.text import QT_TRANSLATE_NOOP

MAX_TRIES = 5  # wrong PINs in a row before the account locks
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)
STAFF_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"


class StaffError(ValueError):
    """A staff account or PIN that cannot be accepted; the message never holds a PIN."""


class Staff(Frozen):
    staff_id: str = Field(pattern=STAFF_ID_PATTERN)
    name: str = Field(min_length=1, max_length=80)
    role: str
    personal_limit: int | None = Field(default=None, ge=0)  # minor units; else the role's
    failed_attempts: int = 0
    locked_until: datetime | None = None

    @property
    def rank(self) -> int:
        return ROLES.index(self.role)

    @property
    def short_name(self) -> str:
        """ "A. Clerk" for a status bar: enough to know who, no more."""
        parts = self.name.split()
        if len(parts) < 2:
            return self.name
        return f"{parts[0][0]}. {parts[-1]}"


def check_pin(pin: str) -> str:
    """A PIN is 4 to 8 digits; anything else is refused without repeating it."""
    if not (4 <= len(pin) <= 8 and pin.isascii() and pin.isdigit()):
        raise StaffError(QT_TRANSLATE_NOOP("staff", "a PIN is 4 to 8 digits").text())
    return pin


def check_role(role: str) -> str:
    if role not in ROLES:
        unknown = QT_TRANSLATE_NOOP("staff", "unknown role {role} (one of {known})")
        raise StaffError(unknown.format(role=repr(role), known=", ".join(ROLES)))
    return role


def lock_for(failed_attempts: int) -> timedelta | None:
    """How long an account stays locked after this many wrong PINs in a row: none before the
    fifth, then a minute, doubling with each further wrong PIN up to an hour."""
    if failed_attempts < MAX_TRIES:
        return None
    delay: timedelta = FIRST_LOCK * 2 ** min(failed_attempts - MAX_TRIES, 12)
    return min(delay, LONGEST_LOCK)


def may_approve(approver: Staff, requester_role: str) -> bool:
    """Approval comes from above: a supervisor for a clerk, a manager for a supervisor;
    a manager's own request needs another manager."""
    top = len(ROLES) - 1
    wanted = min(ROLES.index(requester_role) + 1, top)
    return approver.rank >= wanted

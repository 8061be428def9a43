"""Staff accounts: adding them, signing in, and checking an approver's PIN.

PINs are hashed with Argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane) or
stronger; they are never stored, logged or echoed in clear.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import ValidationError
from sqlite_utils import Database

from app.domain.goodwill import role_name
from app.domain.identifiers import looks_like_payment_card, mask_payment_cards
from app.domain.money import format_money
from app.domain.policy import ROLES, Policy
from app.domain.staff import (
    MAX_TRIES,
    Staff,
    StaffError,
    check_pin,
    check_role,
    lock_for,
)
from app.domain.text import QT_TRANSLATE_NOOP, Amount, Text, translate
from app.services.audit import AuditService
from app.store import staff as store
from app.store.database import writing

Publish = Callable[[Staff, str, datetime], bool]  # False: the chain already has the id
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, type=Type.ID)
UNKNOWN_ACTOR = "unknown"  # what a failed sign-in with an unknown id is logged as
PAYMENT_CARD = QT_TRANSLATE_NOOP(
    "staff", "that looks like a payment card number: it is never stored"
)
OVER_CEILING = QT_TRANSLATE_NOOP("staff", "a {role}'s personal limit may be at most {limit}")
BAD_STAFF_ID = QT_TRANSLATE_NOOP(
    "staff", "a staff id is 1 to 32 letters, digits, dots, dashes or underscores"
)
BAD_FIELD = QT_TRANSLATE_NOOP("staff", "{field}: {problem}")
FIELDS = {"name": QT_TRANSLATE_NOOP("staff", "name")}
NAME_TOO_SHORT = translate("staff", "String should have at least %n character(s)", None, 0)
NAME_TOO_LONG = translate("staff", "String should have at most %n character(s)", None, 0)
ALREADY_EXISTS = QT_TRANSLATE_NOOP("staff", "staff {id} already exists")


class SignInError(PermissionError):
    """A sign-in or approval PIN refused; the message says why, never the PIN."""


class StaffService:
    def __init__(
        self, db: Database, policy: Policy, audit: AuditService, clock: Callable[[], datetime]
    ) -> None:
        self.db, self.policy, self.audit, self.clock = db, policy, audit, clock

    def has_staff(self) -> bool:
        return store.has_staff(self.db)

    def all(self) -> list[Staff]:
        return store.all_staff(self.db)

    def find(self, staff_id: str) -> Staff | None:
        found = store.find_staff(self.db, staff_id)
        return None if found is None else found[0]

    def limit_of(self, staff: Staff) -> int:
        """The most this person may give or approve alone."""
        if staff.personal_limit is not None:
            return staff.personal_limit
        return self.policy.goodwill.roles.limit(staff.role)

    def add(
        self,
        staff_id: str,
        *,
        name: str,
        role: str,
        pin: str,
        limit: int | None = None,
        actor: str,
        publish: Publish | None = None,
    ) -> Staff:
        """A new account; `publish` also adds it to the chain's central store first (in the
        same local transaction, so a refusal there adds it nowhere)."""
        check_role(role)
        check_pin(pin)
        if looks_like_payment_card(staff_id) or mask_payment_cards(name) != name:
            raise StaffError(PAYMENT_CARD.text())
        if limit is not None:
            ceiling = self._ceiling(role)
            if limit > ceiling:
                raise StaffError(
                    OVER_CEILING.format(role=role_name(role), limit=Amount(ceiling, pence=True))
                )
        try:
            staff = Staff(staff_id=staff_id, name=name.strip(), role=role, personal_limit=limit)
        except ValidationError as exc:
            raise StaffError(_refusal(exc)) from None
        pin_hash = HASHER.hash(pin)
        with writing(self.db):
            if store.find_staff(self.db, staff_id) is not None:
                raise StaffError(ALREADY_EXISTS.format(id=repr(staff_id)))
            created = self.clock()
            if publish is not None and not publish(staff, pin_hash, created):
                raise StaffError(ALREADY_EXISTS.format(id=repr(staff_id)))
            store.insert_staff(self.db, staff, pin_hash, created)
            detail = f"role={role}"
            if limit is not None:
                detail += f" limit={format_money(limit, pence=True)}"
            self.audit.record(actor, "staff_added", detail=f"{staff_id} {detail}")
        return staff

    def _ceiling(self, role: str) -> int:
        """The highest personal limit a role may have: the limit of the role above it (a
        manager's: their own role's)."""
        position = ROLES.index(role)
        above = ROLES[min(position + 1, len(ROLES) - 1)]
        return self.policy.goodwill.roles.limit(above)

    def sign_in(self, staff_id: str, pin: str) -> Staff:
        staff = self.check(staff_id, pin, purpose="sign_in")
        self.audit.record(staff.staff_id, "sign_in")
        return staff

    def check(self, staff_id: str, pin: str, *, purpose: str) -> Staff:
        """The account, if its PIN is right and it is not locked; every failure is audited
        and counts towards the lock (the same for sign-in and for approving)."""
        staff_id = staff_id.strip()
        found = store.find_staff(self.db, staff_id)
        if found is None:
            # The typed id is not logged: it may be a PIN typed in the wrong field.
            self.audit.record(UNKNOWN_ACTOR, f"{purpose}_failed", detail="unknown staff id")
            raise SignInError(QT_TRANSLATE_NOOP("staff", "no staff account with that id").text())
        staff, pin_hash = found
        now = self.clock()
        until = _locked_until(staff, now)
        if until is not None:
            self.audit.record(staff.staff_id, f"{purpose}_failed", detail="account locked")
            raise SignInError(_locked_message(until, now))
        right = _matches(pin_hash, pin)  # slow (Argon2): outside the write lock
        with writing(self.db):
            # Read again under the write lock: PINs tried at the same moment elsewhere (other
            # processes) have counted, so trying many at once gets no more than one by one.
            current = store.find_staff(self.db, staff.staff_id)
            staff = current[0] if current is not None else staff
            until = _locked_until(staff, now)
            if until is not None:  # locked meanwhile by wrong PINs tried elsewhere
                refused = _locked_message(until, now)
                self.audit.record(staff.staff_id, f"{purpose}_failed", detail="account locked")
            elif not right:
                refused = self._count_wrong_pin(staff, purpose, now)
            else:
                refused = None
                if staff.failed_attempts:
                    store.set_attempts(self.db, staff.staff_id, 0, None)
                if HASHER.check_needs_rehash(pin_hash):
                    store.set_pin_hash(self.db, staff.staff_id, HASHER.hash(pin))
        if refused is not None:
            raise SignInError(refused)
        return staff.model_copy(update={"failed_attempts": 0, "locked_until": None})

    def _count_wrong_pin(self, staff: Staff, purpose: str, now: datetime) -> Text:
        """Count a wrong PIN (inside the caller's write transaction); the refusal to show."""
        failed = staff.failed_attempts + 1
        delay = lock_for(failed)
        until = now + delay if delay else None
        store.set_attempts(self.db, staff.staff_id, failed, until)
        self.audit.record(staff.staff_id, f"{purpose}_failed", detail="wrong PIN")
        if until is not None:
            self.audit.record(staff.staff_id, "account_locked", detail=f"until {until.isoformat()}")
            return _locked_message(until, now)
        left = MAX_TRIES - failed
        if left == 1:
            return QT_TRANSLATE_NOOP("staff", "wrong PIN: 1 try left").text()
        return translate("staff", "wrong PIN: %n tries left", None, 0).plural(left)


def _refusal(exc: ValidationError) -> Text:
    """Why an account's fields are refused, in words the window can translate."""
    error = exc.errors()[0]
    field = str(error["loc"][0]).replace("_", " ")
    if field == "staff id":
        return BAD_STAFF_ID.text()
    problem: str = error["msg"]
    bound = error.get("ctx") or {}
    if error["type"] == "string_too_short" and "min_length" in bound:
        problem = NAME_TOO_SHORT.plural(int(bound["min_length"]))
    elif error["type"] == "string_too_long" and "max_length" in bound:
        problem = NAME_TOO_LONG.plural(int(bound["max_length"]))
    if str(problem) != error["msg"]:  # pydantic says it otherwise: its words, untranslated
        problem = error["msg"]
    known = FIELDS.get(field)
    return BAD_FIELD.format(field=known.text() if known else field, problem=problem)


def _locked_until(staff: Staff, now: datetime) -> datetime | None:
    """When the account's lock ends, if it is locked now."""
    if staff.locked_until is not None and staff.locked_until > now:
        return staff.locked_until
    return None


def _matches(pin_hash: str, pin: str) -> bool:
    try:
        return HASHER.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def _locked_message(until: datetime, now: datetime) -> Text:
    minutes = max(1, round((until - now).total_seconds() / 60))
    locked = QT_TRANSLATE_NOOP(
        "staff", "too many wrong PINs: this account is locked for {minutes} min"
    )
    return locked.format(minutes=minutes)

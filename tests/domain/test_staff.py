"""Staff rules: PIN format, how long a lock lasts, who may approve whom, names on screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from app.domain.policy import ROLES
from app.domain.staff import (
    FIRST_LOCK,
    LONGEST_LOCK,
    MAX_TRIES,
    Staff,
    StaffError,
    check_pin,
    check_role,
    lock_for,
    may_approve,
)


def member(role: str, name: str = "Pat Person", staff_id: str = "pat") -> Staff:
    return Staff(staff_id=staff_id, name=name, role=role)


@pytest.mark.parametrize("pin", ["0000", "1234", "20261", "12345678", "00000000"])
def test_a_pin_is_4_to_8_digits(pin: str) -> None:
    assert check_pin(pin) == pin


@pytest.mark.parametrize(
    "pin",
    [
        "",
        "123",
        "123456789",
        "12a4",
        "12 34",
        " 1234",
        "1234\n",
        "-1234",
        "١٢٣٤",  # Arabic-Indic digits: digits, but not the ones a keypad sends
        "１２３４",  # full-width digits
        "²³⁴⁵",  # superscripts count as digits to str.isdigit
    ],
)
def test_anything_else_is_refused_without_repeating_it(pin: str) -> None:
    with pytest.raises(StaffError) as caught:
        check_pin(pin)
    assert str(caught.value) == "a PIN is 4 to 8 digits"


def test_roles_are_the_three_known_ones() -> None:
    assert [check_role(r) for r in ROLES] == ["clerk", "supervisor", "manager"]
    for wrong in ("boss", "Clerk", "", "admin"):
        with pytest.raises(StaffError, match="unknown role"):
            check_role(wrong)


@pytest.mark.parametrize("failed", range(MAX_TRIES))
def test_no_lock_before_the_fifth_wrong_pin(failed: int) -> None:
    assert MAX_TRIES == 5
    assert lock_for(failed) is None


@pytest.mark.parametrize(
    ("failed", "minutes"),
    [(5, 1), (6, 2), (7, 4), (8, 8), (9, 16), (10, 32), (11, 60), (12, 60), (40, 60)],
)
def test_the_lock_doubles_with_each_further_wrong_pin_up_to_an_hour(
    failed: int, minutes: int
) -> None:
    assert lock_for(failed) == timedelta(minutes=minutes)


def test_the_lock_never_shrinks_and_never_passes_the_longest() -> None:
    locks = [lock_for(n) for n in range(MAX_TRIES, 10_000, 7)]
    assert locks[0] == FIRST_LOCK
    assert all(lock is not None and FIRST_LOCK <= lock <= LONGEST_LOCK for lock in locks)
    assert locks == sorted(locks, key=lambda lock: lock or timedelta(0))
    assert lock_for(10**9) == LONGEST_LOCK  # no overflow for an absurd count


@pytest.mark.parametrize(
    ("approver", "requester", "allowed"),
    [
        ("clerk", "clerk", False),
        ("supervisor", "clerk", True),
        ("manager", "clerk", True),
        ("clerk", "supervisor", False),
        ("supervisor", "supervisor", False),
        ("manager", "supervisor", True),
        ("clerk", "manager", False),
        ("supervisor", "manager", False),
        ("manager", "manager", True),  # another manager (never the same one: the service)
    ],
)
def test_approval_comes_from_above(approver: str, requester: str, allowed: bool) -> None:
    assert may_approve(member(approver), requester) is allowed


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Alex Clerk", "A. Clerk"),
        ("Mary Ann Smith", "M. Smith"),
        ("  Bea   Counter ", "B. Counter"),
        ("Cher", "Cher"),
        ("Zoë Ødegaard", "Z. Ødegaard"),
    ],
)
def test_short_name_is_an_initial_and_the_last_name(name: str, short: str) -> None:
    assert member("clerk", name=name).short_name == short


def test_rank_follows_the_roles() -> None:
    assert [member(r).rank for r in ROLES] == [0, 1, 2]


@pytest.mark.parametrize(
    "fields",
    [
        {"staff_id": "ann smith"},
        {"staff_id": ""},
        {"staff_id": "-ann"},
        {"staff_id": "a" * 33},
        {"name": ""},
        {"name": "x" * 81},
        {"personal_limit": -1},
    ],
)
def test_bad_accounts_are_refused(fields: dict[str, object]) -> None:
    good: dict[str, object] = {"staff_id": "ann.o-1_x", "name": "Ann Other", "role": "clerk"}
    Staff.model_validate(good)
    with pytest.raises(ValidationError):
        Staff.model_validate({**good, **fields})

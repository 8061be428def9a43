"""Staff accounts: Argon2id PINs never kept in clear, sign-in, and the lock after 5 wrong
PINs that grows with each further one (an injected clock moves time)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

import app.services.staff as staff_module
from app.domain.staff import StaffError
from app.services.staff import SignInError
from app.services.station import Station, open_station
from app.settings import Settings
from app.store import audit as audit_store
from app.store import staff as staff_store
from tests.clock import Clock

PIN = "90817263"  # distinctive, so a search of the file's bytes means something
WRONG = "90817264"


@pytest.fixture
def station(tmp_path: Path, clock: Clock) -> Iterator[Station]:
    station = open_station(Settings(db_path=tmp_path / "staff.sqlite3"), clock=clock)
    yield station
    station.close()


@pytest.fixture
def ann(station: Station) -> str:
    station.staff.add("ann", name="Ann Other", role="clerk", pin=PIN, actor="os:admin")
    return "ann"


def audit_rows(station: Station) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.detail) for e in audit_store.entries(station.db)]


def attempts(station: Station, staff_id: str) -> tuple[int, object]:
    found = staff_store.find_staff(station.db, staff_id)
    assert found is not None
    return found[0].failed_attempts, found[0].locked_until


def test_add_hashes_the_pin_with_argon2id_at_least_at_owasp_strength(station: Station) -> None:
    added = station.staff.add(
        "ann", name=" Ann Other ", role="supervisor", pin=PIN, limit=10_000, actor="os:admin"
    )
    assert (added.staff_id, added.name, added.role, added.personal_limit) == (
        "ann",
        "Ann Other",
        "supervisor",
        10_000,
    )
    assert station.staff.find("ann") == added
    (pin_hash,) = station.db.execute("SELECT pin_hash FROM staff").fetchone()
    params = re.fullmatch(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+", pin_hash)
    assert params is not None, pin_hash
    memory, passes, lanes = map(int, params.groups())
    assert memory >= 19_456 and passes >= 2 and lanes >= 1  # OWASP: 19 MiB, 2 passes, 1 lane
    assert audit_rows(station) == [("os:admin", "staff_added", "ann role=supervisor limit=£100.00")]


def test_the_pin_is_nowhere_in_the_database_file(station: Station, ann: str) -> None:
    station.staff.sign_in(ann, PIN)
    with pytest.raises(SignInError):
        station.staff.sign_in(ann, WRONG)
    texts = " ".join(
        " ".join(map(str, row)) for row in station.db.execute("SELECT * FROM audit_log")
    )
    assert PIN not in texts and WRONG not in texts
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = station.settings.db_path
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            data = file.read_bytes()
            assert PIN.encode() not in data and WRONG.encode() not in data
    assert path.stat().st_size > 0


def test_a_second_account_with_the_same_id_is_refused(station: Station, ann: str) -> None:
    (before,) = station.db.execute("SELECT pin_hash FROM staff").fetchone()
    with pytest.raises(StaffError, match="'ann' already exists"):
        station.staff.add(ann, name="Another Ann", role="manager", pin="1234", actor="os:admin")
    assert station.db.execute("SELECT name, role, pin_hash FROM staff").fetchall() == [
        ("Ann Other", "clerk", before)
    ]
    assert [a for _, a, _ in audit_rows(station)] == ["staff_added"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"pin": "123"}, "a PIN is 4 to 8 digits"),
        ({"pin": "123456789"}, "a PIN is 4 to 8 digits"),
        ({"pin": "12a4"}, "a PIN is 4 to 8 digits"),
        ({"pin": ""}, "a PIN is 4 to 8 digits"),
        ({"role": "boss"}, "unknown role 'boss'"),
        ({"staff_id": "ann smith"}, "a staff id is 1 to 32 letters"),
        ({"staff_id": ""}, "a staff id is 1 to 32 letters"),
        ({"name": "   "}, "name:"),
        ({"limit": -1}, "personal limit:"),
    ],
)
def test_bad_accounts_are_refused_and_nothing_is_stored(
    station: Station, fields: dict[str, object], message: str
) -> None:
    given: dict[str, object] = {
        "staff_id": "ann",
        "name": "Ann Other",
        "role": "clerk",
        "pin": "5678",
        "limit": None,
        **fields,
    }
    with pytest.raises(StaffError) as caught:
        station.staff.add(
            str(given["staff_id"]),
            name=str(given["name"]),
            role=str(given["role"]),
            pin=str(given["pin"]),
            limit=given["limit"],  # type: ignore[arg-type]
            actor="os:admin",
        )
    assert message in str(caught.value)
    if given["pin"]:
        assert str(given["pin"]) not in str(caught.value)
    assert station.staff.all() == []
    assert not station.staff.has_staff()
    assert audit_rows(station) == []


def test_sign_in_with_the_right_pin(station: Station, ann: str) -> None:
    signed = station.staff.sign_in(" ann ", PIN)
    assert (signed.staff_id, signed.role) == ("ann", "clerk")
    assert audit_rows(station)[-1] == ("ann", "sign_in", "")


def test_a_wrong_pin_is_refused_counted_and_audited(station: Station, ann: str) -> None:
    with pytest.raises(SignInError, match="wrong PIN: 4 tries left"):
        station.staff.sign_in(ann, WRONG)
    assert attempts(station, ann) == (1, None)
    with pytest.raises(SignInError, match="wrong PIN: 3 tries left"):
        station.staff.check(ann, "1234", purpose="approve")  # approving counts the same
    assert attempts(station, ann) == (2, None)
    assert audit_rows(station)[-2:] == [
        ("ann", "sign_in_failed", "wrong PIN"),
        ("ann", "approve_failed", "wrong PIN"),
    ]


def test_an_unknown_id_is_refused_and_not_logged(station: Station, ann: str) -> None:
    typed = "4711"  # a PIN typed into the id field, perhaps
    with pytest.raises(SignInError, match="no staff account with that id") as caught:
        station.staff.sign_in(typed, PIN)
    assert typed not in str(caught.value)
    assert audit_rows(station)[-1] == ("unknown", "sign_in_failed", "unknown staff id")
    dump = repr(station.db.execute("SELECT * FROM audit_log").fetchall())
    assert typed not in dump and PIN not in dump
    assert attempts(station, ann) == (0, None)


def test_five_wrong_pins_lock_the_account_even_against_the_right_one(
    station: Station, ann: str, clock: Clock
) -> None:
    for left in (4, 3, 2):
        with pytest.raises(SignInError, match=f"{left} tries left"):
            station.staff.sign_in(ann, WRONG)
    with pytest.raises(SignInError, match="1 try left"):
        station.staff.sign_in(ann, WRONG)
    with pytest.raises(SignInError, match="locked for 1 min"):
        station.staff.sign_in(ann, WRONG)
    assert attempts(station, ann) == (5, clock.now + timedelta(minutes=1))
    assert audit_rows(station)[-2:] == [
        ("ann", "sign_in_failed", "wrong PIN"),
        ("ann", "account_locked", f"until {(clock.now + timedelta(minutes=1)).isoformat()}"),
    ]

    clock.advance(seconds=50)
    with pytest.raises(SignInError, match="locked"):
        station.staff.sign_in(ann, PIN)
    assert audit_rows(station)[-1] == ("ann", "sign_in_failed", "account locked")
    assert attempts(station, ann)[0] == 5  # a try while locked is refused, not counted


def test_the_lock_grows_with_each_wrong_pin_after_it_and_a_right_one_resets(
    station: Station, ann: str, clock: Clock
) -> None:
    station.db.execute(  # four wrong PINs already, without paying for four hashes
        "UPDATE staff SET failed_attempts = 4 WHERE staff_id = ?", [ann]
    )
    with pytest.raises(SignInError, match="locked for 1 min"):
        station.staff.sign_in(ann, WRONG)

    clock.advance(minutes=1, seconds=1)  # the first lock is over: one more wrong PIN
    with pytest.raises(SignInError, match="locked for 2 min"):
        station.staff.sign_in(ann, WRONG)
    assert attempts(station, ann) == (6, clock.now + timedelta(minutes=2))

    clock.advance(minutes=1, seconds=30)
    with pytest.raises(SignInError, match="locked for 1 min"):  # 30 s left, shown as 1 min
        station.staff.sign_in(ann, PIN)

    clock.advance(minutes=1, seconds=1)
    with pytest.raises(SignInError, match="locked for 4 min"):
        station.staff.sign_in(ann, WRONG)

    clock.advance(minutes=4, seconds=1)  # this lock expires too: the right PIN now works
    assert station.staff.sign_in(ann, PIN).failed_attempts == 0
    assert attempts(station, ann) == (0, None)
    assert [a for _, a, _ in audit_rows(station)].count("account_locked") == 3


def test_a_right_pin_starts_the_count_again(station: Station, ann: str) -> None:
    for _ in range(3):
        with pytest.raises(SignInError):
            station.staff.sign_in(ann, WRONG)
    station.staff.sign_in(ann, PIN)
    assert attempts(station, ann) == (0, None)
    station.db.execute("UPDATE staff SET failed_attempts = 3 WHERE staff_id = ?", [ann])
    with pytest.raises(SignInError, match="1 try left"):  # 4 in a row, not 7: no lock
        station.staff.sign_in(ann, WRONG)
    assert attempts(station, ann) == (4, None)


@pytest.fixture
def elsewhere(station: Station) -> Iterator[Station]:
    """Another process on the same database (another till, a script on the command line)."""
    other = open_station(station.settings, clock=station.staff.clock)
    yield other
    other.close()


def test_wrong_pins_tried_at_the_same_moment_elsewhere_count_too(
    station: Station, ann: str, elsewhere: Station, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = staff_module._matches

    def meanwhile(pin_hash: str, pin: str) -> bool:
        # while this PIN is hashed, four wrong ones are counted by another process
        staff_store.set_attempts(elsewhere.db, "ann", 4, None)
        return real(pin_hash, pin)

    monkeypatch.setattr(staff_module, "_matches", meanwhile)
    with pytest.raises(SignInError, match="locked for 1 min"):
        station.staff.sign_in(ann, WRONG)
    assert attempts(station, ann)[0] == 5


def test_a_right_pin_is_refused_if_the_account_was_locked_meanwhile(
    station: Station, ann: str, elsewhere: Station, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = staff_module._matches

    def meanwhile(pin_hash: str, pin: str) -> bool:
        staff_store.set_attempts(elsewhere.db, "ann", 5, clock.now + timedelta(minutes=1))
        return real(pin_hash, pin)

    monkeypatch.setattr(staff_module, "_matches", meanwhile)
    with pytest.raises(SignInError, match="locked"):
        station.staff.sign_in(ann, PIN)
    assert ("ann", "sign_in") not in [(a, b) for a, b, _ in audit_rows(station)]
    assert audit_rows(station)[-1] == ("ann", "sign_in_failed", "account locked")

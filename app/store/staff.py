"""Staff accounts in the cache: the PIN is kept only as its Argon2id hash."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from app.domain.staff import Staff

_COLUMNS = "staff_id, name, role, personal_limit, failed_attempts, locked_until"


def _staff(row: tuple[object, ...]) -> Staff:
    locked = row[5]
    return Staff(
        staff_id=str(row[0]),
        name=str(row[1]),
        role=str(row[2]),
        personal_limit=row[3],
        failed_attempts=row[4],
        locked_until=datetime.fromisoformat(str(locked)) if locked else None,
    )


def insert_staff(db: Database, staff: Staff, pin_hash: str, created_at: datetime) -> None:
    db.execute(
        "INSERT INTO staff (staff_id, name, role, personal_limit, pin_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            staff.staff_id,
            staff.name,
            staff.role,
            staff.personal_limit,
            pin_hash,
            created_at.isoformat(),
        ],
    )


def find_staff(db: Database, staff_id: str) -> tuple[Staff, str] | None:
    """The account and its PIN hash, or None."""
    row = db.execute(
        f"SELECT {_COLUMNS}, pin_hash FROM staff WHERE staff_id = ?", [staff_id]
    ).fetchone()
    return None if row is None else (_staff(row), str(row[6]))


def all_staff(db: Database) -> list[Staff]:
    return [_staff(r) for r in db.execute(f"SELECT {_COLUMNS} FROM staff ORDER BY staff_id")]


def has_staff(db: Database) -> bool:
    return db.execute("SELECT 1 FROM staff LIMIT 1").fetchone() is not None


def set_attempts(
    db: Database, staff_id: str, failed_attempts: int, locked_until: datetime | None
) -> None:
    db.execute(
        "UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?",
        [failed_attempts, locked_until.isoformat() if locked_until else None, staff_id],
    )


def set_pin_hash(db: Database, staff_id: str, pin_hash: str) -> None:
    db.execute("UPDATE staff SET pin_hash = ? WHERE staff_id = ?", [pin_hash, staff_id])

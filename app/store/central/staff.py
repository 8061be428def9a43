"""Staff accounts kept centrally (the PIN only as its Argon2id hash), for every station."""

from __future__ import annotations

from datetime import datetime

import psycopg

from app.domain.staff import Staff


def insert_staff(
    conn: psycopg.Connection, staff: Staff, pin_hash: str, created_at: datetime
) -> bool:
    """Add the account; False when the chain already has one with this id."""
    done = conn.execute(
        "INSERT INTO staff (staff_id, name, role, personal_limit, pin_hash, failed_attempts, "
        "created_at) VALUES (%s, %s, %s, %s, %s, 0, %s) ON CONFLICT (staff_id) DO NOTHING",
        [
            staff.staff_id,
            staff.name,
            staff.role,
            staff.personal_limit,
            pin_hash,
            created_at.isoformat(),
        ],
    )
    return done.rowcount == 1


def all_staff(conn: psycopg.Connection) -> list[Staff]:
    rows = conn.execute(
        "SELECT staff_id, name, role, personal_limit, failed_attempts, locked_until "
        "FROM staff ORDER BY staff_id"
    ).fetchall()
    return [
        Staff(
            staff_id=r[0],
            name=r[1],
            role=r[2],
            personal_limit=r[3],
            failed_attempts=r[4],
            locked_until=datetime.fromisoformat(r[5]) if r[5] else None,
        )
        for r in rows
    ]

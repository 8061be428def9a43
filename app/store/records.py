"""What the station records itself: concessions with their decisions, and the customer's
words. Rows are never deleted; a pending concession is decided once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from app.domain.text import from_json
from app.store import outbox

PENDING, RECORDED, APPROVED, DENIED = "pending", "recorded", "approved", "denied"
GRANTED = (RECORDED, APPROVED)


@dataclass(frozen=True, slots=True)
class RecordedConcession:
    concession_id: str
    customer_id: str
    recorded_at: datetime
    category: str
    action: str
    value: int
    disputed_amount: int
    words: str
    note: str
    staff_id: str
    station: str
    status: str
    approval_reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    approval_reason_words: str | None = None  # the reason as a Text kept in JSON

    @property
    def approval_text(self) -> str:
        """Why it waits, translatable where it is shown (the English for older records)."""
        if self.approval_reason_words:
            try:
                return from_json(self.approval_reason_words)
            except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
                pass  # not a kept text (another station's, damaged): the English stands
        return self.approval_reason or ""


@dataclass(frozen=True, slots=True)
class Feedback:
    feedback_id: str
    customer_id: str
    recorded_at: datetime
    kind: str
    words: str
    staff_id: str
    station: str


_CONCESSION_COLUMNS = (
    "concession_id, customer_id, recorded_at, category, action, value, disputed_amount, "
    "words, note, staff_id, station, status, approval_reason, decided_by, decided_at, "
    "decision_reason, approval_reason_words"
)


def _moment(value: object) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(int(str(value)), UTC)


def _concession(row: tuple[object, ...]) -> RecordedConcession:
    values = list(row)
    values[2] = _moment(values[2])
    values[14] = _moment(values[14])
    return RecordedConcession(*values)  # type: ignore[arg-type]


def insert_concession(db: Database, c: RecordedConcession) -> None:
    db.execute(
        f"INSERT INTO recorded_concessions ({_CONCESSION_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            c.concession_id,
            c.customer_id,
            int(c.recorded_at.timestamp()),
            c.category,
            c.action,
            c.value,
            c.disputed_amount,
            c.words,
            c.note,
            c.staff_id,
            c.station,
            c.status,
            c.approval_reason,
            None,
            None,
            None,
            c.approval_reason_words,
        ],
    )
    outbox.queue(db, "concession", c.concession_id)
    if c.status in GRANTED:
        queue_handback(db, "concession", c.concession_id)


def decide_concession(
    db: Database, concession_id: str, status: str, by: str, at: datetime, reason: str | None
) -> None:
    db.execute(
        "UPDATE recorded_concessions SET status = ?, decided_by = ?, decided_at = ?, "
        "decision_reason = ? WHERE concession_id = ?",
        [status, by, int(at.timestamp()), reason, concession_id],
    )
    outbox.queue(db, "decision", concession_id)
    if status == APPROVED:
        # Only goodwill given goes back: a row of the contract's concessions file is a
        # concession granted (upstream ignores the status column), so a denial is not sent.
        queue_handback(db, "concession", concession_id)


@dataclass(frozen=True, slots=True)
class Decision:
    status: str
    decided_by: str | None  # None only for "pending again" (a decision the chain refused)
    decided_at: int | None  # epoch seconds
    reason: str | None


def take_decision(db: Database, concession_id: str, held: Decision, station: str) -> bool:
    """The chain's decision on a request still pending here (made at another station): kept
    as it is, never pushed back; this station's own approved request goes back upstream."""
    done = db.execute(
        "UPDATE recorded_concessions SET status = ?, decided_by = ?, decided_at = ?, "
        "decision_reason = ? WHERE concession_id = ? AND status = 'pending'",
        [held.status, held.decided_by, held.decided_at, held.reason, concession_id],
    )
    if not done.rowcount:
        return False
    _hand_back_if_given(db, concession_id, held, station)
    return True


def note_clash(
    db: Database, concession_id: str, held: Decision | None, said: str, at: datetime, station: str
) -> None:
    """A decision made here offline that the chain had made otherwise first (`held`), or
    refused (None: the request is pending again). The chain's stands; the one made here is
    kept in decision_clashes, and only such a noted clash lets a decision change again."""
    here = db.execute(
        "SELECT status, decided_by, decided_at, decision_reason FROM recorded_concessions "
        "WHERE concession_id = ? AND status IN ('approved', 'denied')",
        [concession_id],
    ).fetchone()
    if here is None:
        return
    chain = held or Decision(PENDING, None, None, None)
    db.execute(
        "INSERT INTO decision_clashes (concession_id, noted_at, status, decided_by, decided_at, "
        "decision_reason, here_status, here_decided_by, here_decided_at, here_reason, said) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [concession_id, int(at.timestamp()), chain.status, chain.decided_by, chain.decided_at,
         chain.reason, *here, said],
    )  # fmt: skip
    db.execute(
        "UPDATE recorded_concessions SET status = ?, decided_by = ?, decided_at = ?, "
        "decision_reason = ? WHERE concession_id = ?",
        [chain.status, chain.decided_by, chain.decided_at, chain.reason, concession_id],
    )
    if held is not None:
        _hand_back_if_given(db, concession_id, held, station)


def _hand_back_if_given(db: Database, concession_id: str, held: Decision, station: str) -> None:
    mine = db.execute(
        "SELECT 1 FROM recorded_concessions WHERE concession_id = ? AND station = ?",
        [concession_id, station],
    ).fetchone()
    if held.status == APPROVED and mine:
        queue_handback(db, "concession", concession_id)


def find_concession(db: Database, concession_id: str) -> RecordedConcession | None:
    """A concession recorded here (not one practised on demo data since replaced)."""
    row = db.execute(
        f"SELECT {_CONCESSION_COLUMNS} FROM recorded_concessions WHERE concession_id = ? "
        "AND concession_id NOT IN (SELECT record_id FROM demo_records)",
        [concession_id],
    ).fetchone()
    return None if row is None else _concession(row)


def pending_concessions(db: Database) -> list[RecordedConcession]:
    rows = db.execute(
        f"SELECT {_CONCESSION_COLUMNS} FROM recorded_concessions WHERE status = 'pending' "
        "AND concession_id NOT IN (SELECT record_id FROM demo_records) "
        "ORDER BY recorded_at, concession_id"
    )
    return [_concession(r) for r in rows]


def concessions_by_ids(db: Database, ids: list[str]) -> list[RecordedConcession]:
    found = []
    for concession_id in ids:
        c = find_concession(db, concession_id)
        if c is not None:
            found.append(c)
    return found


def staff_given_since(db: Database, staff_id: str, since: datetime) -> tuple[int, int]:
    """How many concessions this member of staff has given (or asked for) since a moment,
    and their value; denied ones do not count."""
    row = db.execute(
        "SELECT count(*), total(value) FROM recorded_concessions WHERE staff_id = ? "
        "AND recorded_at >= ? AND status <> 'denied' AND value > 0 "
        "AND concession_id NOT IN (SELECT record_id FROM demo_records)",
        [staff_id, int(since.timestamp())],
    ).fetchone()
    return int(row[0]), int(row[1])


def insert_feedback(db: Database, f: Feedback) -> None:
    db.execute(
        "INSERT INTO feedback (feedback_id, customer_id, recorded_at, kind, words, staff_id, "
        "station) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            f.feedback_id,
            f.customer_id,
            int(f.recorded_at.timestamp()),
            f.kind,
            f.words,
            f.staff_id,
            f.station,
        ],
    )
    outbox.queue(db, "feedback", f.feedback_id)
    queue_handback(db, "feedback", f.feedback_id)


def feedback_by_ids(db: Database, ids: list[str]) -> list[Feedback]:
    found = []
    for feedback_id in ids:
        row = db.execute(
            "SELECT feedback_id, customer_id, recorded_at, kind, words, staff_id, station "
            "FROM feedback WHERE feedback_id = ?",
            [feedback_id],
        ).fetchone()
        if row is not None:
            values = list(row)
            values[2] = _moment(values[2])
            found.append(Feedback(*values))
    return found


def queue_handback(db: Database, kind: str, record_id: str) -> None:
    db.execute("INSERT INTO handback (kind, record_id) VALUES (?, ?)", [kind, record_id])


def handback_after(db: Database, seq: int) -> list[tuple[int, str, str]]:
    """(seq, kind, record_id) queued after `seq`, oldest first."""
    rows = db.execute("SELECT seq, kind, record_id FROM handback WHERE seq > ? ORDER BY seq", [seq])
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

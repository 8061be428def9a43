"""Versioned migrations; each runs atomically with its record (sqlite-utils Migrations)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database, Migrations

from app.store.summaries import first_day_end, refresh_summaries

migrations = Migrations("standing")

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE customers (
    customer_id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT,
    email TEXT,
    email_folded TEXT,
    joined_on TEXT NOT NULL,
    household_id TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    referrals INTEGER NOT NULL DEFAULT 0,
    preferences TEXT,
    notes TEXT,
    updated_at TEXT,
    search_words TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customers_email ON customers (email_folded) WHERE email_folded IS NOT NULL;
CREATE INDEX customers_household ON customers (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE name_words (
    word TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (word, customer_id)
) WITHOUT ROWID;

CREATE TABLE phones (
    customer_id TEXT NOT NULL,
    e164 TEXT NOT NULL,
    label TEXT,
    reversed TEXT NOT NULL,
    PRIMARY KEY (customer_id, e164)
) WITHOUT ROWID;
CREATE INDEX phones_e164 ON phones (e164);
CREATE INDEX phones_reversed ON phones (reversed);

CREATE TABLE cards (
    card_number TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    card_type TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    issued_on TEXT
) WITHOUT ROWID;
CREATE INDEX cards_customer ON cards (customer_id);

-- Clustered by customer and time, so one customer's history is one short range.
CREATE TABLE purchases (
    customer_id TEXT NOT NULL,
    purchased_at INTEGER NOT NULL,
    purchase_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    channel TEXT,
    product_line TEXT,
    location TEXT,
    PRIMARY KEY (customer_id, purchased_at, purchase_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX purchases_id ON purchases (purchase_id);

CREATE TABLE interactions (
    customer_id TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    interaction_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT,
    summary TEXT,
    PRIMARY KEY (customer_id, occurred_at, interaction_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX interactions_id ON interactions (interaction_id);

CREATE TABLE concessions (
    customer_id TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    concession_id TEXT NOT NULL,
    value INTEGER NOT NULL,
    kind TEXT,
    reason TEXT,
    location TEXT,
    PRIMARY KEY (customer_id, granted_at, concession_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX concessions_id ON concessions (concession_id);

-- All-time figures per customer, refreshed at import (migration 0005 adds more).
CREATE TABLE summary (
    customer_id TEXT PRIMARY KEY,
    lifetime_value INTEGER NOT NULL,
    gross_value INTEGER NOT NULL,
    purchase_count INTEGER NOT NULL,
    first_purchase_at INTEGER,
    last_purchase_at INTEGER,
    last_activity_at INTEGER,
    complaints_total INTEGER NOT NULL,
    concessions_total INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE households (
    household_id TEXT PRIMARY KEY,
    members INTEGER NOT NULL,
    lifetime_value INTEGER NOT NULL,
    last_activity_at INTEGER
) WITHOUT ROWID;
"""


# What this station records itself: staff, concessions, the customer's words, the audit log.
# Records are never deleted; a concession changes only once, from pending to its decision.
_V2 = """
CREATE TABLE staff (
    staff_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager')),
    personal_limit INTEGER,
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE recorded_concessions (
    concession_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    category TEXT NOT NULL,
    action TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value >= 0),
    disputed_amount INTEGER NOT NULL CHECK (disputed_amount >= 0),
    words TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    staff_id TEXT NOT NULL,
    station TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('recorded', 'pending', 'approved', 'denied')),
    approval_reason TEXT,
    decided_by TEXT,
    decided_at INTEGER,
    decision_reason TEXT
);
CREATE INDEX recorded_concessions_customer ON recorded_concessions (customer_id, recorded_at);
CREATE INDEX recorded_concessions_staff ON recorded_concessions (staff_id, recorded_at);
CREATE INDEX recorded_concessions_pending ON recorded_concessions (recorded_at)
    WHERE status = 'pending';
CREATE TRIGGER recorded_concessions_kept BEFORE DELETE ON recorded_concessions
BEGIN
    SELECT RAISE(ABORT, 'recorded concessions are never deleted');
END;
CREATE TRIGGER recorded_concessions_decided_once BEFORE UPDATE ON recorded_concessions
WHEN OLD.status <> 'pending' OR NEW.status NOT IN ('approved', 'denied')
    OR NEW.concession_id IS NOT OLD.concession_id OR NEW.customer_id IS NOT OLD.customer_id
    OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.category IS NOT OLD.category
    OR NEW.action IS NOT OLD.action OR NEW.value IS NOT OLD.value
    OR NEW.disputed_amount IS NOT OLD.disputed_amount OR NEW.words IS NOT OLD.words
    OR NEW.note IS NOT OLD.note OR NEW.staff_id IS NOT OLD.staff_id
    OR NEW.station IS NOT OLD.station OR NEW.approval_reason IS NOT OLD.approval_reason
BEGIN
    SELECT RAISE(ABORT, 'a recorded concession changes only once, from pending to its decision');
END;

CREATE TABLE feedback (
    feedback_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('complaint', 'compliment', 'enquiry')),
    words TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    station TEXT NOT NULL
);
CREATE INDEX feedback_customer ON feedback (customer_id, recorded_at);
CREATE TRIGGER feedback_kept BEFORE DELETE ON feedback
BEGIN
    SELECT RAISE(ABORT, 'recorded feedback is never deleted');
END;
CREATE TRIGGER feedback_unchanged BEFORE UPDATE ON feedback
BEGIN
    SELECT RAISE(ABORT, 'recorded feedback is never changed');
END;

-- What to hand back upstream, in the order it happened; meta.handback_through marks the last sent.
CREATE TABLE handback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('concession', 'feedback')),
    record_id TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    station TEXT NOT NULL,
    action TEXT NOT NULL,
    customer_id TEXT,
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
"""


def _run(db: Database, script: str) -> None:
    """Each statement in turn (inside the migration's transaction; triggers hold `;`)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


@migrations(name="0001_contract_tables")
def _contract_tables(db: Database) -> None:
    _run(db, _V1)


@migrations(name="0002_staff_concessions_audit")
def _staff_concessions_audit(db: Database) -> None:
    _run(db, _V2)


# Records made while practising on demo data: kept (never deleted), but once real data
# replaces the demo they count nowhere and are never decided or handed back.
_V3 = """
CREATE TABLE demo_records (record_id TEXT PRIMARY KEY) WITHOUT ROWID;
"""


@migrations(name="0003_demo_records")
def _demo_records(db: Database) -> None:
    _run(db, _V3)


# The best card's status, kept with the summary so a list of matches reads no cards.
_V4 = """
ALTER TABLE summary ADD COLUMN card_status TEXT;
UPDATE summary SET card_status = (
    SELECT k.status FROM cards k WHERE k.customer_id = summary.customer_id
    ORDER BY k.status = 'active' DESC, k.issued_on DESC LIMIT 1
);
"""


@migrations(name="0004_summary_card_status")
def _summary_card_status(db: Database) -> None:
    _run(db, _V4)


# What a list of matches shows, kept with the summary so a lookup reads no customers row; and
# the 12-month spend as of the export's day (filled at the next import; read live till then).
_V5 = """
ALTER TABLE summary ADD COLUMN given_name TEXT;
ALTER TABLE summary ADD COLUMN family_name TEXT;
ALTER TABLE summary ADD COLUMN status TEXT;
ALTER TABLE summary ADD COLUMN spend_12m INTEGER;
ALTER TABLE summary ADD COLUMN spend_12m_from INTEGER;
ALTER TABLE summary ADD COLUMN spend_12m_until INTEGER;
ALTER TABLE summary ADD COLUMN first_in_12m_at INTEGER;
UPDATE summary SET (given_name, family_name, status) = (
    SELECT c.given_name, c.family_name, c.status FROM customers c
    WHERE c.customer_id = summary.customer_id
);
"""


@migrations(name="0005_summary_for_lists")
def _summary_for_lists(db: Database) -> None:
    _run(db, _V5)
    # Lists now read the summary alone: no customer may be missing from it (added at 0009,
    # once the summary has every column its refresh writes).


# What waits to be pushed to the central store (app/store/outbox.py), and what this station
# has pulled: records already made are queued so the central store gets the whole history.
_V6 = """
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('concession', 'decision', 'feedback', 'audit')),
    record_id TEXT NOT NULL
);
INSERT INTO outbox (kind, record_id)
    SELECT 'audit', seq FROM audit_log ORDER BY seq;
INSERT INTO outbox (kind, record_id)
    SELECT 'concession', concession_id FROM recorded_concessions ORDER BY recorded_at;
INSERT INTO outbox (kind, record_id)
    SELECT 'decision', concession_id FROM recorded_concessions
    WHERE decided_at IS NOT NULL ORDER BY decided_at;
INSERT INTO outbox (kind, record_id)
    SELECT 'feedback', feedback_id FROM feedback ORDER BY recorded_at;
"""


@migrations(name="0006_outbox")
def _outbox(db: Database) -> None:
    _run(db, _V6)


# A decision made here offline that the chain had made otherwise first (or refused): the
# chain's stands in recorded_concessions, the one made here is kept beside it, and only such
# a noted clash may change a decided concession again.
_V7 = """
CREATE TABLE decision_clashes (
    concession_id TEXT NOT NULL,
    noted_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
    decided_by TEXT,
    decided_at INTEGER,
    decision_reason TEXT,
    here_status TEXT NOT NULL,
    here_decided_by TEXT,
    here_decided_at INTEGER,
    here_reason TEXT,
    said TEXT NOT NULL
);
CREATE INDEX decision_clashes_concession ON decision_clashes (concession_id);
DROP TRIGGER recorded_concessions_decided_once;
CREATE TRIGGER recorded_concessions_decided_once BEFORE UPDATE ON recorded_concessions
WHEN (OLD.status = 'pending' AND NEW.status NOT IN ('approved', 'denied'))
    OR (OLD.status <> 'pending' AND NOT EXISTS (
        SELECT 1 FROM decision_clashes c WHERE c.concession_id = NEW.concession_id
        AND c.status = NEW.status AND c.decided_by IS NEW.decided_by
        AND c.here_status = OLD.status AND c.here_decided_by IS OLD.decided_by))
    OR NEW.concession_id IS NOT OLD.concession_id OR NEW.customer_id IS NOT OLD.customer_id
    OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.category IS NOT OLD.category
    OR NEW.action IS NOT OLD.action OR NEW.value IS NOT OLD.value
    OR NEW.disputed_amount IS NOT OLD.disputed_amount OR NEW.words IS NOT OLD.words
    OR NEW.note IS NOT OLD.note OR NEW.staff_id IS NOT OLD.staff_id
    OR NEW.station IS NOT OLD.station OR NEW.approval_reason IS NOT OLD.approval_reason
BEGIN
    SELECT RAISE(ABORT, 'a recorded concession changes only once, from pending to its decision');
END;
"""


@migrations(name="0007_decision_clashes")
def _decision_clashes(db: Database) -> None:
    _run(db, _V7)


# Why a request waits for a supervisor, kept as its template and arguments (JSON), so each
# screen shows it in its own language; approval_reason keeps the English for exports.
_V8 = """
ALTER TABLE recorded_concessions ADD COLUMN approval_reason_words TEXT;
""" + _V7[_V7.index("DROP TRIGGER recorded_concessions_decided_once;") :].replace(
    "OR NEW.approval_reason IS NOT OLD.approval_reason",
    "OR NEW.approval_reason IS NOT OLD.approval_reason\n"
    "    OR NEW.approval_reason_words IS NOT OLD.approval_reason_words",
)


@migrations(name="0008_approval_reason_words")
def _approval_reason_words(db: Database) -> None:
    _run(db, _V8)


# What a customer is likely to spend in the next 12 months and how likely they are to be
# still active (app/store/potential.py): this cache's own, made from the latest fit.
# Purchase days and the first day's spend are what the models learn from (see summaries.py).
_V9 = f"""
ALTER TABLE summary ADD COLUMN predicted_spend_12m INTEGER;
ALTER TABLE summary ADD COLUMN probability_alive REAL;
ALTER TABLE summary ADD COLUMN purchase_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE summary ADD COLUMN first_day_spend INTEGER NOT NULL DEFAULT 0;
UPDATE summary SET (purchase_days, first_day_spend) = (
    SELECT count(DISTINCT q.purchased_at / 86400),
        total(CASE WHEN q.purchased_at < {first_day_end("p.first")}
            THEN q.amount END)
    FROM purchases q, (SELECT summary.first_purchase_at AS first) p
    WHERE q.customer_id = summary.customer_id AND q.amount > 0
) WHERE purchase_count > 0;
"""


@migrations(name="0009_potential_value")
def _potential_value(db: Database) -> None:
    _run(db, _V9)
    missing = "SELECT customer_id FROM customers EXCEPT SELECT customer_id FROM summary"
    if ids := [row[0] for row in db.execute(missing)]:
        refresh_summaries(db, ids, None)


def migrate(db: Database, *, before: Callable[[], object] | None = None) -> None:
    """Bring the schema up to date; `before` runs first when an existing cache (one with
    migrations already applied) is about to change: the backup a migration is preceded by."""
    if before is not None and migrations.applied(db) and migrations.pending(db):
        before()
    migrations.apply(db)

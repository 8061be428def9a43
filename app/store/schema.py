"""Versioned migrations; each runs atomically with its record (sqlite-utils Migrations)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

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

-- All-time figures per customer, refreshed at import (as-of windows are read live).
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


@migrations(name="0001_contract_tables")
def _contract_tables(db: Database) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            db.execute(statement)


def migrate(db: Database) -> None:
    migrations.apply(db)

"""The central schema: versioned migrations, each applied once in its own transaction.

The tables a station keeps (customers to summaries, staff, recorded concessions, the
customer's words, the audit log) are mirrored from the station cache's own schema, so a
column added to the cache (with its SQLite migration) reaches the central store at its next
`central init` and the sync copies rows column for column. Every mirrored row carries the
change number and the writing transaction's id that a station pulls by (see central.pull).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import psycopg
from psycopg import sql

from app.store.central import CentralError
from app.store.database import open_database

STATION_ROLE = "standing_station"  # the group role every station's login role is in

# Mirrored from the cache, in the order a station applies a pull (customers first).
CONTRACT_MIRRORS = ("customers", "phones", "cards", "purchases", "interactions", "concessions")
SUMMARY_MIRRORS = ("summary", "households")
OWN_MIRRORS = ("staff", "recorded_concessions", "feedback", "audit_log")
MIRRORS = CONTRACT_MIRRORS + SUMMARY_MIRRORS + OWN_MIRRORS
# Their keys centrally, where not the cache's own: each station numbers its audit log alone.
CENTRAL_KEYS = {"audit_log": ("station", "seq")}
# Columns each station works out for itself, never mirrored: the predictions follow from the
# summary and the chain's fit (meta `potential_fit`), so a new fit moves no rows.
STATION_ONLY = {"summary": ("predicted_spend_12m", "probability_alive")}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # bigint or text
    not_null: bool
    default: str | None  # an SQL literal, as SQLite keeps it


@dataclass(frozen=True)
class Mirror:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...]  # further unique keys (purchases' id, say)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@cache
def mirrors() -> dict[str, Mirror]:
    """The mirrored tables as the station cache defines them today."""
    db = open_database(":memory:")
    try:
        found = {}
        for table in MIRRORS:
            info = db.execute(f"PRAGMA table_info({table})").fetchall()
            columns = tuple(
                Column(name, "bigint" if kind.upper() == "INTEGER" else "text", bool(nn), dflt)
                for _cid, name, kind, nn, dflt, _pk in info
                if name not in STATION_ONLY.get(table, ())
            )
            key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
            unique = []
            for index in db.execute(f"PRAGMA index_list({table})").fetchall():
                if index[2] and index[3] == "c":  # a UNIQUE index made by CREATE INDEX
                    cols = db.execute(f"PRAGMA index_info({index[1]})").fetchall()
                    unique.append(tuple(c[2] for c in cols))
            found[table] = Mirror(table, columns, CENTRAL_KEYS.get(table, key), tuple(unique))
        return found
    finally:
        db.close()


# --- versioned migrations ----------------------------------------------------------------

_BASE = """
CREATE SEQUENCE standing_changes CACHE 1000;
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE tombstones (
    table_name text NOT NULL,
    key text[] NOT NULL,
    change bigint NOT NULL DEFAULT nextval('standing_changes'),
    xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX tombstones_pull ON tombstones (xid, change);
CREATE TABLE stations (
    station text PRIMARY KEY,
    role_name text UNIQUE NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION standing_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change := nextval('standing_changes');
    NEW.xid := pg_current_xact_id();
    RETURN NEW;
END $$;

CREATE FUNCTION standing_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END $$;
"""


def _base(conn: psycopg.Connection) -> None:
    conn.execute(_BASE)
    conn.execute(
        sql.SQL(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {0}) THEN "
            "CREATE ROLE {1} NOLOGIN; END IF; END $$"
        ).format(sql.Literal(STATION_ROLE), sql.Identifier(STATION_ROLE))
    )


_RULES = """
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION standing_refuse('the audit log is append-only');
CREATE TRIGGER feedback_kept BEFORE UPDATE OR DELETE ON feedback
    FOR EACH ROW EXECUTE FUNCTION standing_refuse('recorded feedback is never changed');
CREATE TRIGGER recorded_concessions_kept BEFORE DELETE ON recorded_concessions
    FOR EACH ROW EXECUTE FUNCTION standing_refuse('recorded concessions are never deleted');

CREATE FUNCTION standing_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'pending' OR NEW.status NOT IN ('approved', 'denied')
        OR (NEW.concession_id, NEW.customer_id, NEW.recorded_at, NEW.category, NEW.action,
            NEW.value, NEW.disputed_amount, NEW.words, NEW.note, NEW.staff_id, NEW.station,
            NEW.approval_reason)
        IS DISTINCT FROM
           (OLD.concession_id, OLD.customer_id, OLD.recorded_at, OLD.category, OLD.action,
            OLD.value, OLD.disputed_amount, OLD.words, OLD.note, OLD.staff_id, OLD.station,
            OLD.approval_reason)
    THEN
        RAISE EXCEPTION 'a recorded concession changes only once, from pending to its decision'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recorded_concessions_decided_once BEFORE UPDATE ON recorded_concessions
    FOR EACH ROW EXECUTE FUNCTION standing_decided_once();
"""


def _mirrored_with_rules(conn: psycopg.Connection) -> None:
    align(conn)
    conn.execute(_RULES)


# What a station may do beyond reading and adding its own records, each through a function
# that runs as the owner and does only that: decide a pending request (once, chain-wide) and
# note an account it locked after wrong PINs. Its own records are its own: row-level security
# lets a station's role add rows only under its own station's name.
_STATION_FUNCTIONS = """
CREATE FUNCTION standing_decide(p_concession text, p_status text, p_by text, p_at bigint,
    p_reason text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    held text;
BEGIN
    UPDATE recorded_concessions SET status = p_status, decided_by = p_by, decided_at = p_at,
        decision_reason = p_reason
    WHERE concession_id = p_concession AND status = 'pending';
    IF FOUND THEN
        PERFORM pg_notify('standing_decisions', p_concession);
        RETURN 'decided';
    END IF;
    SELECT status || ' by ' || coalesce(decided_by, '?') INTO held
    FROM recorded_concessions WHERE concession_id = p_concession;
    RETURN coalesce(held, 'unknown');
END $$;

CREATE FUNCTION standing_note_lock(p_staff text, p_until text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    UPDATE staff SET locked_until = p_until
    WHERE staff_id = p_staff AND (locked_until IS NULL OR locked_until < p_until)
$$;

CREATE FUNCTION standing_station_name() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT station FROM stations WHERE role_name = session_user
$$;
"""
_OWN_RECORDS = ("recorded_concessions", "feedback", "audit_log")


def _station_functions(conn: psycopg.Connection) -> None:
    conn.execute(_STATION_FUNCTIONS)
    for table in _OWN_RECORDS:
        name = sql.Identifier(table)
        conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(name))
        conn.execute(
            sql.SQL("CREATE POLICY {} ON {} FOR SELECT USING (true)").format(
                sql.Identifier(f"{table}_read"), name
            )
        )
        conn.execute(
            sql.SQL(
                "CREATE POLICY {} ON {} FOR INSERT WITH CHECK (station = standing_station_name())"
            ).format(sql.Identifier(f"{table}_own"), name)
        )


# A new request for approval is announced as it arrives, as a decision is (standing_decide):
# connected windows sync at once instead of at their next turn.
_ANNOUNCE = """
CREATE FUNCTION standing_announce_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'pending' THEN
        PERFORM pg_notify('standing_requests', NEW.concession_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recorded_concessions_announce AFTER INSERT ON recorded_concessions
    FOR EACH ROW EXECUTE FUNCTION standing_announce_request();
"""


def _announce(conn: psycopg.Connection) -> None:
    conn.execute(_ANNOUNCE)


# A function that runs as the owner looks in pg_temp last, so a station's temporary table
# cannot stand in for `stations` or `staff`; and the change number and transaction id of a
# station's own record are set by the store on insert, never by the station.
_HARDENED = """
ALTER FUNCTION standing_decide(text, text, text, bigint, text)
    SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION standing_note_lock(text, text) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION standing_station_name() SET search_path = pg_catalog, public, pg_temp;
CREATE TRIGGER recorded_concessions_stamp BEFORE INSERT ON recorded_concessions
    FOR EACH ROW EXECUTE FUNCTION standing_touch();
CREATE TRIGGER feedback_stamp BEFORE INSERT ON feedback
    FOR EACH ROW EXECUTE FUNCTION standing_touch();
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION standing_touch();
"""


def _hardened(conn: psycopg.Connection) -> None:
    conn.execute(_HARDENED)


# The chain's rules for a decision hold centrally too, whatever a station runs: the approver
# is an account the chain knows, not locked, not the one who asked, senior enough for the
# asker's role (ranked clerk, supervisor, manager) and within their limit (personal, else
# their role's as `central init` published it from its policy); a denial gives its reason.
# A lock a station notes lasts at most the longest lock (an hour) from the moment it reaches
# the central store.
_BY_THE_RULES = """
CREATE OR REPLACE FUNCTION standing_decide(p_concession text, p_status text, p_by text,
    p_at bigint, p_reason text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    request recorded_concessions%ROWTYPE;
    approver staff%ROWTYPE;
    asker_role text;
    most bigint;
    ranks text[] := ARRAY['clerk', 'supervisor', 'manager'];
BEGIN
    SELECT * INTO request FROM recorded_concessions WHERE concession_id = p_concession
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'unknown';
    ELSIF request.status <> 'pending' THEN
        RETURN request.status || ' by ' || coalesce(request.decided_by, '?');
    ELSIF p_status NOT IN ('approved', 'denied') THEN
        RETURN 'refused: ' || quote_literal(p_status) || ' is not a decision';
    END IF;
    SELECT * INTO approver FROM staff WHERE staff_id = p_by;
    IF NOT FOUND THEN
        RETURN 'refused: the chain has no staff account ' || quote_literal(p_by);
    ELSIF p_by = request.staff_id THEN
        RETURN 'refused: nobody approves their own request';
    ELSIF approver.locked_until IS NOT NULL AND approver.locked_until::timestamptz > now() THEN
        RETURN format('refused: %s''s account is locked after wrong PINs', p_by);
    END IF;
    SELECT role INTO asker_role FROM staff WHERE staff_id = request.staff_id;
    asker_role := coalesce(asker_role, 'clerk');
    -- an unknown role ranks below every other: refused, never let through
    IF coalesce(array_position(ranks, approver.role), 0)
        < least(coalesce(array_position(ranks, asker_role), 1) + 1, 3)
    THEN
        RETURN format('refused: a %s cannot decide a %s''s request', approver.role, asker_role);
    ELSIF p_status = 'denied' AND btrim(coalesce(p_reason, '')) = '' THEN
        RETURN 'refused: a denial needs a reason';
    END IF;
    SELECT coalesce(approver.personal_limit, value::bigint) INTO most FROM meta
        WHERE key = 'limit:' || approver.role;
    most := coalesce(most, approver.personal_limit);
    IF p_status = 'approved' AND request.value > coalesce(most, request.value) THEN
        RETURN format('refused: over %s''s limit', p_by);
    END IF;
    UPDATE recorded_concessions SET status = p_status, decided_by = p_by, decided_at = p_at,
        decision_reason = p_reason
    WHERE concession_id = p_concession;
    PERFORM pg_notify('standing_decisions', p_concession);
    RETURN 'decided';
END $$;

CREATE OR REPLACE FUNCTION standing_note_lock(p_staff text, p_until text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    latest timestamptz := now() + interval '1 hour';
BEGIN
    IF p_until::timestamptz > latest THEN
        p_until := to_char(latest AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00';
    END IF;
    UPDATE staff SET locked_until = p_until
    WHERE staff_id = p_staff AND (locked_until IS NULL OR locked_until < p_until);
END $$;
"""


def _by_the_rules(conn: psycopg.Connection) -> None:
    conn.execute(_BY_THE_RULES)


# A customer's cards, found by the customer: the summaries' best card read each touched
# customer's cards, and without this scanned them all for each (quadratic at import).
_CARD_OWNERS = "CREATE INDEX IF NOT EXISTS cards_customer ON cards (customer_id)"


def _card_owners(conn: psycopg.Connection) -> None:
    conn.execute(_CARD_OWNERS)


def _new_columns(conn: psycopg.Connection) -> None:
    """The station cache's columns added since (recorded_concessions.approval_reason_words)."""
    align(conn)


_PURCHASE_DAYS = """
UPDATE summary s SET purchase_days = d.days, first_day_spend = d.spent
FROM (
    SELECT p.customer_id, count(DISTINCT p.purchased_at / 86400) AS days,
        sum(p.amount) FILTER (
            WHERE p.purchased_at < (m.first_purchase_at / 86400 + 1) * 86400) AS spent
    FROM purchases p JOIN summary m USING (customer_id)
    WHERE p.amount > 0
    GROUP BY p.customer_id
) d
WHERE s.customer_id = d.customer_id
    AND (s.purchase_days, s.first_day_spend) IS DISTINCT FROM (d.days, d.spent)
"""


def _purchase_days(conn: psycopg.Connection) -> None:
    """The summary's purchase days and first day's spend (the potential-value models' own
    counts), worked out for the customers already summed up."""
    align(conn)
    conn.execute(_PURCHASE_DAYS)


Migration = tuple[str, Callable[[psycopg.Connection], None]]
MIGRATIONS: tuple[Migration, ...] = (
    ("0001_base", _base),
    ("0002_mirrored_tables", _mirrored_with_rules),
    ("0003_station_functions", _station_functions),
    ("0004_announce_requests", _announce),
    ("0005_hardened", _hardened),
    ("0006_decided_by_the_rules", _by_the_rules),
    ("0007_card_owners", _card_owners),
    ("0008_new_columns", _new_columns),
    ("0009_purchase_days", _purchase_days),
)
VERSION = len(MIGRATIONS)
_LOCK = 4_711_0001  # an advisory lock: two `central init` runs take turns


def schema_version(conn: psycopg.Connection) -> int:
    """How many migrations the central store has had (0: none, or not a Standing store)."""
    found = conn.execute("SELECT to_regclass('standing_schema') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM standing_schema").fetchone()
    return int(row[0]) if row else 0


def check_version(conn: psycopg.Connection) -> None:
    """A store this program can use: made by `central init`, and no newer than it knows."""
    version = schema_version(conn)
    if version == 0:
        raise CentralError("the central store has no Standing schema: run `standing central init`")
    if version > VERSION:
        raise CentralError(
            f"the central store's schema is version {version}, newer than this program knows "
            f"({VERSION}): update Standing on this station"
        )
    if version < VERSION:
        raise CentralError(
            f"the central store's schema is version {version}, older than this program needs "
            f"({VERSION}): run `standing central init` with the owner's URL"
        )


def migrate(conn: psycopg.Connection) -> list[str]:
    """Apply what is pending, each migration in its own transaction; then align the mirrored
    tables with the cache's schema. Returns the names applied (none: already up to date)."""
    applied: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS standing_schema (version int PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        version = schema_version(conn)
        if version > VERSION:
            raise CentralError(
                f"the central store's schema is version {version}, newer than this program "
                f"knows ({VERSION}): it was left as it is; update Standing"
            )
        for number, (name, step) in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            with conn.transaction():
                step(conn)
                conn.execute(
                    "INSERT INTO standing_schema (version, name) VALUES (%s, %s)", [number, name]
                )
            applied.append(name)
        align(conn)
        grant(conn)
    return applied


def align(conn: psycopg.Connection) -> None:
    """Create each mirrored table that is missing and add each column it lacks (idempotent)."""
    for mirror in mirrors().values():
        table = sql.Identifier(mirror.name)
        columns = [_column_sql(c, mirror) for c in mirror.columns]
        columns.append(sql.SQL("change bigint NOT NULL DEFAULT nextval('standing_changes')"))
        columns.append(sql.SQL("xid xid8 NOT NULL DEFAULT pg_current_xact_id()"))
        columns.append(sql.SQL("PRIMARY KEY ({})").format(_names(mirror.key)))
        conn.execute(
            sql.SQL("CREATE TABLE IF NOT EXISTS {} ({})").format(table, sql.SQL(", ").join(columns))
        )
        for column in mirror.columns:
            conn.execute(
                sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS {}").format(
                    table, _column_sql(column, mirror)
                )
            )
        for number, unique in enumerate(mirror.unique):
            conn.execute(
                sql.SQL("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} ({})").format(
                    sql.Identifier(f"{mirror.name}_unique_{number}"), table, _names(unique)
                )
            )
        conn.execute(
            sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (xid, change)").format(
                sql.Identifier(f"{mirror.name}_pull"), table
            )
        )
        conn.execute(
            sql.SQL(
                "CREATE OR REPLACE TRIGGER {} BEFORE UPDATE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION standing_touch()"
            ).format(sql.Identifier(f"{mirror.name}_touch"), table)
        )
        key = sql.SQL("ARRAY[{}]").format(
            sql.SQL(", ").join(
                sql.SQL("OLD.{}::text").format(sql.Identifier(k)) for k in mirror.key
            )
        )
        conn.execute(
            sql.SQL(
                "CREATE OR REPLACE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "INSERT INTO tombstones (table_name, key) VALUES ({}, {}); RETURN OLD; END $$"
            ).format(sql.Identifier(f"{mirror.name}_grave"), sql.Literal(mirror.name), key)
        )
        conn.execute(
            sql.SQL(
                "CREATE OR REPLACE TRIGGER {} AFTER DELETE ON {} FOR EACH ROW EXECUTE FUNCTION {}()"
            ).format(
                sql.Identifier(f"{mirror.name}_grave"),
                table,
                sql.Identifier(f"{mirror.name}_grave"),
            )
        )


def grant(conn: psycopg.Connection) -> None:
    """Stations read what a counter shows and add their own records; nothing else."""
    role = sql.Identifier(STATION_ROLE)
    readable = (*MIRRORS, "meta", "tombstones", "stations", "standing_schema")
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role))
    for table in readable:
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(table), role))
    for table in ("recorded_concessions", "feedback", "audit_log"):
        conn.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(sql.Identifier(table), role))
    conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE standing_changes TO {}").format(role))
    for function in (
        "standing_decide(text, text, text, bigint, text)",
        "standing_note_lock(text, text)",
    ):
        conn.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(sql.SQL(function)))
        conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(sql.SQL(function), role))


def add_station(conn: psycopg.Connection, station: str, password: str) -> str:
    """A login role for one station (in the station role); the role's name."""
    role = "station_" + "".join(c if c.isalnum() else "_" for c in station.lower())[:40]
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(
        sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
            sql.SQL(verb), sql.Identifier(role), sql.Literal(password)
        )
    )
    conn.execute(
        sql.SQL("GRANT {} TO {}").format(sql.Identifier(STATION_ROLE), sql.Identifier(role))
    )
    conn.execute(
        "INSERT INTO stations (station, role_name) VALUES (%s, %s) "
        "ON CONFLICT (station) DO UPDATE SET role_name = excluded.role_name",
        [station, role],
    )
    return role


def _column_sql(column: Column, mirror: Mirror) -> sql.Composable:
    parts = [sql.Identifier(column.name), sql.SQL(column.type)]
    if column.not_null or column.name in mirror.key:
        parts.append(sql.SQL("NOT NULL"))
    if column.default is not None:
        parts.append(sql.SQL("DEFAULT {}").format(sql.SQL(column.default)))  # SQLite's literal
    return sql.SQL(" ").join(parts)


def _names(columns: tuple[str, ...]) -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(c) for c in columns)


def publish_limits(conn: psycopg.Connection, limits: dict[str, int]) -> None:
    """Each role's limit (minor units) as the chain's decisions are held to it centrally."""
    for role, limit in limits.items():
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [f"limit:{role}", str(limit)],
        )

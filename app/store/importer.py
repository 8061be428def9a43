"""Applying an upstream export to the cache: validate, upsert by id, refresh summaries.

The whole import is one transaction: it applies fully or not at all. A row that fails the
contract is rejected (file, line, field, value, reason) and counted, never half-applied.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError
from sqlite_utils import Database

from app.domain.cells import safe_row
from app.domain.contract import CONTRACT, ContractRow, CustomerRow
from app.domain.identifiers import looks_like_payment_card, mask_payment_cards
from app.domain.import_context import ImportContext
from app.domain.window import as_of_bounds, local_date
from app.store.contract_tables import TABLE_NAMES, TABLES, ContractTable
from app.store.database import get_meta, set_meta
from app.store.export_files import ExportError, ExportFile, RowProblem, find_export_files
from app.store.protection import integrity_problem
from app.store.queries import has_customers
from app.store.summaries import previous_owners, refresh_summaries, watching_moves

BATCH = 5_000


class Stage(Enum):
    COUNTING = "counting"  # sizing the export up, for a progress bar (before an import)
    WRITING = "writing"  # writing the demo's export (before its import)
    READING = "reading"  # reading, checking and writing one file's rows
    SUMMING = "summing"  # refreshing the summaries of the customers touched
    FORECASTING = "forecasting"  # the potential-value fit, and every customer's predictions
    COMMITTING = "committing"  # the last moment a cancel can still undo everything


@dataclass(frozen=True, slots=True)
class ImportStep:
    """How far an import has got, for whoever shows it; raising from the callback that
    receives it (ImportCancelledError) cancels the import."""

    stage: Stage
    rows: int = 0  # READING: the file's rows so far; SUMMING: customers; COUNTING: all rows
    file: str = ""  # READING: the file's name


Progress = Callable[[ImportStep], None]


class ImportCancelledError(Exception):
    """The import was cancelled; the cache is as it was."""


@dataclass
class FileReport:
    name: str
    read: int = 0  # always imported + unchanged + rejected
    imported: int = 0  # new or changed rows
    unchanged: int = 0  # already in the cache exactly so
    rejected: int = 0


@dataclass
class ImportReport:
    files: dict[str, FileReport] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    exported_at: datetime | None = None
    imported_at: datetime | None = None
    seconds: float = 0.0
    rejects_file: Path | None = None
    backup: Path | None = None  # the cache as it was before this import
    value_fit: str | None = None  # the potential-value fit's quality line (or why it failed)

    def note_value_fit(self, said: str, *, warn: bool) -> None:
        """The potential-value fit's line; a warning when the fit in use was not renewed."""
        self.value_fit = said
        if warn:
            self.warnings.append(said)

    @property
    def rows(self) -> int:
        return sum(f.imported for f in self.files.values())

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files.values())


class Reject(NamedTuple):
    """One row of the rejects report; `field` names a contract column (or "row")."""

    file: str
    line: int
    field: str
    value: str
    reason: str


LINE = frozenset({Reject._fields.index("line")})
LONGEST_SHOWN = 200


class Rejects:
    """The rejects report: a CSV written as rows are rejected (begun at the first), kept only
    if the import commits (otherwise its rows were never an import's)."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.count = path, 0
        # A device or a pipe (/dev/null, /dev/stdout) is written as it is, never replaced.
        self._direct = path is not None and path.exists() and not path.is_file()
        self._partial = (
            path if path is None or self._direct else path.with_name(path.name + ".part")
        )
        self._handle: Any = None
        self._writer: Any = None

    @classmethod
    def afresh(cls, path: Path | None) -> Rejects:
        """A report for a new import: an old one at `path` must not pass for this import's."""
        if path is not None and path.is_file():
            path.unlink()
        return cls(path)

    def add(self, file: str, line: int, field: str, value: object, reason: str) -> None:
        self.count += 1
        if self._partial is None:
            return
        if self._writer is None:
            try:
                self._partial.parent.mkdir(parents=True, exist_ok=True)
                self._handle = self._partial.open("w", encoding="utf-8", newline="")
            except OSError as exc:
                raise ExportError(
                    f"the rejects report cannot be written to {self.path}: {exc.strerror or exc}"
                ) from None
            self._writer = csv.writer(self._handle, lineterminator="\n")
            self._writer.writerow(Reject._fields)
        reject = Reject(file, line, field, shown_value(value), mask_payment_cards(reason))
        self._writer.writerow(safe_row(reject, numbers=LINE))

    def close(self, *, keep: bool) -> Path | None:
        """The report's path once it is in place, or None (no rejects, or not kept)."""
        if self._handle is None or self._partial is None or self.path is None:
            return None
        self._handle.close()
        if self._direct:
            return self.path if keep else None
        if not keep:
            self._partial.unlink(missing_ok=True)
            return None
        self._partial.replace(self.path)
        return self.path


def shown_value(value: object) -> str:
    """A rejected value as the report may show it: never a payment card number."""
    if value is None:
        return ""
    text = str(value)
    if looks_like_payment_card(text):
        return "(a payment card number, not shown)"
    text = mask_payment_cards(text)
    return text if len(text) <= LONGEST_SHOWN else text[:LONGEST_SHOWN] + "…"


@dataclass
class Batch:
    export: ExportFile
    rows: list[tuple[Any, ...]]
    read: int  # rows of this file read so far
    rejected: int  # rows of this file rejected so far
    last: bool  # the file's final batch


@dataclass
class Reader:
    """Reads and validates every file, batch by batch; keeps what the import learns."""

    files: list[ExportFile]
    context: ImportContext
    known: dict[str, str]  # each customer id to its one shared string
    rejects: Rejects
    touched: set[str] = field(default_factory=set)
    newest_update: int | None = None
    validation: dict[str, Any] = field(init=False)  # one context for every row

    def __post_init__(self) -> None:
        self.validation = self.context.as_dict()

    def batches(self) -> Generator[Batch, None, None]:
        # One pass per row of up to 20M: what runs for every row is kept inline.
        known, touched = self.known, self.touched
        for export in self.files:
            writer = _WRITERS[export.model]
            values, key_of = writer.values, writer.key_of
            validate = export.model.__pydantic_validator__.validate_python
            context = self.validation
            customers = export.model is CustomerRow
            rows: list[tuple[Any, ...]] = []
            read = rejected = 0
            twice = _Twice(export, writer.table)
            seen = twice.current
            for line, raw in export.rows():
                read += 1
                if isinstance(raw, RowProblem):
                    self.rejects.add(export.name, line, raw.field, raw.value, raw.reason)
                    rejected += 1
                    continue
                try:
                    row = validate(raw, context=context)
                except ValidationError as exc:
                    _reject(export, line, raw, exc, self.rejects)
                    rejected += 1
                    continue
                if customers:
                    self._new_customer(row)
                # the one shared string per customer, so a million ids are not each kept twice
                customer_id = known.get(row.customer_id)
                if customer_id is None:
                    self._unknown_customer(export, line, row)
                    rejected += 1
                    continue
                touched.add(customer_id)
                stored = values(row)
                key = key_of(stored)
                if key in seen or key in twice.previous:
                    twice.repeated(key, line)
                seen[key] = line
                rows.append(stored)
                if len(rows) >= BATCH:
                    yield Batch(export, rows, read, rejected, last=False)
                    rows = []
                    seen = twice.next_batch()
            twice.close()
            yield Batch(export, rows, read, rejected, last=True)

    def _new_customer(self, row: CustomerRow) -> None:
        self.known.setdefault(row.customer_id, row.customer_id)
        if row.updated_at is not None:
            self.newest_update = max(self.newest_update or 0, row.updated_at)

    def _unknown_customer(self, export: ExportFile, line: int, row: ContractRow) -> None:
        written = row.customer_id  # type: ignore[attr-defined]
        reason = "unknown customer (not invented)"
        self.rejects.add(export.name, line, "customer_id", written, reason)


class _Twice:
    """Rows of one file with the same id: the last one wins, and each is reported with both
    line numbers. Ids are kept for the last two batches only (≤ 10,000 rows), so memory stays
    bounded at any size: a repeat further apart than that is not seen."""

    SHOWN = 20

    def __init__(self, export: ExportFile, table: ContractTable) -> None:
        self.export, self.what = export, " and ".join(table.key_fields)
        self.current: dict[Any, int] = {}
        self.previous: dict[Any, int] = {}
        self.found = 0

    def repeated(self, key: Any, line: int) -> None:
        first = self.current.get(key) or self.previous[key]
        self.found += 1
        if self.found <= self.SHOWN:
            shown = mask_payment_cards(" ".join(key) if isinstance(key, tuple) else str(key))
            self.export.warnings.append(
                f"{self.export.name}: {self.what} {shown!r} is on line {first} and again on "
                f"line {line}; the row on line {line} is kept"
            )

    def next_batch(self) -> dict[Any, int]:
        self.previous, self.current = self.current, {}
        return self.current

    def close(self) -> None:
        if self.found > self.SHOWN:
            self.export.warnings.append(
                f"{self.export.name}: {self.found - self.SHOWN} more ids are repeated"
            )


def import_export(
    db: Database,
    folder: Path,
    context: ImportContext,
    *,
    progress: Progress | None = None,
    demo: bool | None = None,
    rejects: Path | None = None,
) -> ImportReport:
    """Import every contract file in `folder`, rejected rows to the `rejects` CSV. A fault
    that stops the whole import (ExportError, a full disk, a cancel) changes nothing."""
    started = time.perf_counter()
    files = find_export_files(folder, CONTRACT)
    report = ImportReport()
    sink = Rejects.afresh(rejects)
    committed = False
    try:
        _apply(db, files, context, report, sink, progress, demo)
        committed = True
    except sqlite3.DatabaseError as exc:
        if "full" in str(exc):
            raise ExportError(
                "the disk is full: nothing was imported and the cache is as it was"
            ) from None
        damage = _damage_behind(db, exc)
        if damage is not None:
            raise ExportError(
                f"the cache is damaged ({damage}), not the export: nothing was imported. "
                "Restore the cache from a backup, or import into a new one"
            ) from None
        raise ExportError(f"nothing was imported, the cache is as it was: {exc}") from None
    finally:
        report.rejects_file = sink.close(keep=committed)
    report.seconds = time.perf_counter() - started
    return report


def _damage_behind(db: Database, exc: sqlite3.DatabaseError) -> str | None:
    """A constraint failure on tables an upsert cannot conflict on is damage that a quick
    check misses (a broken index): the full check says so, or None when the cache is sound."""
    if not isinstance(exc, sqlite3.IntegrityError) and "malformed" not in str(exc):
        return None
    return integrity_problem(db)


def _apply(
    db: Database,
    files: list[ExportFile],
    context: ImportContext,
    report: ImportReport,
    sink: Rejects,
    progress: Progress | None,
    demo: bool | None,
) -> None:
    with db.atomic(), watching_moves(db):
        holds_demo = get_meta(db, "demo") == "1"
        if demo is True and not holds_demo and has_customers(db):
            raise ExportError("this database holds real data: write the demo to another --db")
        if demo is not True and holds_demo:
            clear_demo_data(db)  # real data replaces invented data, never mixes with it
            report.warnings.append("the demo data in this database was replaced")
            demo = False
        known = {row[0]: row[0] for row in db.execute("SELECT customer_id FROM customers")}
        reader = Reader(files, context, known, sink)
        for batch in reader.batches():
            changed = _WRITERS[batch.export.model].flush(db, batch.rows)
            file_report = report.files.setdefault(batch.export.name, FileReport(batch.export.name))
            file_report.read = batch.read
            file_report.rejected = batch.rejected
            file_report.imported += changed
            file_report.unchanged += len(batch.rows) - changed
            if batch.last:
                report.warnings.extend(batch.export.warnings)
            if progress:
                progress(ImportStep(Stage.READING, batch.read, batch.export.name))
        reader.known.clear()  # not needed past reading; frees memory before the summaries
        if progress:
            progress(ImportStep(Stage.SUMMING, len(reader.touched)))
        reader.touched.update(previous_owners(db))
        report.exported_at = exported_at(reader.newest_update, files)
        export_day = local_date(report.exported_at, context.zone)
        bounds = as_of_bounds(export_day, context.zone)
        refresh_summaries(db, reader.touched, bounds)
        reader.touched.clear()  # not needed past the summaries: room for the fit
        if progress:
            progress(ImportStep(Stage.FORECASTING))
        from app.store.potential import refit  # numpy and scipy: loaded only to fit

        fitted = refit(db, export_day, bounds.end)
        report.note_value_fit(fitted.said, warn=fitted.kept_previous)
        report.imported_at = datetime.now(UTC)
        accepted = sum(f.imported + f.unchanged for f in report.files.values())
        if accepted or not report.rejected:  # all rejected: the data is no fresher than before
            set_meta(db, "exported_at", report.exported_at.isoformat())
            set_meta(db, "imported_at", report.imported_at.isoformat())
        if demo is not None:
            set_meta(db, "demo", "1" if demo else "0")
        if progress:
            progress(ImportStep(Stage.COMMITTING))


def clear_demo_data(db: Database) -> None:
    for table in (*TABLE_NAMES, "name_words", "summary", "households"):
        db.conn.execute(f"DELETE FROM {table}")
    db.conn.execute("DELETE FROM meta WHERE key = 'potential_fit'")  # never kept for real data
    # What was recorded while practising on demo customers is set apart: never handed back,
    # decided or counted in a real customer's history. The demo staff (whose PINs are in the
    # README) go too: the next start asks for a real manager.
    db.conn.execute(
        "INSERT INTO meta (key, value) SELECT 'handback_through', coalesce(max(seq), 0) "
        "FROM handback WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )
    db.conn.execute(
        "INSERT OR IGNORE INTO demo_records (record_id) SELECT concession_id "
        "FROM recorded_concessions UNION ALL SELECT feedback_id FROM feedback"
    )
    db.conn.execute("DELETE FROM staff")


def _reject(
    export: ExportFile, line: int, raw: dict[str, Any], exc: ValidationError, rejects: Rejects
) -> None:
    """A row the contract refuses goes to the rejects report, with its first problem."""
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"]) or "row"
    message = error["msg"].removeprefix("Value error, ")
    rejects.add(export.name, line, where, raw.get(where), message)


def exported_at(newest_update: int | None, files: Sequence[ExportFile]) -> datetime:
    if newest_update is not None:
        return datetime.fromtimestamp(newest_update, UTC)
    return datetime.fromtimestamp(max(f.path.stat().st_mtime for f in files), UTC)


def upsert_sql(table: ContractTable) -> str:
    """Insert a row, or update it by its key only when a kept field differs, so an
    identical re-import changes nothing and counts as unchanged."""
    columns = table.columns
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in table.key)
    compared = ", ".join(table.compared)
    incoming = ", ".join(f"excluded.{c}" for c in table.compared)
    return (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT ({', '.join(table.key)}) DO UPDATE SET {updates} "
        f"WHERE ({compared}) IS NOT ({incoming})"
    )


class _Writer:
    """How one contract file's rows reach their table: its upsert, from the contract."""

    def __init__(self, table: ContractTable) -> None:
        self.table = table
        self.sql = upsert_sql(table)
        self.values = table.values()
        self.key_of = itemgetter(*(table.columns.index(c) for c in table.key))

    def flush(self, db: Database, batch: list[tuple[Any, ...]]) -> int:
        """Write the batch; how many rows were new or changed (an identical row is not)."""
        if not batch:
            return 0
        return db.conn.executemany(self.sql, batch).rowcount


class _Customers(_Writer):
    """Customers also keep the name words that a name search walks."""

    def __init__(self, table: ContractTable) -> None:
        super().__init__(table)
        self.words_at = table.columns.index("search_words")

    def flush(self, db: Database, batch: list[tuple[Any, ...]]) -> int:
        if not batch:
            return 0
        latest = {r[0]: r for r in batch}  # a customer listed twice: the last row wins
        ids = list(latest)
        old = db.execute(
            f"SELECT customer_id, search_words FROM customers "
            f"WHERE customer_id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        stale = [(word, customer_id) for customer_id, words in old for word in words.split()]
        db.conn.executemany("DELETE FROM name_words WHERE word = ? AND customer_id = ?", stale)
        changed = super().flush(db, batch)  # in order, so the last row of a customer wins
        words = [(w, r[0]) for r in latest.values() for w in r[self.words_at].split()]
        db.conn.executemany(
            "INSERT OR IGNORE INTO name_words (word, customer_id) VALUES (?, ?)", words
        )
        return changed


_WRITERS: dict[type[ContractRow], _Writer] = {
    model: (_Customers if model is CustomerRow else _Writer)(table)
    for model, table in TABLES.items()
}

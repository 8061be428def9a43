"""Applying an upstream export to the cache: validate, upsert by id, refresh summaries.

The whole import is one transaction: it applies fully or not at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from app.domain.contract import (
    CONTRACT,
    CardRow,
    ConcessionRow,
    ContractRow,
    CustomerRow,
    InteractionRow,
    PhoneRow,
    PurchaseRow,
)
from app.domain.identifiers import looks_like_payment_card, name_words, reversed_digits
from app.domain.import_context import ImportContext
from app.store.database import get_meta, set_meta
from app.store.export_files import ExportError, ExportFile, find_export_files
from app.store.queries import has_customers
from app.store.summaries import previous_owners, refresh_summaries, watching_moves

BATCH = 5_000
CONTRACT_TABLES = ("customers", "phones", "cards", "purchases", "interactions", "concessions")
Progress = Callable[[str, int], None]


@dataclass
class FileReport:
    name: str
    read: int = 0
    imported: int = 0


@dataclass
class ImportReport:
    files: dict[str, FileReport] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    exported_at: datetime | None = None
    imported_at: datetime | None = None
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(f.imported for f in self.files.values())


@dataclass
class _Batch:
    export: ExportFile
    rows: list[tuple[Any, ...]]
    read: int  # rows of this file read so far
    last: bool  # the file's final batch


@dataclass
class _Reader:
    """Reads and validates every file, batch by batch; keeps what the import learns."""

    files: list[ExportFile]
    context: ImportContext
    known: dict[str, str]  # each customer id to its one shared string
    touched: set[str] = field(default_factory=set)
    newest_update: int | None = None

    def batches(self) -> Generator[_Batch, None, None]:
        for export in self.files:
            writer = _WRITERS[export.model]
            rows: list[tuple[Any, ...]] = []
            read = 0
            for line, raw in export.rows():
                row = _validate(export, line, raw, self.context)
                read += 1
                self._check_customer(export, line, row)
                rows.append(writer.values(row))
                if len(rows) >= BATCH:
                    yield _Batch(export, rows, read, last=False)
                    rows = []
            yield _Batch(export, rows, read, last=True)

    def _check_customer(self, export: ExportFile, line: int, row: ContractRow) -> None:
        written: str = row.customer_id  # type: ignore[attr-defined]
        if isinstance(row, CustomerRow):
            self.known.setdefault(written, written)
            if row.updated_at is not None:
                self.newest_update = max(self.newest_update or 0, row.updated_at)
        # the one shared string per customer, so a million ids are not each kept twice
        customer_id = self.known.get(written)
        if customer_id is None:
            raise ExportError(
                f"{export.name} line {line}, field customer_id: unknown customer {written!r}",
                file=export.name,
                line=line,
                field="customer_id",
            )
        self.touched.add(customer_id)


def import_export(
    db: Database,
    folder: Path,
    context: ImportContext,
    *,
    progress: Progress | None = None,
    demo: bool | None = None,
) -> ImportReport:
    """Import every contract file in `folder`; raises ExportError and changes nothing on a fault."""
    started = time.perf_counter()
    files = find_export_files(folder, CONTRACT)
    report = ImportReport()
    with db.atomic(), watching_moves(db):
        holds_demo = get_meta(db, "demo") == "1"
        if demo is True and not holds_demo and has_customers(db):
            raise ExportError("this database holds real data: write the demo to another --db")
        if demo is not True and holds_demo:
            clear_demo_data(db)  # real data replaces invented data, never mixes with it
            report.warnings.append("the demo data in this database was replaced")
            demo = False
        known = {row[0]: row[0] for row in db.execute("SELECT customer_id FROM customers")}
        reader = _Reader(files, context, known)
        for batch in reader.batches():
            _WRITERS[batch.export.model].flush(db, batch.rows)
            file_report = report.files.setdefault(batch.export.name, FileReport(batch.export.name))
            file_report.read = batch.read
            file_report.imported += len(batch.rows)
            if batch.last:
                report.warnings.extend(batch.export.warnings)
            if progress:
                progress(batch.export.name, batch.read)
        reader.known.clear()  # not needed past reading; frees memory before the summaries
        if progress:
            progress("summaries", len(reader.touched))
        reader.touched.update(previous_owners(db))
        refresh_summaries(db, reader.touched)
        report.exported_at = _exported_at(reader.newest_update, files)
        report.imported_at = datetime.now(UTC)
        set_meta(db, "exported_at", report.exported_at.isoformat())
        set_meta(db, "imported_at", report.imported_at.isoformat())
        if demo is not None:
            set_meta(db, "demo", "1" if demo else "0")
    report.seconds = time.perf_counter() - started
    return report


def clear_demo_data(db: Database) -> None:
    for table in (*CONTRACT_TABLES, "name_words", "summary", "households"):
        db.conn.execute(f"DELETE FROM {table}")
    # What was recorded while practising on demo customers is never handed back upstream.
    db.conn.execute(
        "INSERT INTO meta (key, value) SELECT 'handback_through', coalesce(max(seq), 0) "
        "FROM handback WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )


def _validate(
    export: ExportFile, line: int, raw: dict[str, Any], context: ImportContext
) -> ContractRow:
    try:
        return export.model.model_validate(raw, context=context.as_dict())
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "row"
        message = error["msg"].removeprefix("Value error, ")
        shown = raw.get(where)
        value = "" if shown is None or len(str(shown)) > 40 else f" ({shown!r})"
        if shown is not None and looks_like_payment_card(str(shown)):
            value = " (a payment card number, not shown)"
        raise ExportError(
            f"{export.name} line {line}, field {where}: {message}{value}",
            file=export.name,
            line=line,
            field=where,
        ) from None


def _exported_at(newest_update: int | None, files: Sequence[ExportFile]) -> datetime:
    if newest_update is not None:
        return datetime.fromtimestamp(newest_update, UTC)
    return datetime.fromtimestamp(max(f.path.stat().st_mtime for f in files), UTC)


class _Writer:
    """How one contract file's rows reach their table(s)."""

    sql: str = ""

    def values(self, row: Any) -> tuple[Any, ...]:
        raise NotImplementedError

    def flush(self, db: Database, batch: list[tuple[Any, ...]]) -> None:
        if batch:
            db.conn.executemany(self.sql, batch)


class _Customers(_Writer):
    sql = """
    INSERT INTO customers (customer_id, given_name, family_name, email, email_folded, joined_on,
        household_id, status, referrals, preferences, notes, updated_at, search_words)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (customer_id) DO UPDATE SET
        given_name = excluded.given_name, family_name = excluded.family_name,
        email = excluded.email, email_folded = excluded.email_folded,
        joined_on = excluded.joined_on, household_id = excluded.household_id,
        status = excluded.status, referrals = excluded.referrals,
        preferences = excluded.preferences, notes = excluded.notes,
        updated_at = excluded.updated_at, search_words = excluded.search_words
    """

    def values(self, row: CustomerRow) -> tuple[Any, ...]:
        words = " ".join(name_words(row.given_name, row.family_name))
        updated = None
        if row.updated_at is not None:
            updated = datetime.fromtimestamp(row.updated_at, UTC).isoformat()
        return (
            row.customer_id,
            row.given_name,
            row.family_name,
            row.email,
            row.email_folded,
            row.joined_on.isoformat(),
            row.household_id,
            row.status,
            row.referrals,
            row.preferences,
            row.notes,
            updated,
            words,
        )

    def flush(self, db: Database, batch: list[tuple[Any, ...]]) -> None:
        if not batch:
            return
        latest = {r[0]: r for r in batch}  # a customer listed twice: the last row wins
        ids = list(latest)
        old = db.execute(
            f"SELECT customer_id, search_words FROM customers "
            f"WHERE customer_id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchall()
        stale = [(word, customer_id) for customer_id, words in old for word in words.split()]
        db.conn.executemany("DELETE FROM name_words WHERE word = ? AND customer_id = ?", stale)
        super().flush(db, list(latest.values()))
        words = [(w, r[0]) for r in latest.values() for w in r[-1].split()]
        db.conn.executemany(
            "INSERT OR IGNORE INTO name_words (word, customer_id) VALUES (?, ?)", words
        )


class _Phones(_Writer):
    sql = """
    INSERT INTO phones (customer_id, e164, label, reversed) VALUES (?, ?, ?, ?)
    ON CONFLICT (customer_id, e164) DO UPDATE SET label = excluded.label
    """

    def values(self, row: PhoneRow) -> tuple[Any, ...]:
        return (row.customer_id, row.phone, row.label, reversed_digits(row.phone))


class _Cards(_Writer):
    sql = """
    INSERT INTO cards (card_number, customer_id, card_type, status, issued_on)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (card_number) DO UPDATE SET customer_id = excluded.customer_id,
        card_type = excluded.card_type, status = excluded.status, issued_on = excluded.issued_on
    """

    def values(self, row: CardRow) -> tuple[Any, ...]:
        issued = row.issued_on.isoformat() if row.issued_on else None
        return (row.card_number, row.customer_id, row.card_type, row.status, issued)


class _Purchases(_Writer):
    sql = """
    INSERT INTO purchases (customer_id, purchased_at, purchase_id, amount, channel,
        product_line, location)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (purchase_id) DO UPDATE SET customer_id = excluded.customer_id,
        purchased_at = excluded.purchased_at, amount = excluded.amount,
        channel = excluded.channel, product_line = excluded.product_line,
        location = excluded.location
    """

    def values(self, row: PurchaseRow) -> tuple[Any, ...]:
        return (
            row.customer_id,
            row.purchased_at,
            row.purchase_id,
            row.amount,
            row.channel,
            row.product_line,
            row.location,
        )


class _Interactions(_Writer):
    sql = """
    INSERT INTO interactions (customer_id, occurred_at, interaction_id, kind, channel, summary)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (interaction_id) DO UPDATE SET customer_id = excluded.customer_id,
        occurred_at = excluded.occurred_at, kind = excluded.kind, channel = excluded.channel,
        summary = excluded.summary
    """

    def values(self, row: InteractionRow) -> tuple[Any, ...]:
        return (
            row.customer_id,
            row.occurred_at,
            row.interaction_id,
            row.kind,
            row.channel,
            row.summary,
        )


class _Concessions(_Writer):
    sql = """
    INSERT INTO concessions (customer_id, granted_at, concession_id, value, kind, reason, location)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (concession_id) DO UPDATE SET customer_id = excluded.customer_id,
        granted_at = excluded.granted_at, value = excluded.value, kind = excluded.kind,
        reason = excluded.reason, location = excluded.location
    """

    def values(self, row: ConcessionRow) -> tuple[Any, ...]:
        return (
            row.customer_id,
            row.granted_at,
            row.concession_id,
            row.value,
            row.kind,
            row.reason,
            row.location,
        )


_WRITERS: dict[type[ContractRow], _Writer] = {
    CustomerRow: _Customers(),
    PhoneRow: _Phones(),
    CardRow: _Cards(),
    PurchaseRow: _Purchases(),
    InteractionRow: _Interactions(),
    ConcessionRow: _Concessions(),
}

"""An upstream export into the central store, once for the whole chain.

The same contract, rejects report and all-or-nothing rule as a station's import (rows are
read and checked by the same Reader); each file's rows go by `COPY` into a temporary staging
table, then into their table in one upsert that changes only what differs (so an identical
re-import changes nothing and no station pulls it again). Summaries are computed in
PostgreSQL for the customers touched."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql

from app.domain.contract import CONTRACT
from app.domain.import_context import ImportContext
from app.domain.window import as_of_bounds, local_date
from app.store.central import CentralError
from app.store.central.schema import check_version
from app.store.central.summaries import refresh_summaries
from app.store.contract_tables import TABLES, ContractTable
from app.store.export_files import ExportError, ExportFile, find_export_files
from app.store.importer import (
    FileReport,
    ImportReport,
    ImportStep,
    Progress,
    Reader,
    Rejects,
    Stage,
    exported_at,
)

_LOCK = 4_711_0002  # one central import at a time
_OWNED = frozenset({"cards", "purchases", "interactions", "concessions"})  # rows can move


def import_central(
    conn: psycopg.Connection,
    folder: Path,
    context: ImportContext,
    *,
    rejects: Path | None = None,
    progress: Progress | None = None,
    demo: bool = False,
) -> ImportReport:
    """Import every contract file in `folder` in one transaction: it applies fully or not at
    all. `conn` is the owner's (or an importer's) connection, not in a transaction. `demo`:
    the data is invented, and every station says so."""
    started = time.perf_counter()
    files = find_export_files(folder, CONTRACT)
    report = ImportReport()
    sink = Rejects.afresh(rejects)
    committed = False
    try:
        with conn.transaction():
            check_version(conn)
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
            conn.execute("SET LOCAL work_mem = '64MB'")  # the upserts' sorts and hashes
            _apply(conn, files, context, report, sink, progress, demo)
        committed = True
    except psycopg.Error as exc:
        raise ExportError(
            f"nothing was imported, the central store is as it was: {_first_line(exc)}"
        ) from None
    except CentralError:
        raise
    finally:
        report.rejects_file = sink.close(keep=committed)
    report.seconds = time.perf_counter() - started
    return report


def _apply(
    conn: psycopg.Connection,
    files: list[ExportFile],
    context: ImportContext,
    report: ImportReport,
    sink: Rejects,
    progress: Progress | None,
    demo: bool,
) -> None:
    with conn.cursor() as cur:
        cur.execute("SELECT customer_id FROM customers")
        known = {row[0]: row[0] for row in cur}
    reader = Reader(files, context, known, sink)
    stages: dict[str, _Stage] = {}
    moved_from: set[str] = set()
    for batch in reader.batches():
        name = batch.export.name
        table = TABLES[batch.export.model]
        stage = stages.get(name) or stages.setdefault(name, _Stage(conn, table))
        stage.copy(batch.rows)
        file_report = report.files.setdefault(name, FileReport(name))
        file_report.read, file_report.rejected = batch.read, batch.rejected
        if batch.last:
            changed, moved = stage.apply()
            moved_from |= moved
            file_report.imported = changed
            file_report.unchanged = stage.rows - changed
            report.warnings.extend(batch.export.warnings)
        if progress:
            progress(ImportStep(Stage.READING, batch.read, name))
    reader.known.clear()
    touched = reader.touched | moved_from
    if progress:
        progress(ImportStep(Stage.SUMMING, len(touched)))
    report.exported_at = exported_at(reader.newest_update, files)
    day = local_date(report.exported_at, context.zone)
    for name, stage in stages.items():  # the summaries' plans need the loaded rows' statistics
        if report.files[name].imported:
            conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(stage.table.name)))
    bounds = as_of_bounds(day, context.zone)
    refresh_summaries(conn, touched, bounds)
    touched.clear()  # not needed past the summaries: room for the fit
    if progress:
        progress(ImportStep(Stage.FORECASTING))
    from app.store.central.potential import refit  # numpy and scipy: loaded only to fit

    fitted = refit(conn, day, bounds.end)
    report.note_value_fit(fitted.said, warn=fitted.kept_previous)
    report.imported_at = datetime.now(UTC)
    accepted = sum(f.imported + f.unchanged for f in report.files.values())
    if accepted or not report.rejected:
        _set_meta(conn, {"exported_at": report.exported_at.isoformat(), "demo": str(int(demo))})
        _set_meta(conn, {"imported_at": report.imported_at.isoformat()})
    if progress:
        progress(ImportStep(Stage.COMMITTING))


class _Stage:
    """One file's rows, copied into a temporary table, then upserted into theirs."""

    def __init__(self, conn: psycopg.Connection, table: ContractTable) -> None:
        self.conn, self.table, self.rows = conn, table, 0
        self.name = sql.Identifier(f"stage_{table.name}")
        self.columns = sql.SQL(", ").join(sql.Identifier(c) for c in table.columns)
        conn.execute(
            sql.SQL("CREATE TEMP TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA").format(
                self.name, self.columns, sql.Identifier(table.name)
            )
        )
        conn.execute(sql.SQL("ALTER TABLE {} ADD COLUMN line bigserial").format(self.name))

    def copy(self, rows: Iterable[tuple[object, ...]]) -> None:
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(self.name, self.columns)
        with self.conn.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                self.rows += 1

    def apply(self) -> tuple[int, set[str]]:
        """Upsert the staged rows (the last of a repeated key wins); how many were new or
        changed, and the customers that rows moved away from."""
        table = self.table
        target = sql.Identifier(table.name)
        key = sql.SQL(", ").join(sql.Identifier(c) for c in table.key)
        moved: set[str] = set()
        if table.name in _OWNED:
            found = self.conn.execute(
                sql.SQL(
                    "SELECT DISTINCT t.customer_id FROM {} t JOIN {} s USING ({}) "
                    "WHERE t.customer_id IS DISTINCT FROM s.customer_id"
                ).format(target, self.name, key)
            )
            moved = {row[0] for row in found}
        updates = sql.SQL(", ").join(
            sql.SQL("{0} = excluded.{0}").format(sql.Identifier(c))
            for c in table.columns
            if c not in table.key
        )
        theirs = sql.SQL(", ").join(
            sql.SQL("{}.{}").format(target, sql.Identifier(c)) for c in table.compared
        )
        incoming = sql.SQL(", ").join(
            sql.SQL("excluded.{}").format(sql.Identifier(c)) for c in table.compared
        )
        done = self.conn.execute(
            sql.SQL(
                "INSERT INTO {target} ({columns}) "
                "SELECT DISTINCT ON ({key}) {columns} FROM {stage} ORDER BY {key}, line DESC "
                "ON CONFLICT ({key}) DO UPDATE SET {updates} "
                "WHERE ({theirs}) IS DISTINCT FROM ({incoming})"
            ).format(
                target=target,
                columns=self.columns,
                key=key,
                stage=self.name,
                updates=updates,
                theirs=theirs,
                incoming=incoming,
            )
        )
        return done.rowcount, moved


def _set_meta(conn: psycopg.Connection, values: dict[str, str]) -> None:
    for key, value in values.items():
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def _first_line(exc: BaseException) -> str:
    return next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)

"""Reading an upstream export folder: one CSV or JSON Lines file per contract table."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from app.domain.contract import ContractRow

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class ExportError(ValueError):
    """An export (or one row of it) that cannot be imported; the message says where and why."""

    def __init__(self, message: str, *, file: str = "", line: int = 0, field: str = "") -> None:
        super().__init__(message)
        self.file, self.line, self.field = file, line, field


class RowProblem(NamedTuple):
    """A row that cannot even be read as a row: it is rejected, the file reading goes on."""

    field: str
    value: str
    reason: str


RawRow = dict[str, Any] | RowProblem


@dataclass
class ExportFile:
    path: Path
    model: type[ContractRow]
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self) -> Iterator[tuple[int, RawRow]]:
        """(line number, raw row or its problem) pairs; the header is checked first."""
        if self.path.suffix == ".jsonl":
            yield from self._jsonl_rows()
        else:
            yield from self._csv_rows()

    def _csv_rows(self) -> Iterator[tuple[int, RawRow]]:
        with _text_lines(self.path) as handle:
            reader = csv.reader(handle, strict=True)  # an unclosed quote is an error
            try:
                header = [column_name(h) for h in next(reader)]
            except StopIteration:
                self.warnings.append(f"{self.name}: the file is empty (no header, no rows)")
                return
            except csv.Error as exc:
                raise ExportError(f"{self.name} line 1: {exc}", file=self.name, line=1) from None
            self._check_header(header)
            width = len(header)
            first = 2  # where the next row starts (a quoted value may span lines)
            while True:
                try:
                    for row in reader:  # the fast path: a plain loop over the reader
                        line, first = first, reader.line_num + 1
                        if not any(row):
                            continue  # a blank line, or a row of only commas
                        if len(row) != width:
                            if len(row) > width and not any(v.strip() for v in row[width:]):
                                row = row[:width]  # trailing empty values (spreadsheet commas)
                            else:
                                reason = f"{len(row)} values for {width} columns"
                                yield line, RowProblem("row", "", reason)
                                continue
                        values = zip(header, row, strict=True)
                        yield line, {h: given for h, v in values if (given := v.strip())}
                    return
                except csv.Error as exc:  # a stray quote: this row is rejected, reading goes on
                    yield first, RowProblem("row", "", f"unreadable CSV ({exc})")
                    first = reader.line_num + 1

    def _jsonl_rows(self) -> Iterator[tuple[int, RawRow]]:
        checked: set[str] = set()
        with _text_lines(self.path) as handle:
            for line, text in enumerate(handle, start=1):
                if not text.strip():
                    continue
                try:
                    row = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield line, RowProblem("row", "", f"not valid JSON ({exc.msg})")
                    continue
                if not isinstance(row, dict):
                    yield line, RowProblem("row", "", "each line must be a JSON object")
                    continue
                row = {column_name(str(k)): v for k, v in row.items() if not _blank(v)}
                self._note_extras(set(row) - checked)
                checked |= set(row)
                yield line, {k: v.strip() if isinstance(v, str) else v for k, v in row.items()}

    def _check_header(self, header: list[str]) -> None:
        twice = sorted({h for h in header if header.count(h) > 1 and h})
        for name in twice:
            self.warnings.append(f"{self.name}: column {name!r} appears twice; the last is used")
        missing = [c for c in self.model.required if c not in header]
        if missing:
            raise ExportError(
                f"{self.name}: required column {', '.join(missing)} is missing",
                file=self.name,
                line=1,
                field=missing[0],
            )
        self._note_extras(set(header))

    def _note_extras(self, names: set[str]) -> None:
        extras = sorted(names - set(self.model.columns()))
        for name in extras:
            self.warnings.append(f"{self.name}: unknown column {name!r} ignored")


def column_name(text: str) -> str:
    """ "Customer ID", "customer-id" and "customer_id" are one column."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@contextmanager
def _text_lines(path: Path) -> Iterator[Iterator[str]]:
    """UTF-8 text lines (a byte-order mark is dropped); undecodable bytes are an ExportError."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ExportError(f"{path.name}: cannot be read ({exc.strerror})") from None
    with handle:
        yield _decoded(handle, path.name)


def _decoded(lines: Iterator[str], name: str) -> Iterator[str]:
    try:
        yield from lines
    except UnicodeDecodeError:
        raise ExportError(f"{name}: not UTF-8 text", file=name) from None


def find_export_files(folder: Path, models: tuple[type[ContractRow], ...]) -> list[ExportFile]:
    if not folder.is_dir():
        raise ExportError(f"{folder}: not a folder that can be read")
    found = []
    for model in models:
        for suffix in (".csv", ".jsonl"):
            path = folder / f"{model.file}{suffix}"
            if path.is_file():
                found.append(ExportFile(path, model))
    known = {f.path.name for f in found}
    others = sorted(
        p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".csv", ".jsonl")
    )
    for name in others:
        if name not in known and found:
            found[0].warnings.append(f"{name}: not a contract file name, ignored")
    if not found:
        names = ", ".join(f"{m.file}.csv" for m in models)
        raise ExportError(f"{folder}: no export files found (expected some of {names})")
    return found


def count_rows(folder: Path, models: tuple[type[ContractRow], ...]) -> int:
    """Roughly how many rows the export holds (lines after each header), read fast, for
    a progress bar's total; the import itself counts exactly."""
    total = 0
    for export in find_export_files(folder, models):
        lines = 0
        try:
            with export.path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    lines += chunk.count(b"\n")
        except OSError:
            continue
        total += max(lines - (0 if export.path.suffix == ".jsonl" else 1), 0)
    return total

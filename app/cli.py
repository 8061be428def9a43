"""The command line: the same services as the window, for back-office use and scripts."""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from app.domain.goodwill import GoodwillError, Suggestion
from app.domain.identifiers import mask_payment_cards
from app.domain.models import Match, Profile
from app.domain.money import format_money, to_decimal_string
from app.domain.policy import ROLES, PolicyError
from app.domain.staff import Staff, StaffError
from app.services.audit import os_actor
from app.services.concessions import DecisionError, Outcome
from app.services.goodwill import Advice, read_amount
from app.services.handback import HandbackError, export_handback
from app.services.importing import import_folder, make_demo
from app.services.lookup import RefusedInputError, UnknownCustomerError
from app.services.staff import SignInError
from app.services.station import Station, open_station
from app.settings import Settings, describe_settings_error
from app.store.database import StoreError
from app.store.export_files import ExportError
from app.store.importer import ImportReport

EXIT_TAMPERED = 1
EXIT_REJECTS = 1
EXIT_REFUSED = 2


class RefusedError(Exception):
    """A refusal the user must see as one clear line (exit 2)."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line (exit 2) like every other refusal."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, f"standing: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="the station's database file"
    )
    common.add_argument("--as-of", type=_iso_date, help="the day to judge from (YYYY-MM-DD)")
    common.add_argument("--json", action="store_true", help="print JSON for scripts")

    parser = _Parser(
        prog="standing",
        description="Where a customer stands. With no command, opens the window.",
    )
    parser.add_argument("--db", type=Path, help="the station's database file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    imp = commands.add_parser("import", parents=[common], help="import an upstream export folder")
    imp.add_argument("folder", type=Path, metavar="DIR")
    imp.add_argument("--rejects", type=Path, metavar="FILE", help="where to write rejected rows")

    demo = commands.add_parser("demo", parents=[common], help="write and import demo data")
    demo.add_argument("--customers", type=_positive, default=None, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--out", type=Path, help="keep the generated export in this folder")

    look = commands.add_parser("lookup", parents=[common], help="find customers")
    look.add_argument("query", metavar="QUERY", help="card, phone, name or email")

    prof = commands.add_parser("profile", parents=[common], help="one customer's standing")
    prof.add_argument("customer_id", metavar="CUSTOMER_ID")

    sug = commands.add_parser("suggest", parents=[common], help="suggested goodwill for a dispute")
    sug.add_argument("customer_id", metavar="CUSTOMER_ID")
    sug.add_argument("--category", required=True, metavar="C", help="lost_ticket, delay, …")
    sug.add_argument("--amount", required=True, metavar="X", help="the disputed amount, e.g. 1.50")
    sug.add_argument("--role", default="clerk", metavar="ROLE", help="clerk, supervisor or manager")
    sug.add_argument("--words", default="", metavar="TEXT", help="the customer's own words")

    staff = commands.add_parser("staff", help="staff accounts (the PIN is read from stdin)")
    staff_commands = staff.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    add = staff_commands.add_parser("add", parents=[common], help="add a member of staff")
    add.add_argument("staff_id", metavar="STAFF_ID")
    add.add_argument("--name", required=True, metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES, metavar="clerk|supervisor|manager")
    add.add_argument("--limit", metavar="X", help="a personal limit below or above the role's")
    staff_commands.add_parser("list", parents=[common], help="list staff accounts")

    con = commands.add_parser("concession", help="record or decide goodwill (PIN from stdin)")
    con_commands = con.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    rec = con_commands.add_parser("record", parents=[common], help="record a concession")
    rec.add_argument("customer_id", metavar="CUSTOMER_ID")
    rec.add_argument("--category", required=True, metavar="C", help="lost_ticket, delay, …")
    rec.add_argument("--amount", required=True, metavar="X", help="the disputed amount")
    rec.add_argument("--action", required=True, metavar="A", help="waive, refund, voucher, …")
    rec.add_argument("--value", required=True, metavar="V", help="what the gesture is worth")
    rec.add_argument("--staff", required=True, metavar="STAFF_ID", help="who gives it")
    rec.add_argument("--note", default="", metavar="TEXT", help="the customer's own words")
    dec = con_commands.add_parser("approve", parents=[common], help="approve or deny")
    dec.add_argument("concession_id", metavar="CONCESSION_ID")
    dec.add_argument("--staff", required=True, metavar="STAFF_ID", help="who decides")
    dec.add_argument("--deny", action="store_true", help="deny instead of approving")
    dec.add_argument("--reason", default="", metavar="TEXT", help="why (required to deny)")
    con_commands.add_parser("pending", parents=[common], help="concessions awaiting approval")

    aud = commands.add_parser("audit", help="check or export the audit log")
    aud_commands = aud.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    aud_commands.add_parser("verify", parents=[common], help="check the hash chain")
    exp = aud_commands.add_parser("export", parents=[common], help="write the log as CSV")
    exp.add_argument("--since", type=_iso_date, metavar="DATE", help="from this day on")
    exp.add_argument("--out", type=Path, metavar="FILE", help="the CSV file (default stdout)")

    back = commands.add_parser(
        "export", parents=[common], help="hand recorded concessions back upstream"
    )
    back.add_argument("folder", type=Path, metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `standing lookup … | head` ends quietly
    if args.command is None:
        from app.ui.app import run_gui  # Qt only when the window is wanted

        return run_gui(db_path=args.db)
    sub = getattr(args, "subcommand", None)
    handler = _HANDLERS[f"{args.command} {sub}" if sub else args.command]
    try:
        return handler(args)
    except REFUSALS as exc:
        message = "; ".join(line.strip() for line in str(exc).strip().splitlines())
        message = mask_payment_cards(message)  # a refusal never repeats a card number
        print(f"standing: {message or 'refused'}", file=sys.stderr)
    except ValidationError as exc:
        print(f"standing: {describe_settings_error(exc)}", file=sys.stderr)
    except sqlite3.DatabaseError as exc:  # never a traceback, never "rows rejected"
        print(f"standing: the database cannot be used: {exc}", file=sys.stderr)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"standing: {exc.strerror or exc}{where}", file=sys.stderr)
    return EXIT_REFUSED


REFUSALS = (
    DecisionError,
    GoodwillError,
    HandbackError,
    SignInError,
    StaffError,
    RefusedError,
    RefusedInputError,
    StoreError,
    ExportError,
    UnknownCustomerError,
    PolicyError,
)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.for_db(args.db)


def _open(args: argparse.Namespace, *, create: bool) -> Station:
    return open_station(_settings(args), create=create)


def _emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text())


@contextmanager
def _writing(settings: Settings) -> Iterator[Station]:
    """A station to write to; a database this run created is removed again if it fails."""
    path = settings.db_path
    existed = path.exists()
    station = open_station(settings, create=True)
    try:
        yield station
    except BaseException:
        station.close()
        if not existed:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    station.close()


def _cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 when clean, 1 when rows were rejected, 2 when nothing could be imported."""
    with _writing(_settings(args)) as station:
        report = import_folder(station, args.folder, rejects=args.rejects)
    _emit(args, _report_json(report), lambda: _report_text(report))
    return EXIT_REJECTS if report.rejected else 0


def _cmd_demo(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _writing(settings) as station:
        out, report = make_demo(
            station,
            customers=args.customers or settings.demo_customers,
            seed=args.seed,
            as_of=args.as_of or station.today(),
            out_dir=args.out,
        )
    data = {
        "db": str(settings.db_path),
        "export": str(out) if out else None,
        **_report_json(report),
    }
    _emit(args, data, lambda: f"Demo database at {settings.db_path}\n{_report_text(report)}")
    return 0


def _cmd_lookup(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise RefusedError("nothing to look up: give a card, phone, name or email")
    station = _open(args, create=False)
    try:
        desk = station.desk()
        result = desk.search(args.query, args.as_of)
        desk.listed(result)
    finally:
        station.close()
    if result.refused:
        raise RefusedError(result.refused)
    rows = [_match_json(m) for m in result.matches]
    _emit(args, rows, lambda: _matches_text(result.matches))
    return 0


def _cmd_profile(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        profile = station.desk().open(args.customer_id, "customer_id", args.as_of)
    finally:
        station.close()
    _emit(args, profile_json(profile), lambda: _profile_text(profile))
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    if not args.amount.strip():
        raise GoodwillError("give the disputed amount (0 if there is none)")
    amount = read_amount(args.amount)
    station = _open(args, create=False)
    try:
        desk = station.desk()
        profile = desk.open(args.customer_id, "customer_id", args.as_of)
        advice = desk.advise(
            args.customer_id,
            category=args.category,
            amount=amount,
            role=args.role,
            words=args.words,
            as_of=args.as_of,
            profile=profile,
        )
    finally:
        station.close()
    rows = [suggestion_json(s) for s in advice.suggestions]
    _emit(args, rows, lambda: _suggestions_text(advice))
    return 0


def _read_pin() -> str:
    """One line from standard input (without echo at a terminal); never printed."""
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    line = sys.stdin.readline()
    if not line.strip():
        raise RefusedError("no PIN: give it on standard input (one line)")
    return line.rstrip("\r\n")


def _money_arg(text: str, what: str) -> int:
    if not text.strip():
        raise GoodwillError(f"give the {what} (0 if there is none)")
    return read_amount(text)


def _signed_in(station: Station, staff_id: str, purpose: str) -> Staff:
    return station.staff.check(staff_id, _read_pin(), purpose=purpose)


def _cmd_staff_add(args: argparse.Namespace) -> int:
    limit = None if args.limit is None else _money_arg(args.limit, "limit")
    pin = _read_pin()
    with _writing(_settings(args)) as station:
        staff = station.staff.add(
            args.staff_id, name=args.name, role=args.role, pin=pin, limit=limit, actor=os_actor()
        )
    data = _staff_json(staff)
    _emit(args, data, lambda: f"Added {staff.role} {staff.staff_id} ({staff.name})")
    return 0


def _cmd_staff_list(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        rows = [_staff_json(s) for s in station.staff.all()]
    finally:
        station.close()
    _emit(
        args,
        rows,
        lambda: "\n".join(f"{r['staff_id']:<12} {r['role']:<11} {r['name']}" for r in rows),
    )
    return 0


def _cmd_concession_record(args: argparse.Namespace) -> int:
    amount = _money_arg(args.amount, "disputed amount")
    value = _money_arg(args.value, "value")
    station = _open(args, create=False)
    try:
        staff = _signed_in(station, args.staff, "record")
        outcome = station.concessions.record(
            staff,
            args.customer_id,
            category=args.category,
            action=args.action,
            value=value,
            amount=amount,
            words=args.note,
        )
    finally:
        station.close()
    _emit(args, _outcome_json(outcome), lambda: _outcome_text(outcome))
    return 0


def _cmd_concession_approve(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        approver = _signed_in(station, args.staff, "approve")
        outcome = station.concessions.decide(
            approver, args.concession_id, deny=args.deny, reason=args.reason
        )
    finally:
        station.close()
    data = {"concession_id": outcome.concession_id, "status": outcome.status}
    _emit(args, data, lambda: f"{outcome.concession_id}: {outcome.status}")
    return 0


def _cmd_concession_pending(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        pending = station.concessions.pending()
        rows = [
            {
                "concession_id": c.concession_id,
                "customer_id": c.customer_id,
                "recorded_at": c.recorded_at.isoformat(),
                "action": c.action,
                "value": to_decimal_string(c.value),
                "staff_id": c.staff_id,
                "approval_reason": c.approval_reason,
            }
            for c in pending
        ]
        station.audit.record(os_actor(), "pending_listed", detail=f"{len(rows)} pending")
    finally:
        station.close()
    _emit(
        args,
        rows,
        lambda: (
            "\n".join(
                f"{r['concession_id']} {r['customer_id']} {r['action']} {r['value']} "
                f"by {r['staff_id']}: {r['approval_reason']}"
                for r in rows
            )
            or "Nothing awaits approval."
        ),
    )
    return 0


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        verdict = station.audit.verify()
    finally:
        station.close()
    data = {
        "intact": verdict.intact,
        "checked": verdict.checked,
        "first_bad": verdict.bad_seq,
        "problem": verdict.problem or None,
    }
    if verdict.intact:
        _emit(args, data, lambda: f"Audit log intact: {verdict.checked:,} records chained")
        return 0
    _emit(args, data, lambda: f"Audit log TAMPERED: {verdict.problem}")
    if not args.json:
        print(f"standing: {verdict.problem}", file=sys.stderr)
    return EXIT_TAMPERED


def _cmd_audit_export(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        if args.out is None:
            station.audit.record(os_actor(), "audit_exported", detail="to stdout")
            station.audit.export_csv(sys.stdout, args.since)
            return 0
        with args.out.open("w", encoding="utf-8", newline="") as out:  # refused before audited
            station.audit.record(os_actor(), "audit_exported", detail=f"to {args.out}")
            count = station.audit.export_csv(out, args.since)
    finally:
        station.close()
    data = {"written": count, "out": str(args.out)}
    _emit(args, data, lambda: f"{count:,} audit records written to {args.out}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    station = _open(args, create=False)
    try:
        result = export_handback(station.db, args.folder, station.audit, os_actor())
    finally:
        station.close()
    data = {"written": result.written, "files": result.files}
    _emit(args, data, lambda: f"{result.written} records handed back to {args.folder}")
    return 0


def _staff_json(s: Staff) -> dict[str, Any]:
    return {
        "staff_id": s.staff_id,
        "name": s.name,
        "role": s.role,
        "limit": _money_or_none(s.personal_limit),
    }


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "concession_id": o.concession_id,
        "status": o.status,
        "needs_approval": o.needs_approval,
        "approval_reason": o.approval_reason,
    }


def _outcome_text(o: Outcome) -> str:
    if o.needs_approval:
        return f"{o.concession_id}: pending approval ({o.approval_reason})"
    return f"{o.concession_id}: {o.status}"


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "staff add": _cmd_staff_add,
    "staff list": _cmd_staff_list,
    "concession record": _cmd_concession_record,
    "concession approve": _cmd_concession_approve,
    "concession pending": _cmd_concession_pending,
    "audit verify": _cmd_audit_verify,
    "audit export": _cmd_audit_export,
    "export": _cmd_export,
    "suggest": _cmd_suggest,
    "import": _cmd_import,
    "demo": _cmd_demo,
    "lookup": _cmd_lookup,
    "profile": _cmd_profile,
}


def _match_json(match: Match) -> dict[str, Any]:
    return {
        "customer_id": match.customer_id,
        "display_name": match.display_name,
        "matched_on": str(match.matched_on),
        "detail": match.detail,
        "tier": match.tier,
        "card_status": match.card_status,
        "status": match.status,
    }


def profile_json(p: Profile) -> dict[str, Any]:
    return {
        "customer_id": p.customer_id,
        "display_name": p.display_name,
        "status": p.status,
        "as_of": p.as_of.isoformat(),
        "tier": p.standing.tier,
        "tier_reason": p.standing.reason,
        "next_tier": p.standing.next_tier,
        "to_next_tier": _money_or_none(p.standing.to_next_tier),
        "customer_since": p.customer_since.isoformat(),
        "tenure_days": p.tenure_days,
        "lifetime_value": to_decimal_string(p.lifetime_value),
        "spend_12m": to_decimal_string(p.spend_12m),
        "visits_12m": p.visits_12m,
        "average_order": to_decimal_string(p.average_order),
        "last_visit": p.last_visit.isoformat() if p.last_visit else None,
        "household": list(p.household),
        "household_lifetime_value": to_decimal_string(p.household_lifetime_value),
        "signals": [str(s) for s in p.signals],
        "phones_masked": [ph.masked for ph in p.phones],
        "cards": [{"number": c.card_number, "status": c.status} for c in p.cards],
        "preferences": p.preferences,
        "complaints_12m": p.complaints_12m,
    }


def suggestion_json(s: Suggestion) -> dict[str, Any]:
    return {
        "category": s.category,
        "action": s.action,
        "value": to_decimal_string(s.value),
        "script": s.script,
        "reasons": [{"fact": r.fact, "text": r.text} for r in s.reasons],
        "within_discretion": s.within_discretion,
        "needs_approval": s.needs_approval,
        "approval_reason": s.approval_reason,
        "escalate": s.escalate,
    }


def _suggestions_text(advice: Advice) -> str:
    p = advice.profile
    lines = [f"{p.display_name} ({p.customer_id}) · {p.standing.label} · as a {advice.role}"]
    for rank, s in enumerate(advice.suggestions, start=1):
        allowed = (
            "within your discretion"
            if s.within_discretion
            else f"needs approval: {s.approval_reason}"
        )
        lines.append(f"{rank}. {s.action} {format_money(s.value, pence=True)} · {allowed}")
        lines.append(f"   “{s.script}”")
    if advice.suggestions:
        lines.append("why: " + "; ".join(r.text for r in advice.suggestions[0].reasons))
    return "\n".join(lines)


def _money_or_none(minor: int | None) -> str | None:
    return None if minor is None else to_decimal_string(minor)


def _report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "files": {
            name: {
                "read": f.read,
                "imported": f.imported,
                "unchanged": f.unchanged,
                "rejected": f.rejected,
            }
            for name, f in report.files.items()
        },
        "rejects_file": str(report.rejects_file) if report.rejects_file else None,
        "backup": str(report.backup) if report.backup else None,
        "warnings": report.warnings,
        "exported_at": report.exported_at.isoformat() if report.exported_at else None,
        "imported_at": report.imported_at.isoformat() if report.imported_at else None,
        "seconds": round(report.seconds, 3),
    }


def _report_text(report: ImportReport) -> str:
    lines = [f"{'file':<20} {'read':>10} {'imported':>10} {'unchanged':>10} {'rejected':>10}"]
    for name, f in report.files.items():
        lines.append(
            f"{name:<20} {f.read:>10,} {f.imported:>10,} {f.unchanged:>10,} {f.rejected:>10,}"
        )
    lines += [f"warning: {w}" for w in report.warnings]
    if report.rejects_file:
        lines.append(f"{report.rejected:,} rows rejected: see {report.rejects_file}")
    lines.append(f"{report.rows:,} rows in {report.seconds:.1f} s")
    return "\n".join(lines)


def _matches_text(matches: Sequence[Match]) -> str:
    if not matches:
        return "No customer matches."
    lines = [f"{len(matches)} match{'es' if len(matches) != 1 else ''}"]
    for m in matches:
        card = f"card {m.card_status}" if m.card_status else "no card"
        lines.append(
            f"{m.customer_id:<10} {m.display_name:<28} {m.tier_label:<9} "
            f"{m.detail:<20} {card}{'' if m.status == 'active' else ' · ' + m.status}"
        )
    return "\n".join(lines)


def _profile_text(p: Profile) -> str:
    s = p.standing
    lines = [
        f"{p.display_name} ({p.customer_id}){'' if p.status == 'active' else ' · ' + p.status}",
        f"{s.reason}" + (f"; {s.next_tier_hint}" if s.next_tier_hint else ""),
        f"Customer since {p.customer_since:%b %Y} · {p.tenure_text}",
        f"Lifetime {format_money(p.lifetime_value)} · 12 months {format_money(p.spend_12m)}"
        f" · {p.visits_12m} visits · last visit {p.last_visit or 'never'}",
        f"Average order {format_money(p.average_order)} · household of {len(p.household)}"
        f" {format_money(p.household_lifetime_value)}",
    ]
    if p.signals:
        lines.append("Signals: " + ", ".join(f"{k} ({v})" for k, v in p.signal_reasons.items()))
    if p.preferences:
        lines.append(f"Prefers: {p.preferences}")
    if p.phones:
        lines.append("Phones: " + ", ".join(ph.masked for ph in p.phones))
    if p.cards:
        lines.append("Cards: " + ", ".join(f"…{c.last4} {c.status}" for c in p.cards))
    return "\n".join(lines)

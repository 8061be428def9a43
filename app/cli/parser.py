"""The command line's grammar: commands, their arguments, and one-line usage errors."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from app.cli import chain, value
from app.cli.common import EXIT_REFUSED
from app.domain.identifiers import mask_payment_cards
from app.domain.policy import ROLES


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def positive(text: str) -> int:
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
        message = mask_payment_cards(message)  # "invalid choice: '4111…'" never repeats it
        self.exit(EXIT_REFUSED, f"standing: {message} (see `{self.prog} --help`)\n")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line, refusing in one line an argument that is not UTF-8 text (Python
    hands such bytes over as lone surrogates, which nothing could print or look up)."""
    for place, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            build_parser().error(
                f"argument {place} is not valid UTF-8 text (is the terminal set to UTF-8?)"
            )
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="the station's database file"
    )
    common.add_argument("--as-of", type=iso_date, help="the day to judge from (YYYY-MM-DD)")
    common.add_argument(
        "--central", metavar="URL", help="the chain's central store (else STANDING_CENTRAL_URL)"
    )
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
    demo.add_argument("--customers", type=positive, default=None, metavar="N")
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
    exp.add_argument("--since", type=iso_date, metavar="DATE", help="from this day on")
    exp.add_argument("--out", type=Path, metavar="FILE", help="the CSV file (default stdout)")

    back = commands.add_parser(
        "export", parents=[common], help="hand recorded concessions back upstream"
    )
    back.add_argument("folder", type=Path, metavar="DIR")
    value.add_commands(commands, common)
    chain.add_commands(commands, common)
    return parser

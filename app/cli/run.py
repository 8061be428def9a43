"""Running one command: its handler, and every refusal as one clear line (exit 2)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from app.cli import chain, customers, logs, records, value
from app.cli.common import EXIT_REFUSED, Clock, RefusedError, warn
from app.cli.parser import build_parser, parse_args
from app.domain.goodwill import GoodwillError
from app.domain.policy import PolicyError
from app.domain.staff import StaffError
from app.services.concessions import DecisionError
from app.services.handback import HandbackError
from app.services.importing import ExportError
from app.services.lookup import RefusedInputError, UnknownCustomerError
from app.services.staff import SignInError
from app.services.station import CentralError, DatabaseError, NoDatabaseError, StoreError
from app.settings import describe_settings_error

HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": customers.import_,
    "demo": customers.demo,
    "lookup": customers.lookup,
    "profile": customers.profile,
    "suggest": customers.suggest,
    "staff add": records.staff_add,
    "staff list": records.staff_list,
    "concession record": records.concession_record,
    "concession approve": records.concession_approve,
    "concession pending": records.concession_pending,
    "audit verify": logs.audit_verify,
    "audit export": logs.audit_export,
    "export": logs.handback,
    "value report": value.report,
    "central init": chain.central_init,
    "central import": chain.central_import,
    "sync": chain.sync,
    "central station add": chain.central_station_add,
    "central demo": chain.central_demo,
    "central audit verify": chain.central_audit_verify,
    "central audit export": chain.central_audit_export,
}
REFUSALS = (
    CentralError,
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


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """`standing COMMAND …`; `clock` stands in for the real one (tests)."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        build_parser().error("give a command (with none, `standing` opens the window)")
    args.clock = clock
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command to its exit code."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `standing lookup … | head` ends quietly
    words = (args.command, getattr(args, "subcommand", None), getattr(args, "audit_action", None))
    handler = HANDLERS[" ".join(w for w in words if w)]
    try:
        return handler(args)
    except NoDatabaseError as exc:  # the way forward: a first database is one command away
        warn(
            f"{exc}: make one with `standing demo` (invented data, to try it) or "
            "`standing import DIR` (your organisation's export)"
        )
    except REFUSALS as exc:
        message = "; ".join(line.strip() for line in str(exc).strip().splitlines())
        warn(message or "refused")  # masked: a refusal never repeats a card number
    except ValidationError as exc:
        warn(describe_settings_error(exc))
    except DatabaseError as exc:  # never a traceback, never "rows rejected"
        warn(f"the database cannot be used: {exc}")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        warn(f"{exc.strerror or exc}{where}")
    return EXIT_REFUSED

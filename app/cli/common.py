"""What every command shares: its station (on the run's clock), output, PIN and money."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from app.domain.goodwill import GoodwillError
from app.domain.identifiers import mask_payment_cards
from app.domain.staff import Staff
from app.services.goodwill import read_amount
from app.services.station import Station, open_station, utc_now
from app.settings import Settings

EXIT_TAMPERED = 1
EXIT_REJECTS = 1
EXIT_REFUSED = 2
Clock = Callable[[], datetime]


class RefusedError(Exception):
    """A refusal the user must see as one clear line (exit 2)."""


def settings(args: argparse.Namespace) -> Settings:
    return Settings.for_db(args.db, getattr(args, "central", None))


def clock(args: argparse.Namespace) -> Clock:
    """The run's clock: the real one, or the one a test gives `main`."""
    found: Clock = getattr(args, "clock", None) or utc_now
    return found


def open_for(args: argparse.Namespace, *, create: bool) -> Station:
    """The station, its cache checked first as the window does (unless unchanged since it
    was last found sound); what it says as it opens goes to standard error."""
    station = open_station(settings(args), create=create, clock=clock(args), check=True)
    for notice in station.notices:
        warn(notice)
    return station


def warn(text: str) -> None:
    """A line for the person at the terminal, beside the command's output."""
    print(f"standing: {mask_payment_cards(text)}", file=sys.stderr)


def keep_backup(station: Station) -> None:
    """After recording: the hourly backup if due; if it cannot be made, what was recorded
    stands and the person is told."""
    try:
        station.backup_if_due()
    except OSError as exc:
        warn(f"recorded, but {exc}")


def emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text())


@contextmanager
def writing(args: argparse.Namespace) -> Iterator[Station]:
    """A station to write to; a database this run created is removed again if it fails."""
    path = settings(args).db_path
    existed = path.exists()
    station = open_for(args, create=True)
    try:
        yield station
    except BaseException:
        station.close()
        if not existed:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    station.close()


def read_pin() -> str:
    """One line from standard input (without echo at a terminal); never printed."""
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    line = sys.stdin.readline()
    if not line.strip():
        raise RefusedError("no PIN: give it on standard input (one line)")
    return line.rstrip("\r\n")


def money_arg(text: str, what: str) -> int:
    if not text.strip():
        raise GoodwillError(f"give the {what} (0 if there is none)")
    return read_amount(text)


def signed_in(station: Station, staff_id: str, purpose: str) -> Staff:
    return station.staff.check(staff_id, read_pin(), purpose=purpose)

"""Commands that bring data in and read customers: import, demo, lookup, profile, suggest."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_REJECTS, RefusedError, emit, open_for, settings, writing
from app.cli.render import (
    match_json,
    matches_text,
    profile_json,
    profile_text,
    report_json,
    report_text,
    suggestion_json,
    suggestions_text,
)
from app.domain.goodwill import GoodwillError
from app.services.goodwill import read_amount
from app.services.importing import import_folder, make_demo


def import_(args: argparse.Namespace) -> int:
    """Exit 0 when clean, 1 when rows were rejected, 2 when nothing could be imported."""
    with writing(args) as station:
        report = import_folder(station, args.folder, rejects=args.rejects)
    emit(args, report_json(report), lambda: report_text(report))
    return EXIT_REJECTS if report.rejected else 0


def demo(args: argparse.Namespace) -> int:
    where = settings(args)
    with writing(args) as station:
        out, report = make_demo(
            station,
            customers=args.customers or where.demo_customers,
            seed=args.seed,
            as_of=args.as_of or station.today(),
            out_dir=args.out,
        )
    data = {"db": str(where.db_path), "export": str(out) if out else None, **report_json(report)}
    emit(args, data, lambda: f"Demo database at {where.db_path}\n{report_text(report)}")
    return 0


def lookup(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise RefusedError("nothing to look up: give a card, phone, name or email")
    station = open_for(args, create=False)
    try:
        desk = station.desk()
        result = desk.search(args.query, args.as_of)
        desk.listed(result)
        station.audit.settle()  # a read that cannot be audited is not shown
    finally:
        station.close()
    if result.refused:
        raise RefusedError(result.refused)
    rows = [match_json(m) for m in result.matches]
    emit(args, rows, lambda: matches_text(result.matches))
    return 0


def profile(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
    try:
        found = station.desk().open(args.customer_id, "customer_id", args.as_of)
        station.audit.settle()  # a read that cannot be audited is not shown
    finally:
        station.close()
    emit(args, profile_json(found), lambda: profile_text(found))
    return 0


def suggest(args: argparse.Namespace) -> int:
    if not args.amount.strip():
        raise GoodwillError("give the disputed amount (0 if there is none)")
    amount = read_amount(args.amount)
    station = open_for(args, create=False)
    try:
        desk = station.desk()
        found = desk.open(args.customer_id, "customer_id", args.as_of)
        advice = desk.advise(
            args.customer_id,
            category=args.category,
            amount=amount,
            role=args.role,
            words=args.words,
            as_of=args.as_of,
            profile=found,
        )
        station.audit.settle()  # a read that cannot be audited is not shown
    finally:
        station.close()
    rows = [suggestion_json(s) for s in advice.suggestions]
    emit(args, rows, lambda: suggestions_text(advice))
    return 0

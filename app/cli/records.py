"""Commands that record: staff accounts, concessions and their decisions (PIN on stdin)."""

from __future__ import annotations

import argparse

from app.cli.common import (
    emit,
    keep_backup,
    money_arg,
    open_for,
    read_pin,
    signed_in,
    writing,
)
from app.cli.render import outcome_json, outcome_text, pending_json, pending_text, staff_json
from app.services.audit import os_actor


def staff_add(args: argparse.Namespace) -> int:
    """With --central, for the whole chain (the central store's owner URL); else here."""
    limit = None if args.limit is None else money_arg(args.limit, "limit")
    pin = read_pin()
    with writing(args) as station:
        if args.central:
            from app.services.central import add_staff_centrally  # psycopg: chain only

            staff = add_staff_centrally(
                args.central, station, args.staff_id, name=args.name, role=args.role, pin=pin,
                limit=limit, actor=os_actor(),
            )  # fmt: skip
        else:
            staff = station.staff.add(
                args.staff_id, name=args.name, role=args.role, pin=pin, limit=limit,
                actor=os_actor(),
            )  # fmt: skip
    where = " for the chain" if args.central else ""
    emit(
        args,
        staff_json(staff),
        lambda: f"Added {staff.role} {staff.staff_id} ({staff.name}){where}",
    )
    return 0


def staff_list(args: argparse.Namespace) -> int:
    if args.central:
        from app.services.central import central_staff_list

        rows = [staff_json(s) for s in central_staff_list(args.central)]
    else:
        station = open_for(args, create=False)
        try:
            rows = [staff_json(s) for s in station.staff.all()]
        finally:
            station.close()
    emit(
        args,
        rows,
        lambda: "\n".join(f"{r['staff_id']:<12} {r['role']:<11} {r['name']}" for r in rows),
    )
    return 0


def concession_record(args: argparse.Namespace) -> int:
    amount = money_arg(args.amount, "disputed amount")
    value = money_arg(args.value, "value")
    station = open_for(args, create=False)
    try:
        staff = signed_in(station, args.staff, "record")
        outcome = station.concessions.record(
            staff,
            args.customer_id,
            category=args.category,
            action=args.action,
            value=value,
            amount=amount,
            words=args.note,
        )
        keep_backup(station)
    finally:
        station.close()
    emit(args, outcome_json(outcome), lambda: outcome_text(outcome))
    return 0


def concession_approve(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
    try:
        approver = signed_in(station, args.staff, "approve")
        outcome = station.concessions.decide(
            approver, args.concession_id, deny=args.deny, reason=args.reason
        )
        keep_backup(station)
    finally:
        station.close()
    data = {"concession_id": outcome.concession_id, "status": outcome.status}
    emit(args, data, lambda: f"{outcome.concession_id}: {outcome.status}")
    return 0


def concession_pending(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
    try:
        rows = [pending_json(c) for c in station.concessions.pending()]
        station.audit.record(os_actor(), "pending_listed", detail=f"{len(rows)} pending")
    finally:
        station.close()
    emit(args, rows, lambda: pending_text(rows))
    return 0

"""Commands on what the station wrote itself: the audit log and the hand-back upstream."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_TAMPERED, emit, open_for
from app.services.audit import os_actor
from app.services.handback import export_handback


def audit_verify(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
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
        emit(args, data, lambda: f"Audit log intact: {verdict.checked:,} records chained")
        return 0
    emit(args, data, lambda: f"Audit log TAMPERED: {verdict.problem}")
    if not args.json:
        print(f"standing: {verdict.problem}", file=sys.stderr)
    return EXIT_TAMPERED


def audit_export(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
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
    emit(args, data, lambda: f"{count:,} audit records written to {args.out}")
    return 0


def handback(args: argparse.Namespace) -> int:
    station = open_for(args, create=False)
    try:
        result = export_handback(station.db, args.folder, station.audit, os_actor())
    finally:
        station.close()
    data = {"written": result.written, "files": result.files}
    emit(args, data, lambda: f"{result.written} records handed back to {args.folder}")
    return 0

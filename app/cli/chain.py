"""The chain's commands: the central store (`standing central …`) and a station's sync."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_REJECTS, EXIT_TAMPERED, emit, settings
from app.cli.render import report_json, report_text
from app.settings import Settings

# The chain's service loads psycopg (a tenth of a second): imported by the chain's commands
# only, so a station's own commands start as fast as before.


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """`central …` beside the station's commands (`common`: --db, --as-of, --json)."""
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--url", required=True, metavar="URL", help="postgresql://… (the store)")
    store.add_argument("--json", action="store_true", help="print JSON for scripts")
    central = commands.add_parser("central", help="the chain's central PostgreSQL store")
    actions = central.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    actions.add_parser(
        "init", parents=[store], help="create or migrate the central schema (owner's URL)"
    )
    load = actions.add_parser(
        "import", parents=[store], help="import an upstream export into the central store"
    )
    load.add_argument("folder", type=Path, metavar="DIR")
    load.add_argument("--rejects", type=Path, metavar="FILE", help="where to write rejected rows")
    demo = actions.add_parser("demo", help="a throwaway local chain to try (two stations)")
    demo.add_argument("--dir", type=Path, required=True, metavar="DIR", help="where it lives")
    demo.add_argument("--customers", type=int, default=2_000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--stop", action="store_true", help="stop its PostgreSQL")
    demo.add_argument("--json", action="store_true", help="print JSON for scripts")
    station = actions.add_parser(
        "station", help="stations of the chain (the owner's URL)"
    ).add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    added = station.add_parser("add", parents=[store], help="a login for one station")
    added.add_argument("name", metavar="NAME", help="the station's STANDING_STATION")
    audit = actions.add_parser("audit", help="every station's audit chain, centrally")
    audit_actions = audit.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    audit_actions.add_parser("verify", parents=[store], help="exit 0 intact, 1 broken")
    export = audit_actions.add_parser("export", parents=[store], help="CSV of every record")
    export.add_argument("--out", type=Path, metavar="FILE", help="a file (else standard output)")
    commands.add_parser(
        "sync", parents=[common], help="push this station's records and pull the chain's changes"
    )


def central_init(args: argparse.Namespace) -> int:
    from app.services.central import init_central, shown_url
    from app.services.station import load_policy

    applied = init_central(args.url, load_policy(settings(args).policy_path))
    data = {"url": shown_url(args.url), "applied": applied}
    emit(
        args,
        data,
        lambda: (
            f"Central store at {shown_url(args.url)}: applied {', '.join(applied)}"
            if applied
            else f"Central store at {shown_url(args.url)} is up to date"
        ),
    )
    return 0


def central_import(args: argparse.Namespace) -> int:
    """Exit 0 when clean, 1 when rows were rejected, 2 when nothing could be imported."""
    from app.services.central import import_into_central

    report = import_into_central(args.url, args.folder, Settings(), rejects=args.rejects)
    emit(args, report_json(report), lambda: report_text(report))
    return EXIT_REJECTS if report.rejected else 0


def sync(args: argparse.Namespace) -> int:
    """Push this station's outbox and pull what changed centrally (exit 2: not synced)."""
    from app.services.sync import sync_station

    report = sync_station(settings(args))
    data = {
        "pulled": report.pulled,
        "pushed": report.pushed,
        "watermark": report.watermark,
        "conflicts": report.conflicts,
        "resynced": list(report.resynced),
    }
    emit(args, data, lambda: _sync_text(report.pulled, report.pushed, report.conflicts))
    return 0


def _sync_text(pulled: dict[str, int], pushed: dict[str, int], conflicts: list[str]) -> str:
    def listed(counts: dict[str, int]) -> str:
        return ", ".join(f"{n:,} {table}" for table, n in counts.items()) or "nothing"

    lines = [f"Pushed {listed(pushed)}; pulled {listed(pulled)}."]
    lines += [f"conflict: {c}" for c in conflicts]
    return "\n".join(lines)


def central_audit_verify(args: argparse.Namespace) -> int:
    from app.services.central import verify_central_audit

    verdicts = verify_central_audit(args.url)
    data = {
        "stations": {
            v.station: {
                "intact": v.intact,
                "checked": v.checked,
                "first_bad": v.bad_seq,
                "problem": v.problem or None,
            }
            for v in verdicts
        }
    }
    broken = [v for v in verdicts if not v.intact]

    def text() -> str:
        lines = [
            f"{v.station}: "
            + ("intact, " if v.intact else f"BROKEN: {v.problem}; ")
            + f"{v.checked:,} records chained"
            for v in verdicts
        ]
        return "\n".join(lines) or "No audit records yet."

    emit(args, data, text)
    return EXIT_TAMPERED if broken else 0


def central_audit_export(args: argparse.Namespace) -> int:
    from app.services.central import export_central_audit

    if args.out is None:
        export_central_audit(args.url, sys.stdout)
        return 0
    with args.out.open("w", encoding="utf-8", newline="") as out:
        count = export_central_audit(args.url, out)
    emit(
        args,
        {"written": count, "out": str(args.out)},
        lambda: f"{count:,} audit records written to {args.out}",
    )
    return 0


def central_station_add(args: argparse.Namespace) -> int:
    from app.services.central import add_station, shown_url

    url = add_station(args.url, args.name)
    data = {"station": args.name, "url": url}
    emit(
        args,
        data,
        lambda: (
            f"Station {args.name!r} may now sync. On that station set\n"
            f"  STANDING_STATION={args.name}\n  STANDING_CENTRAL_URL={url}\n"
            f"(the password is shown this once; {shown_url(url)} is how it is shown after)"
        ),
    )
    return 0


def central_demo(args: argparse.Namespace) -> int:
    from app.services.central import start_central_demo, stop_central_demo

    if args.stop:
        stopped = stop_central_demo(args.dir)
        emit(args, {"stopped": stopped}, lambda: "Stopped." if stopped else "Not running.")
        return 0
    demo = start_central_demo(
        args.dir, customers=args.customers, seed=args.seed, as_of=datetime.now(UTC).date()
    )
    data = {"url": demo.owner_url, "stations": demo.stations}

    def text() -> str:
        lines = [
            f"A demo chain runs in {args.dir} (DEMO DATA). Its owner's URL:",
            f"  {demo.owner_url}",
        ]
        lines.append("Try two stations (each in its own terminal):")
        for name, url in demo.stations.items():
            db = args.dir / f"{name.lower()}.sqlite3"
            lines.append(
                f"  STANDING_STATION={name} STANDING_CENTRAL_URL='{url}' standing sync --db {db}"
            )
        lines.append(f"Stop it with: standing central demo --dir {args.dir} --stop")
        return "\n".join(lines)

    emit(args, data, text)
    return 0

"""`python -m app` and the `standing` script: with no command the window, else the command."""

from __future__ import annotations

import sys

from app.cli import parse_args, run


def main() -> int:
    args = parse_args(sys.argv[1:])
    if args.command is None:
        from app.ui.app import run_gui  # Qt only when the window is wanted

        return run_gui(db_path=args.db)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

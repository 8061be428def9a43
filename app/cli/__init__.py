"""The command line: the same services as the window, for back-office use and scripts.

`python -m app` and the `standing` script open the window when no command is given
(app/__main__.py decides); everything here runs without Qt."""

from app.cli.parser import build_parser, parse_args
from app.cli.render import profile_json, suggestion_json
from app.cli.run import main, run

__all__ = ["build_parser", "main", "parse_args", "profile_json", "run", "suggestion_json"]

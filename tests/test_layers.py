"""The layers keep to their lanes: Qt only in ui/, SQL only in store/, domain pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).parents[1] / "app"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((APP / folder).rglob("*.py"))]


FORBIDDEN = {
    "domain": ("PySide6", "sqlite3", "sqlite_utils", "app.store", "app.services", "app.ui"),
    "store": ("PySide6", "app.services", "app.ui"),
    "demo": ("PySide6", "sqlite3", "sqlite_utils", "app.store", "app.services", "app.ui"),
    "services": ("PySide6", "app.ui"),
    "ui": ("sqlite3", "sqlite_utils", "app.store"),
    "cli": ("PySide6", "sqlite3", "sqlite_utils", "app.store", "app.ui", "app.demo"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    found = modules(layer)
    assert found, f"no modules in app/{layer}"
    for path in found:
        bad = {
            name
            for name in imported(path)
            for banned in FORBIDDEN[layer]
            if name == banned or name.startswith(banned + ".")
        }
        assert not bad, f"{path.relative_to(APP.parent)} imports {sorted(bad)}"


def test_the_window_is_loaded_only_when_no_command_is_given() -> None:
    top_level = {
        n.module if isinstance(n, ast.ImportFrom) else n.names[0].name
        for n in ast.parse((APP / "__main__.py").read_text("utf-8")).body
        if isinstance(n, ast.Import | ast.ImportFrom)
    }
    assert top_level == {"__future__", "sys", "app.cli"}
    assert "app.ui.app" in imported(APP / "__main__.py")  # inside main(), for the window


def test_running_a_command_loads_no_qt(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from app.cli import main; "
        f"main(['staff', 'list', '--db', {str(tmp_path / 'x.db')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'app.ui'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr

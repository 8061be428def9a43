"""Where Qt would abort (exit 134) because no window can open, `standing` says why in one
line and exits 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.platform_check import why_no_window

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checked on Linux")


@linux_only
def test_with_no_display_the_window_command_says_so_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["STANDING_DB_PATH"] = str(tmp_path / "standing.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "app"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "no display" in done.stderr and "standing --help" in done.stderr
    assert not (tmp_path / "standing.sqlite3").exists()  # nothing made before the window


@linux_only
def test_a_platform_plugin_that_cannot_load_names_the_missing_library(tmp_path: Path) -> None:
    """The real X11 plugin, moved away from the Qt libraries it needs: it cannot load, as on a
    desktop without libxcb-cursor0, and the line names what is missing."""
    import PySide6

    real = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    (tmp_path / "platforms").mkdir()
    shutil.copy(real, tmp_path / "platforms" / "libqxcb.so")
    probe = (
        "from pathlib import Path; from app.ui.platform_check import why_no_window; "
        f"print(why_no_window({{'DISPLAY': ':9'}}, Path({str(tmp_path)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    said = done.stdout.strip()
    assert said.startswith("the window cannot open: Qt's X11 platform plugin needs lib"), said
    assert "which is not installed" in said and "standing --help" in said


def test_offscreen_and_other_platforms_are_left_to_qt() -> None:
    assert why_no_window({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert why_no_window({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) is None

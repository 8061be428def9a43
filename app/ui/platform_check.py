"""Before Qt starts: can a window open here at all? Qt ends the process (abort, exit 134) when
its platform plugin cannot load; this says why in one line instead, so `standing` can exit 2.
Only Linux is checked: elsewhere Qt's platform plugin ships with everything it needs."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# The libraries Qt's X11 plugin needs that a desktop may lack, and Debian/Ubuntu's package.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}
_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def why_no_window(env: Mapping[str, str] | None = None, plugins: Path | None = None) -> str | None:
    """None when the window can open; else what is missing, in words to act on."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if wanted and wanted != "xcb":
        return None  # offscreen, wayland, vnc…: Qt's own choice, its own messages
    if not wanted and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display to open the window on (DISPLAY is not set): start it from a desktop "
            "session, or use the command line (standing --help)"
        )
    if wanted != "xcb" and env.get("WAYLAND_DISPLAY"):
        return None  # a Wayland session: Qt picks its Wayland plugin first
    return _plugin_problem((plugins or _plugins()) / "platforms" / "libqxcb.so")


def _plugins() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins"


def _plugin_problem(plugin: Path) -> str | None:
    if not plugin.exists():
        return None  # not this PySide6's layout: leave it to Qt
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _MISSING.search(str(exc))
        if found is None:
            return f"the window cannot open: Qt's X11 platform plugin does not load ({exc})"
        library = found.group(1)
        package = PACKAGES.get(library)
        install = (
            f"on Debian or Ubuntu: sudo apt install {package}"
            if package
            else "install the package that provides it"
        )
        return (
            f"the window cannot open: Qt's X11 platform plugin needs {library}, which is not "
            f"installed ({install}); the command line works without it (standing --help)"
        )
    return None

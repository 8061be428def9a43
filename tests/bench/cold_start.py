"""Process start to the main window shown, painted and idle, in fresh processes.

The parent notes the wall clock just before starting `python -c`; the child prints the
wall clock at the first idle moment after the window has been painted. The baseline is
an empty PySide6 window started the same way, alternating with the real one. The app's
modules are byte-compiled first, as pip or the bundle leaves them.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_IDLE = """
from PySide6.QtCore import QEvent, QObject, QTimer


class _Painted(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            _Painted.seen = True
        return False


_painted = _Painted()
app.installEventFilter(_painted)
window.show()


def _idle():
    if not _Painted.seen:
        QTimer.singleShot(0, _idle)
        return
    print(repr(time.time()), flush=True)
    app.quit()


QTimer.singleShot(0, _idle)
app.exec()
"""

APP = (
    """
import sys, time
from pathlib import Path
from app.ui.app import build_window, create_application
from app.services.station import open_station
from app.settings import Settings
from app.store.queries import has_customers

app = create_application()
station = open_station(Settings(db_path=Path(sys.argv[1])), create=False)
assert has_customers(station.db)
window = build_window(station)
"""
    + _IDLE
)

EMPTY = (
    """
import sys, time
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1366, 768)
"""
    + _IDLE
)


def once(code: str, db: Path) -> float:
    # a folder of its own for remembered choices (View menu), not the user's
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(db.parent / "config"),
    }
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.split()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"cold-start child failed ({done.returncode}):\n{done.stderr}")
    return float(lines[-1]) - started


def compile_bytecode() -> None:
    """The app's modules compiled, as pip or the bundle leaves them: a start-up should not
    pay for compiling sources (PYTHONDONTWRITEBYTECODE would make every child do so)."""
    import app

    compileall.compile_dir(Path(app.__file__).parent, quiet=1)


def measure(db: Path, runs: int = 5) -> dict[str, Any]:
    compile_bytecode()
    mine: list[float] = []
    empty: list[float] = []
    for _ in range(runs):
        mine.append(once(APP, db))
        empty.append(once(EMPTY, db))
    median, base = statistics.median(mine), statistics.median(empty)
    return {
        "median_s": round(median, 3),
        "baseline_median_s": round(base, 3),
        "ratio": round(median / base, 2),
        "baseline": "an empty PySide6 window started the same way (offscreen)",
        "note": "the app's bytecode is compiled beforehand, as an installed app has it",
        "runs_s": [round(s, 3) for s in mine],
        "baseline_runs_s": [round(s, 3) for s in empty],
    }

"""Keystroke to painted card, in the real main window (offscreen), in a child process.

    python -m tests.bench.gui_probe SPEC.json

SPEC holds the database, typed phones and scanned cards (each with the customer it must
open). For each lookup: Escape clears; every key but the last is sent (a typed phone's are
also painted, a scan's are not: a scanner outpaces frames); the clock starts just before
the final digit (for a scan, its final digit and Enter) and stops when the first paint
pass that paints the card with the expected customer ends (events are processed as the
event loop would; if no paint came, the card is repainted synchronously). Work the window
puts after that paint, in the same pass of the event loop (the suggestion and the synced
audit record), is not counted: the clerk already sees the card. The baseline is a
synchronous repaint of the whole window with nothing new, measured straight after each
lookup. "settled" times the same keys until that work is done too, and "scan_burst" a scan
from its first key (each of its digits searched as it comes) to the card. Prints one JSON
line of nanosecond samples.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

TIMEOUT_S = 10.0
# Some PySide6 builds on Python < 3.12 (seen: 6.12.0 on 3.11) return None from void calls
# without a reference, so None's count falls with every Qt call until Python aborts with
# "deallocating None". The probe holds spare references so it can finish, and reports
# how many were lost: that is a crash waiting in the real window, not a timing.
BALLAST = 20_000_000


BENCH_CLERK = "bench1"


def main(spec_path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.services.station import open_station
    from app.settings import Settings
    from app.ui.after_paint import RUN_AFTER_PAINT
    from app.ui.app import build_window, create_application
    from app.ui.main_window import MainWindow

    spec = json.loads(Path(spec_path).read_text("utf-8"))
    ballast = [None] * BALLAST
    app = create_application([sys.argv[0]])
    station = open_station(Settings(db_path=Path(spec["db"])), create=False)
    clerk = station.staff.find(BENCH_CLERK)
    if clerk is None:  # the benchmark's database has no staff of its own
        clerk = station.staff.add(
            BENCH_CLERK, name="Bench Clerk", role="clerk", pin="2468", actor="bench"
        )
    window = build_window(station, clerk)  # signed in: every opened card is audited
    window.show()
    QTest.qWaitForWindowExposed(window)
    refs_at_start = sys.getrefcount(None)
    clock = time.perf_counter_ns

    class PaintWatch(QObject):
        """Notes when the paint pass that shows the expected customer's card ends.

        It watches two objects, not the application: a filter there would add a Python call
        to each of the ~200 events of an opening, about 0.6 ms that no clerk's window
        spends. The card's own paint event, with the expected customer on it, shows that a
        pass paints the card (its children follow, in the same pass); the window's
        after-paint work is posted to run straight after the pass, and its event ends it."""

        expected: str | None = None
        painting = False  # inside a paint pass that has painted the card
        painted_at: int | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if PaintWatch.painted_at is not None:
                return False
            if event.type() == RUN_AFTER_PAINT:
                if PaintWatch.painting:
                    PaintWatch.painted_at = clock()
            elif event.type() == QEvent.Type.Paint:
                shown = window.card.profile
                PaintWatch.painting = shown is not None and shown.customer_id == self.expected
            return False

    forced: list[int] = []
    watch = PaintWatch()
    window.card.installEventFilter(watch)
    window.after_paint.installEventFilter(watch)

    def settle(expected: str) -> int | None:
        """When the card with the expected customer was painted (None: it never showed)."""
        deadline = time.monotonic() + TIMEOUT_S
        while (card := window.card.profile) is None or card.customer_id != expected:
            if time.monotonic() > deadline:
                return None
            QApplication.processEvents()
        QApplication.processEvents()
        if PaintWatch.painted_at is None and PaintWatch.painting:
            PaintWatch.painted_at = clock()  # the paint pass ended the event loop's work
        if PaintWatch.painted_at is None:
            forced.append(1)
            window.card.repaint()
            PaintWatch.painted_at = clock()
        return PaintWatch.painted_at

    def start(expected: str) -> int:
        PaintWatch.expected, PaintWatch.painting, PaintWatch.painted_at = expected, False, None
        return clock()

    def clear(w: MainWindow) -> None:
        QTest.keyClick(w.search, Qt.Key.Key_Escape)
        QApplication.processEvents()
        if w.card.profile is not None or w.search.text():
            w.clear()  # the Escape did not reach the box; not what is being measured

    typing_into = window.windowHandle()

    def keys(text: str) -> None:
        """Typed into the search box the way a keyboard's keys come: through the window."""
        for key in text:
            QTest.keyClick(typing_into, ord(key))  # a character: its key and its text

    def typed(text: str, expected: str) -> tuple[int, bool]:
        clear(window)
        keys(text[:-1])
        QApplication.processEvents()
        started = start(expected)
        keys(text[-1])
        return outcome(started, settle(expected))

    def scanned(number: str, expected: str) -> tuple[int, bool]:
        clear(window)
        # A scanner's burst comes faster than frames: no paint until its end.
        burst_started = clock()
        keys(number[:-1])
        started = start(expected)
        keys(number[-1])
        QTest.keyClick(typing_into, Qt.Key.Key_Return)
        painted_at = settle(expected)
        whole_burst.append((painted_at or clock()) - burst_started)
        return outcome(started, painted_at)

    def outcome(started: int, painted_at: int | None) -> tuple[int, bool]:
        settled.append(clock() - started)  # the suggestion shown and the record synced too
        return (painted_at or clock()) - started, painted_at is not None

    def repaint() -> int:
        started = clock()
        window.repaint()
        return clock() - started

    settled: list[int] = []
    whole_burst: list[int] = []
    samples: dict[str, list[int]] = {
        "phone": [],
        "scan": [],
        "repaint": [],
        "settled": [],
        "scan_burst": [],
    }
    failures = 0
    phones, cards, warmup = spec["phones"], spec["cards"], spec["warmup"]
    for i in range(max(len(phones), len(cards))):
        for kind, items, action in (("phone", phones, typed), ("scan", cards, scanned)):
            if i >= len(items):
                continue
            text, expected = items[i]
            elapsed, found = action(text, expected)
            if not found:
                shown = window.card.profile.customer_id if window.card.profile else None
                print(
                    f"{kind} {text!r}: {expected} not shown in {TIMEOUT_S:.0f} s; the card "
                    f"shows {shown}, the list says {window.count.text()!r}, the notice "
                    f"{window.notice.text()!r}",
                    file=sys.stderr,
                    flush=True,
                )
            if i < warmup:
                continue
            failures += not found
            samples[kind].append(elapsed)
            samples["settled"].append(settled[-1])
            if kind == "scan":
                samples["scan_burst"].append(whole_burst[-1])
            samples["repaint"].append(repaint())
    lookups = len(phones) + len(cards)
    lost = refs_at_start - sys.getrefcount(None)
    station.close()
    window.close()
    app.processEvents()
    result: dict[str, Any] = {
        **samples,
        "failures": failures,
        "forced_repaints": len(forced),
        "none_refs_lost_per_lookup": round(lost / lookups, 1),
        "none_refs_at_start": refs_at_start - len(ballast),
    }
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    os._exit(0)  # no teardown: freeing the ballast would abort a leaking build here


if __name__ == "__main__":
    main(sys.argv[1])

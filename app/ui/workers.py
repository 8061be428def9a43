"""Background work: run a function off the GUI thread, deliver its result back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Callable[[Any], None]], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn(self.relay.progress.emit)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class Runner(QObject):
    """Runs jobs on a thread pool; tests pass `synchronous=True` to run them inline."""

    def __init__(self, pool: QThreadPool | None = None, *, synchronous: bool = False) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self.synchronous = synchronous
        self._live: set[_Relay] = set()

    def start(
        self,
        fn: Callable[[Callable[[Any], None]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._live.add(relay)
        relay.done.connect(on_done)
        relay.failed.connect(on_error)
        if on_progress is not None:
            relay.progress.connect(on_progress)
        relay.done.connect(lambda _: self._live.discard(relay))
        relay.failed.connect(lambda _: self._live.discard(relay))
        job = _Job(fn, relay)
        if self.synchronous:
            job.run()
        else:
            self.pool.start(job)

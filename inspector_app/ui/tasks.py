"""A small task runner: long work runs on a worker thread and its result comes back to the
UI thread by signal (as MusicBrainz Picard does). Tests use :class:`ImmediateTaskRunner`,
which runs everything at once on the calling thread, so they stay deterministic."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from inspector_app.domain.errors import UserError
from inspector_app.domain.progress import Cancelled, Progress

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
ProgressSlot = Callable[[int, int, str], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task:
    """Handle of a submitted piece of work: cancel it, or see whether it has finished."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.finished = False

    def cancel(self) -> None:
        """Ask the work to stop at its next progress check."""
        self.progress.cancel()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            if isinstance(exc, UserError):
                log.info("task refused: %s", exc.render())
            elif not isinstance(exc, Cancelled):
                log.error("task failed: %s", "".join(traceback.format_exception(exc)))
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _default_failed(exc: BaseException) -> None:
    log.error("unhandled task failure: %r", exc)


class TaskRunner(QObject):
    """Runs callables on a thread pool; callbacks run on the UI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: ProgressSlot | None = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` off the UI thread. With ``with_progress`` the function
        also receives ``progress=`` (a :class:`Progress` whose updates reach ``on_progress``)."""
        signals = _Signals()
        progress = Progress(lambda d, t, n: signals.progress.emit(d, t, n))
        task = Task(progress)
        if with_progress:
            kwargs["progress"] = progress
        self._live.add(signals)

        def finish() -> None:
            task.finished = True
            self._live.discard(signals)

        @Slot(object)
        def done(result: Any) -> None:
            finish()
            if on_done:
                on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            finish()
            (on_error or _default_failed)(exc)

        signals.done.connect(done)
        signals.failed.connect(failed)
        if on_progress:
            signals.progress.connect(on_progress)
        self.pool.start(_Runnable(lambda: fn(*args, **kwargs), signals))
        return task

    def wait(self, msecs: int = 30000) -> bool:
        """Block until all work is done (shutdown, benchmarks)."""
        return bool(self.pool.waitForDone(msecs))


class ImmediateTaskRunner(TaskRunner):
    """Runs the work at once on the calling thread; for tests."""

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: ProgressSlot | None = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> Task:
        progress = Progress(on_progress)
        task = Task(progress)
        if with_progress:
            kwargs["progress"] = progress
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            task.finished = True
            if on_error is None:
                raise
            on_error(exc)
        else:
            task.finished = True
            if on_done:
                on_done(result)
        return task

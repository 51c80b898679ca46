"""Progress reporting and cancellation for long work, without any UI dependency."""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel."""


class Progress:
    """Handed to long-running functions: report how far they are, and check for cancel."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancelled = False

    def update(self, done: int, total: int, note: str = "") -> None:
        """Tell the watcher that ``done`` of ``total`` steps are finished."""
        if self._report is not None:
            self._report(done, total, note)

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked for."""
        return self._cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancel was asked for."""
        if self._cancelled:
            raise Cancelled()



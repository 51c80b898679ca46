import threading

import pytest

from inspector_app.domain.progress import Cancelled, Progress
from inspector_app.ui.tasks import ImmediateTaskRunner, TaskRunner


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["result"] = value
        seen["callback"] = threading.get_ident()

    runner.run(work, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker"] != ui_thread and seen["callback"] == ui_thread


def test_errors_come_back_to_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []
    runner.run(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_progress_and_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    updates: list[tuple[int, int, str]] = []
    outcome: list[object] = []
    started = threading.Event()
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress.update(1, 3, "first")
        started.set()
        release.wait(5)
        progress.check()
        return "finished"

    task = runner.run(work, with_progress=True, on_progress=lambda *a: updates.append(a),
                      on_done=outcome.append, on_error=outcome.append)
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled)
    assert updates == [(1, 3, "first")]


def test_immediate_runner_is_synchronous() -> None:
    results: list[int] = []
    ImmediateTaskRunner().run(lambda a, b: a + b, 2, 3, on_done=results.append)
    assert results == [5]
    with pytest.raises(ZeroDivisionError):
        ImmediateTaskRunner().run(lambda: 1 / 0)

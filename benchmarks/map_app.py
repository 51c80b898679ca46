"""Started as a subprocess by bench_map: opens the map on a profile and prints its figures as
JSON. ``--bare`` loads a one-line local page in a plain QWebEngineView instead (the baseline)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    out = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for c in child.read_text().split():
            out += _tree(int(c))
    return out


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from inspector_app.ui.app import prepare_environment

    prepare_environment()  # as the app does; QtWebEngine is loaded after the QApplication
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841 - kept alive for the whole run
    figures: dict[str, float] = {}

    def wait_for(condition, timeout_s: float = 60.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout_s
        while not condition() and time.perf_counter() < deadline:
            QTimer.singleShot(2, loop.quit)
            loop.exec()

    if "--bare" in sys.argv:
        page = Path(sys.argv[1]) / "bare.html"
        page.write_text("<html><body>bare</body></html>")
        view = QWebEngineView()
        view.resize(1200, 800)
        view.show()
        done: list[bool] = []
        view.loadFinished.connect(done.append)
        start = time.perf_counter()
        view.load(QUrl.fromLocalFile(str(page)))
        wait_for(lambda: bool(done))
        figures["ready_s"] = time.perf_counter() - start
        wait_for(lambda: False, 1.0)
        figures["pss_mb"] = sum(_pss_kb(p) for p in _tree(os.getpid())) / 1024
        print("FIGURES " + json.dumps(figures), flush=True)
        return

    from inspector_app.domain.entities import Actor
    from inspector_app.domain.roles import Role
    from inspector_app.services.map_data import LayerQuery, check_layer, map_layers, map_page
    from inspector_app.services.profile import open_profile
    from inspector_app.ui.map_widget import MapWidget

    session = open_profile(Path(sys.argv[1])).as_actor(Actor("bench", "bench", Role.ADMIN, None))
    path = map_page(session)
    widget = MapWidget()
    widget.resize(1200, 800)
    widget.show()
    start = time.perf_counter()
    widget.load(path)
    wait_for(lambda: widget.is_ready)
    figures["ready_s"] = time.perf_counter() - start
    wait_for(lambda: False, 1.0)
    figures["pss_mb_before_layers"] = sum(_pss_kb(p) for p in _tree(os.getpid())) / 1024

    def count(layer: str) -> float:
        box: list[float] = []
        widget.call("count", layer, callback=box.append)
        wait_for(lambda: bool(box))
        return box[0]

    start = time.perf_counter()
    layers = map_layers(session, LayerQuery(session.today(), 0))
    for name, items in layers.items():
        if name in ("roads", "tracks"):
            widget.set_lines(name, items)
        else:
            widget.set_points(name, items, cluster=name == "units")
    figures["units"] = count("units")
    figures["shown_s"] = time.perf_counter() - start
    del layers
    wait_for(lambda: False, 1.0)  # let the page settle before reading memory
    pids = _tree(os.getpid())
    figures["pss_mb"] = sum(_pss_kb(p) for p in pids) / 1024
    figures["rss_sum_mb"] = sum(_rss_kb(p) for p in pids) / 1024
    figures["processes"] = len(pids)
    samples = []
    for days in (7, 30, 90, 0) * 3:
        start = time.perf_counter()
        checks = check_layer(session, LayerQuery(session.today(), days))["checks"]
        widget.set_points("checks", checks, cluster=len(checks) > 300)
        count("checks")
        samples.append(time.perf_counter() - start)
    figures["filter_max_s"] = max(samples)
    toggles = []
    for visible in (False, True) * 3:
        start = time.perf_counter()
        answered: list[object] = []
        widget.show_layer("units", visible)
        widget.page.runJavaScript("1", 0, answered.append)
        wait_for(lambda answered=answered: bool(answered))
        toggles.append(time.perf_counter() - start)
    figures["toggle_max_s"] = max(toggles)
    wait_for(lambda: False, 1.0)
    figures["pss_mb_after_filters"] = sum(_pss_kb(p) for p in _tree(os.getpid())) / 1024
    print("FIGURES " + json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()

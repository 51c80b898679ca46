"""``inspector-app smoke``: a self-check of an installed (or frozen) app on a fresh folder.

It exercises what a packaged build most often gets wrong: bundled data files (catalogs,
translations, fonts), the PDF stack with its embedded Chinese font, rare names drawn with the
build's own faces (ui/smoke_fonts.py), every page of the main window, and QtWebEngine (its
resources and helper process) loading the offline map page with its local scripts and the
demo's units. Each step prints one line; the first failure prints why and the exit code is 1.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import UserError

SMOKE_UNITS = 200
WEB_TIMEOUT_MS = 60_000
class SmokeFailed(Exception):
    """A step of the self-check did not do what it should."""


def _step(name: str, fn: Callable[[], str]) -> None:
    started = time.perf_counter()
    detail = fn()
    print(f"ok   {name:<34} {time.perf_counter() - started:6.1f} s  {detail}", flush=True)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailed(message)


def _make_demo(data_dir: Path) -> str:
    from inspector_app.services.demo import generate_demo_profile

    summary = generate_demo_profile(data_dir, units=SMOKE_UNITS, seed=1)
    _check(summary.units == SMOKE_UNITS, f"demo made {summary.units} units")
    return f"{summary.squads} squads, {summary.officers} officers, {summary.units} units"


SAMPLE_PARTY = {
    "party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
    "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号",
}


def sample_values(session: Any, item_code: str = "FO25", **party: str) -> dict[str, Any]:
    """A sample violation's values on 泉城路 (the sample party unless ``party`` says otherwise)."""
    from inspector_app.services.profile import squad_officers

    colleague = next(o["id"] for o in squad_officers(session) if o["id"] != session.actor.officer_id)
    return {**SAMPLE_PARTY, **party, "item_code": item_code, "officer2_id": colleague,
            "facts": "在泉城路12号门前的行道树上拴绳晾挂衣物。", "place": "泉城路12号门前"}


def issue_sample_notice(session: Any, item_code: str = "FO25", doc_type: str = "warning",
                        **party: str) -> Any:
    """Record a sample violation on 泉城路 and issue its notice (the party refused to sign, a
    witness confirms); used by the self-check and by the documentation's screenshots."""
    from inspector_app.services.notice_documents import Signing, issue_document
    from inspector_app.services.violations import record_violation

    values = sample_values(session, item_code, **party)
    violation_id = record_violation(session, values, set(range(10))).ids("violation")[0]
    signing = Signing(refused_reason="不认可违法事实", witness="泉城路社区居委会 刘敏")
    return issue_document(session, violation_id, doc_type, signing)


def _issue_notice(session: Any, target: Path) -> str:
    from inspector_app.services.notice_documents import document_pdf

    issued = issue_sample_notice(session)
    pdf = document_pdf(session, issued.document_ids[0])
    _check(pdf.startswith(b"%PDF"), "the notice is not a PDF")
    _check(b"/FontFile2" in pdf, "the notice has no embedded TrueType (Chinese) font")
    target.write_bytes(pdf)
    return f"{issued.numbers[0]}, {len(pdf) // 1024} KB → {target.name}"


def _open_window(session: Any, data_dir: Path) -> tuple[str, Any]:
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.tasks import ImmediateTaskRunner

    window = MainWindow(session, ImmediateTaskRunner(), AppSettings(data_dir / "settings.ini"))
    window.show()
    for spec in window.specs:
        window.page(spec.key)
    window.grab().save(str(data_dir / "smoke-window.png"))
    _check(window.windowTitle().startswith("城管巡查"), f"window title {window.windowTitle()!r}")
    return f"{len(window.specs)} pages, title {window.windowTitle()}", window


def _open_map(app: Any, window: Any) -> str:
    """The map page in the main window: the page and its local scripts load, 200 units arrive
    as data, and nothing tried to reach the network."""
    from PySide6.QtCore import QEventLoop, QTimer

    from inspector_app.ui.map_web import MapProfile

    view = window.page("map")
    deadline = time.monotonic() + WEB_TIMEOUT_MS / 1000
    loop = QEventLoop()
    while not (view.map.is_ready and view.loaded.get("units")) and time.monotonic() < deadline:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    _check(view.map.is_ready, f"the map page did not load: {view.map.page.console[-3:]}")
    _check(view.loaded.get("units", 0) == SMOKE_UNITS, f"the map shows {view.loaded.get('units')} units")
    _check(view.map.page.console == [], f"script errors on the map page: {view.map.page.console[:3]}")
    blocked = MapProfile.shared().guard.blocked
    _check(blocked == [], f"the map tried to reach the network: {blocked[:3]}")
    return f"{view.loaded['units']} units, {view.loaded.get('roads', 0)} roads, nothing sent out"


def run_smoke(data_dir: Path) -> int:
    """Run the self-check in ``data_dir`` (must not hold a profile yet); 0 when all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector_app.ui.app import prepare_environment

    prepare_environment()  # QtWebEngine then loads when the map page opens, as in the app
    from PySide6.QtWidgets import QApplication

    from inspector_app.services.profile import close_profile, open_profile, sign_in
    from inspector_app.ui.app import ensure_chinese_font
    from inspector_app.ui.i18n import install_language
    from inspector_app.ui.smoke_fonts import check_rare_names

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ensure_chinese_font()  # as the app does: the shipped Song face when the system has none
    print(f"Self-check in {data_dir} (frozen: {bool(getattr(sys, 'frozen', False))})", flush=True)
    session = None
    try:
        _step("Chinese translations", lambda: _ok(install_language(app, "zh_CN"), "inspector_zh_CN.qm"))
        _step("demo profile", lambda: _make_demo(data_dir))
        session = sign_in(open_profile(data_dir), "liqiang", "Jinan@2026")
        signed_in = session
        _step("first-offence notice PDF", lambda: _issue_notice(signed_in, data_dir / "smoke-notice.pdf"))
        _step("rare names (the build's own faces)", lambda: check_rare_names(signed_in, data_dir))
        windows: list[Any] = []
        _step("main window, every page", lambda: _keep(_open_window(signed_in, data_dir), windows))
        _step("map page (QtWebEngine, offline)", lambda: _open_map(app, windows[0]))
        for window in windows:
            window.close()
    except SmokeFailed as exc:
        print(f"FAIL {exc}", flush=True)
        return 1
    except UserError:
        raise  # e.g. a folder that already holds a profile: the command line explains it
    except Exception:  # a missing module or data file in a build: say so, with the trace
        print(f"FAIL {traceback.format_exc()}", flush=True)
        return 1
    finally:
        if session is not None:
            close_profile(session)
    print("Self-check passed.", flush=True)
    return 0


def _ok(loaded: bool, what: str) -> str:
    _check(loaded, f"{what} is missing from the resources")
    return what


def _keep(pair: tuple[str, Any], into: list[Any]) -> str:
    into.append(pair[1])
    return pair[0]

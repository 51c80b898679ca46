"""Nothing typed is lost when the process dies: real processes, killed with SIGKILL."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from inspector_app.services.inspections import start_values
from inspector_app.services.profile import open_profile, sign_in
from inspector_app.storage.audit import verify_audit_chain

ROOT = Path(__file__).resolve().parents[2]


def _spawn(script: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _wait_for(proc: subprocess.Popen[str], word: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if word in line:
            return
        if proc.poll() is not None:
            raise AssertionError(f"child exited: {proc.stderr.read() if proc.stderr else ''}")
    raise AssertionError(f"no {word} from child")


def _unit_id(demo_dir: Path) -> str:
    session = open_profile(demo_dir)
    try:
        return session.store.db.execute("SELECT id FROM unit ORDER BY rowid LIMIT 1").fetchone()[0]
    finally:
        session.store.close()


def test_killed_mid_form_the_draft_is_there_after_reopening(demo_dir: Path) -> None:
    unit_id = _unit_id(demo_dir)
    child = _spawn(f"""
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QTimer
        app = QApplication([])
        from inspector_app.services.profile import open_profile, sign_in
        from inspector_app.services.units import unit_form_values
        from inspector_app.ui.inspection_dialog import InspectionDialog
        from inspector_app.ui.tasks import TaskRunner
        session = sign_in(open_profile(Path({str(demo_dir)!r})), "liqiang", "Jinan@2026")
        unit = {{"id": {unit_id!r}, **unit_form_values(session, {unit_id!r})}}
        dialog = InspectionDialog(session, TaskRunner(app), unit)
        dialog._timer.setInterval(200)
        dialog.show()
        dialog.duties[2].buttons["fail"].setChecked(True)
        dialog.duties[2].note.setText("井盖破损未报修")
        def saved():
            if not dialog._dirty:
                print("TYPED-AND-AUTOSAVED", flush=True)
            else:
                QTimer.singleShot(100, saved)
        QTimer.singleShot(700, saved)
        app.exec()
    """)
    try:
        _wait_for(child, "TYPED-AND-AUTOSAVED")
        time.sleep(0.5)  # the autosave task commits on its worker thread
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
    session = sign_in(open_profile(demo_dir), "liqiang", "Jinan@2026")
    try:
        values, saved_at = start_values(session, unit_id)
        assert saved_at is not None
        assert values["W3.result"] == "fail" and values["W3.note"] == "井盖破损未报修"
    finally:
        session.store.close()


def test_killed_right_after_saved_the_inspection_is_kept(demo_dir: Path) -> None:
    unit_id = _unit_id(demo_dir)
    child = _spawn(f"""
        import os, signal
        from pathlib import Path
        from inspector_app.forms.inspection import all_compliant_values
        from inspector_app.services.inspections import submit_inspection
        from inspector_app.services.profile import open_profile, sign_in
        session = sign_in(open_profile(Path({str(demo_dir)!r})), "liqiang", "Jinan@2026")
        values = all_compliant_values(session.catalogs)
        values["note"] = "断电测试"
        submit_inspection(session, {unit_id!r}, values)
        print("SAVED", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    _wait_for(child, "SAVED")
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    session = open_profile(demo_dir)
    try:
        db = session.store.db
        assert db.execute("SELECT count(*) FROM frontage_inspection WHERE note = '断电测试'").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM outbox WHERE entity = 'frontage_inspection'").fetchone()[0] == 1
        assert verify_audit_chain(db).ok
    finally:
        session.store.close()

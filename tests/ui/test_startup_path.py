"""The way to the sign-in dialog stays light: the heavy libraries (storage, sync, documents,
QtWebEngine, the icon fonts) and PySide's Qt namespace are loaded behind the dialog, never on
the UI thread before it appears. Checked on the import events of a real start in a fresh
process (no timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlite_utils", "httpx", "reportlab", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
         "qtawesome", "inspector_app.storage.database", "inspector_app.services.profile", "logging.handlers")

PROBE = r"""
import json, sys, threading
imported = []

def hook(event, args):
    if event == "import" and threading.current_thread() is threading.main_thread():
        imported.append(args[0])

sys.addaudithook(hook)
import inspector_app.cli
from inspector_app.services.locations import resolve_data_dir
from inspector_app.ui.app import launch

startup = launch(resolve_data_dir(sys.argv[1]), "zh_CN")
before_dialog = list(imported)
import PySide6.QtCore
namespace_before_dialog = "Qt" in PySide6.QtCore.__dict__  # PySide builds it on first use
from PySide6.QtCore import QCoreApplication, QTimer, Qt
shares_gl = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

def until_open():
    if startup.login.profile is None and startup.failed is None:
        QTimer.singleShot(10, until_open)
        return
    startup.login.reject()
    startup.app.quit()

QTimer.singleShot(0, until_open)
startup.app.exec()
startup.runner.wait()
print("IMPORTS " + json.dumps({"before": before_dialog, "opened": startup.login.profile is not None,
                               "namespace": namespace_before_dialog, "shares_gl": shares_gl}))
"""


def test_nothing_heavy_is_imported_before_the_sign_in_dialog(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "profile")], capture_output=True, text=True,
                         env=env, timeout=120)
    line = next((x for x in out.stdout.splitlines() if x.startswith("IMPORTS ")), None)
    assert line is not None, out.stdout + out.stderr
    result = json.loads(line[8:])
    loaded = set(result["before"])
    assert "inspector_app.ui.login_dialog" in loaded  # the probe did see the UI thread's imports
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert result["opened"], "the profile was opened behind the dialog"
    # QtWebEngine loads late (when a map opens), which needs shared GL contexts set up front;
    # setting them must not cost PySide's whole Qt namespace (~30 ms) before the dialog.
    assert result["shares_gl"]
    assert not result["namespace"]

"""Screenshots for the user guides in docs/, taken from the real app (`make docs`).

A fresh demo profile (fixed seed and date, so the pictures only change when the app does) is
made in a temporary folder; each demo account signs in and the screens its guide describes
are grabbed offscreen, in Chinese, at a field laptop's 1366×768 (the screen is 1366×768
and the window takes what the taskbar leaves). The images go to docs/images/.

    python tools/docs_screenshots.py [--out docs/images] [--units 3000]

Give the offscreen screen the size too (else windows are fitted to its default 800×800):
`make docs` runs it with tools/offscreen-1366x768.json, and with tools/offscreen-1024x600.json
and ``--size 1024x570`` for the smallest field laptop (docs/images/1024x600/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.name == "posix" and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from inspector_app.domain.clock import FixedClock
from inspector_app.services.demo import DEMO_PASSWORD, generate_demo_profile
from inspector_app.services.profile import open_profile, sign_in
from inspector_app.services.session import Session
from inspector_app.ui.app import ensure_chinese_font, prepare_environment
from inspector_app.ui.first_run_wizard import FirstRunWizard
from inspector_app.ui.i18n import install_language
from inspector_app.ui.login_dialog import LoginDialog
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.settings_dialog import SettingsDialog
from inspector_app.ui.smoke import issue_sample_notice
from inspector_app.ui.tasks import ImmediateTaskRunner

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)  # 10:30 in Jinan
SIZE = (1366, 728)  # a 1366×768 screen less the taskbar

# (user name, file prefix, page keys to grab) — each guide in docs/ shows these.
ROLES = [
    ("liqiang", "officer", ["patrol", "map", "disorders", "notices", "returned", "units", "sync"]),
    ("wangfang", "supervisor", ["review", "rates", "conflicts"]),
    ("zhaomin", "clerk", ["documents", "legal_review", "publication"]),
    ("admin", "admin", ["catalogs", "units"]),
]


class Shooter:
    """Saves grabs of widgets into the output folder and lists what it saved."""

    def __init__(self, app: QApplication, out: Path) -> None:
        self.app = app
        self.out = out
        self.saved: list[Path] = []
        out.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def shot(self, widget: QWidget, name: str) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        self.saved.append(path)
        print(f"  {path}")

    def dialog(self, make: Callable[[], QDialog], name: str) -> None:
        """Grab a modal dialog while it is open, then close it."""
        dialog = make()
        QTimer.singleShot(0, lambda: (self.shot(dialog, name), dialog.reject()))
        dialog.exec()


def signed_in(data_dir: Path, username: str) -> Session:
    profile = open_profile(data_dir)
    clock = FixedClock(NOW)
    profile.clock = clock
    profile.hlc._clock = clock  # the hybrid clock reads the same fixed time
    return sign_in(profile, username, DEMO_PASSWORD)


def main_window(session: Session, settings: AppSettings) -> MainWindow:
    window = MainWindow(session, ImmediateTaskRunner(), settings)
    window.resize(*SIZE)
    window.setMaximumSize(*SIZE)  # as a screen this size would: no page may push the window wider
    window.show()
    return window


def select_first(page: Any) -> None:
    """Select the first row of a page's list, so the detail beside it shows something real."""
    table = getattr(page, "table", None)
    if table is not None and hasattr(table, "selectRow") and table.model() and table.model().rowCount():
        table.selectRow(0)


def prepare(shooter: Shooter, window: MainWindow, prefix: str, key: str, page: Any) -> None:
    """Bring a page into the state its guide describes (grabbing steps on the way)."""
    if key == "patrol":
        shooter.shot(window, f"{prefix}-patrol-start")
        for row in range(3):
            page.roads.item(row).setCheckState(Qt.CheckState.Checked)
        page.start()
    elif key == "map":
        wait_for_map(shooter, page)
    elif key == "review":
        rows = [r for r in range(page.officers.rowCount()) if page.officers.item(r, 0).text() == "李强"]
        page.officers.selectRow(rows[0] if rows else 0)
    select_first(page)


def wait_for_map(shooter: Shooter, page: Any) -> None:
    """The map loads its page and layers asynchronously; wait, then give it time to draw."""
    import time

    deadline = time.monotonic() + 60
    while not (page.map.is_ready and page.loaded.get("units")) and time.monotonic() < deadline:
        shooter.app.processEvents()
        time.sleep(0.02)
    page.map.call("clickFirst", "units")
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        shooter.app.processEvents()
        time.sleep(0.02)


def officer_dialogs(shooter: Shooter, window: MainWindow) -> None:
    """The forms an officer fills in the street."""
    patrol: Any = window.page("patrol")
    select_first(patrol)
    dialog = patrol.inspect_selected()
    if dialog is not None:
        dialog.resize(min(900, SIZE[0]), min(700, SIZE[1]))
        shooter.shot(dialog, "officer-inspection")
        dialog.reject()
    first_category = next(iter(window.session.catalogs.disorders)).code
    check = patrol.quick_check(first_category)
    shooter.shot(check, "officer-disorder-check")
    check.reject()
    notices: Any = window.page("notices")
    form = notices.flow.start()
    form.resize(min(1200, SIZE[0]), min(700, SIZE[1]))
    shooter.shot(form, "officer-violation")
    form.reject()


def shoot_role(shooter: Shooter, data_dir: Path, username: str, prefix: str, pages: list[str]) -> None:
    session = signed_in(data_dir, username)
    if prefix == "officer":
        issue_sample_notice(session)
        issue_sample_notice(session, "FO01", "rectify_order", party_name="王秀英",
                            party_id_number="370102198503152224", party_address="济南市历下区泉城路18号")
    settings = AppSettings(data_dir / f"settings-{prefix}.ini")
    window = main_window(session, settings)
    for key in pages:
        page: Any = window.page(key)
        prepare(shooter, window, prefix, key, page)
        shooter.shot(window, f"{prefix}-{key}")
    if prefix == "officer":
        officer_dialogs(shooter, window)
    if prefix == "admin":
        example = Path("/home/liqiang/.local/share/inspector-app/profile/backups")
        shooter.dialog(lambda: SettingsDialog(settings, window, window.runner, example), "settings")
    window.close()
    session.store.close()


def shoot_login(shooter: Shooter, data_dir: Path) -> None:
    profile = open_profile(data_dir)
    dialog = LoginDialog(profile, ImmediateTaskRunner(), "liqiang")
    dialog.set_profile(profile)
    dialog.show()
    shooter.shot(dialog, "login")
    dialog.close()
    profile.store.close()


def shoot_first_run(shooter: Shooter, data_dir: Path) -> None:
    """The wizard a computer without accounts starts with (not finished: nothing is created)."""
    profile = open_profile(data_dir)
    wizard = FirstRunWizard(profile, ImmediateTaskRunner())
    wizard.show()
    shooter.shot(wizard, "first-run-choice")
    wizard.next()
    wizard.admin_page.name.setText("张建国")
    wizard.admin_page.password.setText("Jinan2026x")
    wizard.admin_page.confirm.setText("Jinan2026x")
    shooter.shot(wizard, "first-run-admin")
    wizard.reject()
    profile.store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/images")
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--size", default="", help="window size WxH instead of 1366×728, e.g. 1024x570 "
                        "for the smallest field laptop (1024×600 less the taskbar)")
    args = parser.parse_args(argv)
    if args.size:
        global SIZE
        width, height = (int(n) for n in args.size.lower().split("x"))
        SIZE = (width, height)
    prepare_environment()  # as the app does before its QApplication exists
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if not install_language(app, "zh_CN"):
        raise SystemExit("Build the translations first: python tools/i18n.py release")
    ensure_chinese_font()
    shooter = Shooter(app, Path(args.out))
    with tempfile.TemporaryDirectory() as tmp:
        shoot_first_run(shooter, Path(tmp) / "new-computer")
        data_dir = Path(tmp) / "profile"
        print(f"Demo profile ({args.units} units) …")
        generate_demo_profile(data_dir, units=args.units, seed=1, today=TODAY, enforcement=True)
        shoot_login(shooter, data_dir)
        for username, prefix, pages in ROLES:
            print(f"{username}:")
            shoot_role(shooter, data_dir, username, prefix, pages)
    print(f"{len(shooter.saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared fixtures. Qt runs offscreen; QtWebEngine's sandbox is off because CI runs as root."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.services.demo import generate_demo_profile
from inspector_app.services.profile import open_profile, sign_in
from inspector_app.services.session import Session

DEMO_TODAY = date(2026, 11, 20)


def pytest_configure(config: pytest.Config) -> None:
    """What the app sets before its QApplication exists (so that QtWebEngine can load late),
    before pytest-qt creates the tests' one."""
    from inspector_app.ui.app import prepare_environment

    prepare_environment()
DEMO_UNITS = 400


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing at 2026-11-20 10:00 Beijing time."""
    return FixedClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty profile folder."""
    return tmp_path / "profile"


@pytest.fixture
def session(data_dir: Path, clock: FixedClock) -> Iterator[Session]:
    """A new, empty profile, with an administrator signed in."""
    s = open_profile(data_dir)
    s.clock = clock
    s.hlc._clock = clock  # the HLC reads the same clock
    yield s.as_actor(Actor("admin-1", "管理员", Role.ADMIN, None, username="admin"))
    s.store.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo profile made once per test run; tests get copies."""
    folder = tmp_path_factory.mktemp("demo-template") / "profile"
    generate_demo_profile(folder, units=DEMO_UNITS, seed=7, today=DEMO_TODAY)
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo profile."""
    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    return target


def _signed_in(demo_dir: Path, username: str, clock: FixedClock) -> Session:
    profile = open_profile(demo_dir)
    profile.clock = clock
    profile.hlc._clock = clock
    return sign_in(profile, username, "Jinan@2026")


@pytest.fixture
def officer_session(demo_dir: Path, clock: FixedClock) -> Iterator[Session]:
    """The demo officer 李强 signed in on a copy of the demo profile."""
    s = _signed_in(demo_dir, "liqiang", clock)
    yield s
    s.store.close()


@pytest.fixture
def demo_session_for(demo_dir: Path, clock: FixedClock) -> Iterator:
    """Sign in any demo account: ``demo_session_for("zhaomin")``."""
    opened: list[Session] = []

    def make(username: str) -> Session:
        s = _signed_in(demo_dir, username, clock)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.store.close()


@pytest.fixture
def supervisor_session(demo_dir: Path, clock: FixedClock) -> Iterator[Session]:
    """The demo duty supervisor 王芳 (same squad as 李强) on a copy of the demo profile."""
    s = _signed_in(demo_dir, "wangfang", clock)
    yield s
    s.store.close()

"""Paths handed in on the command line, relative or absolute, with spaces and Chinese in them,
mean the same folders to every command of both programs; `make run`'s demo server script and
the headless demo check work from such a folder too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.cli import main as app_main
from inspector_server.cli import main as server_main

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ["profile", "济南 演示/中队 资料"]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "profile"
    assert app_main(["demo", "--data-dir", str(folder), "--units", "30", "--today", "2026-11-20"]) == 0
    return folder


def _given(in_tmp: Path, folder: str, absolute: bool) -> str:
    return str(in_tmp / folder) if absolute else folder


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
@pytest.mark.parametrize("folder", FOLDERS, ids=["plain", "chinese-with-spaces"])
def test_app_commands_take_any_profile_path(in_tmp: Path, small_demo: Path, folder: str, absolute: bool,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = in_tmp / folder
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(small_demo, target)
    given = _given(in_tmp, folder, absolute)
    assert app_main(["verify-audit", "--data-dir", given]) == 0
    assert app_main(["backup", "--data-dir", given, "--to", "备份 文件夹"]) == 0
    assert (in_tmp / "备份 文件夹").is_dir() and any((in_tmp / "备份 文件夹").iterdir())
    assert app_main(["sync-server", "--data-dir", given, "http://127.0.0.1:9"]) == 0
    capsys.readouterr()
    backup = next((in_tmp / "备份 文件夹").rglob("*.sqlite"))
    relative_backup = os.path.relpath(backup, in_tmp)
    assert app_main(["restore", "--data-dir", given, relative_backup if not absolute else str(backup)]) == 0
    assert "kept as" in capsys.readouterr().out


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
@pytest.mark.parametrize("folder", FOLDERS, ids=["plain", "chinese-with-spaces"])
def test_server_seeds_from_any_profile_path(in_tmp: Path, small_demo: Path, folder: str, absolute: bool,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = in_tmp / folder
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(small_demo, target)
    (in_tmp / "服务器 数据").mkdir()
    db = _given(in_tmp, "服务器 数据/server.db", absolute)
    db_arg = db if absolute else f"sqlite:///{db}"  # a plain path and an SQLite URL both work
    assert server_main(["--db", db_arg, "admin", "seed", _given(in_tmp, folder, absolute)]) == 0
    out = capsys.readouterr().out
    assert "'unit': 30" in out
    assert (in_tmp / "服务器 数据" / "server.db").stat().st_size > 0


def test_seeding_a_missing_profile_says_so(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert server_main(["--db", "server.db", "admin", "seed", "没有 这个"]) == 2
    err = capsys.readouterr().err
    assert "there is no app profile database at" in err and "没有 这个" in err and "Traceback" not in err


def test_a_server_database_in_a_missing_folder_says_so(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert server_main(["--db", "没有/server.db", "admin", "squad", "list"]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "没有" in err and not (in_tmp / "没有").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _script_env(port: int) -> dict[str, str]:
    return {**os.environ, "BIN": str(Path(sys.executable).parent), "DEMO_DIR": "济南 演示/profile",
            "SERVER_PORT": str(port), "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


def _stop(folder: Path) -> None:
    pid = folder / ".demo" / "server.pid"
    if pid.exists():
        subprocess.run(["kill", pid.read_text().strip()], check=False)


@pytest.mark.slow
def test_demo_server_script_and_demo_check_from_a_chinese_folder(in_tmp: Path, small_demo: Path) -> None:
    """What `make run-check` does: seed and start the demo server, point the profile at it, then
    the app signs in as the demo officer headless and syncs once."""
    shutil.copytree(small_demo, in_tmp / "济南 演示" / "profile")
    env = _script_env(_free_port())
    try:
        started = subprocess.run(["bash", str(REPO / "tools" / "demo_server.sh")], cwd=in_tmp, env=env,
                                 capture_output=True, text=True, timeout=300)
        assert started.returncode == 0, started.stdout + started.stderr
        assert "Sync server started" in started.stdout and (in_tmp / ".demo" / "server.db").exists()
        check = subprocess.run(
            [sys.executable, "-m", "inspector_app", "--data-dir", "济南 演示/profile", "demo-check",
             "--screenshot", "屏幕 截图.png"], cwd=in_tmp, env=env, capture_output=True, text=True, timeout=300)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "signed in" in check.stdout and "synced" in check.stdout and "李强" in check.stdout
        assert (in_tmp / "屏幕 截图.png").stat().st_size > 0
    finally:
        _stop(in_tmp)
    # With the server gone the check fails with a sentence, not a traceback.
    failed = subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", "济南 演示/profile",
                             "demo-check"], cwd=in_tmp, env=env, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1 and "FAIL" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr


def test_demo_server_script_reports_a_failed_seed_in_one_line(in_tmp: Path) -> None:
    env = {**_script_env(_free_port()), "DEMO_DIR": "没有 演示"}
    result = subprocess.run(["bash", str(REPO / "tools" / "demo_server.sh")], cwd=in_tmp, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Demo sync server: seeding failed" in result.stderr and "no app profile database" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (in_tmp / ".demo" / "server.db").exists()  # the next run seeds again

import subprocess
import sys
from pathlib import Path

from inspector_app.cli import main


def test_demo_command_creates_a_profile_and_prints_accounts(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--data-dir", str(tmp_path / "p"), "--units", "50", "--today", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "50 units" in out and "liqiang" in out and "Jinan@2026" in out
    assert main(["demo", "--data-dir", str(tmp_path / "p"), "--if-missing"]) == 0
    assert "already present" in capsys.readouterr().out


def test_verify_audit_command(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["demo", "--data-dir", str(tmp_path / "p"), "--units", "20"])
    assert main(["verify-audit", "--data-dir", str(tmp_path / "p")]) == 0
    assert "intact" in capsys.readouterr().out


def test_bad_data_file_exits_with_a_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "inspector.sqlite").write_text("not a database" * 20)
    assert main(["verify-audit", "--data-dir", str(tmp_path / "p")]) == 2
    assert "not an inspector database" in capsys.readouterr().err


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "inspector_app", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "demo" in result.stdout


def test_backup_and_restore_commands(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = str(tmp_path / "p")
    main(["demo", "--data-dir", profile, "--units", "20"])
    assert main(["backup", "--data-dir", profile]) == 0
    assert "Backup written" in capsys.readouterr().out
    assert main(["restore", "--data-dir", profile]) == 0
    listing = capsys.readouterr().out
    backup = next(line.strip() for line in listing.splitlines() if line.strip().endswith(".sqlite"))
    assert main(["restore", "--data-dir", profile, backup]) == 0
    assert "kept as" in capsys.readouterr().out


def test_smoke_command_checks_a_fresh_folder(tmp_path: Path) -> None:
    """The self-check the packaged build runs (`make package-test`), here on the source tree."""
    folder = tmp_path / "smoke"
    result = subprocess.run([sys.executable, "-m", "inspector_app", "smoke", "--data-dir", str(folder)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-check passed." in result.stdout and "map page (QtWebEngine, offline)" in result.stdout
    assert (folder / "smoke-notice.pdf").read_bytes().startswith(b"%PDF")
    again = subprocess.run([sys.executable, "-m", "inspector_app", "smoke", "--data-dir", str(folder)],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "already holds data" in again.stderr

"""Where a profile lives, without loading the storage libraries: the command line and the
start of the desktop app need this before anything heavy is imported."""

from __future__ import annotations

from pathlib import Path

from inspector_app.storage.paths import ProfilePaths, default_data_dir


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """``--data-dir`` if given, else ``INSPECTOR_DATA_DIR``, else the platform data folder;
    always absolute (``~`` expanded), so a relative path typed on the command line means the
    same folder to every later step (SQLite URIs, child processes, the settings file)."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    return folder.expanduser().absolute()


def profile_paths(data_dir: Path) -> ProfilePaths:
    """The files of the profile in ``data_dir``."""
    return ProfilePaths(data_dir)

"""Backing up and restoring the profile database."""

from __future__ import annotations

from pathlib import Path

from inspector_app.services.session import Session
from inspector_app.storage import backups


def make_daily_backup(session: Session, folder: Path | None = None, keep: int = 14) -> Path | None:
    """Today's backup copy (once a day), in ``folder`` or the profile's backups folder."""
    return backups.daily_backup(
        session.store, folder or session.store.paths.backups, session.today(), keep
    )


def check_backup_folder(folder: str) -> Path:
    """The folder chosen in Settings, checked: absolute, created if missing and writable
    (raises a UserError saying what to do otherwise)."""
    return backups.check_folder(Path(folder).expanduser())


def restore_from_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the profile database by a checked backup; returns the safety copy made first."""
    return backups.restore_backup(data_dir, backup)


def available_backups(data_dir: Path, folder: Path | None = None) -> list[Path]:
    """Backup files, newest first."""
    return backups.list_backups(folder or data_dir / "backups")

"""Backing up and restoring the profile database."""

from __future__ import annotations

from pathlib import Path

from inspector_app.domain.errors import UserError
from inspector_app.domain.progress import Progress
from inspector_app.services.session import Session
from inspector_app.storage import backups, salvage
from inspector_app.storage import errors as storage_errors
from inspector_app.storage.errors import DamagedDatabase
from inspector_app.storage.health import Health, check_health
from inspector_app.storage.salvage import SalvageReport

# DamagedDatabase and SalvageReport are re-exported: the UI names them but may not import storage.
__all__ = [
    "DamagedDatabase",
    "Health",
    "SalvageReport",
    "available_backups",
    "check_backup_folder",
    "check_profile",
    "make_daily_backup",
    "newest_backup",
    "restore_from_backup",
    "salvage_damaged_profile",
    "writing_stopped",
]


def make_daily_backup(session: Session, folder: Path | None = None, keep: int = 14) -> Path | None:
    """Today's backup copy (once a day), in ``folder`` or the profile's backups folder."""
    return backups.daily_backup(
        session.store, folder or session.store.paths.backups, session.today(), keep
    )


def check_backup_folder(folder: str) -> Path:
    """The folder chosen in Settings, checked: absolute, created if missing and writable
    (raises a UserError saying what to do otherwise)."""
    return backups.check_folder(Path(folder).expanduser())


def restore_from_backup(data_dir: Path, backup: Path) -> Path | None:
    """Replace the profile database by a checked backup, whatever state it is in (damaged or
    empty ones are moved aside, never opened); returns where the replaced one was kept."""
    return backups.restore_backup(data_dir, backup)


def available_backups(data_dir: Path, folder: Path | None = None) -> list[Path]:
    """Backup files, newest first."""
    return backups.list_backups(folder or data_dir / "backups")


def salvage_damaged_profile(data_dir: Path, progress: Progress | None = None) -> SalvageReport:
    """Copy every readable row of the profile's damaged database into a fresh one (the damaged
    file is kept beside it); returns what was copied and what was lost."""
    return salvage.salvage_profile(data_dir, progress)


def newest_backup(data_dir: Path, folder: Path | None = None) -> Path | None:
    """The newest backup that passes its check, from ``folder`` and the profile's own backups
    folder (None when there is none)."""
    folders = [data_dir / "backups", *([folder] if folder else [])]
    files = sorted((f for d in folders for f in backups.list_backups(d)),
                   key=lambda f: f.stat().st_mtime, reverse=True)
    for candidate in files:
        try:
            backups.inspect_backup(candidate)
        except UserError:
            continue
        return candidate
    return None


def check_profile(session: Session) -> Health:
    """The full damage check of the open profile (run in the background after sign-in): on
    damage the profile stops saving anything and the problems are returned."""
    return check_health(session.store, session.today())


def writing_stopped(session: Session) -> DamagedDatabase | None:
    """Why the profile no longer saves anything (its damage), or None while it does."""
    store = session.store
    return None if store.damage is None else storage_errors.writing_stopped(str(store.paths.database), store.damage)

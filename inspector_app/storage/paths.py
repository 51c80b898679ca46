"""Where a profile's files live: the database, attachments, logs, backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "INSPECTOR_DATA_DIR"


def default_data_dir() -> Path:
    """The profile folder: ``INSPECTOR_DATA_DIR`` if set, else the platform data directory."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("inspector-app", "JinanCityManagement")) / "profile"


@dataclass(frozen=True)
class ProfilePaths:
    """The files of one profile (one device set up for one squad)."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "inspector.sqlite"

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

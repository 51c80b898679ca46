"""Problems with the local database or data folder, phrased for the user."""

from __future__ import annotations

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP


class StorageError(UserError):
    """The data folder or database cannot be used; nothing in it was changed."""


def not_sqlite(path: str) -> StorageError:
    """The data file exists but is not an SQLite database."""
    return StorageError(
        QT_TRANSLATE_NOOP("errors", "The data file {path} is not an inspector database."),
        QT_TRANSLATE_NOOP(
            "errors",
            "It was left untouched. Choose another data folder with --data-dir, or move the "
            "file away and restore a backup.",
        ),
        path=path,
    )


def corrupt(path: str, detail: str) -> StorageError:
    """The database file is damaged."""
    return StorageError(
        QT_TRANSLATE_NOOP("errors", "The database {path} is damaged ({detail})."),
        QT_TRANSLATE_NOOP(
            "errors",
            "It was left untouched. Restore the newest copy from the backups folder next to it, "
            "or ask the administrator for help.",
        ),
        path=path,
        detail=detail,
    )


def too_new(path: str, found: int, supported: int) -> StorageError:
    """The database was written by a newer app version."""
    return StorageError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database {path} was made by a newer version of the app (schema {found}; this "
            "version understands up to {supported}).",
        ),
        QT_TRANSLATE_NOOP(
            "errors", "It was left untouched. Install the newest version of the app to open it."
        ),
        path=path,
        found=found,
        supported=supported,
    )


def read_only(path: str) -> StorageError:
    """The data folder or file cannot be written."""
    return StorageError(
        QT_TRANSLATE_NOOP("errors", "The data folder {path} cannot be written to."),
        QT_TRANSLATE_NOOP(
            "errors",
            "Nothing was changed. Check the folder's permissions and free disk space, or start "
            "the app with --data-dir pointing to a writable folder.",
        ),
        path=path,
    )


def no_access(path: str) -> StorageError:
    """The data folder or file cannot even be read."""
    return StorageError(
        QT_TRANSLATE_NOOP("errors", "The data folder {path} cannot be read."),
        QT_TRANSLATE_NOOP(
            "errors",
            "Nothing was changed. Check the folder's permissions, or start the app with "
            "--data-dir pointing to your own folder.",
        ),
        path=path,
    )


def disk_full(path: str) -> StorageError:
    """The disk holding ``path`` has no space left (ENOSPC, or SQLite's "disk is full")."""
    return StorageError(
        QT_TRANSLATE_NOOP("errors", "The disk holding {path} is full."),
        QT_TRANSLATE_NOOP(
            "errors",
            "Nothing was changed. Free some space on it (delete old exports or copies, empty "
            "the recycle bin), or choose another folder, then try again.",
        ),
        path=path,
    )


class DamagedDatabase(StorageError):
    """The profile's database file is damaged, empty or not this app's: it can be restored
    from a backup or salvaged (``inspector-app restore`` / ``salvage``), never reused as it is."""


_DAMAGED_HINT = QT_TRANSLATE_NOOP(
    "errors",
    "It was left untouched. Restore a copy from the backups folder (inspector-app restore), "
    "or copy out what can still be read "
    "(inspector-app salvage); or start the app with --data-dir pointing to another folder.",
)


def damaged_profile(error: StorageError) -> DamagedDatabase:
    """``error`` (from :func:`corrupt` or :func:`not_sqlite`) for the profile's own database,
    with a hint that names restore and salvage."""
    return DamagedDatabase(error.message, _DAMAGED_HINT, **error.params)


def empty_database(path: str) -> DamagedDatabase:
    """The profile's database file is there but holds nothing (0 bytes)."""
    return DamagedDatabase(
        QT_TRANSLATE_NOOP(
            "errors", "The data file {path} is empty (0 bytes): the profile's records are not in it."
        ),
        _DAMAGED_HINT,
        path=path,
    )


def foreign_database(path: str) -> DamagedDatabase:
    """The file is an SQLite database, but another program's."""
    return DamagedDatabase(
        QT_TRANSLATE_NOOP(
            "errors", "The data file {path} is a database of another program, not of this app."
        ),
        _DAMAGED_HINT,
        path=path,
    )


def writing_stopped(path: str, detail: str) -> DamagedDatabase:
    """The background check found damage in the open profile: nothing more is written.
    ``detail`` (SQLite's English words) goes to the log, not into the message."""
    return DamagedDatabase(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database {path} is damaged. To keep new records out of a damaged "
            "file, nothing more is saved.",
        ),
        QT_TRANSLATE_NOOP(
            "errors",
            "Your records can still be viewed. Restore the newest backup or salvage the readable "
            "records (the app offers both), then sign in again.",
        ),
        path=path,
        detail=detail,
    )


def backup_of_damaged(path: str, detail: str) -> DamagedDatabase:
    """A backup was asked of a damaged database: the copy would carry the damage."""
    return DamagedDatabase(
        QT_TRANSLATE_NOOP(
            "errors",
            "No backup was made: the database {path} is damaged, and a copy of it "
            "would be damaged too.",
        ),
        QT_TRANSLATE_NOOP(
            "errors",
            "The earlier backups were kept. Restore the newest of them or salvage the readable "
            "records.",
        ),
        path=path,
        detail=detail,
    )

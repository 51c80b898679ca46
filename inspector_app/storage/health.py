"""The full damage check of an open profile, run in the background after sign-in.

Opening reads only one page of each table (fast, and enough for a lost schema or an empty
file); a page zeroed in the middle of a table or an index is found only by SQLite's own
checks. ``quick_check`` (every page, no cross-check of indexes against rows) runs each start;
the slower ``integrity_check`` once a week, its date kept in ``meta``. A failure puts the store
in read-only mode (see :meth:`Store.stop_writing`): new records must not go into a damaged file,
where they could be lost with it.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from inspector_app.storage.database import Store
from inspector_app.storage.meta import get_meta, set_meta

log = logging.getLogger(__name__)

INTEGRITY_EVERY = timedelta(days=7)
INTEGRITY_KEY = "integrity_checked_on"
_MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Health:
    """What the check found: ``problems`` is empty when the database is sound."""

    check: str  # "quick_check" or "integrity_check"
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the database passed."""
        return not self.problems


def _run(store: Store, pragma: str) -> tuple[str, ...]:
    # A fresh read-only connection: the check must not share a connection that another
    # thread is writing with, and must not itself write.
    uri = f"{store.paths.database.absolute().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        rows = conn.execute(f"PRAGMA {pragma}({_MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        return (str(exc),)
    finally:
        conn.close()
    found = tuple(str(r[0]) for r in rows)
    return () if found == ("ok",) else found


def integrity_due(store: Store, today: date) -> bool:
    """Whether the weekly ``integrity_check`` is due (never ran, or a week or more ago)."""
    try:
        last = get_meta(store.db, INTEGRITY_KEY)
    except sqlite3.DatabaseError:
        return True
    if not last:
        return True
    try:
        return today - date.fromisoformat(last) >= INTEGRITY_EVERY
    except ValueError:
        return True


def check_health(store: Store, today: date) -> Health:
    """Check the whole database (``integrity_check`` when a week has passed, else
    ``quick_check``). On damage the store stops writing and the damage is returned; on a
    passed weekly check its date is remembered."""
    pragma = "integrity_check" if integrity_due(store, today) else "quick_check"
    problems = _run(store, pragma)
    if problems:
        log.error("%s found damage; writing stopped: %s", pragma, "; ".join(problems))
        store.stop_writing(problems[0])
    elif pragma == "integrity_check":
        with store.transaction() as db:
            set_meta(db, INTEGRITY_KEY, today.isoformat())
    return Health(pragma, problems)

"""Evidence photo records: which blob is the stamped copy, which the original, and what they
belong to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, Recorder, register_entity

register_entity(EntitySpec("photo"))


def attach_photos(recorder: Recorder, photo_ids: Sequence[str], owner_entity: str, owner_id: str) -> None:
    """Mark photos as evidence of a record (inside the record's transaction)."""
    for photo_id in photo_ids:
        recorder.patch("photo", photo_id, {"owner_entity": owner_entity, "owner_id": owner_id})


def photo_rows(db: sqlite_utils.Database, photo_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Photo records in the order asked for (missing ids are skipped)."""
    if not photo_ids:
        return []
    marks = ",".join("?" * len(photo_ids))
    cursor = db.execute(f"SELECT * FROM photo WHERE id IN ({marks})", list(photo_ids))
    names = [d[0] for d in cursor.description]
    found = {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}
    return [found[i] for i in photo_ids if i in found]

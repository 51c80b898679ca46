"""Taking evidence photos into the profile.

``store_photo`` checks the file, keeps the original untouched, makes the stamped copy
(long side ≤ ``session.photo_long_side``, 2048 px unless Settings say otherwise;
time/officer/place/coordinates written on it), stores both as blobs by sha256 and
writes a ``photo`` record. Callers put the returned photo id on their own record (inspection,
check, violation) and call :func:`attach_photos` inside their own operation. Always run it off
the UI thread: a photo takes a few hundred milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.roles import Permission
from inspector_app.photos.evidence import (
    MAX_SIDE,
    StampText,
    open_photo,
    stamp_photo,
    thumbnail_png,
)
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage.blobs import register_blob
from inspector_app.storage.photos import photo_rows


@dataclass(frozen=True)
class EvidenceStamp:
    """What is written on the photo: when, who, where."""

    taken_at: datetime
    officer: str
    badge_no: str
    place: str
    lat: float | None = None
    lon: float | None = None

    def lines(self) -> tuple[str, ...]:
        """The stamp's text lines (Chinese field practice: time, officer, place, position)."""
        local = self.taken_at.astimezone(LOCAL_TZ)
        lines = [f"{local:%Y-%m-%d %H:%M:%S}  {self.officer}（执法证号 {self.badge_no or '—'}）"]
        if self.place:
            lines.append(self.place)
        if self.lat is not None and self.lon is not None:
            lines.append(f"北纬 {self.lat:.5f}°  东经 {self.lon:.5f}°  WGS-84")
        return tuple(lines)


@dataclass(frozen=True)
class StoredPhoto:
    """A photo taken into the profile."""

    photo_id: str
    sha256: str
    original_sha256: str
    width: int
    height: int


def stamp_for(session: Session, place: str, lat: float | None, lon: float | None) -> EvidenceStamp:
    """A stamp for the signed-in officer, now."""
    return EvidenceStamp(session.now(), session.actor.name, session.actor.badge_no, place, lat, lon)


def store_photo(session: Session, source: Path, stamp: EvidenceStamp) -> StoredPhoto:
    """Check, stamp and store one photo file; raises PhotoError (a UserError) for bad files."""
    session.require(Permission.INSPECT)
    source = Path(source)
    image = open_photo(source)
    processed = stamp_photo(image, StampText(stamp.lines()), session.photo_long_side or MAX_SIDE)
    original_bytes = source.read_bytes()
    original = session.blobs.put_bytes(original_bytes)
    stamped = session.blobs.put_bytes(processed.jpeg)
    mime = image_mime(image.format)
    with session.operation("store_photo", Permission.INSPECT) as op:
        register_blob(op.db, original, len(original_bytes), mime, utc_iso(op.now))
        register_blob(op.db, stamped, len(processed.jpeg), "image/jpeg", utc_iso(op.now))
        photo_id = op.recorder.create(
            "photo",
            {
                "sha256": stamped,
                "original_sha256": original,
                "taken_at": utc_iso(stamp.taken_at),
                "officer_id": session.actor.officer_id,
                "lat": stamp.lat,
                "lon": stamp.lon,
                "place": stamp.place,
                "width": processed.width,
                "height": processed.height,
            },
            blobs=[stamped, original],
        )
    return StoredPhoto(photo_id, stamped, original, processed.width, processed.height)


def image_mime(fmt: str | None) -> str:
    """MIME type for a Pillow format name."""
    return {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(
        fmt or "", "application/octet-stream"
    )


def photo_thumbnails(session: Session, photo_ids: Sequence[str], side: int = 160) -> dict[str, bytes]:
    """PNG thumbnails of stamped photos, by photo id (run off the UI thread)."""
    out: dict[str, bytes] = {}
    for row in photo_rows(session.store.db, photo_ids):
        try:
            out[row["id"]] = thumbnail_png(session.blobs.read(row["sha256"]), side)
        except FileNotFoundError:
            continue  # not downloaded yet on this device
    return out


def photo_file(session: Session, photo_id: str) -> Path | None:
    """Where the stamped copy of a photo is stored on this device."""
    rows = photo_rows(session.store.db, [photo_id])
    return session.blobs.path(rows[0]["sha256"]) if rows else None

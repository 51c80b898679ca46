import json
from pathlib import Path

import pytest

from inspector_app.photos.evidence import PhotoError
from inspector_app.services.photos import photo_thumbnails, stamp_for, store_photo
from inspector_app.services.session import Session
from tests.photo_files import jpeg, truncated_jpeg


def test_original_and_stamped_copy_are_kept(officer_session: Session, tmp_path: Path) -> None:
    source = jpeg(tmp_path / "p.jpg")
    stored = store_photo(officer_session, source, stamp_for(officer_session, "泉城路12号", 36.666, 117.018))
    blobs = officer_session.blobs
    assert blobs.read(stored.original_sha256) == source.read_bytes()
    assert blobs.exists(stored.sha256) and stored.sha256 != stored.original_sha256
    assert (stored.width, stored.height) == (2048, 1536)
    op = officer_session.store.db.execute("SELECT entity, blobs FROM outbox ORDER BY seq DESC").fetchone()
    assert op[0] == "photo" and set(json.loads(op[1])) == {stored.sha256, stored.original_sha256}
    assert photo_thumbnails(officer_session, [stored.photo_id])[stored.photo_id].startswith(b"\x89PNG")


def test_the_same_photo_twice_is_stored_once(officer_session: Session, tmp_path: Path) -> None:
    source = jpeg(tmp_path / "p.jpg", (1000, 800))
    stamp = stamp_for(officer_session, "", None, None)
    a = store_photo(officer_session, source, stamp)
    b = store_photo(officer_session, source, stamp)
    assert a.original_sha256 == b.original_sha256 and a.sha256 == b.sha256
    count = officer_session.store.db.execute("SELECT count(*) FROM blob").fetchone()[0]
    assert count == 2


def test_bad_photo_stores_nothing(officer_session: Session, tmp_path: Path) -> None:
    db = officer_session.store.db
    before = db.execute("SELECT (SELECT count(*) FROM photo), (SELECT count(*) FROM outbox)").fetchone()
    with pytest.raises(PhotoError):
        store_photo(officer_session, truncated_jpeg(tmp_path / "t.jpg"), stamp_for(officer_session, "", None, None))
    assert db.execute("SELECT (SELECT count(*) FROM photo), (SELECT count(*) FROM outbox)").fetchone() == before
    assert not (officer_session.store.paths.blobs).exists() or not any(
        p.is_file() for p in officer_session.store.paths.blobs.rglob("*")
    )


def test_stamp_lines_are_chinese_local_time(officer_session: Session) -> None:
    lines = stamp_for(officer_session, "济南市历下区泉城路12号", 36.666, 117.018).lines()
    assert lines[0].startswith("2026-11-20 10:00:00  李强（执法证号 370102")
    assert lines[2] == "北纬 36.66600°  东经 117.01800°  WGS-84"

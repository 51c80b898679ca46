import hashlib
from pathlib import Path

from inspector_app.storage.blobs import BlobStore


def test_identical_content_is_stored_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = b"\xff\xd8 photo bytes" * 100
    first = store.put_bytes(data)
    second = store.put_bytes(data)
    assert first == second == hashlib.sha256(data).hexdigest()
    files = [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
    assert len(files) == 1 and store.read(first) == data


def test_put_file_leaves_no_temporary_files(tmp_path: Path) -> None:
    source = tmp_path / "signature.png"
    source.write_bytes(b"png")
    store = BlobStore(tmp_path / "blobs")
    digest = store.put_file(source)
    assert store.exists(digest)
    assert not list((tmp_path / "blobs").rglob(".incoming-*"))

from pathlib import Path

import pytest
from PIL import Image

from inspector_app.photos.evidence import PhotoError, StampText, open_photo, stamp_photo
from tests.photo_files import jpeg, truncated_jpeg


def test_resized_to_2048_and_stamped(tmp_path: Path) -> None:
    image = open_photo(jpeg(tmp_path / "a.jpg"))
    out = stamp_photo(image, StampText(("2026-11-20 10:00 李强", "泉城路12号", "北纬 36.66600°")))
    assert (out.width, out.height) == (2048, 1536)
    stamped = Image.open(__import__("io").BytesIO(out.jpeg))
    # The stamp darkens the bottom band; the top stays as photographed.
    assert sum(stamped.getpixel((1000, 1530))) < sum(stamped.getpixel((1000, 10)))


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    out = stamp_photo(open_photo(jpeg(tmp_path / "r.jpg", (1600, 1200), orientation=6)), StampText(("x",)))
    assert (out.width, out.height) == (1200, 1600)


def test_small_photo_is_not_enlarged(tmp_path: Path) -> None:
    out = stamp_photo(open_photo(jpeg(tmp_path / "s.jpg", (800, 600))), StampText(("x",)))
    assert (out.width, out.height) == (800, 600)


def test_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("这不是照片")
    with pytest.raises(PhotoError) as info:
        open_photo(path)
    assert "not a photo" in info.value.render() and "Choose another photo" in info.value.render()


def test_truncated_jpeg(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="damaged or incomplete"):
        open_photo(truncated_jpeg(tmp_path / "cut.jpg"))


def test_80_mb_image_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "scan.bmp"
    Image.new("RGB", (5300, 5300), (255, 255, 255)).save(path, "BMP")
    assert path.stat().st_size > 80 * 1024 * 1024
    with pytest.raises(PhotoError) as info:
        open_photo(path)
    assert info.value.params["limit"] == 50 and info.value.params["mb"] >= 80

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


def test_a_15000_by_15000_png_is_refused_from_its_header(tmp_path: Path) -> None:
    # 225 Mpx: over the 120 Mpx limit but under Pillow's own error threshold (240 Mpx), where
    # Pillow only warns; it used to be decoded (18 s, 2.6 GB).
    import time

    from tests.photo_files import png_header_only

    path = png_header_only(tmp_path / "scan.png", 15000, 15000)
    started = time.perf_counter()
    with pytest.raises(PhotoError) as info:
        open_photo(path)
    assert time.perf_counter() - started < 2
    assert info.value.params["width"] == 15000 and info.value.params["mpx"] == 225
    assert "at most 120 million" in info.value.render()


def test_the_limit_is_exact(tmp_path: Path) -> None:
    from PIL import Image

    from inspector_app.photos.evidence import MAX_PIXELS, _check_pixels

    at_limit = Image.new("1", (12000, 10000))
    assert at_limit.size[0] * at_limit.size[1] == MAX_PIXELS
    _check_pixels(tmp_path / "ok.png", at_limit)  # exactly the limit is allowed
    with pytest.raises(PhotoError):
        _check_pixels(tmp_path / "big.png", Image.new("1", (12001, 10000)))

"""Evidence photos (取证照片): checked, upright, resized so the long side is at most 2048 px,
and stamped with when, who, where and the coordinates (the 水印 Chinese enforcement practice
uses). The original file is kept unchanged beside the stamped copy by the caller.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

log = logging.getLogger(__name__)

MAX_SIDE = 2048  # the default long side (Settings can choose another)
# Beyond this a file is not a field photo (a camera JPEG is 2-15 MB); refusing it keeps an
# officer's laptop from stalling on a panorama or a scan and says what to do instead.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 120_000_000
JPEG_QUALITY = 85

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class PhotoError(UserError):
    """A file that cannot be used as an evidence photo."""


@dataclass(frozen=True)
class StampText:
    """The lines written onto the photo."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class ProcessedPhoto:
    """The stamped JPEG and its size."""

    jpeg: bytes
    width: int
    height: int


def _refuse(path: Path, message: str, **params: object) -> PhotoError:
    return PhotoError(
        message,
        QT_TRANSLATE_NOOP(
            "errors", "Nothing was added. Choose another photo or take the picture again."
        ),
        name=path.name,
        **params,
    )


def _too_many_pixels(path: Path, size: tuple[int, int] | None) -> PhotoError:
    if size is None:
        return _refuse(path, QT_TRANSLATE_NOOP(
            "errors", "The photo {name} has too many pixels to be a field photo."))
    width, height = size
    return _refuse(
        path,
        QT_TRANSLATE_NOOP(
            "errors",
            "The photo {name} has {width}×{height} pixels ({mpx} million); evidence photos may "
            "have at most {limit} million.",
        ),
        width=width, height=height, mpx=round(width * height / 1_000_000),
        limit=MAX_PIXELS // 1_000_000,
    )


def _check_pixels(path: Path, image: Image.Image) -> None:
    """Refuse an image over :data:`MAX_PIXELS` from its header, before anything is decoded
    (a 15000×15000 PNG took 18 s and 2.6 GB to decode)."""
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_many_pixels(path, (width, height))


def open_photo(path: Path) -> Image.Image:
    """Open and fully decode an image file, or raise :class:`PhotoError` saying why not."""
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(path, QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read.")) from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "errors",
                "The file {name} is {mb} MB; evidence photos may be at most {limit} MB.",
            ),
            mb=round(size / 1024 / 1024),
            limit=MAX_FILE_BYTES // 1024 // 1024,
        )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; the limit is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)  # reads the header only: the size is known, nothing decoded
        _check_pixels(path, image)
        image.load()
    except UnidentifiedImageError:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("errors", "The file {name} is not a photo (JPEG, PNG, …).")
        ) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels(path, None) from None
    except (OSError, SyntaxError, ValueError) as exc:
        # Pillow's words ("image file is truncated …") go to the log, not to the officer.
        log.info("photo %s cannot be decoded: %s", path, exc)
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "errors",
                "The photo {name} is damaged or incomplete: only part of it is in the file "
                "(it may not have been copied completely from the camera or phone).",
            ),
        ) from None
    return image


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", "gbsn00lp.ttf")), size)


def stamp_photo(image: Image.Image, stamp: StampText, long_side: int = MAX_SIDE) -> ProcessedPhoto:
    """Upright, stamped JPEG of ``image`` whose long side is at most ``long_side`` pixels."""
    image = ImageOps.exif_transpose(image) or image
    image = image.convert("RGB")
    image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    width, height = image.size
    font = _font(max(14, min(width, height) // 30))
    draw = ImageDraw.Draw(image, "RGBA")
    line_h = int(font.size * 1.35)
    box_h = line_h * len(stamp.lines) + line_h // 2
    draw.rectangle((0, height - box_h, width, height), fill=(0, 0, 0, 140))
    y = height - box_h + line_h // 4
    for line in stamp.lines:
        draw.text((line_h // 2, y), line, font=font, fill=(255, 255, 255, 255))
        y += line_h
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return ProcessedPhoto(out.getvalue(), width, height)


def thumbnail_png(data: bytes, side: int = 160) -> bytes:
    """A small PNG preview of an image's bytes."""
    with Image.open(io.BytesIO(data)) as image:
        image.thumbnail((side, side))
        out = io.BytesIO()
        image.convert("RGB").save(out, "PNG")
        return out.getvalue()

"""Real image files for photo tests (made with Pillow, written to a temp folder)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def jpeg(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int | None = None) -> Path:
    """A camera-sized JPEG with some structure in it."""
    image = Image.new("RGB", size, (90, 140, 200))
    for x in range(0, size[0], 97):
        image.paste((200, 80, 60), (x, 0, x + 20, size[1]))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def truncated_jpeg(path: Path) -> Path:
    """A JPEG cut off half-way, as a broken card reader leaves it."""
    jpeg(path, (1200, 900))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that claims ``width``×``height`` pixels (one tiny compressed row of data): what
    a 15000×15000 scan looks like to the header reader, without making 225 Mpx here."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    data = zlib.compress(b"\x00" * (width + 1))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path

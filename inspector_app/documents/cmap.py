"""Which characters a TrueType file draws, read from its ``cmap`` table alone.

reportlab parses a whole face to register it (HanaMinB: 0.6 s and ~50 MB); knowing whether a
party's name can be printed needs only the character map, which this reads in milliseconds.
It picks the subtable the way reportlab's ``TTFontFile`` does (the last Unicode one) and counts
a character only when it maps to a real glyph, so "covered" here means "reportlab draws it".
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP


class FontFileError(ValueError):
    """The file is not a TrueType face this app can embed; the message is the reason, an
    English source string of the "errors" context."""


def _read(fh: BinaryIO, offset: int, size: int) -> bytes:
    fh.seek(offset)
    data = fh.read(size)
    if len(data) != size:
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "the file is cut short"))
    return data


def _tables(fh: BinaryIO) -> dict[bytes, tuple[int, int]]:
    """Table tag → (offset, length) of the first face in the file (a .ttc's face 0)."""
    base = 0
    tag = _read(fh, 0, 4)
    if tag == b"ttcf":
        base = struct.unpack(">I", _read(fh, 12, 4))[0]
        tag = _read(fh, base, 4)
    if tag == b"OTTO":
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "it has PostScript (CFF) outlines; documents need TrueType outlines"))
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "it is not a TrueType font file"))
    count = struct.unpack(">H", _read(fh, base + 4, 2))[0]
    records = _read(fh, base + 12, 16 * count)
    out = {}
    for i in range(count):
        name, _checksum, offset, length = struct.unpack_from(">4sIII", records, 16 * i)
        out[name] = (offset, length)
    return out


def _chosen_subtable(cmap: bytes) -> int:
    """The offset of the subtable reportlab uses: the last of platform 3, platform 0 (not
    encoding 5, variation sequences) or Macintosh Roman's Unicode sibling."""
    count = struct.unpack_from(">H", cmap, 2)[0]
    chosen = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if platform == 3 or (platform == 0 and encoding != 5) or (platform == 1 and encoding == 1):
            chosen = offset
    if chosen is None:
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "it has no Unicode character map"))
    return chosen


def _format4(table: bytes, at: int) -> set[int]:
    length = struct.unpack_from(">H", table, at + 2)[0]
    limit = at + length
    segments = struct.unpack_from(">H", table, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, at + 14)
    starts = struct.unpack_from(f">{segments}H", table, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", table, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", table, range_at)
    out: set[int] = set()
    for n in range(segments):
        start, end, delta, offset = starts[n], ends[n], deltas[n], offsets[n]
        if offset == 0:
            out.update(c for c in range(start, end + 1) if (c + delta) & 0xFFFF)
            continue
        for c in range(start, end + 1):
            where = range_at + 2 * n + offset + 2 * (c - start)
            glyph = struct.unpack_from(">H", table, where)[0] if where + 2 <= limit else 0
            if glyph and (glyph + delta) & 0xFFFF:
                out.add(c)
    return out


def _format12(table: bytes, at: int, constant: bool) -> set[int]:
    groups = struct.unpack_from(">I", table, at + 12)[0]
    out: set[int] = set()
    for start, end, glyph in struct.iter_unpack(">III", table[at + 16 : at + 16 + 12 * groups]):
        if constant:
            if glyph:
                out.update(range(start, end + 1))
        else:
            out.update(range(start if glyph else start + 1, end + 1))
    return out


def code_points(path: Path) -> frozenset[int]:
    """The characters ``path`` draws with a real glyph; FontFileError says why it cannot be
    used (not TrueType, CFF outlines, no Unicode map, an unknown map format)."""
    try:
        with path.open("rb") as fh:
            tables = _tables(fh)
            if b"glyf" not in tables:
                raise FontFileError(QT_TRANSLATE_NOOP("errors", "it has no TrueType outlines (glyf table)"))
            if b"cmap" not in tables:
                raise FontFileError(QT_TRANSLATE_NOOP("errors", "it has no Unicode character map"))
            offset, length = tables[b"cmap"]
            cmap = _read(fh, offset, length)
    except FileNotFoundError:
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "the file does not exist (moved or deleted?)")) from None
    except OSError:
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "the file cannot be read")) from None
    try:
        at = _chosen_subtable(cmap)
        fmt = struct.unpack_from(">H", cmap, at)[0]
        if fmt == 4:
            chars = _format4(cmap, at) - {0xFFFF}
        elif fmt in (12, 13):
            chars = _format12(cmap, at, constant=fmt == 13)
        else:
            raise FontFileError(QT_TRANSLATE_NOOP("errors", "its character map has a format documents cannot use"))
    except struct.error:
        raise FontFileError(QT_TRANSLATE_NOOP("errors", "its character map is damaged")) from None
    if chars & {0x20, 0xA0}:
        chars |= {0x20, 0xA0}  # reportlab draws each of them with the other's glyph
    return frozenset(chars)

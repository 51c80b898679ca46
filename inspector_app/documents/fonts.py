"""Fonts for official documents: a TrueType Chinese face embedded (subset) in every PDF.

The default is the free Song face shipped in resources/fonts (AR PL SungtiL GB, Arphic Public
License). GB/T 9704 prescribes FangSong for body text; those faces are licensed, so an office
may point :func:`use_office_fonts` at its own licensed TrueType files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

BODY = "DocBody"
TITLE = "DocTitle"
_registered: dict[str, Path] = {}


def _register(name: str, path: Path) -> None:
    if _registered.get(name) == path:
        return
    try:
        font = TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(name, str(path))
    except Exception as exc:  # reportlab raises plain TTFError/AssertionError for bad files
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The font file {path} cannot be used for documents ({detail})."),
            QT_TRANSLATE_NOOP(
                "errors", "Choose a TrueType (.ttf) font in the settings, or remove the setting to use the built-in font."
            ),
            path=str(path),
            detail=str(exc),
        ) from None
    pdfmetrics.registerFont(font)
    _registered[name] = path


@cache
def _default() -> Path:
    return resource_path("fonts", "gbsn00lp.ttf")


def ensure_fonts() -> None:
    """Register the document fonts (once; the office's own files if set)."""
    if BODY not in _registered:
        _register(BODY, _default())
    if TITLE not in _registered:
        _register(TITLE, _default())


def title_face() -> str:
    """The face for titles and headings: TITLE when an office gave its own title file, else
    the body face itself (the same file registered twice would be embedded twice)."""
    ensure_fonts()
    return TITLE if _registered[TITLE] != _registered[BODY] else BODY


def use_office_fonts(body: Path | None, title: Path | None = None) -> None:
    """Use an office's own licensed TrueType files (e.g. FangSong_GB2312 for the body)."""
    _register(BODY, body or _default())
    _register(TITLE, title or body or _default())


def has_glyph(char: str, font: str = BODY) -> bool:
    """Whether the body font can draw ``char``."""
    ensure_fonts()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return ord(char) in face.charToGlyph


FALLBACK = "DocRare"
# Rare characters (CJK Extension A/B: 𠮷, 䶮, 㵘 …) are missing from GB2312-era faces. A face
# that has them is used for just those characters: one shipped in resources/fonts, or Debian's
# fonts-hanazono (installed by tools/system_deps.sh).
FALLBACK_CANDIDATES = (
    "HanaMinA.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
)


@cache
def fallback_font() -> str | None:
    """The registered name of the rare-character face, or None if there is none."""
    for candidate in FALLBACK_CANDIDATES:
        path = Path(candidate) if candidate.startswith("/") else resource_path("fonts", candidate)
        if path.exists():
            _register(FALLBACK, path)
            return FALLBACK
    return None


@cache
def _body_cmap() -> frozenset[int]:
    ensure_fonts()
    return frozenset(pdfmetrics.getFont(BODY).face.charToGlyph)  # type: ignore[attr-defined]


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the body face cannot draw (spaces and line breaks excepted)."""
    cmap = _body_cmap()
    return {c for c in text if ord(c) not in cmap and not c.isspace()}


def _utf16_hex(code_point: int) -> str:
    return "".join(f"{unit:04X}" for unit in _utf16_units(code_point))


def _utf16_units(code_point: int) -> tuple[int, ...]:
    if code_point < 0x10000:
        return (code_point,)
    v = code_point - 0x10000
    return (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with characters beyond the BMP (𠮷) written as UTF-16
    surrogate pairs, as the PDF reference requires; reportlab writes them as 5 hex digits and
    text extraction (pdftotext, search, copy) then returns the wrong character."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)],
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def _patch_reportlab() -> None:
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


_patch_reportlab()

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


def use_office_fonts(body: Path | None, title: Path | None = None) -> None:
    """Use an office's own licensed TrueType files (e.g. FangSong_GB2312 for the body)."""
    _register(BODY, body or _default())
    _register(TITLE, title or body or _default())


def has_glyph(char: str, font: str = BODY) -> bool:
    """Whether the body font can draw ``char``."""
    ensure_fonts()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return ord(char) in face.charToGlyph

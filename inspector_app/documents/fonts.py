"""Fonts for official documents: a TrueType Chinese face embedded (subset) in every PDF, and
faces for the rare characters it lacks, each used for just those characters.

GB/T 9704 prescribes 仿宋 for the body and 小标宋 for titles. The shipped faces are free ones
with the same square em (so the 28 × 22 grid holds): Fandol Fang for the body and Fandol Song
Bold for titles (resources/fonts, GPL with the font exception, converted to TrueType by
tools/make_fandol_faces.py). An office may point :func:`use_office_fonts` at its own licensed
TrueType files (FangSong_GB2312, FZXiaoBiaoSong) in Settings. A title character the title face
lacks is drawn by the body face (:func:`font_runs` with ``first=TITLE``). Characters the body face
lacks come from HanaMin A and B (GlyphWiki; Hanazono Font License or SIL OFL), which a packaged
build carries, then from faces added in Settings (:func:`use_added_faces`). Which face draws
what is documents/coverage.py; documents are checked with it before they are numbered
(documents/printable.py). A face is registered with reportlab only when a document uses it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.documents.coverage import (
    BODY,
    TITLE,
    body_face,
    body_file,
    default_body,
    default_title,
    rare_faces,
    read_face,
    set_added_faces,
    set_body_file,
    title_chars,
    title_file,
)
from inspector_app.domain.errors import UserError
from inspector_app.domain.glyphs import NOT_DRAWN, Face, is_invisible
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

__all__ = ["BODY", "TITLE", "check_face", "ensure_fonts", "font_runs", "title_face", "use_added_faces",
           "use_office_fonts"]
_registered: dict[str, Path] = {}
_register_lock = threading.Lock()


def _load(path: Path, name: str) -> TTFont:
    """The face as reportlab embeds it; a UserError names a file it cannot use."""
    try:
        return TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(name, str(path))
    except Exception as exc:  # reportlab raises plain TTFError/AssertionError for bad files
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The font file {path} cannot be used for documents ({detail})."),
            QT_TRANSLATE_NOOP(
                "errors", "Choose a TrueType (.ttf) font in the settings, or remove the setting to use the built-in font."
            ),
            path=str(path),
            detail=str(exc),
        ) from None


def _register(name: str, path: Path) -> None:
    with _register_lock:
        if _registered.get(name) == path:
            return
        pdfmetrics.registerFont(_load(path, name))
        _registered[name] = path


def ensure_fonts() -> None:
    """Register the document fonts (once; the office's own files if set)."""
    if BODY not in _registered:
        _register(BODY, body_file())
    if TITLE not in _registered:
        _register(TITLE, title_file())


def title_face() -> str:
    """The face for the 版头, titles and headings: TITLE, unless it is the body's own file
    (the same file registered twice would be embedded twice)."""
    ensure_fonts()
    return TITLE if _registered[TITLE] != _registered[BODY] else BODY


def use_office_fonts(body: Path | None, title: Path | None = None) -> None:
    """Use an office's own licensed TrueType files (e.g. FangSong_GB2312 for the body,
    FZXiaoBiaoSong for titles); None keeps the shipped face for that part. A file that
    cannot be used raises a UserError naming it, and nothing changes."""
    targets = {BODY: body or default_body(), TITLE: title or default_title()}
    faces = {name: _load(path, name) for name, path in targets.items() if _registered.get(name) != path}
    set_body_file(body, title)
    with _register_lock:
        for name, face in faces.items():
            pdfmetrics.registerFont(face)
            _registered[name] = targets[name]


def check_face(path: Path) -> Face:
    """The face in ``path`` loaded the way a document will load it (reportlab refuses some
    files whose character map reads fine, e.g. one with damaged outlines): what it draws, or
    a UserError naming the file and why."""
    face = read_face(path.stem, path, "added")
    _load(path, path.stem)
    return face


def use_added_faces(paths: Sequence[Path]) -> tuple[Face, ...]:
    """Use these TrueType files too, after the shipped faces, for characters no other face
    draws; returns every rare-character face now in use. A file that cannot be used raises a
    UserError naming it, and nothing changes."""
    set_added_faces([read_face(f"DocAdded{n}", Path(p), "added") for n, p in enumerate(paths, 1)])
    return rare_faces()


def face_for(char: str) -> str | None:
    """The registered name of the first face that draws ``char`` (registering it with
    reportlab the first time), or None when none does."""
    if body_face().draws(char):
        return BODY
    for face in rare_faces():
        if face.draws(char):
            _register(face.name, face.path)
            return face.name
    return None


def _not_drawn(char: str) -> str:
    raise UserError(NOT_DRAWN, char=char, code=f"U+{ord(char):04X}")


def font_runs(text: str, first: str = BODY) -> list[tuple[str, str]]:
    """``text`` cut into runs of one face each: (registered face name, characters), trying
    ``first`` (BODY, or TITLE for titles), then the body face, then the rare-character faces.
    Spaces and line breaks belong to ``first``; format characters and variation selectors,
    which no face draws, are left out. A character no face draws raises a UserError (documents
    are checked before they are numbered; this stops a re-render where a face is missing)."""
    if first == TITLE and title_face() == BODY:
        first = BODY
    own = body_face().chars if first == BODY else title_chars()
    if all(ord(c) in own for c in text):
        return [(first, text)] if text else []
    body = body_face().chars
    runs: list[tuple[str, list[str]]] = []
    for char in text:
        if ord(char) in own or char.isspace():
            name = first  # line breaks too: markup turns them into <br/> outside any <font>
        elif ord(char) in body:
            name = BODY
        elif is_invisible(char):
            continue
        else:
            name = face_for(char) or _not_drawn(char)
        if runs and runs[-1][0] == name:
            runs[-1][1].append(char)
        else:
            runs.append((name, [char]))
    return [(name, "".join(chars)) for name, chars in runs]


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

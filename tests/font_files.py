"""Font files for tests: a real (tiny) TrueType face built with fontTools, for characters no
shipped face has (𰻞, CJK Extension G), and a machine whose fonts are hidden (an empty
fontconfig configuration, empty XDG folders and HOME, resources without the rare faces)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from inspector_app.documents.coverage import reset_faces
from inspector_app.documents.fonts import use_added_faces
from inspector_app.domain.resources import resources_dir

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
"""


def _glyph(n: int) -> object:
    """A filled square with a notch whose width depends on ``n`` (so glyphs differ)."""
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, 0))
    pen.closePath()
    pen.moveTo((300, 200))
    pen.lineTo((400 + 40 * (n % 10), 200))
    pen.lineTo((400 + 40 * (n % 10), 600))
    pen.lineTo((300, 600))
    pen.closePath()
    return pen.glyph()


def make_face(path: Path, chars: str = "𰻞", family: str = "TestExtG", embeddable: bool = True) -> Path:
    """Write a TrueType face drawing ``chars`` (and a space) to ``path``; with ``embeddable``
    False its licence bits forbid embedding, as some commercial faces' do."""
    names = {ord(c): f"u{ord(c):X}" for c in chars}
    order = [".notdef", "space", *names.values()]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({0x20: "space", **names})
    blank = TTGlyphPen(None).glyph()
    builder.setupGlyf({name: blank if name == "space" else _glyph(i) for i, name in enumerate(order)})
    builder.setupHorizontalMetrics({name: (1000, 100) for name in order})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular", "psName": f"{family}-Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120,
                     fsType=0 if embeddable else 0x0002)
    builder.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    return path


def hide_system_fonts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Make this process see no font but the app's own resources (copied without any rare
    face): fontconfig empty, XDG folders and HOME empty. Returns the resources copy."""
    root = tmp_path / "no-fonts"
    (root / "home").mkdir(parents=True)
    (root / "fonts.conf").write_text(EMPTY_FONTCONFIG)
    resources = root / "resources"
    shutil.copytree(resources_dir(), resources, ignore=shutil.ignore_patterns("HanaMin*", "*.ts"))
    for name, value in (("FONTCONFIG_FILE", root / "fonts.conf"), ("XDG_DATA_HOME", root / "home"),
                        ("XDG_DATA_DIRS", root / "home"), ("HOME", root / "home"),
                        ("INSPECTOR_RESOURCES", resources)):
        monkeypatch.setenv(name, str(value))
    reset_faces()
    return resources


@pytest.fixture
def fresh_faces() -> Iterator[None]:
    """Faces found anew for the test, and no face added in it left behind (use it with
    ``pytestmark = pytest.mark.usefixtures("fresh_faces")`` after importing it)."""
    reset_faces()
    yield
    use_added_faces([])
    reset_faces()

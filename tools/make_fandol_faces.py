"""Builds the shipped free 仿宋 and 小标宋-style faces from the Fandol fonts (GPL v3 with the
GPL font exception; Debian package texlive-lang-chinese, or CTAN's fandol): reportlab embeds
TrueType outlines only, and Fandol ships OpenType/CFF, so each face's glyphs are converted to
quadratic TrueType outlines (fontTools' cu2qu, at most 1 unit of 1000 off), the glyphs no
character maps to and the layout/vertical tables reportlab never reads are dropped, and the
result is written to resources/fonts. This script is the "source" of those modified files in
the GPL's sense; resources/fonts/FANDOL-LICENSE.txt carries the licence and the exception
(extended to the converted files).

    python tools/make_fandol_faces.py /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
FACES = {"FandolFang-Regular.otf": "FandolFang-Regular.ttf", "FandolSong-Bold.otf": "FandolSong-Bold.ttf"}
MAX_ERROR = 1.0  # font units (em 1000): invisible at any print size
HALF_EM_SPACE = 500  # GB 2312 faces (FangSong_GB2312, AR PL SungtiL) set the space to half an em
UNREAD = ["GSUB", "GPOS", "VORG", "vhea", "vmtx", "BASE"]  # reportlab reads none of these


def _keep_mapped_glyphs(font: TTFont) -> None:
    options = subset.Options()
    options.layout_features, options.hinting, options.notdef_outline = [], False, True
    options.name_IDs, options.name_languages, options.glyph_names = ["*"], ["*"], False
    options.drop_tables += UNREAD
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)


def _to_truetype(font: TTFont) -> None:
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))  # TrueType winds clockwise
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x10000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # Fandol's space is 1/3 em: the gaps in "第 1 页 共 3 页" are then too narrow for text
    # extraction (pdftotext, a PDF reader's search) to see them as word gaps.
    space = font.getBestCmap()[0x20]
    font["hmtx"].metrics[space] = (HALF_EM_SPACE, font["hmtx"].metrics[space][1])
    font["post"].formatType = 3.0  # no glyph names: a PDF subset does not need them
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def convert(source: Path, target: Path) -> None:
    """One Fandol OpenType face as a TrueType face reportlab can embed."""
    font = TTFont(str(source))
    _keep_mapped_glyphs(font)
    _to_truetype(font)
    font.save(str(target))


def main(folder: str) -> None:
    for name, out in FACES.items():
        convert(Path(folder) / name, ROOT / "resources" / "fonts" / out)
        print(out, (ROOT / "resources" / "fonts" / out).stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")

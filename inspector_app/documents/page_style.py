"""The GB/T 9704 page of every official document: A4, top margin 37 mm and left 28 mm around a
156 × 225 mm text area holding 22 lines of 28 characters in 三号 (15.75 pt, the "16 pt" of
Chinese type sizes), a red 版头 with the authority's name and a red divider, the title in 二号
(22 pt), and the paragraph styles that follow from them.

The body is 仿宋 and the 版头, title and headings a bold Song standing in for 小标宋: the
office's licensed files when set in Settings, otherwise the shipped free Fandol Fang and Fandol
Song Bold, whose CJK glyphs fill the same square em (so line and character counts are the same). Dates are written 2026年12月1日 everywhere (:func:`chinese_date`).
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from inspector_app.documents import line_breaking
from inspector_app.documents.fonts import BODY, ensure_fonts, title_face

PAGE_W, PAGE_H = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
TEXT_W = 156 * mm
TEXT_H = 225 * mm
MARGIN_RIGHT = PAGE_W - MARGIN_LEFT - TEXT_W
MARGIN_BOTTOM = PAGE_H - MARGIN_TOP - TEXT_H
LINES, CHARS = 22, 28
BODY_SIZE = 15.75  # 三号
TITLE_SIZE = 22  # 二号
CELL_SIZE = 14  # 四号, for the label/value tables
LEADING = TEXT_H / LINES  # 22 lines fill the text area
RED = colors.HexColor("#d7000f")


def chinese_date(iso: str) -> str:
    """2026-12-01 (or a longer ISO text) as 2026年12月1日; other text is returned as it is."""
    text = (iso or "").strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit() and text[5:7].isdigit() \
            and text[8:10].isdigit():
        return f"{int(text[:4])}年{int(text[5:7])}月{int(text[8:10])}日"
    return text


@cache
def _styles(body: str, title: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=body, fontSize=BODY_SIZE, leading=LEADING, wordWrap="CJK",
                          alignment=TA_LEFT)
    return {
        "body": base,
        "indent": ParagraphStyle("indent", parent=base, firstLineIndent=2 * BODY_SIZE),
        "small": ParagraphStyle("small", parent=base, fontSize=10.5, leading=15),
        "masthead": ParagraphStyle("masthead", parent=base, fontName=title, fontSize=26, leading=34,
                                   alignment=TA_CENTER, textColor=RED),
        "number": ParagraphStyle("number", parent=base, alignment=TA_CENTER, spaceBefore=6),
        "title": ParagraphStyle("title", parent=base, fontName=title, fontSize=TITLE_SIZE, leading=LEADING * 1.4,
                                alignment=TA_CENTER, spaceBefore=LEADING * 0.5, spaceAfter=LEADING * 0.3),
        "heading": ParagraphStyle("heading", parent=base, fontName=title),
        "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.45),
    }


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of the documents (fonts registered and line-breaking rules installed first)."""
    ensure_fonts()
    line_breaking.install()
    return _styles(BODY, title_face())

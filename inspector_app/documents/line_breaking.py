"""Chinese line-breaking (禁则) for reportlab's CJK wrapping: no closing punctuation (，。、；：
？！）》”’〕 …) at the start of a line, no opening one (（《“〔) at its end, and a run of Latin
letters or digits (a phone number, an ID) is not cut in two.

reportlab hangs one character that may not start a line into the margin, but its list lacks
most Chinese closers (，。 are there; 》，”：； are not) and a second closer after the hung one
(。” or 》，) still starts the next line. ``install()`` replaces both of its CJK splitters (the
one for a paragraph in one font and the one for mixed fonts) with :func:`breaks`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import textsplit
from reportlab.platypus import paragraph

CANNOT_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
CANNOT_END = frozenset("（《「『【〔〈“‘([{")
MAX_HANG = 2
_FUZZ = 1e-6


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def breaks(chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
           forced: Sequence[bool] = ()) -> list[tuple[int, int, float]]:
    """(start, end, width used) of each line. ``forced[i]``: a line break after character i."""
    lines: list[tuple[int, int, float]] = []
    i = start = 0
    used = 0.0
    n = len(chars)
    max_width = max_widths[0]
    while i < n:
        c = chars[i]
        used += widths[i]
        i += 1
        line_break = bool(forced) and forced[i - 1]
        if not ((used > max_width + _FUZZ and used > 0) or line_break):
            continue
        if not line_break:
            if c in CANNOT_START:
                hung = 1  # hang it, and one more closer right after it, in the margin
                while i < n and hung < MAX_HANG and chars[i] in CANNOT_START:
                    used += widths[i]
                    i += 1
                    hung += 1
            elif i > start + 1:
                i -= 1  # this character starts the next line
                used -= widths[i]
                back = i
                while back > start and _latin(chars[back]) and _latin(chars[back - 1]):
                    back -= 1  # take the whole number or word along
                if back == start:
                    back = i  # one word fills the line: it has to be cut
                while back > start + 1 and chars[back - 1] in CANNOT_END:
                    back -= 1  # and an opener before it
                used -= sum(widths[back:i])
                i = back
        lines.append((start, i, used))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start, used = i, 0.0
    if used > 0:
        lines.append((start, n, used))
    return lines


def _width(u: Any, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return float(w)


def cjk_split(frags: list[Any], max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's ``cjkFragSplit`` (mixed fonts) with the rules above."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    units = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        units.extend([paragraph.cjkU(t, f, encoding) for t in text] if text else [paragraph.cjkU(text, f, encoding)])
    widths = [_width(u, max_widths[0]) for u in units]
    forced = [hasattr(u.frag, "lineBreak") for u in units]
    lines = []
    for n, (start, end, used) in enumerate(breaks([str(u) for u in units], widths, max_widths, forced)):
        max_width = max_widths[min(n, len(max_widths) - 1)]
        line_break = end > 0 and forced[end - 1]
        lines.append(paragraph.makeCJKParaLine(units[start:end], max_width, used, max_width - used, line_break,
                                               calc_bounds))
    return paragraph.ParaLines(kind=1, lines=lines)


def word_split(word: Any, max_widths: Any, font_name: str, font_size: float, encoding: str = "utf8") -> list[list[Any]]:
    """reportlab's ``wordSplit`` (a paragraph in one font) with the rules above."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    text = word.decode(encoding) if isinstance(word, bytes) else word
    widths = textsplit.getCharWidths(text, font_name, font_size)
    out = []
    for n, (start, end, used) in enumerate(breaks(text, widths, max_widths)):
        out.append([max_widths[min(n, len(max_widths) - 1)] - used, text[start:end]])
    return out


def install() -> None:
    """Use these rules for every CJK paragraph of this process (idempotent)."""
    paragraph.cjkFragSplit = cjk_split
    paragraph.wordSplit = word_split

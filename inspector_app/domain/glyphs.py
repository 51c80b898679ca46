"""Whether a text can be printed: every character it shows needs a face that draws it.

Which faces draw what is the documents layer's knowledge; here it is just a predicate
``covers(char) -> bool``, so forms and services can check a party's name as it is typed with
the same rule the documents apply before a number is taken.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import Problem

Covers = Callable[[str], bool]

# Variation selectors (VS1-16, VS17-256) pick a glyph variant of the character before them;
# they have no glyph of their own and a face that lacks them still draws the base character.
_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))

UNPRINTABLE = QT_TRANSLATE_NOOP(
    "errors",
    "{label}: no document font has the character {char} ({code}), so it would print blank. Type "
    "the name as it is registered (business licence or ID card), or add a font that has this "
    "character in Settings under “Fonts for rare characters”.",
)

# What rendering says when a text reaches it unchecked (a document re-rendered on a laptop that
# lacks the face it was issued with): it refuses rather than print a blank.
NOT_DRAWN = QT_TRANSLATE_NOOP(
    "errors",
    "The document cannot be printed whole: no document font has the character {char} ({code}), "
    "which would come out blank. Add a font that has it in Settings under “Fonts for rare characters”.",
)


def is_invisible(char: str) -> bool:
    """Whitespace, control and format characters, and variation selectors: nothing to draw."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _SELECTORS)


def unprintable(text: str, covers: Covers) -> list[str]:
    """The characters of ``text`` no face draws, each once, in the order they first appear."""
    return [char for char in dict.fromkeys(text) if not covers(char) and not is_invisible(char)]


def unprintable_problem(label: str, chars: list[str]) -> Problem:
    """The problem for characters of a field no face draws: it names the field (``label``, a
    source string of the "forms" context), each character with its code point (U+30EDE), and
    what to do."""
    codes = "、".join(f"U+{ord(c):04X}" for c in chars)
    return Problem(UNPRINTABLE, {"label": label, "char": "、".join(chars), "code": codes})


def check_printable(value: str, label: str, covers: Covers) -> Problem | None:
    """None when every character of ``value`` can be printed; otherwise the problem."""
    missing = unprintable(value, covers)
    return unprintable_problem(label, missing) if missing else None


@dataclass(frozen=True)
class Face:
    """A face documents draw with: its registered name, its file, where that was found
    ("built-in", "system" or "added" in Settings) and the characters it draws."""

    name: str
    path: Path
    origin: str
    chars: frozenset[int] = field(repr=False, compare=False)

    def draws(self, char: str) -> bool:
        """Whether this face has a glyph for ``char``."""
        return ord(char) in self.chars

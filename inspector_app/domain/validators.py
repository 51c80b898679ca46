"""Checksums of Chinese identity numbers, and phone numbers.

Each validator returns ``None`` for a good value, or a :class:`Problem` whose message (marked
for translation, context "errors") says what is wrong and what to do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Problem:
    """Why a value is not valid, as a translatable message with parameters."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """The untranslated message with its parameters filled in."""
        return self.message.format(**self.params)


def _invisible(char: str) -> bool:
    code = ord(char)
    return (unicodedata.category(char) in ("Cf", "Cc") or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF) and not char.isspace()


def invisible_chars(value: str) -> list[str]:
    """The invisible characters in ``value`` (zero-width spaces and joiners, BOMs, soft
    hyphens, direction marks, variation selectors, control characters other than
    whitespace) that copying from a web page or a chat
    brings along, as U+XXXX names."""
    if value.isascii() and value.isprintable():  # the common case, at import speed
        return []
    return [f"U+{ord(c):04X}" for c in value if _invisible(c)]


def normalise_code(value: str) -> str:
    """A typed code, ID or phone as the checks and the database want it: NFKC (full-width
    digits and letters become ASCII: １２３ → 123, Ｘ → X), invisible characters and all
    spaces removed."""
    if value.isascii() and value.isprintable() and " " not in value:
        return value  # nothing NFKC or the filter would change (most registry cells)
    text = unicodedata.normalize("NFKC", value)
    return "".join(c for c in text if not _invisible(c) and not c.isspace())


# GB 11643-1999: 17 digits, then a check character from ISO 7064 MOD 11-2.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a resident ID."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_resident_id(value: str, today: date | None = None) -> Problem | None:
    """Validate an 18-character resident ID number (身份证号), GB 11643 with its X check."""
    v = normalise_code(value).upper()
    if len(v) != 18:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "An ID number has 18 characters; you typed {length}. Check the card and type "
                "it again.",
            ),
            {"length": len(v)},
        )
    wrong = next((i for i, c in enumerate(v[:17]) if not c.isascii() or not c.isdigit()), None)
    if wrong is not None:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "Character {position} of the ID number is {char}, but the first 17 characters "
                "are digits (only the last one may be X). Check the card and type it again.",
            ),
            {"position": wrong + 1, "char": v[wrong]},
        )
    if v[17] not in "0123456789X":
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The last character of an ID number is a digit or X, not {char}. Check the "
                "card and type it again.",
            ),
            {"char": v[17]},
        )
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "Characters 7-14 of an ID number are the birth date; {text} is not a date. "
                "Check the card and type it again.",
            ),
            {"text": v[6:14]},
        )
    if born.year < 1900 or born > (today or date.today()):
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The birth date {born} in this ID number is impossible. "
                "Check the card and type it again.",
            ),
            {"born": born.isoformat()},
        )
    expected = resident_id_check_char(v[:17])
    if v[17] != expected:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The ID number's last character should be {expected}, not {actual}: "
                "a digit is probably mistyped. Check the card and type it again.",
            ),
            {"expected": expected, "actual": v[17]},
        )
    return None


# GB 32100-2015: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a USCC."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(value: str) -> Problem | None:
    """Validate a unified social credit code (统一社会信用代码), GB 32100 with its check."""
    v = normalise_code(value).upper()
    if len(v) != 18:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "A unified social credit code has 18 characters (you typed {length}). "
                "Copy it from the business licence.",
            ),
            {"length": len(v)},
        )
    bad = [c for c in v if c not in USCC_ALPHABET]
    if bad:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "A unified social credit code cannot contain {chars} (I, O, S, V and Z are "
                "never used). Copy it from the business licence.",
            ),
            {"chars": "".join(sorted(set(bad)))},
        )
    expected = uscc_check_char(v[:17])
    if v[17] != expected:
        return Problem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The unified social credit code's last character should be {expected}, not "
                "{actual}: a character is probably mistyped. Copy it from the business licence.",
            ),
            {"expected": expected, "actual": v[17]},
        )
    return None


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")


def normalise_phone(value: str) -> str:
    """Strip spaces, the +86 prefix and separators people type inside mobile numbers
    (full-width digits become ASCII, invisible characters go)."""
    v = re.sub(r"[()]", "", normalise_code(value))
    if v.startswith("+86"):
        v = v[3:]
    elif v.startswith("0086"):
        v = v[4:]
    if _MOBILE.fullmatch(v.replace("-", "")):
        v = v.replace("-", "")
    return v


def check_mobile(value: str) -> Problem | None:
    """Validate a mainland mobile number: 11 digits starting 13-19."""
    v = normalise_phone(value)
    if _MOBILE.fullmatch(v):
        return None
    return Problem(
        QT_TRANSLATE_NOOP(
            "errors",
            "{value} is not a mainland mobile number: it has 11 digits and starts with 13-19.",
        ),
        {"value": value},
    )


def check_phone(value: str) -> Problem | None:
    """Validate a mobile number or a landline with area code (e.g. 0531-86001234)."""
    if len(value) == 11 and value.isascii() and value.isdigit() and value[0] == "1" and value[1] > "2":
        return None  # a plain mobile number, the usual case (the server checks every pushed one)
    v = normalise_phone(value)
    if _MOBILE.fullmatch(v) or _LANDLINE.fullmatch(v):
        return None
    return Problem(
        QT_TRANSLATE_NOOP(
            "errors",
            "{value} is not a phone number: type an 11-digit mobile number or a landline "
            "with its area code, e.g. 0531-86001234.",
        ),
        {"value": value},
    )

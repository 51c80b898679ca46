"""Natural order of addresses, names and numbers: 泉城路9号 < 泉城路10号 < 泉城路102号.

Text order puts 10 before 9 and 102 before 11; officers walk a street by house number, so
every list of units, addresses or road segments sorts with these keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

_DIGITS = re.compile(r"(\d+)")
# Wide enough for house numbers, segment numbers and phone numbers; a longer run of digits
# (a credit code) still sorts, just by text beyond this width.
_WIDTH = 12

T = TypeVar("T")


def natural_key(text: str | None) -> tuple[str | int, ...]:
    """A sort key comparing digit runs as numbers (full-width digits too), the rest as text."""
    parts = _DIGITS.split(text or "")
    # split() alternates text and digits, so positions hold the same type in every key.
    return tuple(int(p) if n % 2 else p.casefold() for n, p in enumerate(parts))


def natural_text(text: str | None) -> str:
    """The same order as :func:`natural_key`, as one string (for SQL ``ORDER BY``)."""
    return _DIGITS.sub(lambda m: str(int(m.group())).rjust(_WIDTH, "0"), (text or "").casefold())


def natural_sorted(items: Iterable[T], key: str) -> list[T]:
    """Mappings sorted naturally by their ``key`` entry."""
    return sorted(items, key=lambda item: natural_key(item[key]))  # type: ignore[index]

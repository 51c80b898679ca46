"""What type-ahead in a picker matches: the Chinese text, its full pinyin and its pinyin
initials, all from the local pinyin dictionary (``qcl`` and ``quancheng`` both find 泉城路)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from inspector_app.domain.natural_sort import natural_key
from inspector_app.storage.search import latin_keys, pinyin_full


def typeahead_text(*texts: str | None) -> str:
    """One lower-case string a typed prefix or fragment is looked for in."""
    present = [t for t in texts if t]
    return " | ".join([*present, latin_keys(*present)]).casefold()


def matches(typed: str, text: str) -> bool:
    """Whether every space-separated part of ``typed`` occurs in ``text`` (a typeahead_text)."""
    return all(part in text for part in typed.casefold().split())


def pinyin_sorted(rows: Iterable[dict[str, Any]], key: str = "name") -> list[dict[str, Any]]:
    """Rows in the order a Chinese reader looks things up: by pinyin (大明湖路 before 二环东路),
    numbers in natural order (第2段 before 第10段)."""
    return sorted(rows, key=lambda r: (natural_key(pinyin_full(r[key] or "")), natural_key(r[key])))

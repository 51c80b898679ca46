"""What type-ahead in a picker matches: the Chinese text, its full pinyin and its pinyin
initials, all from the local pinyin dictionary (``qcl`` and ``quancheng`` both find 泉城路)."""

from __future__ import annotations

from inspector_app.storage.search import latin_keys


def typeahead_text(*texts: str | None) -> str:
    """One lower-case string a typed prefix or fragment is looked for in."""
    present = [t for t in texts if t]
    return " | ".join([*present, latin_keys(*present)]).casefold()


def matches(typed: str, text: str) -> bool:
    """Whether every space-separated part of ``typed`` occurs in ``text`` (a typeahead_text)."""
    return all(part in text for part in typed.casefold().split())

"""Search keys for Chinese text: full pinyin and pinyin initials, so ``qcl`` finds 泉城路.

FTS5's trigram tokenizer matches any 3+ character substring (Chinese or Latin); shorter
queries cannot use it and fall back to LIKE on the same columns.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_SPACE = re.compile(r"\s+")


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains a Chinese character."""
    return bool(_CJK.search(text))


_RUNS = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+|[^\u3400-\u9fff\U00020000-\U0003134f]+")


@lru_cache(maxsize=65536)
def _run_keys(run: str) -> tuple[str, str]:
    # pypinyin is slow (~0.1 ms a call); names and addresses are made of a few thousand
    # recurring runs (street names, shop words), so caching per run makes bulk indexing fast
    # while keeping pypinyin's phrase context (银行 → yinhang) inside each run.
    if not _CJK.match(run):
        plain = _SPACE.sub("", run).lower()
        return plain, plain
    # Imported here: pypinyin's dictionaries take ~0.2 s to load, which startup need not pay.
    from pypinyin import Style, lazy_pinyin

    # One pypinyin call for both keys (it is the cost of indexing an import): the initials are
    # the syllables' first letters; what has no pinyin passes through whole, as FIRST_LETTER does.
    syllables = lazy_pinyin(run, style=Style.NORMAL)
    full = "".join(syllables)
    initials = "".join(s[:1] if s.isascii() else s for s in syllables)
    return full.lower(), initials.lower()


def text_keys(text: str) -> tuple[str, str]:
    """(:func:`pinyin_full`, :func:`pinyin_initials`) of ``text`` in one pass."""
    keys = [_run_keys(run) for run in _RUNS.findall(text)]
    return "".join(k[0] for k in keys), "".join(k[1] for k in keys)


def pinyin_full(text: str) -> str:
    """``泉城路12号`` → ``quanchenglu12hao``."""
    return "".join(_run_keys(run)[0] for run in _RUNS.findall(text))


def pinyin_initials(text: str) -> str:
    """``泉城路12号`` → ``qcl12h``."""
    return "".join(_run_keys(run)[1] for run in _RUNS.findall(text))


def latin_keys(*texts: str) -> str:
    """Pinyin and initials of each Chinese text, separated so matches do not run across."""
    parts: list[str] = []
    for text in texts:
        if text:
            if has_cjk(text):
                parts.extend(text_keys(text))
            else:
                parts.append(_SPACE.sub("", text).lower())
    return " | ".join(parts)


def fts_phrase(term: str) -> str:
    """Quote one search term for an FTS5 MATCH expression."""
    return '"' + term.replace('"', '""') + '"'


def split_terms(query: str) -> list[str]:
    """Terms of a typed query (spaces separate terms; all must match)."""
    return [t for t in _SPACE.split(query.strip()) if t]


_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff\U00020000-\U0003134f]+")


def grams(*texts: str) -> str:
    """Every single character and adjacent pair of each text, space-separated: the tokens
    that answer one- and two-character queries (``鑫源``, ``qc``)."""
    tokens: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text.lower()):
            tokens.update(word)
            tokens.update(map(operator.add, word, word[1:]))  # the pairs, at C speed (imports)
    return " ".join(sorted(tokens))

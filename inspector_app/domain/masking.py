"""Personal data shown only as far as the reader needs it (个人信息保护法: minimum necessary).

One module for every masked rendering, so a list, the map, an export, a log line and the 公示
platform all hide the same characters: a number stays recognisable to the person who owns it
(last four digits, region prefix) and useless to anyone else.
"""

from __future__ import annotations

import unicodedata


def mask_phone(phone: str) -> str:
    """138****5678 / 0531-****1234: enough to recognise a number, not to call it."""
    text = (phone or "").strip()
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7:
        return "****" if text else ""
    head, tail, seen = 3, 4, 0
    out: list[str] = []
    if "-" in text:
        head = text.index("-") + 1
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if (len(out) < head or seen > digits - tail) else "*")
        else:
            out.append(ch)
    return "".join(out)


def mask_name(name: str) -> str:
    """张** : the surname only, one star per hidden character."""
    text = (name or "").strip()
    return text[:1] + "*" * max(1, len(text) - 1) if text else ""


def mask_id_number(id_number: str) -> str:
    """370102********1234: the region of issue and the last four characters.

    Works on any length (15- and 18-digit IDs, passports): the first six and last four stay
    when the number is long enough to hide something between them, otherwise all but the
    last character is hidden."""
    text = unicodedata.normalize("NFKC", id_number or "").strip()
    if not text:
        return ""
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    return "*" * (len(text) - 1) + text[-1:]


def mask_uscc(uscc: str) -> str:
    """统一社会信用代码 are published by law (企业信用信息公示), so a company's code is shown
    whole; an individual business registered under a person's ID number is masked as an ID."""
    text = unicodedata.normalize("NFKC", uscc or "").strip()
    return text if len(text) == 18 and not text[:17].isdigit() else mask_id_number(text)

"""Frozen document content: the snapshot a document is printed from, and its hash.

A document is rendered only from its snapshot (a JSON-able dict stored with the record), so a
re-print is the same content; the sha256 of the canonical JSON goes into the QR code and lets
``verify`` tell whether a paper is genuine and unaltered.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(snapshot: dict[str, Any]) -> bytes:
    """The snapshot as bytes that do not depend on key order or spacing."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(snapshot: dict[str, Any]) -> str:
    """sha256 (hex) of the canonical snapshot."""
    return hashlib.sha256(canonical_json(snapshot)).hexdigest()


def qr_payload(number: str, digest: str) -> str:
    """What the QR code on every page carries: the document number and its content hash."""
    return f"JNCG1|{number}|{digest}"


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    """(number, hash) from a scanned QR payload, or None if it is not one of ours."""
    parts = text.strip().split("|")
    if len(parts) != 3 or parts[0] != "JNCG1" or len(parts[2]) != 64:
        return None
    return parts[1], parts[2]


# Year brackets as people type them: ASCII, full-width, lenticular and the official 〔〕.
_OPENING = "[［【(（〔"
_CLOSING = "]］】)）〕"
_BRACKETS = str.maketrans(_OPENING + _CLOSING, "〔" * len(_OPENING) + "〕" * len(_CLOSING))


def number_key(text: str) -> str:
    """A document number reduced to what identifies it, so a typed or scanned number finds the
    record however it was written: any year bracket ([] ［］ 【】 () 〔〕) as 〔〕, no spaces
    (full-width ones too), full-width digits as ASCII and no zero padding in numbers, so
    "济历下城管警告字 [2026] 第1号" and "济历下城管警告字〔2026〕第0001号" have one key."""
    out: list[str] = []
    digits = ""
    for ch in text.translate(_BRACKETS):
        if ch.isspace():
            continue
        if "０" <= ch <= "９":
            ch = chr(ord(ch) - ord("０") + ord("0"))
        if ch.isascii() and ch.isdigit():
            digits += ch
            continue
        if digits:
            out.append(digits.lstrip("0") or "0")
            digits = ""
        out.append(ch)
    if digits:
        out.append(digits.lstrip("0") or "0")
    return "".join(out)

"""Frozen document content: the snapshot a document is printed from, and its hash.

A document is rendered only from its snapshot (a JSON-able dict stored with the record), so a
re-print is the same content; the sha256 of the canonical JSON goes into the QR code and lets
``verify`` tell whether a paper is genuine and unaltered.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from urllib.parse import unquote


def canonical_json(snapshot: dict[str, Any]) -> bytes:
    """The snapshot as bytes that do not depend on key order or spacing."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(snapshot: dict[str, Any]) -> str:
    """sha256 (hex) of the canonical snapshot."""
    return hashlib.sha256(canonical_json(snapshot)).hexdigest()


# The QR payload is ASCII in the QR alphanumeric set (0-9 A-Z space $%*+-./:) so every reader
# decodes it the same way (zbar guessed the charset of UTF-8 bytes and garbled 至) and it
# fits a small code. The number is percent-encoded byte by byte, lower-case letters too, so it
# comes back exactly; the hash is upper-case hex; a host (case-insensitive) may lead it.
QR_SAFE = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.")
_URL_BASE = re.compile(r"^HTTPS?://[0-9A-Z.\-]+(:[0-9]+)?$")
_PAYLOAD = re.compile(r"/V/([0-9A-Za-z%.\-]+)/([0-9A-Fa-f]{64})/?\s*$")
VERIFY_PATH = "/V/"  # the server answers /V/{number}/{hash} (and /v/...) with the key facts


def encode_number(number: str) -> str:
    """The number in percent-encoding, every byte outside 0-9 A-Z - . escaped."""
    return "".join(chr(b) if b in QR_SAFE else f"%{b:02X}" for b in number.encode("utf-8"))


def verify_base(server_url: str) -> str:
    """The address printed in the QR code for a server URL: scheme, host and port in upper
    case (alphanumeric mode); 'JNCG:' when the device has no server (the app still reads it)."""
    base = server_url.strip().rstrip("/").upper()
    return base if _URL_BASE.match(base) else "JNCG:"


def qr_payload(number: str, digest: str, base: str = "JNCG:") -> str:
    """What the QR code on every page carries: the verify address with the document number
    and its content hash, ASCII only, e.g. HTTPS://HOST/V/%E6%B5%8E...%E5%8F%B7/3F2A…"""
    return f"{base}{VERIFY_PATH}{encode_number(number)}/{digest.upper()}"


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    """(number, hash) from a scanned QR payload (this form, or the JNCG1|number|hash of papers
    printed before it), or None if it is not one of ours."""
    text = text.strip()
    match = _PAYLOAD.search(text)
    if match:
        return unquote(match.group(1), errors="strict"), match.group(2).lower()
    parts = text.split("|")
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

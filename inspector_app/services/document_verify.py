"""Verifying a paper: by its number (typed) or its QR code (number + content hash), the
authentic document's key facts as printed and its status, so a person compares them with the
paper in hand — a forged paper that kept a genuine QR code shows the true party and deadline
beside the changed ones."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from inspector_app.domain.document_facts import ISSUED, PURPOSE, SUPERSEDED, VOIDED, key_facts
from inspector_app.domain.documents import parse_qr_payload
from inspector_app.services.session import Session
from inspector_app.storage import violations as store


@dataclass(frozen=True)
class Verification:
    """What is known of a paper's number: ``status`` is the verdict on the paper ("genuine",
    "altered" — the QR's hash is not the document's —, "voided", "superseded" or "unknown");
    ``facts`` the authentic document's key facts (domain/document_facts.key_facts)."""

    status: str
    number: str
    party: str = ""
    issued_at: str = ""
    document_status: str = ""  # issued / voided / superseded
    facts: dict[str, str] = field(default_factory=dict)
    void_reason: str = ""
    replaced_by: str = ""  # the number of the document issued in place of a voided one
    document_id: str = ""


def _replacement(session: Session, d: dict[str, object]) -> str:
    """The number of the issued document of the same purpose issued after this voided one."""
    violation_id = d.get("violation_id")
    if not violation_id:
        return ""
    purpose = PURPOSE.get(str(d["doc_type"]))
    later = [o for o in store.documents_of(session.store.db, str(violation_id))
             if o["status"] == ISSUED and PURPOSE.get(o["doc_type"]) == purpose and o["issued_at"] >= str(d["issued_at"])]
    return str(later[0]["number"]) if later else ""


def verify_document(session: Session, number_or_qr: str, digest: str | None = None) -> Verification:
    """Check a document number (and content hash, from the QR code) against the records; the
    answer carries the authentic document's key facts whatever the verdict."""
    parsed = parse_qr_payload(number_or_qr)
    number, digest = (parsed if parsed else (number_or_qr.strip(), digest))
    d = store.document_by_number(session.store.db, number)
    if d is None:
        return Verification("unknown", number)
    facts = key_facts(json.loads(d["snapshot"] or "{}"))
    replaced_by = _replacement(session, d) if d["status"] == VOIDED else ""
    document_status = SUPERSEDED if replaced_by else d["status"]
    if d["status"] == VOIDED:
        verdict = document_status
    elif digest and digest.lower() != d["content_sha256"]:
        verdict = "altered"
    else:
        verdict = "genuine"
    return Verification(verdict, d["number"], d["party_name"], d["issued_at"], document_status, facts,
                        d.get("void_reason") or "", replaced_by, d["id"])

"""Issuing official documents: a number taken inside the issuing transaction, a frozen content
snapshot and its sha256, the PDF rendered from it (signatures embedded), printing, voiding
with a reason, batch printing and verifying a paper by number and hash."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inspector_app.documents.notice_texts import EDUCATION, SECTIONS, compose, item_fields
from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.documents import content_hash, verify_base
from inspector_app.domain.errors import FieldError, NotFound, UserError, ValidationFailed
from inspector_app.domain.first_offence import FIRST_OFFENCE, person_from_id
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.rights import rights_for
from inspector_app.domain.roles import Permission
from inspector_app.services.document_rules import check_may_issue
from inspector_app.services.first_offence_catalog import catalog_in_use
from inspector_app.services.legal_reviews import check_gate
from inspector_app.services.rights_catalog import rights_table
from inspector_app.services.scene_record import check_record, cn_time, record_section
from inspector_app.services.serving import SERVED, check_service_mode, proof_snapshot, proofs_of
from inspector_app.services.session import LOCAL_TZ, Operation, Session
from inspector_app.storage import violations as store
from inspector_app.storage.blobs import register_blob
from inspector_app.storage.numbering import number_template, take_number
from inspector_app.storage.sync_state import get_state

CODES = {"warning": "警告", "rectify_order": "责改", "no_penalty": "不罚", "inspection_record": "勘验",
         "service_proof": "送达", "service_address": "送址", "agreement": "五包"}
DEFAULT_TEMPLATE = "济{district}城管{code}字〔{year}〕第{n:04d}号"
SERVICE_MODES = ("直接送达", "留置送达", "邮寄送达", "电子送达", "公告送达")


@dataclass
class Signing:
    """Signatures drawn on screen (PNG bytes) or the party's refusal with a witness."""

    party_png: bytes | None = None
    officer1_png: bytes | None = None
    officer2_png: bytes | None = None
    refused_reason: str = ""
    witness: str = ""
    service_mode: str = "直接送达"
    service_place: str = ""
    remarks: str = ""
    pledge: str = ""
    record: dict[str, Any] = field(default_factory=dict)
    # The party's signature on the 送达回证 itself (None: signed with a pen on the paper).
    receipt_png: bytes | None = None
    # 送达地址确认书: where the party accepts service, and the electronic address they consent to.
    postal_address: str = ""
    electronic_address: str = ""


@dataclass(frozen=True)
class Issued:
    """Documents issued in one go."""

    changes: Changes
    document_ids: list[str]
    numbers: list[str]


_cn_time = cn_time


def _cn_date(day: datetime) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _district(session: Session, squad_id: str | None) -> tuple[str, str]:
    row = session.store.db.execute("SELECT district_code FROM squad WHERE id = ?", [squad_id]).fetchone()
    try:
        name = session.catalogs.district(row[0]).name_zh if row else "历下区"
    except KeyError:
        name = "历下区"
    short = name[:-1] if name.endswith(("区", "县")) and len(name) > 2 else name
    return name, short


def format_number(session: Session, squad_id: str | None, doc_type: str, year: int, n: int) -> str:
    """A document number in the squad's configured format (e.g. 济历下城管警告字〔2026〕第0001号)."""
    template = number_template(session.store.db, squad_id, doc_type) or DEFAULT_TEMPLATE
    _, short = _district(session, squad_id)
    return template.format(district=short, code=CODES[doc_type], year=year, n=n)


def _officer(session: Session, officer_id: str) -> dict[str, str]:
    row = session.store.db.execute("SELECT name, badge_no FROM officer WHERE id = ?", [officer_id]).fetchone()
    return {"name": row[0], "badge_no": row[1]} if row else {"name": "", "badge_no": ""}


def _contact(session: Session, v: dict[str, Any], squad_name: str) -> str:
    """The officer in charge and the squad's duty supervisor, with their phone numbers as the
    officer table holds them: a notice the party cannot call back about is not issued."""
    db = session.store.db
    officer = db.execute("SELECT name, phone FROM officer WHERE id = ?", [v["officer1_id"]]).fetchone()
    if not officer or not officer[1].strip():
        raise UserError(QT_TRANSLATE_NOOP("errors", "The officer in charge ({name}) has no phone number on record, "
                                          "and every notice must say whom to call."),
                        QT_TRANSLATE_NOOP("errors", "Ask the administrator to add the phone number, then issue it again."),
                        name=officer[0] if officer else "")
    text = f"承办人：{officer[0]}，联系电话：{officer[1].strip()}"
    duty = db.execute("SELECT name, phone FROM officer WHERE squad_id = ? AND role = 'supervisor' AND active = 1 "
                      "AND deleted = 0 AND phone != '' ORDER BY name LIMIT 1", [v["squad_id"]]).fetchone()
    if duty and squad_name:
        text += f"；{squad_name}值班长：{duty[0]}，联系电话：{duty[1].strip()}"
    return text + "。"


def _base_snapshot(session: Session, v: dict[str, Any], now: datetime, doc_type: str = "") -> dict[str, Any]:
    squad = session.store.db.execute("SELECT name, district_code FROM squad WHERE id = ?", [v["squad_id"]]).fetchone()
    squad_name = squad[0] if squad else ""
    table = rights_table(session)
    rights = rights_for(squad[1] if squad and squad[1] in table else "370102", table)
    catalog = catalog_in_use(session, v["catalog_version"])
    item = catalog.item(v["item_code"])
    person = person_from_id(v["party_id_number"]) if v["party_id_number"] else None
    deadline = v["deadline"]
    return {
        "authority": rights.authority, "review_body": rights.review_body, "court": rights.court,
        "rights": {"hearing": rights.hearing(doc_type, squad_name or rights.authority), "remedies": rights.remedies(),
                   "no_suspension": rights.no_suspension(doc_type)},
        "party": {"kind": v["party_kind"], "name": v["party_name"], "id_number": v["party_id_number"],
                  "uscc": v["party_uscc"], "legal_person": v["party_legal_person"], "phone": v["party_phone"],
                  "address": v["party_address"], "gender": person[0] if person else "", "birth": person[1] if person else ""},
        "facts": {"time": _cn_time(v["occurred_at"]), "place": v["place"] or v["party_address"], "conduct": v["facts"]},
        **item_fields(item, catalog.version),
        "deadline_text": "当场" if deadline and deadline <= now.astimezone(LOCAL_TZ).date().isoformat() else
                         (f"{deadline[:4]}年{int(deadline[5:7])}月{int(deadline[8:10])}日" if deadline else "当场"),
        "education": EDUCATION,
        "contact": _contact(session, v, squad_name),
        "officers": [_officer(session, v["officer1_id"]), _officer(session, v["officer2_id"])],
        "issued_on": _cn_date(now.astimezone(LOCAL_TZ)),
        "file_case": bool(v["file_case"]),
    }


def _put_signatures(session: Session, op: Operation, signing: Signing) -> dict[str, str]:
    hashes = {}
    for key, data in (("party", signing.party_png), ("officer1", signing.officer1_png), ("officer2", signing.officer2_png),
                      ("receipt", signing.receipt_png)):
        if data:
            sha = session.blobs.put_bytes(data)
            register_blob(op.db, sha, len(data), "image/png", utc_iso(op.now))
            hashes[key] = sha
    return hashes


def _images(session: Session, signatures: dict[str, str]) -> dict[str, bytes]:
    out = {}
    for key, sha in signatures.items():
        try:
            out[key] = session.blobs.read(sha)
        except FileNotFoundError:
            continue
    return out


def create_document(session: Session, op: Operation, doc_type: str, snapshot: dict[str, Any],
                    v: dict[str, Any] | None) -> tuple[str, str]:
    """Number, freeze, hash, render and store a document inside ``op`` (v: its violation, if
    any); returns (document id, number)."""
    from inspector_app.documents.notices import render_document
    from inspector_app.documents.printable import check_printable

    check_printable(snapshot)  # before the number: a character no face draws would print blank
    year = op.now.astimezone(LOCAL_TZ).year
    squad_id = v["squad_id"] if v else session.actor.squad_id
    value, _block, source = take_number(op.db, doc_type, squad_id, year, utc_iso(op.now))
    number = format_number(session, squad_id, doc_type, year, value)
    if source == "provisional":
        number = f"临{number}"
    snapshot = {**snapshot, "kind": doc_type, "number": number, "number_source": source,
                "verify_base": verify_base(get_state(op.db, "server_url"))}
    snapshot["title"] = snapshot.get("title") or _title(doc_type, v)
    if doc_type in SECTIONS:
        snapshot["text"] = compose(doc_type, snapshot)  # frozen with the content it was composed from
    digest = content_hash(snapshot)
    pdf = render_document(snapshot, digest, _images(session, snapshot.get("signatures", {})))
    pdf_sha = session.blobs.put_bytes(pdf)
    register_blob(op.db, pdf_sha, len(pdf), "application/pdf", utc_iso(op.now))
    document_id = op.recorder.create("document", {
        "doc_type": doc_type, "number": number, "number_value": value, "number_source": source, "year": year,
        "squad_id": squad_id, "violation_id": v["id"] if v else None, "party_name": (snapshot.get("party") or snapshot["unit"])["name"],
        "snapshot": snapshot, "content_sha256": digest, "pdf_sha256": pdf_sha, "issued_at": utc_iso(op.now),
        "issued_by": session.actor.officer_id, "status": "issued",
    }, blobs=[pdf_sha, *snapshot.get("signatures", {}).values()])
    return document_id, number


def _title(doc_type: str, v: dict[str, Any] | None) -> str:
    from inspector_app.documents.notices import TITLES

    if doc_type == "warning" and v and v["decision"] == FIRST_OFFENCE:
        return TITLES["first_offence_warning"]
    return TITLES[doc_type]


def issue_document(session: Session, violation_id: str, doc_type: str, signing: Signing) -> Issued:
    """Issue a document for a violation. A notice (警示告知书 / 责令限期改正通知书) is issued with
    its 送达回证 in the same transaction. The party signs, or refuses with a reason and a
    witness; both officers sign."""
    session.require(Permission.ISSUE_NOTICE)
    v = store.get_violation(session.store.db, violation_id)
    if v is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That violation no longer exists."))
    problems = []
    if not signing.party_png and not signing.refused_reason.strip() and doc_type != "no_penalty":
        problems.append(FieldError("party_signature", QT_TRANSLATE_NOOP(
            "forms", "Let the party sign, or record that they refused, with the reason.")))
    if doc_type == "service_address" and not signing.party_png:
        problems.append(FieldError("party_signature", QT_TRANSLATE_NOOP(
            "forms", "A 送达地址确认书 is valid only with the party's own signature; it cannot be refused and witnessed.")))
    if signing.refused_reason.strip() and not signing.witness.strip():
        problems.append(FieldError("witness", QT_TRANSLATE_NOOP(
            "forms", "A refusal to sign needs a witness (e.g. a 居委会 member), or a note of the video file.")))
    if problems:
        raise ValidationFailed(problems)
    if doc_type == "inspection_record":
        check_record(signing.record, session.now())
    check_may_issue(session.store.db, v, doc_type)
    check_gate(session.store.db, v, doc_type)  # 法制审核 first: no number is taken while it waits
    served_at = check_service_mode(session.store.db, violation_id, signing.service_mode)
    with session.operation(f"issue_{doc_type}", Permission.ISSUE_NOTICE) as op:
        snapshot = _base_snapshot(session, v, op.now, doc_type)
        snapshot["signatures"] = _put_signatures(session, op, signing)
        if signing.refused_reason.strip():
            snapshot["refusal"] = {"reason": signing.refused_reason.strip(), "witness": signing.witness.strip()}
        snapshot["service"] = {"mode": signing.service_mode, "time": _cn_time(utc_iso(op.now)),
                               "place": served_at or signing.service_place or v["place"], "remarks": signing.remarks}
        if doc_type == "service_address":
            snapshot["address"] = {"postal": signing.postal_address.strip() or v["party_address"],
                                   "electronic": signing.electronic_address.strip(),
                                   "consent": bool(signing.electronic_address.strip())}
        snapshot["pledge"] = signing.pledge
        if doc_type == "inspection_record":
            snapshot["record"] = record_section(session, v, signing.record, signing.witness, op.now)
        if doc_type == "no_penalty":
            snapshot.update(_no_penalty_section(session, v))
        ids, numbers = [], []
        document_id, number = create_document(session, op, doc_type, snapshot, v)
        ids.append(document_id)
        numbers.append(number)
        if doc_type in SERVED:
            proof = proof_snapshot(snapshot, _title(doc_type, v), number)
            proof_id, proof_number = create_document(session, op, "service_proof", proof, v)
            ids.append(proof_id)
            numbers.append(proof_number)
        op.entity, op.entity_id = "document", document_id
        op.details.update(numbers=numbers, refused=bool(signing.refused_reason.strip()))
    return Issued(op.changes, ids, numbers)


def _no_penalty_section(session: Session, v: dict[str, Any]) -> dict[str, Any]:
    notice = next((d for d in store.documents_of(session.store.db, v["id"]) if d["doc_type"] == "warning" and d["status"] == "issued"), None)
    rechecked = v["rechecked_at"] or v["occurred_at"]
    return {
        "notice_number": notice["number"] if notice else "",
        "rectified_on": _cn_time(rechecked).split("日")[0] + "日",
        "photo_count": len(json.loads(v["photo_ids"])),
    }


def document_pdf(session: Session, document_id: str) -> bytes:
    """The stored PDF of a document (re-rendered from its snapshot if this device lacks it)."""
    from inspector_app.documents.notices import render_document

    d = store.get_document(session.store.db, document_id)
    if d is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That document no longer exists."))
    if d["status"] == "voided":  # a voided document prints only as voided
        snapshot = json.loads(d["snapshot"])
        return render_document(snapshot, d["content_sha256"], _images(session, snapshot.get("signatures", {})),
                               void_note=f"已作废：{d['void_reason']}")
    if d["pdf_sha256"]:
        try:
            return session.blobs.read(d["pdf_sha256"])
        except FileNotFoundError:
            pass
    snapshot = json.loads(d["snapshot"])
    return render_document(snapshot, d["content_sha256"], _images(session, snapshot.get("signatures", {})))


def _require_documents(session: Session) -> None:
    # Clerks print and archive; officers print and void what they issue.
    if not (session.can(Permission.PRINT_DOCUMENTS) or session.can(Permission.ISSUE_NOTICE)):
        session.require(Permission.PRINT_DOCUMENTS)


def record_print(session: Session, document_id: str, copies: int = 1) -> Changes:
    """Count a print of the document (after the printer accepted it)."""
    _require_documents(session)
    d = store.get_document(session.store.db, document_id)
    if d is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That document no longer exists."))
    with session.operation("print_document") as op:
        op.recorder.patch("document", document_id, {"print_count": d["print_count"] + copies})
        op.entity, op.entity_id = "document", document_id
    return op.changes


def void_document(session: Session, document_id: str, reason: str) -> Changes:
    """Void a document (a misprint, wrong party): the number is recorded as voided with the
    reason and never reused."""
    if not reason.strip():
        raise ValidationFailed([FieldError("reason", QT_TRANSLATE_NOOP("forms", "Give the reason for voiding it."))])
    d = store.get_document(session.store.db, document_id)
    if d is None or d["status"] == "voided":
        raise UserError(QT_TRANSLATE_NOOP("errors", "This document is already voided or gone."))
    _require_documents(session)
    # The 送达回证 proves service of this document only: it is voided with it.
    proofs = [(p, f"所送达的文书{d['number']}已作废：{reason.strip()}") for p in proofs_of(session.store.db, d)]
    with session.operation("void_document") as op:
        for target_id, why in [(document_id, reason.strip()), *proofs]:
            target = store.get_document(op.db, target_id) or d
            op.recorder.patch("document", target_id, {"status": "voided", "void_reason": why})
            op.recorder.create("voided_number", {
                "doc_type": target["doc_type"], "year": target["year"], "squad_id": target["squad_id"],
                "number": target["number"], "reason": why, "officer_id": session.actor.officer_id,
                "voided_at": utc_iso(op.now),
            })
        op.entity, op.entity_id = "document", document_id
    return op.changes


def list_documents(session: Session, start_iso: str | None = None, end_iso: str | None = None,
                   doc_type: str | None = None, squad_id: str | None = None, status: str | None = None,
                   query: str = "") -> list[dict[str, Any]]:
    """Documents for the clerk's page; ``query`` finds a party by part of its name or a number
    however it is typed."""
    _require_documents(session)
    return store.list_documents(session.store.db, start_iso, end_iso, doc_type, squad_id, status, query=query)


def violation_documents(session: Session, violation_id: str) -> list[dict[str, Any]]:
    """The documents issued for a violation, oldest first (notice, 送达回证, 笔录, decision…),
    for the officer to reopen and reprint from the 首违不罚 list."""
    _require_documents(session)
    return store.documents_of(session.store.db, violation_id)


def batch_pdf(session: Session, document_ids: list[str], progress: Progress | None = None) -> bytes:
    """One PDF of many documents, for batch printing."""
    from inspector_app.documents.notices import merge_pdfs

    progress = progress or Progress()
    parts = []
    for n, document_id in enumerate(document_ids):
        progress.check()
        progress.update(n, len(document_ids), "collect")
        parts.append(document_pdf(session, document_id))
    progress.update(len(document_ids), len(document_ids), "merge")
    return merge_pdfs(parts)


def number_formats(session: Session) -> dict[str, str]:
    """The squad's number format per document type (the default where none is set)."""
    return {t: number_template(session.store.db, session.actor.squad_id, t) or DEFAULT_TEMPLATE for t in CODES}


def set_number_format(session: Session, doc_type: str, template: str) -> None:
    """Set the squad's number format for a document type, e.g. 济{district}城管{code}字〔{year}〕第{n:04d}号."""
    from inspector_app.storage.numbering import set_number_template

    session.require(Permission.MANAGE_CATALOGS)
    try:
        sample = template.format(district="历下", code=CODES[doc_type], year=2026, n=1)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationFailed([FieldError("template", QT_TRANSLATE_NOOP(
            "forms", "The format {template} is not valid ({detail}); use {{district}}, {{code}}, {{year}} and {{n:04d}}."),
            {"template": template, "detail": str(exc)})]) from None
    if "1" not in sample:
        raise ValidationFailed([FieldError("template", QT_TRANSLATE_NOOP(
            "forms", "The format must contain the running number {{n}}."))])
    with session.operation("set_number_format", Permission.MANAGE_CATALOGS) as op:
        set_number_template(op.db, session.actor.squad_id, doc_type, template)
        op.details.update(doc_type=doc_type, template=template)


def use_document_font(path: str | None) -> None:
    """Use an office's licensed TrueType face for documents (None: the built-in Song face);
    raises a UserError naming the problem when the file cannot be used."""
    from pathlib import Path

    from inspector_app.documents.fonts import use_office_fonts

    use_office_fonts(Path(path) if path else None)

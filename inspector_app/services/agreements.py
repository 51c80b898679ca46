"""The 门前五包责任书: recording that a unit signed it (on-screen signature or a photo of the
signed paper), and that its person knows the five duties (知晓)."""

from __future__ import annotations

from datetime import date
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import FieldError, NotFound, ValidationFailed
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Operation, Session
from inspector_app.storage.blobs import register_blob
from inspector_app.storage.photos import attach_photos
from inspector_app.storage.units import get_unit


def record_agreement(
    session: Session,
    unit_id: str,
    signed_on: date,
    signer: str,
    signature_png: bytes | None = None,
    photo_id: str | None = None,
) -> Changes:
    """Mark the unit's 责任书 as signed, with the evidence: the signer's on-screen signature
    (PNG) and/or a photo of the signed paper. One of the two is required."""
    session.require(Permission.EDIT_UNITS)
    unit = get_unit(session.store.db, unit_id)
    if unit is None or unit["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That unit no longer exists."))
    problems = []
    if not signer.strip():
        problems.append(FieldError("signer", QT_TRANSLATE_NOOP("forms", "Type the name of the person who signed.")))
    if signed_on > session.today():
        problems.append(FieldError(
            "signed_on",
            QT_TRANSLATE_NOOP("forms", "The agreement date {when} is in the future; use the day it was signed."),
            {"when": signed_on.isoformat()},
        ))
    if not signature_png and not photo_id:
        problems.append(FieldError(
            "signature",
            QT_TRANSLATE_NOOP("forms", "Let the signer sign on the screen, or add a photo of the signed paper."),
        ))
    if problems:
        raise ValidationFailed(problems)
    sha = session.blobs.put_bytes(signature_png) if signature_png else None
    with session.operation("record_agreement", Permission.EDIT_UNITS) as op:
        if sha and signature_png:
            register_blob(op.db, sha, len(signature_png), "image/png", utc_iso(op.now))
        op.recorder.patch(
            "unit",
            unit_id,
            {
                "agreement_signed": True,
                "agreement_date": signed_on.isoformat(),
                "agreement_signer": signer.strip(),
                "agreement_signature": sha,
                "agreement_photo_id": photo_id,
            },
            blobs=[sha] if sha else (),
        )
        if photo_id:
            attach_photos(op.recorder, [photo_id], "unit", unit_id)
        _issue(session, op, unit_id, sha)
        op.entity, op.entity_id = "unit", unit_id
        op.details.update(signer=signer.strip(), signed_on=signed_on.isoformat())
    return op.changes


def _issue(session: Session, op: Operation, unit_id: str, signature_sha: str | None) -> None:
    """The signed 责任书 as a numbered document, its content frozen: a re-print any day later is
    the same paper (number, date, hash). A new signing (name, person or address changed)
    voids the one it replaces."""
    from inspector_app.services.notice_documents import create_document

    previous = agreement_document(op.db, unit_id)
    snapshot = agreement_snapshot(session, unit_id, db=op.db)
    snapshot["signatures"] = {"party": signature_sha} if signature_sha else {}
    _document_id, number = create_document(session, op, "agreement", snapshot, None)
    if previous:
        why = f"已重新签订（{number}）"
        op.recorder.patch("document", previous["id"], {"status": "voided", "void_reason": why})
        op.recorder.create("voided_number", {
            "doc_type": "agreement", "year": previous["year"], "squad_id": previous["squad_id"],
            "number": previous["number"], "reason": why, "officer_id": session.actor.officer_id,
            "voided_at": utc_iso(op.now)})


def confirm_awareness(session: Session, unit_id: str, knows: bool) -> Changes:
    """Record whether the unit's person could name the five duties (知晓), today."""
    session.require(Permission.EDIT_UNITS)
    with session.operation("confirm_awareness", Permission.EDIT_UNITS) as op:
        op.recorder.patch("unit", unit_id, {"awareness": knows, "awareness_date": session.today().isoformat()})
        op.entity, op.entity_id = "unit", unit_id
    return op.changes


def agreement_snapshot(session: Session, unit_id: str, db: Any = None) -> dict[str, Any]:
    """The content of a unit's 责任书 (what is printed, and hashed): dated the day it was
    signed; before it is signed, a form to sign with no number or date yet."""
    db = db or session.store.db
    unit = get_unit(db, unit_id)
    if unit is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That unit no longer exists."))
    district = session.catalogs.district(unit["district_code"]).name_zh if unit["district_code"] else ""
    subdistrict = next(
        (s.name_zh for d in session.catalogs.districts for s in d.subdistricts if s.code == unit["subdistrict_code"]),
        "",
    )
    squad = db.execute("SELECT name FROM squad WHERE id = ?", [unit["squad_id"]]).fetchone()
    signed = date.fromisoformat(unit["agreement_date"]) if unit["agreement_signed"] and unit["agreement_date"] else None
    return {
        "kind": "agreement", "unit_id": unit_id, "title": "门前五包责任书",
        "number": "（签订后编号）",
        "authority": f"济南市{district}{subdistrict}办事处",
        "squad": squad[0] if squad else "",
        "unit": {
            "name": unit["name"], "uscc": unit["uscc"], "legal_person": unit["legal_person"],
            "contact": unit["contact"], "phone": unit["phone"], "address": unit["address"],
            "road": unit["road_name"], "signer": unit["agreement_signer"] if unit["agreement_signed"] else "",
            "signed_on": unit["agreement_date"] if unit["agreement_signed"] else "",
        },
        "area": "自本单位建筑物外墙（门窗）起至道路路沿石止，左右至与相邻单位分界处；"
        "无路沿石的，至门前人行道外侧。",
        "duties": [
            {"name": d.name_zh, "scope": d.scope_zh, "items": [i.text_zh for i in d.check_items]}
            for d in session.catalogs.responsibilities
        ],
        "assessment": "甲方会同城管执法中队对乙方履行门前五包责任的情况进行日常巡查和定期考核，"
        "考核结果作为“星级单位”评定依据；对不履行责任的，责令限期改正，逾期不改的依法处理。",
        "validity": "本责任书自签订之日起生效，长期有效；乙方名称、负责人或经营地址变更的，应重新签订。",
        "date_text": f"{signed.year}年{signed.month}月{signed.day}日" if signed else "　　年　　月　　日",
        "issued_on": f"{signed.year}年{signed.month}月{signed.day}日" if signed else "",
    }


def agreement_document(db: Any, unit_id: str) -> dict[str, Any] | None:
    """The unit's issued 责任书 document (the latest signing), or None."""
    row = db.execute(
        "SELECT id, number, year, squad_id FROM document WHERE doc_type = 'agreement' AND status = 'issued' "
        "AND json_extract(snapshot, '$.unit_id') = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1", [unit_id]).fetchone()
    return {"id": row[0], "number": row[1], "year": row[2], "squad_id": row[3]} if row else None


def agreement_pdf(session: Session, unit_id: str) -> bytes:
    """The 责任书 as a PDF: the stored, numbered document once it is signed (the same paper on
    every re-print); before that, the form to sign."""
    from inspector_app.documents.agreement import render_agreement
    from inspector_app.documents.printable import check_printable
    from inspector_app.domain.documents import content_hash
    from inspector_app.services.notice_documents import document_pdf

    issued = agreement_document(session.store.db, unit_id)
    if issued:
        return document_pdf(session, issued["id"])
    snapshot = agreement_snapshot(session, unit_id)
    check_printable(snapshot)
    return render_agreement(snapshot, content_hash(snapshot))

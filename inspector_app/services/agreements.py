"""The 门前五包责任书: recording that a unit signed it (on-screen signature or a photo of the
signed paper), and that its person knows the five duties (知晓)."""

from __future__ import annotations

from datetime import date

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import FieldError, NotFound, ValidationFailed
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
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
        op.entity, op.entity_id = "unit", unit_id
        op.details.update(signer=signer.strip(), signed_on=signed_on.isoformat())
    return op.changes


def confirm_awareness(session: Session, unit_id: str, knows: bool) -> Changes:
    """Record whether the unit's person could name the five duties (知晓), today."""
    session.require(Permission.EDIT_UNITS)
    with session.operation("confirm_awareness", Permission.EDIT_UNITS) as op:
        op.recorder.patch("unit", unit_id, {"awareness": knows, "awareness_date": session.today().isoformat()})
        op.entity, op.entity_id = "unit", unit_id
    return op.changes


def agreement_snapshot(session: Session, unit_id: str) -> dict[str, object]:
    """The frozen content of a unit's 责任书 (what is printed, and hashed)."""
    unit = get_unit(session.store.db, unit_id)
    if unit is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That unit no longer exists."))
    district = session.catalogs.district(unit["district_code"]).name_zh if unit["district_code"] else ""
    subdistrict = next(
        (s.name_zh for d in session.catalogs.districts for s in d.subdistricts if s.code == unit["subdistrict_code"]),
        "",
    )
    squad = session.store.db.execute("SELECT name FROM squad WHERE id = ?", [unit["squad_id"]]).fetchone()
    today = session.today()
    return {
        "kind": "agreement",
        "number": f"门前五包〔{today.year}〕{unit['district_code'] or '0'}-{unit_id[-8:].upper()}",
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
        "date_text": f"{today.year}年{today.month}月{today.day}日",
    }


def agreement_pdf(session: Session, unit_id: str) -> bytes:
    """The 责任书 as a PDF, with the signer's on-screen signature when there is one."""
    from inspector_app.documents.agreement import render_agreement
    from inspector_app.documents.printable import check_printable
    from inspector_app.domain.documents import content_hash

    snapshot = agreement_snapshot(session, unit_id)
    check_printable(snapshot)
    unit = get_unit(session.store.db, unit_id) or {}
    signature = None
    if unit.get("agreement_signature"):
        try:
            signature = session.blobs.read(unit["agreement_signature"])
        except FileNotFoundError:
            signature = None
    return render_agreement(snapshot, content_hash(snapshot), signature)

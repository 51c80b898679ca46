"""The enforcement documents: 警示告知书 / 首违不罚告知书, 责令限期改正通知书, 不予行政处罚决定书,
现场检查（勘验）笔录 and 送达回证 — each rendered only from its frozen snapshot (see
services.notice_documents.build_snapshot for the fields)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from inspector_app.documents.agreement import render_agreement
from inspector_app.documents.layout import OfficialDocument, SignatureSlot, markup
from inspector_app.documents.notice_texts import sections
from inspector_app.documents.page_style import chinese_date
from inspector_app.documents.service_documents import render_service_address, render_service_proof
from inspector_app.domain.rights import cn_count

Images = Mapping[str, bytes]

TITLES = {
    "warning": "警示告知书",
    "first_offence_warning": "首违不罚告知书",
    "rectify_order": "责令限期改正通知书",
    "no_penalty": "不予行政处罚决定书",
    "inspection_record": "现场检查（勘验）笔录",
    "service_proof": "送达回证",
    "service_address": "送达地址确认书",
    "agreement": "门前五包责任书",
}
PROVISIONAL = "本文书编号为临时编号，同步至执法平台后将替换为正式编号；正式编号以平台为准。"


def _new(s: dict[str, Any], page_slots: Sequence[tuple[str, bytes | None]] = ()) -> OfficialDocument:
    return OfficialDocument(s["authority"], s["title"], s["number"], s["_digest"],
                            PROVISIONAL if s.get("number_source") == "provisional" else "", page_slots,
                            void_note=s.get("_void", ""), verify_base=s.get("verify_base", "JNCG:"))


def _party(doc: OfficialDocument, p: dict[str, Any]) -> None:
    if p["kind"] == "unit":
        rows = [("名称", p["name"]), ("统一社会信用代码", p.get("uscc") or "—"),
                ("法定代表人（负责人）", p.get("legal_person") or "—"), ("地址", p.get("address") or "—"),
                ("联系电话", p.get("phone") or "—")]
    else:
        rows = [("姓名", p["name"]), ("性别", p.get("gender") or "—"), ("出生日期", chinese_date(p.get("birth") or "") or "—"),
                ("身份证号", p.get("id_number") or "—"), ("住址", p.get("address") or "—"),
                ("联系电话", p.get("phone") or "—")]
        if p.get("uscc"):
            rows.insert(0, ("字号 / 统一社会信用代码", p["uscc"]))
    doc.party(rows)


def _signatures(doc: OfficialDocument, s: dict[str, Any], images: Images, party_role: str = "当事人（签名）") -> None:
    refusal = s.get("refusal") or {}
    slots = [SignatureSlot(party_role, s["party"]["name"] if not refusal else "", image_png=images.get("party"),
                           refused_reason=refusal.get("reason", ""), witness=refusal.get("witness", ""))]
    for n, officer in enumerate(s["officers"], start=1):
        slots.append(SignatureSlot("执法人员", officer["name"], officer["badge_no"], image_png=images.get(f"officer{n}")))
    doc.signatures(slots, s["authority"], s["issued_on"])


def _service(doc: OfficialDocument, s: dict[str, Any]) -> None:
    service = s.get("service") or {}
    doc.heading("送达")
    doc.fields([("送达方式", service.get("mode", "直接送达")), ("送达时间", service.get("time", s["issued_on"])),
                ("送达地点", service.get("place") or s["facts"]["place"])])


def _body(doc: OfficialDocument, s: dict[str, Any]) -> None:
    """The running text, section by section (documents/notice_texts.py)."""
    for n, (heading, paragraph, style) in enumerate(sections(s["kind"], s), start=1):
        doc.heading(f"{cn_count(n)}、{heading}")
        if style == "bold":
            doc.rich(f"<b>{markup(paragraph)}</b>")
        else:
            doc.text(paragraph, indent=style == "text")


def render_warning(s: dict[str, Any], images: Images) -> bytes:
    """警示告知书 / 首违不罚告知书."""
    doc = _new(s)
    _party(doc, s["party"])
    _body(doc, s)
    _service(doc, s)
    _signatures(doc, s, images)
    return doc.render()


def render_rectify_order(s: dict[str, Any], images: Images) -> bytes:
    """责令限期改正通知书."""
    doc = _new(s)
    _party(doc, s["party"])
    _body(doc, s)
    _service(doc, s)
    _signatures(doc, s, images, "当事人（签收）")
    return doc.render()


def render_no_penalty(s: dict[str, Any], images: Images) -> bytes:
    """不予行政处罚决定书 (closing a rectified first offence)."""
    doc = _new(s)
    _party(doc, s["party"])
    _body(doc, s)
    _service(doc, s)
    doc.signatures([], s["authority"], s["issued_on"])
    return doc.render()


def render_inspection_record(s: dict[str, Any], images: Images) -> bytes:
    """现场检查（勘验）笔录: multi-page; on every page the party, the witness and both officers
    sign. Only what was typed is printed: the entries as asked and answered, the times given,
    the attachments that exist."""
    refusal = s.get("refusal") or {}
    r = s["record"]
    party = None if refusal else images.get("party")
    doc = _new(s, [("当事人" if not refusal else "当事人（拒签）", party), ("见证人", None),
                   ("执法人员", images.get("officer1")), ("执法人员", images.get("officer2"))])
    doc.fields([("检查时间", f"{r['start']} 至 {r['end']}"), ("检查地点", s["facts"]["place"]),
                ("执法人员", "；".join(f"{o['name']}（执法证号 {o['badge_no']}）" for o in s["officers"])),
                ("记录人", r["recorder"])])
    _party(doc, s["party"])
    doc.heading("在场人员")
    present = [(p["role"], f"{p['name']}　{p.get('id_number') or ''}") for p in r["present"]]
    if r.get("witness"):
        present.append(("见证人", r["witness"]))
    doc.fields(present or [("—", "无")])
    doc.heading("询问记录")
    for question, answer in [(e["q"], e["a"]) for e in r.get("qa", [])] or _legacy_qa(r):
        doc.text(f"问：{question}")
        doc.text(f"答：{answer}")
    doc.heading("现场情况")
    doc.text(r["scene"])
    doc.heading("现场照片及视听资料")
    if r["photos"]:
        doc.fields([(f"照片 {n}", p) for n, p in enumerate(r["photos"], start=1)])
    else:
        doc.text("未拍摄现场照片。")
    if r.get("sketch"):
        doc.text(r["sketch"])
    doc.heading("当事人意见")
    doc.text("以上笔录我已看过（已向我宣读），与事实相符。" if not refusal else f"当事人拒绝签名，理由：{refusal.get('reason', '')}")
    _signatures(doc, s, images, "当事人（签名）")
    return doc.render()


def _legacy_qa(r: dict[str, Any]) -> list[tuple[str, str]]:
    """A 笔录 issued before the entries were typed kept only the recusal answer."""
    return [("是否申请回避？", r["recusal_answer"])] if r.get("recusal_answer") else []


RENDERERS: dict[str, Callable[[dict[str, Any], Images], bytes]] = {
    "warning": render_warning,
    "rectify_order": render_rectify_order,
    "no_penalty": render_no_penalty,
    "inspection_record": render_inspection_record,
    "service_proof": lambda s, images: render_service_proof(_new(s), s, images),
    "service_address": lambda s, images: render_service_address(_new(s), s, images),
    "agreement": lambda s, images: render_agreement(s, s["_digest"], images.get("party"), s.get("_void", "")),
}


def render_document(snapshot: dict[str, Any], digest: str, images: Images, void_note: str = "") -> bytes:
    """The PDF of any document snapshot (``void_note``: printed across every page of a voided one)."""
    return RENDERERS[snapshot["kind"]]({**snapshot, "_digest": digest, "_void": void_note}, images)


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF of several (batch printing)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

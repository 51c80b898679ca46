"""The service documents: 送达回证 (receipt date and the recipient's signature, or on refusal the
reason, date, both servers and the witness) and 送达地址确认书 (the party's addresses for service
and consent to 电子送达)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inspector_app.documents.layout import OfficialDocument, SignatureSlot

Images = Mapping[str, bytes]
DATE_BLANK = "　　　　年　　月　　日"


def _servers(s: dict[str, Any], images: Images) -> list[SignatureSlot]:
    return [SignatureSlot("送达人（签名）", o["name"], o["badge_no"], image_png=images.get(f"officer{n}"))
            for n, o in enumerate(s["officers"], start=1)]


def render_service_proof(doc: OfficialDocument, s: dict[str, Any], images: Images) -> bytes:
    """送达回证."""
    service = s.get("service") or {}
    refusal = s.get("refusal") or {}
    served = "；".join(f"{d['title']}（{d['number']}）" for d in s["served_documents"])
    rows = [("送达文书名称及文号", served), ("受送达人", s["party"]["name"]),
            ("送达地点", service.get("place") or s["facts"]["place"]), ("送达方式", service.get("mode", "直接送达")),
            ("送达时间", service.get("time", s["issued_on"])),
            ("送达人", "；".join(f"{o['name']}（执法证号 {o['badge_no']}）" for o in s["officers"]))]
    if refusal:
        rows += [("拒收事由", refusal.get("reason", "")), ("拒收时间", service.get("time", s["issued_on"])),
                 ("见证人", refusal.get("witness", ""))]
    rows.append(("备注", service.get("remarks") or "—"))
    doc.fields(rows, label_width_mm=50)
    if refusal:
        doc.text("受送达人拒绝签收，送达人在见证人见证下将文书留置于送达地点，视为送达。", indent=True)
        slots = [*_servers(s, images), SignatureSlot("见证人（签名）", refusal.get("witness", ""), signed_at=f"日期：{DATE_BLANK}")]
    else:
        party_png = images.get("party")
        signed = f"签收日期：{service.get('time', '')}" if party_png else f"签收日期：{DATE_BLANK}"
        slots = [SignatureSlot("受送达人（签名）", s["party"]["name"], image_png=party_png, signed_at=signed),
                 *_servers(s, images)]
    doc.signatures(slots, s["authority"], s["issued_on"])
    return doc.render()


def render_service_address(doc: OfficialDocument, s: dict[str, Any], images: Images) -> bytes:
    """送达地址确认书 (行政处罚法第六十一条)."""
    address = s.get("address") or {}
    doc.fields([("受送达人", s["party"]["name"]), ("送达地址", address.get("postal") or "—"),
                ("电子送达地址", address.get("electronic") or "—（不同意电子送达）"),
                ("联系电话", s["party"].get("phone") or "—")], label_width_mm=50)
    doc.heading("告知事项")
    doc.text("受送达人应当如实提供确切的送达地址；送达地址发生变更的，应当及时书面告知本机关。"
             "因提供的地址不准确或者变更后未及时告知，导致文书未能被实际接收的，文书退回之日视为送达之日。")
    doc.heading("受送达人确认")
    if address.get("consent"):
        doc.text("本人同意本机关以电子方式向上述电子送达地址送达本案文书，文书到达该地址之日即为送达之日。")
    else:
        doc.text("本人不同意以电子方式送达本案文书。")
    doc.signatures([SignatureSlot("受送达人（签名）", s["party"]["name"], image_png=images.get("party"),
                                  signed_at=f"日期：{s['issued_on']}"), *_servers(s, images)], s["authority"], s["issued_on"])
    return doc.render()

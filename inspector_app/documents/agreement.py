"""The 门前五包责任书 (frontage responsibility agreement), printed for signing."""

from __future__ import annotations

from typing import Any

from inspector_app.documents.layout import OfficialDocument, SignatureSlot
from inspector_app.documents.page_style import chinese_date


def render_agreement(snapshot: dict[str, Any], digest: str, signature_png: bytes | None = None,
                     void_note: str = "") -> bytes:
    """PDF of a 责任书 from its snapshot (see services.agreements.agreement_snapshot)."""
    unit = snapshot["unit"]
    doc = OfficialDocument(snapshot["authority"], "门前五包责任书", snapshot["number"], digest, void_note=void_note,
                           verify_base=snapshot.get("verify_base", "JNCG:"))
    doc.heading("甲方（管理单位）")
    doc.fields([("单位", snapshot["authority"]), ("城管执法中队", snapshot["squad"])])
    doc.heading("乙方（责任单位）")
    doc.fields([
        ("单位名称", unit["name"]),
        ("统一社会信用代码", unit.get("uscc") or "—"),
        ("负责人", unit.get("legal_person") or unit.get("contact") or ""),
        ("联系电话", unit.get("phone") or ""),
        ("地址", unit["address"]),
        ("所在路段", unit.get("road") or ""),
    ])
    doc.heading("一、责任区范围")
    doc.text(snapshot["area"])
    doc.heading("二、责任内容")
    doc.text("依据《济南市临街单位“门前五包”责任制管理办法》，乙方对门前责任区承担以下五项责任：")
    for n, duty in enumerate(snapshot["duties"], start=1):
        doc.text(f"{n}. {duty['name']}：{duty['scope']}")
        for item in duty["items"]:
            doc.text(f"　　· {item}", indent=False)
    doc.heading("三、考核与监督")
    doc.text(snapshot["assessment"])
    doc.heading("四、有效期")
    doc.text(snapshot["validity"])
    doc.signatures(
        [
            SignatureSlot("甲方（盖章）", snapshot["authority"]),
            SignatureSlot("乙方负责人（签名）", unit.get("signer") or "", image_png=signature_png,
                          signed_at=chinese_date(unit.get("signed_on") or "")),
        ],
        date_text=snapshot["date_text"],
    )
    return doc.render()

"""The page the QR code's address opens (/V/{number}/{hash}, no sign-in): the authentic
document's key facts beside the verdict, for anyone holding the paper to compare line by line.
The facts are shown only to a reader who has the genuine code (number AND hash): a number alone
answers only whether it exists."""

from __future__ import annotations

from html import escape
from typing import Any

from inspector_app.domain.document_facts import FACT_LABELS

_VERDICTS = {
    "issued": ("#1b5e20", "二维码与登记的文书一致。请逐项核对下列内容与手中纸面是否相同，任何一项不同即为篡改或伪造。"),
    "voided": ("#b3261e", "此文书已作废，不再有效。"),
    "superseded": ("#b3261e", "此文书已作废，并已由文号为{replaced_by}的文书取代。"),
    "mismatch": ("#b3261e", "二维码中的内容校验值与登记的文书不符：此纸面不是该文号的原件，可能经篡改或伪造。"),
    "unknown": ("#b3261e", "没有此文号的文书登记。"),
}


def render(answer: dict[str, Any], digest: str = "", has_pdf: bool = False, can_render: bool = False) -> str:
    """HTML (UTF-8, phone-sized) of a numbers.verify answer; ``has_pdf``: the original as
    issued is stored, linked for the reader to compare page by page, and its first page shown
    as a picture when the server ``can_render`` it (first_page.py), else a note says why not."""
    if not answer.get("exists"):
        key = "unknown"
    elif not answer.get("hash_matches"):
        key = "mismatch"
    else:
        key = str(answer.get("status") or "issued")
    colour, verdict = _VERDICTS.get(key, _VERDICTS["issued"])
    verdict = verdict.format(replaced_by=escape(str(answer.get("replaced_by") or "")))
    rows = page = ""
    if key != "mismatch" and key != "unknown":
        facts = answer.get("facts") or {}
        rows = "".join(f"<tr><th>{escape(label)}</th><td>{escape(str(facts.get(k) or '—'))}</td></tr>"
                       for k, label in FACT_LABELS)
        if answer.get("void_reason"):
            rows += f"<tr><th>作废原因</th><td>{escape(str(answer['void_reason']))}</td></tr>"
        if has_pdf:
            rows += f'<tr><th>原件</th><td><a href="{escape(digest)}/pdf">查看登记的原件（PDF）</a></td></tr>'
            page = (f'<p>登记原件第一页（与手中纸面逐字核对）：</p><img src="{escape(digest)}/page1.png" '
                    'alt="登记原件第一页" style="max-width:100%;border:1px solid #999">' if can_render else
                    "<p>本服务器未安装 PDF 渲染程序（poppler-utils 的 pdftoppm），不能在此显示原件第一页的图像；"
                    "请点上面的链接打开原件 PDF 核对。</p>")

    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>文书核验</title>'
        "<style>body{font-family:sans-serif;margin:1em;max-width:40em}th{text-align:left;white-space:nowrap;"
        "padding-right:1em;vertical-align:top}td,th{border-bottom:1px solid #ddd;padding:.3em}</style></head><body>"
        f"<h1>文书核验</h1><p>文号：{escape(str(answer.get('number') or ''))}</p>"
        f'<p style="color:{colour};font-weight:bold">{verdict}</p><table>{rows}</table>{page}</body></html>'
    )

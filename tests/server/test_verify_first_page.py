"""The public verify page shows the registered original's first page as a picture (issue 17,
left of part 5): rendered once by pdftoppm and cached by the PDF's hash, only for the genuine
code; without pdftoppm the server still answers, linking the PDF and saying why there is no
picture; a stored file that is not a PDF gives no picture and leaves nothing behind."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sync_helpers import Seed
from test_server_api import login, op, push
from test_server_numbers import _with_facts

from inspector_app.documents.layout import OfficialDocument
from inspector_app.domain.ids import uuid7

NUMBER = "济历下城管责改字〔2026〕第0050号"
GENUINE, FORGED = "a" * 64, "b" * 64


def _original() -> bytes:
    doc = OfficialDocument("济南市历下区城市管理局", "责令限期改正通知书", NUMBER, GENUINE)
    doc.fields([("姓名", "张伟"), ("改正期限", "2026年11月27日")])
    doc.text("当事人在泉城路12号门前的人行道上摆摊经营。")
    return doc.render()


def _register(api: TestClient, seeded: Seed, pdf: bytes) -> dict[str, str]:
    mine = login(api, "liqiang", "d1")
    api.post("/api/v1/numbers/lease", json={"doc_type": "rectify_order", "year": 2026, "count": 60}, headers=mine)
    doc = _with_facts(seeded, NUMBER, 50, GENUINE, "张伟", uuid7(), "2026-11-20T02:00:00.000Z")
    assert push(api, mine, doc)[0]["status"] == "applied"
    sha = hashlib.sha256(pdf).hexdigest()
    push(api, mine, op("document", doc["entity_id"], pdf_sha256=(None, sha)))
    api.put(f"/api/v1/blobs/{sha}", content=pdf, headers={"Content-Range": f"bytes 0-{len(pdf) - 1}/{len(pdf)}", **mine})
    return mine


def test_the_first_page_is_shown_as_a_cached_picture(api: TestClient, seeded: Seed, tmp_path: Path) -> None:
    _register(api, seeded, _original())
    page = api.get(f"/V/{NUMBER}/{GENUINE}").text
    assert f'<img src="{GENUINE}/page1.png"' in page and "张伟" in page and "未安装" not in page
    first = api.get(f"/V/{NUMBER}/{GENUINE}/page1.png")
    assert first.status_code == 200 and first.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(first.content)).convert("RGB")
    assert abs(image.width / image.height - 210 / 297) < 0.01 and image.width >= 700  # a whole A4 page, readable
    top = image.crop((0, 0, image.width, image.height // 4))
    assert any(r > 180 and g < 80 and b < 80 for r, g, b in top.getdata())  # the red 版头 of the real page
    cached = list((tmp_path / "server-blobs" / "first-pages").iterdir())
    assert [p.name for p in cached] == [f"{hashlib.sha256(_original()).hexdigest()}.png"]
    stamp = cached[0].stat().st_mtime_ns
    assert api.get(f"/v/{NUMBER}/{GENUINE}/page1.png").content == first.content and cached[0].stat().st_mtime_ns == stamp
    forged = api.get(f"/V/{NUMBER}/{FORGED}")
    assert "page1.png" not in forged.text and api.get(f"/V/{NUMBER}/{FORGED}/page1.png").status_code == 404


def test_without_pdftoppm_the_page_links_the_pdf_and_says_why(api: TestClient, seeded: Seed, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _register(api, seeded, _original())
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    page = api.get(f"/V/{NUMBER}/{GENUINE}").text
    assert "<img" not in page and "未安装 PDF 渲染程序" in page and f'href="{GENUINE}/pdf"' in page and "张伟" in page
    assert api.get(f"/V/{NUMBER}/{GENUINE}/page1.png").status_code == 404
    assert api.get(f"/V/{NUMBER}/{GENUINE}/pdf").status_code == 200  # the original itself is still there


def test_a_stored_file_that_is_not_a_pdf_gives_no_picture(api: TestClient, seeded: Seed, tmp_path: Path) -> None:
    _register(api, seeded, b"%PDF-1.4 cut short")
    assert api.get(f"/V/{NUMBER}/{GENUINE}/page1.png").status_code == 404
    folder = tmp_path / "server-blobs" / "first-pages"
    assert not folder.exists() or not os.listdir(folder)  # no half-written picture left

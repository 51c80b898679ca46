import shutil
import subprocess
from pathlib import Path

import pytest

from inspector_app.documents.layout import OfficialDocument, SignatureSlot
from inspector_app.domain.documents import content_hash, parse_qr_payload


def _doc(text: str = "当事人在店外经营。") -> bytes:
    doc = OfficialDocument("济南市历下区城市管理局", "测试文书", "济历下城管警告〔2026〕第0007号", content_hash({"t": text}))
    doc.party([("姓名", "王𠮷"), ("住址", "济南市历下区泉城路12号")])
    doc.heading("违法事实")
    doc.text(text)
    doc.signatures([SignatureSlot("当事人（签名）", "王𠮷"), SignatureSlot("执法人员", "李强", "37010212345")], "（印章）", "2026年11月20日")
    return doc.render()


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "d.pdf"
    path.write_bytes(data)
    return path


def test_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(_write(tmp_path, _doc()))], capture_output=True, text=True).stdout
    listed = fonts.splitlines()[2:]
    chinese = [line for line in listed if "Fandol" in line or "HanaMin" in line]
    assert chinese and all(line.split()[-5:-3] == ["yes", "yes"] for line in chinese)
    # No other font at all: a printer or archive without Helvetica gets the same paper.
    assert len(chinese) == len(listed), fonts


def test_text_can_be_extracted_including_rare_characters(tmp_path: Path) -> None:
    text = subprocess.run(["pdftotext", str(_write(tmp_path, _doc())), "-"], capture_output=True, text=True).stdout
    assert "王𠮷" in text and "第 1 页 共 1 页" in text and "济历下城管警告〔2026〕第0007号" in text


def test_rendering_twice_gives_the_same_bytes() -> None:
    assert _doc() == _doc()


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools not installed")
def test_qr_code_decodes_to_number_and_hash(tmp_path: Path) -> None:
    pdf = _write(tmp_path, _doc())
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "page")], check=True)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True).stdout
    parsed = parse_qr_payload(out.strip())
    assert parsed == ("济历下城管警告〔2026〕第0007号", content_hash({"t": "当事人在店外经营。"}))

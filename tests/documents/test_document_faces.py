"""The shipped free faces GB/T 9704 asks for: 仿宋 for the body (Fandol Fang) and a bold Song
for the 版头 and titles (Fandol Song Bold, standing in for 小标宋), both TrueType so reportlab
embeds them; a title character the title face lacks is drawn by the body face, then by a
rare-character face; an office's licensed files still replace them."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from inspector_app.documents.cmap import code_points
from inspector_app.documents.coverage import body_file, title_file
from inspector_app.documents.fonts import BODY, TITLE, font_runs, title_face, use_office_fonts
from inspector_app.documents.layout import OfficialDocument
from inspector_app.domain.errors import UserError
from inspector_app.domain.resources import resource_path
from tests.font_files import fresh_faces, make_face  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fresh_faces")


@pytest.fixture(autouse=True)
def shipped_faces() -> Iterator[None]:
    use_office_fonts(None)
    yield
    use_office_fonts(None)


def test_the_shipped_faces_are_fangsong_and_a_bold_song_on_the_same_grid() -> None:
    assert body_file().name == "FandolFang-Regular.ttf" and title_file().name == "FandolSong-Bold.ttf"
    gb2312_song = code_points(resource_path("fonts", "gbsn00lp.ttf"))  # GB 2312, the face used before
    for path in (body_file(), title_file()):
        drawn = code_points(path)
        hanzi = {c for c in gb2312_song if 0x4E00 <= c <= 0x9FFF}
        assert hanzi <= drawn, f"{path.name} lacks {len(hanzi - drawn)} GB 2312 characters"
        font = TTFont(str(path), lazy=True)
        em, cmap, metrics = font["head"].unitsPerEm, font.getBestCmap(), font["hmtx"].metrics
        # a square em for every 汉字 and closing mark: 28 characters fill the 156 mm line in 三号
        assert {metrics[cmap[ord(c)]][0] for c in "中国城管，。、》"} == {em}
        assert font["OS/2"].fsType & 0x0002 == 0, "the licence bits must allow embedding"
    licence = resource_path("fonts", "FANDOL-LICENSE.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "As a special exception, if you create a document" in licence


def test_a_title_character_the_title_face_lacks_comes_from_the_body_then_a_rare_face(tmp_path: Path) -> None:
    use_office_fonts(None, make_face(tmp_path / "XiaoBiaoSong.ttf", "首违告知书", "TestTitle"))
    assert title_face() == TITLE
    assert font_runs("首违不罚告知书", TITLE) == [(TITLE, "首违"), (BODY, "不罚"), (TITLE, "告知书")]
    assert font_runs("王𠮷告知书", TITLE) == [(BODY, "王"), ("DocRare-HanaMinA", "𠮷"), (TITLE, "告知书")]
    assert font_runs("不罚") == [(BODY, "不罚")]  # body text never uses the title face


def test_every_face_of_a_document_is_embedded(tmp_path: Path) -> None:
    doc = OfficialDocument("济南市历下区城市管理局", "首违不罚告知书", "济历下城管警告字〔2026〕第0001号", "0" * 16)
    doc.heading("违法事实")
    doc.text("当事人王𠮷䶮㵘在泉城路12号门前的行道树上拴绳晾挂衣物。")
    pdf = tmp_path / "faces.pdf"
    pdf.write_bytes(doc.render())
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    faces = {line.split()[0].split("+")[-1] for line in lines}
    assert {"FandolFang-Regular", "FandolSong-Bold", "HanaMinA"} <= faces, faces
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in lines), lines  # embedded, as subsets


def test_an_office_face_that_cannot_be_used_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "FZXBSJW.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(UserError, match=r"FZXBSJW\.ttf"):
        use_office_fonts(None, bad)
    assert title_file().name == "FandolSong-Bold.ttf" and font_runs("首违", TITLE) == [(TITLE, "首违")]


def test_an_office_body_face_lacking_a_character_falls_back_on_the_shipped_fangsong(tmp_path: Path) -> None:
    use_office_fonts(make_face(tmp_path / "FangSong_GB2312.ttf", "张伟当事人", "TestFangSong"))
    assert body_file().name == "FangSong_GB2312.ttf" and title_file().name == "FandolSong-Bold.ttf"
    assert font_runs("张罚当事人𠮷") == [(BODY, "张"), ("DocRare-FandolFang", "罚"), (BODY, "当事人"),
                                     ("DocRare-HanaMinA", "𠮷")]

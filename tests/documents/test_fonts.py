"""Document faces: what a face draws (read from its character map, as reportlab will draw it),
where the rare-character faces are found (the app's own resources first, then fontconfig, then
the platform's folders), which face draws each character, and what happens without them."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from inspector_app.documents.cmap import FontFileError, _tables, code_points
from inspector_app.documents.coverage import body_face, covers, rare_faces, reset_faces
from inspector_app.documents.font_files import find_faces, platform_folders, shipped_face_names
from inspector_app.documents.fonts import BODY, check_face, font_runs, use_added_faces
from inspector_app.domain.errors import UserError
from inspector_app.domain.resources import resource_path
from tests.font_files import fresh_faces, hide_system_fonts, make_face  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fresh_faces")


def _system_hanamin() -> dict[str, Path]:
    found = find_faces(shipped_face_names())
    assert set(found) == {"HanaMinA.ttf", "HanaMinB.ttf"}, "install fonts-hanazono (tools/system_deps.sh)"
    return found


def test_character_maps_read_as_reportlab_draws_them(tmp_path: Path) -> None:
    faces = [resource_path("fonts", "gbsn00lp.ttf"), *_system_hanamin().values(), make_face(tmp_path / "t.ttf")]
    for path in faces:
        drawn = {c for c, glyph in TTFontFile(str(path)).charToGlyph.items() if glyph} - {0xFFFF}
        assert code_points(path) == drawn, path


def test_what_each_face_draws() -> None:
    body = body_face()
    assert body.name == BODY and body.origin == "built-in" and body.draws("张") and not body.draws("𠮷")
    names = [face.path.name for face in rare_faces()]
    assert names[:2] == ["HanaMinA.ttf", "HanaMinB.ttf"]
    assert all(covers(c) for c in "王𠮷䶮㵘张伟") and not covers("𰻞")


def test_files_that_are_not_truetype_faces_are_refused_with_the_reason(tmp_path: Path) -> None:
    text = tmp_path / "notes.ttf"
    text.write_text("not a font")
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(60))
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(make_face(tmp_path / "whole.ttf").read_bytes()[:40])
    for path, reason in ((text, "not a TrueType font file"), (cff, "PostScript (CFF) outlines"),
                         (cut, "cut short"), (tmp_path / "gone.ttf", "does not exist")):
        with pytest.raises(FontFileError, match=re.escape(reason)):
            code_points(path)


def test_each_character_is_drawn_by_the_first_face_that_has_it() -> None:
    assert font_runs("") == []
    assert font_runs("张伟\n便利店") == [(BODY, "张伟\n便利店")]
    assert font_runs("王𠮷䶮 㵘店\u200d") == [
        (BODY, "王"), ("DocRare-HanaMinA", "𠮷䶮"), (BODY, " "), ("DocRare-HanaMinA", "㵘"), (BODY, "店")]
    assert font_runs("𠀁") == [("DocRare-HanaMinB", "𠀁")]  # U+20001 is in HanaMin B only


def test_a_character_no_face_draws_is_never_drawn_blank() -> None:
    with pytest.raises(UserError) as info:
        font_runs("𰻞𰻞面馆")
    assert "𰻞 (U+30EDE)" in info.value.render() and "Fonts for rare characters" in info.value.render()


def test_the_apps_own_copy_comes_before_the_systems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = _system_hanamin()
    resources = tmp_path / "resources"
    shutil.copytree(resource_path(), resources, ignore=shutil.ignore_patterns("*.ts", "map"))
    shutil.copy(system["HanaMinA.ttf"], resources / "fonts" / "HanaMinA.ttf")
    monkeypatch.setenv("INSPECTOR_RESOURCES", str(resources))
    reset_faces()
    found = {face.path.name: face for face in rare_faces()}
    assert found["HanaMinA.ttf"].path == resources / "fonts" / "HanaMinA.ttf"
    assert found["HanaMinA.ttf"].origin == "built-in"
    assert found["HanaMinB.ttf"].path == system["HanaMinB.ttf"] and found["HanaMinB.ttf"].origin == "system"


def test_without_fontconfig_the_platform_folders_are_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hide_system_fonts(monkeypatch, tmp_path)
    share = tmp_path / "share"
    make_face(share / "fonts" / "truetype" / "hanazono" / "HanaMinB.ttf", "𠀀", "HanaMinB")
    monkeypatch.setenv("XDG_DATA_DIRS", f"{tmp_path / 'nowhere'}:{share}")
    assert platform_folders() == [share / "fonts"]
    faces = rare_faces()
    assert [(f.path, f.origin) for f in faces] == [(share / "fonts/truetype/hanazono/HanaMinB.ttf", "system")]
    assert covers("𠀀") and not covers("𠮷")


def test_with_every_system_font_hidden_rare_characters_have_no_face(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hide_system_fonts(monkeypatch, tmp_path)
    assert rare_faces() == () and platform_folders() == []
    assert covers("张") and not any(covers(c) for c in "𠮷䶮㵘")


def test_an_added_face_draws_what_no_shipped_one_has(tmp_path: Path) -> None:
    added = make_face(tmp_path / "ExtG.ttf")
    assert not covers("𰻞")
    faces = use_added_faces([added])
    assert [f.origin for f in faces][-1] == "added" and covers("𰻞")
    assert font_runs("𰻞𰻞面馆") == [("DocAdded1", "𰻞𰻞"), (BODY, "面馆")]
    use_added_faces([])
    assert not covers("𰻞")


def test_a_face_is_checked_the_way_a_document_loads_it(tmp_path: Path) -> None:
    whole = make_face(tmp_path / "whole.ttf").read_bytes()
    tables = dict(_tables(io.BytesIO(whole)))
    cmap_end = sum(tables[b"cmap"])
    assert cmap_end < tables[b"glyf"][0]  # the outlines come after the character map
    cut = tmp_path / "Cut.ttf"
    cut.write_bytes(whole[:cmap_end])
    assert 0x30EDE in code_points(cut)  # the map reads fine: only loading it finds the damage
    with pytest.raises(UserError) as info:
        check_face(cut)
    assert str(cut) in info.value.render()
    assert check_face(tmp_path / "whole.ttf").draws("𰻞")
    bad = tmp_path / "bad.ttf"
    bad.write_text("x")
    with pytest.raises(UserError, match=re.escape("bad.ttf")):
        use_added_faces([bad])
    assert not covers("𰻞")


def test_every_text_of_the_shipped_catalogs_has_a_face() -> None:
    """Documents quote the catalogs (legal bases, duties, district names): none of it may be
    refused, or a whole kind of notice could not be issued."""
    import json

    from inspector_app.documents.printable import _texts
    from inspector_app.domain.glyphs import unprintable

    for path in sorted(resource_path("catalogs").glob("*.json")):
        for where, text in _texts(json.loads(path.read_text(encoding="utf-8"))):
            assert unprintable(text, covers) == [], (path.name, where, text)

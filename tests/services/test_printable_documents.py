"""A party's name is never printed blank: a character no document face draws is refused when
the violation is recorded (and when units and 八乱 checks are saved), and again before a
document takes its number; rare names the shipped faces draw are issued with the face
embedded (pdffonts) and read back whole (pdftotext); a face added in Settings draws the rest."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from inspector_app.documents.fonts import use_added_faces
from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.services.agreements import agreement_pdf
from inspector_app.services.disorders import record_check
from inspector_app.services.notice_documents import Signing, document_pdf, issue_document
from inspector_app.services.session import Session
from inspector_app.services.units import create_unit
from inspector_app.services.violations import record_violation
from tests.font_files import fresh_faces, hide_system_fonts, make_face  # noqa: F401 (a fixture)
from tests.services.test_notices import ALL, _signed, _text, _values

BIANG = "𰻞𰻞面馆"  # 𰻞: CJK Extension G, which no shipped face has
SHOP = {"party_kind": "unit", "party_name": BIANG, "party_id_number": "", "party_uscc": "91350100M000100Y43"}


pytestmark = pytest.mark.usefixtures("fresh_faces")


def _pdffonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]


def _counts(session: Session) -> tuple[int, int, list[tuple[object, ...]]]:
    db = session.store.db
    return (db.execute("SELECT count(*) FROM violation").fetchone()[0], db.execute("SELECT count(*) FROM document").fetchone()[0],
            db.execute("SELECT id, next_value FROM number_block ORDER BY id").fetchall())


def test_a_party_named_biang_biang_mian_is_refused_with_the_message(officer_session: Session) -> None:
    before = _counts(officer_session)
    with pytest.raises(ValidationFailed) as info:
        record_violation(officer_session, _values(officer_session, **SHOP), ALL)
    [error] = info.value.errors
    assert error.field == "party_name"
    text = error.render()
    assert text.startswith("Party's name: ") and "𰻞 (U+30EDE)" in text
    assert "registered" in text and "Fonts for rare characters" in text
    assert _counts(officer_session) == before  # nothing stored


def test_every_printed_field_is_named(officer_session: Session) -> None:
    values = _values(officer_session, party_name="王𰻞", party_address="𰻞𰻞街1号", facts="在𰻞𰻞面馆门前店外经营。")
    with pytest.raises(ValidationFailed) as info:
        record_violation(officer_session, values, ALL)
    assert {e.field: e.params["label"] for e in info.value.errors} == {
        "party_name": "Party's name", "party_address": "Party's address", "facts": "Facts"}


def test_a_rare_name_the_shipped_faces_draw_is_issued_with_the_face_embedded(officer_session: Session, tmp_path: Path) -> None:
    values = _values(officer_session, party_name="王𠮷䶮㵘", party_address="济南市历下区𠀁家巷3号")
    violation_id = record_violation(officer_session, values, ALL).ids("violation")[0]
    pdf = document_pdf(officer_session, issue_document(officer_session, violation_id, "warning", _signed()).document_ids[0])
    fonts = _pdffonts(pdf, tmp_path)
    rare = {line.split()[0].split("+")[1] for line in fonts if "HanaMin" in line}
    assert rare == {"HanaMinA", "HanaMinB"}  # 𠀁 is in HanaMin B only
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts), fonts  # embedded, subset
    text = _text(pdf, tmp_path)
    assert "王𠮷䶮㵘" in text and "𠀁家巷" in text


def test_the_check_runs_before_the_number_is_taken(officer_session: Session, tmp_path: Path) -> None:
    face = make_face(tmp_path / "ExtG.ttf")
    use_added_faces([face])  # a face added in Settings draws 𰻞: the violation can be recorded
    violation_id = record_violation(officer_session, _values(officer_session, **SHOP), ALL).ids("violation")[0]
    use_added_faces([])  # the face is gone (another laptop, the setting removed)
    before = _counts(officer_session)
    with pytest.raises(ValidationFailed) as info:
        issue_document(officer_session, violation_id, "warning", _signed())
    assert [e.field for e in info.value.errors] == ["party_name"] and "U+30EDE" in info.value.render()
    assert _counts(officer_session) == before  # no document, no number used
    use_added_faces([face])
    issued = issue_document(officer_session, violation_id, "warning", _signed())
    pdf = document_pdf(officer_session, issued.document_ids[0])
    assert any("TestExtG" in line for line in _pdffonts(pdf, tmp_path))
    assert BIANG in _text(pdf, tmp_path)


def test_a_document_is_not_re_rendered_blank_where_its_face_is_missing(officer_session: Session, tmp_path: Path) -> None:
    use_added_faces([make_face(tmp_path / "ExtG.ttf")])
    violation_id = record_violation(officer_session, _values(officer_session, **SHOP), ALL).ids("violation")[0]
    document_id = issue_document(officer_session, violation_id, "warning", _signed()).document_ids[0]
    row = officer_session.store.db.execute("SELECT pdf_sha256 FROM document WHERE id = ?", [document_id]).fetchone()
    officer_session.blobs.path(row[0]).unlink()  # this laptop has the record but not its PDF
    use_added_faces([])  # nor the face it was issued with
    with pytest.raises(UserError) as info:
        document_pdf(officer_session, document_id)
    assert "𰻞 (U+30EDE)" in info.value.render() and "cannot be printed whole" in info.value.render()


def test_a_witness_no_face_draws_stops_the_issue_naming_the_field(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    signing = Signing(refused_reason="不认可", witness="𰻞𰻞面馆 王师傅")
    with pytest.raises(ValidationFailed) as info:
        issue_document(officer_session, violation_id, "warning", signing)
    assert [(e.field, e.params["label"]) for e in info.value.errors] == [("witness", "Witness")]


def test_without_any_rare_face_a_rare_name_is_refused_not_printed_blank(
        officer_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hide_system_fonts(monkeypatch, tmp_path)  # a machine with neither the build's faces nor Debian's
    with pytest.raises(ValidationFailed) as info:
        record_violation(officer_session, _values(officer_session, party_name="王𠮷"), ALL)
    assert "𠮷 (U+20BB7)" in info.value.render()
    record_violation(officer_session, _values(officer_session), ALL)  # 张伟 is printed as always


def test_units_and_their_agreement_are_checked_too(session: Session, tmp_path: Path) -> None:
    unit = {"name": BIANG, "kind": "individual", "address": "济南市历下区泉城路12号", "phone": "13812345678"}
    with pytest.raises(ValidationFailed) as info:
        create_unit(session, unit)
    assert [e.field for e in info.value.errors] == ["name"] and "Unit name: " in info.value.render()
    use_added_faces([make_face(tmp_path / "ExtG.ttf")])
    unit_id = create_unit(session, unit).ids("unit")[0]
    use_added_faces([])
    with pytest.raises(ValidationFailed) as info:
        agreement_pdf(session, unit_id)
    assert [e.field for e in info.value.errors] == ["name"]


def test_a_disorder_check_names_the_responsible_party_that_cannot_be_printed(officer_session: Session) -> None:
    place = {"category": "L6", "event_code": "0102", "lat": 36.6661, "lon": 117.0182, "address": "泉城路12号门前"}
    with pytest.raises(ValidationFailed) as info:
        record_check(officer_session, {**place, "party_name": "𰻞𰻞面馆 张师傅"})
    assert [(e.field, e.params["label"]) for e in info.value.errors] == [("party_name", "Responsible person")]
    record_check(officer_session, {**place, "party_name": "王𠮷"})

"""公示 export: masking in both formats, the 7-working-day deadline across a holiday, the
record of what was published and the overdue list, and bad input refused with nothing stored."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.domain.errors import PermissionDenied, UserError
from inspector_app.services.notice_documents import Signing, issue_document
from inspector_app.services.publication import (
    Scope,
    decisions_to_publish,
    export_publication,
    to_publish,
)
from inspector_app.services.publication_rows import HEADERS
from inspector_app.services.session import Session
from inspector_app.services.violations import close_violation, record_violation
from inspector_app.storage.officers import officers

ALL = set(range(10))
PERSON = {"party_kind": "person", "party_name": "张伟强", "party_id_number": "11010519491231002X",
          "party_phone": "13812345678", "party_address": "济南市历下区文化东路88号3单元501室"}
BUSINESS = {"party_kind": "unit", "party_name": "历下区老马烧烤店", "party_uscc": "92370102MA3C4Y8KXT",
            "party_legal_person": "马国栋", "party_phone": "13987654321", "party_address": "济南市历下区泉城路20号"}
CLEAR = ("张伟强", "11010519491231002X", "13812345678", "文化东路88号", "马国栋", "13987654321")


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (60, 20), (0, 0, 0, 255)).save(out, "PNG")
    return out.getvalue()


def _signed() -> Signing:
    png = _png()
    return Signing(party_png=png, officer1_png=png, officer2_png=png)


def _warn(session: Session, party: dict[str, str], facts: str = "在泉城路12号门前的行道树上拴绳晾挂衣物。") -> str:
    colleague = next(o["id"] for o in officers(session.store.db, session.actor.squad_id)
                     if o["id"] != session.actor.officer_id)
    values = {**party, "item_code": "FO25", "facts": facts, "place": "泉城路12号门前", "officer2_id": colleague}
    violation_id = record_violation(session, values, ALL).ids("violation")[0]
    issue_document(session, violation_id, "warning", _signed())
    return violation_id


def _reviewed(officer_session: Session, violation_id: str) -> None:
    """The 不予行政处罚决定书 goes through 法制审核 first: sent by the officer, approved by the clerk."""
    from inspector_app.domain.entities import Actor
    from inspector_app.domain.roles import Role
    from inspector_app.services.legal_reviews import approve_review, request_review

    db = officer_session.store.db
    clerk_id, name = db.execute("SELECT id, name FROM officer WHERE username = 'zhaomin'").fetchone()
    clerk = officer_session.as_actor(Actor(clerk_id, name, Role.CLERK, officer_session.actor.squad_id, username="zhaomin"))
    review_id = request_review(officer_session, violation_id, "no_penalty").ids("legal_review")[0]
    approve_review(clerk, review_id)


def issue_autumn_decisions(officer_session: Session, clock, review=None) -> None:  # type: ignore[no-untyped-def]
    """Two 首违不罚 warnings issued on 2026-09-30 (before 国庆) and one 不予行政处罚决定书 after
    the re-check on 2026-10-09; the clock then stands at 2026-11-20 10:00 again."""
    from inspector_app.services.photos import stamp_for, store_photo
    from tests.photo_files import jpeg

    clock.set(datetime(2026, 9, 30, 2, 0, tzinfo=UTC))
    # The officer typed the party's name and phone into the facts: they must be masked there too.
    first = _warn(officer_session, PERSON, "当事人张伟强（电话13812345678）在泉城路12号门前的行道树上拴绳晾挂衣物。")
    _warn(officer_session, BUSINESS)
    clock.set(datetime(2026, 10, 9, 2, 0, tzinfo=UTC))
    photo = store_photo(officer_session, jpeg(officer_session.store.paths.root / "after.jpg", (400, 300)),
                        stamp_for(officer_session, "", None, None))
    close_violation(officer_session, first, rectified=True, photo_ids=[photo.photo_id])
    (review or _reviewed)(officer_session, first)
    issue_document(officer_session, first, "no_penalty", Signing())
    clock.set(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))


@pytest.fixture
def clerk(demo_session_for, officer_session: Session, clock) -> Session:  # type: ignore[no-untyped-def]
    """The clerk 赵敏 signed in after :func:`issue_autumn_decisions`."""
    issue_autumn_decisions(officer_session, clock)
    return demo_session_for("zhaomin")  # type: ignore[no-any-return]


AUTUMN = Scope(date(2026, 9, 1), date(2026, 11, 20))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_personal_field_is_masked_in_the_file(clerk: Session, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"公示{suffix}"
    done = export_publication(clerk, AUTUMN, path)
    assert done.rows == 3 and done.newly_published == 3
    raw = path.read_bytes()
    text = _unzipped(path) if suffix == ".xlsx" else raw.decode("utf-8-sig")
    for clear in CLEAR:
        assert clear not in text, clear
    table = _table(path)
    assert table[0] == list(HEADERS)
    rows = {r[HEADERS.index("行政处罚决定书文号")]: dict(zip(HEADERS, r, strict=True)) for r in table[1:]}
    person = [r for r in rows.values() if r["行政相对人类别"] == "自然人"]
    assert {r["行政相对人名称"] for r in person} == {"张**"}
    assert {r["证件号码"] for r in person} == {"110105********002X"}
    assert all("张**" in r["违法事实"] and "138****5678" in r["违法事实"] for r in person if "电话" in r["违法事实"])
    business = next(r for r in rows.values() if r["行政相对人类别"] == "个体工商户")
    # The shop's name and code are public; its operator is a person.
    assert business["行政相对人名称"] == "历下区老马烧烤店" and business["统一社会信用代码"] == "92370102MA3C4Y8KXT"
    assert business["法定代表人"] == "马**" and business["证件号码"] == ""
    assert {r["处罚类别"] for r in rows.values()} == {"不予行政处罚"}


def _unzipped(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def _table(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return [list(r) for r in csv.reader(io.StringIO(path.read_text("utf-8-sig")))]
    book = load_workbook(path, read_only=True)
    try:
        return [["" if v is None else str(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def test_deadline_is_seven_working_days_across_national_day(clerk: Session) -> None:
    rows = decisions_to_publish(clerk, AUTUMN)
    warnings = [r for r in rows if r.doc_type == "warning"]
    # Issued Wed 30 Sep: Oct 1–7 are 国庆 holidays, Sat 10 Oct is worked instead; the 7th
    # working day is Thu 15 Oct (with weekends only it would be Fri 9 Oct).
    assert {r.values[HEADERS.index("处罚决定日期")] for r in warnings} == {"2026/09/30"}
    assert {r.values[HEADERS.index("最迟公示日期（决定之日起7个工作日）")] for r in warnings} == {"2026/10/15"}
    assert {r.deadline.at.isoformat() for r in warnings} == {"2026-10-15T17:30:00+08:00"}


def test_overdue_list_and_what_an_export_publishes(clerk: Session, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    before = to_publish(clerk)
    assert (before.overdue, before.due) == (3, 0)  # all three deadlines passed in October
    assert [i.doc_type for i in before.items][:2] == ["warning", "warning"]  # oldest deadline first
    done = export_publication(clerk, Scope(date(2026, 9, 30), date(2026, 9, 30)), tmp_path / "九月.xlsx")
    assert done.newly_published == 2 and done.changes.ids("publication")
    after = to_publish(clerk)
    assert (after.overdue, after.due) == (1, 0) and after.items[0].doc_type == "no_penalty"
    row = clerk.store.db.execute("SELECT p.file_name, p.file_format, o.name FROM publication p "
                                 "JOIN officer o ON o.id = p.published_by").fetchone()
    assert row == ("九月.xlsx", "xlsx", "赵敏")
    # Exporting the range again carries only what is still unpublished; all of it on request.
    with pytest.raises(UserError, match="no decision to publish"):
        export_publication(clerk, Scope(date(2026, 9, 30), date(2026, 9, 30)), tmp_path / "again.csv")
    again = export_publication(clerk, AUTUMN, tmp_path / "all.csv", unpublished_only=False)
    assert (again.rows, again.newly_published) == (3, 1)
    assert to_publish(clerk).items == []
    assert clerk.store.db.execute("SELECT count(*) FROM publication").fetchone()[0] == 3


@pytest.mark.parametrize(("scope", "message"), [
    (Scope(date(2026, 11, 10), date(2026, 11, 1)), "ends .* before it starts"),
    (Scope(date(2026, 12, 1), date(2026, 12, 31)), "starts in the future"),
    (Scope(date(2025, 1, 1), date(2026, 11, 20)), "at most 366 days"),
])
def test_a_bad_date_range_is_refused_and_nothing_is_stored(clerk: Session, tmp_path: Path, scope: Scope,
                                                           message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match=message):
        export_publication(clerk, scope, out / "x.xlsx")
    assert not list(out.iterdir())
    assert clerk.store.db.execute("SELECT count(*) FROM publication").fetchone()[0] == 0


def test_a_file_that_cannot_be_written_publishes_nothing(clerk: Session, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        export_publication(clerk, AUTUMN, tmp_path / "no-such-folder" / "x.xlsx")
    (tmp_path / "a folder.xlsx").mkdir()  # the file cannot replace a folder of that name
    with pytest.raises(UserError, match="could not be written"):
        export_publication(clerk, AUTUMN, tmp_path / "a folder.xlsx")
    with pytest.raises(UserError, match=r"\.xlsx or \.csv"):
        export_publication(clerk, AUTUMN, tmp_path / "x.pdf")
    assert clerk.store.db.execute("SELECT count(*) FROM publication").fetchone()[0] == 0
    assert to_publish(clerk).overdue == 3


def test_district_and_squad_scopes_and_an_officer_may_not_publish(clerk: Session, officer_session: Session) -> None:
    squad = clerk.actor.squad_id
    district = clerk.store.db.execute("SELECT district_code FROM squad WHERE id = ?", [squad]).fetchone()[0]
    other = clerk.store.db.execute("SELECT id, district_code FROM squad WHERE district_code != ? LIMIT 1",
                                   [district]).fetchone()
    assert len(decisions_to_publish(clerk, Scope(AUTUMN.start, AUTUMN.end, squad_id=squad))) == 3
    assert len(decisions_to_publish(clerk, Scope(AUTUMN.start, AUTUMN.end, district_code=district))) == 3
    assert decisions_to_publish(clerk, Scope(AUTUMN.start, AUTUMN.end, district_code=other[1])) == []
    assert to_publish(clerk, squad_id=other[0]).items == []
    with pytest.raises(PermissionDenied):
        to_publish(officer_session)


def test_a_hostile_name_or_fact_stays_text_in_both_formats(clerk: Session, tmp_path: Path) -> None:
    link = '=HYPERLINK("http://evil.example/x","点我")'
    with clerk.store.transaction() as db:  # as a sync from a tampered laptop could bring it
        rows = db.execute("SELECT id, snapshot FROM document WHERE doc_type = 'warning'").fetchall()
        for document_id, snapshot in rows:
            s = json.loads(snapshot)
            s["party"] = {**s["party"], "kind": "unit", "name": link, "uscc": "92370102MA3C4Y8KXT"}
            s["text"]["facts"] = "@SUM(A1:A9)"
            db.execute("UPDATE document SET snapshot = ? WHERE id = ?", [json.dumps(s, ensure_ascii=False), document_id])
    xlsx = export_publication(clerk, AUTUMN, tmp_path / "x.xlsx", unpublished_only=False).path
    book = load_workbook(xlsx)
    cells = [c for row in book.worksheets[0].iter_rows() for c in row if c.value in (link, "@SUM(A1:A9)")]
    assert len(cells) == 4 and all(c.data_type == "s" for c in cells)
    csv_rows = _table(export_publication(clerk, AUTUMN, tmp_path / "x.csv", unpublished_only=False).path)
    assert sum(r.count("'" + link) + r.count("'@SUM(A1:A9)") for r in csv_rows) == 4


def test_the_workbook_keeps_its_header_in_view_and_wide_text_columns(clerk: Session, tmp_path: Path) -> None:
    book = load_workbook(export_publication(clerk, AUTUMN, tmp_path / "w.xlsx").path)
    sheet = book.worksheets[0]
    assert sheet.title == "行政处罚信息" and sheet.freeze_panes == "A2"
    facts = HEADERS.index("违法事实") + 1
    assert sheet.column_dimensions[chr(ord("A") + facts - 1)].width == 50


def test_a_clerk_publishes_only_the_own_squad_s_decisions(clerk: Session, officer_session: Session,
                                                          tmp_path: Path) -> None:
    other = clerk.store.db.execute("SELECT id, name FROM squad WHERE id != ? LIMIT 1", [clerk.actor.squad_id]).fetchone()
    with clerk.store.transaction() as db:  # one decision of another squad on this laptop
        db.execute("UPDATE document SET squad_id = ? WHERE doc_type = 'no_penalty'", [other[0]])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="other squads") as refused:
        export_publication(clerk, AUTUMN, out / "all.xlsx")
    assert other[1] in refused.value.render() and not list(out.iterdir())
    assert clerk.store.db.execute("SELECT count(*) FROM publication").fetchone()[0] == 0
    mine = export_publication(clerk, Scope(AUTUMN.start, AUTUMN.end, squad_id=clerk.actor.squad_id), out / "mine.xlsx")
    assert mine.rows == 2

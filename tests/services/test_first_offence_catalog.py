import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from inspector_app.domain.errors import PermissionDenied, UserError, ValidationFailed
from inspector_app.services.first_offence_catalog import (
    STRUCTURED,
    XLSX_COLUMNS,
    catalog_in_use,
    confirm_legal_basis,
    import_catalog_version,
)
from inspector_app.services.notice_documents import number_formats, set_number_format
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from tests.services.test_notices import ALL, _values


def _shipped_rows() -> list[dict]:
    from inspector_app.domain.resources import resource_path

    return json.loads((resource_path("catalogs") / "first_offence.json").read_text("utf-8"))["items"]


def test_shipped_catalog_until_a_version_is_imported(session: Session) -> None:
    catalog = catalog_in_use(session)
    assert catalog.version == session.catalogs.version and len(catalog.items) == 31
    assert catalog.to_verify(catalog.item("FO02")) and not catalog.to_verify(catalog.item("FO01"))


def test_import_json_version_and_old_decisions_keep_theirs(session: Session, demo_session_for, tmp_path: Path) -> None:
    officer = demo_session_for("liqiang")
    old_id = record_violation(officer, _values(officer), ALL).ids("violation")[0]
    rows = _shipped_rows()
    rows[24]["lookback_days"] = 730  # FO25: two years from now on
    path = tmp_path / "v2.json"
    path.write_text(json.dumps({"version": "2027-01", "items": rows}, ensure_ascii=False), "utf-8")
    admin = demo_session_for("admin")
    result = import_catalog_version(admin, path, "")
    assert result.stored and result.version == "2027-01" and result.items == 31
    assert catalog_in_use(officer).version == "2027-01"
    assert catalog_in_use(officer).item("FO25").lookback_days == 730
    old = officer.store.db.execute("SELECT catalog_version FROM violation WHERE id = ?", [old_id]).fetchone()[0]
    assert old == session.catalogs.version and catalog_in_use(officer, old).item("FO25").lookback_days == 365
    confirm_legal_basis(admin, "2027-01", "FO02")
    assert not catalog_in_use(officer).to_verify(catalog_in_use(officer).item("FO02"))
    with pytest.raises(UserError, match="exists already"):
        import_catalog_version(admin, path, "2027-01")


def test_xlsx_with_bad_rows_is_refused_with_every_problem(demo_session_for, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["首违不罚清单（2027版）"])
    sheet.append(list(XLSX_COLUMNS))
    for n, row in enumerate(_shipped_rows()[:5]):
        values = [row.get(c) if not isinstance(row.get(c), list) else "；".join(row[c]) for c in XLSX_COLUMNS]
        values[XLSX_COLUMNS.index("needs_verification")] = "是" if row["needs_verification"] else "否"
        if n == 1:
            values[XLSX_COLUMNS.index("penalty_mode")] = "maybe"
        if n == 3:
            values[XLSX_COLUMNS.index("legal_basis_zh")] = None
        sheet.append(values)
    path = tmp_path / "v.xlsx"
    book.save(path)
    admin = demo_session_for("admin")
    result = import_catalog_version(admin, path, "2027-02")
    assert not result.stored
    assert [n for n, _ in result.problems] == [2, 4]
    assert "penalty_mode" in result.problems[0][1] and "legal_basis_zh" in result.problems[1][1]
    assert admin.store.db.execute("SELECT count(*) FROM catalog_version").fetchone()[0] == 0


def test_only_administrators_manage_catalogs(officer_session: Session, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        import_catalog_version(officer_session, tmp_path / "x.json", "v")


def test_number_format_per_squad(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    admin = demo_session_for("admin")
    with pytest.raises(ValidationFailed, match="not valid"):
        set_number_format(admin, "warning", "济{area}城管")
    set_number_format(admin, "warning", "济{district}城管首违〔{year}〕{n:05d}号")
    assert number_formats(admin)["warning"] == "济{district}城管首违〔{year}〕{n:05d}号"


def test_a_version_without_the_structured_legal_basis(demo_session_for, tmp_path: Path) -> None:
    admin = demo_session_for("admin")
    old_rows = [{k: v for k, v in row.items() if k not in STRUCTURED} for row in _shipped_rows()]
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"version": "2025-01", "items": old_rows}, ensure_ascii=False), "utf-8")
    refused = import_catalog_version(admin, path, "")  # a new import must bring the fields
    assert not refused.stored and len(refused.problems) == 31 and "violated_provisions_zh" in refused.problems[0][1]
    # ...but a version stored before they existed still serves, taking them from the shipped rule
    path.write_text(json.dumps({"version": "2025-01", "items": _shipped_rows()}, ensure_ascii=False), "utf-8")
    assert import_catalog_version(admin, path, "").stored
    admin.store.db.execute("UPDATE catalog_version SET items = ?", [json.dumps(old_rows, ensure_ascii=False)])
    item = catalog_in_use(admin).item("FO25")
    assert item.correction_zh.startswith("停止损害绿化") and item.penalty_provisions_zh == ("《济南市绿化条例》第五十六条",)


def test_a_catalog_row_that_requires_a_photo_refuses_a_violation_without_one(demo_session_for, tmp_path: Path) -> None:
    from inspector_app.services.photos import stamp_for, store_photo
    from tests.photo_files import jpeg

    officer = demo_session_for("liqiang")
    rows = _shipped_rows()
    assert rows[24]["code"] == "FO25"
    rows[24]["photo_required"] = True  # this office wants a photo with every FO25 notice, as 八乱 does
    path = tmp_path / "photos.json"
    path.write_text(json.dumps({"version": "2027-02", "items": rows}, ensure_ascii=False), "utf-8")
    import_catalog_version(demo_session_for("admin"), path, "")
    assert catalog_in_use(officer).item("FO25").photo_required and not catalog_in_use(officer).item("FO01").photo_required
    before = officer.store.db.execute("SELECT count(*) FROM violation").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        record_violation(officer, _values(officer), ALL)
    assert [e.field for e in refused.value.errors] == ["photo_ids"]
    assert refused.value.errors[0].message == "{category} needs at least one photo as evidence: take or add one."
    assert officer.store.db.execute("SELECT count(*) FROM violation").fetchone()[0] == before  # nothing stored
    photo = store_photo(officer, jpeg(tmp_path / "tree.jpg", (800, 600)), stamp_for(officer, "", None, None))
    assert record_violation(officer, _values(officer, photo_ids=[photo.photo_id]), ALL).ids("violation")


def test_a_check_and_a_notice_are_refused_by_the_same_photo_rule(officer_session: Session) -> None:
    from inspector_app.services.disorders import record_check

    assert not any(i.photo_required for i in catalog_in_use(officer_session).items)  # shipped: the office decides
    with pytest.raises(ValidationFailed) as check:
        record_check(officer_session, {"category": "L3", "event_code": "0507", "lat": 36.6661, "lon": 117.0182,
                                       "address": "泉城路12号门前", "description": "门前堆放纸箱"})
    problem = next(e for e in check.value.errors if e.field == "photos")
    assert problem.message == "{category} needs at least one photo as evidence: take or add one."
    assert problem.params == {"category": officer_session.catalogs.disorder("L3").name_zh}


def test_an_xlsx_catalog_can_require_a_photo(demo_session_for, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(XLSX_COLUMNS))
    for row in _shipped_rows():
        values = [row.get(c) if not isinstance(row.get(c), list) else "；".join(row[c]) for c in XLSX_COLUMNS]
        values[XLSX_COLUMNS.index("needs_verification")] = "是" if row["needs_verification"] else "否"
        values[XLSX_COLUMNS.index("photo_required")] = "是" if row["code"] == "FO25" else ""
        sheet.append(values)
    path = tmp_path / "photos.xlsx"
    book.save(path)
    assert import_catalog_version(demo_session_for("admin"), path, "2027-03").stored
    catalog = catalog_in_use(demo_session_for("liqiang"))
    assert catalog.item("FO25").photo_required and not catalog.item("FO01").photo_required

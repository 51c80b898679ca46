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

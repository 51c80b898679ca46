from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.domain.errors import UserError
from inspector_app.forms.inspection import all_compliant_values
from inspector_app.services.inspections import submit_inspection
from inspector_app.services.rates import compute_rates, export_rates, star_units
from inspector_app.services.session import Session
from inspector_app.services.units import create_unit
from inspector_app.storage.officers import road_segments


@pytest.fixture
def small(officer_session: Session) -> Session:
    """A squad road with three fresh units: two signed, one inspected twice, one once."""
    db = officer_session.store.db
    db.execute("UPDATE unit SET deleted = 1")  # start from an empty registry on this copy
    db.conn.commit()
    road = road_segments(db, officer_session.actor.squad_id)[0]
    ids = []
    for n, (signed, when) in enumerate([(True, "2026-11-01"), (True, "2026-12-15"), (False, None)]):
        values = {"name": f"测试单位{n}", "kind": "resident", "address": f"泉城路{n}号",
                  "road_segment_id": road["id"], "agreement_signed": signed, "agreement_date": when}
        if when and when > "2026-11-20":
            values["agreement_date"] = "2026-11-10"
        ids.append(create_unit(officer_session, values).ids("unit")[0])
    db.execute("UPDATE unit SET agreement_date = '2026-12-15' WHERE id = ?", [ids[1]])  # signed later
    db.conn.commit()
    ok = all_compliant_values(officer_session.catalogs)
    bad = {**ok, "W1.result": "fail", "W1.failed": ["W1.1"]}
    submit_inspection(officer_session, ids[0], {**bad, "awareness": "no"})
    submit_inspection(officer_session, ids[0], {**ok, "awareness": "yes"})
    submit_inspection(officer_session, ids[1], {**ok, "awareness": "no"})
    return officer_session


def test_the_three_rates_follow_their_definitions(small: Session) -> None:
    report = compute_rates(small, "squad", date(2026, 11, 1), date(2026, 11, 30))
    (row,) = [r for r in report.rows if r.units]
    assert (row.units, row.signed) == (3, 1)  # the second agreement is dated after the period
    assert (row.asked, row.aware) == (2, 1)  # latest answer per unit: yes, no
    assert (row.inspections, row.compliant) == (3, 2)
    assert row.label == "历下区泉城路街道城管执法中队"
    assert row.signing_rate == pytest.approx(1 / 3) and row.compliance_rate == pytest.approx(2 / 3)


def test_a_period_without_inspections(small: Session) -> None:
    report = compute_rates(small, "district", date(2026, 1, 1), date(2026, 1, 31))
    (row,) = [r for r in report.rows if r.units]
    assert row.label == "历下区" and row.inspections == 0 and row.compliance_rate is None


def test_reversed_period_is_explained(small: Session) -> None:
    with pytest.raises(UserError, match="swap the dates"):
        compute_rates(small, "road", date(2026, 11, 30), date(2026, 11, 1))


def test_export_writes_the_numbers(small: Session, tmp_path: Path) -> None:
    report = compute_rates(small, "road", date(2026, 11, 1), date(2026, 11, 30))
    path = export_rates(small, report, tmp_path / "rates.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3] == "签约率" and rows[-1][0] == "合计" and rows[-1][1] == 3


def test_star_units_of_a_district(officer_session: Session) -> None:
    units = star_units(officer_session, "370102", 5)
    assert units and all(u["star_rating"] == 5 and u["district_code"] == "370102" for u in units)


def test_every_grouping_from_one_pass_adds_up_to_the_same_totals(officer_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from openpyxl import load_workbook

    from inspector_app.services.rates import compute_all_rates, compute_rates, export_rates

    start, end = date(2026, 10, 20), date(2026, 11, 20)
    reports = compute_all_rates(officer_session, start, end)
    assert set(reports) == {"road", "subdistrict", "district", "squad"}
    totals = {g: (r.total.units, r.total.signed, r.total.asked, r.total.aware, r.total.inspections, r.total.compliant)
              for g, r in reports.items()}
    assert len(set(totals.values())) == 1 and totals["road"][4] > 0
    single = compute_rates(officer_session, "district", start, end)
    assert [(r.key, r.units, r.compliant) for r in single.rows] == [(r.key, r.units, r.compliant) for r in reports["district"].rows]
    path = export_rates(officer_session, list(reports.values()), tmp_path / "rates.xlsx")
    book = load_workbook(path)
    assert len(book.sheetnames) == 4 and book.sheetnames[0].startswith("按路段")

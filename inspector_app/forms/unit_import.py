"""Turning a registry spreadsheet's rows into unit form values: which column is which field,
and the small conversions officers' spreadsheets need (是/否, kinds written out in Chinese)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from inspector_app.domain.validators import normalise_code

# Column headers seen in 街道 and 城管 registries, per form field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "名称", "商户名称", "店名", "门店名称", "责任单位", "字号", "name"),
    "kind": ("单位类型", "类型", "主体类型", "kind"),
    "category": ("行业类别", "行业", "类别", "category"),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "uscc"),
    "id_number": ("身份证号", "身份证号码", "经营者身份证号", "id_number"),
    "legal_person": ("法定代表人", "法人", "负责人", "经营者", "legal_person"),
    "contact": ("联系人", "contact"),
    "phone": ("联系电话", "电话", "手机", "手机号", "phone"),
    "address": ("地址", "经营地址", "门牌地址", "详细地址", "address"),
    "road": ("路段", "所在路段", "道路", "路名", "road"),
    "lat": ("纬度", "lat"),
    "lon": ("经度", "lon"),
    "agreement_signed": ("是否签订责任书", "已签责任书", "签订责任书", "责任书"),
    "agreement_date": ("签订日期", "责任书签订日期", "agreement_date"),
    "agreement_signer": ("签订人", "agreement_signer"),
    "awareness": ("是否知晓", "知晓", "awareness"),
    "notes": ("备注", "notes"),
}

KIND_WORDS = {
    "个体": "individual", "个体工商户": "individual", "企业": "enterprise", "公司": "enterprise",
    "机关": "institution", "事业单位": "institution", "机关事业单位": "institution",
    "社会团体": "organisation", "团体": "organisation", "居民": "resident", "居民住户": "resident",
}
YES = {"是", "已签", "已签订", "有", "知晓", "y", "yes", "true", "1", "√"}
NO = {"否", "未签", "未签订", "无", "不知晓", "n", "no", "false", "0", "×"}

# Export writes these headers, so an exported file imports back unchanged.
EXPORT_HEADERS = {field: names[0] for field, names in SYNONYMS.items()}


def known_headers() -> set[str]:
    """Every header name we recognise."""
    return {n for names in SYNONYMS.values() for n in names}


def suggest_mapping(headers: Sequence[str]) -> dict[str, int | None]:
    """For each field, the index of the column that looks like it (or None)."""
    cleaned = [h.strip().lower() for h in headers]
    mapping: dict[str, int | None] = {}
    for field, names in SYNONYMS.items():
        index = next((cleaned.index(n.lower()) for n in names if n.lower() in cleaned), None)
        mapping[field] = index
    return mapping


def kind_from(value: Any, uscc: Any) -> str:
    """The unit kind from a written-out kind, else from the USCC's first two characters."""
    text = str(value or "").strip()
    if text in KIND_WORDS.values():
        return text
    for word, kind in KIND_WORDS.items():
        if word == text:
            return kind
    code = normalise_code(str(uscc or "")).upper()
    if code.startswith("92"):
        return "individual"
    if code.startswith("91"):
        return "enterprise"
    if code[:1] in ("1", "3"):
        return "institution"
    if code[:1] == "5":
        return "organisation"
    return "individual"


def yes_no(value: Any) -> Any:
    """是/否 style cells to booleans; anything else is passed on for the form to judge."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return value


def row_values(row: Sequence[Any], mapping: Mapping[str, int | None], roads: Mapping[str, str]) -> dict[str, Any]:
    """Form values for one spreadsheet row; ``roads`` maps road names to road segment ids."""
    def cell(field: str) -> Any:
        index = mapping.get(field)
        return row[index] if index is not None and index < len(row) else None

    values: dict[str, Any] = {f: cell(f) for f in SYNONYMS if f != "road"}
    values["kind"] = kind_from(values.get("kind"), values.get("uscc"))
    for flag in ("agreement_signed", "awareness"):
        values[flag] = yes_no(values.get(flag))
    road = cell("road")
    if road is not None:
        values["road_segment_id"] = roads.get(str(road).strip(), f"?{road}")
    for key in ("uscc", "id_number"):
        if values.get(key) is not None:
            values[key] = str(values[key])  # the form normalises it (forms.engine, code=True)
    return values


def row_reader(mapping: Mapping[str, int | None], roads: Mapping[str, str]) -> Callable[[Sequence[Any]], dict[str, Any]]:
    """:func:`row_values` for many rows of one file: the columns are looked up once (the
    same values for every row; tests/services/test_bulk_import.py compares the two)."""
    columns = [(f, mapping.get(f)) for f in SYNONYMS if f != "road"]
    road_column = mapping.get("road")

    def read(row: Sequence[Any]) -> dict[str, Any]:
        width = len(row)
        values = {f: row[i] if i is not None and i < width else None for f, i in columns}
        values["kind"] = kind_from(values["kind"], values["uscc"])
        values["agreement_signed"] = yes_no(values["agreement_signed"])
        values["awareness"] = yes_no(values["awareness"])
        road = row[road_column] if road_column is not None and road_column < width else None
        if road is not None:
            values["road_segment_id"] = roads.get(str(road).strip(), f"?{road}")
        for key in ("uscc", "id_number"):
            if values[key] is not None:
                values[key] = str(values[key])
        return values

    return read

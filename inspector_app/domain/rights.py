"""The party's rights as data, per district (resources/catalogs/rights.json): the issuing
authority, the period and place of 陈述、申辩, the 行政复议 body and period, the court and period
of 行政诉讼, and which documents carry "复议、诉讼期间不停止执行". Entries the bureau has not yet
confirmed (every court, for now) are marked, so the administrator's page can list them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import CatalogError, UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

_DIGITS = "〇一二三四五六七八九"


def cn_count(n: int) -> str:
    """A small count in Chinese numerals as documents write periods: 3 → 三, 15 → 十五, 60 → 六十."""
    if not 0 < n < 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and units:
        out += "零"
    return out + (_DIGITS[units] if units else "")


@dataclass(frozen=True)
class DistrictRights:
    """Who reviews and who hears a case against this district's 城管 documents, and when."""

    district_code: str
    authority: str
    review_body: str
    court: str
    hearing_days: int
    review_days: int
    litigation_months: int
    hearing_for: tuple[str, ...]
    no_suspension_for: tuple[str, ...]
    to_confirm: tuple[str, ...]  # "court", "authority", "review_body" not yet confirmed
    hearing_place: str = ""  # where 陈述、申辩 is heard; empty: the squad that issued the document

    def hearing(self, doc_type: str, place: str) -> str:
        """The 陈述、申辩 sentence ('' where the document does not carry it)."""
        if doc_type not in self.hearing_for:
            return ""
        return (f"当事人对本文书认定的事实和适用的依据有异议的，可以自收到本文书之日起{cn_count(self.hearing_days)}日内"
                f"向{self.hearing_place or place}提出陈述、申辩，可以口头或者书面提出。")

    def remedies(self) -> str:
        """The 行政复议 / 行政诉讼 sentence."""
        return (f"当事人对本文书不服的，可以自收到本文书之日起{cn_count(self.review_days)}日内向{self.review_body}"
                f"申请行政复议，或者自收到本文书之日起{cn_count(self.litigation_months)}个月内向{self.court}提起行政诉讼。")

    def no_suspension(self, doc_type: str) -> str:
        """复议、诉讼期间不停止执行, on documents that order the party to do something."""
        if doc_type not in self.no_suspension_for:
            return ""
        return "行政复议或者行政诉讼期间，不停止本文书的执行，法律另有规定的除外。"

    def to_row(self) -> dict[str, Any]:
        """The entry as stored for an administrator's edit (lists, not tuples)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def _fail(message: str, **params: Any) -> CatalogError:
    return CatalogError(message, QT_TRANSLATE_NOOP(
        "errors", "Reinstall the app or ask the administrator for a corrected catalog file."), file="rights.json", **params)


def _int(row: dict[str, Any], key: str, where: str) -> int:
    value = row.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise _fail(QT_TRANSLATE_NOOP(
            "errors", "Catalog file {file}, {where}: the field '{field}' should be a whole number above 0."),
            where=where, field=key)
    return value


def load_rights(folder: Path | None = None) -> dict[str, DistrictRights]:
    """Every district's rights, by district code; raises :class:`CatalogError` naming the problem."""
    path = (folder or resource_path("catalogs")) / "rights.json"
    try:
        data = json.loads(path.read_text("utf-8"))
        defaults, items = data["defaults"], data["items"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _fail(QT_TRANSLATE_NOOP("errors", "The catalog file {file} cannot be read ({detail})."),
                    detail=str(exc)) from None
    out = {}
    for n, row in enumerate(items, start=1):
        where = f"row {n}"
        merged = {**defaults, **row}
        for key in ("district_code", "authority", "review_body", "court"):
            if not isinstance(merged.get(key), str) or not merged[key].strip():
                raise _fail(QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: the field '{field}' is missing."),
                            where=where, field=key)
        out[merged["district_code"]] = DistrictRights(
            district_code=merged["district_code"], authority=merged["authority"], review_body=merged["review_body"],
            court=merged["court"], hearing_days=_int(merged, "hearing_days", where),
            review_days=_int(merged, "review_days", where), litigation_months=_int(merged, "litigation_months", where),
            hearing_for=tuple(merged.get("hearing_for", ())), no_suspension_for=tuple(merged.get("no_suspension_for", ())),
            to_confirm=tuple(k for k in ("court", "authority", "review_body") if merged.get(f"{k}_to_confirm")),
            hearing_place=str(merged.get("hearing_place") or ""),
        )
    return out


@cache
def shipped_rights() -> dict[str, DistrictRights]:
    """The rights shipped in resources/, loaded once per process."""
    return load_rights()


def rights_for(district_code: str, table: dict[str, DistrictRights] | None = None) -> DistrictRights:
    """The district's rights; a squad in a district the data lacks cannot issue documents."""
    table = shipped_rights() if table is None else table
    if district_code not in table:
        raise CatalogError(
            QT_TRANSLATE_NOOP("errors", "No review body and court are set for district {code}."),
            QT_TRANSLATE_NOOP("errors", "Ask the administrator to add the district to rights.json."),
            code=district_code,
        )
    return table[district_code]


TEXT_FIELDS = ("authority", "review_body", "court")
PERIOD_FIELDS = ("hearing_days", "review_days", "litigation_months")
EDITABLE = (*TEXT_FIELDS, "hearing_place", *PERIOD_FIELDS, "no_suspension_for")
ORDERING_TYPES = ("warning", "rectify_order", "no_penalty")  # documents that may carry 不停止执行
FIELD_NAMES = {"authority": "作出机关", "review_body": "复议机关", "court": "诉讼法院", "hearing_place": "陈述申辩地点",
               "hearing_days": "陈述申辩期限", "review_days": "复议期限", "litigation_months": "诉讼期限",
               "no_suspension_for": "不停止执行的文书"}


def edited_rights(base: DistrictRights, values: dict[str, Any], confirmed: bool = False) -> DistrictRights:
    """The district's entry with an administrator's changes, checked: names not empty, periods
    whole numbers from 1 to 999 (printed in Chinese numerals). ``confirmed``: the administrator
    has checked the bodies and court with the bureau, so nothing stays marked to confirm."""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = FIELD_NAMES.get(key, key)
        if key not in EDITABLE:
            raise UserError(QT_TRANSLATE_NOOP("errors", "The field '{field}' of the rights cannot be changed."), field=name)
        if key in TEXT_FIELDS or key == "hearing_place":
            text = " ".join(str(value or "").split())
            if key in TEXT_FIELDS and not text:
                raise UserError(QT_TRANSLATE_NOOP("errors", "The field '{field}' cannot be empty."),
                                QT_TRANSLATE_NOOP("errors", "Nothing was changed."), field=name)
            changes[key] = text
        elif key in PERIOD_FIELDS:
            number = value if isinstance(value, int) and not isinstance(value, bool) else None
            if isinstance(value, str) and value.strip().isdigit():
                number = int(value.strip())
            if number is None or not 0 < number < 1000:
                raise UserError(QT_TRANSLATE_NOOP("errors", "The field '{field}' should be a whole number from 1 to 999."),
                                QT_TRANSLATE_NOOP("errors", "Nothing was changed."), field=name)
            changes[key] = number
        else:
            kinds = tuple(value)
            if any(k not in ORDERING_TYPES for k in kinds):
                raise UserError(QT_TRANSLATE_NOOP("errors", "Unknown document type in '{field}'."), field=name)
            changes[key] = kinds
    if confirmed:
        changes["to_confirm"] = ()
    return replace(base, **changes)


def rights_from_row(row: dict[str, Any]) -> DistrictRights:
    """An administrator's stored entry (see :meth:`DistrictRights.to_row`)."""
    fields = dict(row)
    for key in ("hearing_for", "no_suspension_for", "to_confirm"):
        fields[key] = tuple(fields.get(key) or ())
    return DistrictRights(**{k: fields[k] for k in DistrictRights.__dataclass_fields__ if k in fields})

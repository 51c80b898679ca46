"""The bureau's catalogs: five frontage duties, eight disorders, the first-offence list, event
codes, districts and the star-rating rule. Loaded from resources/catalogs/*.json and checked
field by field, so a bad file is refused with a message naming the file, the row and the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from inspector_app.domain.errors import CatalogError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.legal_text import correction_problem, provision_problem
from inspector_app.domain.resources import resource_path

T = TypeVar("T")

PENALTY_MODES = (
    "fine_only_if_overdue",
    "fine_only_if_refused",
    "no_fine_in_ordinance",
    "discretionary_fine",
    "mandatory_fine_after_finding",
)


@dataclass(frozen=True)
class CheckItem:
    """One thing an officer looks at under a frontage duty."""

    code: str
    text_zh: str
    # The 八乱 category a failure of this item is (e.g. 店外经营 → L1), "" when none is.
    disorder: str = ""


@dataclass(frozen=True)
class Responsibility:
    """One of the five frontage duties (门前五包)."""

    code: str
    name_zh: str
    name_en: str
    scope_zh: str
    basis_zh: str
    check_items: tuple[CheckItem, ...]
    disorder: str = ""  # the 八乱 category of a failure of this duty when no failed item names one


@dataclass(frozen=True)
class Disorder:
    """One of the eight street disorders (八乱)."""

    code: str
    name_zh: str
    name_en: str
    examples_zh: tuple[str, ...]
    basis_zh: str
    needs_verification: bool
    event_codes: tuple[str, ...]
    first_offence_codes: tuple[str, ...]
    photo_required: bool


@dataclass(frozen=True)
class FirstOffenceItem:
    """One row of the first-offence (首违不罚) catalog."""

    code: str
    violation_zh: str
    legal_basis_zh: str
    penalty_basis_zh: str
    penalty_mode: str
    conditions_zh: tuple[str, ...]
    rectify_days: int
    lookback_days: int
    needs_verification: bool
    confidence: str = ""
    source: str = ""
    jurisdiction: str = ""
    # The structured legal basis the documents' sentences are composed from (legal_text.py):
    # the provisions violated, the provisions that authorise the order / penalty, what the party
    # must do (rectify_days is its usual period) and the short name used in the 案由.
    case_name_zh: str = ""
    violated_provisions_zh: tuple[str, ...] = ()
    penalty_provisions_zh: tuple[str, ...] = ()
    correction_zh: str = ""
    # Whether the notice needs an evidence photo, as a 八乱 check of a photo_required category does.
    photo_required: bool = False


@dataclass(frozen=True)
class EventCode:
    """A GB/T 30428 style event class: 2-digit major + 2-digit minor."""

    code: str
    major_zh: str
    minor_zh: str
    local_extension: bool


@dataclass(frozen=True)
class Subdistrict:
    """A 街道 with its 9-digit statistical code."""

    code: str
    name_zh: str


@dataclass(frozen=True)
class District:
    """A district or county of Jinan with its subdistricts."""

    code: str
    name_zh: str
    kind: str
    subdistricts: tuple[Subdistrict, ...]


@dataclass(frozen=True)
class StarBand:
    """Minimum score for a number of stars."""

    stars: int
    min_score: float


@dataclass(frozen=True)
class StarRatingRule:
    """Parameters of the star-unit (星级单位) rating."""

    score_max: float
    points_per_item: float
    deduct_per_failed_item: float
    deduct_repeat_in_period: float
    bands: tuple[StarBand, ...]
    # Caps: a unit with a warning left unremedied past its deadline, or with a case filed
    # (administrative penalty), in the period can earn at most this many stars.
    cap_unremedied: int | None = None
    cap_penalty: int | None = None
    # This many failed inspections within a year put a star unit up for 摘牌 (losing its plaque).
    demotion_failures_per_year: int = 0


@dataclass(frozen=True)
class Catalogs:
    """All catalogs the app works with, with lookups by code."""

    version: str
    responsibilities: tuple[Responsibility, ...]
    disorders: tuple[Disorder, ...]
    first_offence: tuple[FirstOffenceItem, ...]
    event_codes: tuple[EventCode, ...]
    districts: tuple[District, ...]
    star_rating: StarRatingRule
    unit_categories: tuple[str, ...]

    def disorder(self, code: str) -> Disorder:
        """The disorder with this code (KeyError if unknown)."""
        return {d.code: d for d in self.disorders}[code]

    def event_code(self, code: str) -> EventCode:
        """The event class with this code (KeyError if unknown)."""
        return {e.code: e for e in self.event_codes}[code]

    def first_offence_item(self, code: str) -> FirstOffenceItem:
        """The first-offence row with this code (KeyError if unknown)."""
        return {f.code: f for f in self.first_offence}[code]

    def district(self, code: str) -> District:
        """The district with this code (KeyError if unknown)."""
        return {d.code: d for d in self.districts}[code]

    def disorder_of_failure(self, duty: str, failed_items: list[str] | tuple[str, ...] = ()) -> str | None:
        """The 八乱 category a failed 门前五包 duty is: that of its first failed check item that
        names one, else the duty's own; None when the catalog names none (the officer picks)."""
        for responsibility in self.responsibilities:
            if responsibility.code == duty:
                by_item = {i.code: i.disorder for i in responsibility.check_items}
                named = [by_item.get(code, "") for code in failed_items]
                return next((c for c in named if c), responsibility.disorder) or None
        return None


class _Reader:
    """Reads fields of one catalog row and reports exactly which one is wrong."""

    def __init__(self, file: str, row: dict[str, Any], where: str) -> None:
        self.file, self.row, self.where = file, row, where

    def fail(self, message: str, **params: Any) -> CatalogError:
        return CatalogError(
            message,
            QT_TRANSLATE_NOOP(
                "errors",
                "Reinstall the app or ask the administrator for a corrected catalog file.",
            ),
            file=self.file,
            where=self.where,
            **params,
        )

    def get(self, key: str, kind: type[T] | tuple[type, ...]) -> Any:
        if key not in self.row:
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "errors", "Catalog file {file}, {where}: the field '{field}' is missing."
                ),
                field=key,
            )
        value = self.row[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise self.fail(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Catalog file {file}, {where}: the field '{field}' should be {expected}, "
                    "but is {actual!r}.",
                ),
                field=key,
                expected="/".join(k.__name__ for k in kinds),
                actual=value,
            )
        if isinstance(value, str) and not value.strip():
            raise self.fail(
                QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: the field '{field}' is empty."),
                field=key,
            )
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        for v in values:
            if not isinstance(v, str):
                raise self.fail(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Catalog file {file}, {where}: the list '{field}' should hold only text, "
                        "but holds {actual!r}.",
                    ),
                    field=key,
                    actual=v,
                )
        return tuple(values)


def _read_json(folder: Path, name: str) -> dict[str, Any]:
    path = folder / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(
            QT_TRANSLATE_NOOP("errors", "The catalog file {file} is missing."),
            QT_TRANSLATE_NOOP("errors", "Reinstall the app or ask the administrator for it."),
            file=name,
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(
            QT_TRANSLATE_NOOP("errors", "The catalog file {file} is not valid JSON ({detail})."),
            QT_TRANSLATE_NOOP(
                "errors", "Reinstall the app or ask the administrator for a corrected file."
            ),
            file=name,
            detail=str(exc),
        ) from None
    if not isinstance(data, dict):
        raise CatalogError(
            QT_TRANSLATE_NOOP("errors", "The catalog file {file} does not hold a catalog object."),
            file=name,
        )
    return data


def _rows(folder: Path, name: str, parse: Callable[[_Reader], T]) -> tuple[str, tuple[T, ...]]:
    data = _read_json(folder, name)
    top = _Reader(name, data, "top level")
    version = top.get("version", str)
    items = top.get("items", list)
    parsed = []
    seen: set[str] = set()
    for index, row in enumerate(items, start=1):
        code = row.get("code") if isinstance(row, dict) else None
        where = f"row {index}" + (f" ({code})" if isinstance(code, str) else "")
        if not isinstance(row, dict):
            raise top.fail(QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: not an object."))
        reader = _Reader(name, row, where)
        item = parse(reader)
        item_code = getattr(item, "code", None)
        if isinstance(item_code, str):
            if item_code in seen:
                raise reader.fail(
                    QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: the code is used twice.")
                )
            seen.add(item_code)
        parsed.append(item)
    if not parsed:
        raise top.fail(QT_TRANSLATE_NOOP("errors", "Catalog file {file} has no rows."))
    return version, tuple(parsed)


def parse_first_offence_item(r: _Reader) -> FirstOffenceItem:
    """Read one first-offence row (also used when an admin imports a new catalog version)."""
    mode = r.get("penalty_mode", str)
    if mode not in PENALTY_MODES:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "errors",
                "Catalog file {file}, {where}: penalty_mode {actual!r} is not one of {expected}.",
            ),
            actual=mode,
            expected=", ".join(PENALTY_MODES),
        )
    days = r.get("rectify_days", int)
    lookback = r.get("lookback_days", int)
    if days < 0 or lookback <= 0:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "errors",
                "Catalog file {file}, {where}: rectify_days must be 0 or more and "
                "lookback_days more than 0.",
            )
        )
    violated = _provisions(r, "violated_provisions_zh")
    penalty = _provisions(r, "penalty_provisions_zh")
    correction = r.get("correction_zh", str).strip()
    if problem := correction_problem(correction):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "errors",
                "Catalog file {file}, {where}: the correction '{field}' {detail}: {actual!r}.",
            ),
            field="correction_zh",
            detail=problem,
            actual=correction,
        )
    return FirstOffenceItem(
        code=r.get("code", str),
        violation_zh=r.get("violation_zh", str),
        legal_basis_zh=r.get("legal_basis_zh", str),
        penalty_basis_zh=r.get("penalty_basis_zh", str),
        penalty_mode=mode,
        conditions_zh=r.strings("conditions_zh"),
        rectify_days=days,
        lookback_days=lookback,
        needs_verification=r.get("needs_verification", bool),
        confidence=str(r.row.get("confidence", "")),
        source=str(r.row.get("source", "")),
        jurisdiction=str(r.row.get("jurisdiction", "")),
        case_name_zh=r.get("case_name_zh", str).strip(),
        violated_provisions_zh=violated,
        penalty_provisions_zh=penalty,
        correction_zh=correction,
        photo_required=_optional_bool(r, "photo_required"),
    )


def _optional_bool(r: _Reader, key: str) -> bool:
    """A true/false field a catalog may leave out (false then)."""
    return bool(r.get(key, bool)) if key in r.row else False


def _provisions(r: _Reader, key: str) -> tuple[str, ...]:
    values = tuple(v.strip() for v in r.strings(key))
    if not values:
        raise r.fail(QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: the list '{field}' is empty."),
                     field=key)
    for value in values:
        if problem := provision_problem(value):
            raise r.fail(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Catalog file {file}, {where}: the provision {actual!r} in '{field}' {detail}.",
                ),
                field=key,
                detail=problem,
                actual=value,
            )
    return values


def _responsibility(r: _Reader) -> Responsibility:
    items = []
    for i, raw in enumerate(r.get("check_items", list), start=1):
        sub = _Reader(r.file, raw if isinstance(raw, dict) else {}, f"{r.where}, check item {i}")
        items.append(CheckItem(sub.get("code", str), sub.get("text_zh", str), str(sub.row.get("disorder") or "")))
    return Responsibility(
        code=r.get("code", str),
        name_zh=r.get("name_zh", str),
        name_en=r.get("name_en", str),
        scope_zh=r.get("scope_zh", str),
        basis_zh=r.get("basis_zh", str),
        check_items=tuple(items),
        disorder=str(r.row.get("disorder") or ""),
    )


def _disorder(r: _Reader) -> Disorder:
    return Disorder(
        code=r.get("code", str),
        name_zh=r.get("name_zh", str),
        name_en=r.get("name_en", str),
        examples_zh=r.strings("examples_zh"),
        basis_zh=r.get("basis_zh", str),
        needs_verification=r.get("needs_verification", bool),
        event_codes=r.strings("event_codes"),
        first_offence_codes=r.strings("first_offence_codes"),
        photo_required=r.get("photo_required", bool),
    )


def _event_code(r: _Reader) -> EventCode:
    code = r.get("code", str)
    if len(code) != 4 or not code.isdigit():
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "errors", "Catalog file {file}, {where}: an event code has 4 digits, not {actual!r}."
            ),
            actual=code,
        )
    return EventCode(code, r.get("major_zh", str), r.get("minor_zh", str), r.get("local_extension", bool))


def _district(r: _Reader) -> District:
    subs = []
    for i, raw in enumerate(r.get("subdistricts", list), start=1):
        sub = _Reader(r.file, raw if isinstance(raw, dict) else {}, f"{r.where}, subdistrict {i}")
        subs.append(Subdistrict(sub.get("code", str), sub.get("name_zh", str)))
    return District(r.get("code", str), r.get("name_zh", str), r.get("kind", str), tuple(subs))


def _star_rating(folder: Path) -> StarRatingRule:
    data = _read_json(folder, "star_rating.json")
    r = _Reader("star_rating.json", data, "top level")
    bands = []
    for i, raw in enumerate(r.get("bands", list), start=1):
        sub = _Reader(r.file, raw if isinstance(raw, dict) else {}, f"band {i}")
        bands.append(StarBand(sub.get("stars", int), float(sub.get("min", (int, float)))))
    caps: dict[str, int] = {}
    for i, raw in enumerate(data.get("caps", []), start=1):
        sub = _Reader(r.file, raw if isinstance(raw, dict) else {}, f"cap {i}")
        condition = sub.get("condition", str)
        kind = "penalty" if "penalty" in condition else "unremedied" if "unremedied" in condition else None
        if kind is None:
            raise sub.fail("unknown cap condition {condition}", condition=condition)
        caps[kind] = sub.get("max_stars", int)
    raw_demotion = data.get("demotion_rule")
    demotion: dict[str, Any] = raw_demotion if isinstance(raw_demotion, dict) else {}
    return StarRatingRule(
        score_max=float(r.get("score_max", (int, float))),
        points_per_item=float(r.get("points_per_item", (int, float))),
        deduct_per_failed_item=float(r.get("deduct_per_failed_item", (int, float))),
        deduct_repeat_in_period=float(r.get("deduct_repeat_in_period", (int, float))),
        bands=tuple(sorted(bands, key=lambda b: -b.min_score)),
        cap_unremedied=caps.get("unremedied"),
        cap_penalty=caps.get("penalty"),
        demotion_failures_per_year=int(demotion.get("failed_inspections_per_year", 0)),
    )


def load_catalogs(folder: Path | None = None) -> Catalogs:
    """Read and check every catalog file; raises :class:`CatalogError` naming the first problem."""
    folder = folder or resource_path("catalogs")
    version, responsibilities = _rows(folder, "responsibilities.json", _responsibility)
    _, disorders = _rows(folder, "disorders.json", _disorder)
    _, first_offence = _rows(folder, "first_offence.json", parse_first_offence_item)
    _, event_codes = _rows(folder, "event_codes.json", _event_code)
    _, districts = _rows(folder, "districts.json", _district)
    categories = _Reader("unit_categories.json", _read_json(folder, "unit_categories.json"), "top level")
    catalogs = Catalogs(
        version=version,
        responsibilities=responsibilities,
        disorders=disorders,
        first_offence=first_offence,
        event_codes=event_codes,
        districts=districts,
        star_rating=_star_rating(folder),
        unit_categories=categories.strings("items"),
    )
    _check_references(catalogs)
    return catalogs


def _check_references(c: Catalogs) -> None:
    events = {e.code for e in c.event_codes}
    offences = {f.code for f in c.first_offence}
    for d in c.disorders:
        for code in d.event_codes:
            if code not in events:
                raise CatalogError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Catalog file disorders.json, {where}: event code {code} is not in "
                        "event_codes.json.",
                    ),
                    where=d.code,
                    code=code,
                )
        for code in d.first_offence_codes:
            if code not in offences:
                raise CatalogError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Catalog file disorders.json, {where}: first-offence row {code} is not "
                        "in first_offence.json.",
                    ),
                    where=d.code,
                    code=code,
                )
    known = {d.code for d in c.disorders}
    for duty in c.responsibilities:
        for where, code in [(duty.code, duty.disorder), *((i.code, i.disorder) for i in duty.check_items)]:
            if code and code not in known:
                raise CatalogError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Catalog file responsibilities.json, {where}: 八乱 category {code} is not in disorders.json."
                    ),
                    where=where,
                    code=code,
                )
    if len(c.responsibilities) != 5:
        raise CatalogError(
            QT_TRANSLATE_NOOP(
                "errors", "Catalog file responsibilities.json must list the five duties, not {n}."
            ),
            n=len(c.responsibilities),
        )


@cache
def shipped_catalogs() -> Catalogs:
    """The catalogs shipped in resources/, loaded once per process."""
    return load_catalogs()


def parse_first_offence_rows(
    rows: list[dict[str, Any]], file: str
) -> tuple[list[FirstOffenceItem], list[tuple[int, str]]]:
    """Check every row of a new first-offence catalog version: the good items, and
    (row number, message) for each bad row. Codes must be unique."""
    items: list[FirstOffenceItem] = []
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        code = row.get("code") if isinstance(row, dict) else None
        where = f"row {index}" + (f" ({code})" if isinstance(code, str) else "")
        try:
            item = parse_first_offence_item(_Reader(file, row if isinstance(row, dict) else {}, where))
        except CatalogError as exc:
            problems.append((index, exc.render()))
            continue
        if item.code in seen:
            problems.append((index, f"Catalog file {file}, {where}: the code is used twice."))
            continue
        seen.add(item.code)
        items.append(item)
    return items, problems

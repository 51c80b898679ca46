"""The first-offence (首违不罚) catalog as data the bureau republishes: the shipped version,
versions an administrator imports (.json or .xlsx, checked row by row), and confirming the
legal bases that were marked "to verify"."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from inspector_app.domain.catalogs import FirstOffenceItem, parse_first_offence_rows
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage.violations import catalog_versions

KIND = "first_offence"
XLSX_COLUMNS = ("code", "violation_zh", "legal_basis_zh", "penalty_basis_zh", "penalty_mode", "conditions_zh",
                "rectify_days", "lookback_days", "needs_verification", "confidence", "source", "case_name_zh",
                "violated_provisions_zh", "penalty_provisions_zh", "correction_zh", "photo_required")
LIST_COLUMNS = ("conditions_zh", "violated_provisions_zh", "penalty_provisions_zh")
STRUCTURED = ("case_name_zh", "violated_provisions_zh", "penalty_provisions_zh", "correction_zh")


@dataclass(frozen=True)
class CatalogInUse:
    """A version of the catalog and its items."""

    version: str
    items: tuple[FirstOffenceItem, ...]
    confirmed: frozenset[str]

    def item(self, code: str) -> FirstOffenceItem:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def to_verify(self, item: FirstOffenceItem) -> bool:
        """Whether the item's legal basis still waits for an administrator's confirmation."""
        return item.needs_verification and item.code not in self.confirmed


def _with_structure(rows: list[dict[str, Any]], shipped: dict[str, FirstOffenceItem]) -> list[dict[str, Any]]:
    """Versions imported before the legal basis was structured lack its fields: they take them
    from the shipped row of the same code (the same rule), so their documents still compose."""
    out = []
    for row in rows:
        known = shipped.get(row.get("code", "")) if isinstance(row, dict) else None
        if isinstance(row, dict) and known and not any(k in row for k in STRUCTURED):
            row = {**row, "case_name_zh": known.case_name_zh, "violated_provisions_zh": list(known.violated_provisions_zh),
                   "penalty_provisions_zh": list(known.penalty_provisions_zh), "correction_zh": known.correction_zh}
        out.append(row)
    return out


def _from_row(row: dict[str, Any], shipped: tuple[FirstOffenceItem, ...] = ()) -> CatalogInUse:
    rows = _with_structure(json.loads(row["items"]), {i.code: i for i in shipped})
    items, _ = parse_first_offence_rows(rows, row["version"])
    return CatalogInUse(row["version"], tuple(items), frozenset(json.loads(row["confirmed_codes"])))


def catalog_in_use(session: Session, version: str | None = None) -> CatalogInUse:
    """The newest imported version (or a given one); the shipped catalog when none was imported."""
    for row in catalog_versions(session.store.db, KIND):
        if version is None or row["version"] == version:
            return _from_row(row, session.catalogs.first_offence)
    return CatalogInUse(session.catalogs.version, session.catalogs.first_offence, frozenset())


def all_versions(session: Session) -> list[dict[str, Any]]:
    """Imported versions, newest first (the shipped one is not listed)."""
    return catalog_versions(session.store.db, KIND)


def _rows_from_xlsx(path: Path) -> list[dict[str, Any]]:
    from inspector_app.spreadsheets.tables import read_table

    table = read_table(path, set(XLSX_COLUMNS))
    index = {h.strip(): i for i, h in enumerate(table.headers)}
    rows = []
    for values in table.rows:
        row: dict[str, Any] = {}
        for column in XLSX_COLUMNS:
            if column in index and values[index[column]] is not None:
                row[column] = values[index[column]]
        for number in ("rectify_days", "lookback_days"):
            if isinstance(row.get(number), str) and row[number].lstrip("-").isdigit():
                row[number] = int(row[number])
        for column in LIST_COLUMNS:
            if isinstance(row.get(column), str):
                row[column] = [c.strip() for c in row[column].replace(";", "；").split("；") if c.strip()]
        for flag in ("needs_verification", "photo_required"):
            if flag in row:
                row[flag] = str(row[flag]).strip().lower() in ("是", "true", "1", "yes", "y")
        rows.append(row)
    return rows


@dataclass(frozen=True)
class CatalogImport:
    """What an import found: the version and every bad row."""

    version: str
    items: int
    problems: list[tuple[int, str]]
    stored: bool


def import_catalog_version(session: Session, path: Path, version: str, published_by: str = "") -> CatalogImport:
    """Check a new version row by row; store it only if every row is good (a legal catalog is
    used whole). Versions are kept, so old decisions can always be explained."""
    session.require(Permission.MANAGE_CATALOGS)
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError(QT_TRANSLATE_NOOP("errors", "The file {name} is not valid JSON ({detail})."),
                            name=path.name, detail=str(exc)) from None
        rows = data.get("items", []) if isinstance(data, dict) else data
        version = version or (data.get("version", "") if isinstance(data, dict) else "")
    else:
        rows = _rows_from_xlsx(path)
    if not version.strip():
        raise UserError(QT_TRANSLATE_NOOP("errors", "Give the new catalog version a name, e.g. 2027-01."))
    if any(v["version"] == version for v in all_versions(session)) or version == session.catalogs.version:
        raise UserError(QT_TRANSLATE_NOOP("errors", "A catalog version named {version} exists already; choose another name."),
                        version=version)
    items, problems = parse_first_offence_rows(list(rows), path.name)
    if not items and not problems:
        problems = [(0, f"{path.name}: no rows")]
    if problems:
        return CatalogImport(version, len(items), problems, False)
    with session.operation("import_first_offence_catalog", Permission.MANAGE_CATALOGS) as op:
        op.recorder.create("catalog_version", {
            "kind": KIND, "version": version, "published_by": published_by, "items": [asdict(i) for i in items],
            "confirmed_codes": [], "imported_by": session.actor.officer_id, "imported_at": utc_iso(op.now),
        })
        op.details.update(version=version, items=len(items))
    return CatalogImport(version, len(items), [], True)


def confirm_legal_basis(session: Session, version: str, code: str) -> None:
    """An administrator confirms an item's legal basis against the current official text."""
    session.require(Permission.MANAGE_CATALOGS)
    row = next((v for v in all_versions(session) if v["version"] == version), None)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "Import the catalog as a version first; the shipped catalog cannot be changed."))
    confirmed = sorted(set(json.loads(row["confirmed_codes"])) | {code})
    with session.operation("confirm_legal_basis", Permission.MANAGE_CATALOGS) as op:
        op.recorder.patch("catalog_version", row["id"], {"confirmed_codes": confirmed})
        op.details.update(version=version, code=code)

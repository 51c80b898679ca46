"""A dispatcher imports work orders from a spreadsheet (.xlsx/.csv exported by 12345 or the
数字城管 platform): every row checked with the intake form, numbers already received left
out, the good rows stored in ONE transaction (routed to their road and squad)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import FieldError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.forms.engine import FormContext, clean
from inspector_app.forms.work_order import new_order_fields, work_order_form
from inspector_app.forms.work_order_import import known_headers, row_values, suggest_mapping
from inspector_app.services.session import Session
from inspector_app.services.work_orders import calendar, categories, routed_fields
from inspector_app.spreadsheets.tables import read_table
from inspector_app.storage import work_orders as store
from inspector_app.storage.records import create_many


@dataclass
class ImportRow:
    """One row and what will happen to it: "create", "duplicate" (number known) or "error"."""

    row_number: int
    values: dict[str, Any]
    action: str
    errors: list[FieldError] = field(default_factory=list)


@dataclass
class ImportPlan:
    """Every row's outcome, before anything is stored."""

    path: Path
    rows: list[ImportRow]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def plan_import(session: Session, path: Path, default_source: str = "hotline",
                progress: Progress | None = None) -> ImportPlan:
    """Read the file and check every row (nothing is stored)."""
    session.require(Permission.DISPATCH_ORDERS)
    report = (lambda d, t: progress.update(d, t, "read")) if progress else None
    table = read_table(path, known_headers(), report)
    mapping = suggest_mapping(table.headers)
    form, ctx = work_order_form(categories()), FormContext(session.today(), mode="import")
    rows, seen = [], set()
    for number, raw in table.iter_rows():
        values, problems = clean(form, row_values(raw, mapping, default_source), ctx)
        action = "error" if problems else "create"
        key = (values.get("source"), values.get("platform_no"))
        if action == "create" and key in seen:
            action, problems = "error", [FieldError("platform_no", QT_TRANSLATE_NOOP(
                "forms", "The order number {value} is in the file twice."), {"value": key[1]})]
        seen.add(key)
        rows.append(ImportRow(number, values, action, problems))
    wanted = [(str(r.values["source"]), str(r.values["platform_no"])) for r in rows if r.action == "create"]
    taken = store.numbers_taken(session.store.db, wanted)
    for r in rows:
        if r.action == "create" and (r.values["source"], r.values["platform_no"]) in taken:
            r.action = "duplicate"
    return ImportPlan(path, rows)


def run_import(session: Session, plan: ImportPlan) -> Changes:
    """Store every "create" row of the plan in one transaction (each with its timeline entry)."""
    session.require(Permission.DISPATCH_ORDERS)
    form = work_order_form(categories())
    now = session.now()
    new = []
    for r in plan.rows:
        if r.action != "create":
            continue
        fields = new_order_fields(r.values, now, categories(), calendar())
        fields.update(routed_fields(session, r.values))
        new.append(fields)
    with session.operation("import_work_orders", Permission.DISPATCH_ORDERS) as op:
        ids = create_many(op.recorder, "work_order", new, form_version=f"{form.name}/{form.version}")
        create_many(op.recorder, "work_order_event", [
            {"order_id": i, "at": f["received_at"], "kind": "received", "status_from": "", "status_to": "received",
             "note": plan.path.name, "officer_id": session.actor.officer_id} for i, f in zip(ids, new, strict=True)])
        op.details.update(file=plan.path.name, created=len(ids), duplicates=plan.count("duplicate"),
                          errors=plan.count("error"))
    return op.changes

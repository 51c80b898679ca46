"""公示 (行政执法公示): the decisions to publish in a date range, per squad or district, exported
for the 双公示 platform as .xlsx or CSV, and the record of what each export published; the
overdue-to-publish list (decisions past their 7-working-day deadline, not yet published)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.ids import uuid7
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission, Role
from inspector_app.domain.work_calendar import shipped_calendar
from inspector_app.services.publication_rows import (
    HEADERS,
    WIDTHS,
    PublicRow,
    public_row,
    publish_by,
)
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage import publication as store

MAX_RANGE_DAYS = 366  # a year at a time: one platform upload stays a size people check
FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class Scope:
    """Which decisions: issued from ``start`` to ``end`` (local dates, both included), of one
    squad, of one district's squads, or of every squad on this device."""

    start: date
    end: date
    squad_id: str | None = None
    district_code: str | None = None


@dataclass(frozen=True)
class Exported:
    """An export written: the file, how many decisions it carries, how many of them were
    published for the first time, and what changed."""

    path: Path
    rows: int
    newly_published: int
    export_id: str
    changes: Changes


@dataclass(frozen=True)
class Unpublished:
    """A decision not yet published, and by when it must be."""

    document_id: str
    doc_type: str
    number: str
    party_name: str
    squad_name: str
    issued_at: str
    deadline: datetime
    estimated: bool
    overdue: bool


@dataclass(frozen=True)
class ToPublish:
    """The clerk's list: overdue first, then the rest by deadline."""

    items: list[Unpublished]

    @property
    def overdue(self) -> int:
        """How many are past their deadline."""
        return sum(1 for i in self.items if i.overdue)

    @property
    def due(self) -> int:
        """How many are still within it."""
        return len(self.items) - self.overdue


def check_scope(session: Session, scope: Scope) -> None:
    """Refuse a range that ends before it starts, lies in the future or is over a year long."""
    if scope.end < scope.start:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The date range ends ({end}) before it starts ({start})."),
            QT_TRANSLATE_NOOP("errors", "Choose a start date on or before the end date."),
            start=scope.start.isoformat(), end=scope.end.isoformat())
    if scope.start > session.today():
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The date range starts in the future ({start}): no decision is made yet."),
            QT_TRANSLATE_NOOP("errors", "Choose a start date on or before today."), start=scope.start.isoformat())
    if (scope.end - scope.start).days + 1 > MAX_RANGE_DAYS:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The date range is {days} days long; one export covers at most {most} days."),
            QT_TRANSLATE_NOOP("errors", "Export a year or less at a time."),
            days=(scope.end - scope.start).days + 1, most=MAX_RANGE_DAYS)


def _squad_ids(session: Session, squad_id: str | None, district_code: str | None) -> list[str] | None:
    if squad_id:
        return [squad_id]
    if district_code:
        return [s["id"] for s in store.squads_of(session.store.db, district_code)]
    return None


def _bounds(scope: Scope) -> tuple[str, str]:
    return (utc_iso(datetime.combine(scope.start, time(0), LOCAL_TZ)),
            utc_iso(datetime.combine(scope.end + timedelta(days=1), time(0), LOCAL_TZ)))


def decisions_to_publish(session: Session, scope: Scope, unpublished_only: bool = False) -> list[PublicRow]:
    """The 公示 rows of the decisions in ``scope`` (masked), oldest first."""
    session.require(Permission.PRINT_DOCUMENTS)
    check_scope(session, scope)
    start, end = _bounds(scope)
    docs = store.publishable_documents(session.store.db, start, end, _squad_ids(session, scope.squad_id,
                                                                                   scope.district_code))
    calendar = shipped_calendar()
    return [public_row(d, calendar) for d in docs if not (unpublished_only and d["published_at"])]


def export_publication(session: Session, scope: Scope, path: Path, unpublished_only: bool = True,
                       progress: Progress | None = None) -> Exported:
    """Write the decisions in ``scope`` to ``path`` (.xlsx or .csv, by its suffix) and record
    each one not published before as published by this export, in one transaction after the
    file is complete: a file that failed to write publishes nothing."""
    from inspector_app.spreadsheets.publication import write_publication

    session.require(Permission.PRINT_DOCUMENTS)
    file_format = path.suffix.lower().lstrip(".")
    if file_format not in FORMATS:
        raise UserError(QT_TRANSLATE_NOOP("errors", "A 公示 export is an .xlsx or .csv file, not {name}."),
                        QT_TRANSLATE_NOOP("errors", "Save it with the .xlsx or .csv ending."), name=path.name)
    if not path.parent.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist (a USB stick taken out?)."),
                        QT_TRANSLATE_NOOP("errors", "Choose a folder that exists and export again."),
                        folder=str(path.parent))
    progress = progress or Progress()
    progress.update(0, 3, "collect")
    rows = decisions_to_publish(session, scope, unpublished_only)
    if not rows:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "There is no decision to publish from {start} to {end}."),
            QT_TRANSLATE_NOOP("errors", "Choose another date range or squad; decisions already published "
                                        "are left out unless you untick “Only unpublished”."),
            start=scope.start.isoformat(), end=scope.end.isoformat())
    _check_own_squad(session, rows)
    progress.check()
    progress.update(1, 3, "write")
    try:
        write_publication(path, HEADERS, [r.values for r in rows], WIDTHS)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The file {name} could not be written ({detail})."),
                        QT_TRANSLATE_NOOP("errors", "Choose another folder, or close the file if it is open "
                                                    "in Excel or WPS, and export again."),
                        name=path.name, detail=exc.strerror or str(exc)) from None
    progress.update(2, 3, "record")
    export_id = uuid7()
    fresh = [r for r in rows if not r.published_at]
    with session.operation("publish_decisions", Permission.PRINT_DOCUMENTS) as op:
        for r in fresh:
            op.recorder.create("publication", {
                "document_id": r.document_id, "squad_id": r.squad_id, "export_id": export_id,
                "file_name": path.name, "file_format": file_format, "published_by": session.actor.officer_id,
                "published_at": utc_iso(op.now)})
        op.details.update(file=path.name, rows=len(rows), published=len(fresh), start=scope.start.isoformat(),
                          end=scope.end.isoformat(), squad_id=scope.squad_id, district=scope.district_code)
    progress.update(3, 3, "done")
    return Exported(path, len(rows), len(fresh), export_id, op.changes)


def _check_own_squad(session: Session, rows: list[PublicRow]) -> None:
    """Each squad publishes its own decisions (the server takes a publication only from the
    decision's squad); an administrator publishes for any."""
    if session.actor.role == Role.ADMIN:
        return
    others = sorted({r.squad_name for r in rows if r.squad_id != session.actor.squad_id})
    if others:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The export includes decisions of other squads ({squads}); each squad "
                                        "publishes its own."),
            QT_TRANSLATE_NOOP("errors", "Choose your own squad and export again."), squads="、".join(others))


def to_publish(session: Session, squad_id: str | None = None, district_code: str | None = None) -> ToPublish:
    """Every decision on this device not yet published: overdue ones first (oldest deadline
    first), then those still within their 7 working days."""
    session.require(Permission.PRINT_DOCUMENTS)
    calendar = shipped_calendar()
    now = session.now()
    items = []
    for d in store.unpublished_documents(session.store.db, _squad_ids(session, squad_id, district_code)):
        deadline = publish_by(calendar, d["issued_at"])
        items.append(Unpublished(d["id"], d["doc_type"], d["number"], d["party_name"], d["squad_name"] or "",
                                 d["issued_at"], deadline.at, deadline.estimated, deadline.at < now))
    items.sort(key=lambda i: (not i.overdue, i.deadline))
    return ToPublish(items)


def squads_for_publication(session: Session, district_code: str | None = None) -> list[dict[str, str]]:
    """The squads whose decisions this device holds (of one district), for the page's filter."""
    session.require(Permission.PRINT_DOCUMENTS)
    return store.squads_of(session.store.db, district_code)

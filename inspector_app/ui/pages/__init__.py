"""The pages of the main window. Each page is its own module; PAGES lists those that work.

To add a page, write ``<name>_view.py`` with a :class:`~inspector_app.ui.context.Page` subclass
(it takes a :class:`~inspector_app.ui.context.PageContext`), and append a :class:`PageSpec` here.
A page that does not work yet is not listed. Each factory imports its page when the page is first built, which
keeps start-up light and lets this list name every page without importing them all at once.
"""

from __future__ import annotations

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.ui.context import Page, PageContext, PageSpec


def _work_orders(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.work_orders_view import WorkOrdersView

    return WorkOrdersView(ctx)


def _units(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.units_view import UnitsView

    return UnitsView(ctx)


def _patrol(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.patrol_view import PatrolView

    return PatrolView(ctx)


def _rates(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.rates_view import RatesView

    return RatesView(ctx)


def _review(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.review_view import ReviewView

    return ReviewView(ctx)


def _returned(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.returned_view import ReturnedView

    return ReturnedView(ctx)


def _disorders(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.disorders_view import DisordersView

    return DisordersView(ctx)


def _notices(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.notices_view import NoticesView

    return NoticesView(ctx)


def _documents(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.documents_view import DocumentsView

    return DocumentsView(ctx)


def _map(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.map_view import MapView

    return MapView(ctx)


def _catalogs(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.catalogs_view import CatalogsView

    return CatalogsView(ctx)


def _sync(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.sync_view import SyncView

    return SyncView(ctx)


def _conflicts(ctx: PageContext) -> Page:
    from inspector_app.ui.pages.conflicts_view import ConflictsView

    return ConflictsView(ctx)


PAGES: list[PageSpec] = [
    PageSpec("review", QT_TRANSLATE_NOOP("pages", "Daily review"), "fa5s.clipboard-list", _review, Permission.REVIEW),
    PageSpec("patrol", QT_TRANSLATE_NOOP("pages", "Patrol"), "fa5s.walking", _patrol, Permission.PATROL),
    PageSpec("work_orders", QT_TRANSLATE_NOOP("pages", "待办"), "fa5s.tasks", _work_orders, Permission.INSPECT),
    PageSpec("map", QT_TRANSLATE_NOOP("pages", "Map"), "fa5s.map-marked-alt", _map, Permission.VIEW_UNITS),
    PageSpec("disorders", QT_TRANSLATE_NOOP("pages", "八乱"), "fa5s.exclamation-triangle", _disorders, Permission.INSPECT),
    PageSpec("notices", QT_TRANSLATE_NOOP("pages", "首违不罚"), "fa5s.gavel", _notices, Permission.ISSUE_NOTICE),
    PageSpec("documents", QT_TRANSLATE_NOOP("pages", "Documents"), "fa5s.folder-open", _documents, Permission.PRINT_DOCUMENTS),
    PageSpec("returned", QT_TRANSLATE_NOOP("pages", "Returned"), "fa5s.undo", _returned, Permission.PATROL),
    PageSpec("units", QT_TRANSLATE_NOOP("pages", "Units"), "fa5s.store", _units, Permission.VIEW_UNITS),
    PageSpec("catalogs", QT_TRANSLATE_NOOP("pages", "Catalogs"), "fa5s.book", _catalogs, Permission.MANAGE_CATALOGS),
    PageSpec("rates", QT_TRANSLATE_NOOP("pages", "Rates"), "fa5s.chart-bar", _rates, Permission.VIEW_UNITS),
    PageSpec("conflicts", QT_TRANSLATE_NOOP("pages", "Conflicts"), "fa5s.code-branch", _conflicts,
             Permission.RESOLVE_CONFLICTS),
    PageSpec("sync", QT_TRANSLATE_NOOP("pages", "Sync"), "fa5s.sync", _sync, Permission.SYNC),
]

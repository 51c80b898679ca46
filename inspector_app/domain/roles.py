"""Roles and what each may do. Services check these; the UI only hides what is not allowed."""

from __future__ import annotations

from enum import StrEnum

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    """The four kinds of user (design.md §1)."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    CLERK = "clerk"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.OFFICER: QT_TRANSLATE_NOOP("roles", "Squad officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "Duty supervisor"),
    Role.CLERK: QT_TRANSLATE_NOOP("roles", "Enforcement clerk"),
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "Administrator"),
}


class Permission(StrEnum):
    """Actions a service checks before it changes anything."""

    VIEW_UNITS = "view_units"
    EDIT_UNITS = "edit_units"
    IMPORT_UNITS = "import_units"
    PATROL = "patrol"
    INSPECT = "inspect"
    ISSUE_NOTICE = "issue_notice"
    REVIEW = "review"
    PRINT_DOCUMENTS = "print_documents"
    MANAGE_CATALOGS = "manage_catalogs"
    MANAGE_USERS = "manage_users"
    RESOLVE_CONFLICTS = "resolve_conflicts"
    SYNC = "sync"
    DISPATCH_ORDERS = "dispatch_orders"
    LEGAL_REVIEW = "legal_review"  # 法制审核: approve or return a decision before it is issued


_P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(
        {_P.VIEW_UNITS, _P.EDIT_UNITS, _P.PATROL, _P.INSPECT, _P.ISSUE_NOTICE, _P.SYNC}
    ),
    Role.SUPERVISOR: frozenset(
        {
            _P.VIEW_UNITS, _P.EDIT_UNITS, _P.IMPORT_UNITS, _P.PATROL, _P.INSPECT,
            _P.ISSUE_NOTICE, _P.REVIEW, _P.PRINT_DOCUMENTS, _P.RESOLVE_CONFLICTS, _P.SYNC,
            _P.DISPATCH_ORDERS,
        }
    ),
    # The clerk is the squad's 内勤 / 法制员 (design.md §1): the 法制审核 of decisions is theirs,
    # apart from the officers who make them.
    Role.CLERK: frozenset({_P.VIEW_UNITS, _P.PRINT_DOCUMENTS, _P.SYNC, _P.LEGAL_REVIEW}),
    Role.ADMIN: frozenset(set(Permission)),
}


def allows(role: Role | str, permission: Permission) -> bool:
    """Whether ``role`` may perform ``permission``."""
    return permission in ROLE_PERMISSIONS[Role(role)]

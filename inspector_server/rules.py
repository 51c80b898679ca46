"""Everything the server knows about particular entities (design.md §8): who may create or
change each one, which squad a record belongs to, which records are final, and the workflow
status fields the server decides. The rest of the server is entity-agnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.workflows import WORKFLOWS

OFFICER, SUPERVISOR, CLERK, ADMIN = "officer", "supervisor", "clerk", "admin"

FIELD_WORK = frozenset({
    "unit", "patrol", "photo", "frontage_inspection", "disorder_check", "disorder_event",
    "violation", "document", "voided_number", "work_order", "work_order_event", "legal_review",
})
# Which entities each role may create or change (before the field rules below).
WRITABLE: dict[str, frozenset[str]] = {
    OFFICER: FIELD_WORK | {"review"},  # only their own resubmissions: see check_create
    SUPERVISOR: FIELD_WORK | {"review", "conflict", "publication"},
    # 法制审核: see legal_reviews
    CLERK: frozenset({"document", "voided_number", "photo", "legal_review", "publication"}),
}
# A clerk changes only these fields of a document (printing, voiding).
CLERK_DOCUMENT_FIELDS = frozenset({"print_count", "status", "void_reason", "pdf_sha256"})

# Records that are final from their first op: only these fields change afterwards.
FINAL_ON_CREATE: dict[str, frozenset[str]] = {
    "document": frozenset({"print_count", "status", "void_reason", "pdf_sha256"}),
    "frontage_inspection": frozenset({"review_status", "review_comment", "superseded"}),
    "review": frozenset(),  # the review history is never rewritten
    "publication": frozenset(),  # what was handed to the 公示 platform stays as it was
}
# Records that become final when a supervisor approves them: (workflow field, value) → the
# fields that may change afterwards. There is no ``finalize`` op: the server decides finality
# from the record's own state, so no device can skip (or forge) the step.
FINAL_AT: dict[str, tuple[str, str, frozenset[str]]] = {
    "patrol": ("status", "approved", frozenset()),
}
# Records final once their status is any of these: a decided 法制审核 review is never rewritten.
FINAL_IN: dict[str, tuple[str, frozenset[str]]] = {
    "legal_review": ("status", frozenset({"approved", "returned"})),
}
# Records inside a patrol: once the patrol is final they take no new records and change only
# their review fields (the supervisor approves what was still waiting in the same batch).
PATROL_CHILDREN: dict[str, frozenset[str]] = {
    "frontage_inspection": frozenset({"review_status", "review_comment"}),
}

# Server-authoritative state machines (domain.workflows, the same definition the app's services
# use): (entity, field) → allowed moves, and the targets only a supervisor (or admin) may set.
WORKFLOW: dict[tuple[str, str], tuple[dict[str, frozenset[str]], frozenset[str]]] = {
    key: (w.moves, w.supervisor_only) for key, w in WORKFLOWS.items()
}
# Counters that two devices may both increase: merged by adding the increments.
ADDITIVE = frozenset({("document", "print_count")})

# How a record without its own squad_id finds it: (field holding the parent id, parent entity
# or the field naming the parent's entity).
PARENT: dict[str, tuple[str, str]] = {
    "frontage_inspection": ("unit_id", "unit"),
    "disorder_event": ("check_id", "disorder_check"),
    "work_order_event": ("order_id", "work_order"),
    "review": ("entity_id", "@entity"),
    "photo": ("owner_id", "@owner_entity"),
    "legal_review": ("violation_id", "violation"),
}
GLOBAL = frozenset({"catalog_version"})  # every device receives these; only admins write them


@dataclass(frozen=True)
class Caller:
    """Who pushes: the signed-in officer on one device."""

    officer_id: str
    role: str
    squad_id: str | None
    device_id: str


class Refused(Exception):
    """An op the rules do not allow: ``status`` is 'forbidden' or 'rejected'."""

    def __init__(self, status: str, code: str, text: str) -> None:
        super().__init__(f"{code}: {text}")
        self.status = status
        self.reason = f"{code}: {text}"


def forbidden(code: str, text: str) -> Refused:
    """A refusal because of who is asking."""
    return Refused("forbidden", code, text)


def rejected(code: str, text: str) -> Refused:
    """A refusal because of what is asked."""
    return Refused("rejected", code, text)


Lookup = Callable[[str, str], dict[str, Any] | None]


def squad_of(
    entity: str, record_id: str, fields: dict[str, Any], lookup: Lookup, caller: Caller
) -> str | None:
    """The squad a record belongs to (None: every device receives it)."""
    if entity in GLOBAL:
        return None
    if entity == "squad":
        return record_id
    if fields.get("squad_id"):
        return str(fields["squad_id"])
    if entity in PARENT:
        ref, parent = PARENT[entity]
        parent_entity = fields.get(parent[1:]) if parent.startswith("@") else parent
        if parent_entity and fields.get(ref):
            found = lookup(str(parent_entity), str(fields[ref]))
            if found is not None:
                return found.get("squad_id")
    return caller.squad_id


def references(entity: str, fields: dict[str, Any]) -> list[tuple[str, str]]:
    """(entity, id) of the records this one points to: its parent (scope) and its patrol."""
    out: list[tuple[str, str]] = []
    if entity in PARENT:
        ref, parent = PARENT[entity]
        parent_entity = fields.get(parent[1:]) if parent.startswith("@") else parent
        if isinstance(parent_entity, str) and isinstance(fields.get(ref), str):
            out.append((parent_entity, fields[ref]))
    if entity in PATROL_CHILDREN and isinstance(fields.get("patrol_id"), str):
        out.append(("patrol", fields["patrol_id"]))
    return out


def check_write(caller: Caller, entity: str, record_squad: str | None, fields: set[str]) -> None:
    """Raise :class:`Refused` unless ``caller`` may write these fields of this record."""
    if caller.role == ADMIN:
        return
    if entity not in WRITABLE.get(caller.role, frozenset()):
        raise forbidden("role", f"a {caller.role} may not change {entity} records")
    if record_squad is not None and record_squad != caller.squad_id:
        raise forbidden("squad", f"this {entity} belongs to another squad")
    if caller.role == CLERK and entity == "document" and not fields <= CLERK_DOCUMENT_FIELDS:
        raise forbidden("role", "a clerk may only print or void documents")


def check_create(caller: Caller, entity: str, fields: dict[str, Any]) -> None:
    """Rules on the values of a new record: an officer's review record is a resubmission
    made by that officer, never a decision."""
    own_resubmission = fields.get("decision") == "resubmitted" and fields.get("reviewer_id") == caller.officer_id
    if entity == "review" and caller.role == OFFICER and not own_resubmission:
        raise forbidden("approve", "only a supervisor records review decisions")


def becomes_final(entity: str, fields: dict[str, Any]) -> bool:
    """Whether a record with these values is final (issued, submitted or approved)."""
    if entity in FINAL_ON_CREATE:
        return True
    among = FINAL_IN.get(entity)
    if among is not None:
        return fields.get(among[0]) in among[1]
    rule = FINAL_AT.get(entity)
    return rule is not None and fields.get(rule[0]) == rule[1]


def check_final(entity: str, final: bool, fields: set[str]) -> None:
    """Raise :class:`Refused` when the op changes a field of a final record."""
    if not final:
        return
    allowed = FINAL_ON_CREATE.get(entity)
    if allowed is None:
        allowed = FINAL_AT[entity][2] if entity in FINAL_AT else frozenset()
    frozen = sorted(fields - allowed)
    if frozen:
        raise rejected(
            "final", f"{entity} is final (issued, submitted or approved); {', '.join(frozen)} cannot change"
            " — make a correction as a new revision",
        )


def check_in_final_patrol(entity: str, creating: bool, fields: set[str]) -> None:
    """Raise :class:`Refused` for a new record in an approved patrol, or a change to one
    beyond its review fields."""
    allowed = PATROL_CHILDREN.get(entity, frozenset())
    frozen = sorted(fields - allowed)
    if creating or frozen:
        raise rejected(
            "final", f"the patrol of this {entity} is approved; "
            + ("no records can be added to it" if creating else f"{', '.join(frozen)} cannot change"),
        )


def check_workflow(caller: Caller, entity: str, field: str, current: Any, target: Any) -> None:
    """Raise :class:`Refused` for a status move the entity's state machine forbids."""
    rule = WORKFLOW.get((entity, field))
    if rule is None or current == target:
        return
    if not isinstance(target, str):  # a list or object would not even compare with the states
        raise rejected("invalid_value", f"{entity} {field} must be one of its states as text")
    moves, supervisor_only = rule
    if target in supervisor_only and caller.role not in (SUPERVISOR, ADMIN):
        raise forbidden("approve", f"only a supervisor may set {entity} {field} to {target}")
    if current is not None and target not in moves.get(str(current), frozenset()):
        raise rejected("transition", f"{entity} {field} cannot move from {current} to {target}")


def is_workflow(entity: str, field: str) -> bool:
    """Whether the server decides this field through a state machine."""
    return (entity, field) in WORKFLOW

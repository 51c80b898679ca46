"""What a service changed, so views refresh exactly what they show (as Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """One record created, patched, deleted or finalized."""

    entity: str
    entity_id: str
    op: str


@dataclass
class Changes:
    """Everything one service call changed."""

    items: list[Change] = field(default_factory=list)

    def add(self, entity: str, entity_id: str, op: str) -> None:
        """Note one change."""
        self.items.append(Change(entity, entity_id, op))

    def touches(self, entity: str) -> bool:
        """Whether any record of ``entity`` changed."""
        return any(c.entity == entity for c in self.items)

    def ids(self, entity: str, op: str | None = None) -> list[str]:
        """Ids of changed records of ``entity`` (optionally only for one kind of op)."""
        return [c.entity_id for c in self.items if c.entity == entity and op in (None, c.op)]

    def merge(self, other: Changes) -> Changes:
        """Both sets of changes together."""
        return Changes(self.items + other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

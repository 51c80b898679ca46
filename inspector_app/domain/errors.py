"""User-facing errors: each says what is wrong and what to do next.

Messages are English source strings marked for Qt's translation system (context "errors");
``params`` fill their ``{placeholders}`` after translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any


class UserError(Exception):
    """An error the user can understand and act on; nothing stored was changed by it."""

    def __init__(self, message: str, hint: str = "", **params: Any) -> None:
        self.message = message
        self.hint = hint
        self.params = params
        super().__init__(self.render())

    def render(self) -> str:
        """The untranslated message with its parameters filled in (logs, server, tests)."""
        text = self.message.format(**self.params)
        if self.hint:
            text += " " + self.hint.format(**self.params)
        return text


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a form."""

    field: str
    message: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def render(self) -> str:
        """The untranslated message with its parameters filled in."""
        return self.message.format(**self.params)


class ValidationFailed(UserError):
    """Input that breaks a form's rules; carries one entry per bad field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__(
            "Please correct the highlighted fields: {details}",
            details="; ".join(e.render() for e in errors),
        )


class PermissionDenied(UserError):
    """The signed-in officer's role does not allow this action."""


class NotFound(UserError):
    """A record the action needs does not exist (or was deleted)."""


class CatalogError(UserError):
    """A catalog data file is missing, unreadable or has a missing or wrong field."""


class InvalidTransition(UserError):
    """A workflow status change that the state machine does not allow."""

"""Error answers of the API: every refusal is JSON ``{"detail": text, "reason": code}`` (422s
keep FastAPI's list of field problems in ``detail``). The app shows its own Chinese message
for a reason code, and the English ``detail`` says what to do to anyone reading the log."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

REASONS = {400: "bad_request", 401: "sign_in_required", 403: "forbidden", 404: "not_found",
           405: "method_not_allowed", 409: "conflict", 411: "length_required", 413: "body_too_large",
           422: "invalid_request", 426: "protocol_too_old", 429: "too_many_attempts"}


class ApiError(HTTPException):
    """A refusal with its reason code (see :data:`REASONS` for the defaults)."""

    def __init__(self, status: int, detail: str, reason: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, detail, headers)
        self.reason = reason or REASONS.get(status, "refused")


class ErrorAnswer(BaseModel):
    """The body of every 4xx answer (for the OpenAPI document)."""

    detail: Any
    reason: str


def install(app: FastAPI) -> None:
    """Answer every HTTP error and every invalid request with :class:`ErrorAnswer` JSON."""

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        reason = getattr(exc, "reason", None) or REASONS.get(exc.status_code, "refused")
        return JSONResponse({"detail": exc.detail, "reason": reason}, exc.status_code,
                            headers=getattr(exc, "headers", None))

    async def invalid(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problems = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse({"detail": problems, "reason": "invalid_request"}, 422)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)

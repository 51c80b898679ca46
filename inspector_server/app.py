"""The HTTP API of design.md §5 (FastAPI). OpenAPI document at /docs.

Every /api request carries the protocol version header; a client that is too old gets 426
with a message. Request bodies may be gzip-compressed (``Content-Encoding: gzip``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from inspector_app.domain.clock import utc_iso
from inspector_app.sync.protocol import (
    API,
    MAX_PULL_LIMIT,
    MAX_PUSH_OPS,
    PROTOCOL_VERSION,
    SHA256,
    Op,
    ProtocolError,
)
from inspector_server import (
    audit_api,
    auth,
    errors,
    feed,
    first_page,
    numbers,
    offence_index,
    offence_index_key,
    openapi_doc,
    sign_in,
    token_secret,
    verify_page,
    work_orders_api,
)
from inspector_server.blobs import BlobDir
from inspector_server.db import make_engine
from inspector_server.errors import ApiError
from inspector_server.protocol_requests import ProtocolRequests
from inspector_server.push import push
from inspector_server.rules import ADMIN, Caller
from inspector_server.schema import upgrade
from inspector_server.uploads import receive_blob

T = TypeVar("T")
MAX_SEQ = 2**63 - 1  # feed positions are 64-bit integers in the database


def _now() -> str:
    from datetime import UTC, datetime

    return utc_iso(datetime.now(UTC))


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)
    device_id: str = Field(min_length=1, max_length=64)
    device_name: str = Field(default="", max_length=200)


class RefreshIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=64)
    refresh_token: str = Field(min_length=1, max_length=200)


class LeaseIn(BaseModel):
    doc_type: str = Field(min_length=1, max_length=40)
    year: int = Field(ge=2000, le=2100)
    count: int = Field(default=100, ge=1, le=numbers.MAX_LEASE)


class MissingIn(BaseModel):
    hashes: list[str] = Field(max_length=5000)


async def current_caller(request: Request) -> Caller:
    """The officer and device behind the request's access token (401 otherwise)."""
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise ApiError(401, "sign in first (no access token)", "no_token")
    engine: Engine = request.app.state.engine
    try:
        identity = auth.read_access_token(request.app.state.secret, header[7:].strip())

        def check() -> Caller:
            with engine.connect() as conn:
                return auth.caller_for(conn, *identity)

        return await asyncio.to_thread(check)
    except auth.AuthError as exc:
        raise ApiError(401, str(exc), exc.reason) from None


Who = Annotated[Caller, Depends(current_caller)]
LEASING_ROLES = ("officer", "supervisor", "admin")  # the roles that issue documents


async def token_identity(request: Request) -> auth.TokenIdentity:
    """(officer id, device id) of a correctly signed, unexpired token; the account and device
    are then checked inside the endpoint's own transaction (the hot paths: push, pull)."""
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise ApiError(401, "sign in first (no access token)", "no_token")
    try:
        return auth.read_access_token(request.app.state.secret, header[7:].strip())
    except auth.AuthError as exc:
        raise ApiError(401, str(exc), exc.reason) from None


Token = Annotated[auth.TokenIdentity, Depends(token_identity)]


def create_app(db_url: str, blob_dir: Path, secret_file: Path | None = None) -> FastAPI:
    """The server app for a database URL (created/upgraded on start) and a blob folder; the
    token secret comes from the environment or ``secret_file`` (default: see
    :func:`token_secret.default_file`)."""
    engine = make_engine(db_url)
    upgrade(engine)
    secret_path = secret_file or token_secret.default_file(db_url, blob_dir)
    secret = token_secret.load(engine, secret_path)
    offence_index_key.load(engine, offence_index_key.default_file(secret_path))
    offence_index.backfill(engine)  # rows for violations pushed before the index existed
    blobs = BlobDir(blob_dir)
    app = FastAPI(title="Inspector sync server", version=f"protocol {PROTOCOL_VERSION}")
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(ProtocolRequests)
    errors.install(app)
    openapi_doc.install(app)
    app.state.engine = engine
    app.state.secret = secret

    async def db(fn: Callable[..., T], *args: Any, write: bool = False) -> T:
        def run() -> T:
            with engine.connect().execution_options(write=write) as conn, conn.begin():
                return fn(conn, *args)
        return await asyncio.to_thread(run)

    @app.get(f"{API}/health")
    async def health() -> dict[str, Any]:
        return {"ok": True, "protocol": PROTOCOL_VERSION}

    @app.post(f"{API}/auth/login")
    async def login(body: LoginIn, request: Request) -> dict[str, Any]:
        address = request.client.host if request.client else "unknown"
        try:
            row, refresh, epoch = await sign_in.sign_in(engine, body.username.strip(), body.password, body.device_id,
                                                 body.device_name, address, _now())
        except sign_in.TooManyFailures as exc:
            raise ApiError(429, str(exc), exc.reason, {"Retry-After": str(exc.retry_after)}) from None
        except auth.AuthError as exc:
            raise ApiError(401, str(exc), exc.reason) from None
        return {
            "access_token": auth.make_access_token(secret, row["officer_id"], body.device_id, epoch),
            "refresh_token": refresh, "expires_in": auth.ACCESS_SECONDS,
            "officer": {"id": row["officer_id"], "username": row["username"], "role": row["role"],
                        "squad_id": row["squad_id"]},
            "roles": [row["role"]],
        }

    @app.post(f"{API}/auth/refresh")
    async def refresh(body: RefreshIn) -> dict[str, Any]:
        done = await db(auth.refresh, body.device_id, body.refresh_token, write=True)
        if done.refusal:
            raise ApiError(401, done.refusal, done.reason)
        return {"access_token": auth.make_access_token(secret, done.officer_id, body.device_id, done.epoch),
                "refresh_token": done.refresh_token, "expires_in": auth.ACCESS_SECONDS}

    @app.post(f"{API}/devices/{{device_id}}/revoke")
    async def revoke(device_id: str, who: Who) -> dict[str, Any]:
        if who.role != ADMIN:
            raise HTTPException(403, "only an administrator revokes devices")
        from inspector_server.admin import revoke_device

        found = await db(lambda conn: revoke_device(conn, device_id), write=True)
        if not found:
            raise HTTPException(404, f"no device {device_id}")
        return {"device_id": device_id, "revoked": True}

    @app.post(f"{API}/blobs/missing")
    async def missing(body: MissingIn, _who: Who) -> dict[str, Any]:
        wanted = sorted({h for h in body.hashes if SHA256.match(h)})
        present = await db(feed.present_blobs, wanted)
        return {"missing": [{"sha256": h, "offset": blobs.offset(h)} for h in wanted if h not in present]}

    @app.put(f"{API}/blobs/{{sha256}}")
    async def put_blob(sha256: str, request: Request, _who: Who) -> JSONResponse:
        return await receive_blob(engine, blobs, sha256, request, _now())

    @app.post(f"{API}/sync/push")
    async def push_ops(request: Request, who: Token) -> dict[str, Any]:
        data = await _json_body(request)
        raw_ops = data.get("ops")
        if not isinstance(raw_ops, list) or len(raw_ops) > MAX_PUSH_OPS:
            raise HTTPException(400, f"ops must be a list of at most {MAX_PUSH_OPS} ops")
        if data.get("device_id", who[1]) != who[1]:
            raise HTTPException(403, "device_id does not match the signed-in device")
        try:
            ops = [Op.from_json(o) for o in raw_ops]
        except ProtocolError as exc:
            raise HTTPException(400, str(exc)) from None
        try:
            results = await asyncio.to_thread(push, engine, who, ops, _now())
        except auth.AuthError as exc:
            raise ApiError(401, str(exc), exc.reason) from None
        return {"results": [r.to_json() for r in results]}

    @app.post(f"{API}/sync/ping")
    async def ping(request: Request, _who: Who) -> dict[str, Any]:
        """Reads and parses a body like push does and stores nothing (a benchmark baseline)."""
        data = await _json_body(request)
        return {"ops": len(data.get("ops") or [])}

    @app.get(f"{API}/sync/pull")
    async def pull(who: Token, after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
                   limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500) -> dict[str, Any]:
        try:
            return await db(lambda conn: feed.pull(conn, auth.caller_for(conn, *who), after, limit, _now()),
                            write=True)
        except auth.AuthError as exc:
            raise ApiError(401, str(exc), exc.reason) from None

    @app.get(f"{API}/index/pull")
    async def pull_index(who: Token, after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
                         limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 2000,
                         key: bool = False) -> dict[str, Any]:
        """The city-wide offence index after a position (issue 19), for laptops that decide 首违不罚."""
        def run(conn: Any) -> dict[str, Any]:
            caller = auth.caller_for(conn, *who)
            if caller.role not in LEASING_ROLES:
                raise ApiError(403, f"a {caller.role} does not decide 首违不罚, so gets no offence index", "forbidden")
            return offence_index.pull_page(conn, after, limit, _now(), key)
        try:
            return await db(run)
        except auth.AuthError as exc:
            raise ApiError(401, str(exc), exc.reason) from None

    @app.post(f"{API}/numbers/lease")
    async def lease(body: LeaseIn, who: Who) -> dict[str, Any]:
        if who.role not in LEASING_ROLES:
            raise HTTPException(403, f"a {who.role} does not issue documents, so gets no numbers")
        return await db(numbers.lease, who, body.doc_type, body.year, body.count, _now(), write=True)

    @app.get(f"{API}/documents/verify/{{number}}")
    async def verify(number: str, _who: Who, hash: str | None = None) -> dict[str, Any]:
        return await db(numbers.verify, number, hash)

    @app.get("/V/{number}/{digest}", response_class=HTMLResponse)
    @app.get("/v/{number}/{digest}", response_class=HTMLResponse)
    async def verify_paper(number: str, digest: str) -> HTMLResponse:
        """The address in the QR code: no sign-in; the facts only with the genuine hash."""
        answer = await db(numbers.verify, number, digest.lower())
        return HTMLResponse(verify_page.render(answer, digest, _stored_pdf(answer) is not None,
                                               first_page.renderer() is not None))

    def _stored_pdf(answer: dict[str, Any]) -> Path | None:
        sha = str(answer.get("pdf_sha256") or "")
        if not (answer.get("exists") and answer.get("hash_matches") and SHA256.fullmatch(sha)):
            return None
        path = blobs.path(sha)
        return path if path.is_file() else None

    @app.get("/v/{number}/{digest}/pdf", response_class=FileResponse, include_in_schema=False)
    @app.get("/V/{number}/{digest}/pdf", response_class=FileResponse,
             responses={200: {"content": {"application/pdf": {}}},
                        404: {"description": "no original for this number and hash", "content": {"text/html": {}}}})
    async def verify_paper_pdf(number: str, digest: str) -> Response:
        """The registered original as issued (its frozen rendering), for the genuine hash only."""
        path = _stored_pdf(await db(numbers.verify, number, digest.lower()))
        if path is None:
            return HTMLResponse("<p>没有可查看的原件。</p>", status_code=404)
        return FileResponse(path, media_type="application/pdf")

    @app.get("/v/{number}/{digest}/page1.png", response_class=FileResponse, include_in_schema=False)
    @app.get("/V/{number}/{digest}/page1.png", response_class=FileResponse,
             responses={200: {"content": {"image/png": {}}},
                        404: {"description": "no original, or no renderer on this server", "content": {"text/html": {}}}})
    async def verify_paper_page(number: str, digest: str) -> Response:
        """The registered original's first page as a PNG (rendered once, cached), genuine hash only."""
        answer = await db(numbers.verify, number, digest.lower())
        path = _stored_pdf(answer)
        png = await asyncio.to_thread(first_page.first_page_png, path, blobs.root / "first-pages",
                                      str(answer["pdf_sha256"])) if path else None
        if png is None:
            return HTMLResponse("<p>没有可显示的原件图像。</p>", status_code=404)
        return FileResponse(png, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})

    work_orders_api.add_routes(app, engine, blobs)
    audit_api.add_routes(app, engine, current_caller, _json_body, _now)

    return app


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except RecursionError:
        raise ApiError(400, "the request body is nested too deeply", "too_deep") from None
    except ValueError:
        raise ApiError(400, "the request body is not JSON", "not_json") from None


async def _json_body(request: Request) -> dict[str, Any]:
    # Parsed in a worker thread: a large push must not hold up the event loop.
    data = await asyncio.to_thread(_parse_json, await request.body())
    if not isinstance(data, dict):
        raise ApiError(400, "the request body must be a JSON object", "not_json")
    return data


def engine_of(app: FastAPI) -> Engine:
    """The app's database engine (tests, admin)."""
    engine: Engine = app.state.engine
    return engine


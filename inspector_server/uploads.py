"""The resumable blob upload endpoint's work: append the streamed bytes at the right offset,
and verify the hash once the last byte is in."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, insert, select
from starlette.requests import ClientDisconnect

from inspector_app.sync.protocol import SHA256
from inspector_server.blobs import BlobDir, parse_range
from inspector_server.db import blob

_locks: dict[str, asyncio.Lock] = {}


async def receive_blob(engine: Engine, blobs: BlobDir, sha256: str, request: Request, now: str) -> JSONResponse:
    """Handle ``PUT /blobs/{sha256}`` (``Content-Range: bytes START-END/TOTAL``)."""
    if not SHA256.match(sha256):
        return _refuse(400, "the blob name must be its sha256 in lower-case hex", "bad_blob_name")
    length = request.headers.get("content-length")
    try:
        start, total = parse_range(request.headers.get("content-range"), int(length) if length else None)
    except ValueError as exc:
        return _refuse(400, str(exc), "bad_range")
    lock = _locks.setdefault(sha256, asyncio.Lock())
    async with lock:
        if await asyncio.to_thread(_present, engine, sha256):
            return JSONResponse({"sha256": sha256, "offset": total, "complete": True})
        offset = blobs.offset(sha256)
        if start != offset:
            return _refuse(409, f"resume at byte {offset}", "resume_elsewhere", offset=offset)
        path = blobs.partial(sha256)
        try:
            with path.open("ab") as fh:
                async for chunk in request.stream():
                    if offset + len(chunk) > total:
                        chunk = chunk[: total - offset]
                    fh.write(chunk)
                    offset += len(chunk)
        except ClientDisconnect:
            return _refuse(400, "upload cut", "upload_cut", offset=blobs.offset(sha256))
        if offset < total:
            return JSONResponse({"sha256": sha256, "offset": offset, "complete": False})
        size = await asyncio.to_thread(blobs.finish, sha256)
        if size is None:
            return _refuse(422, "the uploaded bytes do not match the hash; upload again", "hash_mismatch", offset=0)
        await asyncio.to_thread(_record, engine, sha256, size, now)
    return JSONResponse({"sha256": sha256, "offset": total, "complete": True})


def _present(engine: Engine, sha256: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(blob.c.sha256).where(blob.c.sha256 == sha256)).first() is not None


def _record(engine: Engine, sha256: str, size: int, now: str) -> None:
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.execute(select(blob.c.sha256).where(blob.c.sha256 == sha256)).first() is None:
            conn.execute(insert(blob).values(sha256=sha256, size=size, stored_at=now))


def _refuse(status: int, detail: str, reason: str, **extra: Any) -> JSONResponse:
    # The same answer shape as every other refusal (errors.ErrorAnswer), plus where to resume.
    return JSONResponse({"detail": detail, "reason": reason, **extra}, status)

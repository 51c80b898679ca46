"""The resumable blob upload endpoint's work: append the streamed bytes at the right offset,
and verify the hash once the last byte is in."""

from __future__ import annotations

import asyncio

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
        return JSONResponse({"detail": "the blob name must be its sha256 in lower-case hex"}, 400)
    length = request.headers.get("content-length")
    try:
        start, total = parse_range(request.headers.get("content-range"), int(length) if length else None)
    except ValueError as exc:
        return JSONResponse({"detail": str(exc)}, 400)
    lock = _locks.setdefault(sha256, asyncio.Lock())
    async with lock:
        if await asyncio.to_thread(_present, engine, sha256):
            return JSONResponse({"sha256": sha256, "offset": total, "complete": True})
        offset = blobs.offset(sha256)
        if start != offset:
            return JSONResponse({"detail": f"resume at byte {offset}", "offset": offset}, 409)
        path = blobs.partial(sha256)
        try:
            with path.open("ab") as fh:
                async for chunk in request.stream():
                    if offset + len(chunk) > total:
                        chunk = chunk[: total - offset]
                    fh.write(chunk)
                    offset += len(chunk)
        except ClientDisconnect:
            return JSONResponse({"detail": "upload cut", "offset": blobs.offset(sha256)}, 400)
        if offset < total:
            return JSONResponse({"sha256": sha256, "offset": offset, "complete": False})
        size = await asyncio.to_thread(blobs.finish, sha256)
        if size is None:
            return JSONResponse({"detail": "the uploaded bytes do not match the hash; upload again",
                                 "offset": 0}, 422)
        await asyncio.to_thread(_record, engine, sha256, size, now)
    return JSONResponse({"sha256": sha256, "offset": total, "complete": True})


def _present(engine: Engine, sha256: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(blob.c.sha256).where(blob.c.sha256 == sha256)).first() is not None


def _record(engine: Engine, sha256: str, size: int, now: str) -> None:
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.execute(select(blob.c.sha256).where(blob.c.sha256 == sha256)).first() is None:
            conn.execute(insert(blob).values(sha256=sha256, size=size, stored_at=now))

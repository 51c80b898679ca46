"""ASGI middleware for /api requests: the protocol version check (426 for an app that is too
old), request size limits before the app reads a byte, and gzip request bodies (they reach the
app uncompressed). Plain ASGI, as it runs on every request.

Limits (each refusal is a 413 with a JSON ``detail`` and ``reason``):

- a declared ``Content-Length`` above the cap is refused before reading anything;
- a body sent without a length (chunked) is read only up to the cap;
- a gzip body is inflated in a worker thread (not on the event loop) with a byte cap, and
  refused when it expands more than :data:`MAX_RATIO` times (a "zip bomb").
"""

from __future__ import annotations

import asyncio
import json
import zlib
from typing import Any

from inspector_app.sync.protocol import API, MAX_PUSH_OPS, MIN_CLIENT_VERSION, VERSION_HEADER

KB, MB = 1024, 1024 * 1024
# A push of the most ops, each at the per-op cap (64 KB), plus the envelope.
MAX_JSON_BODY = MAX_PUSH_OPS * 64 * KB + 1 * MB
# One blob upload request (the app sends 256 KB chunks).
MAX_BLOB_REQUEST = 8 * MB
# gzip: at most this many inflated bytes per compressed byte, once past RATIO_FREE bytes (small
# repetitive bodies compress well and are harmless).
MAX_RATIO, RATIO_FREE = 100, 1 * MB
INTEGRATION_API = f"{API}/work-orders"
BLOB_API = f"{API}/blobs/"
_VERSION = VERSION_HEADER.lower().encode()


class TooLarge(Exception):
    """A body over its cap (the message says which)."""


def body_cap(method: str, path: str) -> int:
    """The most bytes a request to ``path`` may carry (after inflating)."""
    return MAX_BLOB_REQUEST if method == "PUT" and path.startswith(BLOB_API) else MAX_JSON_BODY


def inflate(data: bytes, cap: int) -> bytes:
    """The gzip ``data`` inflated, at most ``cap`` bytes and :data:`MAX_RATIO` times its size;
    raises :class:`TooLarge` past either, ValueError for data that is not gzip. Never holds
    more than ``cap`` + one chunk of output."""
    inflater = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
    out: list[bytes] = []
    size, pending = 0, data
    try:
        while pending:
            chunk = inflater.decompress(pending, 256 * KB)
            pending = inflater.unconsumed_tail
            size += len(chunk)
            out.append(chunk)
            if size > cap:
                raise TooLarge(f"the request body expands to more than {cap // MB} MB")
            if size > RATIO_FREE and size > MAX_RATIO * len(data):
                raise TooLarge(f"the request body expands more than {MAX_RATIO} times; "
                               "send it less compressed or in smaller pieces")
            if inflater.eof:
                break
        if not inflater.eof:
            raise ValueError("the gzip stream is cut short")
    except zlib.error as exc:
        raise ValueError(str(exc)) from None
    return b"".join(out)


class ProtocolRequests:
    """Refuse too old clients and too large bodies; decompress gzip request bodies."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        path = scope.get("path", "")
        # City platforms (work orders) speak the integration API, not the sync protocol.
        if path.startswith(API) and not path.endswith("/health") and not path.startswith(INTEGRATION_API):
            try:
                version = int(headers.get(_VERSION, b"0"))
            except ValueError:
                version = 0
            if version < MIN_CLIENT_VERSION:
                await _reply(send, 426, f"This app speaks sync protocol {version}; the server needs "
                                        f"{MIN_CLIENT_VERSION} or newer. Install the new version of the app.",
                             "protocol_too_old")
                return
        cap = body_cap(scope.get("method", ""), path)
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
                if length < 0:
                    raise ValueError
            except ValueError:
                await _reply(send, 400, "Content-Length must be a whole number of bytes", "bad_length")
                return
            if length > cap:
                await _reply(send, 413, f"the request body is {length} bytes; at most {cap} are accepted "
                                        "(send fewer ops per request)", "body_too_large")
                return
        gzipped = headers.get(b"content-encoding", b"").lower() == b"gzip"
        if not gzipped and (declared is not None or b"transfer-encoding" not in headers):
            # The server's HTTP layer stops a body at its declared length (and one with neither
            # a length nor chunks is empty): nothing to count.
            await self.app(scope, receive, send)
            return
        try:
            body = await _read(receive, cap)
        except ConnectionAbortedError:
            return
        except TooLarge as exc:
            await _reply(send, 413, str(exc), "body_too_large")
            return
        if gzipped:
            try:
                body = await asyncio.to_thread(inflate, body, cap)
            except TooLarge as exc:
                await _reply(send, 413, str(exc), "body_too_large")
                return
            except ValueError:
                await _reply(send, 400, "the request body is not valid gzip", "bad_gzip")
                return
        plain = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
        plain.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return dict(await receive())
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": plain}, replay, send)


async def _read(receive: Any, cap: int) -> bytes:
    """The whole body, refused (TooLarge) as soon as it passes ``cap`` bytes."""
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ConnectionAbortedError
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            raise TooLarge(f"the request body is larger than {cap} bytes (send fewer ops per request)")
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


async def _reply(send: Any, status: int, detail: str, reason: str) -> None:
    payload = json.dumps({"detail": detail, "reason": reason}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})

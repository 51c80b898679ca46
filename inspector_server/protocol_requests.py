"""ASGI middleware for /api requests: the protocol version check (426 for an app that is too
old) and gzip request bodies (they reach the app uncompressed). Plain ASGI, as it runs on
every request."""

from __future__ import annotations

import gzip
import json
from typing import Any

from inspector_app.sync.protocol import API, MIN_CLIENT_VERSION, VERSION_HEADER

MAX_BODY = 64 * 1024 * 1024
INTEGRATION_API = f"{API}/work-orders"
_VERSION = VERSION_HEADER.lower().encode()


class ProtocolRequests:
    """Refuse too old clients; decompress gzip request bodies."""

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
                                        f"{MIN_CLIENT_VERSION} or newer. Install the new version of the app.")
                return
        if headers.get(b"content-encoding", b"").lower() != b"gzip":
            await self.app(scope, receive, send)
            return
        chunks, more = [], True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        try:
            body = gzip.decompress(b"".join(chunks))
            if len(body) > MAX_BODY:
                raise ValueError("too large")
        except (OSError, EOFError, ValueError):
            await _reply(send, 400, "the request body is not valid gzip (or larger than 64 MB)")
            return
        plain = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
        plain.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": plain}, replay, send)


async def _reply(send: Any, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})

"""Issue 14, case 5: request bodies are capped before the app reads them — a declared length
over the cap, a chunked body past it, a gzip bomb — each answered 413 with a JSON reason, and
nothing on the server changes."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from server_snapshot import snapshot
from test_server_api import login, op

from inspector_server import protocol_requests
from inspector_server.app import engine_of
from inspector_server.protocol_requests import MAX_JSON_BODY, MB, TooLarge, inflate

PUSH = "/api/v1/sync/push"


def _refused(resp, status: int = 413, reason: str = "body_too_large") -> None:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    assert resp.json()["reason"] == reason and resp.json()["detail"]


def test_a_declared_length_over_the_cap_is_refused_unread(api: TestClient, seeded) -> None:  # type: ignore[no-untyped-def]
    headers = login(api, "liqiang")
    before = snapshot(engine_of(api.app))
    resp = api.post(PUSH, content=b"{}", headers={**headers, "Content-Length": str(MAX_JSON_BODY + 1),
                                                  "Content-Type": "application/json"})
    _refused(resp)
    assert "fewer ops" in resp.json()["detail"]
    assert snapshot(engine_of(api.app)) == before


def test_a_chunked_body_is_read_only_up_to_the_cap(api: TestClient, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    headers = login(api, "liqiang")
    monkeypatch.setattr(protocol_requests, "MAX_JSON_BODY", 64 * 1024)
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            sent.append(1)
            yield b" " * 16 * 1024

    before = snapshot(engine_of(api.app))
    _refused(api.post(PUSH, content=chunks(), headers={**headers, "Content-Type": "application/json"}))
    assert snapshot(engine_of(api.app)) == before
    # A small chunked push still goes through the same path and is applied.
    body = b'{"ops": [%s]}' % __import__("json").dumps(op("unit", seeded.units[0], notes=("", "分块"))).encode()
    ok = api.post(PUSH, content=iter([body[:10], body[10:]]), headers={**headers, "Content-Type": "application/json"})
    assert ok.status_code == 200 and ok.json()["results"][0]["status"] == "applied"


def test_a_gzip_bomb_is_refused_off_the_event_loop(api: TestClient, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    headers = login(api, "liqiang")
    bomb = gzip.compress(b'{"ops": [' + b" " * (64 * MB), compresslevel=9)  # ~64 KB that expands 1000x
    assert len(bomb) < MB
    threads: list[bool] = []
    real = protocol_requests.inflate

    def watched(data: bytes, cap: int) -> bytes:
        try:
            asyncio.get_running_loop()
            threads.append(False)  # on the event loop
        except RuntimeError:
            threads.append(True)
        return real(data, cap)

    monkeypatch.setattr(protocol_requests, "inflate", watched)
    before = snapshot(engine_of(api.app))
    resp = api.post(PUSH, content=bomb, headers={**headers, "Content-Encoding": "gzip",
                                                 "Content-Type": "application/json"})
    _refused(resp)
    assert "100 times" in resp.json()["detail"]
    assert threads == [True]
    assert snapshot(engine_of(api.app)) == before


def test_broken_gzip_and_bad_lengths_are_400s(api: TestClient, seeded) -> None:  # type: ignore[no-untyped-def]
    headers = login(api, "liqiang")
    before = snapshot(engine_of(api.app))
    cut = gzip.compress(b'{"ops": []}')[:-6]
    _refused(api.post(PUSH, content=cut, headers={**headers, "Content-Encoding": "gzip"}), 400, "bad_gzip")
    _refused(api.post(PUSH, content=b"not gzip", headers={**headers, "Content-Encoding": "gzip"}), 400, "bad_gzip")
    assert snapshot(engine_of(api.app)) == before


def test_inflate_caps_bytes_and_ratio() -> None:
    plain = __import__("random").Random(1).randbytes(2 * MB)  # 2 MB that does not compress
    assert inflate(gzip.compress(plain), 4 * MB) == plain
    with pytest.raises(TooLarge, match="more than 1 MB"):
        inflate(gzip.compress(plain), 1 * MB)
    with pytest.raises(TooLarge, match="times"):
        inflate(gzip.compress(b"\0" * 8 * MB), 16 * MB)
    assert inflate(gzip.compress(b"\0" * 512 * 1024), MB) == b"\0" * 512 * 1024  # small: any ratio
    with pytest.raises(ValueError):
        inflate(b"\x1f\x8b garbage", MB)


def test_a_normal_gzip_push_still_works(api: TestClient, seeded) -> None:  # type: ignore[no-untyped-def]
    import json

    headers = login(api, "liqiang")
    body = gzip.compress(json.dumps({"ops": [op("unit", seeded.units[0], notes=("", "压缩"))]}).encode())
    resp = api.post(PUSH, content=body, headers={**headers, "Content-Encoding": "gzip",
                                                 "Content-Type": "application/json"})
    assert resp.status_code == 200 and resp.json()["results"][0]["status"] == "applied"

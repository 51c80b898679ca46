"""A small TCP proxy that sits between the sync client and the server and misbehaves.

Each new connection takes the next fault from a schedule (or a random one):

- ``pass``: forward both ways;
- ``drop``: close at once; ``reset``: close with a TCP RST;
- ``delay``: wait before forwarding (a slow network or a slow server);
- ``truncate``: forward the request, then only the first bytes of the answer, then close;
- ``cut_request``: forward only the first bytes of the request (an upload cut mid-way);
- ``http500`` / ``garbage``: answer itself with a 500, or with a 200 whose JSON is broken;
- ``swallow_push``: forward everything, but swallow the answer to a push (the server applied
  it; the client never hears), keeping the connection open.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time

FAULTS = ("drop", "reset", "delay", "truncate", "cut_request", "http500", "garbage")


class FaultProxy:
    """Listens on a free loopback port and forwards to ``target_port``."""

    def __init__(self, target_port: int, schedule: list[str] | None = None, fault_rate: float = 0.0,
                 seed: int = 1, default: str = "pass", delay: float = 0.3, keep: int = 300,
                 cut_at: int = 400_000) -> None:
        self.target_port = target_port
        self.schedule = list(schedule or [])
        self.fault_rate = fault_rate
        self.random = random.Random(seed)
        self.default = default
        self.delay, self.keep, self.cut_at = delay, keep, cut_at
        self.up_bytes = 0
        self.used: list[str] = []
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = int(self._sock.getsockname()[1])
        self._open: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._sock.close()
        for s in list(self._open):
            with contextlib.suppress(OSError):
                s.close()

    def _next_mode(self) -> str:
        if self.schedule:
            return self.schedule.pop(0)
        if self.fault_rate and self.random.random() < self.fault_rate:
            return self.random.choice(FAULTS)
        return self.default

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            mode = self._next_mode()
            self.used.append(mode)
            threading.Thread(target=self._serve, args=(client, mode), daemon=True).start()

    def _serve(self, client: socket.socket, mode: str) -> None:
        self._open.append(client)
        if mode == "drop":
            client.close()
            return
        if mode == "reset":
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
            return
        if mode in ("http500", "garbage"):
            client.recv(65536)
            body = b'{"detail": "boom"}' if mode == "http500" else b'{"results": [{"op_id": '
            status = b"500 Internal Server Error" if mode == "http500" else b"200 OK"
            client.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nContent-Length: "
                           + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            client.close()
            return
        if mode == "delay":
            time.sleep(self.delay)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        self._open.append(upstream)
        state = {"push": False}
        threading.Thread(target=self._pump, args=(client, upstream, mode, "up", state), daemon=True).start()
        self._pump(upstream, client, mode, "down", state)

    def _pump(self, src: socket.socket, dst: socket.socket, mode: str, way: str, state: dict[str, bool]) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if way == "up" and b"POST /api/v1/sync/push" in data:
                    state["push"] = True
                if way == "down" and mode == "swallow_push" and state["push"]:
                    continue
                limit = (self.keep if mode == "truncate" and way == "down"
                         else self.cut_at if mode == "cut_request" and way == "up" else None)
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[: limit - sent])
                    break
                dst.sendall(data)
                sent += len(data)
                if way == "up":
                    self.up_bytes += len(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()

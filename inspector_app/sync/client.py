"""The HTTP client of the sync protocol (httpx), with retries and backoff.

Network faults (refused, reset, cut, timed out), 5xx answers, 429 and unreadable bodies are
retried with exponential backoff and jitter; a 401 refreshes the access token once; anything
else is an error the caller shows. Nothing here touches the database.
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.sync.protocol import (
    API,
    PROTOCOL_VERSION,
    VERSION_HEADER,
    IndexPage,
    Op,
    OpResult,
    ProtocolError,
    PullPage,
    parse_index_page,
    parse_pull,
)

CHUNK = 256 * 1024


class SyncError(UserError):
    """Sync could not finish; the message says why and what to do. Nothing local is lost."""


class Offline(SyncError):
    """The server could not be reached (or kept failing) after every retry."""


class NeedsSignIn(SyncError):
    """The server wants the officer's password again (no token, or it was refused)."""


class Refused(SyncError):
    """The server understood the request and refused it (4xx, or 426 for an old app)."""


# Sign-ins the server refuses because of the laptop, not the password (issue 14, case 3).
DEVICE_REFUSALS = {
    "device_taken": (
        QT_TRANSLATE_NOOP("sync", "This laptop is enrolled for another officer's account, so the sync "
                                  "server does not accept your sign-in on it."),
        QT_TRANSLATE_NOOP("sync", "Sign in on your own laptop, or ask your administrator to enrol this one "
                                  "as a shared laptop with your name on it.")),
    "device_not_enrolled": (
        QT_TRANSLATE_NOOP("sync", "This shared laptop is not enrolled for your account."),
        QT_TRANSLATE_NOOP("sync", "Ask your administrator to add you to this laptop, or sign in on your own.")),
}


@dataclass
class Tokens:
    """The tokens of the signed-in device; ``on_change`` persists them."""

    access: str = ""
    refresh: str = ""
    on_change: Callable[[Tokens], None] | None = None

    def set(self, access: str, refresh: str | None = None) -> None:
        """New tokens from the server."""
        self.access = access
        if refresh is not None:
            self.refresh = refresh
        if self.on_change:
            self.on_change(self)


@dataclass
class RetryPolicy:
    """How often and how patiently to retry a failing request."""

    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 20.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self) -> Iterator[float]:
        """Pauses between attempts: exponential with full jitter."""
        for n in range(self.attempts - 1):
            yield random.uniform(0, min(self.max_delay, self.base_delay * 2**n))


@functools.cache
def _default_tls() -> ssl.SSLContext:
    """The system's trusted certificates (an office CA installed there, or named by
    SSL_CERT_FILE, is trusted), loaded once per process: loading takes ~30 ms."""
    return ssl.create_default_context()


class SyncClient:
    """One server, one device. ``base_url`` like ``https://sync.example.cn:8765``."""

    def __init__(self, base_url: str, device_id: str, tokens: Tokens | None = None,
                 retry: RetryPolicy | None = None, timeout: float = 30.0, verify: bool | str = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.tokens = tokens or Tokens()
        self.retry = retry or RetryPolicy()
        self.server_clock_delta: timedelta | None = None  # the server's clock minus this machine's
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout,
                                 verify=_default_tls() if verify is True else verify,
                                 headers={VERSION_HEADER: str(PROTOCOL_VERSION)})

    def close(self) -> None:
        """Close the connection pool."""
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests ---------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, auth: bool = True, json_body: Any = None,
              content: bytes | None = None, headers: dict[str, str] | None = None,
              params: dict[str, Any] | None = None, ok: tuple[int, ...] = (200,),
              attempts: int | None = None) -> httpx.Response:
        refreshed = False
        delays = self.retry.delays() if attempts is None else iter([0.0] * (attempts - 1))
        while True:
            hdrs = dict(headers or {})
            if auth:
                if not self.tokens.access:
                    self._refresh()
                hdrs["Authorization"] = f"Bearer {self.tokens.access}"
            body = content
            if json_body is not None:
                body = gzip.compress(json.dumps(json_body, ensure_ascii=False).encode(), compresslevel=5)
                hdrs.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
            try:
                resp = self.http.request(method, f"{API}{path}", content=body, headers=hdrs, params=params)
                self._note_server_time(resp)
                # A 429 is a busy server (retried), except for sign-in: there it means too many
                # wrong passwords, and retrying would only make the wait longer.
                busy = resp.status_code == 429 and path != "/auth/login"
                failure = None if resp.status_code < 500 and not busy else f"HTTP {resp.status_code}"
                if failure is None and resp.status_code in ok:
                    self._check_json(resp)
            except (httpx.TransportError, ValueError) as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                    raise Refused(
                        QT_TRANSLATE_NOOP("sync", "This laptop does not trust the certificate of the sync server {url}."),
                        QT_TRANSLATE_NOOP("sync", "Ask your administrator to install the office's certificate "
                                                  "on this laptop, and check the server address."),
                        url=self.base_url) from None
                failure, resp = type(exc).__name__, None
            if failure is None and resp is not None:
                if resp.status_code == 401 and auth and not refreshed and self.tokens.refresh:
                    refreshed = True
                    self._refresh()
                    continue
                if resp.status_code in ok:
                    return resp
                raise self._refusal(resp)
            delay = next(delays, None)
            if delay is None:
                raise Offline(
                    QT_TRANSLATE_NOOP("sync", "The sync server {url} cannot be reached ({why})."),
                    QT_TRANSLATE_NOOP("sync", "Your work is kept on this laptop; it syncs when the "
                                              "network is back."),
                    url=self.base_url, why=failure,
                )
            self.retry.sleep(delay)

    def _note_server_time(self, resp: httpx.Response) -> None:
        """The server's clock minus this machine's, from the answer's Date header (whole
        seconds: half a second is added for the truncation)."""
        try:
            server = parsedate_to_datetime(resp.headers["date"])
        except (KeyError, TypeError, ValueError):
            return
        if server.tzinfo is not None:
            self.server_clock_delta = server + timedelta(milliseconds=500) - datetime.now(UTC)

    @staticmethod
    def _check_json(resp: httpx.Response) -> None:
        if resp.headers.get("content-type", "").startswith("application/json"):
            resp.json()  # a truncated or garbled body raises ValueError: retried

    def _refusal(self, resp: httpx.Response) -> SyncError:
        try:
            answer = resp.json()
            detail, reason = str(answer.get("detail", "")), str(answer.get("reason", ""))
        except (ValueError, AttributeError):
            detail, reason = resp.text[:200], ""
        if resp.status_code == 401 and reason in DEVICE_REFUSALS:
            return Refused(*DEVICE_REFUSALS[reason])  # a password typed again would not help
        if resp.status_code == 401:
            return NeedsSignIn(
                QT_TRANSLATE_NOOP("sync", "The sync server asks you to sign in again ({why})."),
                QT_TRANSLATE_NOOP("sync", "Enter your password on the sync page."), why=detail)
        if resp.status_code == 429:
            return Refused(
                QT_TRANSLATE_NOOP("sync", "Too many wrong passwords were tried; the sync server waits "
                                          "{seconds} seconds before the next sign-in."),
                QT_TRANSLATE_NOOP("sync", "Wait, then enter the password again. If you forgot it, ask "
                                          "your administrator to reset it."),
                seconds=resp.headers.get("retry-after", "60"))
        if resp.status_code == 426:
            return Refused(QT_TRANSLATE_NOOP("sync", "This app is too old for the sync server: {why}"),
                           why=detail)
        return Refused(QT_TRANSLATE_NOOP("sync", "The sync server refused the request ({code}): {why}"),
                       code=resp.status_code, why=detail)

    def _refresh(self) -> None:
        if not self.tokens.refresh:
            raise NeedsSignIn(
                QT_TRANSLATE_NOOP("sync", "This device is not signed in to the sync server."),
                QT_TRANSLATE_NOOP("sync", "Enter your password on the sync page."))
        resp = self._send("POST", "/auth/refresh", auth=False,
                          json_body={"device_id": self.device_id, "refresh_token": self.tokens.refresh})
        data = resp.json()
        # The server rotates the refresh token on every use: the new one is saved (on_change
        # commits it to the profile) before anything else is sent, as the old one is now spent.
        self.tokens.set(data["access_token"], data.get("refresh_token"))

    # -- protocol ---------------------------------------------------------------------------

    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        """Sign in; stores the tokens and returns the officer profile."""
        resp = self._send("POST", "/auth/login", auth=False, json_body={
            "username": username, "password": password, "device_id": self.device_id, "device_name": device_name})
        data = resp.json()
        self.tokens.set(data["access_token"], data["refresh_token"])
        return dict(data["officer"])

    def missing_blobs(self, hashes: list[str]) -> dict[str, int]:
        """Which blobs the server lacks, with how many bytes of each it already holds."""
        resp = self._send("POST", "/blobs/missing", json_body={"hashes": hashes})
        return {m["sha256"]: int(m["offset"]) for m in resp.json()["missing"]}

    def upload_blob(self, sha256: str, data: bytes, offset: int = 0,
                    progress: Callable[[int], None] | None = None) -> None:
        """Send a blob from ``offset`` in chunks. After a cut connection it asks the server how
        much arrived and resumes there, so no byte is sent twice."""
        total = len(data)
        delays = self.retry.delays()
        while True:
            end = min(offset + CHUNK, total) - 1
            try:
                resp = self._send("PUT", f"/blobs/{sha256}", content=data[offset:end + 1], attempts=1,
                                  headers={"Content-Range": f"bytes {offset}-{max(end, 0)}/{total}",
                                           "Content-Type": "application/octet-stream"}, ok=(200, 409))
            except Offline:
                delay = next(delays, None)
                if delay is None:
                    raise
                self.retry.sleep(delay)
                offset = self.missing_blobs([sha256]).get(sha256, total)
                if offset >= total:
                    return  # the server verified it after all
                continue
            answer = resp.json()
            offset = int(answer.get("offset", 0))
            if progress:
                progress(offset)
            if answer.get("complete") or total == 0:
                return

    def push(self, ops: list[Op]) -> list[OpResult]:
        """Send up to 500 ops; one answer each."""
        resp = self._send("POST", "/sync/push", json_body={"device_id": self.device_id,
                                                           "ops": [o.to_json() for o in ops]})
        try:
            results = [OpResult.from_json(r) for r in resp.json()["results"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise Refused(QT_TRANSLATE_NOOP("sync", "The sync server sent an answer this app cannot read: {why}"),
                          why=str(exc)) from None
        if [r.op_id for r in results] != [o.op_id for o in ops]:
            raise Refused(QT_TRANSLATE_NOOP("sync", "The sync server answered for other ops than were sent."))
        return results

    def pull(self, after: int, limit: int = 1000) -> PullPage:
        """Changes after ``after``."""
        resp = self._send("GET", "/sync/pull", params={"after": after, "limit": limit})
        try:
            return parse_pull(resp.json())
        except ProtocolError as exc:
            raise Refused(QT_TRANSLATE_NOOP("sync", "The sync server sent an answer this app cannot read: {why}"),
                          why=str(exc)) from None

    def pull_index(self, after: int, limit: int = 2000, with_key: bool = False) -> IndexPage:
        """A page of the city-wide offence index after ``after`` (with the lookup key when asked)."""
        params: dict[str, Any] = {"after": after, "limit": limit}
        if with_key:
            params["key"] = "true"
        resp = self._send("GET", "/index/pull", params=params)
        try:
            return parse_index_page(resp.json())
        except ProtocolError as exc:
            raise Refused(QT_TRANSLATE_NOOP("sync", "The sync server sent an answer this app cannot read: {why}"),
                          why=str(exc)) from None

    def lease(self, doc_type: str, year: int, count: int) -> dict[str, Any]:
        """A block of official numbers for this device."""
        return dict(self._send("POST", "/numbers/lease",
                               json_body={"doc_type": doc_type, "year": year, "count": count}).json())

    def verify_document(self, number: str, content_sha256: str | None = None) -> dict[str, Any]:
        """Whether the server knows a document with this number (and content hash)."""
        params = {"hash": content_sha256} if content_sha256 else None
        return dict(self._send("GET", f"/documents/verify/{number}", params=params).json())

    def audit_head(self) -> dict[str, Any]:
        """The audit head the server acknowledged for this device (epoch, seq, hash)."""
        return dict(self._send("GET", "/audit/head").json())

    def push_audit(self, body: dict[str, Any]) -> dict[str, Any]:
        """Send audit entries after the head; the answer has the new head and any breaks."""
        return dict(self._send("POST", "/audit/push", json_body=body).json())

    def reachable(self) -> bool:
        """A quick health probe (no retries)."""
        try:
            return self.http.get(f"{API}/health", timeout=3).status_code == 200
        except httpx.HTTPError:
            return False

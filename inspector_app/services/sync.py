"""Syncing with the central server: blobs first, then ops in batches, then number leases,
then the changes of others by cursor (each batch applied with its cursor in one transaction).

Runs off the UI thread (task runner). Every step is safe to interrupt: an op stays pending
until the server's answer is stored, and a pulled batch and its cursor commit together.
"""

from __future__ import annotations

import contextlib
import json
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector_app.domain.audit_chain import ChainBreak
from inspector_app.domain.clock import HlcStamp, ServerCorrectedClock, utc_iso
from inspector_app.domain.entities import Actor
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission, Role
from inspector_app.services.audit_anchor import anchor_audit
from inspector_app.services.auth import hash_password
from inspector_app.services.offence_index import pull_index
from inspector_app.services.session import Session
from inspector_app.services.sync_status import (
    SyncStatus,
    discard_failed,
    is_signed_in,
    retry_failed,
    sync_status,
)
from inspector_app.storage import sync_state as state
from inspector_app.storage.records import Recorder
from inspector_app.storage.rollback import Refusal, roll_back, withdraw_steps
from inspector_app.sync.client import NeedsSignIn, Offline, SyncClient, SyncError, Tokens
from inspector_app.sync.protocol import MAX_PUSH_OPS, Op

PULL_LIMIT = 1000
LEASE_SIZE = 100
LEASE_LOW = 20
DOC_TYPES = ("warning", "rectify_order", "no_penalty", "inspection_record", "service_proof", "service_address",
             "agreement")
KEEP_ACKED_DAYS = 30  # acknowledged ops kept this long on the laptop, then deleted after a sync

ClientFactory = Callable[[str, str, Tokens], SyncClient]


@dataclass
class SyncReport:
    """What one sync did."""

    blobs_uploaded: int = 0
    bytes_uploaded: int = 0
    pushed: int = 0
    answers: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    leases: int = 0
    entities: set[str] = field(default_factory=set)
    audit_breaks: list[ChainBreak] = field(default_factory=list)
    clock_offset: timedelta | None = None  # the server's time minus this laptop's, when measured
    rolled_back: int = 0  # records put back to the server's version after a refusal
    index_pulled: int = 0  # rows of the city-wide offence index written (issue 19)


def server_url(session: Session) -> str:
    """The configured server address ('' when this device does not sync)."""
    return state.get_state(session.store.db, "server_url")


def set_server_url(session: Session, url: str) -> None:
    """Configure (or with '' remove) the sync server; a new address needs a new sign-in."""
    url = url.strip().rstrip("/")
    if url and not url.startswith(("http://", "https://")):
        raise UserError(QT_TRANSLATE_NOOP("sync", "The server address must start with https:// or http://."),
                        QT_TRANSLATE_NOOP("sync", "For example https://sync.jinan.example:8765"))
    with session.store.transaction() as db:
        if url != state.get_state(db, "server_url"):
            state.set_state(db, server_url=url, refresh_token="", access_token="")


def _tokens(session: Session) -> Tokens:
    db = session.store.db

    def save(tokens: Tokens) -> None:
        with session.store.transaction() as tx:
            state.set_state(tx, access_token=tokens.access, refresh_token=tokens.refresh)

    return Tokens(state.get_state(db, "access_token"), state.get_state(db, "refresh_token"), save)


def default_client(url: str, device_id: str, tokens: Tokens) -> SyncClient:
    """An HTTP client with the normal retry policy."""
    return SyncClient(url, device_id, tokens)


def open_client(session: Session, factory: ClientFactory = default_client) -> SyncClient:
    """A client for the configured server with the stored tokens."""
    url = server_url(session)
    if not url:
        raise SyncError(QT_TRANSLATE_NOOP("sync", "No sync server is configured."),
                        QT_TRANSLATE_NOOP("sync", "Enter the server address in Settings."))
    return factory(url, session.device_id, _tokens(session))


def sign_in_online(session: Session, password: str, factory: ClientFactory = default_client) -> dict[str, Any]:
    """Sign the current officer in to the server (stores the tokens, and the password hash
    for signing in offline next time)."""
    session.require(Permission.SYNC)
    with open_client(session, factory) as client:
        profile = client.login(session.actor.username, password, platform.node() or "laptop")
    with session.operation("sync_sign_in") as op:
        state.set_local_password_hash(op.db, session.actor.officer_id, hash_password(password))
        state.set_state(op.db, officer_id=str(profile["id"]))
    return profile


def sign_out_online(session: Session) -> bool:
    """The officer signs out on this laptop: if it holds their server sign-in, forget it, so
    nothing more goes up in their name until they sign in again. Their queued changes stay and
    wait. Returns whether a sign-in was forgotten."""
    with session.operation("sync_sign_out") as op:
        mine = bool(state.get_state(op.db, "refresh_token")) and \
            state.get_state(op.db, "officer_id") == session.actor.officer_id
        if mine:
            state.set_state(op.db, access_token="", refresh_token="")
        op.details["forgot_server_sign_in"] = mine
    return mine


def join_server(session: Session, url: str, username: str, password: str, device_name: str,
                progress: Progress | None = None, factory: ClientFactory = default_client) -> str:
    """A new laptop joins its squad: sign in at ``url``, keep the tokens, download everything
    the officer's device receives, and keep the password's hash for offline sign-in. Returns the
    officer id. Safe to repeat after an interruption (the download resumes from its cursor)."""
    set_server_url(session, url)
    with open_client(session, factory) as client:
        profile = client.login(username, password, device_name)
        actor = Actor(str(profile["id"]), username, Role(profile["role"]), profile.get("squad_id"),
                      username=username)
        sync_now(session.as_actor(actor), client=client, progress=progress)
    with session.store.transaction() as db:
        state.set_local_password_hash(db, actor.officer_id, hash_password(password))
        state.set_state(db, officer_id=actor.officer_id)
    return actor.officer_id


def connect_quietly(session: Session, password: str, factory: ClientFactory = default_client) -> bool:
    """After signing in offline: sign in to the configured server too, if this device is not
    signed in there yet and the server answers (anything else is left for the sync page)."""
    if not server_url(session) or is_signed_in(session) or not session.can(Permission.SYNC):
        return False
    try:
        sign_in_online(session, password, factory)
    except SyncError:
        return False
    return True


def sync_now(session: Session, client: SyncClient | None = None, progress: Progress | None = None,
             factory: ClientFactory = default_client) -> SyncReport:
    """One full sync. Raises :class:`SyncError` (nothing lost) when it cannot finish."""
    session.require(Permission.SYNC)
    progress = progress or Progress()
    own = client is None
    client = client or open_client(session, factory)
    report = SyncReport()
    with session.store.transaction() as db:
        state.set_state(db, last_attempt_at=utc_iso(session.now()))
    try:
        _upload_blobs(session, client, report, progress)
        _push(session, client, report, progress)
        _top_up_leases(session, client, report)
        _pull(session, client, report, progress)
        report.index_pulled = pull_index(session, client, progress)
        report.audit_breaks = anchor_audit(session, client)
        report.clock_offset = _measure_clock(session, client)
    except SyncError as exc:
        with session.store.transaction() as db:
            state.set_state(db, last_error=json.dumps(
                {"message": exc.message, "hint": exc.hint, "params": exc.params}, ensure_ascii=False, default=str))
        raise
    finally:
        if own:
            client.close()
    with session.operation("sync") as op:
        state.set_state(op.db, last_success_at=utc_iso(op.now), last_error="")
        purged = state.purge_acked(op.db, utc_iso(op.now - timedelta(days=KEEP_ACKED_DAYS)))
        op.details.update(pushed=report.pushed, pulled=report.pulled, blobs=report.blobs_uploaded, purged=purged)
    return report


def _measure_clock(session: Session, client: SyncClient) -> timedelta | None:
    """Compare this laptop's clock with the server's (its Date header): from now on "today",
    deadlines and new records use the corrected time, and a laptop whose own clock is wrong is
    the one that flags its records. A clock given to the session on purpose (tests, the demo
    generator) is taken as it is."""
    clock = session.clock
    if client.server_clock_delta is None or not isinstance(clock, ServerCorrectedClock):
        return None
    # the session's clock may differ from the machine's that the client measured
    measured = client.server_clock_delta - (clock.base.now() - datetime.now(UTC))
    clock.set_offset(measured)
    return measured


def _upload_blobs(session: Session, client: SyncClient, report: SyncReport, progress: Progress) -> None:
    todo = state.blobs_to_upload(session.store.db)
    if not todo:
        return
    missing = client.missing_blobs([sha for sha, _ in todo])
    total = sum(size for sha, size in todo if sha in missing)
    done = 0
    for sha, size in todo:
        progress.check()
        if sha in missing:
            try:
                data = session.blobs.read(sha)
            except FileNotFoundError:
                with session.store.transaction() as db:
                    state.mark_blob(db, sha, False, "missing_file: the file is missing on this laptop")
                continue
            client.upload_blob(sha, data, missing[sha], _reporter(progress, done, total))
            report.blobs_uploaded += 1
            report.bytes_uploaded += size - missing[sha]
            done += size
        with session.store.transaction() as db:
            state.mark_blob(db, sha, True)


def _reporter(progress: Progress, base: int, total: int) -> Callable[[int], None]:
    def report(offset: int) -> None:
        progress.update(base + offset, total, "blobs")
    return report


def _push(session: Session, client: SyncClient, report: SyncReport, progress: Progress) -> None:
    total = state.queue_counts(session.store.db)["ops"]
    # Only the signed-in account's own changes go with its token; other officers' wait for
    # their own sign-in on this laptop (the server would refuse them: author_mismatch).
    author = state.get_state(session.store.db, "officer_id") or None
    after = 0
    while True:
        progress.check()
        batch = state.pending_ops(session.store.db, MAX_PUSH_OPS, after, author)
        if not batch:
            return
        results = client.push([
            Op(o.op_id, o.entity, o.entity_id, o.op, o.changes, o.hlc, o.created_at, o.form_version, o.blobs,
               o.author, o.base_hlc)
            for o in batch
        ])
        with state.replication_transaction(session.store) as db:
            state.record_answers(db, [(r.op_id, r.effective.value, r.reason) for r in results])
            answers = {r.op_id: r for r in results if r.refused}
            refusals = [Refusal(o.op_id, o.entity, o.entity_id, o.op, o.changes, answers[o.op_id].current,
                                answers[o.op_id].absent) for o in batch if o.op_id in answers]
            report.rolled_back += roll_back(db, refusals)
            if refusals:  # their withdrawals are pushed by this same loop (a later seq)
                withdraw_steps(Recorder(db, session.device_id, utc_iso(session.now()),
                                        lambda: session.hlc.tick().encode(), author_id=author or ""), refusals)
        for r in results:
            report.answers[r.effective.value] = report.answers.get(r.effective.value, 0) + 1
        report.pushed += len(batch)
        after = batch[-1].seq
        progress.update(report.pushed, max(total, report.pushed), "ops")


def _top_up_leases(session: Session, client: SyncClient, report: SyncReport) -> None:
    if not session.can(Permission.ISSUE_NOTICE) or session.actor.squad_id is None:
        return
    year = session.today().year
    for doc_type in DOC_TYPES:
        if state.lease_room(session.store.db, doc_type, year, session.actor.squad_id) >= LEASE_LOW:
            continue
        lease = client.lease(doc_type, year, LEASE_SIZE)
        with session.store.transaction() as db:
            state.add_lease(db, lease, utc_iso(session.now()))
        report.leases += 1


def _pull(session: Session, client: SyncClient, report: SyncReport, progress: Progress) -> None:
    after = state.cursor(session.store.db)
    while True:
        progress.check()
        page = client.pull(after, PULL_LIMIT)
        if page.changes:
            with state.replication_transaction(session.store) as db:
                state.apply_changes(db, [c.to_json() for c in page.changes], page.next_after)
            newest = max(c.hlc for c in page.changes)
            with contextlib.suppress(ValueError):  # a stamp from an older server format
                session.hlc.receive(HlcStamp.decode(newest))
            report.pulled += len(page.changes)
            report.entities.update(c.entity for c in page.changes)
            progress.update(report.pulled, report.pulled + (PULL_LIMIT if page.more else 0), "pull")
        after = page.next_after
        if not page.more:
            return


def is_reachable(session: Session, factory: ClientFactory = default_client) -> bool:
    """Whether the configured server answers a health probe now (False without a server)."""
    if not server_url(session):
        return False
    with open_client(session, factory) as client:
        return client.reachable()


__all__ = ["NeedsSignIn", "Offline", "SyncError", "SyncReport", "SyncStatus", "discard_failed", "retry_failed",
           "sync_now", "sync_status"]

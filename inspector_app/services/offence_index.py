"""The city-wide offence index on the laptop: pulled with every sync, searched by the offline
首违不罚 decision, and how fresh it is (the officer is warned before a 首违不罚 notice when it is
older than the administrator's limit).

A page is stored only when its MAC verifies with the lookup key; a refused, unreadable or
tampered page changes nothing (the index and its cursor stay as they were)."""

from __future__ import annotations

import hmac
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from inspector_app.domain.clock import parse_utc
from inspector_app.domain.first_offence import Prior, index_token, party_keys_of
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage import offence_index as store
from inspector_app.sync.client import Refused, SyncClient
from inspector_app.sync.protocol import IndexPage, index_key_id, index_page_mac

INDEX_PAGE = 2000
DEFAULT_MAX_AGE_DAYS = 7
MAX_AGE_LIMIT_DAYS = 90


def _tampered(why: str) -> Refused:
    return Refused(QT_TRANSLATE_NOOP("sync", "The city-wide offence index from the sync server did not verify ({why}); "
                                             "nothing of it was stored."),
                   QT_TRANSLATE_NOOP("sync", "Sync again; if this keeps happening, tell your administrator: "
                                             "something between this laptop and the server changes its answers."),
                   why=why)


def pull_index(session: Session, client: SyncClient, progress: Progress | None = None) -> int:
    """Bring the laptop's index up to date (every page checked before it is stored, each in
    its own transaction with the cursor). Only roles that decide 首违不罚 pull it. Returns how
    many rows were written."""
    if not session.can(Permission.ISSUE_NOTICE):
        return 0
    progress = progress or Progress()
    state = store.index_state(session.store.db)
    after, key, stored_id = state.cursor, state.key, state.key_id if state.key else ""
    restart, pulled = False, 0
    while True:
        progress.check()
        asked = key is None
        page = client.pull_index(after, INDEX_PAGE, with_key=asked)
        if page.key is not None:
            if index_key_id(page.key) != page.key_id:
                raise _tampered("key id")
            if page.key_id != stored_id:  # a first key, or the server retired the old one
                key, restart = page.key, True
                if after:
                    after = 0
                    continue
        elif asked:
            raise _tampered("no key")
        elif key is None or page.key_id != index_key_id(key):
            key, after = None, 0  # the server's key changed: fetch the new one, from the start
            continue
        if key is None:
            raise _tampered("no key")
        _verify(key, page)
        with session.store.transaction() as db:
            if restart:
                store.restart_index(db, key, page.key_id)
                restart, stored_id = False, page.key_id
            pulled += store.apply_index_page(db, page.entries, page.squads, page.next_after, page.as_of, not page.more)
        progress.update(pulled, pulled + (INDEX_PAGE if page.more else 0), "index")
        after = page.next_after
        if not page.more:
            return pulled


def _verify(key: bytes, page: IndexPage) -> None:
    if not hmac.compare_digest(index_page_mac(key, page.body), page.mac):
        raise _tampered("MAC")
    try:
        parse_utc(page.as_of)
    except ValueError:
        raise _tampered("time") from None


def index_as_of(session: Session) -> datetime | None:
    """When the laptop's index was last complete (None: never pulled)."""
    as_of = store.index_state(session.store.db).as_of
    return parse_utc(as_of) if as_of else None


def index_priors(session: Session, values: dict[str, Any], local: list[Prior] | None = None) -> list[Prior]:
    """The party's violations in the city-wide index, less those already among ``local`` (the
    same squad, item and day: the laptop's own squad's records are in both), so none is
    counted twice."""
    state = store.index_state(session.store.db)
    if state.key is None:
        return []
    id_key, name_key = party_keys_of(values)
    id_token, na_token = index_token(state.key, id_key), index_token(state.key, name_key)
    rows = store.index_matches(session.store.db, bytes.fromhex(id_token) if id_token else None,
                               bytes.fromhex(na_token) if na_token else None)
    found = [Prior(f"index:{r['entry_id']}", r["occurred_on"], r["item_code"], r["number"], r["matched_by"], "index",
                   r["squad"], r["squad_id"]) for r in rows]
    return without_local(found, local or [])


def without_local(found: list[Prior], local: list[Prior]) -> list[Prior]:
    """Index priors not already on this laptop: one local record of a squad, item and day
    takes away one index row of the same (so two the same day stay two)."""
    held = Counter((p.squad_id, p.item_code, p.occurred_on) for p in local)
    out = []
    for p in found:
        key = (p.squad_id, p.item_code, p.occurred_on)
        if held[key] > 0:
            held[key] -= 1
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class IndexFreshness:
    """How old the index is against the limit; ``warn`` says whether to warn before a 首违不罚
    notice (too old, or never pulled on a laptop that syncs)."""

    as_of: datetime | None
    age: timedelta | None
    max_age_days: int
    warn: bool


def index_freshness(session: Session, max_age_days: int = DEFAULT_MAX_AGE_DAYS, syncs: bool = True) -> IndexFreshness:
    """The index's age now and whether it is past ``max_age_days`` (``syncs``: whether this
    laptop has a sync server, without which "never pulled" is no reason to warn)."""
    return freshness(index_as_of(session), session.now(), max_age_days, syncs)


def freshness(as_of: datetime | None, now: datetime, max_age_days: int, syncs: bool) -> IndexFreshness:
    """:func:`index_freshness` for an index complete at ``as_of`` (no database read)."""
    days = max(1, min(int(max_age_days), MAX_AGE_LIMIT_DAYS))
    if as_of is None:
        return IndexFreshness(None, None, days, syncs)
    age = max(timedelta(0), now - as_of)
    return IndexFreshness(as_of, age, days, age > timedelta(days=days))

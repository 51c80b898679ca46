"""Issue 19 figures: the laptop's city-wide offence index with 1,000,000 entries — the offline
lookup behind every 首违不罚 decision (p95, and as a ratio to a bare indexed SELECT on the same
table in the same run) and the bytes each entry costs in the profile file."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from typing import Any

from benchmarks.common import BENCH_TODAY, CACHE, p95, report, timed_pair

ENTRIES = 1_000_000
PAGE = 2000  # the pull's page size (services.offence_index.INDEX_PAGE)
LOOKUPS = 400
SQUADS = 12  # Jinan's districts and counties, roughly one squad each


class _Entry:
    __slots__ = ("deleted", "entry_id", "id_token", "item_code", "na_token", "number", "occurred_on", "outcome",
                 "squad_id")

    def __init__(self, **values: Any) -> None:
        for k, v in values.items():
            setattr(self, k, v)


def _party(n: int) -> dict[str, str]:
    """The n-th synthetic party: an 18-character ID, a name and an address."""
    return {"party_id_number": f"370102{n:011d}X",
            "party_name": f"当事人{n}", "party_address": f"济南市历下区泉城路{n % 997}号"}


def _fill(session: Any, key: bytes) -> int:
    """1,000,000 entries pulled page by page as the sync stores them: ~700,000 parties, some
    with several violations; 9 in 10 with a notice number."""
    from inspector_app.domain.first_offence import index_token, party_keys_of
    from inspector_app.storage.offence_index import apply_index_page, restart_index
    from inspector_app.sync.protocol import index_key_id

    rng = random.Random(19)
    squads = {f"squad-{s:02d}": f"第{s + 1}中队" for s in range(SQUADS)}
    items = [f"FO{n:02d}" for n in range(1, 32)]
    outcomes = ("first_offence", "not_eligible", "order_only")
    with session.store.transaction() as db:
        restart_index(db, key, index_key_id(key))
    made = 0
    while made < ENTRIES:
        page = []
        for _ in range(PAGE):
            made += 1
            id_key, name_key = party_keys_of(_party(rng.randrange(700_000)))
            squad = rng.randrange(SQUADS)
            day = BENCH_TODAY - timedelta(days=rng.randrange(3 * 365))
            page.append(_Entry(entry_id=made, id_token=index_token(key, id_key) if rng.random() < 0.8 else None,
                               na_token=index_token(key, name_key), item_code=rng.choice(items),
                               occurred_on=day.isoformat(), outcome=rng.choice(outcomes), squad_id=f"squad-{squad:02d}",
                               number=f"济{squad:02d}城管警告〔{day.year}〕第{made % 100000:05d}号" if rng.random() < 0.9 else "",
                               deleted=False))
        with session.store.transaction() as db:
            apply_index_page(db, page, squads, made, "2026-11-20T02:00:00.000Z", made >= ENTRIES)
    return made


def run() -> bool:
    from inspector_app.domain.entities import Actor
    from inspector_app.domain.first_offence import index_token, party_keys_of
    from inspector_app.domain.roles import Role
    from inspector_app.services.offence_index import index_priors
    from inspector_app.services.profile import open_profile

    folder = CACHE / "scratch" / "offence-index"
    shutil.rmtree(folder, ignore_errors=True)
    session = open_profile(folder).as_actor(Actor("bench", "bench", Role.OFFICER, "squad-own", username="bench"))
    session.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    empty = _file_size(session)
    key = bytes(range(32))
    entries = _fill(session, key)
    session.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = _file_size(session)
    rng = random.Random(7)
    parties = [_party(rng.randrange(1_400_000)) for _ in range(LOOKUPS)]  # about half are in the index
    tokens = [bytes.fromhex(index_token(key, party_keys_of(p)[0]) or "") for p in parties]
    state = iter(range(10**9))
    db = session.store.db

    def lookup() -> None:
        index_priors(session, parties[next(state) % LOOKUPS])

    bare_state = iter(range(10**9))

    def bare() -> None:
        db.execute("SELECT entry_id FROM offence_index WHERE id_token = ?", [tokens[next(bare_state) % LOOKUPS]]).fetchall()

    found = sum(1 for p in parties[:100] if index_priors(session, p))
    ours, base = timed_pair(lookup, bare, LOOKUPS)
    ok = report("offence index lookup (services.offence_index.index_priors) with 1,000,000 entries, p95",
                p95(ours), "ms", "< 20", p95(ours) < 20, f"{found} of 100 parties found; both tokens, squad names")
    ratio = p95(ours) / max(p95(base), 1e-6)
    ok &= report("offence index lookup / bare indexed SELECT on the same table, p95 ratio", ratio, "x", "<= 25",
                 ratio <= 25, f"bare SELECT p95 {p95(base):.3f} ms; the lookup also reads the key, makes 2 HMACs, "
                 "searches both tokens and names the squads")
    per_entry = size / entries
    ok &= report("offence index bytes per entry (profile file / entries)", per_entry, "B", "<= 160", per_entry <= 160,
                 f"file {size / 1e6:.1f} MB for {entries:,} entries; empty profile {empty / 1e6:.2f} MB")
    session.store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return ok


def _file_size(session: Any) -> int:
    path = session.store.paths.database
    return int(path.stat().st_size)

"""Shared by the trust-boundary tests (issue 14): the server's stored state, to prove a
refused request changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from inspector_server.db import counter, device, document_number, number_lease, record


def server_state(engine: Engine) -> dict[str, Any]:
    """Everything a push or sign-in could change, except the answers it remembers and the
    devices' last-contact times."""
    with engine.connect() as conn:
        return {
            "records": sorted(tuple(r) for r in conn.execute(select(record))),
            "numbers": sorted(tuple(r) for r in conn.execute(select(document_number))),
            "leases": sorted(tuple(r) for r in conn.execute(select(number_lease))),
            "counters": sorted(tuple(r) for r in conn.execute(select(counter))),
            "devices": sorted(
                (r.id, r.officer_id, r.refresh_hash, r.revoked)
                for r in conn.execute(select(device))
            ),
        }

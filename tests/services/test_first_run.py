from pathlib import Path

import pytest

from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.domain.progress import Progress
from inspector_app.services.first_run import (
    ServerSignIn,
    check_server_address,
    create_first_admin,
    join_from_server,
    needs_first_run,
)
from inspector_app.services.profile import open_profile, sign_in, verify_audit
from inspector_app.services.session import Session


@pytest.fixture
def empty(data_dir: Path) -> Session:
    s = open_profile(data_dir)
    yield s  # type: ignore[misc]
    s.store.close()


def test_a_new_profile_needs_the_first_run_and_a_demo_does_not(empty: Session, officer_session: Session) -> None:
    assert needs_first_run(empty)
    assert not needs_first_run(officer_session)


def test_first_admin_is_created_audited_and_signed_in(empty: Session) -> None:
    admin = create_first_admin(empty, "张建国", " Admin ", "Jinan2026x", "Jinan2026x")
    assert (admin.actor.name, admin.actor.username, admin.actor.role.value) == ("张建国", "admin", "admin")
    assert not needs_first_run(empty)
    assert sign_in(empty, "admin", "Jinan2026x").actor.officer_id == admin.actor.officer_id
    ops = empty.store.db.execute("SELECT entity, op FROM outbox").fetchall()
    assert ("officer", "create") in [tuple(r) for r in ops]  # reaches the server with the first sync
    actions = [r[0] for r in empty.store.db.execute("SELECT action FROM audit_log")]
    assert "create_first_admin" in actions and verify_audit(empty).ok


@pytest.mark.parametrize(
    ("name", "username", "password", "confirm", "field"),
    [
        ("", "admin", "Jinan2026x", "Jinan2026x", "name"),
        ("张建国", "ad", "Jinan2026x", "Jinan2026x", "username"),
        ("张建国", "管理员", "Jinan2026x", "Jinan2026x", "username"),
        ("张建国", "admin", "short1", "short1", "password"),
        ("张建国", "admin", "12345678901", "12345678901", "password"),
        ("张建国", "admin", "Jinan2026x", "Jinan2026y", "confirm"),
    ],
)
def test_bad_account_input_is_explained_and_nothing_stored(empty: Session, name, username, password, confirm, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as info:
        create_first_admin(empty, name, username, password, confirm)
    assert [e.field for e in info.value.errors] == [field]
    assert needs_first_run(empty)
    assert empty.store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_a_second_first_admin_is_refused(empty: Session) -> None:
    create_first_admin(empty, "张建国", "admin", "Jinan2026x", "Jinan2026x")
    with pytest.raises(UserError, match="already has accounts"):
        create_first_admin(empty, "李四", "admin2", "Jinan2026x", "Jinan2026x")
    assert empty.store.db.execute("SELECT count(*) FROM officer").fetchone()[0] == 1


def test_server_address_is_checked_and_normalised() -> None:
    assert check_server_address(" xcjc.jnzf.gov.cn/ ") == "https://xcjc.jnzf.gov.cn"
    assert check_server_address("http://10.0.0.5:8000/api/") == "http://10.0.0.5:8000/api"
    for bad in ("", "ftp://x.cn", "https://", "   "):
        with pytest.raises(UserError, match="not a server address"):
            check_server_address(bad)


def test_joining_an_unreachable_server_says_so_and_changes_nothing(empty: Session) -> None:
    from inspector_app.sync.client import RetryPolicy, SyncClient

    def quick(url, device_id, tokens):  # type: ignore[no-untyped-def]
        return SyncClient(url, device_id, tokens, retry=RetryPolicy(2, 0.01, 0.02), timeout=2)

    request = ServerSignIn("http://127.0.0.1:9", "liqiang", "pw", "laptop")
    with pytest.raises(UserError, match="cannot be reached"):
        join_from_server(empty, request, Progress(), factory=quick)
    assert needs_first_run(empty)

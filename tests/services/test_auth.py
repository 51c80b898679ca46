from pathlib import Path

import pytest

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.roles import Role
from inspector_app.services.auth import MAX_FAILURES, LoginFailed, login
from inspector_app.storage.database import Store


@pytest.fixture
def store(demo_dir: Path):  # type: ignore[no-untyped-def]
    s = Store.open(demo_dir)
    yield s
    s.close()


def test_each_demo_role_can_sign_in(store: Store, clock: FixedClock) -> None:
    roles = {u: login(store, u, "Jinan@2026", clock).role for u in ("liqiang", "wangfang", "zhaomin", "admin")}
    assert roles == {"liqiang": Role.OFFICER, "wangfang": Role.SUPERVISOR, "zhaomin": Role.CLERK, "admin": Role.ADMIN}


def test_officer_gets_name_badge_and_squad(store: Store, clock: FixedClock) -> None:
    actor = login(store, "liqiang", "Jinan@2026", clock)
    assert actor.name == "李强" and actor.badge_no.startswith("370102")
    assert actor.squad_name == "历下区泉城路街道城管执法中队"


def test_wrong_password_says_how_many_tries_are_left(store: Store, clock: FixedClock) -> None:
    with pytest.raises(LoginFailed) as info:
        login(store, "liqiang", "wrong", clock)
    assert info.value.params["left"] == MAX_FAILURES - 1
    assert "Caps Lock" in info.value.render()


def test_unknown_user_gets_the_same_message(store: Store, clock: FixedClock) -> None:
    with pytest.raises(LoginFailed) as info:
        login(store, "nobody", "x", clock)
    assert "Wrong user name or password" in info.value.render()


def test_five_failures_lock_for_a_minute_even_across_restarts(demo_dir: Path, clock: FixedClock) -> None:
    store = Store.open(demo_dir)
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            login(store, "liqiang", "wrong", clock)
    store.close()
    store = Store.open(demo_dir)  # restarting the app does not lift the lock
    with pytest.raises(LoginFailed) as info:
        login(store, "liqiang", "Jinan@2026", clock)
    assert "Try again in" in info.value.render()
    clock.advance(seconds=61)
    assert login(store, "liqiang", "Jinan@2026", clock).name == "李强"
    store.close()


def test_success_resets_the_failure_count(store: Store, clock: FixedClock) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            login(store, "liqiang", "wrong", clock)
    login(store, "liqiang", "Jinan@2026", clock)
    with pytest.raises(LoginFailed) as info:
        login(store, "liqiang", "wrong", clock)
    assert info.value.params["left"] == MAX_FAILURES - 1


def test_empty_fields(store: Store, clock: FixedClock) -> None:
    with pytest.raises(LoginFailed, match="Type your user name"):
        login(store, " ", "", clock)

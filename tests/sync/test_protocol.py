"""The shared protocol shapes: what the server accepts as an op and the client as a page."""

from __future__ import annotations

import pytest

from inspector_app.sync.protocol import Op, OpResult, ProtocolError, Status, parse_pull

GOOD = {"op_id": "o1", "entity": "unit", "entity_id": "u1", "op": "patch", "changes": {"phone": ["1", "2"]},
        "hlc": "h", "blobs": ["a" * 64]}


def test_a_good_op_round_trips() -> None:
    op = Op.from_json(GOOD)
    assert Op.from_json(op.to_json()) == op


@pytest.mark.parametrize(("change", "message"), [
    ({"op": "drop"}, "unknown op kind"),
    ({"entity": "unit; DROP TABLE record"}, "bad entity name"),
    ({"changes": {"phone": ["only-new"]}}, "[old, new]"),
    ({"changes": {"Phone Number": [1, 2]}}, "[old, new]"),
    ({"blobs": ["not-a-hash"]}, "sha256"),
    ({"op_id": ""}, "op_id"),
    ({"hlc": 5}, "hlc"),
    ({"base_hlc": "x" * 65}, "base_hlc"),
])
def test_bad_ops_are_refused_with_the_reason(change: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ProtocolError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Op.from_json({**GOOD, **change})
    with pytest.raises(ProtocolError):
        Op.from_json(["not", "an", "object"])


def test_a_delete_names_the_version_it_deleted_and_an_older_op_keeps_its_digest() -> None:
    from inspector_server.push import op_digest

    delete = {**GOOD, "op": "delete", "changes": {"deleted": [0, 1]}}
    base = "000001764000000-0000000003-a1b2c3d4e5f6"
    assert Op.from_json({**delete, "base_hlc": base}).base_hlc == base
    assert Op.from_json(Op.from_json({**delete, "base_hlc": base}).to_json()).base_hlc == base
    older = Op.from_json(delete)  # an app from before base_hlc: the digest the server stored
    assert "base_hlc" not in older.to_json()
    assert op_digest(older) == op_digest(Op.from_json({**delete, "base_hlc": ""}))


def test_a_replay_resolves_to_its_first_answer() -> None:
    replay = OpResult.from_json({"op_id": "o1", "status": "duplicate", "original": "conflict"})
    assert replay.effective == Status.CONFLICT
    assert OpResult.from_json({"op_id": "o1", "status": "forbidden", "reason": "x"}).effective == Status.FORBIDDEN


def test_a_pull_page_must_go_forward() -> None:
    change = {"entity": "unit", "id": "u1", "fields": {"name": "店"}, "hlc": "h"}
    page = parse_pull({"changes": [{**change, "seq": 3}, {**change, "seq": 5}], "next_after": 5, "more": True})
    assert [c.seq for c in page.changes] == [3, 5] and page.more
    for bad in ({"changes": [{**change, "seq": 5}, {**change, "seq": 3}]}, {"changes": "x"},
                {"changes": [{**change, "seq": 1, "fields": {"bad name": 1}}]}, {"changes": [{"seq": 1}]}):
        with pytest.raises(ProtocolError):
            parse_pull(bad)

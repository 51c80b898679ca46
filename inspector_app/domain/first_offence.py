"""The 首违不罚 decision: does a violation get a warning notice instead of a penalty?

How the catalog row's ``penalty_mode`` shapes the answer (../shared/domain/README.md):

- ``fine_only_if_overdue``, ``fine_only_if_refused``, ``no_fine_in_ordinance``: the ordinance
  fines only if the party does not correct in time, so no 首违不罚 decision is needed: the
  order to correct (责令限期改正通知书) and a re-check at the deadline are the whole procedure.
- ``discretionary_fine``, ``mandatory_fine_after_finding``: art. 33 of the 行政处罚法 decides.
  Eligible when the party has no earlier violation of the same catalog item within the row's
  look-back period AND the officer confirms every condition of the row (harm slight, corrected
  in time, ...): a 警示告知书 (首违不罚告知书) with a deadline and a re-check. Otherwise not
  eligible: a 责令限期改正通知书, and the violation is marked for case filing (立案).

An officer may override the outcome only with a written reason, which the audit log keeps.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from inspector_app.domain.catalogs import FirstOffenceItem
from inspector_app.domain.clock import LOCAL_TZ
from inspector_app.domain.validators import normalise_code

ORDER_ONLY_MODES = ("fine_only_if_overdue", "fine_only_if_refused", "no_fine_in_ordinance")

FIRST_OFFENCE, NOT_ELIGIBLE, ORDER_ONLY = "first_offence", "not_eligible", "order_only"
WARNING, RECTIFY_ORDER = "warning", "rectify_order"


@dataclass(frozen=True)
class Prior:
    """An earlier violation of the same party: on this device, or in the city-wide index
    (``source`` "index": another squad's, known only by its item, date, squad and number)."""

    violation_id: str
    occurred_on: date
    item_code: str
    number: str = ""
    matched_by: str = ""  # "id" or "name_address"
    source: str = "device"
    squad: str = ""  # the squad's name, for the printed reason
    squad_id: str = ""


def index_time_text(when: datetime) -> str:
    """How the index's time is printed: "2026年12月1日 10:00" (Asia/Shanghai)."""
    local = when.astimezone(LOCAL_TZ)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _searched(index_as_of: datetime | None, device: bool) -> str:
    if index_as_of is None:
        return "经查询本设备全部记录（本设备尚未取得全市违法记录索引，未能查询其他中队的记录）"
    city = f"经查询全市违法记录（截至 {index_time_text(index_as_of)}）"
    return f"{city}及本设备全部记录" if device else city


def _cited(priors: tuple[Prior, ...]) -> str:
    """The priors' numbers, dates and squads, for the reason (at most three)."""
    parts = []
    for p in priors[:3]:
        bits = [f"{p.occurred_on.year}年{p.occurred_on.month}月{p.occurred_on.day}日"]
        bits += [b for b in (p.squad, p.number) if b]
        parts.append("，".join(bits))
    more = f"等 {len(priors)} 次" if len(priors) > 3 else ""
    return f"（{'；'.join(parts)}{more}）" if parts else ""


@dataclass(frozen=True)
class Decision:
    """The outcome, why, and which document it leads to."""

    outcome: str
    document: str
    file_case: bool
    reasons: tuple[str, ...]
    priors: tuple[Prior, ...] = field(default_factory=tuple)


def decide(item: FirstOffenceItem, priors: list[Prior], confirmed: set[int], occurred_on: date,
           index_as_of: datetime | None = None, device: bool = True) -> Decision:
    """Apply the rule in the module docstring. ``confirmed`` holds the indexes of the row's
    conditions the officer confirmed on the spot; ``priors`` are the party's earlier
    violations (any item, any time; the look-back is applied here). ``index_as_of`` is how
    fresh the city-wide index searched was (None: there is none, only this device's records),
    and the reason says so; ``device`` False for the server, which searched the index alone."""
    since = occurred_on - timedelta(days=item.lookback_days)
    same = tuple(p for p in priors if p.item_code == item.code and since <= p.occurred_on <= occurred_on)
    if item.penalty_mode in ORDER_ONLY_MODES:
        penalty = "、".join(item.penalty_provisions_zh) or item.penalty_basis_zh
        reasons = [f"{penalty}规定的罚则为“{_mode_text(item.penalty_mode)}”：按期改正即不予罚款，"
                   "依法责令限期改正并到期复查，无需作出首违不罚决定。"]
        if same:
            reasons.append(f"当事人在 {item.lookback_days} 天内已有同类违法记录 {len(same)} 次，逾期不改正的依法处罚。")
        return Decision(ORDER_ONLY, RECTIFY_ORDER, False, tuple(reasons), same)
    missing = [c for i, c in enumerate(item.conditions_zh) if i not in confirmed and not _is_first_time(c)]
    reasons = []
    if same:
        reasons.append(f"{_searched(index_as_of, device)}，当事人在回溯期（{item.lookback_days} 天）内已有同一事项违法记录 "
                       f"{len(same)} 次{_cited(same)}，不属于初次违法。")
    else:
        reasons.append(f"{_searched(index_as_of, device)}，当事人在回溯期（{item.lookback_days} 天）内无同一事项违法记录，属初次违法。")
    for c in missing:
        reasons.append(f"条件未满足：{c}。")
    if not same and not missing:
        reasons.append("符合《中华人民共和国行政处罚法》第三十三条第一款及首违不罚清单第 "
                       f"{item.code} 项规定的条件，依法不予行政处罚，予以警示告知并责令改正。")
        return Decision(FIRST_OFFENCE, WARNING, False, tuple(reasons), same)
    reasons.append("不符合首违不罚条件：责令限期改正，并转入立案程序。")
    return Decision(NOT_ELIGIBLE, RECTIFY_ORDER, True, tuple(reasons), same)


def _is_first_time(condition: str) -> bool:
    # "首次被发现" / "初次违法" is established from the records, not confirmed by hand.
    return condition.startswith(("首次", "初次"))


def _mode_text(mode: str) -> str:
    return {"fine_only_if_overdue": "逾期不改正的，处以罚款", "fine_only_if_refused": "拒不改正的，处以罚款",
            "no_fine_in_ordinance": "责令改正，不设罚款"}.get(mode, mode)


def confirmable_conditions(item: FirstOffenceItem) -> list[tuple[int, str]]:
    """The conditions the officer has to confirm (the first-time one is checked in records)."""
    return [(i, c) for i, c in enumerate(item.conditions_zh) if not _is_first_time(c)]


_PUNCT = re.compile(r"[\s·,，.。、:：;；\-—()（）\[\]【】#号室]")


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, without spaces, punctuation, 号/室."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def party_keys(id_number: str | None, uscc: str | None, name: str, address: str) -> tuple[str | None, str | None]:
    """(identity key, name+address key) used to find a party's earlier violations."""
    identity = f"id:{id_number.upper()}" if id_number else (f"uscc:{uscc.upper()}" if uscc else None)
    name_key = f"na:{normalise(name)}|{normalise(address)}" if name and address else None
    return identity, name_key


def party_keys_of(values: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """:func:`party_keys` of a violation's values as typed or stored (codes NFKC-normalised,
    names trimmed): the one derivation the laptop and the server both hash for the index."""
    def text(key: str) -> str:
        raw = str(values.get(key) or "")
        return normalise_code(raw) if key in ("party_id_number", "party_uscc") else raw.strip()

    return party_keys(text("party_id_number") or None, text("party_uscc") or None, text("party_name"),
                      text("party_address"))


INDEX_TOKEN_HEX = 16  # 8 bytes: see notes/issue-19-index.md for why that is enough
# How far back a party's record is searched (every look-back of the catalog is within it): the
# city-wide index keeps no older row, on the server's pull or on a laptop.
HISTORY_DAYS = 3 * 365


def index_token(lookup_key: bytes, party_key: str | None) -> str | None:
    """The offence index's token of one party key: HMAC-SHA256 with the city's lookup key,
    its first 8 bytes as hex (None for no key). The server and the laptop both use this."""
    if not party_key:
        return None
    return hmac.new(lookup_key, party_key.encode(), hashlib.sha256).hexdigest()[:INDEX_TOKEN_HEX]


def person_from_id(id_number: str) -> tuple[str, str] | None:
    """(性别, 出生日期) from an 18-digit resident ID number, or None."""
    if len(id_number) != 18 or not id_number[:17].isdigit():
        return None
    gender = "男" if int(id_number[16]) % 2 else "女"
    return gender, f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"

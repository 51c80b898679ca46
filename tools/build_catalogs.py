"""Rebuild resources/catalogs/*.json from the domain team's ../shared/domain/catalogs.json.

Run once when the reference file changes; the app reads only resources/. Our structure adds
check-item codes, photo requirements, look-back periods and a needs_verification mark for
legal bases the reference itself was unsure of.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "catalogs"

STRUCTURED = ("case_name_zh", "violated_provisions_zh", "penalty_provisions_zh", "correction_zh")
# Rows whose reference cites only the penalty article (所指行为): which article states the duty
# must be checked against the official text.
CHECK_ARTICLE = ("FO21", "FO23", "FO24")
UNSURE = re.compile(r"medium|low|未核|待核|not check|may have been|to verify", re.I)


def dump(name: str, data: object) -> None:
    path = OUT / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", path.relative_to(ROOT))


def main(source: Path) -> None:
    src = json.loads(source.read_text(encoding="utf-8"))
    version = src["_meta"]["version"]
    OUT.mkdir(parents=True, exist_ok=True)

    dump("responsibilities.json", {
        "version": version,
        "items": [
            {
                "code": r["code"],
                "name_zh": r["name_zh"],
                "name_en": r["name_en"],
                "scope_zh": r["scope_zh"],
                "basis_zh": r["jinan_basis_zh"],
                "check_items": [
                    {"code": f"{r['code']}.{i}", "text_zh": t}
                    for i, t in enumerate(r["check_items"], start=1)
                ],
            }
            for r in src["five_responsibilities"]
        ],
    })
    dump("disorders.json", {
        "version": version,
        "items": [
            {
                "code": r["code"],
                "name_zh": r["name_zh"],
                "name_en": r["name_en"],
                "examples_zh": r["examples"],
                "basis_zh": r["jinan_basis_zh"],
                "needs_verification": bool(UNSURE.search(r["jinan_basis_zh"])),
                "event_codes": r["event_codes"],
                "first_offence_codes": r["first_offence_codes"],
                # Evidence practice: every disorder is recorded with at least one photo,
                # except littering seen in passing, where the officer may not catch it.
                "photo_required": r["code"] != "L6",
            }
            for r in src["eight_disorders"]
        ],
    })
    # The structured legal basis (provisions violated and applied, the correction, the case name)
    # is our editorial work on each row, kept from the current file by code.
    old_fo = OUT / "first_offence.json"
    structured = {r["code"]: {k: r[k] for k in STRUCTURED if k in r}
                  for r in json.loads(old_fo.read_text("utf-8"))["items"]} if old_fo.exists() else {}
    dump("first_offence.json", {
        "version": version,
        "published_by": "济南市城市管理局（内置初始版本）",
        "penalty_modes": src["penalty_modes"],
        "items": [
            {
                "code": r["code"],
                "violation_zh": r["violation_zh"],
                "legal_basis_zh": r["legal_basis_zh"],
                "penalty_basis_zh": r["penalty_basis_zh"],
                "penalty_mode": r["penalty_mode"],
                "conditions_zh": [c for c in re.split(r"[；;]", r["conditions_zh"]) if c],
                "rectify_days": r["rectify_days"],
                "lookback_days": 365,
                "jurisdiction": r["jurisdiction"],
                "source": r["source"],
                "confidence": r["confidence"],
                "needs_verification": bool(UNSURE.search(r["confidence"])) or r["code"] in CHECK_ARTICLE,
                **structured.get(r["code"], {}),
            }
            for r in src["first_offence_catalog"]
        ],
    })
    dump("event_codes.json", {
        "version": version,
        "items": [
            {
                "code": r["code"],
                "major_zh": r["major_zh"],
                "minor_zh": r["minor_zh"],
                "local_extension": r["code"].startswith("06"),
            }
            for r in src["event_codes"]
        ],
    })
    dump("districts.json", {
        "version": version,
        "items": [
            {
                "code": d["code"],
                "name_zh": d["name_zh"],
                "kind": d["kind"],
                "subdistricts": [
                    {"code": s["code"], "name_zh": s["name_zh"]} for s in d["subdistrict_codes"]
                ],
            }
            for d in src["districts"]
        ],
    })
    dump("star_rating.json", {"version": version, **src["star_rating_default"]})
    dump("unit_categories.json", {"version": version, "items": src["unit_types"]})
    # extra_streets are our own approximate additions for bigger demo profiles: keep them.
    old = OUT / "demo_geography.json"
    extra = json.loads(old.read_text("utf-8")).get("extra_streets", []) if old.exists() else []
    dump("demo_geography.json", {
        "version": version,
        "streets": src["sample_streets"],
        "landmarks": src["sample_landmarks"],
        "extra_streets": extra,
    })
    dump("review_checks.json", {"version": version, "items": src["supervisor_review_checks"]})


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/domain/catalogs.json")

"""Make the fixture database of this release for tests/storage/fixtures (as calibre keeps
databases of old releases): a small demo profile (~50 units), trimmed to a few records of each
kind the demo makes, plus a violation with its issued notice (signatures, numbers), a photo and
a failed sign-in, all made by this release's own services. Run it once per release that
changes the schema; never regenerate a fixture of an earlier release.

    python tools/make_fixture_db.py            # writes v<version>-schema<N>.sqlite and .json
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from inspector_app import __version__  # noqa: E402
from inspector_app.domain.clock import FixedClock  # noqa: E402
from inspector_app.domain.errors import UserError  # noqa: E402
from inspector_app.services.demo import DEMO_PASSWORD, generate_demo_profile  # noqa: E402
from inspector_app.services.notice_documents import Signing, issue_document  # noqa: E402
from inspector_app.services.photos import stamp_for, store_photo  # noqa: E402
from inspector_app.services.profile import close_profile, open_profile, sign_in  # noqa: E402
from inspector_app.services.violations import record_violation  # noqa: E402
from inspector_app.storage.migrations import SCHEMA_VERSION  # noqa: E402

FIXTURES = ROOT / "tests" / "storage" / "fixtures"
TODAY = date(2026, 12, 1)
# (table, rows kept): the demo's bulk, cut down; children of removed rows go with them.
TRIM = (
    "DELETE FROM frontage_inspection WHERE rowid > 30",
    "DELETE FROM patrol_point WHERE patrol_id NOT IN (SELECT patrol_id FROM frontage_inspection)"
    " AND patrol_id IN (SELECT id FROM patrol WHERE rowid > 15)",
    "DELETE FROM patrol WHERE rowid > 15 AND id NOT IN (SELECT patrol_id FROM frontage_inspection)",
    "DELETE FROM disorder_event WHERE check_id IN (SELECT id FROM disorder_check WHERE rowid > 20)",
    "DELETE FROM disorder_check WHERE rowid > 20",
    "DELETE FROM work_order_event WHERE order_id IN (SELECT id FROM work_order WHERE rowid > 20)",
    "DELETE FROM work_order WHERE rowid > 20",
)


def _signature() -> bytes:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (100, 20), (200, 70), (290, 30)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _add_records(folder: Path, scratch: Path) -> None:
    profile = open_profile(folder)
    profile.clock = FixedClock(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    profile.hlc._clock = profile.clock
    try:
        with contextlib.suppress(UserError):  # a failed sign-in: a login_attempt row
            sign_in(profile, "liqiang", "wrong-password")
        officer = sign_in(profile, "liqiang", DEMO_PASSWORD)
        photo_file = scratch / "evidence.jpg"
        Image.new("RGB", (800, 600), (90, 140, 200)).save(photo_file, "JPEG")
        photo = store_photo(officer, photo_file, stamp_for(officer, "泉城路12号门前", 36.66, 117.02))
        colleague = officer.store.db.execute(
            "SELECT id FROM officer WHERE squad_id = ? AND id != ? AND role = 'officer' LIMIT 1",
            [officer.actor.squad_id, officer.actor.officer_id]).fetchone()[0]
        values = {"party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
                  "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号",
                  "item_code": "FO01", "facts": "在泉城路12号门前占道摆摊经营。",
                  "place": "泉城路12号门前", "officer2_id": colleague, "photo_ids": [photo.photo_id]}
        violation = record_violation(officer, values, set()).ids("violation")[0]
        png = _signature()
        issue_document(officer, violation, "rectify_order",
                       Signing(party_png=png, officer1_png=png, officer2_png=png))
    finally:
        close_profile(profile)


def _counts(db: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {n: int(db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def _commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (tools/make_fixture_db.py)"


def make(target_dir: Path = FIXTURES) -> Path:
    """Write this release's fixture database and its manifest; returns the database path."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"v{__version__}-schema{SCHEMA_VERSION}.sqlite"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "profile"
        generate_demo_profile(folder, units=50, seed=21, today=TODAY)
        db = sqlite3.connect(folder / "inspector.sqlite")
        try:
            db.execute("PRAGMA foreign_keys = ON")
            for statement in TRIM:
                db.execute(statement)
            db.commit()
        finally:
            db.close()
        _add_records(folder, Path(scratch))
        db = sqlite3.connect(folder / "inspector.sqlite")
        try:
            target.unlink(missing_ok=True)
            db.execute("VACUUM INTO ?", [str(target)])
        finally:
            db.close()
    out = sqlite3.connect(target)
    try:
        out.execute("PRAGMA journal_mode = DELETE")  # one file, as shipped profiles are copied
        manifest = {"made_by": _commit(), "app_version": __version__, "schema_version": SCHEMA_VERSION,
                    "password": DEMO_PASSWORD, "officer": "liqiang", "counts": _counts(out)}
    finally:
        out.close()
    target.with_suffix(".json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    return target


if __name__ == "__main__":
    print(make())

"""Issue 5 figures: one notice PDF (and its ratio to a bare reportlab page with the same font
and text), a batch of 500 notices in one PDF, the first-offence history lookup with
1,000,000 violations stored."""

from __future__ import annotations

import io
import json
import random
import time
from datetime import datetime, timedelta

from benchmarks.common import (
    BENCH_TODAY,
    copy_profile,
    demo_profile,
    p95,
    report,
    timed,
    timed_pair,
)


def _bare_page(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from inspector_app.documents.fonts import BODY, ensure_fonts

    ensure_fonts()
    out = io.BytesIO()
    style = ParagraphStyle("b", fontName=BODY, fontSize=12, leading=20, wordWrap="CJK")
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(p, style) for p in text.split("\n")])
    return out.getvalue()


def _notice_session():  # type: ignore[no-untyped-def]
    from inspector_app.services.profile import open_profile, sign_in

    folder = copy_profile(demo_profile(1_000), "notices")
    return sign_in(open_profile(folder), "liqiang", "Jinan@2026")


def bench_pdf(session) -> bool:  # type: ignore[no-untyped-def]
    from inspector_app.documents.notices import render_document
    from inspector_app.services.notice_documents import Signing, issue_document
    from inspector_app.services.violations import record_violation
    from tests.services.test_notices import ALL, _png, _values

    violation = record_violation(session, _values(session), ALL).ids("violation")[0]
    png = _png()
    issued = issue_document(session, violation, "warning", Signing(png, png, png))
    row = session.store.db.execute("SELECT snapshot, content_sha256 FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()
    snapshot = json.loads(row[0])
    images = {k: png for k in ("party", "officer1", "officer2")}
    from inspector_app.documents.layout import qr_modules

    def fresh() -> bytes:
        qr_modules.cache_clear()  # every new document encodes its own QR code
        return render_document(snapshot, row[1], images)

    # The bare page: the very same text (as the PDF's text layer has it), paragraphs only.
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(fresh())
        tmp.flush()
        text = subprocess.run(["pdftotext", tmp.name, "-"], capture_output=True, text=True).stdout.replace("\f", "")
    ours, bare = timed_pair(fresh, lambda: _bare_page(text), 100)
    ratio = p95(ours) / p95(bare)
    ok = report("one notice PDF (warning, three signatures, QR), p95", p95(ours), "ms", "<= 80", p95(ours) <= 80,
                f"bare reportlab page with the same font and text: {p95(bare):.1f} ms")
    return report("  ratio to the bare page", ratio, "x", "<= 1.5", ratio <= 1.5) and ok


def bench_batch(session) -> bool:  # type: ignore[no-untyped-def]
    from inspector_app.services.notice_documents import Signing, batch_pdf, issue_document
    from inspector_app.services.violations import record_violation
    from tests.services.test_notices import ALL, _png, _values

    png = _png()
    ids = []
    while len(ids) < 500:
        violation = record_violation(session, _values(session, party_id_number="", party_name=f"商户{len(ids)}"), ALL)
        issued = issue_document(session, violation.ids("violation")[0], "warning", Signing(png, png, png))
        ids += issued.document_ids
    start = time.perf_counter()
    pdf = batch_pdf(session, ids[:500])
    seconds = time.perf_counter() - start
    return report("batch of 500 notices into one PDF", seconds, "s", "<= 30", seconds <= 30, f"{len(pdf) / 1e6:.1f} MB")


def bench_history() -> bool:
    from inspector_app.domain.clock import utc_iso
    from inspector_app.domain.first_offence import party_keys
    from inspector_app.services.profile import open_profile
    from inspector_app.services.violations import priors_for

    folder = copy_profile(demo_profile(1_000), "history")
    session = open_profile(folder)
    rng = random.Random(11)
    end = datetime(BENCH_TODAY.year, BENCH_TODAY.month, BENCH_TODAY.day)
    people = [(f"37010219{rng.randrange(60, 99)}0{rng.randrange(1, 10)}1{rng.randrange(10, 28)}{rng.randrange(100, 999)}X",
               f"商户{n}", f"济南市历下区泉城路{n}号") for n in range(200_000)]
    rows = []
    for n in range(1_000_000):
        id_number, name, address = people[rng.randrange(len(people))]
        with_id = rng.random() < 0.7
        identity, name_key = party_keys(id_number if with_id else None, None, name, address)
        at = utc_iso(end - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60)))
        rows.append((f"h{n:07d}", "person", name, id_number if with_id else "", address, identity, name_key, "v", f"FO{rng.randrange(1, 32):02d}",
                     "x", at, "o1", "o2", "first_offence", at, at, "0", "bench"))
    with session.store.transaction() as tx:
        tx.conn.executemany(
            "INSERT INTO violation(id, party_kind, party_name, party_id_number, party_address, identity_key, name_key,"
            " catalog_version, item_code, facts, occurred_at, officer1_id, officer2_id, decision, created_at,"
            " updated_at, hlc, device_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    samples = []
    for id_number, name, address in rng.sample(people, 300):
        values = {"party_id_number": id_number, "party_name": name, "party_address": address}
        samples += timed(lambda values=values: priors_for(session, values), 1)
    session.store.close()
    return report("first-offence history lookup with 1,000,000 violations stored, p95", p95(samples), "ms", "<= 20",
                  p95(samples) <= 20)


def run() -> bool:
    session = _notice_session()
    results = [bench_pdf(session), bench_batch(session)]
    session.store.close()
    results.append(bench_history())
    return all(results)

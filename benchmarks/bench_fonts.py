"""Issue 25 figures: the glyph check a notice passes before it is numbered (against rendering
the same notice), reading what the document faces draw from their character maps (against
reportlab parsing the same files), and a notice to a rare name (against the same notice to
张伟, measured turn about), each pair in the same run."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

from benchmarks.common import copy_profile, demo_profile, p95, report, timed, timed_pair


def _snapshot() -> tuple[dict, str, dict[str, bytes]]:  # type: ignore[type-arg]
    from inspector_app.services.notice_documents import Signing, issue_document
    from inspector_app.services.profile import open_profile, sign_in
    from inspector_app.services.violations import record_violation
    from tests.services.test_notices import ALL, _png, _values

    session = sign_in(open_profile(copy_profile(demo_profile(1_000), "fonts")), "liqiang", "Jinan@2026")
    png = _png()
    violation = record_violation(session, _values(session), ALL).ids("violation")[0]
    issued = issue_document(session, violation, "warning", Signing(png, png, png))
    row = session.store.db.execute("SELECT snapshot, content_sha256 FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()
    session.store.close()
    return json.loads(row[0]), row[1], {k: png for k in ("party", "officer1", "officer2")}


def bench_check(snapshot: dict, digest: str, images: dict[str, bytes]) -> bool:  # type: ignore[type-arg]
    from inspector_app.documents.layout import qr_modules
    from inspector_app.documents.notices import render_document
    from inspector_app.documents.printable import check_printable

    def render() -> bytes:
        qr_modules.cache_clear()
        return render_document(snapshot, digest, images)

    # Measured apart: between renders the check would mostly time the collection of their garbage.
    rendered = timed(render, 50)
    check = timed(lambda: check_printable(snapshot), 200)
    share = p95(check) / p95(rendered)
    ok = report("glyph check of a notice before its number, p95", p95(check), "ms", "<= 5", p95(check) <= 5,
                f"rendering the same notice: {p95(rendered):.1f} ms")
    return report("  share of the render", share * 100, "%", "<= 5", share <= 0.05) and ok


def bench_faces() -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile

    from inspector_app.documents.cmap import code_points
    from inspector_app.documents.coverage import body_file, rare_faces, reset_faces

    reset_faces()
    files = [body_file(), *(face.path for face in rare_faces())]

    def measure(read) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        [read(path) for path in files]
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second pass for the memory: tracing slows allocation down
        kept = [read(path) for path in files]
        memory = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
        del kept
        return seconds * 1000, memory

    ours_ms, ours_mb = measure(code_points)
    full_ms, full_mb = measure(lambda path: TTFontFile(str(path)))
    names = ", ".join(Path(f).name for f in files)
    ok = report("reading what the document faces draw (character maps), cold", ours_ms, "ms", "<= 300", ours_ms <= 300,
                f"{names}; {ours_mb:.1f} MB kept; reportlab parsing the same files: {full_ms:.0f} ms, {full_mb:.0f} MB")
    ratio = ours_ms / full_ms
    return report("  ratio to reportlab's parse", ratio, "x", "<= 0.2", ratio <= 0.2,
                  f"memory ratio {ours_mb / full_mb:.2f}") and ok


def bench_rare_notice(snapshot: dict, digest: str, images: dict[str, bytes]) -> bool:  # type: ignore[type-arg]
    from inspector_app.documents.layout import qr_modules
    from inspector_app.documents.notices import render_document

    rare = {**snapshot, "party": {**snapshot["party"], "name": "王𠮷䶮㵘", "address": "济南市历下区𠀁家巷3号"}}

    def render(s: dict) -> bytes:  # type: ignore[type-arg]
        qr_modules.cache_clear()
        return render_document(s, digest, images)

    rare_ms, plain_ms = timed_pair(lambda: render(rare), lambda: render(snapshot), 100)
    ratio = p95(rare_ms) / p95(plain_ms)
    return report("one notice PDF to 王𠮷䶮㵘 (HanaMin A and B embedded), p95, ratio to the same notice to 张伟",
                  ratio, "x", "<= 1.5", ratio <= 1.5, f"{p95(rare_ms):.1f} ms against {p95(plain_ms):.1f} ms")


def run() -> bool:
    snapshot, digest, images = _snapshot()
    results = [bench_check(snapshot, digest, images), bench_faces(), bench_rare_notice(snapshot, digest, images)]
    return all(results)

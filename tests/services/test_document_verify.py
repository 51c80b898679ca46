"""Verification that exposes a forged paper (issue 17, part 5): an ASCII QR payload every
reader decodes the same way, and verify answering with the authentic document's key facts and
its status (issued / voided / superseded)."""

import json
import subprocess
from pathlib import Path

from inspector_app.documents.notices import render_document
from inspector_app.domain.documents import encode_number, parse_qr_payload, qr_payload
from inspector_app.services.document_verify import verify_document
from inspector_app.services.notice_documents import document_pdf, issue_document, void_document
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from inspector_app.storage.sync_state import set_state
from tests.services.test_notices import _signed, _values

SERVER = "https://sync.jncg.example:8443"


def _scan(pdf: bytes, tmp_path: Path, name: str) -> str:
    """What zbar reads from the first page, printed at 300 dpi."""
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", "-singlefile", str(tmp_path / f"{name}.pdf"),
                    str(tmp_path / name)], check=True)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(tmp_path / f"{name}.png")],
                         capture_output=True, text=True, check=True).stdout
    return out.strip()


def _text(pdf: bytes, tmp_path: Path) -> str:
    (tmp_path / "t.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")


def _issue(session: Session, **values: str) -> tuple[str, str]:
    violation_id = record_violation(session, _values(session, item_code="FO01", **values), set()).ids("violation")[0]
    issued = issue_document(session, violation_id, "rectify_order", _signed())
    return issued.document_ids[0], issued.numbers[0]


def test_the_qr_payload_is_ascii_and_zbar_reads_it_back(officer_session: Session, tmp_path: Path) -> None:
    set_state(officer_session.store.db, server_url=SERVER)
    document_id, number = _issue(officer_session, party_name="𠮷䶮㵘")
    digest = officer_session.store.db.execute("SELECT content_sha256 FROM document WHERE id = ?",
                                              [document_id]).fetchone()[0]
    scanned = _scan(document_pdf(officer_session, document_id), tmp_path, "genuine")
    assert scanned.isascii() and scanned == qr_payload(number, digest, "HTTPS://SYNC.JNCG.EXAMPLE:8443")
    assert scanned.startswith("HTTPS://SYNC.JNCG.EXAMPLE:8443/V/") and "%E6%B5%8E" in scanned  # 济, percent-encoded
    assert parse_qr_payload(scanned) == (number, digest)
    assert verify_document(officer_session, scanned).status == "genuine"
    # A paper printed before keeps verifying; a number with lower-case letters comes back exactly.
    assert parse_qr_payload(f"JNCG1|{number}|{digest}") == (number, digest)
    assert parse_qr_payload(qr_payload("济xa〔2026〕第7号", "a" * 64)) == ("济xa〔2026〕第7号", "a" * 64)
    assert encode_number("x") == "%78"


def test_a_forged_paper_that_kept_the_qr_shows_the_true_facts(officer_session: Session, tmp_path: Path) -> None:
    """A page whose party became 李四 and whose deadline became 2027年12月31日, with the genuine
    QR code: verify says the code is genuine, and shows the party and deadline the paper should
    carry — a reader sees they differ."""
    document_id, number = _issue(officer_session)
    row = officer_session.store.db.execute("SELECT snapshot, content_sha256 FROM document WHERE id = ?",
                                           [document_id]).fetchone()
    genuine = json.loads(row[0])
    forged = {**genuine, "party": {**genuine["party"], "name": "李四"}, "deadline_text": "2027年12月31日"}
    forged["text"] = {k: v.replace(genuine["deadline_text"], "2027年12月31日") for k, v in genuine["text"].items()}
    forged_pdf = render_document(forged, row[1], {})
    paper = _text(forged_pdf, tmp_path)
    assert "李四" in paper and "2027年12月31日" in paper

    check = verify_document(officer_session, _scan(forged_pdf, tmp_path, "forged"))
    assert check.status == "genuine" and check.document_status == "issued"  # the code itself is genuine…
    facts = check.facts
    assert facts["party"] == "张伟" and facts["party"] not in paper  # …but the true party is not on the paper
    assert facts["deadline"] == genuine["deadline_text"] != "2027年12月31日"
    assert facts["number"] == number and facts["item"] == genuine["case_name"]
    assert genuine["facts"]["conduct"] in facts["facts"] and facts["date"] == genuine["issued_on"]
    assert facts["officers"].startswith("李强（执法证号 ")
    typed = verify_document(officer_session, number)  # typed number only: the same facts
    assert typed.facts == facts and typed.status == "genuine"


def test_voided_and_superseded_documents_say_so(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    first = issue_document(officer_session, violation_id, "rectify_order", _signed())
    void_document(officer_session, first.document_ids[0], "当事人姓名错印")
    voided = verify_document(officer_session, first.numbers[0])
    assert (voided.status, voided.document_status, voided.void_reason) == ("voided", "voided", "当事人姓名错印")
    assert voided.facts["party"] == "张伟"
    second = issue_document(officer_session, violation_id, "rectify_order", _signed())
    old = verify_document(officer_session, first.numbers[0])
    assert (old.status, old.document_status, old.replaced_by) == ("superseded", "superseded", second.numbers[0])
    proof = verify_document(officer_session, first.numbers[1])
    assert proof.status == "superseded" and proof.replaced_by == second.numbers[1]
    assert proof.facts["item"] == f"送达：责令限期改正通知书{first.numbers[0]}"
    assert verify_document(officer_session, second.numbers[0]).document_status == "issued"

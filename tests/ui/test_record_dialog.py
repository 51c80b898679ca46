"""The 笔录 dialog's sketch photo and people present (issue 17, left of part 7): the officer
picks the sketch from the violation's photos that exist, adds people present beyond the party
and the witness, a person without a name is refused in Chinese, and both reach the paper."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from inspector_app.services.notice_documents import Signing, document_pdf, issue_document
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.scene_record import photo_choices
from inspector_app.services.session import Session
from inspector_app.services.violations import get_violation, record_violation
from inspector_app.ui.record_dialog import RecordDialog
from tests.photo_files import jpeg
from tests.services.test_notices import _png, _values


def _violation_with_photos(s: Session, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    stamp = stamp_for(s, "泉城路12号门前", None, None)
    ids = [store_photo(s, jpeg(tmp_path / f"p{n}.jpg", (800, 600)), stamp).photo_id for n in range(3)]
    violation_id = record_violation(s, _values(s, item_code="FO01", photo_ids=ids), set()).ids("violation")[0]
    return get_violation(s, violation_id)


def test_the_sketch_photo_and_the_people_present_reach_the_paper(qtbot, officer_session: Session, tmp_path: Path,
                                                                 zh) -> None:  # type: ignore[no-untyped-def]
    s = officer_session
    v = _violation_with_photos(s, tmp_path)
    # deleted (as a sync from another laptop may mark it): neither offered nor printed
    s.store.db.execute("UPDATE photo SET deleted = 1 WHERE id = ?", [json.loads(v["photo_ids"])[1]])
    choices = photo_choices(s, v)
    assert [label.split("　")[0] for _, label in choices] == ["照片 1", "照片 2"]
    dialog = RecordDialog(s, v, photos=choices)
    qtbot.addWidget(dialog)
    assert dialog.sketch.count() == 3 and dialog.sketch.itemText(0) == "无现场示意图照片"
    assert [dialog.present.item(0, c).text() for c in range(3)] == ["当事人", v["party_name"], v["party_id_number"]]
    dialog.qa.item(0, 1).setText("不申请。")
    dialog.add_person("委托代理人", "")
    dialog.done_typing()
    assert dialog.result() == 0 and "在场人员 2" in dialog.errors.text() and "姓名" in dialog.errors.text()
    dialog.present.item(1, 1).setText("赵敏")
    dialog.present.item(1, 2).setText("370102198805061234")
    dialog.add_person("翻译人员", "钱多多")
    dialog.sketch.setCurrentIndex(2)  # 照片 2: the third photo, the second one still there
    if os.environ.get("INSPECTOR_SCREENSHOTS"):
        dialog.resize(1024, 600)
        dialog.show()
        qtbot.wait(200)
        dialog.grab().save(os.environ["INSPECTOR_SCREENSHOTS"] + "/record-dialog-sketch.png")
    dialog.done_typing()
    assert dialog.result() == 1, dialog.errors.text()
    record = dialog.record
    assert record["sketch_photo_id"] == choices[1][0]
    assert [p["role"] for p in record["present"]] == ["当事人", "委托代理人", "翻译人员"]
    issued = issue_document(s, v["id"], "inspection_record", Signing(party_png=_png(), record=record))
    (tmp_path / "r.pdf").write_bytes(document_pdf(s, issued.document_ids[0]))
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")
    assert "委托代理人" in text and "赵敏" in text and "370102198805061234" in text and "翻译人员" in text
    assert "现场示意图附后" in text and "照片2" in text and "照片3" not in text


def test_without_photos_the_sketch_cannot_be_chosen(qtbot, officer_session: Session, zh) -> None:  # type: ignore[no-untyped-def]
    s = officer_session
    v = get_violation(s, record_violation(s, _values(s, item_code="FO01"), set()).ids("violation")[0])
    dialog = RecordDialog(s, v, photos=photo_choices(s, v))
    qtbot.addWidget(dialog)
    assert not dialog.sketch.isEnabled() and "先在违法记录中拍照" in dialog.sketch.currentText()
    dialog.qa.item(0, 1).setText("不申请。")
    dialog.done_typing()
    assert dialog.result() == 1 and dialog.record["sketch_photo_id"] == ""

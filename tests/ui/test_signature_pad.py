from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from inspector_app.ui.signature_pad import SignaturePadWidget


def test_drawing_with_the_mouse_gives_a_png(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = SignaturePadWidget("请在此签名")
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    assert pad.is_empty()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 100))
    for x in range(50, 300, 10):
        qtbot.mouseMove(pad, QPoint(x, 100 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 110))
    assert not pad.is_empty()
    image = QImage.fromData(pad.png())
    assert not image.isNull() and image.width() > 400  # 2x scale, cropped to the ink
    inked = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
                if image.pixelColor(x, y).alpha() > 0)
    assert inked > 20
    pad.clear()
    assert pad.is_empty()


def test_sign_again_clears_only_that_pad_and_the_pad_names_its_signer(qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.signature_pad import SignerPad

    party, officer = SignerPad("当事人"), SignerPad("执法人员1")
    for box in (party, officer):
        qtbot.addWidget(box)
        box.resize(400, 200)
        box.show()
    assert not party.again.isEnabled()  # nothing to clear yet
    party.pad.add_stroke([(20, 60), (120, 30), (220, 70)])
    officer.pad.add_stroke([(20, 60), (120, 30)])
    assert party.again.isEnabled() and not party.again.autoDefault()
    qtbot.mouseClick(party.again, Qt.MouseButton.LeftButton)
    assert party.pad.is_empty() and not officer.pad.is_empty()
    party.set_signer("张伟")
    assert "张伟" in party.signer.text() and "当事人" in party.signer.text()


def test_sign_dialog_names_the_party_and_both_officers(qtbot, officer_session, runner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.violations import RECTIFY_ORDER
    from inspector_app.ui.sign_dialog import SignDialog
    from tests.ui.test_dialog_keys import _violation

    dialog = SignDialog(officer_session, runner, _violation(officer_session), RECTIFY_ORDER, "责令限期改正通知书")
    qtbot.addWidget(dialog)
    me = officer_session.actor
    badge = officer_session.store.db.execute("SELECT name, badge_no FROM officer WHERE id = ?", [me.officer_id]).fetchone()
    assert "张伟" in dialog.party_box.signer.text()
    assert badge[0] in dialog.officer1_box.signer.text() and badge[1] in dialog.officer1_box.signer.text()
    assert "（" in dialog.officer2_box.signer.text()
    assert dialog.party_box.again.text() == "重签"

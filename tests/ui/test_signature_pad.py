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

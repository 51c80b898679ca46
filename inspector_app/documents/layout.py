"""The shared frame of every official document (A4): issuing authority and title, number,
party block, text, label/value tables, signature blocks with optional signature images or a
refusal with its witness, seal place, "第 N 页 共 M 页", and on every page a QR code with the
document number and content hash.

Use::

    doc = OfficialDocument(authority, title, number, content_digest)
    doc.party(rows) ; doc.heading("违法事实") ; doc.text("...") ; doc.fields(rows)
    doc.signatures([SignatureSlot(...), ...]) ; pdf_bytes = doc.render()
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.documents.fonts import BODY, TITLE, font_runs, title_face
from inspector_app.documents.page_style import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_H,
    PAGE_W,
    RED,
    TEXT_W,
    styles,
)
from inspector_app.domain.documents import qr_payload

QR_SIZE = 20 * mm
FRAME_PAD = 6  # reportlab's frame padding (points), taken out of the margins
MARGIN_X = MARGIN_LEFT  # the left margin (daily report drawings align with it)


def markup(text: str, first: str = BODY) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept, and characters the paragraph's
    face (``first``: BODY, or TITLE for the 版头, titles and headings) lacks drawn with the
    body face or the first rare-character face that has them (rare names like 𠮷 or 䶮)."""
    base = title_face() if first == TITLE else BODY
    out = [escape(run) if face == base else f'<font name="{face}">{escape(run)}</font>'
           for face, run in font_runs(text or "", first)]
    return "".join(out).replace("\n", "<br/>")


@dataclass(frozen=True)
class SignatureSlot:
    """One signature place: who signs, and the signature image or the refusal."""

    role: str  # e.g. 当事人（签名）, 执法人员
    name: str = ""
    badge_no: str = ""
    image_png: bytes | None = None
    signed_at: str = ""
    refused_reason: str = ""
    witness: str = ""


# The Reed-Solomon generator polynomial depends only on the number of error-correction
# codewords, yet reportlab rebuilds it for every block of every code: that was 60% of the
# encoding time. It is a constant of the algorithm, so it is computed once per length.
qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(cache(qrencoder.QRUtil.getErrorCorrectPolynomial))


@lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of a QR code (error correction M)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    # Any of the eight masks is a valid code; trying all of them to pick the "best" is what
    # makes reportlab's encoder slow (15 ms), and scanners read mask 0 just as well.
    qr.makeImpl(False, 0)
    return tuple(tuple(bool(dark) for dark in row) for row in qr.modules)


def _draw_qr(canvas: pdf_canvas.Canvas, payload: str, size: float) -> None:
    """The QR code as vector squares, one rectangle per run of dark modules in a row, written
    in module units (integers) straight into the content stream: through the path API the
    thousand-odd squares cost more than the rest of the page."""
    modules = qr_modules(payload)
    quiet = 2
    count = len(modules) + 2 * quiet
    ops = []
    for r, row in enumerate(modules):
        y = count - quiet - 1 - r
        c, width = 0, len(row)
        while c < width:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < width and row[c]:
                c += 1
            ops.append(f"{start + quiet} {y} {c - start} 1 re")
    canvas.saveState()
    canvas.scale(size / count, size / count)
    canvas.setFillColor(colors.black)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()


# Label/value tables: a grid, labels on grey (the party block adds its second label column).
_FIELD_GRID: list[tuple[object, ...]] = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def _table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells start in the embedded face: reportlab's default cell font is
    Helvetica, which would otherwise be referenced (unembedded) even though every cell holds a
    paragraph with its own font."""
    return TableStyle([("FONT", (0, 0), (-1, -1), BODY, 10), *commands])


def signature_image(png: bytes) -> ImageReader:
    """A drawn signature (black strokes on a transparent PNG) as grey ink on white paper: one
    grey image in the PDF instead of a colour image plus a transparency mask, and it prints
    the same, since signatures sit on blank paper."""
    with PILImage.open(io.BytesIO(png)) as picture:
        inked = picture.convert("LA")
    sheet = PILImage.new("L", inked.size, 255)
    sheet.paste(inked.getchannel("L"), mask=inked.getchannel("A"))
    return ImageReader(sheet)


class _Picture(Flowable):
    """An image already read, drawn at a given size (left-aligned in its cell)."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = image, width, height
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, width=self.width, height=self.height)


class _NumberedCanvas(pdf_canvas.Canvas):
    """Defers page furniture until the page count is known ("共 M 页")."""

    def __init__(self, *args: object, document: OfficialDocument, **kwargs: object) -> None:
        # Start with the embedded face, so no unembedded standard font is referenced at all
        # (the document template passes initialFontName=None).
        kwargs["initialFontName"] = kwargs.get("initialFontName") or BODY
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._saved: list[dict[str, object]] = []
        self._document = document

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._document.draw_furniture(self, self._pageNumber, total)
            super().showPage()
        super().save()


class OfficialDocument:
    """Builds one official document page by page."""

    def __init__(self, authority: str, title: str, number: str, digest: str, provisional_note: str = "",
                 page_slots: Sequence[tuple[str, bytes | None]] = (), void_note: str = "",
                 verify_base: str = "JNCG:") -> None:
        self.authority, self.title, self.number, self.digest = authority, title, number, digest
        self.verify_base = verify_base  # the address in the QR code (frozen in the snapshot)
        self.void_note = void_note  # a voided document is printed with 作废 across every page
        self.provisional_note = provisional_note
        # Signature places on every page, (label, drawn signature or None for the pen): a 笔录 is
        # signed page by page by the party, the witness and both officers.
        self.page_slots = list(page_slots)
        self.s = styles()
        # 版头: the authority in red, the number, a red divider as wide as the text; then the title.
        self.story: list[Flowable] = [
            Paragraph(markup(authority, TITLE), self.s["masthead"]),
            Paragraph(markup(number), self.s["number"]),
            HRFlowable(width=TEXT_W, thickness=1.5, color=RED, spaceBefore=4 * mm, spaceAfter=2 * mm),
            Paragraph(markup(title, TITLE), self.s["title"]),
        ]
        if provisional_note:
            self.story.append(Paragraph(f'<font color="#b3261e">{markup(provisional_note)}</font>', self.s["small"]))

    def heading(self, text: str) -> None:
        """A section heading such as 违法事实: never alone at the foot of a page, while the text
        after it may still split across pages (keepWithNext would move both whole, leaving gaps)."""
        self.story += [CondPageBreak(3 * self.s["body"].leading), Paragraph(markup(text, TITLE), self.s["heading"])]

    def text(self, text: str, indent: bool = True) -> None:
        """A paragraph of body text (wraps Chinese correctly, any length)."""
        self.story.append(Paragraph(markup(text), self.s["indent" if indent else "body"]))

    def rich(self, fragment: str) -> None:
        """A paragraph already in markup (callers escape what they insert)."""
        self.story.append(Paragraph(fragment, self.s["body"]))

    def figure(self, heading: str, drawing: Flowable) -> None:
        """A heading and a drawing kept on the same page."""
        self.story.append(KeepTogether([Paragraph(markup(heading, TITLE), self.s["heading"]), drawing]))

    def spacer(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def fields(self, rows: Sequence[tuple[str, str]], label_width_mm: float = 40) -> None:
        """A two-column label/value table (party block, place, time...)."""
        data = [[Paragraph(markup(k), self.s["cell"]), Paragraph(markup(v), self.s["cell"])] for k, v in rows]
        table = Table(data, colWidths=[label_width_mm * mm, TEXT_W - label_width_mm * mm])
        table.setStyle(_table_style(_FIELD_GRID))
        self.story.append(table)

    def party(self, rows: Sequence[tuple[str, str]]) -> None:
        """The 当事人 block: short values two to a row (姓名 | 性别), long ones across the table."""
        self.heading("当事人")
        short = [r for r in rows if len(r[1]) <= 12 and len(r[0]) <= 6]
        if len(short) < 2:
            self.fields(rows)
            return
        c = self.s["cell"]
        label, value = 28 * mm, TEXT_W / 2 - 28 * mm
        data: list[list[object]] = []
        spans = []
        pending: list[tuple[str, str]] = []
        for row in rows:
            if row in short:
                pending.append(row)
                if len(pending) == 2:
                    data.append([Paragraph(markup(x), c) for pair in pending for x in pair])
                    pending = []
                continue
            spans.append(len(data))
            data.append([Paragraph(markup(row[0]), c), Paragraph(markup(row[1]), c), "", ""])
        if pending:
            spans.append(len(data))
            data.append([Paragraph(markup(pending[0][0]), c), Paragraph(markup(pending[0][1]), c), "", ""])
        table = Table(data, colWidths=[label, value, label, value])
        table.setStyle(_table_style([
            *_FIELD_GRID,
            *[("BACKGROUND", (2, r), (2, r), colors.HexColor("#f2f2f2")) for r in range(len(data)) if r not in spans],
            *[("SPAN", (1, r), (3, r)) for r in spans],
        ]))
        self.story.append(table)

    def signatures(self, slots: Sequence[SignatureSlot], seal_text: str = "", date_text: str = "") -> None:
        """Signature places side by side (three to a row when there are three or more), then the
        authority's name over the seal place and the date."""
        cells: list[object] = [self._slot(slot) for slot in slots]
        per_row = 3 if len(cells) >= 3 else 2
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        rows = [row + [""] * (per_row - len(row)) for row in rows]
        width = TEXT_W / per_row
        block: list[Flowable] = [Spacer(1, 4 * mm)]
        if rows:
            table = Table(rows, colWidths=[width] * per_row)
            table.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            block.append(table)
        if seal_text or date_text:
            # The authority's name over the seal area, the date under it (the seal straddles both).
            seal = Table(
                [[Paragraph(markup(seal_text), self.s["body"])], [Paragraph(markup(date_text), self.s["body"])]],
                colWidths=[84 * mm], hAlign="RIGHT",
            )
            seal.setStyle(_table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm)]))
            block += [Spacer(1, 6 * mm), seal]
        self.story.append(KeepTogether(block))

    def _slot(self, slot: SignatureSlot) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(markup(slot.role), self.s["cell"])]
        if slot.image_png:
            image = signature_image(slot.image_png)
            width, height = image.getSize()
            out.append(_Picture(image, min(48 * mm, 12 * mm * width / max(height, 1)), 12 * mm))
        elif slot.refused_reason:
            refusal = f"当事人拒绝签名。理由：{slot.refused_reason}"
            if slot.witness:
                refusal += f"　见证人：{slot.witness}"
            out.append(Paragraph(markup(refusal), self.s["small"]))
        else:
            out.append(Spacer(1, 12 * mm))
        detail = "\n".join(x for x in (slot.name, f"执法证号：{slot.badge_no}" if slot.badge_no else "", slot.signed_at) if x)
        out.append(Paragraph(markup(detail or "________________"), self.s["small"]))
        return out

    def draw_furniture(self, canvas: pdf_canvas.Canvas, page: int, total: int) -> None:
        """Footer on every page: page x of y, the number, and the QR code (number + hash)."""
        canvas.saveState()
        canvas.setFont(BODY, 9)
        canvas.drawCentredString(PAGE_W / 2, 14 * mm, f"第 {page} 页 共 {total} 页")
        canvas.drawString(MARGIN_LEFT, 14 * mm, self.number)
        canvas.drawString(MARGIN_LEFT, 9.5 * mm, f"内容校验 {self.digest[:16]}")
        # The QR code is drawn once into a form XObject and placed on every page: encoding and
        # drawing it per page cost ten times the rest of the document.
        form = f"qr{self.digest[:12]}"
        if not getattr(canvas, "_qr_form_done", False):
            canvas.beginForm(form)
            _draw_qr(canvas, qr_payload(self.number, self.digest, self.verify_base), QR_SIZE)
            canvas.endForm()
            canvas._qr_form_done = True  # type: ignore[attr-defined]
        canvas.saveState()
        canvas.translate(PAGE_W - MARGIN_RIGHT - QR_SIZE + 4 * mm, 5 * mm)
        canvas.doForm(form)
        canvas.restoreState()
        if self.void_note:
            self._draw_void(canvas)
        if self.page_slots:
            self._draw_page_slots(canvas)
        canvas.restoreState()

    def _draw_page_slots(self, canvas: pdf_canvas.Canvas) -> None:
        """The slots side by side under the text area, above the footer and the QR code."""
        width = TEXT_W / len(self.page_slots)
        canvas.setFont(BODY, 10)
        for n, (label, png) in enumerate(self.page_slots):
            x = MARGIN_LEFT + n * width
            canvas.drawString(x, 27 * mm, f"{label}：")
            start = x + canvas.stringWidth(f"{label}：", BODY, 10)
            if png:
                image = signature_image(png)
                w, h = image.getSize()
                height = 7 * mm
                canvas.drawImage(image, start, 26 * mm, width=min(height * w / max(h, 1), x + width - start - 2 * mm),
                                 height=height)
            else:
                canvas.line(start, 26.5 * mm, x + width - 3 * mm, 26.5 * mm)

    def _draw_void(self, canvas: pdf_canvas.Canvas) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#c00000"))
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(30)
        canvas.setFont(BODY, 72)
        canvas.drawCentredString(0, 0, "作　废")
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#c00000"))
        canvas.setFont(BODY, 11)  # upright, so it reads (and extracts) as a line
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 12 * mm, f"本文书{self.void_note}"[:70])
        canvas.restoreState()

    def render(self) -> bytes:
        """The PDF bytes."""
        out = io.BytesIO()
        template = SimpleDocTemplate(
            out, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_LEFT - FRAME_PAD, rightMargin=MARGIN_RIGHT - FRAME_PAD,
            topMargin=MARGIN_TOP - FRAME_PAD, bottomMargin=MARGIN_BOTTOM - FRAME_PAD, title=f"{self.title} {self.number}", author=self.authority,
            subject=self.digest, creator="inspector-app", invariant=True,  # re-renders are byte-identical
        )
        document = self

        class _Canvas(_NumberedCanvas):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, document=document, **kwargs)

        template.build(list(self.story), canvasmaker=_Canvas)
        return out.getvalue()

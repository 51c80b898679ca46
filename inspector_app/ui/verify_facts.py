"""The answer to verifying a paper, shown so the clerk can compare it with the paper line by
line: the verdict, then the authentic document's key facts as printed (a forged paper that kept
the genuine QR code differs from them in the party or the deadline)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from inspector_app.domain.document_facts import FACT_LABELS
from inspector_app.services.document_verify import Verification


class VerifyFacts(QLabel):
    """Verdict and key facts of a Verification (hidden until there is one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyFacts")
        self.setWordWrap(True)
        self.setVisible(False)

    def verdict(self, v: Verification) -> str:
        """One line: whether the paper's number and code match an issued document."""
        return {
            "genuine": self.tr("✔ The code matches an issued document. Compare every line below with the paper: "
                               "any difference means the paper was altered."),
            "altered": self.tr("✘ The code's content hash differs from the record: this paper is not the original."),
            "voided": self.tr("✘ This document was voided ({reason})."),
            "superseded": self.tr("✘ This document was voided and replaced by {number}."),
            "unknown": self.tr("✘ No document with the number {number}."),
        }[v.status].format(reason=v.void_reason, number=v.replaced_by or v.number)

    def show_verification(self, v: Verification) -> None:
        """Show the verdict and the authentic facts."""
        colour = "#1b5e20" if v.status == "genuine" else "#b3261e"
        rows = "".join(f"<tr><td><b>{escape(label)}</b></td><td>{escape(v.facts.get(key) or '—')}</td></tr>"
                       for key, label in FACT_LABELS if v.facts)
        self.setText(f'<p style="color:{colour}; font-weight:bold">{escape(self.verdict(v))}</p><table>{rows}</table>')
        self.setVisible(True)

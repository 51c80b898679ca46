"""How fresh the city-wide offence index behind a 首违不罚 decision is (issue 19): a line under
the decision's reasons, amber when it is older than the administrator's limit, and the warning
before a 首违不罚 notice is issued on such an index (issuing stays possible after confirming)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from inspector_app.domain.first_offence import FIRST_OFFENCE, index_time_text
from inspector_app.services.offence_index import IndexFreshness, freshness
from inspector_app.services.session import Session
from inspector_app.services.sync import server_url


class IndexFreshnessWidget(QLabel):
    """The index's "as of" line for the assessment shown; ``confirm_before`` warns."""

    def __init__(self, session: Session, max_age_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.max_age_days = session, max_age_days
        self.syncs = bool(server_url(session))  # one meta row: "never pulled" warns only if it could have
        self.as_of: datetime | None = None
        self.known = False  # no assessment yet: nothing to say, nothing to warn about
        self.setObjectName("indexNote")
        self.setWordWrap(True)

    def freshness(self) -> IndexFreshness:
        """The index's age now against the limit."""
        return freshness(self.as_of, self.session.now(), self.max_age_days, self.syncs)

    def show_for(self, as_of: datetime | None) -> None:
        """Show the line for an assessment made on the index complete at ``as_of``."""
        self.as_of, self.known = as_of, True
        fresh = self.freshness()
        if as_of is None:
            text = self.tr("City-wide offence records: not on this laptop yet, so only its own records were "
                           "searched. Sync to get them.")
        else:
            text = self.tr("City-wide offence records searched: as of {when}.").format(when=index_time_text(as_of))
            if fresh.warn:
                text += " " + self.tr("That is more than {days} days ago: sync first.").format(days=fresh.max_age_days)
        self.setText(text)
        self.setStyleSheet("color: #8d6e00; font-weight: bold;" if fresh.warn else "color: #555;")

    def confirm_before(self, outcome: str, parent: QWidget) -> bool:
        """Whether to go on issuing: always, unless a 首违不罚 notice rests on an old or absent
        index and the officer chooses to sync first."""
        fresh = self.freshness()
        if outcome != FIRST_OFFENCE or not self.known or not fresh.warn:
            return True
        if fresh.as_of is None or fresh.age is None:
            text = self.tr("This laptop has no city-wide offence records yet: a violation this party committed in "
                           "another squad's district cannot be seen, and the 首违不罚 decision rests on this laptop's "
                           "records alone.")
        else:
            text = self.tr("The city-wide offence records on this laptop are {days} days old (as of {when}; the "
                           "limit is {limit} days): another squad's recent record of this party may be missing."
                           ).format(days=fresh.age.days, when=index_time_text(fresh.as_of), limit=fresh.max_age_days)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Sync before a 首违不罚 notice?"), text, parent=parent)
        box.setObjectName("staleIndexWarning")
        box.setInformativeText(self.tr("Sync first if you can (the sync page), then decide again. Issue now only if "
                                       "the party cannot wait: the server checks the decision again when it syncs."))
        issue = box.addButton(self.tr("Issue anyway"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Sync first"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)  # Enter does not issue on an old index by accident
        box.exec()
        return box.clickedButton() is issue

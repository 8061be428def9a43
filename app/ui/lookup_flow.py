"""From what is typed or scanned to the customer's card: searches through the person's Desk
as they type, opens a match, and once the card is painted, the suggestion and the lookup's
audit record (one synced write for both) before the next key is read."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.domain.models import Match, Profile
from app.services.lookup import SearchResult
from app.services.session import Session
from app.services.station import StoreError
from app.ui.after_paint import AfterPaint
from app.ui.customer_card import CustomerCard
from app.ui.goodwill_panel import GoodwillPanel
from app.ui.search_pane import SearchPane
from app.ui.translations import failure


class LookupFlow(QObject):
    def __init__(
        self,
        session: Session,
        pane: SearchPane,
        card: CustomerCard,
        panel: GoodwillPanel,
        after_paint: AfterPaint,
    ) -> None:
        super().__init__(pane)
        self.session, self.pane, self.card, self.panel = session, pane, card, panel
        self.after_paint = after_paint
        self.match: Match | None = None
        self._typed: tuple[str, SearchResult] | None = None  # the last text searched as typed

    def typed(self, text: str) -> None:
        if self.session.signed_in:
            result = self.session.desk.search(text)
            self._typed = (text, result)
            self._show(result)

    def scanned(self, digits: str) -> None:
        if not self.session.signed_in:
            return
        if self._typed is not None and self._typed[0] == digits:
            result = self._typed[1]  # the burst's last digit found it, moments ago: shown
        else:
            result = self.session.desk.search(digits)
            self._show(result)
        if result.matches and self.card.profile is None:
            self.open(result.matches[0])

    def submitted(self, text: str) -> None:
        if not self.session.signed_in:
            return
        result = self.session.desk.search(text)
        self._show(result)
        if result.matches:
            self.open(result.matches[0])
            self.pane.select_first()

    def open(self, match: Match) -> None:
        if not self.session.signed_in:
            return
        if self.card.profile is not None and self.card.profile.customer_id == match.customer_id:
            return  # already on screen (and audited)
        try:
            desk = self.session.desk
            profile = desk.open(match.customer_id, str(match.matched_on), chain_now=False)
        except StoreError as exc:
            self._could_not_open(exc)
            return
        self.match = match
        self.card.show_profile(profile, match)
        self.panel.hold(profile)
        self.after_paint.call(lambda: self._finish_opening(profile))

    def reread(self) -> None:
        """The card and the guards count what was just recorded."""
        if self.card.profile is not None:
            fresh: Profile = self.session.desk.reread(self.card.profile.customer_id)
            self.card.show_profile(fresh, self.match)
            self.panel.set_profile(fresh)

    def forget_typed(self) -> None:
        """Nothing typed is kept: not in the box, nor for a scan's Enter to reuse."""
        self.pane.forget_typed()
        self._typed = None

    def clear(self) -> None:
        self.match = None
        self._typed = None
        self._clear_customer()
        self.pane.clear()

    def _show(self, result: SearchResult) -> None:
        self.pane.show(result)
        if result.refused:
            self._typed = None
            self._clear_customer()
        elif result.direct is not None:
            self.pane.select_first()
            self.open(result.direct)
        elif self.card.profile is not None:
            self._clear_customer()

    def _finish_opening(self, profile: Profile) -> None:
        try:
            if self.card.profile is profile and self.session.signed_in:
                self.panel.set_profile(profile)  # its suggestion's record chains both
            self.session.desk.chain_records()  # busy (an import): waits, in order
        except StoreError as exc:  # the lookup is not on the record: nothing stays shown
            self._clear_customer()
            self._could_not_open(exc)

    def _could_not_open(self, exc: StoreError) -> None:
        self.pane.notify(self.tr("Could not open this customer: {0}").format(failure(exc)))

    def _clear_customer(self) -> None:
        self.card.clear()
        self.panel.clear()

"""One person's work at the counter (or one command-line run): reads, each one audited (who
looked up whom and by which key, which phone was revealed, which suggestion was shown), and
what they record or decide. The window reaches every service through its Desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.identifiers import looks_like_payment_card
from app.domain.models import Profile
from app.domain.money import format_money
from app.domain.policy import Policy
from app.domain.staff import Staff
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.audit import AuditService
from app.services.concessions import ConcessionService, Outcome, RecordedConcession
from app.services.goodwill import Advice, GoodwillService
from app.services.lookup import (
    LookupService,
    SearchResult,
    UnknownCustomerError,
    customer_names,
)
from app.services.staff import SignInError, StaffService


@dataclass(frozen=True, slots=True)
class Brief:
    profile: Profile | None
    asked_by: str  # the clerk's name (their staff id if the account is gone)


class Desk:
    def __init__(
        self,
        lookup: LookupService,
        goodwill: GoodwillService,
        concessions: ConcessionService,
        audit: AuditService,
        staff_accounts: StaffService,
        actor: str,
        staff: Staff | None = None,
    ) -> None:
        self.lookup, self.goodwill, self.audit = lookup, goodwill, audit
        self.concessions, self.staff_accounts = concessions, staff_accounts
        self.actor, self.staff = actor, staff
        self._last_shown: tuple[object, ...] | None = None

    @property
    def policy(self) -> Policy:
        return self.concessions.policy

    @property
    def role(self) -> str:
        return self.staff.role if self.staff else "clerk"

    def search(self, text: str, as_of: date | None = None) -> SearchResult:
        """Matches for what was typed; a refused input is audited as refused, never kept."""
        result = self.lookup.search(text, as_of)
        if result.refused:
            self.audit.record(self.actor, "lookup_refused", detail="key_type=payment_card")
        return result

    def listed(self, result: SearchResult) -> None:
        """A list of matches was shown in full (the command line): each one is audited."""
        for match in result.matches:
            self.audit.record(
                self.actor, "lookup", match.customer_id, f"key_type={result.key_type}"
            )

    def open(
        self,
        customer_id: str,
        key_type: str,
        as_of: date | None = None,
        *,
        chain_now: bool = True,
    ) -> Profile:
        """A customer's profile, audited. With `chain_now` off the record waits, in order,
        for the caller's `audit.flush()` (the window's, straight after the card is painted)."""
        if looks_like_payment_card(customer_id):
            self.audit.record(self.actor, "lookup_refused", detail="key_type=payment_card")
        profile = self.lookup.profile(customer_id, as_of)  # refuses the card number itself
        self.audit.record(
            self.actor,
            "lookup",
            profile.customer_id,
            f"key_type={key_type}",
            chain_now=chain_now,
        )
        return profile

    def brief(self, concession: RecordedConcession) -> Brief:
        """What a supervisor deciding a request sees: the customer's standing (an audited
        read, key_type=approval; None if the customer is no longer in this cache) and who
        asked. Its audit record waits for the next flush: opening never needs the lock."""
        try:
            profile: Profile | None = self.open(concession.customer_id, "approval", chain_now=False)
        except UnknownCustomerError:
            profile = None
        return Brief(profile, self.staff_name(concession.staff_id))

    def reveal_phones(self, profile: Profile) -> tuple[str, ...]:
        """The full numbers, for a deliberate reason; audited."""
        self.audit.record(
            self.actor, "reveal_phone", profile.customer_id, f"{len(profile.phones)} numbers"
        )
        return tuple(p.e164 for p in profile.phones)

    def advise(
        self,
        customer_id: str,
        *,
        category: str,
        amount: int,
        words: str = "",
        as_of: date | None = None,
        profile: Profile | None = None,
        role: str | None = None,
    ) -> Advice:
        """Suggestions as this person may act on them; the top one shown is audited once."""
        staff = self.staff
        advice = self.goodwill.advise(
            customer_id,
            category=category,
            amount=amount,
            role=role or self.role,
            words=words,
            as_of=as_of,
            profile=profile,
            shift=self.concessions.shift(staff) if staff else None,
            limit=staff.personal_limit if staff else None,
        )
        top = advice.top
        if top is not None:
            key = (customer_id, top.category, amount, top.action, top.value)
            if key != self._last_shown:
                self._last_shown = key
                self.audit.record(
                    self.actor,
                    "suggestion_shown",
                    advice.profile.customer_id,
                    f"{top.category} {top.action} {format_money(top.value, pence=True)}",
                )
        return advice

    def reread(self, customer_id: str) -> Profile:
        """The customer already on screen, read again after something was recorded."""
        return self.lookup.profile(customer_id)

    def chain_records(self) -> None:
        """Chain the reads' waiting audit records now, unless another process holds the
        write lock (an import): then they wait, in order, for the next chance."""
        self.audit.flush(quick=True)

    def record(
        self,
        customer_id: str,
        *,
        category: str,
        action: str,
        value: int,
        amount: int,
        words: str = "",
        ask_supervisor: bool = False,
    ) -> Outcome:
        """Goodwill given by the signed-in person (pending when it needs approval)."""
        return self.concessions.record(
            self._signed_in(),
            customer_id,
            category=category,
            action=action,
            value=value,
            amount=amount,
            words=words,
            ask_supervisor=ask_supervisor,
        )

    def record_feedback(self, customer_id: str, *, kind: str, words: str) -> str:
        return self.concessions.record_feedback(
            self._signed_in(), customer_id, kind=kind, words=words
        )

    def find_concession(self, concession_id: str) -> RecordedConcession | None:
        return self.concessions.find(concession_id)

    def pending(self) -> list[RecordedConcession]:
        return self.concessions.pending()

    def queue_names(
        self, waiting: list[RecordedConcession]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """The names a supervisor's queue shows, by id: the waiting customers' (each read
        audited, with the queue's reason) and the asking clerks'."""
        customers = customer_names(self.lookup, [c.customer_id for c in waiting])
        for customer_id in customers:
            self.audit.record(self.actor, "lookup", customer_id, "key_type=queue", chain_now=False)
        clerks = {}
        for staff_id in {c.staff_id for c in waiting}:
            found = self.staff_accounts.find(staff_id)
            clerks[staff_id] = found.name if found is not None else staff_id
        return customers, clerks

    def staff_name(self, staff_id: str) -> str:
        found = self.staff_accounts.find(staff_id)
        return found.name if found is not None else staff_id

    def decide(
        self, approver_id: str, pin: str, concession_id: str, *, deny: bool, reason: str
    ) -> Outcome:
        """A supervisor decides at this desk with their own id and PIN; the person signed
        in here stays signed in."""
        approver = self.staff_accounts.check(approver_id, pin, purpose="approve")
        return self.concessions.decide(approver, concession_id, deny=deny, reason=reason)

    def _signed_in(self) -> Staff:
        if self.staff is None:
            raise SignInError(NOBODY.text())
        return self.staff


NOBODY = QT_TRANSLATE_NOOP("desk", "nobody is signed in")

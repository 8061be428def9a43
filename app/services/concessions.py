"""Recording goodwill: a concession (recorded, or pending a supervisor), its approval or
denial, and the customer's own words. Each is one FULL-sync transaction with its audit."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from app.domain.goodwill import GoodwillError, Shift, approval_needed, approver_for, role_name
from app.domain.identifiers import mask_payment_cards
from app.domain.money import format_money
from app.domain.policy import ACTIONS, ROLES, Policy
from app.domain.staff import Staff, may_approve
from app.domain.text import QT_TRANSLATE_NOOP, Amount, Template, Text, to_json
from app.services.audit import AuditService
from app.services.goodwill import check_disputed_amount
from app.services.lookup import LookupService
from app.services.staff import StaffService
from app.store import records
from app.store.database import writing
from app.store.records import APPROVED, DENIED, PENDING, RECORDED, Feedback
from app.store.records import RecordedConcession as RecordedConcession  # for the window

FEEDBACK_KINDS = ("complaint", "compliment", "enquiry")
ASKED_FOR_SUPERVISOR = QT_TRANSLATE_NOOP("concessions", "{name} asked for a supervisor's decision")
STATUS_WORDS = {  # a concession's status as a refusal says it (and the window shows it)
    RECORDED: QT_TRANSLATE_NOOP("words", "recorded"),
    PENDING: QT_TRANSLATE_NOOP("words", "pending"),
    APPROVED: QT_TRANSLATE_NOOP("words", "approved"),
    DENIED: QT_TRANSLATE_NOOP("words", "denied"),
}
UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP("concessions", "unknown category {category} (one of {known})")
UNKNOWN_ACTION = QT_TRANSLATE_NOOP("concessions", "unknown action {action} (one of {known})")
NEGATIVE = QT_TRANSLATE_NOOP("concessions", "the value and the amount must not be negative")
OVER_HIGHEST = QT_TRANSLATE_NOOP(
    "concessions",
    "{value} is over the highest limit anyone has ({highest}): it cannot be given at a station",
)
NO_CONCESSION = QT_TRANSLATE_NOOP("concessions", "no recorded concession {id}")
ALREADY_DECIDED = QT_TRANSLATE_NOOP("concessions", "concession {id} is already {status}")
DECIDED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "concessions", "concession {id} was decided at another station first: {decided}"
)
OWN_REQUEST = QT_TRANSLATE_NOOP("concessions", "nobody approves their own request: {approver} must")
ROLE_MAY_NOT = QT_TRANSLATE_NOOP("concessions", "a {role} cannot decide this: {approver} must")
DENIAL_REASON = QT_TRANSLATE_NOOP("concessions", "give a reason for the denial")
OVER_YOUR_LIMIT = QT_TRANSLATE_NOOP(
    "concessions", "{value} is over your limit of {limit}: {approver} must approve"
)
UNKNOWN_KIND = QT_TRANSLATE_NOOP("concessions", "unknown kind {kind} (one of {known})")
NO_WORDS = QT_TRANSLATE_NOOP("concessions", "write down what the customer said")


class DecisionError(PermissionError):
    """A concession that cannot be recorded, approved or denied; the message says why."""


@dataclass(frozen=True, slots=True)
class Outcome:
    concession_id: str
    status: str  # recorded, pending, approved or denied
    approval_reason: str | None = None

    @property
    def needs_approval(self) -> bool:
        return self.status == PENDING


CentralDecision = Callable[[str, str, str, datetime, str], "records.Decision | None"]


class ConcessionService:
    def __init__(
        self,
        lookup: LookupService,
        staff: StaffService,
        policy: Policy,
        audit: AuditService,
        *,
        station: str,
        clock: Callable[[], datetime],
    ) -> None:
        self.db = lookup.db
        self.lookup, self.staff, self.policy, self.audit = lookup, staff, policy, audit
        self.station, self.clock = station, clock
        # In a chain: decides a request centrally first, so it is decided once chain-wide;
        # returns the decision the chain already holds, or None (decided now, or not known
        # centrally yet: the decision goes with the next push).
        self.decide_centrally: CentralDecision | None = None

    def shift(self, staff: Staff, now: datetime | None = None) -> Shift:
        """What this member of staff has given today (the shift guards count it)."""
        today = self._today(now)
        start = datetime.combine(today, time(), self.lookup.zone)
        count, value = records.staff_given_since(self.db, staff.staff_id, start)
        return Shift(count=count, value=value)

    def record(
        self,
        staff: Staff,
        customer_id: str,
        *,
        category: str,
        action: str,
        value: int,
        amount: int,
        words: str = "",
        note: str = "",
        ask_supervisor: bool = False,
    ) -> Outcome:
        """Record a concession; over the limit, tripping a guard or when asked, as pending."""
        if self.policy.goodwill.category(category) is None:
            known = ", ".join(c.id for c in self.policy.goodwill.categories)
            raise GoodwillError(UNKNOWN_CATEGORY.format(category=repr(category), known=known))
        if action not in ACTIONS:
            raise GoodwillError(
                UNKNOWN_ACTION.format(action=repr(action), known=", ".join(ACTIONS))
            )
        if value < 0 or amount < 0:
            raise GoodwillError(NEGATIVE.text())
        check_disputed_amount(amount, self.policy)
        highest = max(self.policy.goodwill.roles.limit(r) for r in ROLES)
        if value > highest:
            raise GoodwillError(OVER_HIGHEST.format(value=_pence(value), highest=_pence(highest)))
        now = self.clock()
        with writing(self.db):  # history, shift and guards are read inside the write lock
            # judged as of the station clock's day, the same day the shift is counted on
            profile = self.lookup.profile(customer_id, self._today(now))
            reason: str | None = approval_needed(
                self.policy.goodwill,
                profile,
                staff.role,
                value,
                self.shift(staff, now),
                staff.personal_limit,
            )
            if reason is None and ask_supervisor:
                reason = ASKED_FOR_SUPERVISOR.format(name=staff.short_name)
            concession = RecordedConcession(
                concession_id=str(uuid.uuid4()),
                customer_id=profile.customer_id,
                recorded_at=now,
                category=category,
                action=action,
                value=value,
                disputed_amount=amount,
                words=mask_payment_cards(words.strip()),
                note=mask_payment_cards(note.strip()),
                staff_id=staff.staff_id,
                station=self.station,
                status=PENDING if reason else RECORDED,
                approval_reason=reason,
                approval_reason_words=to_json(reason) if reason else None,
            )
            records.insert_concession(self.db, concession)
            self.audit.record(
                staff.staff_id,
                "concession_pending" if reason else "concession_recorded",
                profile.customer_id,
                f"{concession.concession_id} {action} {format_money(value, pence=True)}",
            )
        return Outcome(concession.concession_id, concession.status, reason)

    def decide(
        self, approver: Staff, concession_id: str, *, deny: bool = False, reason: str = ""
    ) -> Outcome:
        """A supervisor's (or manager's) approval or denial of a pending concession."""
        reason = mask_payment_cards(reason.strip())
        try:
            return self._decide(approver, concession_id.strip(), deny, reason)
        except DecisionError as exc:  # a refused decision is audited too (after the rollback)
            self.audit.record(
                approver.staff_id,
                "decision_refused",
                detail=mask_payment_cards(f"{'deny' if deny else 'approve'}: {exc}")[:300],
            )
            raise

    def _decide(self, approver: Staff, concession_id: str, deny: bool, reason: str) -> Outcome:
        concession = self._pending(approver, concession_id, deny, reason)
        status = DENIED if deny else APPROVED
        now = self.clock()
        held = None
        if self.decide_centrally is not None:  # the network, outside the write lock
            held = self.decide_centrally(
                concession.concession_id, status, approver.staff_id, now, reason
            )
        with writing(self.db):
            if held is not None:
                records.take_decision(self.db, concession.concession_id, held, self.station)
            else:
                again = records.find_concession(self.db, concession.concession_id)
                ours = again is not None and (again.status, again.decided_by) == (
                    status,
                    approver.staff_id,
                )  # already pulled back from the chain, where it was just made
                if not ours:
                    concession = self._pending(approver, concession_id, deny, reason)
                    records.decide_concession(
                        self.db, concession.concession_id, status, approver.staff_id, now, reason
                    )
                self.audit.record(
                    approver.staff_id,
                    f"concession_{status}",
                    concession.customer_id,
                    f"{concession.concession_id} requested by {concession.staff_id}"
                    + (f": {reason}" if reason else ""),
                )
        if held is not None:  # the chain's decision is kept here, and the second one is told
            decided = f"{_status_word(held.status)} by {held.decided_by}"
            raise DecisionError(
                DECIDED_ELSEWHERE.format(id=concession.concession_id, decided=decided)
            )
        return Outcome(concession.concession_id, status, concession.approval_reason)

    def _pending(
        self, approver: Staff, concession_id: str, deny: bool, reason: str
    ) -> RecordedConcession:
        """The request, if it is this approver's to decide now."""
        concession = records.find_concession(self.db, concession_id)
        if concession is None:
            shown = mask_payment_cards(concession_id)[:60]
            raise DecisionError(NO_CONCESSION.format(id=repr(shown)))
        self._check_decision(approver, concession, deny, reason)
        return concession

    def _check_decision(
        self, approver: Staff, concession: RecordedConcession, deny: bool, reason: str
    ) -> None:
        if concession.status != PENDING:
            status = _status_word(concession.status)
            raise DecisionError(ALREADY_DECIDED.format(id=concession.concession_id, status=status))
        if approver.staff_id == concession.staff_id:
            raise DecisionError(OWN_REQUEST.format(approver=approver_for(approver.role)))
        requester = self.staff.find(concession.staff_id)
        requester_role = requester.role if requester else "clerk"
        if not may_approve(approver, requester_role):
            raise DecisionError(
                ROLE_MAY_NOT.format(
                    role=role_name(approver.role), approver=approver_for(requester_role)
                )
            )
        if deny and not reason:
            raise DecisionError(DENIAL_REASON.text())
        limit = self.staff.limit_of(approver)
        if not deny and concession.value > limit:
            raise DecisionError(
                OVER_YOUR_LIMIT.format(
                    value=_pence(concession.value),
                    limit=_pence(limit),
                    approver=approver_for(approver.role),
                )
            )

    def _today(self, now: datetime | None = None) -> date:
        """The station clock's day where the station is (the day history is judged on)."""
        return (now or self.clock()).astimezone(self.lookup.zone).date()

    def pending(self) -> list[RecordedConcession]:
        return records.pending_concessions(self.db)

    def find(self, concession_id: str) -> RecordedConcession | None:
        return records.find_concession(self.db, concession_id)

    def record_feedback(self, staff: Staff, customer_id: str, *, kind: str, words: str) -> str:
        """The customer's complaint, compliment or enquiry in their own words, no concession."""
        if kind not in FEEDBACK_KINDS:
            raise GoodwillError(
                UNKNOWN_KIND.format(kind=repr(kind), known=", ".join(FEEDBACK_KINDS))
            )
        words = mask_payment_cards(words.strip())
        if not words:
            raise GoodwillError(NO_WORDS.text())
        now = self.clock()
        profile = self.lookup.profile(customer_id, self._today(now))
        feedback = Feedback(
            feedback_id=str(uuid.uuid4()),
            customer_id=profile.customer_id,
            recorded_at=now,
            kind=kind,
            words=words,
            staff_id=staff.staff_id,
            station=self.station,
        )
        with writing(self.db):
            records.insert_feedback(self.db, feedback)
            self.audit.record(
                staff.staff_id,
                "feedback_recorded",
                profile.customer_id,
                f"{feedback.feedback_id} {kind}",
            )
        return feedback.feedback_id


def _pence(minor: int) -> Amount:
    return Amount(minor, pence=True)


def _status_word(status: str) -> Text | str:
    known: Template | None = STATUS_WORDS.get(status)
    return known.text() if known else status

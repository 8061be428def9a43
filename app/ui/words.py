"""Words for values that come as data (actions, kinds, statuses), as the screen says them."""

from __future__ import annotations

from app.domain.models import STATUS_WORDS
from app.domain.text import QT_TRANSLATE_NOOP, Template
from app.services.concessions import STATUS_WORDS as CONCESSION_STATUSES
from app.ui.translations import shown

ACTIONS = {
    "waive": QT_TRANSLATE_NOOP("words", "Waive"),
    "refund": QT_TRANSLATE_NOOP("words", "Refund"),
    "voucher": QT_TRANSLATE_NOOP("words", "Voucher"),
    "points": QT_TRANSLATE_NOOP("words", "Points"),
    "upgrade": QT_TRANSLATE_NOOP("words", "Upgrade"),
    "apology": QT_TRANSLATE_NOOP("words", "Apologise and escalate"),
}
KINDS = {  # what a customer said, and what was given
    "complaint": QT_TRANSLATE_NOOP("words", "complaint"),
    "enquiry": QT_TRANSLATE_NOOP("words", "enquiry"),
    "compliment": QT_TRANSLATE_NOOP("words", "compliment"),
    "waive": QT_TRANSLATE_NOOP("words", "waive"),
    "refund": QT_TRANSLATE_NOOP("words", "refund"),
    "voucher": QT_TRANSLATE_NOOP("words", "voucher"),
    "points": QT_TRANSLATE_NOOP("words", "points"),
    "upgrade": QT_TRANSLATE_NOOP("words", "upgrade"),
    "apology": QT_TRANSLATE_NOOP("words", "apology"),
}
STATUSES = {
    **STATUS_WORDS,
    **CONCESSION_STATUSES,
    "granted": QT_TRANSLATE_NOOP("words", "granted"),
}


def _word(table: dict[str, Template], value: str) -> str:
    known = table.get(value)
    return shown(known.text()) if known else value


def action(value: str) -> str:
    """ "Waive", "Voucher"…: the first word of an offer."""
    known = ACTIONS.get(value)
    return shown(known.text()) if known else value.capitalize()


def kind(value: str | None) -> str:
    return _word(KINDS, value) if value else ""


def status(value: str | None) -> str:
    return _word(STATUSES, value) if value else ""

"""Domain texts: English as before, with the template and arguments kept for a window."""

from __future__ import annotations

import pickle
from decimal import Decimal

from app.domain.models import Frozen
from app.domain.text import (
    QT_TRANSLATE_NOOP,
    Amount,
    Lower,
    Text,
    Words,
    from_json,
    joined,
    policy_text,
    to_json,
    translate,
)


def test_a_text_reads_as_english_and_keeps_what_it_was_made_of() -> None:
    text = QT_TRANSLATE_NOOP("standing", "{amount} more in 12 months").format(amount=Amount(52_000))
    assert text == "£520 more in 12 months"
    assert (text.context, text.source, text.n) == ("standing", "{amount} more in 12 months", None)
    assert text.args == {"amount": Amount(52_000)}


def test_plurals_in_english() -> None:
    complaints = translate("standing", "%n complaint(s)", None, 0)
    assert [complaints.plural(n) for n in (0, 1, 2)] == [
        "0 complaints",
        "1 complaint",
        "2 complaints",
    ]
    assert translate("t", "%n match(es)", None, 0).plural(3) == "3 matches"
    assert complaints.plural(1).n == 1


def test_arguments_nest_and_keep_their_english_form() -> None:
    tier = policy_text("Gold")
    text = QT_TRANSLATE_NOOP("x", "{tier} ×{scale} {what}").format(
        tier=tier, scale=Decimal("1.50"), what=Lower(policy_text("Lost ticket"))
    )
    assert text == "Gold ×1.50 lost ticket"
    assert joined([tier, policy_text("Silver")]) == "Gold, Silver"
    assert str(Amount(-150, pence=True)) == "−£1.50"


def test_a_text_survives_a_model_and_a_pickle() -> None:
    class Holder(Frozen):
        words: Words
        maybe: Words | None = None

    text = QT_TRANSLATE_NOOP("x", "{n} left").format(n=3)
    held = Holder(words=text, maybe=text)
    assert isinstance(held.words, Text) and held.words.args == {"n": 3}
    assert isinstance(held.maybe, Text)
    assert Holder(words="plain").words == "plain"
    assert held.model_dump_json() == '{"words":"3 left","maybe":"3 left"}'
    again = pickle.loads(pickle.dumps(text))
    assert again == text and again.source == text.source and again.args == text.args


def test_english_fills_only_what_the_template_names_as_before() -> None:
    class Loud:
        def __str__(self) -> str:
            raise AssertionError("an argument the English does not show was written out")

    text = QT_TRANSLATE_NOOP("x", "{value} off, [{n:>3}]").format(
        value=Decimal("1E+1"), n=7, unused=Loud()
    )
    assert text == "10 off, [  7]"  # a Decimal in fixed point; a format spec still applies
    assert set(text.args) == {"value", "n", "unused"}  # the window may show all of them


def test_a_text_kept_as_json_comes_back_whole() -> None:
    """A request's reason is kept so any screen can say it again in its own language."""
    inner = QT_TRANSLATE_NOOP("staff", "a supervisor").text()
    text = translate("goodwill", "%n concession(s) this shift: {who} must approve", None, 0)
    made = text.plural(3, who=Lower(inner))
    over = QT_TRANSLATE_NOOP("goodwill", "{value} over {share} of {why}").format(
        value=Amount(6_000, pence=True), share=Decimal("0.30"), why=made
    )
    kept = to_json(over)
    assert kept is not None
    back = from_json(kept)
    assert back == over and (back.context, back.source, back.n) == (
        over.context, over.source, over.n
    )  # fmt: skip
    assert back.args == over.args
    assert to_json("plain English") is None

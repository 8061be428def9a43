"""Words the domain hands to a screen, kept translatable without Qt.

A `Text` is a plain English string (what the command line and the tests read) that also
carries its template and arguments, so the window can translate the template and then fill
the arguments in its own language and number format. Templates are marked with calls that
Qt's lupdate recognises by name: `QT_TRANSLATE_NOOP(context, source)`, and
`translate(context, source, None, 0).plural(n)` for a plural (lupdate needs the 0 written
as a number; English sources write the plural "(s)").
Text from the organisation's policy carries the context `POLICY`: the window looks it up in
the policy's own translations, not in the .ts files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any

from pydantic import ValidatorFunctionWrapHandler, WrapValidator

from app.domain.money import format_money

POLICY = "policy"  # the context of the organisation's own words
JOIN = ""  # the context of texts only put together here: nothing to translate
_PLURAL = re.compile(r"\((e?s)\)")


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money inside a text, formatted where it is shown."""

    minor: int
    pence: bool | None = None

    def __str__(self) -> str:
        return format_money(self.minor, pence=self.pence)


@dataclass(frozen=True, slots=True)
class Lower:
    """Text shown in lower case, in whichever language it is shown."""

    text: str

    def __str__(self) -> str:
        return str(self.text).lower()


Arg = Any  # str, int, Decimal, Amount, Lower or Text


class Text(str):
    """English text, with the template and arguments it was made from."""

    context: str
    source: str
    n: int | None  # the plural's number
    args: Mapping[str, Arg]

    def __new__(
        cls,
        context: str,
        source: str,
        count: int | None = None,
        args: Mapping[str, Arg] | None = None,
    ) -> Text:
        args = dict(args) if args else {}
        english = source
        if count is not None:
            english = english_plural(english, count).replace("%n", str(count))
        if args:
            english = english.format_map(_English(args))
        made = str.__new__(cls, english)
        made.context, made.source, made.n, made.args = context, source, count, args
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.context, self.source, self.n, dict(self.args)))


class _English(dict[str, Arg]):
    """Arguments as English text shows them, each made only if the template names it."""

    def __getitem__(self, name: str) -> Arg:
        value = dict.__getitem__(self, name)
        return f"{value:f}" if isinstance(value, Decimal) else str(value)


@dataclass(frozen=True, slots=True)
class Template:
    context: str
    source: str
    count: int | None = None

    def format(self, **args: Arg) -> Text:
        return Text(self.context, self.source, self.count, args)

    def text(self) -> Text:
        return Text(self.context, self.source, self.count)

    def plural(self, n: int, **args: Arg) -> Text:
        """The plural for `n` (its "%n"), with `args` filled in."""
        return Text(self.context, self.source, n, args)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:
    """Marks `source` for lupdate; translated where it is shown."""
    return Template(context, source)


def translate(context: str, source: str, disambiguation: None, n: int) -> Template:
    """Marks a plural `source` for lupdate; the count comes with `Template.plural`."""
    return Template(context, source, n)


def policy_text(source: str, **args: Arg) -> Text:
    """The organisation's own words (a label, a script), filled with `args`."""
    return Text(POLICY, source, None, args)


def joined(parts: Iterable[str], separator: str = ", ") -> Text:
    """Parts joined into one text; each part is translated on its own."""
    args = {f"p{i}": part for i, part in enumerate(parts)}
    return Text(JOIN, separator.join("{" + name + "}" for name in args), None, args)


def english_plural(source: str, n: int) -> str:
    """ "%n match(es)" for n: "(s)" and "(es)" kept unless n is one."""
    return _english_plural(source, n == 1)


@lru_cache(maxsize=256)  # sources are the program's own, so few
def _english_plural(source: str, one: bool) -> str:
    return _PLURAL.sub("" if one else r"\1", source)


def _keep_text(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    return value if isinstance(value, Text) else handler(value)


Words = Annotated[str, WrapValidator(_keep_text)]  # a str field that keeps a Text as it is


def to_json(text: str) -> str | None:
    """A Text kept as JSON (its template and arguments), so it can be shown again in any
    language; None for plain text, which has no template to translate."""
    if not isinstance(text, Text):
        return None
    return json.dumps(_encode(text), ensure_ascii=False, separators=(",", ":"))


def from_json(kept: str) -> Text:
    """The Text `to_json` kept."""
    made = _decode(json.loads(kept))
    if not isinstance(made, Text):
        raise ValueError("not a kept text")
    return made


def _encode(value: Arg) -> Any:
    if isinstance(value, Text):
        args = {k: _encode(v) for k, v in value.args.items()}
        return {"text": [value.context, value.source, value.n, args]}
    if isinstance(value, Amount):
        return {"amount": [value.minor, value.pence]}
    if isinstance(value, Lower):
        return {"lower": _encode(value.text)}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


def _decode(value: Any) -> Arg:
    if not isinstance(value, dict):
        return value
    if "text" in value:
        context, source, n, args = value["text"]
        return Text(context, source, n, {k: _decode(v) for k, v in args.items()})
    if "amount" in value:
        minor, pence = value["amount"]
        return Amount(int(minor), pence)
    if "lower" in value:
        return Lower(_decode(value["lower"]))
    if "decimal" in value:
        return Decimal(value["decimal"])
    raise ValueError(f"unknown kept value {value!r}")

"""Where each contract file is kept: its table, the key an upsert meets on, and what the
store adds or leaves out. The columns themselves come from the contract models
(app/domain/contract.py), so a new contract column is a new field there plus its migration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import attrgetter
from typing import Any

from app.domain.contract import (
    CardRow,
    ConcessionRow,
    ContractRow,
    CustomerRow,
    InteractionRow,
    PhoneRow,
    PurchaseRow,
)
from app.domain.identifiers import name_words, reversed_digits

Convert = Callable[[Any], Any]
Derive = Callable[[Any], Any]


@dataclass(frozen=True)
class ContractTable:
    model: type[ContractRow]
    key: tuple[str, ...]  # the stored columns an upsert conflicts on
    renamed: Mapping[str, str] = field(default_factory=dict)  # contract field -> column
    dropped: frozenset[str] = frozenset()  # checked at import, not kept
    converted: Mapping[str, Convert] = field(default_factory=dict)  # field -> stored value
    derived: Mapping[str, Derive] = field(default_factory=dict)  # added column -> from row

    @property
    def name(self) -> str:
        return self.model.file

    @property
    def fields(self) -> tuple[str, ...]:
        """The contract fields this table keeps, in the contract's order."""
        return tuple(f for f in self.model.columns() if f not in self.dropped)

    @property
    def columns(self) -> tuple[str, ...]:
        """The stored columns, in the order `values` gives them: fields, then derived."""
        return tuple(self.renamed.get(f, f) for f in self.fields) + tuple(self.derived)

    @property
    def key_fields(self) -> tuple[str, ...]:
        """The key as the contract names it."""
        stored = {self.renamed.get(f, f): f for f in self.fields}
        return tuple(stored[c] for c in self.key)

    @property
    def compared(self) -> tuple[str, ...]:
        """The columns whose change makes a re-imported row count as changed."""
        kept = (self.renamed.get(f, f) for f in self.fields)
        return tuple(c for c in kept if c not in self.key)

    def values(self) -> Callable[[ContractRow], tuple[Any, ...]]:
        """A fast function from a validated row to its stored values, in `columns` order."""
        get = attrgetter(*self.fields)
        if not self.converted and not self.derived:
            return get  # several names: attrgetter returns the tuple itself
        converts = [
            (i, self.converted[f]) for i, f in enumerate(self.fields) if f in self.converted
        ]
        derives = tuple(self.derived.values())

        def values(row: ContractRow) -> tuple[Any, ...]:
            kept = list(get(row))
            for at, convert in converts:
                if kept[at] is not None:
                    kept[at] = convert(kept[at])
            kept.extend(derive(row) for derive in derives)
            return tuple(kept)

        return values


def _iso_date(value: date) -> str:
    return value.isoformat()


def _iso_moment(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat()


def _search_words(row: CustomerRow) -> str:
    return " ".join(name_words(row.given_name, row.family_name))


def _reversed(row: PhoneRow) -> str:
    return reversed_digits(row.phone)


TABLES: dict[type[ContractRow], ContractTable] = {
    CustomerRow: ContractTable(
        CustomerRow,
        key=("customer_id",),
        converted={"joined_on": _iso_date, "updated_at": _iso_moment},
        derived={"email_folded": attrgetter("email_folded"), "search_words": _search_words},
    ),
    PhoneRow: ContractTable(
        PhoneRow,
        key=("customer_id", "e164"),
        renamed={"phone": "e164"},
        derived={"reversed": _reversed},
    ),
    CardRow: ContractTable(CardRow, key=("card_number",), converted={"issued_on": _iso_date}),
    PurchaseRow: ContractTable(PurchaseRow, key=("purchase_id",), dropped=frozenset({"currency"})),
    InteractionRow: ContractTable(InteractionRow, key=("interaction_id",)),
    ConcessionRow: ContractTable(ConcessionRow, key=("concession_id",)),
}
TABLE_NAMES = tuple(t.name for t in TABLES.values())

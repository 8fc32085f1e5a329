"""Placeholders for Xero ids not known when the plan was made: `{ContactID:CN17}` in a payload's
values or an entity path (`CreditNotes/{CreditNoteID:CN-0213}/Allocations`) becomes the Xero id
of the done write with that natural key."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{(\w+ID):([^{}]+)\}")


class UnresolvedPlaceholder(LookupError):
    """A placeholder names a write that is not done: the outbox let a row go before its dependency."""


def resolve(value, ids: Mapping[str, str]):
    """`value` (a payload, a path, any JSON) with every placeholder replaced by its Xero id."""
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda match: _id(match, ids), value)
    if isinstance(value, dict):
        return {key: resolve(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, ids) for item in value]
    return value


def _id(match: re.Match, ids: Mapping[str, str]) -> str:
    key = match.group(2)
    if key not in ids:
        raise UnresolvedPlaceholder(f"{match.group(0)}: {key} is not done yet")
    return ids[key]

"""One write request: a batch of elements saved one by one, then answered the way Xero does.

`summarizeErrors=false`: 200, every element back with `StatusAttributeString` OK or ERROR and
its `ValidationErrors`. Default (summarised): if any element failed, a 400 ValidationException
listing the failed elements — yet the valid ones were created, unnamed in the answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from sync.sandbox.state import Organisation, render


@dataclass
class WriteContext:
    org: Organisation
    now: datetime
    method: str  # "PUT" creates, "POST" creates or updates
    unit_places: int = 2

    @property
    def today(self) -> date:
        return self.now.date()


@dataclass
class Outcome:
    """One element's result: the saved record, or the element with the reasons it was refused."""

    record: dict
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


Saver = Callable[[WriteContext, dict], Outcome]


def elements_of(body, collection: str) -> list[dict] | None:
    """The elements of a write body: `{"Invoices": [...]}`, a list, or a single object."""
    if isinstance(body, dict) and collection in body:
        items = body[collection]
        return items if isinstance(items, list) and all(isinstance(i, dict) for i in items) else None
    if isinstance(body, list):
        return body if all(isinstance(i, dict) for i in body) else None
    if isinstance(body, dict):
        return [body]
    return None


def run_batch(ctx: WriteContext, collection: str, elements: list[dict], save: Saver,
              summarize: bool) -> tuple[int, dict]:
    """Save each element and build Xero's answer: (status, body without the envelope)."""
    entity = ctx.org.table(collection).entity if collection in ctx.org.tables else None
    outcomes = [save(ctx, element) for element in elements]
    shown = []
    for outcome in outcomes:
        record = render(entity, outcome.record) if entity else dict(outcome.record)
        if not summarize:
            record["StatusAttributeString"] = "OK" if outcome.ok else "ERROR"
        if not outcome.ok:
            record["ValidationErrors"] = [{"Message": message} for message in outcome.errors]
            if collection in ("Invoices", "CreditNotes"):
                record["HasErrors"] = True
            if collection in ("Contacts", "Payments"):
                record["HasValidationErrors"] = True
        shown.append(record)
    if summarize and any(not outcome.ok for outcome in outcomes):
        failed = [record for record, outcome in zip(shown, outcomes) if not outcome.ok]
        return 400, validation_exception(failed)
    return 200, {collection: shown}


def validation_exception(elements: list[dict]) -> dict:
    return {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
            "Elements": elements}

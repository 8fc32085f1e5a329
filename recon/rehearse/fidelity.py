"""How faithfully the sandbox holds the snapshot: the figures Xero reported beside the ones the
sandbox computes after loading the same records.

The sandbox recomputes totals, amounts due and statuses from the lines and the linked money, as
Xero does. Where Xero did something the sandbox does not know (a discount amount on a line, a
currency other than the organisation's), the two differ, and a rehearsal on that record proves
less; `sandbox_differences` lists every such figure so the rehearsal can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# entity -> (ID field, number field people know it by, the figures compared)
FIGURES: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "Invoices": ("InvoiceID", "InvoiceNumber", ("Status", "Total", "AmountPaid", "AmountCredited", "AmountDue")),
    "CreditNotes": ("CreditNoteID", "CreditNoteNumber", ("Status", "Total", "RemainingCredit")),
    "Overpayments": ("OverpaymentID", None, ("Status", "Total", "RemainingCredit")),
    "BankTransactions": ("BankTransactionID", "Reference", ("Status", "Total")),
    "Payments": ("PaymentID", "Reference", ("Status", "Amount")),
}


@dataclass(frozen=True)
class Difference:
    tenant_id: str
    entity: str
    record_id: str
    number: str  # the InvoiceNumber, CreditNoteNumber or Reference, when there is one
    field: str
    xero: object  # as Xero reported it in the snapshot
    sandbox: object  # as the sandbox computed it; None when the sandbox lost the record

    def __str__(self) -> str:
        name = f"{self.entity} {self.number or self.record_id}"
        if self.sandbox is None and self.field == "":
            return f"{name}: not in the sandbox"
        return f"{name}, {self.field}: Xero has {self.xero}, the sandbox {self.sandbox}"


def sandbox_differences(state: dict, loaded: dict) -> list[Difference]:
    """Compare the state document given to the sandbox with the one it holds after loading
    (`Sandbox.state_document()`), organisation by organisation, record by record."""
    differences: list[Difference] = []
    loaded_orgs = {str(org["tenant_id"]): org for org in loaded.get("organisations", [])}
    for given in state.get("organisations", []):
        tenant_id = str(given["tenant_id"])
        held = loaded_orgs.get(tenant_id, {})
        for entity, (id_field, number_field, fields) in FIGURES.items():
            by_id = {str(r[id_field]).lower(): r for r in held.get(entity, [])}
            for record in given.get(entity, []):
                record_id = str(record[id_field])
                number = str(record.get(number_field) or "") if number_field else ""
                theirs = by_id.get(record_id.lower())
                if theirs is None:
                    differences.append(Difference(tenant_id, entity, record_id, number, "", "present", None))
                    continue
                for field in fields:
                    if field in record and not _same(record[field], theirs.get(field)):
                        differences.append(
                            Difference(tenant_id, entity, record_id, number, field, record[field], theirs.get(field)))
    return differences


def _same(a, b) -> bool:
    if a == b:
        return True
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError):
        return False

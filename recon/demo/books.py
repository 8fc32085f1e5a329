"""The Pet Manager side as plain rows: one dict per CSV row, keyed by FORMAT.md's column names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from recon.demo.customers import Customer


@dataclass
class PetManagerBooks:
    customers: list[Customer]
    pets: list[dict]
    invoices: list[dict] = field(default_factory=list)
    invoice_lines: list[dict] = field(default_factory=list)
    payments: list[dict] = field(default_factory=list)
    credit_notes: list[dict] = field(default_factory=list)
    credit_note_lines: list[dict] = field(default_factory=list)
    overpayments: list[dict] = field(default_factory=list)
    allocations: list[dict] = field(default_factory=list)
    refunds: list[dict] = field(default_factory=list)
    stripe_payouts: list[dict] = field(default_factory=list)

    def customer(self, customer_id: int) -> Customer:
        return self.customers[customer_id - 1]

    # Look-ups for the Xero side, built once the trading is recorded (cached: do not call them before).
    @cached_property
    def lines_by_invoice(self) -> dict[int, list[dict]]:
        return _group(self.invoice_lines, "invoice_id")

    @cached_property
    def lines_by_credit_note(self) -> dict[int, list[dict]]:
        return _group(self.credit_note_lines, "credit_note_id")


def _group(rows: list[dict], key: str) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped

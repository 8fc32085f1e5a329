"""Payload builders: Pet Manager rows (dicts with the export's column names, as the csv module reads
them) in, the exact JSON element Xero is sent out (dicts; money as Decimal, dates `YYYY-MM-DD`).

Pure functions. The mapping is recon.toml's Step 2 as plain dicts:
`{"items": {...}, "area_types": {...}, "tax": {...}, "payment_methods": {...}, "accounts": {...},
"tracking": {...}}`. The caller wraps elements in Xero's envelope (`{"Invoices": [...]}`) and sends
documents with `unitdp=4`, so 4-decimal unit prices survive.
"""

from sync.payloads.allocation import allocation
from sync.payloads.contact import contact
from sync.payloads.credit_note import credit_note
from sync.payloads.invoice import invoice
from sync.payloads.overpayment import overpayment
from sync.payloads.payment import payment
from sync.payloads.payout import payout
from sync.payloads.refund import refund
from sync.payloads.stripe_fee import stripe_fee_bill, stripe_fee_payment

__all__ = ["allocation", "contact", "credit_note", "invoice", "overpayment", "payment", "payout", "refund",
           "stripe_fee_bill", "stripe_fee_payment"]

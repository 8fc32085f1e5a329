"""Every file of the Pet Manager export (FORMAT.md, format 1): its columns, keys and references.

Column order in a file is not guaranteed and unknown columns are ignored, so a file is read by
header name. A column with `in_header=False` may be absent from the header (it is then all
empty); every other listed column must be there. `required` means every row needs a value.
"""

from __future__ import annotations

from dataclasses import dataclass

from recon.petmanager import kinds
from recon.petmanager.kinds import Kind

METHODS = kinds.enum("cash", "eftpos", "credit_card", "bank_transfer", "cheque", "stripe")
SOURCE_TYPES = kinds.enum("credit_note", "overpayment")


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = True
    in_header: bool = True
    sign: str = "any"  # "any", "positive" (> 0) or "non_negative" (>= 0)
    maximum: int | None = None


@dataclass(frozen=True)
class FileSpec:
    stem: str
    required: bool
    key: tuple[str, ...]  # unique in the file
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        return f"{self.stem}.csv"


@dataclass(frozen=True)
class Reference:
    """`file.column` must name an existing `target.target_column` (when it has a value).

    With `source_type`, only rows whose `source_type` column holds that value are checked.
    """

    file: str
    column: str
    target: str
    target_column: str
    source_type: str | None = None


def _id(name: str, required: bool = True) -> Column:
    return Column(name, kinds.ID, required=required)


def _text(name: str, required: bool = False) -> Column:
    return Column(name, kinds.TEXT, required=required)


def _money(name: str, sign: str, required: bool = True) -> Column:
    return Column(name, kinds.MONEY, required=required, sign=sign)


_STAMPS = (Column("created_at", kinds.TIMESTAMP), Column("updated_at", kinds.TIMESTAMP))
_TOTALS = (
    Column("amounts_include_tax", kinds.BOOL),
    _money("subtotal", "non_negative"),
    _money("tax_total", "non_negative"),
    _money("total", "non_negative"),
)

FILES: tuple[FileSpec, ...] = (
    FileSpec("customers", True, ("customer_id",), (
        _id("customer_id"),
        *(_text(name) for name in ("first_name", "last_name", "company_name", "email", "phone", "mobile",
                                   "address_line1", "address_line2", "suburb", "state", "postcode", "country")),
        Column("customer_type", kinds.TEXT, required=False, in_header=False),
        Column("is_active", kinds.BOOL),
        *_STAMPS,
    )),
    FileSpec("pets", False, ("pet_id",), (
        _id("pet_id"), _id("customer_id"), _text("name"), _text("species"), _text("breed"), *_STAMPS,
    )),
    FileSpec("invoices", True, ("invoice_id",), (
        _id("invoice_id"),
        _text("invoice_number", required=True),
        _id("customer_id"),
        Column("invoice_date", kinds.DATE),
        Column("due_date", kinds.DATE),
        Column("status", kinds.enum("draft", "issued", "paid", "void")),
        *_TOTALS,
        _text("booking_ref"),
        _id("location_id"),
        *_STAMPS,
    )),
    FileSpec("invoice_lines", True, ("invoice_id", "line_number"), (
        _id("invoice_id"),
        _id("line_number"),
        _text("item_code", required=True),
        _text("area_type"),
        Column("line_type", kinds.enum("booking", "extra", "product", "voucher", "package", "adjustment"),
               required=False, in_header=False),
        _text("description"),
        Column("quantity", kinds.QUANTITY),
        Column("unit_price", kinds.UNIT_PRICE),
        Column("discount_percent", kinds.PERCENT, required=False, maximum=100),
        _text("tax_code", required=True),
        _money("line_amount", "any"),
    )),
    FileSpec("payments", True, ("payment_id",), (
        _id("payment_id"),
        _id("invoice_id"),
        _id("customer_id"),
        Column("payment_date", kinds.DATE),
        _money("amount", "positive"),
        Column("method", METHODS),
        _text("reference"),
        _text("stripe_charge_id"),
        _money("stripe_fee", "non_negative", required=False),
        _money("platform_fee", "non_negative", required=False),
        Column("status", kinds.enum("completed", "void")),
        _id("location_id"),
        *_STAMPS,
    )),
    FileSpec("credit_notes", True, ("credit_note_id",), (
        _id("credit_note_id"),
        _text("credit_note_number", required=True),
        _id("customer_id"),
        Column("credit_date", kinds.DATE),
        Column("status", kinds.enum("issued", "void")),
        *_TOTALS,
        _id("invoice_id", required=False),
        _text("reason"),
        _id("location_id"),
        *_STAMPS,
    )),
    FileSpec("credit_note_lines", True, ("credit_note_id", "line_number"), (
        _id("credit_note_id"),
        _id("line_number"),
        _text("item_code", required=True),
        _text("area_type"),
        _text("description"),
        Column("quantity", kinds.QUANTITY),
        Column("unit_price", kinds.UNIT_PRICE),
        _text("tax_code", required=True),
        _money("line_amount", "any"),
    )),
    FileSpec("overpayments", False, ("overpayment_id",), (
        _id("overpayment_id"),
        _id("customer_id"),
        Column("payment_date", kinds.DATE),
        _money("amount", "positive"),
        Column("method", METHODS),
        _text("reference"),
        _id("location_id"),
        *_STAMPS,
    )),
    FileSpec("allocations", False, ("allocation_id",), (
        _id("allocation_id"),
        Column("source_type", SOURCE_TYPES),
        _id("source_id"),
        _id("invoice_id"),
        _money("amount", "positive"),
        Column("allocation_date", kinds.DATE),
        Column("created_at", kinds.TIMESTAMP),
    )),
    FileSpec("refunds", False, ("refund_id",), (
        _id("refund_id"),
        Column("source_type", SOURCE_TYPES),
        _id("source_id"),
        _id("customer_id"),
        Column("refund_date", kinds.DATE),
        _money("amount", "positive"),
        Column("method", METHODS),
        _text("reference"),
        _id("location_id"),
        *_STAMPS,
    )),
    FileSpec("stripe_payouts", False, ("payout_id",), (
        _id("payout_id"),
        Column("payout_date", kinds.DATE),
        _money("amount", "positive"),
        _text("stripe_payout_ref", required=True),
        _id("location_id"),
        Column("created_at", kinds.TIMESTAMP),
    )),
)

FILE_BY_STEM = {spec.stem: spec for spec in FILES}

_CUSTOMER = ("customers", "customer_id")
_LOCATION = ("locations", "location_id")
_INVOICE = ("invoices", "invoice_id")

REFERENCES: tuple[Reference, ...] = (
    Reference("pets", "customer_id", *_CUSTOMER),
    Reference("invoices", "customer_id", *_CUSTOMER),
    Reference("invoices", "location_id", *_LOCATION),
    Reference("invoice_lines", "invoice_id", *_INVOICE),
    Reference("payments", "invoice_id", *_INVOICE),
    Reference("payments", "customer_id", *_CUSTOMER),
    Reference("payments", "location_id", *_LOCATION),
    Reference("credit_notes", "customer_id", *_CUSTOMER),
    Reference("credit_notes", "invoice_id", *_INVOICE),
    Reference("credit_notes", "location_id", *_LOCATION),
    Reference("credit_note_lines", "credit_note_id", "credit_notes", "credit_note_id"),
    Reference("overpayments", "customer_id", *_CUSTOMER),
    Reference("overpayments", "location_id", *_LOCATION),
    Reference("allocations", "invoice_id", *_INVOICE),
    Reference("allocations", "source_id", "credit_notes", "credit_note_id", source_type="credit_note"),
    Reference("allocations", "source_id", "overpayments", "overpayment_id", source_type="overpayment"),
    Reference("refunds", "customer_id", *_CUSTOMER),
    Reference("refunds", "location_id", *_LOCATION),
    Reference("refunds", "source_id", "credit_notes", "credit_note_id", source_type="credit_note"),
    Reference("refunds", "source_id", "overpayments", "overpayment_id", source_type="overpayment"),
    Reference("stripe_payouts", "location_id", *_LOCATION),
)

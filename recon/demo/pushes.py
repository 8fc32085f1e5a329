"""What Pet Manager's Xero integration writes for each of its records (FORMAT.md, "What Xero sees"):
`CN<id>` contacts in "Pet Manager Customers", `INV<number>` invoices on the mapped accounts, tax types
and tracking, with a rounding line when Xero's per-line tax would miss Pet Manager's total."""

from __future__ import annotations

from decimal import Decimal

from recon.demo import catalogue
from recon.demo.chart import MAPPING, RATE_OF_TAX_TYPE, Chart
from recon.demo.customers import Customer
from recon.demo.money import petmanager_totals, xero_totals
from recon.demo.xero_book import XeroBook


def contact_name(customer: Customer) -> str:
    return f"{customer.display_name} CN{customer.customer_id}"


def contact_details(customer: Customer) -> dict:
    row = customer.row
    phones = [{"PhoneType": "MOBILE", "PhoneNumber": row["mobile"]}] if row["mobile"] else []
    if row["phone"]:
        phones.append({"PhoneType": "DEFAULT", "PhoneNumber": row["phone"]})
    address = None
    if row["address_line1"]:
        address = {"AddressType": "POBOX", "AddressLine1": row["address_line1"], "AddressLine2": row["address_line2"],
                   "City": row["suburb"], "Region": row["state"], "PostalCode": row["postcode"], "Country": "Australia"}
    return {"first": row["first_name"], "last": row["last_name"], "email": row["email"], "phones": phones,
            "address": address}


def push_contact(book: XeroBook, customer: Customer, day) -> dict:
    return book.contact(contact_name(customer), day=day, number=str(customer.customer_id),
                        groups=("Pet Manager Customers",), **contact_details(customer))


def tracking(chart: Chart, location_id: int, area_type: str) -> list[dict]:
    chosen = [dict(chart.tracking_option[("Locations", catalogue.LOCATIONS[location_id])])]
    if area_type:
        option = MAPPING["tracking"]["area_type"]["options"][area_type]
        chosen.append(dict(chart.tracking_option[("Area Types", option)]))
    return chosen


def pushed_lines(chart: Chart, lines: list[dict], inclusive: bool, location_id: int) -> list[dict]:
    """Pet Manager's lines as Xero line items, plus the rounding line that makes the totals agree."""
    pushed = [
        XeroBook.line(line["description"], line["quantity"], line["unit_price"],
                      MAPPING["item_codes"][line["item_code"]], MAPPING["tax_codes"][line["tax_code"]],
                      line["line_amount"], inclusive,
                      discount=line.get("discount_percent") or Decimal("0"),
                      tracking=tracking(chart, location_id, line["area_type"]))
        for line in lines
    ]
    _, _, wanted = petmanager_totals([(line["tax_code"], line["line_amount"]) for line in lines], inclusive)
    _, _, landed = xero_totals([(RATE_OF_TAX_TYPE[line["TaxType"]], line["LineAmount"]) for line in pushed],
                               inclusive)
    if landed != wanted:
        difference = wanted - landed
        pushed.append(XeroBook.line("Rounding", Decimal("1"), difference, MAPPING["rounding_account"], "BASEXCLUDED",
                                    difference, inclusive))
    return pushed


def needs_rounding(lines: list[dict], inclusive: bool) -> tuple[Decimal, Decimal]:
    """(Pet Manager total, Xero's total without a rounding line)."""
    _, _, wanted = petmanager_totals([(line["tax_code"], line["line_amount"]) for line in lines], inclusive)
    _, _, landed = xero_totals([(RATE_OF_TAX_TYPE[MAPPING["tax_codes"][line["tax_code"]]], line["line_amount"])
                                for line in lines], inclusive)
    return wanted, landed


def push_invoice(book: XeroBook, contact: dict, invoice: dict, lines: list[dict]) -> dict:
    status = "VOIDED" if invoice["status"] == "void" else "AUTHORISED"
    return book.invoice(contact, MAPPING["number_prefixes"]["invoice"] + invoice["invoice_number"],
                        invoice["invoice_date"], invoice["due_date"],
                        pushed_lines(book.chart, lines, invoice["amounts_include_tax"], invoice["location_id"]),
                        invoice["amounts_include_tax"], status=status, reference=invoice["booking_ref"])


def push_credit_note(book: XeroBook, contact: dict, note: dict, lines: list[dict]) -> dict:
    status = "VOIDED" if note["status"] == "void" else "AUTHORISED"
    return book.credit_note(contact, MAPPING["number_prefixes"]["credit_note"] + note["credit_note_number"],
                            note["credit_date"],
                            pushed_lines(book.chart, lines, note["amounts_include_tax"], note["location_id"]),
                            note["amounts_include_tax"], status=status, reference=note["reason"])


def push_payment(book: XeroBook, target: dict, payment: dict) -> dict:
    return book.payment(target, MAPPING["payment_methods"][payment["method"]], payment["payment_date"],
                        payment["amount"], reference=payment["reference"] or payment["stripe_charge_id"])


def push_fee_bill(book: XeroBook, supplier: dict, charge: dict, fee: Decimal, what: str) -> dict:
    """A Stripe or Pet Manager fee on one charge: a bill paid from the Stripe clearing account."""
    stripe = MAPPING["stripe"]
    account = stripe["fee_account"] if what == "Stripe fee" else stripe["platform_fee_account"]
    line = XeroBook.line(f"{what} {charge['stripe_charge_id']}", Decimal("1"), fee, account, "INPUT", fee, True)
    bill = book.invoice(supplier, charge["stripe_charge_id"], charge["payment_date"], charge["payment_date"], [line],
                        True, invoice_type="ACCPAY", reference=what)
    book.payment(bill, stripe["clearing_account"], charge["payment_date"], fee, reference=charge["stripe_charge_id"])
    return bill


def push_payout(book: XeroBook, payout: dict) -> dict:
    stripe = MAPPING["stripe"]
    return book.transfer(stripe["clearing_account"], stripe["payout_account"], payout["payout_date"], payout["amount"],
                         payout["stripe_payout_ref"])


"""Totals as Xero computes them: tax per line, rounded to 2 dp half-up, then summed.

A three-line exclusive invoice can therefore total a cent more (or less) than a system that
computes tax on the total. Settlement (paid, credited, due, PAID status) lives here too.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def unit(value: Decimal, places: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def compute_lines(document: dict, tax_rates: dict[str, Decimal], unit_places: int = 2) -> Decimal:
    """Fill LineAmount, TaxAmount, SubTotal, TotalTax, Total in place; return the total discount.

    `tax_rates` maps TaxType to its effective rate in percent; each line's TaxType must
    already be set (or absent for NoTax documents)."""
    amount_types = document.get("LineAmountTypes", "Exclusive")
    line_total = ZERO
    tax_total = ZERO
    discount_total = ZERO
    for line in document.get("LineItems", []):
        quantity = unit(line.get("Quantity", 1), 4)
        line["Quantity"] = quantity
        discount = Decimal(line.get("DiscountRate", 0))
        if "UnitAmount" in line:
            line["UnitAmount"] = unit(line["UnitAmount"], unit_places)
            gross = quantity * line["UnitAmount"]
            line["LineAmount"] = money(gross * (HUNDRED - discount) / HUNDRED)
            discount_total += money(gross) - line["LineAmount"]
        else:
            line["LineAmount"] = money(line.get("LineAmount", 0))
            line["UnitAmount"] = unit(line["LineAmount"] / quantity, unit_places) if quantity else ZERO
        rate = tax_rates.get(line.get("TaxType", ""), Decimal(0))
        if amount_types == "Exclusive":
            line["TaxAmount"] = money(line["LineAmount"] * rate / HUNDRED)
        elif amount_types == "Inclusive":
            line["TaxAmount"] = money(line["LineAmount"] * rate / (HUNDRED + rate))
        else:
            line["TaxAmount"] = ZERO
        line_total += line["LineAmount"]
        tax_total += line["TaxAmount"]
    subtotal = line_total - tax_total if amount_types == "Inclusive" else line_total
    document["SubTotal"] = money(subtotal)
    document["TotalTax"] = money(tax_total)
    document["Total"] = money(subtotal + tax_total)
    return money(discount_total)


def settle_invoice(invoice: dict) -> None:
    """AmountPaid, AmountCredited, AmountDue and the PAID status from the linked money."""
    paid = sum((payment["Amount"] for payment in invoice.get("Payments", [])), ZERO)
    credited = sum(
        (applied["AppliedAmount"] for key in ("CreditNotes", "Overpayments", "Prepayments")
         for applied in invoice.get(key, [])),
        ZERO,
    )
    invoice["AmountPaid"] = money(paid)
    invoice["AmountCredited"] = money(credited)
    invoice["AmountDue"] = money(invoice["Total"] - paid - credited)
    _mark_paid(invoice, invoice["AmountDue"], paid + credited,
               [entry.get("Date") for key in ("Payments", "CreditNotes", "Overpayments", "Prepayments")
                for entry in invoice.get(key, [])])


def settle_credit(credit: dict) -> None:
    """RemainingCredit and the PAID status of a credit note or overpayment."""
    allocated = sum((allocation["Amount"] for allocation in credit.get("Allocations", [])), ZERO)
    refunded = sum((payment["Amount"] for payment in credit.get("Payments", [])), ZERO)
    credit["RemainingCredit"] = money(credit["Total"] - allocated - refunded)
    if "AppliedAmount" in credit or credit.get("Allocations"):
        credit["AppliedAmount"] = money(allocated)
    _mark_paid(credit, credit["RemainingCredit"], allocated + refunded,
               [entry.get("Date") for key in ("Allocations", "Payments") for entry in credit.get(key, [])])


def _mark_paid(document: dict, outstanding: Decimal, settled: Decimal, dates: list) -> None:
    if document.get("Status") == "AUTHORISED" and outstanding == ZERO and settled > ZERO:
        document["Status"] = "PAID"
        known = [d for d in dates if d is not None]
        if known:
            document["FullyPaidOnDate"] = max(known)
    elif document.get("Status") == "PAID" and outstanding > ZERO:
        document["Status"] = "AUTHORISED"
        document.pop("FullyPaidOnDate", None)


def payment_summary(payment: dict) -> dict:
    """How a document lists a payment made against it."""
    return {"PaymentID": payment["PaymentID"], "Date": payment.get("Date"), "Amount": payment["Amount"],
            "Reference": payment.get("Reference", ""), "CurrencyRate": payment.get("CurrencyRate"),
            "HasAccount": True, "HasValidationErrors": False}


def applied_summary(credit: dict, id_field: str, allocation: dict) -> dict:
    """How an invoice lists a credit note or overpayment allocated to it."""
    summary = {"ID": credit[id_field], id_field: credit[id_field], "AppliedAmount": allocation["Amount"],
               "Date": allocation.get("Date"), "Total": credit.get("Total"), "Status": credit.get("Status")}
    if credit.get("CreditNoteNumber"):
        summary["CreditNoteNumber"] = credit["CreditNoteNumber"]
    return summary

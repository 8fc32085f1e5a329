"""The Xero organisation's records as Xero's own JSON shapes, built one by one and then settled:
amounts paid, credited and due, remaining credit and status, computed the way Xero computes them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from recon.demo.calendar import xero_utc
from recon.demo.chart import RATE_OF_TAX_TYPE, Chart
from recon.demo.guids import Guids
from recon.demo.money import ZERO, tax_in, xero_totals


def ref(record: dict, *keys: str) -> dict:
    return {key: record[key] for key in keys if key in record}


class XeroBook:
    def __init__(self, guids: Guids, chart: Chart):
        self.guids = guids
        self.chart = chart
        self.contacts: list[dict] = []
        self.invoices: list[dict] = []
        self.credit_notes: list[dict] = []
        self.payments: list[dict] = []
        self.overpayments: list[dict] = []
        self.bank_transactions: list[dict] = []
        self.bank_transfers: list[dict] = []
        self._active_names: set[str] = set()
        self.numbers = defaultdict(int)  # Xero's own sequences: "INV-", "CN-"

    def next_number(self, prefix: str) -> str:
        self.numbers[prefix] += 1
        return f"{prefix}{self.numbers[prefix]:04d}"

    # contacts ------------------------------------------------------------------------------------
    def name_is_free(self, name: str) -> bool:
        return name.casefold() not in self._active_names

    def contact(self, name: str, *, day: date, first: str = "", last: str = "", email: str = "",
                phones: list[dict] | None = None, address: dict | None = None, number: str = "",
                groups: tuple[str, ...] = (), supplier: bool = False, status: str = "ACTIVE") -> dict:
        if status == "ACTIVE":
            if not self.name_is_free(name):
                raise ValueError(f"Xero refuses a second active contact named {name!r}")
            self._active_names.add(name.casefold())
        record = {
            "ContactID": self.guids(), "ContactNumber": number, "ContactStatus": status, "Name": name,
            "FirstName": first, "LastName": last, "EmailAddress": email,
            "Addresses": [address] if address else [], "Phones": phones or [],
            "IsSupplier": supplier, "IsCustomer": not supplier, "DefaultCurrency": "AUD",
            "ContactGroups": [self.chart.group_ref(group) for group in groups],
            "UpdatedDateUTC": xero_utc(day, 10), "HasAttachments": False,
        }
        for group in groups:
            self.chart.groups[group]["Contacts"].append(ref(record, "ContactID", "Name"))
        self.contacts.append(record)
        return record

    # documents -----------------------------------------------------------------------------------
    @staticmethod
    def line(description: str, quantity: Decimal, unit_amount: Decimal, account_code: str, tax_type: str,
             line_amount: Decimal, inclusive: bool, *, discount: Decimal = Decimal("0"),
             tracking: list[dict] | None = None) -> dict:
        line = {
            "Description": description, "Quantity": quantity, "UnitAmount": unit_amount,
            "AccountCode": account_code, "TaxType": tax_type,
            "TaxAmount": tax_in(line_amount, RATE_OF_TAX_TYPE[tax_type], inclusive),
            "LineAmount": line_amount, "Tracking": tracking or [],
        }
        if discount:
            line["DiscountRate"] = discount
        return line

    def _document(self, id_key: str, number_key: str, doc_type: str, contact: dict, number: str, day: date,
                  lines: list[dict], inclusive: bool, status: str, reference: str) -> dict:
        for line in lines:
            line["LineItemID"] = self.guids()
        subtotal, total_tax, total = xero_totals(
            [(RATE_OF_TAX_TYPE[line["TaxType"]], line["LineAmount"]) for line in lines], inclusive)
        return {
            id_key: self.guids(), number_key: number, "Type": doc_type,
            "Contact": ref(contact, "ContactID", "Name"), "Date": day.isoformat(), "Status": status,
            "LineAmountTypes": "Inclusive" if inclusive else "Exclusive", "LineItems": lines,
            "SubTotal": subtotal, "TotalTax": total_tax, "Total": total, "CurrencyCode": "AUD",
            "Reference": reference, "UpdatedDateUTC": xero_utc(day, 18), "HasAttachments": False,
        }

    def invoice(self, contact: dict, number: str, day: date, due: date, lines: list[dict], inclusive: bool, *,
                status: str = "AUTHORISED", reference: str = "", invoice_type: str = "ACCREC") -> dict:
        record = self._document("InvoiceID", "InvoiceNumber", invoice_type, contact, number, day, lines, inclusive,
                                status, reference)
        record["DueDate"] = due.isoformat()
        self.invoices.append(record)
        return record

    def credit_note(self, contact: dict, number: str, day: date, lines: list[dict], inclusive: bool, *,
                    status: str = "AUTHORISED", reference: str = "") -> dict:
        record = self._document("CreditNoteID", "CreditNoteNumber", "ACCRECCREDIT", contact, number, day, lines,
                                inclusive, status, reference)
        record["Allocations"] = []
        self.credit_notes.append(record)
        return record

    def allocate(self, credit: dict, invoice: dict, amount: Decimal, day: date) -> None:
        credit["Allocations"].append({
            "AllocationID": self.guids(), "Amount": amount, "Date": day.isoformat(),
            "Invoice": ref(invoice, "InvoiceID", "InvoiceNumber"),
        })

    # money ---------------------------------------------------------------------------------------
    def payment(self, target: dict, account_code: str, day: date, amount: Decimal, *, reference: str = "",
                status: str = "AUTHORISED") -> dict:
        """A payment of an invoice or bill, or a refund of a credit note or overpayment."""
        if "InvoiceID" in target:
            kind = {"ACCREC": "ACCRECPAYMENT", "ACCPAY": "ACCPAYPAYMENT"}[target["Type"]]
            about = {"Invoice": ref(target, "InvoiceID", "InvoiceNumber", "Type")}
        elif "CreditNoteID" in target:
            kind, about = "ARCREDITPAYMENT", {"CreditNote": ref(target, "CreditNoteID", "CreditNoteNumber")}
        else:
            kind, about = "AROVERPAYMENTPAYMENT", {"Overpayment": ref(target, "OverpaymentID")}
        record = {
            "PaymentID": self.guids(), "Date": day.isoformat(), "Amount": amount, "Reference": reference,
            "Status": status, "PaymentType": kind, "IsReconciled": True, "CurrencyRate": Decimal("1"),
            "Account": self.chart.account_ref(account_code), **about, "UpdatedDateUTC": xero_utc(day, 19),
        }
        self.payments.append(record)
        return record

    def bank_transaction(self, kind: str, contact: dict, account_code: str, day: date, lines: list[dict],
                         inclusive: bool, *, reference: str = "", status: str = "AUTHORISED") -> dict:
        subtotal, total_tax, total = xero_totals(
            [(RATE_OF_TAX_TYPE[line["TaxType"]], line["LineAmount"]) for line in lines], inclusive)
        record = {
            "BankTransactionID": self.guids(), "Type": kind, "Contact": ref(contact, "ContactID", "Name"),
            "BankAccount": self.chart.account_ref(account_code), "Date": day.isoformat(), "Reference": reference,
            "Status": status, "LineAmountTypes": "Inclusive" if inclusive else "Exclusive", "LineItems": lines,
            "SubTotal": subtotal, "TotalTax": total_tax, "Total": total, "CurrencyCode": "AUD",
            "IsReconciled": True, "UpdatedDateUTC": xero_utc(day, 17),
        }
        self.bank_transactions.append(record)
        return record

    def overpayment(self, contact: dict, account_code: str, day: date, amount: Decimal, reference: str, *,
                    status: str = "AUTHORISED") -> dict:
        """Receive money with no invoice: the RECEIVE-OVERPAYMENT bank transaction and its Overpayment."""
        line = {"Description": reference or "Overpayment", "LineAmount": amount, "TaxType": "BASEXCLUDED",
                "TaxAmount": ZERO}
        transaction = self.bank_transaction("RECEIVE-OVERPAYMENT", contact, account_code, day, [line], True,
                                            reference=reference, status=status)
        record = {
            "OverpaymentID": self.guids(), "Type": "RECEIVE-OVERPAYMENT", "Contact": transaction["Contact"],
            "Date": day.isoformat(), "Status": status, "LineAmountTypes": "NoTax", "LineItems": [dict(line)],
            "SubTotal": amount, "TotalTax": ZERO, "Total": amount, "CurrencyCode": "AUD", "Reference": reference,
            "Allocations": [], "UpdatedDateUTC": transaction["UpdatedDateUTC"], "HasAttachments": False,
        }
        transaction["OverpaymentID"] = record["OverpaymentID"]
        transaction["LineAmountTypes"] = "NoTax"
        self.overpayments.append(record)
        return record

    def transfer(self, from_code: str, to_code: str, day: date, amount: Decimal, reference: str) -> dict:
        record = {
            "BankTransferID": self.guids(), "FromBankAccount": self.chart.account_ref(from_code),
            "ToBankAccount": self.chart.account_ref(to_code), "Amount": amount, "Date": day.isoformat(),
            "Reference": reference, "CurrencyRate": Decimal("1"), "FromIsReconciled": True, "ToIsReconciled": True,
            "HasAttachments": False, "CreatedDateUTC": xero_utc(day, 4),
        }
        self.bank_transfers.append(record)
        return record

    # settling ------------------------------------------------------------------------------------
    def settle(self) -> None:
        """Fill in what Xero computes from the payments and allocations recorded above.

        A voided or deleted document keeps its AmountDue and RemainingCredit, as the sandbox reports them."""
        paid, refunded, credited = defaultdict(lambda: ZERO), defaultdict(lambda: ZERO), defaultdict(lambda: ZERO)
        last_day: dict[str, str] = {}
        for payment in self.payments:
            if payment["Status"] != "AUTHORISED":
                continue
            key = next(payment[k][k + "ID"] for k in ("Invoice", "CreditNote", "Overpayment") if k in payment)
            (paid if "Invoice" in payment else refunded)[key] += payment["Amount"]
            last_day[key] = max(last_day.get(key, ""), payment["Date"])
        used = defaultdict(lambda: ZERO)
        for credit in self.credit_notes + self.overpayments:
            credit_id = credit.get("CreditNoteID") or credit["OverpaymentID"]
            for allocation in credit["Allocations"]:
                credited[allocation["Invoice"]["InvoiceID"]] += allocation["Amount"]
                used[credit_id] += allocation["Amount"]
                key = allocation["Invoice"]["InvoiceID"]
                last_day[key] = max(last_day.get(key, ""), allocation["Date"])
            credit["RemainingCredit"] = credit["Total"] - used[credit_id] - refunded[credit_id]
            if credit["Status"] in ("AUTHORISED", "PAID"):
                credit["Status"] = "PAID" if credit["RemainingCredit"] == ZERO else "AUTHORISED"
        for invoice in self.invoices:
            invoice_id = invoice["InvoiceID"]
            invoice["AmountPaid"] = paid[invoice_id]
            invoice["AmountCredited"] = credited[invoice_id]
            invoice["AmountDue"] = invoice["Total"] - paid[invoice_id] - credited[invoice_id]
            if invoice["Status"] in ("AUTHORISED", "PAID") and invoice["AmountDue"] == ZERO:
                invoice["Status"] = "PAID"
                invoice["FullyPaidOnDate"] = last_day.get(invoice_id, invoice["Date"])
            if invoice["AmountDue"] < ZERO:
                raise ValueError(f"{invoice['InvoiceNumber']} is paid more than its total")

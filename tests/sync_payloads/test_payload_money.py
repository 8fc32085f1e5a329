"""Money movements: payments, overpayments, allocations, refunds, Stripe fee bills and payouts,
each keyed with recon's own `PM-...` reference where Xero has no unique number for it."""

from __future__ import annotations

import uuid
from decimal import Decimal

from payload_sample import assert_valid, by_id
from sync.payloads import allocation, overpayment, payment, payout, refund, stripe_fee_bill, stripe_fee_payment

D = Decimal
XERO_ID = str(uuid.uuid4())


def test_a_payment_pays_its_invoice_keyed_by_the_payment_id_and_keeps_pet_managers_reference(sample_export):
    payments = by_id(sample_export, "payments", "payment_id")
    deposit = payment(payments["1"], invoice_id=XERO_ID, account_code="630")
    assert deposit == {"Invoice": {"InvoiceID": XERO_ID}, "Account": {"Code": "630"}, "Date": "2023-12-20",
                       "Amount": D("100.00"), "Reference": "PM-PAY-1 Deposit BK-5001"}
    balance = payment(payments["2"], invoice_id=XERO_ID, account_code="090")
    assert balance["Reference"] == "PM-PAY-2"
    assert balance["Amount"] == D("130.00")
    assert_valid("/Payments", {"Payments": [deposit, balance]})


def test_an_overpayment_is_a_receive_overpayment_bank_transaction_with_one_line(sample_export):
    row = by_id(sample_export, "overpayments", "overpayment_id")["1"]
    payload = overpayment(row, contact_id=XERO_ID, account_code="090")
    assert payload == {
        "Type": "RECEIVE-OVERPAYMENT",
        "Contact": {"ContactID": XERO_ID},
        "BankAccount": {"Code": "090"},
        "Date": "2024-01-23",
        "Reference": "PM-OVP-1 ZOE PREPAY",
        "LineAmountTypes": "NoTax",
        "LineItems": [{"Description": "Account credit", "LineAmount": D("100.00")}],
    }
    assert_valid("/BankTransactions", {"BankTransactions": [payload]})


def test_allocations_apply_a_credit_note_or_an_overpayment_to_an_invoice(sample_export):
    allocations = by_id(sample_export, "allocations", "allocation_id")
    credit = allocation(allocations["1"], invoice_id=XERO_ID)
    assert credit == {"Invoice": {"InvoiceID": XERO_ID}, "Amount": D("65.00"), "Date": "2024-01-13"}
    assert_valid(f"/CreditNotes/{uuid.uuid4()}/Allocations", {"Allocations": [credit]})
    prepaid = allocation(allocations["2"], invoice_id=XERO_ID)
    assert prepaid["Amount"] == D("52.00")
    assert_valid(f"/Overpayments/{uuid.uuid4()}/Allocations", {"Allocations": [prepaid]})


def test_a_refund_pays_out_a_credit_note_or_an_overpayment(sample_export):
    row = by_id(sample_export, "refunds", "refund_id")["1"]
    cash_back = refund(row, credit_id=XERO_ID, account_code="090")
    assert cash_back == {"CreditNote": {"CreditNoteID": XERO_ID}, "Account": {"Code": "090"},
                         "Date": "2024-02-21", "Amount": D("20.00"), "Reference": "PM-RFD-1 Goodwill refund"}
    from_overpayment = refund({**row, "source_type": "overpayment", "reference": ""}, credit_id=XERO_ID,
                              account_code="090")
    assert from_overpayment["Overpayment"] == {"OverpaymentID": XERO_ID}
    assert from_overpayment["Reference"] == "PM-RFD-1"
    assert_valid("/Payments", {"Payments": [cash_back, from_overpayment]})


def test_stripe_and_platform_fees_are_bills_to_their_suppliers_paid_from_clearing(sample_export):
    stripe_payment = by_id(sample_export, "payments", "payment_id")["1"]
    bill = stripe_fee_bill(stripe_payment, fee="stripe_fee", contact_id=XERO_ID, account_code="404",
                           tax_type="INPUT")
    assert bill == {
        "Type": "ACCPAY",
        "Contact": {"ContactID": XERO_ID},
        "InvoiceNumber": "PM-FEE-1",
        "Date": "2023-12-20",
        "DueDate": "2023-12-20",
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive",
        "LineItems": [{"Description": "Stripe fee on ch_3Nb001 (Pet Manager payment 1)", "Quantity": D(1),
                       "UnitAmount": D("1.95"), "AccountCode": "404", "TaxType": "INPUT"}],
    }
    platform = stripe_fee_bill(stripe_payment, fee="platform_fee", contact_id=XERO_ID, account_code="404",
                               tax_type="INPUT")
    assert platform["InvoiceNumber"] == "PM-PFEE-1"
    assert platform["LineItems"][0]["UnitAmount"] == D("0.50")
    assert_valid("/Invoices", {"Invoices": [bill, platform]})
    paid = stripe_fee_payment(stripe_payment, fee="platform_fee", bill_id=XERO_ID, clearing_account="630")
    assert paid == {"Invoice": {"InvoiceID": XERO_ID}, "Account": {"Code": "630"}, "Date": "2023-12-20",
                    "Amount": D("0.50"), "Reference": "PM-PFEE-1"}
    assert_valid("/Payments", {"Payments": [paid]})


def test_a_payout_is_a_transfer_from_clearing_to_the_bank(sample_export):
    row = by_id(sample_export, "stripe_payouts", "payout_id")["1"]
    transfer = payout(row, clearing_account="630", bank_account="090")
    assert transfer == {"FromBankAccount": {"Code": "630"}, "ToBankAccount": {"Code": "090"},
                        "Amount": D("97.55"), "Date": "2023-12-22", "Reference": "PM-PO-1 po_1Oa9X2"}
    assert_valid("/BankTransfers", {"BankTransfers": [transfer]}, query="")  # it takes no summarizeErrors

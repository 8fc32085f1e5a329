"""Fees on a Stripe payment as Xero bills (ACCPAY), paid from the Stripe clearing account: Stripe's
own fee (`stripe_fee`) to the supplier "Stripe", keyed `PM-FEE-<payment id>`, and Pet Manager's
platform fee (`platform_fee`) to the supplier "Pet Manager", keyed `PM-PFEE-<payment id>`.

Bills carry the key in InvoiceNumber (what Xero shows as a bill's Reference; the API's Reference
field is for sales invoices only). Bills are not unique in Xero: the key is how a re-run finds one."""

from __future__ import annotations

from decimal import Decimal

from sync.payloads.cells import decimal

FEES = {"stripe_fee": ("PM-FEE", "Stripe fee"), "platform_fee": ("PM-PFEE", "Pet Manager platform fee")}


def fee_key(payment: dict, fee: str) -> str:
    return f"{FEES[fee][0]}-{payment['payment_id']}"


def stripe_fee_bill(payment: dict, *, fee: str, contact_id: str, account_code: str, tax_type: str) -> dict:
    """`fee`: the payment's column, `stripe_fee` or `platform_fee`; `contact_id`: the supplier's;
    `account_code`: the mapped `stripe_fees` or `platform_fees` account; `tax_type`: the fee's
    TaxType (the amount includes its tax)."""
    label = FEES[fee][1]
    return {
        "Type": "ACCPAY",
        "Contact": {"ContactID": contact_id},
        "InvoiceNumber": fee_key(payment, fee),
        "Date": payment["payment_date"],
        "DueDate": payment["payment_date"],
        "Status": "AUTHORISED",
        "LineAmountTypes": "Inclusive",
        "LineItems": [{
            "Description": f"{label} on {payment['stripe_charge_id']} (Pet Manager payment {payment['payment_id']})",
            "Quantity": Decimal(1),
            "UnitAmount": decimal(payment[fee]),
            "AccountCode": account_code,
            "TaxType": tax_type,
        }],
    }


def stripe_fee_payment(payment: dict, *, fee: str, bill_id: str, clearing_account: str) -> dict:
    """The bill's payment out of the Stripe clearing account (Stripe kept the fee from the charge)."""
    return {
        "Invoice": {"InvoiceID": bill_id},
        "Account": {"Code": clearing_account},
        "Date": payment["payment_date"],
        "Amount": decimal(payment[fee]),
        "Reference": fee_key(payment, fee),
    }

"""A Stripe payout as a Xero BankTransfer from the Stripe clearing account to the bank, keyed
`PM-PO-<payout id>` in its Reference."""

from __future__ import annotations

from sync.payloads.cells import decimal, keyed_reference


def payout(payout: dict, *, clearing_account: str, bank_account: str) -> dict:
    """`clearing_account`, `bank_account`: the mapped `stripe_clearing` and `stripe_payout_bank` codes."""
    return {
        "FromBankAccount": {"Code": clearing_account},
        "ToBankAccount": {"Code": bank_account},
        "Amount": decimal(payout["amount"]),
        "Date": payout["payout_date"],
        "Reference": keyed_reference(f"PM-PO-{payout['payout_id']}", payout.get("stripe_payout_ref", "")),
    }

"""Payouts and refunds Xero already holds are found, one Xero record for one Pet Manager record:
recon's key first, then Pet Manager's own reference, then the same amount and day (and accounts,
or credit)."""

from recon.syncplan.in_xero import Candidates, payout_in_xero, refund_in_xero

CLEARING, BANK = "091", "090"


def transfer(transfer_id, day, amount, reference="", source=CLEARING, target=BANK):
    return {"bank_transfer_id": transfer_id, "date": day, "amount": amount, "reference": reference,
            "from_account_code": source, "to_account_code": target}


def payout(payout_id, day, amount, stripe_ref=""):
    return {"payout_id": str(payout_id), "payout_date": day, "amount": amount, "stripe_payout_ref": stripe_ref}


def test_a_payout_is_found_by_recons_key_then_stripes_reference_then_amount_and_day():
    transfers = Candidates([
        transfer("t-amount", "2025-03-04", "410.20"),
        transfer("t-stripe", "2025-03-04", "410.20", "po_1QABC"),
        transfer("t-key", "2025-03-04", "410.20", "PM-PO-7 weekly payout"),
    ], "bank_transfer_id")
    assert payout_in_xero(payout(7, "2025-03-04", "410.20"), transfers, CLEARING, BANK) == ("t-key", "transfer PM-PO-7")
    assert payout_in_xero(payout(8, "2025-03-04", "410.20", "po_1QABC"), transfers, CLEARING, BANK)[0] == "t-stripe"
    assert payout_in_xero(payout(9, "2025-03-04", "410.20"), transfers, CLEARING, BANK)[0] == "t-amount"
    assert payout_in_xero(payout(10, "2025-03-04", "410.20"), transfers, CLEARING, BANK) is None, "each transfer once"


def test_a_transfer_between_other_accounts_or_on_another_day_is_not_the_payout():
    transfers = Candidates([transfer("t-other", "2025-03-04", "410.20", source="092"),
                            transfer("t-later", "2025-03-05", "410.20")], "bank_transfer_id")
    assert payout_in_xero(payout(7, "2025-03-04", "410.20"), transfers, CLEARING, BANK) is None


def refund_payment(payment_id, credit_id, day, amount, reference=""):
    return {"payment_id": payment_id, "credit_id": credit_id, "date": day, "amount": amount, "reference": reference}


def refund(refund_id, day, amount, reference=""):
    return {"refund_id": str(refund_id), "refund_date": day, "amount": amount, "reference": reference}


def test_a_refund_is_found_out_of_its_own_credit_only():
    payments = Candidates([
        refund_payment("p-other-credit", "cn-2", "2025-03-04", "50.00"),
        refund_payment("p-typed", "cn-1", "2025-03-06", "50.00", "refunded by hand"),
        refund_payment("p-key", "cn-1", "2025-03-04", "50.00", "PM-RFD-3"),
    ], "payment_id")
    assert refund_in_xero(refund(3, "2025-03-04", "50.00"), "cn-1", payments) == ("p-key", "refund PM-RFD-3")
    assert refund_in_xero(refund(4, "2025-03-04", "50.00"), "cn-1", payments)[0] == "p-typed"
    assert refund_in_xero(refund(5, "2025-03-04", "50.00"), "cn-1", payments) is None


def test_a_refund_of_another_amount_or_weeks_away_is_not_found():
    payments = Candidates([refund_payment("p-1", "cn-1", "2025-03-04", "49.99"),
                           refund_payment("p-2", "cn-1", "2025-04-04", "50.00")], "payment_id")
    assert refund_in_xero(refund(3, "2025-03-04", "50.00"), "cn-1", payments) is None

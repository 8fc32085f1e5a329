"""Each category of difference on books small enough to read: what makes it, what does not."""

from __future__ import annotations

from decimal import Decimal

from tests.audit.audit_books import Books, audit, contact_of, keys, outbox_row, suspected


def synced(books: Books, invoice_id: int, customer_id: int, contact_id: str, day: str, total: str, *,
           paid: bool = True) -> str:
    """A Pet Manager invoice (and its payment) and the same in Xero, as Pet Manager pushes them."""
    books.invoice(invoice_id, customer_id, day, total)
    xero_id = books.xero_invoice(contact_id, day, total, number=f"INV{10000 + invoice_id}")
    if paid:
        books.payment(invoice_id * 10, invoice_id, day, total)
        books.xero_payment(xero_id, day, total)
    return xero_id


def test_records_in_xero_and_equal_are_counted_not_listed():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    synced(books, 1, 1, contact, "2025-03-03", "110.00")
    synced(books, 2, 1, contact, "2025-03-10", "55.00", paid=False)
    found = audit(books)
    assert found.differences == []
    assert found.matched == {"contact": 1, "invoice": 2, "payment": 1}
    assert all(t.difference == 0 and t.explained_by == () for t in found.totals)
    assert found.balances == []


def test_an_invoice_changed_in_xero_is_different_with_the_fields_that_differ():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    other = contact_of(books, 2, "Tom", "Jones")
    books.invoice(1, 1, "2025-03-03", "110.00")
    amount = books.xero_invoice(contact, "2025-03-03", "100.00", number="INV10001")
    books.invoice(2, 1, "2025-03-04", "50.00")
    dated = books.xero_invoice(contact, "2025-03-06", "50.00", number="INV10002")
    books.invoice(3, 1, "2025-03-05", "70.00", lines=["30.00", "40.00"])
    lines = books.xero_invoice(contact, "2025-03-05", "70.00", number="INV10003", lines=["20.00", "50.00"])
    books.invoice(4, 1, "2025-03-06", "80.00")
    moved = books.xero_invoice(other, "2025-03-06", "80.00", number="INV10004")
    found = {d.xero_id: d for d in audit(books).differences}
    assert found[amount].fields == ("amount", "lines")
    assert found[amount].detail.startswith("total 110.00 in Pet Manager, 100.00 in Xero")
    assert found[amount].amount_difference == Decimal("10.00")
    assert found[dated].fields == ("date",)
    assert found[lines].fields == ("lines",)
    assert found[lines].detail == "lines 30.00, 40.00 in Pet Manager, 20.00, 50.00 in Xero"
    assert found[moved].fields == ("contact",)
    assert {d.category for d in found.values()} == {"different"}


def test_void_in_pet_manager_live_in_xero_is_a_status_difference_and_both_void_is_equal():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    books.invoice(1, 1, "2025-03-03", "110.00", status="void")
    live = books.xero_invoice(contact, "2025-03-03", "110.00", number="INV10001")
    books.invoice(2, 1, "2025-03-04", "60.00", status="void")
    books.xero_invoice(contact, "2025-03-04", "60.00", number="INV10002", status="VOIDED")
    assert keys(audit(books)) == {("different", "invoice", "1", live)}
    [d] = audit(books).differences
    assert d.fields == ("status",) and d.detail == "void in Pet Manager, AUTHORISED in Xero"


def test_voided_in_xero_while_live_in_pet_manager_and_a_deleted_payment():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    books.invoice(1, 1, "2025-03-03", "110.00", status="issued")
    voided = books.xero_invoice(contact, "2025-03-03", "110.00", number="INV10001", status="VOIDED")
    invoice = synced(books, 2, 1, contact, "2025-03-05", "40.00", paid=False)
    books.payment(20, 2, "2025-03-06", "40.00")
    deleted = books.xero_payment(invoice, "2025-03-06", "40.00", status="DELETED")
    found = audit(books)
    assert keys(found) == {("voided_in_xero", "invoice", "1", voided), ("payment_removed", "payment", "20", deleted)}


def test_a_deleted_payment_pairs_only_when_no_live_one_is_left():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    invoice = synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.payment(10, 1, "2025-03-04", "55.00")
    books.xero_payment(invoice, "2025-03-04", "55.00", status="DELETED")
    books.xero_payment(invoice, "2025-03-04", "55.00")  # paid again after the bank reconciliation
    found = audit(books)
    assert found.differences == []
    assert found.matched["payment"] == 1


def test_not_in_xero_says_why():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    books.invoice(1, 1, "2025-01-20", "30.00", status="issued")  # before the start date 2025-02-01
    books.payment(10, 1, "2025-03-02", "30.00")  # pays it in the period
    books.invoice(2, 1, "2025-03-03", "40.00")
    outbox_row(books, "invoice", 2, "failed", "Account code '999' is not a valid code for this document.")
    books.invoice(3, 1, "2025-03-04", "50.00")
    outbox_row(books, "invoice", 3, "planned")
    books.invoice(4, 1, "2025-03-05", "60.00")
    hand = books.xero_invoice(books.xero_contact("Jane Smith"), "2025-03-05", "60.00")
    suspected(books, "invoice", 4, hand)
    books.invoice(5, 1, "2025-03-06", "70.00")
    books.payment(50, 5, "2025-03-07", "70.00")
    why = {(d.kind, d.petmanager_id): d.why for d in audit(books).differences if d.category == "missing_in_xero"}
    assert why == {
        ("payment", "10"): "pays invoice 10001 dated 2025-01-20, before the start date 2025-02-01",
        ("invoice", "2"): "failed write: Account code '999' is not a valid code for this document.",
        ("invoice", "3"): "still queued (planned)",
        ("invoice", "4"): f"unresolved duplicate: Xero invoice {hand} (likely) awaits `recon resolve`",
        ("invoice", "5"): "not sent to Xero",
        ("payment", "50"): "its invoice 10005 is not in Xero either",
    }
    assert contact  # the customer's contact is there: no missing contact


def test_a_customer_with_no_contact_is_missing_too():
    books = Books()
    books.customer(7, "Ann", "Lee")
    books.invoice(1, 7, "2025-03-03", "30.00")
    assert ("missing_in_xero", "contact", "7", None) in keys(audit(books))


def test_xero_records_in_pet_managers_scope_with_no_counterpart():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    invoice = synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.payment(10, 1, "2025-03-04", "50.00")
    books.xero_payment(invoice, "2025-03-04", "50.00")
    extra = books.xero_payment(invoice, "2025-03-05", "20.00")  # a payment Pet Manager never had
    numbered = books.xero_invoice(books.xero_contact("Walk-in"), "2025-03-06", "99.00", number="INV20001")
    on_contact = books.xero_invoice(contact, "2025-03-07", "12.00", number="INV-0001")
    overpayment = books.xero_overpayment(contact, "2025-03-08", "25.00")
    books.xero_invoice(books.xero_contact("Council rates"), "2025-03-09", "500.00", number="RATES-1")  # not Pet Manager's
    books.xero_invoice(contact, "2025-04-02", "12.00", number="INV-0002")  # outside the period
    only = {(d.kind, d.xero_id) for d in audit(books).differences if d.category == "xero_only"}
    assert only == {("payment", extra), ("invoice", numbered), ("invoice", on_contact), ("overpayment", overpayment)}


def test_a_contact_in_pet_managers_group_without_a_customer_is_xero_only():
    books = Books()
    stray = books.xero_contact("Old Customer CN999")
    books.con.execute("UPDATE xero_contacts SET group_names = ['Pet Manager Customers'] WHERE contact_id = ?", [stray])
    assert ("xero_only", "contact", None, stray) in keys(audit(books))


def test_new_hand_entered_duplicates_of_synced_records():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    invoice = synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.payment(10, 1, "2025-03-04", "50.00")
    books.xero_payment(invoice, "2025-03-04", "50.00")
    twice = books.xero_payment(invoice, "2025-03-05", "50.00")  # the same payment typed again
    on_own = books.xero_invoice(contact, "2025-03-05", "110.00", number="INV-0009")
    on_hand_made = books.xero_invoice(books.xero_contact("jane  smith"), "2025-03-12", "110.00", number="INV-0010")
    far = books.xero_invoice(contact, "2025-03-25", "110.00", number="INV-0011")  # 22 days away: another stay
    found = keys(audit(books))
    assert {k for k in found if k[0] == "new_duplicate"} == {
        ("new_duplicate", "payment", "10", twice), ("new_duplicate", "invoice", "1", on_own),
        ("new_duplicate", "invoice", "1", on_hand_made)}
    assert ("xero_only", "invoice", None, far) in found




def test_an_overpayment_typed_again_by_hand_is_a_new_duplicate():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    books.overpayment(5, 1, "2025-03-08", "25.00")
    books.xero_overpayment(contact, "2025-03-08", "25.00", reference="PM-OVP-5")  # synced by recon
    typed = books.xero_overpayment(contact, "2025-03-10", "25.00")  # the same money typed again
    other = books.xero_overpayment(contact, "2025-03-10", "40.00")  # another amount: not a twin
    found = keys(audit(books))
    assert ("new_duplicate", "overpayment", "5", typed) in found
    assert ("xero_only", "overpayment", None, other) in found

def test_a_second_contact_typed_by_hand_for_a_synced_customer():
    books = Books()
    own = contact_of(books, 1, "Jane", "Smith")
    contact_of(books, 2, "Tom", "Jones")
    typed = books.xero_contact("jane  smith")  # the bookkeeper's own spelling, no CN number
    books.xero_contact("Council rates")  # not anybody's customer
    books.con.execute("UPDATE xero_contacts SET updated_at = TIMESTAMP '2025-03-10 09:00:00'")
    duplicates = [d for d in audit(books).differences if d.category == "new_duplicate"]
    assert [(d.kind, d.petmanager_id, d.xero_id) for d in duplicates] == [("contact", "1", typed)]
    assert "Jane Smith CN1" in duplicates[0].detail and own != typed
    books.con.execute("UPDATE xero_contacts SET updated_at = TIMESTAMP '2024-03-10 09:00:00'")
    assert not [d for d in audit(books).differences if d.category == "new_duplicate"], "typed before the period"

def test_pet_manager_contacts_edited_in_xero_or_changed_in_pet_manager():
    books = Books()
    edited = contact_of(books, 1, "Jane", "Smith")
    changed = contact_of(books, 2, "Tom", "Jones")
    books.con.execute("UPDATE pm_customers SET updated_at = TIMESTAMPTZ '2025-03-01 10:00:00+11:00'")
    books.con.execute("UPDATE xero_contacts SET updated_at = TIMESTAMP '2025-02-01 00:00:00'")
    books.con.execute("UPDATE xero_contacts SET name = 'Jane Smyth CN1', email = 'jane@x.example', "
                      "updated_at = TIMESTAMP '2025-04-01 00:00:00' WHERE contact_id = ?", [edited])
    books.con.execute("UPDATE pm_customers SET last_name = 'Jones-Baker' WHERE customer_id = 2")
    found = {d.xero_id: d for d in audit(books).differences}
    assert (found[edited].category, found[edited].fields) == ("contact_edited", ("name", "email"))
    assert found[edited].detail.startswith("named 'Jane Smyth CN1' in Xero, 'Jane Smith CN1' from Pet Manager")
    assert (found[changed].category, found[changed].fields) == ("different", ("name",))


def test_a_decision_that_the_twin_is_the_same_record_pairs_them():
    books = Books()
    contact_of(books, 1, "Jane", "Smith")
    books.invoice(1, 1, "2025-03-03", "110.00", status="issued")
    hand = books.xero_invoice(books.xero_contact("Jane Smith"), "2025-03-04", "110.00", number="INV-0042")
    import queries

    books.con.execute(queries.load("resolve/schema"))
    books.con.execute("INSERT INTO duplicate_decisions VALUES (1, ?, 'invoice', 1, ?, 'same', now(), 'me', 'typed', 1)",
                      ["6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11", hand])
    assert keys(audit(books)) == {("different", "invoice", "1", hand)}  # paired; only the date differs


def test_totals_by_month_account_tax_type_and_method_name_the_differences_behind_them():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    synced(books, 1, 1, contact, "2025-03-03", "110.00")
    books.invoice(2, 1, "2025-03-20", "40.00")  # never sent
    books.payment(20, 2, "2025-03-21", "40.00", method="cash")
    found = audit(books)
    missing = {(d.kind, d.petmanager_id): i for i, d in enumerate(found.differences)}
    totals = {(t.dimension, t.key): t for t in found.totals}
    march = totals[("month", "2025-03")]
    assert (march.petmanager, march.xero, march.explained_by) == (Decimal("150.00"), Decimal("110.00"),
                                                                 (missing[("invoice", "2")],))
    assert totals[("account", "200")].explained_by == (missing[("invoice", "2")],)
    assert totals[("tax_type", "OUTPUT")].petmanager == Decimal("150.00")
    method = totals[("payment_method", "090 (bank_transfer, cash, eftpos)")]
    assert (method.petmanager, method.xero, method.explained_by) == (Decimal("150.00"), Decimal("110.00"),
                                                                    (missing[("payment", "20")],))
    assert found.balances == []  # the missing invoice and its payment cancel out


def test_receivable_balances_per_customer_at_the_end_of_the_period():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.payment(10, 1, "2025-03-04", "110.00")  # paid in Pet Manager, not in Xero
    synced(books, 2, 1, contact, "2025-04-03", "50.00", paid=False)  # after the period: not counted
    [balance] = audit(books).balances
    assert (balance.contact, balance.petmanager_id, balance.xero_id) == ("Jane Smith CN1", "1", contact)
    assert (balance.petmanager, balance.xero) == (Decimal("0.00"), Decimal("110.00"))


def test_changes_between_two_snapshots_of_each_side():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    xero_id = synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.invoice(2, 1, "2025-03-04", "20.00")
    for table in ("pm_customers", "pm_invoices", "pm_invoice_lines"):
        books.con.execute(f"INSERT INTO {table} SELECT * REPLACE (3 AS snapshot_id) FROM {table} WHERE snapshot_id = 1")
    for table in ("xero_contacts", "xero_invoices", "xero_invoice_lines"):
        books.con.execute(f"INSERT INTO {table} SELECT * REPLACE (4 AS snapshot_id) FROM {table} WHERE snapshot_id = 2")
    books.con.execute("UPDATE pm_invoices SET status = 'void', updated_at = now() WHERE snapshot_id = 3 AND invoice_id = 2")
    books.con.execute("UPDATE xero_invoices SET total = 99.00, updated_at = now() WHERE snapshot_id = 4")
    found = audit(books, snapshots=(3, 4), previous=(1, 2))
    assert {(c.side, c.kind, c.record_id, c.what) for c in found.changes} == {
        ("petmanager", "invoice", "2", "voided"), ("xero", "invoice", xero_id, "edited")}
    assert audit(books).changes == []  # no previous audit: nothing to compare with


def _refund_and_payout_tables(books: Books) -> None:
    books.con.execute("""INSERT INTO pm_refunds BY NAME SELECT 1 AS snapshot_id, 90 AS _row, 1 AS refund_id,
        'credit_note' AS source_type, 5 AS source_id, 1 AS customer_id, DATE '2025-03-12' AS refund_date,
        20.00 AS amount, 'bank_transfer' AS method, 'Goodwill' AS reference, 1 AS location_id""")
    books.con.execute("""INSERT INTO pm_stripe_payouts BY NAME SELECT 1 AS snapshot_id, 91 AS _row, 7 AS payout_id,
        DATE '2025-03-14' AS payout_date, 300.00 AS amount, 'po_1Abc' AS stripe_payout_ref, 1 AS location_id""")


def test_refunds_and_payouts_pair_by_their_keys_and_differ_like_payments():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    books.credit_note(5, 1, "2025-03-10", "20.00")
    note = books.xero_credit_note(contact, "2025-03-10", "20.00", number="CN-0005")
    _refund_and_payout_tables(books)
    refund = books.xero_payment(books.xero_invoice(contact, "2025-01-05", "1.00", number="X-1"), "2025-03-12", "20.00")
    books.con.execute("UPDATE xero_payments SET invoice_id = NULL, invoice_number = NULL, credit_note_id = ?, "
                      "payment_type = 'ARCREDITPAYMENT', status = 'DELETED' WHERE payment_id = ?", [note, refund])
    books.con.execute("INSERT INTO xero_bank_transfers (snapshot_id, tenant_id, bank_transfer_id, date, amount, reference, "
                      "from_account_code, to_account_code) VALUES (2, ?, 'bt-1', DATE '2025-03-15', 300.00, 'po_1Abc', "
                      "'091', '090')", ["6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11"])
    from dataclasses import replace

    from tests.audit.audit_books import CONFIG

    config = replace(CONFIG, mapping=replace(CONFIG.mapping, accounts={**CONFIG.mapping.accounts,
                                                                       "stripe_clearing": "091"}))
    found = {(d.category, d.kind): d for d in audit(books, config=config).differences}
    assert found[("payment_removed", "refund")].xero_id == refund
    assert found[("different", "payout")].fields == ("date",)
    assert found[("different", "payout")].xero_id == "bt-1"
    clearing = audit(books, config=config).clearing
    assert (clearing.payouts, clearing.xero_balance) == (Decimal("300.00"), Decimal("-300.00"))


def test_stripe_fee_bills_pair_by_their_key_or_the_charge_on_that_suppliers_bill():
    books = Books()
    contact = contact_of(books, 1, "Jane", "Smith")
    invoice = synced(books, 1, 1, contact, "2025-03-03", "110.00", paid=False)
    books.payment(10, 1, "2025-03-04", "110.00", method="stripe")
    books.con.execute("UPDATE pm_payments SET stripe_charge_id = 'ch_1', stripe_fee = 1.95, platform_fee = 0.55")
    books.xero_payment(invoice, "2025-03-04", "110.00")
    stripe, pet_manager = books.xero_contact("Stripe"), books.xero_contact("Pet Manager")
    books.con.execute("UPDATE xero_contacts SET group_names = ['Pet Manager Suppliers'] WHERE contact_id IN (?, ?)",
                      [stripe, pet_manager])
    books.xero_invoice(stripe, "2025-03-04", "1.95", number="PM-FEE-10", kind="ACCPAY")
    platform = books.xero_invoice(pet_manager, "2025-03-04", "0.50", number="ch_1", kind="ACCPAY")
    stray = books.xero_invoice(stripe, "2025-03-09", "3.10", number="ch_9", kind="ACCPAY")
    books.xero_invoice(books.xero_contact("Landlord"), "2025-03-01", "2000.00", number="RENT", kind="ACCPAY")
    found = audit(books)
    assert found.matched["stripe_fee"] == 1
    assert keys(found) == {("different", "stripe_fee", "10", platform), ("xero_only", "stripe_fee", None, stray)}

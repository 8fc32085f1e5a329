"""Settlement: payments, credit note and overpayment allocations, bank transactions and transfers,
contact groups."""

from __future__ import annotations

from decimal import Decimal

from xerohttp import body, errors_of, invoice

BANK = {"Code": "090"}


def payment(invoice_id: str, amount: str, account=BANK, date: str = "2024-05-02") -> dict:
    return {"Invoice": {"InvoiceID": invoice_id}, "Account": account, "Date": date, "Amount": Decimal(amount)}


def first_element(response) -> dict:
    data = body(response)
    return (data.get("Elements") or data.get("Payments") or data.get("Allocations"))[0]


def test_full_payment_marks_the_invoice_paid(xero):
    (inv,) = xero.create("Invoices", invoice(amounts=("100.00",)))
    (paid,) = xero.create("Payments", payment(inv["InvoiceID"], "60.00"), )
    assert paid["PaymentType"] == "ACCRECPAYMENT" and paid["Status"] == "AUTHORISED"
    partly = body(xero.get(f"/Invoices/{inv['InvoiceID']}"))["Invoices"][0]
    assert (partly["Status"], partly["AmountPaid"], partly["AmountDue"]) == ("AUTHORISED", Decimal("60.00"),
                                                                          Decimal("50.00"))
    xero.create("Payments", payment(inv["InvoiceID"], "50.00"))
    done = body(xero.get(f"/Invoices/{inv['InvoiceID']}"))["Invoices"][0]
    assert (done["Status"], done["AmountDue"], len(done["Payments"])) == ("PAID", Decimal("0.00"), 2)
    assert done["FullyPaidOnDate"].startswith("/Date(")


def test_payment_rules(xero):
    (draft,) = xero.create("Invoices", invoice(status="DRAFT"))
    (inv,) = xero.create("Invoices", invoice(amounts=("10.00",)))
    assert errors_of(first_element(xero.put("/Payments", payment(draft["InvoiceID"], "1.00")))) == [
        "Payments can only be made against Authorised documents"]
    assert errors_of(first_element(xero.put("/Payments", payment(inv["InvoiceID"], "11.01")))) == [
        "Payment amount exceeds the amount outstanding on this document"]
    sales_account = first_element(xero.put("/Payments", payment(inv["InvoiceID"], "1.00", {"Code": "200"})))
    assert "bank accounts" in errors_of(sales_account)[0]
    assert errors_of(first_element(xero.put("/Payments", payment(inv["InvoiceID"], "1.00", {"Code": "nope"})))) == [
        "Account could not be found"]
    clearing = xero.put("/Payments", payment(inv["InvoiceID"], "1.00", {"Code": "630"}))  # payments enabled
    assert clearing.status_code == 200


def test_deleting_a_payment_reopens_the_invoice_and_voiding_needs_no_payments(xero):
    (inv,) = xero.create("Invoices", invoice(amounts=("10.00",)))
    (paid,) = xero.create("Payments", payment(inv["InvoiceID"], "11.00"))
    url = f"/Invoices/{inv['InvoiceID']}"
    assert body(xero.get(url))["Invoices"][0]["Status"] == "PAID"
    assert xero.post(url, {"Status": "VOIDED"}).status_code == 400
    deleted = xero.post(f"/Payments/{paid['PaymentID']}", {"Status": "DELETED"})
    assert body(deleted)["Payments"][0]["Status"] == "DELETED"
    reopened = body(xero.get(url))["Invoices"][0]
    assert (reopened["Status"], reopened["AmountDue"], reopened["Payments"]) == ("AUTHORISED", Decimal("11.00"), [])
    assert xero.post(url, {"Status": "VOIDED"}).status_code == 200


def test_void_refused_while_partly_paid(xero):
    (inv,) = xero.create("Invoices", invoice(amounts=("10.00",)))
    xero.create("Payments", payment(inv["InvoiceID"], "5.00"))
    response = xero.post(f"/Invoices/{inv['InvoiceID']}", {"Status": "VOIDED"})
    assert errors_of(first_element(response)) == [
        "This document cannot be edited as it has a payment or credit note allocated to it."]


def credit_note(amount: str, contact: str = "Happy Tails") -> dict:
    return {"Type": "ACCRECCREDIT", "Contact": {"Name": contact}, "Status": "AUTHORISED", "Date": "2024-05-03",
            "LineItems": [{"Description": "Refund", "Quantity": 1, "UnitAmount": Decimal(amount),
                           "AccountCode": "200"}]}


def test_credit_note_allocation_limits_and_settlement(xero):
    (inv,) = xero.create("Invoices", invoice(amounts=("20.00",)))  # 22.00 due
    (credit,) = xero.create("CreditNotes", credit_note("30.00"))  # 33.00 credit
    assert credit["CreditNoteNumber"] == "CN-0001" and credit["RemainingCredit"] == Decimal("33.00")
    url = f"/CreditNotes/{credit['CreditNoteID']}/Allocations"
    too_much = xero.put(url, {"Allocations": [{"Invoice": {"InvoiceID": inv["InvoiceID"]}, "Amount": 23,
                                               "Date": "2024-05-04"}]})
    assert too_much.status_code == 400
    assert errors_of(first_element(too_much)) == ["The amount allocated exceeds the amount due on the invoice"]
    done = xero.put(url, {"Allocations": [{"Invoice": {"InvoiceID": inv["InvoiceID"]}, "Amount": 22,
                                           "Date": "2024-05-04"}]})
    assert done.status_code == 200, done.text
    settled = body(xero.get(f"/Invoices/{inv['InvoiceID']}"))["Invoices"][0]
    assert (settled["Status"], settled["AmountCredited"], settled["AmountDue"]) == (
        "PAID", Decimal("22.00"), Decimal("0.00"))
    remaining = body(xero.get(f"/CreditNotes/{credit['CreditNoteID']}"))["CreditNotes"][0]
    assert remaining["RemainingCredit"] == Decimal("11.00") and remaining["Status"] == "AUTHORISED"
    (other,) = xero.create("Invoices", invoice(amounts=("100.00",)))
    over_credit = xero.put(url, {"Allocations": [{"Invoice": {"InvoiceID": other["InvoiceID"]}, "Amount": 12}]})
    assert errors_of(first_element(over_credit)) == ["The amount allocated exceeds the remaining credit"]


def test_overpayment_from_a_bank_transaction_allocated_to_an_invoice(xero):
    (inv,) = xero.create("Invoices", invoice(amounts=("10.00",)))
    (transaction,) = xero.create("BankTransactions", {
        "Type": "RECEIVE-OVERPAYMENT", "Contact": {"Name": "Happy Tails"}, "BankAccount": BANK,
        "Date": "2024-05-05", "LineItems": [{"Description": "Overpaid", "LineAmount": Decimal("50.00")}]})
    overpayment = body(xero.get(f"/Overpayments/{transaction['OverpaymentID']}"))["Overpayments"][0]
    assert (overpayment["Type"], overpayment["RemainingCredit"]) == ("RECEIVE-OVERPAYMENT", Decimal("50.00"))
    allocated = xero.put(f"/Overpayments/{overpayment['OverpaymentID']}/Allocations",
                         {"Allocations": [{"Invoice": {"InvoiceID": inv["InvoiceID"]}, "Amount": 11,
                                           "Date": "2024-05-06"}]})
    assert allocated.status_code == 200, allocated.text
    assert body(xero.get(f"/Invoices/{inv['InvoiceID']}"))["Invoices"][0]["Status"] == "PAID"
    left = body(xero.get(f"/Overpayments/{overpayment['OverpaymentID']}"))["Overpayments"][0]
    assert left["RemainingCredit"] == Decimal("39.00")


def test_spend_money_and_bank_transfer(xero):
    (spend,) = xero.create("BankTransactions", {
        "Type": "SPEND", "Contact": {"Name": "Stripe"}, "BankAccount": BANK, "Date": "2024-05-05",
        "LineItems": [{"Description": "Fees", "UnitAmount": Decimal("2.95"), "AccountCode": "404"}]})
    assert spend["Total"] == Decimal("2.95") and spend["Status"] == "AUTHORISED"
    (transfer,) = xero.create("BankTransfers", {"FromBankAccount": {"Code": "090"}, "ToBankAccount": {"Code": "091"},
                                                "Amount": Decimal("100.00"), "Date": "2024-05-06"})
    assert transfer["Amount"] == Decimal("100.00") and transfer["FromBankAccount"]["Code"] == "090"
    same = xero.put("/BankTransfers", {"FromBankAccount": {"Code": "090"}, "ToBankAccount": {"Code": "090"},
                                       "Amount": 1})
    assert same.status_code == 400


def test_contact_groups_and_members(xero):
    (group,) = xero.create("ContactGroups", {"Name": "Boarding"})
    (contact,) = xero.create("Contacts", {"Name": "Happy Tails"})
    added = xero.put(f"/ContactGroups/{group['ContactGroupID']}/Contacts",
                     {"Contacts": [{"ContactID": contact["ContactID"]}]})
    assert added.status_code == 200, added.text
    shown = body(xero.get(f"/ContactGroups/{group['ContactGroupID']}"))["ContactGroups"][0]
    assert [m["ContactID"] for m in shown["Contacts"]] == [contact["ContactID"]]
    member = body(xero.get(f"/Contacts/{contact['ContactID']}"))["Contacts"][0]
    assert member["ContactGroups"][0]["Name"] == "Boarding"


def test_items_fill_invoice_lines(xero):
    xero.create("Items", {"Code": "NIGHT", "Name": "Boarding night",
                          "SalesDetails": {"UnitPrice": Decimal("55.00"), "AccountCode": "200", "TaxType": "OUTPUT"}})
    element = invoice()
    element["LineItems"] = [{"ItemCode": "NIGHT", "Quantity": 2}]
    (created,) = xero.create("Invoices", element)
    assert created["Total"] == Decimal("121.00")
    assert xero.put("/Items", {"Code": "NIGHT"}).status_code == 400


def test_payment_by_invoice_number_and_bill_payment_type(xero):
    xero.create("Invoices", invoice(InvoiceNumber="PM-77"))
    (paid,) = xero.create("Payments", {"Invoice": {"InvoiceNumber": "PM-77"}, "Account": BANK,
                                       "Amount": Decimal("1.00"), "Date": "2024-05-02"})
    assert paid["Invoice"]["InvoiceNumber"] == "PM-77"
    bill = invoice(Type="ACCPAY")
    bill["LineItems"][0]["AccountCode"] = "429"
    (created,) = xero.create("Invoices", bill)
    (bill_payment,) = xero.create("Payments", payment(created["InvoiceID"], "11.00"))
    assert bill_payment["PaymentType"] == "ACCPAYPAYMENT"


def test_refund_of_a_credit_note(xero):
    (credit,) = xero.create("CreditNotes", credit_note("10.00"))
    (refund,) = xero.create("Payments", {"CreditNote": {"CreditNoteID": credit["CreditNoteID"]}, "Account": BANK,
                                         "Amount": Decimal("11.00"), "Date": "2024-05-04"})
    assert refund["PaymentType"] == "ARCREDITPAYMENT"
    refunded = body(xero.get(f"/CreditNotes/{credit['CreditNoteID']}"))["CreditNotes"][0]
    assert (refunded["Status"], refunded["RemainingCredit"]) == ("PAID", Decimal("0.00"))


def test_deleting_a_bank_transaction(xero):
    (spend,) = xero.create("BankTransactions", {
        "Type": "SPEND", "Contact": {"Name": "Stripe"}, "BankAccount": BANK,
        "LineItems": [{"Description": "Fees", "UnitAmount": Decimal("2.95"), "AccountCode": "404"}]})
    deleted = xero.post(f"/BankTransactions/{spend['BankTransactionID']}", {"Status": "DELETED"})
    assert body(deleted)["BankTransactions"][0]["Status"] == "DELETED"


def test_removing_a_contact_from_a_group(xero):
    (group,) = xero.create("ContactGroups", {"Name": "Daycare"})
    (contact,) = xero.create("Contacts", {"Name": "Rex"})
    url = f"/ContactGroups/{group['ContactGroupID']}/Contacts"
    xero.put(url, {"Contacts": [{"ContactID": contact["ContactID"]}]})
    assert xero.request("DELETE", f"{url}/{contact['ContactID']}").status_code == 204
    assert body(xero.get(f"/ContactGroups/{group['ContactGroupID']}"))["ContactGroups"][0]["Contacts"] == []


def test_new_account_and_unique_code(xero):
    (account,) = xero.create("Accounts", {"Code": "205", "Name": "Grooming", "Type": "REVENUE", "TaxType": "OUTPUT"})
    assert account["Class"] == "REVENUE" and account["Status"] == "ACTIVE"
    assert xero.put("/Accounts", {"Code": "205", "Name": "Again", "Type": "REVENUE"}).status_code == 400


def test_four_decimal_unit_amounts_need_unitdp(xero):
    element = invoice()
    element["LineItems"][0].update(Quantity=27, UnitAmount=Decimal("45.4545"))
    (rounded,) = xero.create("Invoices", element)
    assert rounded["LineItems"][0]["UnitAmount"] == Decimal("45.45")
    kept = body(xero.put("/Invoices", element, params={"unitdp": "4"}))["Invoices"][0]
    assert kept["LineItems"][0]["UnitAmount"] == Decimal("45.4545")
    assert kept["LineItems"][0]["LineAmount"] == Decimal("1227.27")

"""Writing the organisation's reference data: accounts, items, contact groups and their members."""

from __future__ import annotations

import copy

from sync.sandbox import complete, rules
from sync.sandbox.complete import ACCOUNT_CLASSES
from sync.sandbox.state import parse_dates
from sync.sandbox.writes import Outcome, WriteContext


def save_account(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = parse_dates(element)
    existing = org.get("Accounts", element.get("AccountID"))
    account = {**copy.deepcopy(existing), **element} if existing else element
    errors = []
    if not account.get("Code"):
        errors.append("Please enter a code for the account")
    holder = org.find("account_code", account.get("Code"))
    if holder and holder.lower() != str(account.get("AccountID", "")).lower():
        errors.append("Please enter a unique Code.")
    if account.get("Type") not in ACCOUNT_CLASSES:
        errors.append(f"Account type '{account.get('Type')}' is not valid")
    if account.get("TaxType") and account["TaxType"] not in org.tax_rates():
        errors.append(f"The TaxType code '{account['TaxType']}' does not exist")
    if not account.get("Name"):
        errors.append("Please enter a name for the account")
    if errors:
        return Outcome(account, errors)
    complete.complete_account(account, ctx.now)
    account["UpdatedDateUTC"] = ctx.now
    org.put("Accounts", account)
    return Outcome(account)


def save_item(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    element = parse_dates(element)
    existing = org.get("Items", element.get("ItemID"))
    if existing is None and ctx.method == "POST":
        existing = org.get("Items", org.find("item_code", element.get("Code")))
    item = {**copy.deepcopy(existing), **element} if existing else element
    errors = []
    if not item.get("Code"):
        errors.append("Item code must be specified")
    holder = org.find("item_code", item.get("Code"))
    if holder and holder.lower() != str(item.get("ItemID", "")).lower():
        errors.append(f"Item code '{item['Code']}' already exists")
    for details in ("SalesDetails", "PurchaseDetails"):
        lines = [item[details]] if isinstance(item.get(details), dict) else []
        errors += rules.line_errors(org, lines, need_account=False)
    if errors:
        return Outcome(item, errors)
    complete.complete_item(item, ctx.now)
    item["UpdatedDateUTC"] = ctx.now
    org.put("Items", item)
    return Outcome(item)


def save_contact_group(ctx: WriteContext, element: dict) -> Outcome:
    org = ctx.org
    existing = org.get("ContactGroups", element.get("ContactGroupID"))
    if element.get("ContactGroupID") and existing is None:
        return Outcome(element, ["Contact group could not be found"])
    group = {**copy.deepcopy(existing), **element} if existing else dict(element)
    errors = []
    if not group.get("Name"):
        errors.append("Contact group name must be specified")
    holder = org.find("contact_group_name", group.get("Name"))
    if holder and holder.lower() != str(group.get("ContactGroupID", "")).lower() \
            and group.get("Status", "ACTIVE") == "ACTIVE":
        errors.append("The contact group name must be unique")
    if errors:
        return Outcome(group, errors)
    complete.complete_contact_group(group, ctx.now)
    org.put("ContactGroups", group)
    return Outcome(group)


def group_member_saver(group_id: str):
    """A saver adding contacts to one contact group (PUT /ContactGroups/{id}/Contacts)."""

    def add_member(ctx: WriteContext, element: dict) -> Outcome:
        org = ctx.org
        group = org.get("ContactGroups", group_id)
        contact = org.get("Contacts", element.get("ContactID"))
        if contact is None:
            return Outcome(element, ["Contact could not be found"])
        if all(member["ContactID"] != contact["ContactID"] for member in group["Contacts"]):
            group["Contacts"].append({"ContactID": contact["ContactID"], "Name": contact["Name"]})
            org.put("ContactGroups", group)
            contact["ContactGroups"] = contact["ContactGroups"] + [
                {"ContactGroupID": group["ContactGroupID"], "Name": group["Name"], "Status": group["Status"]}]
            contact["UpdatedDateUTC"] = ctx.now
            org.put("Contacts", contact)
        return Outcome({"ContactID": contact["ContactID"], "Name": contact["Name"]})

    return add_member


def remove_member(ctx: WriteContext, group_id: str, contact_id: str) -> bool:
    org = ctx.org
    group = org.get("ContactGroups", group_id)
    contact = org.get("Contacts", contact_id)
    if group is None or contact is None:
        return False
    group["Contacts"] = [m for m in group["Contacts"] if m["ContactID"] != contact["ContactID"]]
    org.put("ContactGroups", group)
    contact["ContactGroups"] = [g for g in contact["ContactGroups"] if g["ContactGroupID"] != group["ContactGroupID"]]
    contact["UpdatedDateUTC"] = ctx.now
    org.put("Contacts", contact)
    return True

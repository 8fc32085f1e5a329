"""Where a Xero invoice or credit note differs from what recon sends for Pet Manager's document
(sync/payloads/invoice.py, credit_note.py): its date, due date, whether amounts include tax, and its
lines — each line's description, quantity, account, tax type, tracking and line amount, in order.

Line amounts, not unit prices, are compared: Xero sends unit prices rounded to 2 decimals unless it
is asked for 4 (`unitdp=4`), while the line amount (quantity times unit price, less the discount,
rounded to the cent: sync/xero_tax.py) is the same either way. The total follows from the lines
and their tax types; the planner compares it too, with Pet Manager's total.

    differences(payload, xero_document) -> [("date", "2025-03-01 in Xero, 2025-03-04 in Pet Manager"), ...]
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sync import xero_tax
from sync.xero import parse_date

DATE_FIELDS = (("Date", "date"), ("DueDate", "due date"))


def differences(payload: dict, document: dict, *, total: Decimal | None = None) -> list[tuple[str, str]]:
    """(what in words, what each side holds) for everything of `payload` that `document` (Xero's JSON
    of the document) does not hold the same; `total`: Pet Manager's total, compared with Xero's."""
    found = []
    if total is not None and _money(document.get("Total")) != total:
        found.append(("total", _sides(f"{_money(document.get('Total')):.2f}", f"{total:.2f}")))
    for field, words in DATE_FIELDS:
        if field in payload and _day(payload[field]) != _day(document.get(field + "String") or document.get(field)):
            found.append((words, _sides(_day(document.get(field + "String") or document.get(field)),
                                        _day(payload[field]))))
    if "LineAmountTypes" in payload and payload["LineAmountTypes"] != document.get("LineAmountTypes"):
        found.append(("amounts", _sides(document.get("LineAmountTypes"), payload["LineAmountTypes"])))
    if "LineItems" in payload:
        ours = [_line(line, sent=True) for line in payload["LineItems"]]
        theirs = [_line(line, sent=False) for line in document.get("LineItems") or []]
        if ours != theirs:
            found.append(("lines", _lines_difference(theirs, ours)))
    return found


def _line(line: dict, *, sent: bool) -> tuple:
    quantity = _money(line.get("Quantity", 1))
    if sent:
        amount = xero_tax.line_amount(quantity, _money(line.get("UnitAmount")), _money(line.get("DiscountRate")))
    else:
        amount = _money(line.get("LineAmount"))
    tracking = tuple(sorted((str(option.get("Name", "")).lower(), str(option.get("Option", "")).lower())
                            for option in line.get("Tracking") or []))
    return (" ".join(str(line.get("Description") or "").split()), quantity.normalize(), amount,
            str(line.get("AccountCode") or ""), str(line.get("TaxType") or ""), tracking)


def _lines_difference(theirs: list[tuple], ours: list[tuple]) -> str:
    """The first line that differs when both have as many, else the lines' amounts on each side."""
    if len(theirs) == len(ours):
        number = next(number for number, (xero, sent) in enumerate(zip(theirs, ours), start=1) if xero != sent)
        return f"line {number}: " + _sides(_line_words(theirs[number - 1]), _line_words(ours[number - 1]))
    return _sides(_lines_words(theirs), _lines_words(ours))


def _line_words(line: tuple) -> str:
    """`'Nail clip' 3 for 60.00`"""
    description, quantity, amount = line[:3]
    return f"'{description}' {quantity} for {amount:.2f}"


def _lines_words(lines: list[tuple]) -> str:
    """`2 line(s) of 280.00, 60.00`"""
    if not lines:
        return "no lines"
    return f"{len(lines)} line(s) of " + ", ".join(f"{amount:.2f}" for _, _, amount, *_ in lines)


def _money(value) -> Decimal:
    return Decimal(0) if value in (None, "") else Decimal(str(value))


def _day(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value))


def _sides(xero, petmanager) -> str:
    return f"{xero} in Xero, {petmanager} in Pet Manager"

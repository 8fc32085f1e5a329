"""Line items of a sales document (invoice or credit note), and the rounding line that makes
Xero's total, computed per line (sync/xero_tax.py), equal Pet Manager's, computed on the total."""

from __future__ import annotations

from decimal import Decimal

from sync import xero_tax
from sync.payloads.cells import decimal


def line_items(lines: list[dict], *, total: Decimal, amounts_include_tax: bool, mapping: dict,
               tax_rates: dict[str, Decimal], location_name: str, rounding_tax_type: str) -> list[dict]:
    """The document's lines in Pet Manager's order, plus one rounding line when Xero's total would
    miss `total`. `tax_rates` maps the organisation's TaxTypes to their EffectiveRate (percent);
    `rounding_tax_type` must carry no tax (e.g. BASEXCLUDED, or NONE)."""
    items = [_line_item(line, mapping, location_name)
             for line in sorted(lines, key=lambda line: int(line["line_number"]))]
    predicted = xero_tax.xero_total(
        ((xero_tax.line_amount(item["Quantity"], item["UnitAmount"], item.get("DiscountRate", Decimal(0))),
          _rate(tax_rates, item["TaxType"])) for item in items),
        amounts_include_tax,
    )
    if predicted != total:
        if tax_rates.get(rounding_tax_type, Decimal(0)) != 0:
            raise ValueError(f"the rounding line's tax type {rounding_tax_type} carries tax")
        items.append({
            "Description": "Rounding",
            "Quantity": Decimal(1),
            "UnitAmount": total - predicted,
            "AccountCode": mapping["accounts"]["rounding"],
            "TaxType": rounding_tax_type,
        })
    return items


def _line_item(line: dict, mapping: dict, location_name: str) -> dict:
    area_type = line.get("area_type", "")
    item = {
        "Description": line["description"],
        "Quantity": decimal(line["quantity"]),
        "UnitAmount": decimal(line["unit_price"]),
    }
    discount = decimal(line.get("discount_percent", ""))
    if discount:
        item["DiscountRate"] = discount
    item["AccountCode"] = _account(line["item_code"], area_type, mapping)
    if line["tax_code"] not in mapping["tax"]:
        raise ValueError(f"no Xero tax type mapped for tax_code {line['tax_code']!r}")
    item["TaxType"] = mapping["tax"][line["tax_code"]]
    tracking = mapping.get("tracking", {})
    options = []
    if tracking.get("area_types") and area_type:
        options.append({"Name": tracking["area_types"], "Option": area_type})
    if tracking.get("locations"):
        options.append({"Name": tracking["locations"], "Option": location_name})
    if options:
        item["Tracking"] = options
    return item


def _account(item_code: str, area_type: str, mapping: dict) -> str:
    if item_code in mapping["items"]:
        return mapping["items"][item_code]
    if area_type in mapping["area_types"]:
        return mapping["area_types"][area_type]
    raise ValueError(f"no account mapped for item_code {item_code!r} or area_type {area_type!r}")


def _rate(tax_rates: dict[str, Decimal], tax_type: str) -> Decimal:
    if tax_type not in tax_rates:
        raise ValueError(f"the organisation has no tax rate {tax_type}")
    return tax_rates[tax_type]

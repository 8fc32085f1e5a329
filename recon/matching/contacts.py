"""Contacts: Pet Manager's customers against the organisation's Xero contacts.

Contacts are not dated: every customer is checked. A Xero contact is the twin of one customer at
most (its best), while one customer may have several hand-made twins (created twice).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from recon.check.findings import Duplicate
from recon.matching import model, names, sql
from recon.matching.links import Links
from recon.matching.surnames import COMMON_GIVEN_SHARE, COMMON_SHARE

W = model.CONTACT_BITS
MAX_BLOCK_PAIRS = 5_000
FAMILY_SIMILARITY = 0.88  # Jaro-Winkler: "Smyth" for "Smith" passes, "Jones" does not


@dataclass(frozen=True)
class ContactPair:
    customer_id: int
    contact_id: str
    weight: float
    name_strong: bool  # full name (or company) agrees
    detail_agrees: bool  # an unshared email or phone, or the street, agrees
    active: bool  # archived contacts are not live duplicates, but still tell whose invoices are whose
    reasons: tuple[str, ...]


def match_contacts(con: duckdb.DuckDBPyConnection, *, pm_snapshot: int, xero_snapshot: int,
                   tenant_id: str) -> tuple[Links, list[Duplicate]]:
    sql.run(con, "contact_pm", pm_snapshot=pm_snapshot)
    sql.run(con, "contact_xero", xero_snapshot=xero_snapshot, tenant_id=tenant_id)
    sql.run(con, "contact_links")
    links = Links(sql.arrow(con, "contact_link_rows", tenant_id=tenant_id))
    candidates = sql.rows(con, "contact_candidates", max_block_pairs=MAX_BLOCK_PAIRS,
                          family_similarity=FAMILY_SIMILARITY)
    best = _best_per_contact([score(row) for row in candidates])
    duplicates, resolved = [], []
    for contact_id, (top, runner_up) in best.items():
        weight = top.weight
        certain = top.name_strong and top.detail_agrees and weight - runner_up >= model.CERTAIN_MARGIN_BITS
        tier = model.tier(weight, certain)
        if tier is None:
            continue
        if runner_up == weight:  # two customers fit equally well: a person must choose
            tier = "possible"
        resolved.append((contact_id, top.customer_id, tier))
        if top.active:
            duplicates.append(Duplicate("contact", top.customer_id, contact_id, tenant_id,
                                        model.confidence(weight), tier, top.reasons))
    _store_resolved(con, resolved)
    return links, duplicates


def _best_per_contact(scored: list[ContactPair]) -> dict[str, tuple[ContactPair, float]]:
    """Each contact's best customer and the runner-up's weight."""
    ranked: dict[str, list[ContactPair]] = {}
    for s in scored:
        ranked.setdefault(s.contact_id, []).append(s)
    best = {}
    for contact_id, options in ranked.items():
        options.sort(key=lambda s: (-s.weight, s.customer_id))
        runner_up = options[1].weight if len(options) > 1 else -math.inf
        best[contact_id] = (options[0], runner_up)
    return best


def _store_resolved(con: duckdb.DuckDBPyConnection, twins: list[tuple[str, int, str]]) -> None:
    table = pa.table({
        "contact_id": pa.array([t[0] for t in twins], pa.string()),
        "customer_id": pa.array([t[1] for t in twins], pa.int64()),
        "level": pa.array([t[2] for t in twins], pa.string()),
    })
    con.register("resolved_contact_twins", table)
    try:
        sql.run(con, "contact_resolved")
    finally:
        con.unregister("resolved_contact_twins")


def score(row: dict) -> ContactPair:
    """The match weight of one (customer, contact) pair, with the reasons in words."""
    name_bits, name_strong, name_reason = _name_evidence(row)
    email_bits, email_reason, email_unique = _shared_value(
        "email", row["email_shared"], row["email_key"], row["xero_email_key"], W["email_same"], W["email_differ"],
        row["xero_email"])
    phone_bits, phone_reason, phone_unique = _shared_value(
        "phone", row["phone_shared"], row["phone_keys"] or None, row["xero_phone_keys"] or None,
        W["phone_same"], W["phone_differ"], ", ".join(row["xero_phones"] or []))
    street_bits, street_reason, street_same = _street(row)
    evidence = [(name_bits, name_reason), (email_bits, email_reason), (phone_bits, phone_reason),
                (street_bits, street_reason), _suburb(row, street_same)]
    weight = model.CONTACT_PRIOR_BITS + sum(bits for bits, _ in evidence)
    return ContactPair(row["customer_id"], row["contact_id"], weight, name_strong,
                  email_unique or phone_unique or street_same, row["contact_status"] in (None, "ACTIVE"),
                  tuple(text for _, text in sorted(evidence, key=lambda e: -e[0]) if text))


def _display(row: dict) -> str:
    person = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
    return row["company_name"] if row["company_name"] and not person else person


def _name_evidence(row: dict) -> tuple[float, bool, str]:
    xero_name = row["xero_name"] or ""
    shown = f"contact '{xero_name}' vs {_display(row)} CN{row['customer_id']}"
    options: list[tuple[float, bool, str]] = []
    if row["last_name"] or row["first_name"]:
        options.append(_person_bits(row, shown))
    if row["company_name"]:
        level = names.compare_company(row["company_name"], xero_name)
        bits = {"exact": W["company_exact"], "fuzzy": W["company_fuzzy"], "differ": W["company_differ"]}[level]
        words = {"exact": "same company name", "fuzzy": "similar company name", "differ": "different company name"}
        options.append((bits, level == "exact", f"{shown} ({words[level]})"))
    return max(options, key=lambda o: o[0])


def _person_bits(row: dict, shown: str) -> tuple[float, bool, str]:
    match = names.compare_person(row["first_name"], row["last_name"], row["xero_name"] or "")
    family_share = max(row["family_count"] / max(row["customer_count"], model.FREQUENCY_FLOOR),
                       COMMON_SHARE.get(row["family_key"] or "", 0.0))
    family_exact = min(max(math.log2(W["family_m"] / family_share), W["family_min"]), W["family_max"])
    given_share = max(row["given_count"] / max(row["customer_count"], model.FREQUENCY_FLOOR),
                      COMMON_GIVEN_SHARE.get(row["given_key"] or "", 0.0))
    given_exact = min(max(math.log2(W["given_m"] / given_share), W["given_min"]), W["given_max"])
    bits = {
        "exact": family_exact, "fuzzy": max(family_exact - W["family_fuzzy_penalty"], W["family_min"]),
        "differ": W["family_differ"], "missing": 0.0,
    }[match.family] + {
        "exact": given_exact, "initial": W["given_initial"], "fuzzy": W["given_fuzzy"],
        "differ": W["given_differ"], "missing": 0.0,
    }[match.given]
    notes = []
    if match.family == "exact":
        notes.append("same family name" + (", a rare one" if family_exact >= 9.5 else ", a common one" if family_exact < 7.5 else ""))
    elif match.family == "fuzzy":
        notes.append("family name misspelt")
    elif match.family == "differ":
        notes.append("different family name")
    notes.append({"exact": "same given name", "initial": "given name as an initial", "fuzzy": "given name shortened or misspelt",
                  "differ": "different given name", "missing": "no given name"}[match.given])
    if match.comma:
        notes.append("written family name first")
    elif match.swapped:
        notes.append("names swapped")
    strong = match.family == "exact" and match.given in ("exact", "fuzzy")
    return bits, strong, f"{shown} ({', '.join(notes)})"


def _shared_value(what: str, shared: int | None, ours, theirs, same_bits: float, differ_bits: float,
                  shown: str) -> tuple[float, str, bool]:
    """Agreement on an email or phone, less log2 of how many customers share it."""
    if shared:
        note = f", shared by {shared} customers" if shared > 1 else ""
        return same_bits - math.log2(shared), f"same {what} {shown}{note}", shared == 1
    if ours and theirs:
        return differ_bits, f"different {what} ({shown})", False
    return 0.0, "", False


def _suburb(row: dict, street_same: bool) -> tuple[float, str]:
    suburb = names.text(row["suburb"])
    if not suburb:
        return 0.0, ""
    if names.aside(row["xero_name"]) == suburb:
        return W["suburb_in_name"], f"suburb {row['suburb']} written into the name"
    if not street_same and names.text(row["xero_city"]) == suburb:
        return W["suburb_same"], f"same suburb {row['suburb']}"
    return 0.0, ""


def _street(row: dict) -> tuple[float, str, bool]:
    shown = ", ".join(p for p in (row["xero_address_line1"], row["xero_city"], row["xero_postal_code"]) if p)
    if row["street_shared"]:
        note = f", shared by {row['street_shared']} customers" if row["street_shared"] > 1 else ""
        return W["street_same"] - math.log2(row["street_shared"]), f"same street address {shown}{note}", True
    if row["street_key"] and row["xero_street_key"]:
        if row["postcode_key"] == row["xero_postcode_key"]:
            return W["postcode_same"], f"same postcode {row['xero_postal_code']}, different street", False
        return W["street_differ"], f"different address ({shown})", False
    return 0.0, "", False

"""Pet Manager works in one currency (business.json); everything it pushes is in that currency.
An organisation whose base currency differs would book every document as foreign currency."""

from __future__ import annotations

from recon.check.findings import Problem
from recon.problems.organisation import Business, Organisation


def currency_problems(business: Business | None, organisation: Organisation | None, tenant_id: str) -> list[Problem]:
    if business is None or organisation is None or business.currency == organisation.base_currency:
        return []
    return [Problem(
        "currency", True,
        f"Pet Manager's business '{business.name}' works in {business.currency} but the Xero organisation "
        f"'{organisation.name}' keeps its books in {organisation.base_currency}: every document would be pushed "
        f"in a foreign currency. Connect the organisation that keeps the books in {business.currency}.",
        tenant_id=tenant_id,
    )]

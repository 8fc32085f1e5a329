"""Audit results for the report tests, built from recon.audit.result's dataclasses: a kennel business
one month after its back-sync, whose bookkeeper has voided, edited and typed a few things in Xero."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from recon.audit.result import (
    CATEGORIES,
    AuditResult,
    AuditRun,
    Balance,
    Change,
    Clearing,
    Difference,
    TotalRow,
    TrendPoint,
)

ORG = "Happy Tails Pty Ltd"
SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA = "=SUM(A1)"
STARTED = datetime(2026, 11, 1, 6, 0, tzinfo=timezone.utc)
PREVIOUS = datetime(2026, 10, 1, 6, 0, tzinfo=timezone.utc)
GENERATED = datetime(2026, 11, 1, 6, 1, tzinfo=timezone.utc)


def run(*, run_id: int = 7, previous_run_id: int | None = 6) -> AuditRun:
    return AuditRun(run_id=run_id, tenant_id="6f1c0f5e-8a43-4b6e-9d0a-3c3f6d1b2a11", organisation=ORG,
                    period_from=date(2026, 10, 1), period_to=date(2026, 10, 31), started_at=STARTED,
                    petmanager_snapshot=41, xero_snapshot=42, previous_run_id=previous_run_id)


def differences(*, contact: str = "Jane Smith") -> list[Difference]:
    """One of each category: indexes 0..6 (D1..D7)."""
    return [
        Difference("different", "invoice", "10452", "9b2c-0001", "INV10452", contact, date(2026, 10, 3),
                   Decimal("120.00"), Decimal("110.00"), fields=("amount", "lines"),
                   detail="total 120.00 in Pet Manager, 110.00 in Xero", first_seen=STARTED),
        Difference("missing_in_xero", "payment", "8812", None, "PM-PAY-8812", "Tom O'Brien", date(2026, 10, 9),
                   Decimal("385.00"), None, why="failed write: Payment amount exceeds the amount due",
                   first_seen=PREVIOUS),
        Difference("xero_only", "invoice", None, "9b2c-0003", "INV-0042", "Smith, Jane", date(2026, 10, 12),
                   None, Decimal("55.00"), detail="typed in Xero; no Pet Manager invoice", first_seen=STARTED),
        Difference("voided_in_xero", "invoice", "10460", "9b2c-0004", "INV10460", "Ann Lee", date(2026, 10, 14),
                   Decimal("240.00"), Decimal("240.00"), fields=("status",), detail="VOIDED in Xero, unpaid in Pet Manager",
                   first_seen=STARTED),
        Difference("payment_removed", "payment", "8830", "7a1d-0005", "PM-PAY-8830", "Ann Lee", date(2026, 10, 15),
                   Decimal("240.00"), None, detail="deleted in Xero while reconciling the bank", first_seen=STARTED),
        Difference("contact_edited", "contact", "812", "0d5e-0006", "CN812", "Joanna Papadopoulos", None,
                   None, None, fields=("contact",), detail="email jo@example.com in Pet Manager, jo@work.example in Xero",
                   first_seen=PREVIOUS),
        Difference("new_duplicate", "invoice", "10470", "9b2c-0007", "INV-0050", contact, date(2026, 10, 20),
                   Decimal("99.95"), Decimal("99.95"), detail=f"hand-typed copy of INV10470 ({FORMULA})",
                   first_seen=STARTED),
    ]


def audit_result(*, contact: str = "Jane Smith", extra: int = 0, spread: bool = False, changes: int = 3,
                 balances: int = 2, runs: int = 6) -> AuditResult:
    """The seven differences above, then `extra` more (D8 onwards) of category "different", or of every
    category in turn when `spread`; `runs` earlier audits (run 7 is this one, run 6 the previous)."""
    found = differences(contact=contact)
    categories = list(CATEGORIES) if spread else ["different"]
    for n in range(extra):
        found.append(Difference(categories[n % len(categories)], "invoice", str(20000 + n), f"aa00-{n}", f"INV{20000 + n}", f"Customer {n}",
                                date(2026, 10, 1) + timedelta(days=n % 31), Decimal("10.00") + n % 100,
                                Decimal("10.00"), fields=("amount",), detail=f"total differs by {n % 100}.00",
                                first_seen=PREVIOUS))
    everything = tuple(range(len(found)))
    return AuditResult(
        run=run(),
        matched={"invoice": 1532, "payment": 1480, "contact": 310},
        differences=found,
        totals=[
            TotalRow("month", "2026-09", Decimal("48210.50"), Decimal("48210.50")),
            TotalRow("month", "2026-10", Decimal("51032.15"), Decimal("50677.10"), explained_by=everything),
            TotalRow("account", "200", Decimal("45000.00"), Decimal("44645.00"), explained_by=(0, 2, 3)),
            TotalRow("account", "260", Decimal("6032.15"), Decimal("6032.10"), explained_by=()),
            TotalRow("tax_type", "OUTPUT", Decimal("4639.29"), Decimal("4606.99"), explained_by=(0,)),
            TotalRow("payment_method", "stripe", Decimal("30100.00"), Decimal("29715.00"), explained_by=(1,)),
        ],
        balances=[Balance(contact, "17", "c0-17", Decimal("120.00"), Decimal("110.00"))]
        + [Balance(f"Customer {n}", str(100 + n), f"c0-{n}", Decimal("50.00"), Decimal("40.00") + n)
           for n in range(balances - 1)],
        clearing=Clearing("801", Decimal("30100.00"), Decimal("526.75"), Decimal("28000.00"), Decimal("1188.25")),
        changes=[Change("xero", "invoice", "9b2c-0004", "INV10460", "voided", "voided on 14 Oct 2026")]
        + [Change("petmanager", "invoice", str(10500 + n), f"INV{10500 + n}", "new", f"{contact} boarding")
           for n in range(changes - 1)],
        trend=[TrendPoint(run_id, PREVIOUS - timedelta(days=30 * (6 - run_id)), 10 + run_id, Decimal("100.00") * run_id)
               for run_id in range(7 - runs, 7)]
        + [TrendPoint(7, STARTED, len(found), sum((abs(d.amount_difference) for d in found), Decimal("0.00")))],
    )


def reconciled_result() -> AuditResult:
    return AuditResult(
        run=run(),
        matched={"invoice": 1532, "payment": 1480, "contact": 310},
        totals=[TotalRow("month", "2026-10", Decimal("51032.15"), Decimal("51032.15")),
                TotalRow("account", "200", Decimal("51032.15"), Decimal("51032.15"))],
        clearing=Clearing("801", Decimal("30100.00"), Decimal("526.75"), Decimal("28000.00"), Decimal("1573.25")),
        trend=[TrendPoint(6, PREVIOUS, 3, Decimal("42.00")), TrendPoint(7, STARTED, 0, Decimal("0.00"))],
    )

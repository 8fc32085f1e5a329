"""A believable kennel business for the report tests: twelve months on both sides, a few notes."""

from datetime import date, datetime, timezone
from decimal import Decimal

from reports.header import ReportHeader
from reports.snapshot import DataQualityNote, EntityCount, MonthTotals, SideSnapshot, SnapshotReportData
from reports.tables import TopRows

TAKEN_AT = datetime(2026, 11, 25, 19, 40, tzinfo=timezone.utc)


def snapshot_data(*, business="Happy Tails Boarding Kennels", notes=(), notes_total=None) -> SnapshotReportData:
    months = tuple(
        MonthTotals(date(2025 + (m + 6) // 12, (m + 6) % 12 + 1, 1), Decimal(pm), Decimal(xero))
        for m, (pm, xero) in enumerate(
            [
                ("48210.50", "48210.50"), ("51032.15", "51032.15"), ("47980.00", "47980.00"),
                ("53120.40", "53120.40"), ("61877.25", "61877.25"), ("72340.10", "73010.10"),
                ("80112.95", "80112.95"), ("58730.00", "56490.00"), ("49905.35", "49905.35"),
                ("52117.80", "52117.79"), ("55642.60", "55642.60"), ("60411.05", "0.00"),
            ]
        )
    )
    notes = tuple(notes) or (
        DataQualityNote("problem", "Pet Manager", "payment 8812", "Pays invoice 10452, which is dated before the start date."),
        DataQualityNote("warning", "Xero: Happy Tails Pty Ltd", "contact Jane Smith", "Two active contacts share the email jane@example.com."),
        DataQualityNote("info", "Pet Manager", "customer 812", "No email or phone: Xero will hold only the name."),
    )
    return SnapshotReportData(
        header=ReportHeader(
            title="Snapshot",
            business=business,
            organisations=("Happy Tails Pty Ltd",),
            currency="AUD",
            generated_at=TAKEN_AT,
            recon_version="0.1.0",
            period_start=date(2025, 7, 1),
            period_end=date(2026, 6, 30),
        ),
        sides=(
            SideSnapshot("Pet Manager", business, 3, TAKEN_AT, (
                EntityCount("Customers", 1_842), EntityCount("Invoices", 21_406, Decimal("691480.15")),
                EntityCount("Credit notes", 214, Decimal("-8210.40")), EntityCount("Payments", 20_977, Decimal("684002.90")),
                EntityCount("Overpayments", 31, Decimal("1240.00")), EntityCount("Refunds", 18, Decimal("-975.50")),
            )),
            SideSnapshot("Xero", "Happy Tails Pty Ltd", 4, TAKEN_AT, (
                EntityCount("Contacts", 1_903), EntityCount("Invoices", 19_877, Decimal("628399.09")),
                EntityCount("Credit notes", 199, Decimal("-7120.40")), EntityCount("Payments", 19_440, Decimal("619881.00")),
                EntityCount("Bank transactions", 2_310, Decimal("-41220.18")),
            )),
        ),
        months=months,
        monthly_basis="Invoice totals including GST, by invoice date, voided invoices left out",
        notes=TopRows(notes, len(notes) if notes_total is None else notes_total, "notes.csv"),
    )


HOSTILE = (
    "<script>alert(1)</script>",
    "</td></tr></table><img src=x onerror=alert(2)>",
    "<img src=\"http://example.com/pixel.png\">",
    "Jane \"JJ\" O'Brien & Sons",
    "=SUM(A1:A9)",
    "{{ 7 * 7 }}",
    "مكتب الحيوانات الأليفة",
    "כלבייה שמחה",
)


def hostile_notes(total: int) -> tuple[DataQualityNote, ...]:
    """`total` notes whose every text field is one of the hostile strings, in turn."""
    severities = ("problem", "warning", "info")
    return tuple(
        DataQualityNote(
            severities[i % 3],
            HOSTILE[i % len(HOSTILE)],
            f"customer {i + 1} {HOSTILE[(i + 1) % len(HOSTILE)]}",
            HOSTILE[(i + 2) % len(HOSTILE)],
        )
        for i in range(total)
    )

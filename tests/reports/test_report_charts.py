import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal

import pytest
from markupsafe import Markup

from reports.charts import Series, monthly_bars, timeline, trend

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & \"Smith\""
TIERS = ("certain", "likely", "possible")


def parse(svg: Markup) -> ET.Element:
    assert isinstance(svg, Markup)
    root = ET.fromstring(str(svg))  # raises on anything not well-formed
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter() if element.tag in (f"{SVG}text", f"{SVG}title", f"{SVG}desc")]


def months(n: int) -> list[date]:
    return [date(2025 + (6 + m) // 12, (6 + m) % 12 + 1, 1) for m in range(n)]


def test_monthly_bars_have_one_bar_per_month_and_series_with_exact_tooltips():
    root = parse(
        monthly_bars(
            months(3),
            [Series("Pet Manager", [Decimal("100.10"), Decimal("2500.00"), Decimal("-40.00")]),
             Series("Xero", [Decimal("100.10"), Decimal("0.00"), Decimal("0.00")])],
            title="Totals by month",
            desc="Pet Manager and Xero",
        )
    )
    assert root.find(f"{SVG}title").text == "Totals by month"
    assert root.find(f"{SVG}desc").text == "Pet Manager and Xero"
    tips = [rect.find(f"{SVG}title").text for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert tips == [
        "Pet Manager, Jul 2025: 100.10", "Xero, Jul 2025: 100.10",
        "Pet Manager, Aug 2025: 2,500.00", "Xero, Aug 2025: 0.00",
        "Pet Manager, Sep 2025: -40.00", "Xero, Sep 2025: 0.00",
    ]


def test_chart_text_is_escaped_and_reads_back_unchanged():
    svg = monthly_bars(months(1), [Series(HOSTILE, [Decimal("1.00")])], title=HOSTILE, desc=HOSTILE)
    assert "<script>" not in str(svg)
    root = parse(svg)
    assert HOSTILE in texts(root)
    assert f"{HOSTILE}, Jul 2025: 1.00" in texts(root)

    root = parse(timeline(date(2026, 1, 1), date(2026, 1, 31), [(date(2026, 1, 5), HOSTILE)], (HOSTILE,), title=HOSTILE, desc=HOSTILE))
    assert f"{HOSTILE} (1)" in texts(root)
    root = parse(trend([(HOSTILE, 3)], title=HOSTILE, desc=HOSTILE))
    assert f"{HOSTILE}: 3" in texts(root)


def test_monthly_bars_without_data_say_so():
    root = parse(monthly_bars([], [], title="Totals", desc="none"))
    assert "No amounts to show" in texts(root)


def test_monthly_bars_refuse_a_series_of_the_wrong_length():
    with pytest.raises(ValueError):
        monthly_bars(months(2), [Series("Xero", [Decimal("1.00")])], title="t", desc="d")


@pytest.mark.parametrize("days, unit", [(30, ""), (365, "Week of "), (1500, "")])
def test_timeline_bins_by_day_week_or_month_and_counts_every_event(days, unit):
    start = date(2025, 7, 1)
    events = [(start + timedelta(days=i % days), TIERS[i % 3]) for i in range(3000)]
    root = parse(timeline(start, start + timedelta(days=days - 1), events, TIERS, title="Duplicates in time", desc="by tier"))
    legend = [t for t in texts(root) if t.endswith(")")]
    assert legend == ["certain (1,000)", "likely (1,000)", "possible (1,000)"]
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert len(bars) <= 3 * 100  # bounded, whatever the number of findings
    assert all(bar.find(f"{SVG}title").text.startswith(unit) for bar in bars)


def test_timeline_refuses_events_outside_the_window_or_unknown_categories():
    with pytest.raises(ValueError):
        timeline(date(2026, 1, 1), date(2026, 1, 31), [(date(2026, 2, 1), "certain")], TIERS, title="t", desc="d")
    with pytest.raises(ValueError):
        timeline(date(2026, 1, 1), date(2026, 1, 31), [(date(2026, 1, 2), "maybe")], TIERS, title="t", desc="d")


def test_trend_marks_every_run_and_labels_the_latest():
    root = parse(trend([("1 Sep", 14), ("1 Oct", 9), ("1 Nov", 2)], title="Open differences", desc="per audit run"))
    points = [circle.find(f"{SVG}title").text for circle in root.iter(f"{SVG}circle")]
    assert points == ["1 Sep: 14", "1 Oct: 9", "1 Nov: 2"]
    assert "2" in texts(root)
    assert "No runs yet" in texts(parse(trend([], title="Open differences", desc="none")))

"""Inline SVG charts, drawn in Python from the rows: no chart library, no script, no network.

Every chart is an `<svg role="img">` with a <title> and <desc>, and every mark carries its own
<title> with the exact figure (a tooltip on screen, read out by screen readers). All text goes
through markupsafe's `escape`. Fills are chosen to stay apart in greyscale print: dark, light,
middle. The figures themselves are in the tables beside the charts; a chart is for the shape.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from markupsafe import Markup, escape

from reports.formatting import count, day, money, month

SERIES_FILLS = ("#1f3a5f", "#9dbbdb", "#6b7f95")  # dark, light, middle: apart in greyscale
CATEGORY_FILLS = ("#a3231b", "#e39a2d", "#f3dc8a", "#6b7f95")  # certain, likely, possible, other


@dataclass(frozen=True)
class Series:
    name: str  # "Pet Manager"
    values: Sequence[Decimal]  # one per month, in the order of the months


def monthly_bars(months: Sequence[date], series: Sequence[Series], *, title: str, desc: str) -> Markup:
    """Grouped bars: for each month, one bar per series (e.g. Pet Manager and Xero totals)."""
    for one in series:
        if len(one.values) != len(months):
            raise ValueError(f"series {one.name!r} has {len(one.values)} values for {len(months)} months")
    width, height = 1000, 300
    left, right, top, bottom = 70, 10, 34, 42
    plot_w, plot_h = width - left - right, height - top - bottom
    body = [_legend([(one.name, SERIES_FILLS[i % len(SERIES_FILLS)]) for i, one in enumerate(series)], left, 14)]
    if not months or not series:
        body.append(_text(width / 2, top + plot_h / 2, "No amounts to show", "chart-empty", anchor="middle"))
        return _svg(width, height, title, desc, body)

    values = [float(v) for one in series for v in one.values]  # geometry only: figures stay Decimal
    ticks = _ticks(min(0.0, *values), max(0.0, *values))
    low, high = ticks[0], ticks[-1]

    def y_of(value: float) -> float:
        return top + plot_h * (high - value) / (high - low)

    for tick in ticks:
        y = y_of(tick)
        body.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(_text(left - 6, y + 4, _tick_label(tick, ticks), "axis", anchor="end"))
    group = plot_w / len(months)
    bar = group * 0.8 / len(series)
    label_every = max(1, round(len(months) / 18))
    for m, when in enumerate(months):
        x0 = left + group * m + group * 0.1
        for s, one in enumerate(series):
            value = one.values[m]
            y_value, y_zero = y_of(float(value)), y_of(0.0)
            y, h = min(y_value, y_zero), abs(y_zero - y_value)
            fill = SERIES_FILLS[s % len(SERIES_FILLS)]
            body.append(
                f'<rect x="{x0 + bar * s:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{fill}">'
                f"<title>{escape(one.name)}, {escape(month(when))}: {escape(money(value))}</title></rect>"
            )
        if m % label_every == 0:
            cx = left + group * (m + 0.5)
            body.append(_text(cx, height - bottom + 16, f"{when:%b}", "axis", anchor="middle"))
            if m == 0 or when.month <= label_every:
                body.append(_text(cx, height - bottom + 30, f"{when:%Y}", "axis", anchor="middle"))
    body.append(f'<line class="zero" x1="{left}" x2="{width - right}" y1="{y_of(0.0):.1f}" y2="{y_of(0.0):.1f}"/>')
    return _svg(width, height, title, desc, body)


def timeline(
    start: date, end: date, events: Iterable[tuple[date, str]], categories: Sequence[str], *, title: str, desc: str
) -> Markup:
    """Where findings sit in time: a strip from `start` to `end` with stacked counts per day,
    week or month (whichever keeps it under ~100 columns), one shade per category (e.g. tier)."""
    if end < start:
        raise ValueError(f"timeline ends {end} before it starts {start}")
    span = (end - start).days + 1
    bin_start, bin_name = _binning(start, span)
    counts: Counter[tuple[date, str]] = Counter()
    for when, category in events:
        if not start <= when <= end:
            raise ValueError(f"event on {when} lies outside {start}..{end}")
        if category not in categories:
            raise ValueError(f"unknown category {category!r}; expected one of {list(categories)}")
        counts[bin_start(when), category] += 1

    width, height = 1000, 150
    left, right, top, bottom = 10, 10, 34, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    fills = {c: CATEGORY_FILLS[min(i, len(CATEGORY_FILLS) - 1)] for i, c in enumerate(categories)}
    totals: Counter[str] = Counter()
    per_bin: Counter[date] = Counter()
    for (first, category), n in counts.items():
        totals[category] += n
        per_bin[first] += n
    body = [_legend([(f"{c} ({count(totals[c])})", fills[c]) for c in categories], left, 14)]
    body.append(f'<rect class="strip" x="{left}" y="{top}" width="{plot_w}" height="{plot_h}"/>')

    def x_of(when: date) -> float:
        return left + plot_w * (when - start).days / span

    tallest = max(per_bin.values(), default=1)
    for first in sorted(per_bin):
        following = min(_next_bin(first, bin_name), end + timedelta(days=1))
        x, w = x_of(max(first, start)), max(1.0, x_of(following) - x_of(max(first, start)) - 1)
        y = top + plot_h
        parts = [(c, counts[first, c]) for c in categories if counts[first, c]]
        tip = f"{_bin_label(first, bin_name)}: " + ", ".join(f"{count(n)} {c}" for c, n in parts)
        for category, n in parts:
            h = (plot_h - 6) * n / tallest
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fills[category]}">'
                f"<title>{escape(tip)}</title></rect>"
            )
    for first, label in _month_ticks(start, end):
        x = x_of(first)
        body.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" y2="{top + plot_h + 5}"/>')
        body.append(_text(x + 2, top + plot_h + 17, label, "axis"))
    body.append(_text(left, height - 4, day(start), "axis"))
    body.append(_text(width - right, height - 4, day(end), "axis", anchor="end"))
    return _svg(width, height, title, desc, body)


def trend(points: Sequence[tuple[str, int]], *, title: str, desc: str) -> Markup:
    """A small line of one count across runs, e.g. open differences per audit, oldest first."""
    width, height = 380, 130
    left, right, top, bottom = 40, 60, 14, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    if not points:
        empty = [_text(width / 2, height / 2, "No runs yet", "chart-empty", anchor="middle")]
        return _svg(width, height, title, desc, empty, css="chart small")
    ticks = _ticks(0.0, float(max(value for _, value in points)), whole=True)
    high = ticks[-1]
    step = plot_w / max(1, len(points) - 1)

    def xy(i: int, value: int) -> tuple[float, float]:
        return left + step * i, top + plot_h * (1 - value / high)

    body = []
    for tick in ticks:
        y = top + plot_h * (1 - tick / high)
        body.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(_text(left - 5, y + 4, _tick_label(tick, ticks), "axis", anchor="end"))
    coords = [xy(i, value) for i, (_, value) in enumerate(points)]
    body.append('<polyline class="trend" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for (label, value), (x, y) in zip(points, coords):
        body.append(f'<circle class="trend-point" cx="{x:.1f}" cy="{y:.1f}" r="3.5"><title>{escape(label)}: {escape(count(value))}</title></circle>')
    last_x, last_y = coords[-1]
    body.append(_text(last_x + 8, last_y + 4, count(points[-1][1]), "trend-last"))
    body.append(_text(left, height - 6, points[0][0], "axis"))
    if len(points) > 1:
        body.append(_text(last_x, height - 6, points[-1][0], "axis", anchor="end"))
    return _svg(width, height, title, desc, body, css="chart small")


def _svg(width: int, height: int, title: str, desc: str, body: list[str], *, css: str = "chart") -> Markup:
    return Markup(
        f'<svg class="{css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, css: str, *, anchor: str = "start") -> str:
    return f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'


def _legend(entries: list[tuple[str, str]], x: float, y: float) -> str:
    parts = []
    for name, fill in entries:
        parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="11" height="11" fill="{fill}" class="key"/>')
        parts.append(_text(x + 16, y, name, "legend"))
        x += 30 + 8 * len(name)
    return "".join(parts)


def _ticks(low: float, high: float, *, whole: bool = False) -> list[float]:
    """Round grid values covering low..high in about four steps of 1, 2, 2.5 or 5 × 10^k
    (whole numbers only when `whole`, for counts)."""
    if high == low:
        high = low + 1
    rough = (high - low) / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= rough)
    if whole:
        step = max(1, math.ceil(step))
    first = step * math.floor(low / step)
    steps = math.ceil((high - first) / step - 1e-9)
    return [round(first + step * i, 10) for i in range(steps + 1)]


def _tick_label(tick: float, ticks: list[float]) -> str:
    if all(float(t).is_integer() for t in ticks):
        return f"{tick:,.0f}"
    return f"{tick:,.2f}"


def _binning(start: date, span: int):
    if span <= 100:
        return (lambda when: when), "day"
    if span <= 700:
        return (lambda when: start + timedelta(days=7 * ((when - start).days // 7))), "week"
    return (lambda when: when.replace(day=1)), "month"


def _next_bin(first: date, bin_name: str) -> date:
    if bin_name == "day":
        return first + timedelta(days=1)
    if bin_name == "week":
        return first + timedelta(days=7)
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


def _bin_label(first: date, bin_name: str) -> str:
    return {"day": day(first), "week": f"Week of {day(first)}", "month": month(first)}[bin_name]


def _month_ticks(start: date, end: date) -> list[tuple[date, str]]:
    """One tick per month start inside the strip (every 3rd or 12th when there are many)."""
    firsts = []
    current = start if start.day == 1 else _next_bin(start, "month")
    while current <= end:
        firsts.append(current)
        current = _next_bin(current, "month")
    every = 1 if len(firsts) <= 14 else 3 if len(firsts) <= 40 else 12
    shown = [f for f in firsts if (f.month - 1) % every == 0]
    return [(f, f"{f:%b %Y}" if f.month == 1 or i == 0 else f"{f:%b}") for i, f in enumerate(shown)]

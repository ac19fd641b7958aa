"""Inline SVG charts generated in Python: no JavaScript chart library, nothing fetched at view time.

Each chart is an accessible image (role="img" with <title> and <desc>); the page puts a real
<table> with the same numbers next to it. Values are Decimals; coordinates are computed with
Decimal and written with one decimal place, so the output is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from html import escape

from markupsafe import Markup

PALETTE = ["#1f5f8b", "#3d8f6f", "#c9822b", "#8a4f9e", "#b8474f", "#4f7cac", "#6b8e23", "#7a6a58"]


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    text: str  # the formatted value shown at the end of the bar


def _n(value: Decimal | int | float) -> str:
    return str(Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _nice_max(value: int) -> int:
    """Round an axis maximum up to 1, 2, 2.5 or 5 × 10^k."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, Decimal("2.5"), 5, 10):
        candidate = int(step * magnitude)
        if candidate >= value:
            return candidate
    return 10 * magnitude


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar], width: int = 640) -> Markup:
    """Horizontal bars, one per row, value text at the end of each bar."""
    label_w, value_w, row_h, pad = 190, 110, 28, 8
    plot_w = width - label_w - value_w - pad
    height = pad * 2 + row_h * max(1, len(bars))
    top = max((b.value for b in bars), default=Decimal(0))
    top = top if top > 0 else Decimal(1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for i, bar in enumerate(bars):
        y = pad + i * row_h
        w = (max(bar.value, Decimal(0)) / top) * plot_w
        color = PALETTE[i % len(PALETTE)]
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" class="chart-label">'
            f"{escape(bar.label)}</text>"
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{_n(w)}" height="{row_h - 10}" '
            f'rx="2" fill="{color}"/>'
        )
        parts.append(
            f'<text x="{_n(label_w + w + 6)}" y="{y + 18}" class="chart-value">'
            f"{escape(bar.text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    points: list[tuple[date, int | Decimal]],
    contract: list[tuple[date, int | Decimal]],
    *,
    series_label: str = "peak concurrent users",
    contract_label: str = "contracted",
    width: int = 640,
    height: int = 240,
) -> Markup:
    """Daily values as a line with markers, and the contract level as a dashed line."""
    left, right, top_pad, bottom = 44, 12, 14, 40
    plot_w = width - left - right
    plot_h = height - top_pad - bottom
    top = max([Decimal(v) for _, v in points] + [Decimal(v) for _, v in contract] + [Decimal(1)])
    vmax = _nice_max(int(top.to_integral_value(rounding=ROUND_CEILING)))
    n = max(1, len(points) - 1)

    def x(i: int) -> Decimal:
        return Decimal(left) + Decimal(plot_w) * i / n

    def y(v: int | Decimal) -> Decimal:
        return Decimal(top_pad + plot_h) - Decimal(plot_h) * v / vmax

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    ticks = next(n for n in (5, 4, 2, 1) if vmax % n == 0)
    for k in range(ticks + 1):
        v = vmax * k // ticks
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_n(y(v))}" y2="{_n(y(v))}" '
            f'class="chart-grid"/>'
            f'<text x="{left - 6}" y="{_n(y(v) + 4)}" text-anchor="end" class="chart-axis">'
            f"{v}</text>"
        )
    for i, (d, _) in enumerate(points):
        if d.day == 1 or d.day % 5 == 0:
            parts.append(
                f'<text x="{_n(x(i))}" y="{height - bottom + 16}" text-anchor="middle" '
                f'class="chart-axis">{d.day}</text>'
            )
    if contract:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{_n(x(i))},{_n(y(v))}" for i, (_, v) in enumerate(contract)
        )
        parts.append(f'<path d="{path}" class="chart-contract" fill="none"/>')
    if points:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{_n(x(i))},{_n(y(v))}" for i, (_, v) in enumerate(points)
        )
        parts.append(f'<path d="{path}" class="chart-line" fill="none"/>')
        for i, (_, v) in enumerate(points):
            over = contract and i < len(contract) and v > contract[i][1]
            cls = "chart-dot over" if over else "chart-dot"
            parts.append(f'<circle cx="{_n(x(i))}" cy="{_n(y(v))}" r="3" class="{cls}"/>')
    legend_y = height - 8
    parts.append(
        f'<line x1="{left}" x2="{left + 22}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
        f'class="chart-line"/>'
        f'<text x="{left + 28}" y="{legend_y}" class="chart-axis">{escape(series_label)}</text>'
        f'<line x1="{left + 230}" x2="{left + 252}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
        f'class="chart-contract"/>'
        f'<text x="{left + 258}" y="{legend_y}" class="chart-axis">{escape(contract_label)}</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))

"""The insights on the showback site: movers and budgets on the overview, unit costs, budget and
the explained change on each cost center page, and the licence advisor page.

dashboard.SiteWriter calls these; each returns the template context of its section (None when the
warehouse has no insights marts, so the templates leave the section out). A department's own site
gets only its own figures (the organisation's contract and prices, which are not another
department's, are shown on its advisor page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from fairshare.publish.insights import ORGANISATION, Insights, LicenceOption, UnitCosts
from fairshare.publish.money import fmt_money

if TYPE_CHECKING:
    from fairshare.publish.data import MonthData

ADVISOR_PAGE = "advisor.html"
OPTIONS_SHOWN = 8  # rows of a what-if table on the page (the mart keeps every N)


def insights_of(data: MonthData) -> Insights | None:
    return getattr(data, "insights", None)


def is_provisional(data: MonthData) -> bool:
    """The month's analytics were not final when it was built (set by the run ledger)."""
    return bool(getattr(data, "provisional", False))


@dataclass(frozen=True)
class TrendPoint:
    month: date
    value: Decimal | None


def _n(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _nice(value: Decimal) -> Decimal:
    if value <= 0:
        return Decimal(1)
    exponent = value.adjusted()
    base = Decimal(10) ** exponent
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if base * step >= value:
            return base * step
    return base * 10


def month_trend_chart(
    chart_id: str, title: str, desc: str, points: list[TrendPoint], currency: str
) -> Markup:
    """Monthly values as a line with labelled markers (months on the x axis)."""
    width, height, left, right, top_pad, bottom = 640, 220, 70, 56, 22, 34
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    values = [p.value for p in points if p.value is not None]
    vmax = _nice(max(values, default=Decimal(1)).to_integral_value(rounding=ROUND_CEILING))
    n = max(1, len(points) - 1)

    def x(i: int) -> Decimal:
        if len(points) == 1:
            return Decimal(left) + Decimal(plot_w) / 2
        return Decimal(left) + Decimal(plot_w) * i / n

    def y(v: Decimal) -> Decimal:
        return Decimal(top_pad + plot_h) - Decimal(plot_h) * v / vmax

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for k in range(5):
        v = vmax * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_n(y(v))}" y2="{_n(y(v))}" '
            f'class="chart-grid"/><text x="{left - 6}" y="{_n(y(v) + 4)}" text-anchor="end" '
            f'class="chart-axis">{escape(fmt_money(v, currency))}</text>'
        )
    path = []
    for i, p in enumerate(points):
        parts.append(
            f'<text x="{_n(x(i))}" y="{height - bottom + 18}" text-anchor="middle" '
            f'class="chart-axis">{p.month:%b %Y}</text>'
        )
        if p.value is None:
            continue
        path.append(f"{'M' if not path else 'L'}{_n(x(i))},{_n(y(p.value))}")
    if path:
        parts.append(f'<path d="{" ".join(path)}" class="chart-line" fill="none"/>')
    for i, p in enumerate(points):
        if p.value is None:
            continue
        parts.append(f'<circle cx="{_n(x(i))}" cy="{_n(y(p.value))}" r="4" class="chart-dot"/>')
        parts.append(
            f'<text x="{_n(x(i))}" y="{_n(y(p.value) - 9)}" text-anchor="middle" '
            f'class="chart-value">{escape(fmt_money(p.value, currency))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def shown_options(options: list[LicenceOption]) -> list[LicenceOption]:
    """At most OPTIONS_SHOWN rows of a what-if table: as contracted (N = 0), the recommended N and
    its neighbours, the extremes, and evenly spread rows between them."""
    if len(options) <= OPTIONS_SHOWN:
        return options
    keep: set[int] = {0, len(options) - 1}
    for i, o in enumerate(options):
        if o.extra_users == 0 or o.recommended:
            keep |= {i - 1, i, i + 1}
    keep = {i for i in keep if 0 <= i < len(options)}
    step = max(1, len(options) // OPTIONS_SHOWN)
    i = 0
    while len(keep) < OPTIONS_SHOWN and i < len(options):
        keep.add(i)
        i += step
    return [options[i] for i in sorted(keep)]


# ------------------------------------------------------------------------------ contexts


def overview_context(data: MonthData, code: str | None) -> dict[str, Any] | None:
    """Movers and budgets for the overview (all departments when `code` is None)."""
    ins = insights_of(data)
    if ins is None:
        return None
    codes = None if code is None else [code]
    budgets = [
        b
        for b in sorted(ins.budgets, key=lambda b: (b.code, b.scope != "all", b.scope))
        if b.scope == "all" and (code is None or b.code == code)
    ]
    return {
        "ins": ins,
        "movers": ins.movers(codes),
        "budgets": budgets,
        "alerts": ins.alerts(codes),
        "provisional": is_provisional(data),
        "previous_month": ins.previous_month,
        "advisor_page": ADVISOR_PAGE if ins.has_licence_data else None,
        "names": ins.names,
    }


def cost_center_context(data: MonthData, code: str, slug: str) -> dict[str, Any] | None:
    ins = insights_of(data)
    if ins is None:
        return None
    current: UnitCosts | None = ins.current_unit_costs(code)
    trend = ins.trend(code)
    charts = {}
    if len(trend) > 1:
        for key, attr, label in (
            ("interaction", "per_interaction", "Cost per handled interaction"),
            ("user", "per_user", "Cost per user"),
        ):
            points = [TrendPoint(u.month, getattr(u, attr)) for u in trend]
            if any(p.value is not None for p in points):
                charts[key] = month_trend_chart(
                    f"chart-{slug}-trend-{key}",
                    f"{ins.names.get(code, code)}: {label.lower()} by month",
                    f"Line: {label.lower()} of each month kept (fully loaded: the department's "
                    "whole allocated cost); the table below holds the same figures.",
                    points,
                    data.currency,
                )
    mover = ins.mover(code)
    return {
        "ins": ins,
        "unit": current,
        "trend": trend,
        "trend_charts": charts,
        "by_media": ins.breakdown(code, "media_type"),
        "by_queue": ins.breakdown(code, "queue"),
        "mover": mover,
        "categories": ins.categories_for(code) if mover else [],
        "products": [c for c in ins.changes_for(code) if c.change != 0] if mover else [],
        "budgets": ins.budgets_for(code),
        "alerts": ins.alerts([code]),
        "provisional": is_provisional(data),
        "advisor_page": ADVISOR_PAGE if ins.has_licence_data else None,
    }


def advisor_context(data: MonthData, code: str | None) -> dict[str, Any] | None:
    """The licence advisor page: the organisation (all-departments site) and each department."""
    ins = insights_of(data)
    if ins is None or not ins.has_licence_data:
        return None
    org_history = ins.licence_history(ORGANISATION)
    scopes = []
    codes = sorted({m.scope for m in ins.licence_months if m.scope != ORGANISATION})
    for scope in codes:
        if code is not None and scope != code:
            continue
        history = ins.licence_history(scope)
        if not history:
            continue
        overage = sum((m.overage_amount for m in history), Decimal(0))
        scopes.append(
            {
                "code": scope,
                "name": ins.names.get(scope, history[-1].name),
                "history": history,
                "options": shown_options(ins.options(scope)),
                "advice": ins.advice(scope),
                "low_use": ins.low_use(scope),
                "overage": overage,
                # never above its entitlement and no overage: one line is enough
                "quiet": overage == 0 and all(m.days_above == 0 for m in history),
                # never above its entitlement: buying prepaid users cannot help, no what-if table
                "never_above": all(m.days_above == 0 for m in history),
            }
        )
    scopes.sort(key=lambda s: (s["quiet"], -s["overage"], s["name"]))
    return {
        "ins": ins,
        "org_history": org_history,
        "org_options": shown_options(ins.options(ORGANISATION)) if code is None else [],
        "org_advice": ins.advice(ORGANISATION) if code is None else "",
        "scopes": scopes,
        "low_use": ins.low_use(code),
        "low_use_days": ins.low_use_days,
    }

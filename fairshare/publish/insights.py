"""Beyond the bill: unit costs, budgets, explained month-over-month changes and the licence advisor.

Read from the insights marts (models/marts/fct_unit_economics, fct_budget_variance,
fct_cost_changes, fct_licence_months, fct_licence_advice, fct_licence_usage; rules in
docs/insights.md) into typed objects, and turned into the plain sentences the site and the run
summary show ("Customer Support +$1,204.12: 57% more international minutes (+$10.03); 3 more
named users (+$285.00)"). Every amount is the marts' exact Decimal; nothing is recomputed here
except sums and orderings. A warehouse without these marts (built before them) gives `None` and
the site leaves the sections out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from fairshare.publish.money import ZERO, cents, fmt_money, to_decimal
from fairshare.publish.sql import MartReader

log = logging.getLogger(__name__)

TREND_MONTHS = 6  # months of unit costs the cost center page charts
ORGANISATION = "ORGANISATION"
MOVERS_SHOWN = 5
REASONS_SHOWN = 3


# Every column of the insights marts the publisher reads (checked with the other marts' columns
# before anything is read: fairshare.publish.reader.MART_COLUMNS).
INSIGHTS_MART_COLUMNS: dict[str, tuple[str, ...]] = {
    "fct_unit_economics": (
        "billing_month", "cost_center_code", "dimension_kind", "dimension_value", "cost",
        "handled_interactions", "handled_minutes", "agent_hours", "named_users", "agents", "users",
        "cost_per_interaction", "cost_per_handled_minute", "cost_per_agent_hour",
        "cost_per_named_user", "cost_per_user", "cost_center_name",
    ),
    "fct_cost_changes": (
        "billing_month", "cost_center_code", "cost_category", "product_sku", "product_name",
        "cost_model", "driver_name", "driver_unit", "amount", "previous_amount", "change_amount",
        "volume_amount", "share_amount", "rate_amount", "adjustments_amount", "driver_quantity",
        "previous_driver_quantity", "is_billed_before", "is_billed_now", "has_previous_month",
        "previous_month", "cost_center_name",
    ),
    "fct_budget_variance": (
        "billing_month", "cost_center_code", "cost_center_name", "budget_scope", "budget_amount",
        "actual_amount", "adjustments_amount", "variance_amount", "variance_pct", "is_over_budget",
        "days_with_data", "days_in_month", "is_month_to_date", "forecast_amount",
        "forecast_variance_amount", "is_forecast_over_budget", "budget_note",
    ),
    "fct_licence_advice": (
        "billing_month", "scope_code", "scope_name", "extra_users", "window_months",
        "months_with_overage", "first_month", "actual_amount", "what_if_amount", "savings_amount",
        "is_recommended",
    ),
    "fct_licence_months": (
        "billing_month", "scope_code", "scope_name", "prepaid_users", "overage_users",
        "prepaid_unit_price", "overage_unit_price", "billed_peak", "highest_users", "entitlement",
        "slices_above", "hours_above", "days_above", "peak_slices_above", "excess_at_org_peak",
        "concurrent_amount", "overage_amount",
    ),
    "fct_licence_usage": (
        "billing_month", "cost_center_code", "user_name", "license_id", "product_sku",
        "days_logged_in", "hours_logged_in", "licence_cost", "is_low_use",
    ),
}  # fmt: skip


# ------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class UnitCosts:
    """One row of fct_unit_economics."""

    month: date
    code: str
    kind: str  # cost_center | media_type | queue
    value: str
    cost: Decimal
    interactions: Decimal
    minutes: Decimal
    agent_hours: Decimal | None
    named_users: Decimal | None
    agents: Decimal | None
    users: Decimal | None
    per_interaction: Decimal | None
    per_minute: Decimal | None
    per_agent_hour: Decimal | None
    per_named_user: Decimal | None
    per_user: Decimal | None


@dataclass(frozen=True)
class CostChange:
    """One row of fct_cost_changes: a cost center's product, this month against the last."""

    code: str
    category: str
    sku: str
    product_name: str
    cost_model: str
    driver_name: str
    driver_unit: str
    amount: Decimal
    previous: Decimal
    change: Decimal
    volume: Decimal
    share: Decimal
    rate: Decimal
    adjustments: Decimal
    quantity: Decimal
    previous_quantity: Decimal
    billed_before: bool
    billed_now: bool


@dataclass(frozen=True)
class Budget:
    """One row of fct_budget_variance."""

    code: str
    name: str
    scope: str  # all | a cost category
    budget: Decimal | None
    actual: Decimal
    adjustments: Decimal
    variance: Decimal | None
    variance_pct: Decimal | None
    over: bool
    days_with_data: int
    days_in_month: int
    month_to_date: bool
    forecast: Decimal
    forecast_variance: Decimal | None
    forecast_over: bool
    note: str


@dataclass(frozen=True)
class LicenceMonth:
    """One row of fct_licence_months."""

    month: date
    scope: str
    name: str
    prepaid_users: Decimal
    overage_users: Decimal
    prepaid_price: Decimal | None
    overage_price: Decimal | None
    billed_peak: int
    highest_users: int
    entitlement: Decimal | None
    slices_above: int
    hours_above: Decimal
    days_above: int
    peak_slices_above: int | None
    excess_at_peak: Decimal | None
    concurrent_amount: Decimal
    overage_amount: Decimal


@dataclass(frozen=True)
class LicenceOption:
    """One row of fct_licence_advice: the months kept with N more (or fewer) prepaid users."""

    scope: str
    name: str
    extra_users: int
    window_months: int
    months_with_overage: int
    first_month: date | None
    actual: Decimal
    what_if: Decimal
    savings: Decimal
    recommended: bool


@dataclass(frozen=True)
class LicenceUse:
    """One row of fct_licence_usage."""

    code: str
    user_name: str
    licence: str
    product_sku: str
    days: int
    hours: Decimal
    cost: Decimal
    low_use: bool


@dataclass(frozen=True)
class BudgetAlert:
    """A cost center over its budget, or forecast to be (information: the exit code stays 0)."""

    code: str
    name: str
    scope: str
    budget: Decimal
    actual: Decimal
    forecast: Decimal
    over: bool
    forecast_over: bool
    month_to_date: bool
    days_with_data: int
    days_in_month: int
    currency: str = "USD"

    @property
    def text(self) -> str:
        scope = "" if self.scope == "all" else f" ({self.scope.replace('_', ' ')})"
        budget = fmt_money(self.budget, self.currency)
        if self.over:
            pct = _pct(self.actual - self.budget, self.budget)
            return (
                f"{self.name}{scope} is over budget: {fmt_money(self.actual, self.currency)} "
                f"against {budget} ({_signed(self.actual - self.budget, self.currency)}{pct})"
            )
        return (
            f"{self.name}{scope} is forecast over budget: "
            f"{fmt_money(self.forecast, self.currency)} by the month's end against {budget} "
            f"(month to date: {fmt_money(self.actual, self.currency)} in {self.days_with_data} "
            f"of {self.days_in_month} days)"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "cost_center": self.code,
            "scope": self.scope,
            "budget": str(self.budget),
            "actual": str(self.actual),
            "forecast": str(self.forecast),
            "over_budget": self.over,
            "forecast_over_budget": self.forecast_over,
            "month_to_date": self.month_to_date,
            "text": self.text,
        }


@dataclass(frozen=True)
class Reason:
    text: str
    amount: Decimal


@dataclass(frozen=True)
class Mover:
    code: str
    name: str
    amount: Decimal
    previous: Decimal
    change: Decimal
    volume: Decimal
    share: Decimal
    rate: Decimal
    adjustments: Decimal
    reasons: list[Reason]
    currency: str = "USD"

    @property
    def pct(self) -> Decimal | None:
        return None if self.previous == 0 else self.change / abs(self.previous)

    @property
    def change_text(self) -> str:
        text = _signed(self.change, self.currency)
        return text if self.pct is None else f"{text} ({_signed_pct(self.pct)})"

    @property
    def reasons_text(self) -> str:
        """The largest reasons, with their money ("57% more international minutes (+$10.03)")."""
        return "; ".join(
            f"{r.text} ({_signed(r.amount, self.currency)})" for r in self.reasons[:REASONS_SHOWN]
        )

    @property
    def sentence(self) -> str:
        head = f"{self.name} {self.change_text}"
        return f"{head}: {self.reasons_text}." if self.reasons else f"{head}."


@dataclass(frozen=True)
class CategoryChange:
    category: str
    amount: Decimal
    previous: Decimal
    change: Decimal
    volume: Decimal
    share: Decimal
    rate: Decimal
    adjustments: Decimal


@dataclass
class Insights:
    """Everything the insights sections of the site need for one month."""

    month: date
    currency: str
    has_previous: bool
    previous_month: date | None
    unit_costs: list[UnitCosts] = field(default_factory=list)
    changes: list[CostChange] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    licence_months: list[LicenceMonth] = field(default_factory=list)
    licence_options: list[LicenceOption] = field(default_factory=list)
    licence_usage: list[LicenceUse] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    low_use_days: int = 3

    # -- unit economics -------------------------------------------------------------------
    def unit_costs_for(self, code: str, kind: str = "cost_center") -> list[UnitCosts]:
        rows = [u for u in self.unit_costs if u.code == code and u.kind == kind]
        return sorted(rows, key=lambda u: (u.month, -u.cost, u.value))

    def current_unit_costs(self, code: str) -> UnitCosts | None:
        rows = [u for u in self.unit_costs_for(code) if u.month == self.month]
        return rows[0] if rows else None

    def breakdown(self, code: str, kind: str) -> list[UnitCosts]:
        rows = [u for u in self.unit_costs_for(code, kind) if u.month == self.month]
        return sorted(rows, key=lambda u: (-u.cost, u.value))

    def trend(self, code: str) -> list[UnitCosts]:
        return [u for u in self.unit_costs_for(code) if u.month <= self.month][-TREND_MONTHS:]

    # -- explained changes ----------------------------------------------------------------
    def changes_for(self, code: str) -> list[CostChange]:
        return sorted(
            (c for c in self.changes if c.code == code),
            key=lambda c: (-abs(c.change), c.category, c.sku),
        )

    def categories_for(self, code: str) -> list[CategoryChange]:
        out: dict[str, list[CostChange]] = {}
        for c in self.changes_for(code):
            out.setdefault(c.category, []).append(c)
        rows = [
            CategoryChange(
                category,
                _sum(c.amount for c in items),
                _sum(c.previous for c in items),
                _sum(c.change for c in items),
                _sum(c.volume for c in items),
                _sum(c.share for c in items),
                _sum(c.rate for c in items),
                _sum(c.adjustments for c in items),
            )
            for category, items in out.items()
        ]
        return sorted(rows, key=lambda r: (-abs(r.change), r.category))

    def mover(self, code: str) -> Mover | None:
        rows = self.changes_for(code)
        if not rows or not self.has_previous:
            return None
        return Mover(
            code=code,
            name=self.names.get(code, code),
            amount=_sum(c.amount for c in rows),
            previous=_sum(c.previous for c in rows),
            change=_sum(c.change for c in rows),
            volume=_sum(c.volume for c in rows),
            share=_sum(c.share for c in rows),
            rate=_sum(c.rate for c in rows),
            adjustments=_sum(c.adjustments for c in rows),
            reasons=reasons(rows),
            currency=self.currency,
        )

    def movers(self, codes: Iterable[str] | None = None, limit: int = MOVERS_SHOWN) -> list[Mover]:
        wanted = set(codes) if codes is not None else {c.code for c in self.changes}
        found = [m for m in (self.mover(code) for code in sorted(wanted)) if m is not None]
        found.sort(key=lambda m: (-abs(m.change), m.code))
        return [m for m in found if m.change != 0][:limit]

    # -- budgets --------------------------------------------------------------------------
    def budgets_for(self, code: str) -> list[Budget]:
        rows = [b for b in self.budgets if b.code == code]
        return sorted(rows, key=lambda b: (b.scope != "all", b.scope))

    def alerts(self, codes: Iterable[str] | None = None) -> list[BudgetAlert]:
        wanted = set(codes) if codes is not None else None
        out = []
        for b in sorted(self.budgets, key=lambda b: (b.code, b.scope != "all", b.scope)):
            if wanted is not None and b.code not in wanted:
                continue
            if b.budget is None or not (b.over or b.forecast_over):
                continue
            out.append(
                BudgetAlert(
                    code=b.code,
                    name=b.name,
                    scope=b.scope,
                    budget=b.budget,
                    actual=b.actual,
                    forecast=b.forecast,
                    over=b.over,
                    forecast_over=b.forecast_over,
                    month_to_date=b.month_to_date,
                    days_with_data=b.days_with_data,
                    days_in_month=b.days_in_month,
                    currency=self.currency,
                )
            )
        return out

    # -- licence advisor ------------------------------------------------------------------
    def licence_history(self, scope: str) -> list[LicenceMonth]:
        return sorted((m for m in self.licence_months if m.scope == scope), key=lambda m: m.month)

    def options(self, scope: str) -> list[LicenceOption]:
        return sorted(
            (o for o in self.licence_options if o.scope == scope), key=lambda o: o.extra_users
        )

    def recommendation(self, scope: str) -> LicenceOption | None:
        found = [o for o in self.options(scope) if o.recommended]
        return found[0] if found else None

    def advice(self, scope: str) -> str:
        """The recommendation in one or two plain sentences."""
        return advice_text(self, scope)

    def low_use(self, code: str | None = None) -> list[LicenceUse]:
        rows = [u for u in self.licence_usage if u.low_use and (code is None or u.code == code)]
        return sorted(rows, key=lambda u: (u.code, u.days, u.user_name))

    @property
    def has_licence_data(self) -> bool:
        return bool(self.licence_months)


# ------------------------------------------------------------------------------------ text


def _sum(values: Iterable[Decimal]) -> Decimal:
    return cents(sum(values, ZERO))


def _signed(value: Decimal, currency: str) -> str:
    text = fmt_money(value, currency)
    return text if value < 0 else f"+{text}"


def _signed_pct(share: Decimal) -> str:
    pct = (share * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{pct:+}%"


def _pct(delta: Decimal, base: Decimal) -> str:
    if base == 0:
        return ""
    return ", " + _signed_pct(delta / base)


def _plain_driver(name: str) -> str:
    """'International minutes (both directions)' -> 'international minutes'."""
    text = re.sub(r"\s*\(.*?\)", "", name or "").strip()
    return text[:1].lower() + text[1:] if text else "use"


def _qty(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,.1f}"


def _plural(value: Decimal | int) -> str:
    return "" if abs(value) == 1 else "s"


def _more_or_less(q0: Decimal, q1: Decimal, what: str) -> str:
    if q0 > 0:
        pct = ((q1 - q0) / q0 * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        word = "more" if pct >= 0 else "less"
        return f"{abs(pct)}% {word} {what} ({_qty(q0)} → {_qty(q1)})"
    return f"{_qty(q1)} {what} (none the month before)"


def volume_reason(rows: list[CostChange]) -> Reason | None:
    """One plain reason for the volume part of a group of products of one cost center."""
    amount = _sum(r.volume for r in rows)
    if amount == 0:
        return None
    first = rows[0]
    q0 = sum((r.previous_quantity for r in rows), ZERO)
    q1 = sum((r.quantity for r in rows), ZERO)
    if first.category == "licence_named":
        delta = q1 - q0
        if delta == 0:
            return Reason("the same number of named users on other licences", amount)
        word = "more" if delta > 0 else "fewer"
        return Reason(f"{_qty(abs(delta))} {word} named user{_plural(delta)}", amount)
    if first.category == "licence_concurrent":
        return Reason(f"own concurrency peak {_qty(q0)} → {_qty(q1)} users", amount)
    if first.category == "licence_overage":
        if q1 == 0:
            return Reason(
                f"no longer above its entitlement at the organisation's peak (was {_qty(q0)} "
                f"user{_plural(q0)} above)",
                amount,
            )
        before = f"was {_qty(q0)}" if q0 > 0 else "none before"
        return Reason(
            f"{_qty(q1)} user{_plural(q1)} above its entitlement at the organisation's peak "
            f"({before})",
            amount,
        )
    unit = (first.driver_unit or "").lower()
    if unit == "minutes":
        return Reason(_more_or_less(q0, q1, _plain_driver(first.driver_name)), amount)
    if unit == "interactions":
        return Reason(_more_or_less(q0, q1, "interactions handled"), amount)
    if unit == "hours":
        return Reason(_more_or_less(q0, q1, "handle time (hours)"), amount)
    if unit == "requests":
        return Reason(_more_or_less(q0, q1, "API requests"), amount)
    return Reason(f"{_plain_driver(first.driver_name)} {_qty(q0)} → {_qty(q1)} {unit}", amount)


def reasons(rows: list[CostChange]) -> list[Reason]:
    """The reasons of a cost center's change, largest first: its own use per driver (volume),
    the others' use (share), the vendor's prices and products (rate), corrections (adjustments)."""
    out: list[Reason] = []
    groups: dict[str, list[CostChange]] = {}
    for r in rows:
        key = "licence_named" if r.category == "licence_named" else r.sku
        groups.setdefault(key, []).append(r)
    for items in groups.values():
        reason = volume_reason(items)
        if reason is not None:
            out.append(reason)
    share = _sum(r.share for r in rows)
    if share != 0:
        word = "more" if share < 0 else "less"
        out.append(Reason(f"other departments used {word} of the shared costs", share))
    gone = [r for r in rows if r.billed_before and not r.billed_now and r.rate != 0]
    new = [r for r in rows if r.billed_now and not r.billed_before and r.rate != 0]
    for r in gone:
        out.append(Reason(f"no {r.product_name} this month", r.rate))
    for r in new:
        out.append(Reason(f"{r.product_name} billed for the first time", r.rate))
    rest = _sum(r.rate for r in rows if r not in gone and r not in new)
    if rest != 0:
        out.append(Reason("the vendor's prices and amounts", rest))
    adjustments = _sum(r.adjustments for r in rows)
    if adjustments != 0:
        out.append(Reason("corrections of closed months", adjustments))
    out.sort(key=lambda r: (-abs(r.amount), r.text))
    return out


def advice_text(ins: Insights, scope: str) -> str:
    """The licence recommendation for the organisation or a cost center, in plain words."""
    options = ins.options(scope)
    best = ins.recommendation(scope)
    history = ins.licence_history(scope)
    if not options or best is None:
        return "No concurrent licence data for the months kept."
    cur = ins.currency
    months = options[0].window_months
    kept = f"the {months} month{'s' if months != 1 else ''} kept"
    org = history and history[-1].scope == ORGANISATION
    if org:
        overage = sum((m.overage_amount for m in history), ZERO)
        overage_months = sum(1 for m in history if m.overage_users > 0)
        facts = (
            f"Over {kept} the organisation paid {fmt_money(overage, cur)} of overage in "
            f"{overage_months} month{'s' if overage_months != 1 else ''}."
        )
    else:
        name = ins.names.get(scope, scope)
        overage = sum((m.overage_amount for m in history), ZERO)
        days = sum(m.days_above for m in history)
        hours = sum((m.hours_above for m in history), ZERO)
        if overage == 0 and days == 0:
            return f"Within its entitlement in every one of {kept}: nothing to change."
        if days == 0:
            return (
                f"{name} was never above its entitlement in {kept} but carried "
                f"{fmt_money(overage, cur)} of overage: its part of the concurrent users nobody "
                "is responsible for, or of a peak no department exceeded. Nothing to buy."
            )
        facts = (
            f"Over {kept} {name} was above its entitlement for {_qty(hours)} hours on {days} "
            f"day{_plural(days)} and paid {fmt_money(overage, cur)} of overage."
        )
        if best.extra_users == 0:
            dearer = [o for o in options if o.extra_users > 0]
            if not dearer or overage == 0:
                return f"{facts} Nothing to buy: no overage to avoid."
            cheapest = min(dearer, key=lambda o: (o.what_if, o.extra_users))
            cost = (
                f"the same ({fmt_money(cheapest.what_if, cur)})"
                if cheapest.what_if == best.what_if
                else f"{fmt_money(cheapest.what_if, cur)} instead of {fmt_money(best.what_if, cur)}"
            )
            return (
                f"{facts} Buying prepaid users would not pay: {cheapest.extra_users} would have "
                f"cost {cost}. Lowering the peak (spreading the busy hours, staffing to the "
                "entitlement) is what saves money."
            )
        return (
            f"{facts} Buying {best.extra_users} prepaid user{_plural(best.extra_users)} for "
            f"{name} would have cost {fmt_money(best.what_if, cur)} instead of "
            f"{fmt_money(best.actual, cur)}, {fmt_money(best.savings, cur)} less."
        )
    if best.extra_users == 0:
        worst_case = max(options, key=lambda o: o.extra_users)
        if worst_case.extra_users > 0:
            return (
                f"{facts} Keep the contract: {worst_case.extra_users} more prepaid users would "
                f"have cost {fmt_money(worst_case.what_if, cur)} instead of "
                f"{fmt_money(best.what_if, cur)} ({_signed(-worst_case.savings, cur)})."
            )
        return f"{facts} Keep the contract."
    verb = "Raise" if best.extra_users > 0 else "Lower"
    who = "the prepaid concurrent users" if org else "your prepaid concurrent users"
    return (
        f"{facts} {verb} {who} by {abs(best.extra_users)}: it would have cost "
        f"{fmt_money(best.what_if, cur)} instead of {fmt_money(best.actual, cur)}, "
        f"{fmt_money(best.savings, cur)} less."
    )


# ------------------------------------------------------------------------------------ loading


def _dec(value: object) -> Decimal:
    return to_decimal(value)


def _opt(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)


def load_insights(r: MartReader, month_start: date, currency: str = "USD") -> Insights:
    """The insights of the month from the marts (their columns checked by the reader)."""
    ins = Insights(month=month_start, currency=currency, has_previous=False, previous_month=None)
    trend_from = _month_back(month_start, TREND_MONTHS - 1)
    for row in r.rows(
        f"""select billing_month, cost_center_code, dimension_kind, dimension_value, cost,
                   handled_interactions, handled_minutes, agent_hours, named_users, agents, users,
                   cost_per_interaction, cost_per_handled_minute, cost_per_agent_hour,
                   cost_per_named_user, cost_per_user, cost_center_name
            from {r.table("fct_unit_economics")}
            where billing_month between ? and ?""",
        [trend_from, month_start],
    ):
        ins.unit_costs.append(
            UnitCosts(
                row[0], row[1], row[2], row[3], _dec(row[4]), _dec(row[5]), _dec(row[6]),
                *(_opt(v) for v in row[7:16]),
            )
        )  # fmt: skip
        ins.names.setdefault(row[1], row[16] or row[1])
    for row in r.rows(
        f"""select cost_center_code, cost_category, product_sku, product_name, cost_model,
                   driver_name, driver_unit, amount, previous_amount, change_amount,
                   volume_amount, share_amount, rate_amount, adjustments_amount,
                   driver_quantity, previous_driver_quantity, is_billed_before, is_billed_now,
                   has_previous_month, previous_month, cost_center_name
            from {r.table("fct_cost_changes")} where billing_month = ?""",
        [month_start],
    ):
        ins.has_previous = bool(row[18])
        ins.previous_month = row[19] if row[18] else None
        ins.names.setdefault(row[0], row[20] or row[0])
        ins.changes.append(
            CostChange(
                row[0], row[1], row[2], row[3] or row[2], row[4], row[5] or "", row[6] or "",
                _dec(row[7]), _dec(row[8]), _dec(row[9]), _dec(row[10]), _dec(row[11]),
                _dec(row[12]), _dec(row[13]), _dec(row[14]), _dec(row[15]),
                bool(row[16]), bool(row[17]),
            )
        )  # fmt: skip
    for row in r.rows(
        f"""select cost_center_code, cost_center_name, budget_scope, budget_amount, actual_amount,
                   adjustments_amount, variance_amount, variance_pct, is_over_budget,
                   days_with_data, days_in_month, is_month_to_date, forecast_amount,
                   forecast_variance_amount, is_forecast_over_budget, budget_note
            from {r.table("fct_budget_variance")} where billing_month = ?""",
        [month_start],
    ):
        ins.names.setdefault(row[0], row[1] or row[0])
        ins.budgets.append(
            Budget(
                row[0], row[1] or row[0], row[2], _opt(row[3]), _dec(row[4]), _dec(row[5]),
                _opt(row[6]), _opt(row[7]), bool(row[8]), int(row[9]), int(row[10]), bool(row[11]),
                _dec(row[12]), _opt(row[13]), bool(row[14]), row[15] or "",
            )
        )  # fmt: skip
    _load_licences(r, ins, month_start)
    return ins


def _load_licences(r: MartReader, ins: Insights, month_start: date) -> None:
    options = r.rows(
        f"""select scope_code, scope_name, extra_users, window_months, months_with_overage,
                   first_month, actual_amount, what_if_amount, savings_amount, is_recommended
            from {r.table("fct_licence_advice")} where billing_month = ?""",
        [month_start],
    )
    for row in options:
        ins.licence_options.append(
            LicenceOption(
                row[0], row[1] or row[0], int(row[2]), int(row[3]), int(row[4]), row[5],
                _dec(row[6]), _dec(row[7]), _dec(row[8]), bool(row[9]),
            )
        )  # fmt: skip
    first = min((o.first_month for o in ins.licence_options if o.first_month), default=month_start)
    for row in r.rows(
        f"""select billing_month, scope_code, scope_name, prepaid_users, overage_users,
                   prepaid_unit_price, overage_unit_price, billed_peak, highest_users, entitlement,
                   slices_above, hours_above, days_above, peak_slices_above, excess_at_org_peak,
                   concurrent_amount, overage_amount
            from {r.table("fct_licence_months")} where billing_month between ? and ?""",
        [first, month_start],
    ):
        ins.licence_months.append(
            LicenceMonth(
                row[0], row[1], row[2] or row[1], _dec(row[3]), _dec(row[4]), _opt(row[5]),
                _opt(row[6]), int(row[7] or 0), int(row[8] or 0), _opt(row[9]), int(row[10] or 0),
                _dec(row[11]), int(row[12] or 0), None if row[13] is None else int(row[13]),
                _opt(row[14]), _dec(row[15]), _dec(row[16]),
            )
        )  # fmt: skip
    for row in r.rows(
        f"""select cost_center_code, user_name, license_id, product_sku, days_logged_in,
                   hours_logged_in, licence_cost, is_low_use
            from {r.table("fct_licence_usage")} where billing_month = ?""",
        [month_start],
    ):
        ins.licence_usage.append(
            LicenceUse(
                row[0], row[1] or "", row[2] or "", row[3] or "", int(row[4] or 0),
                _dec(row[5]), cents(_dec(row[6])), bool(row[7]),
            )
        )  # fmt: skip


def _month_back(month_start: date, months: int) -> date:
    index = month_start.year * 12 + month_start.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)

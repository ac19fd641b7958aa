"""View models built from MonthData: category groups, the telecom drill-down, licences by user,
concurrency evidence. Pure functions; every amount derived here is split with the largest
remainder so drill-down levels add up exactly to the invoice lines they come from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from fairshare.naming import slug
from fairshare.publish.data import (
    ORPHAN,
    ConcurrencyPoint,
    ConversationCost,
    DidUsage,
    InvoiceLine,
    MonthData,
    NamedUser,
    Slice,
)
from fairshare.publish.money import ZERO, cents, largest_remainder, ratio

CATEGORY_LABELS: dict[str, str] = {
    "licence_named": "Named user licences",
    "licence_concurrent": "Concurrent user licences",
    "licence_overage": "Concurrent licence overage",
    "telecom": "Telecom (voice minutes)",
    "telecom_numbers": "Phone numbers",
    "api": "API usage",
    "ai": "AI and bots",
    "platform_shared": "Shared platform",
    "support": "Vendor support",
    "credit": "Vendor credits",
    "overhead": "IT overhead",
    "orphan_absorb": "Unattributed, absorbed by IT",
    "orphan_redistribute": "Unattributed, redistributed",
    "zero_driver_overhead": "No usage, to IT overhead",
}
ORPHAN_METHODS = {"orphan_absorb", "orphan_redistribute"}
CATEGORY_ORDER = list(CATEGORY_LABELS)

METHOD_LABELS: dict[str, str] = {
    "named_users": "Named users",
    "concurrent_peak": "Own concurrency peak",
    "overage_cause": "Cause of the overage",
    "telecom_usage": "Telecom usage",
    "api_requests": "API requests",
    "ai_usage": "AI / bot usage",
    "pro_rata_interactions": "Interaction volume",
    "pro_rata_handle_time": "Handle time",
    "even": "Even split",
    "fixed_split": "Fixed split",
    "overhead": "IT overhead",
    "orphan_absorb": "Unattributed, absorbed by IT",
    "orphan_redistribute": "Unattributed, redistributed",
    "zero_driver_overhead": "No usage measured",
    "adjustment": "Adjustment for a closed month",
}

# Every allocation rule in plain words (the methodology page and the invoice footnote use these).
METHOD_RULES: dict[str, str] = {
    "named_users": (
        "Named licences are charged per person. Each user who logged in during the month counts "
        "once, at the highest licence they held (the vendor's own billing rule), for the cost "
        "center they belonged to. Prepaid licences nobody used follow the orphan policy."
    ),
    "concurrent_peak": (
        "Concurrent licences are shared by peak usage. Every 15 minutes we count the users "
        "logged in for each cost center (an agent lent to another department counts for the "
        "department whose queues they worked). A cost center's own peak is the highest level it "
        "held for at least 30 minutes in total over the month; the prepaid line is split in "
        "proportion to these peaks."
    ),
    "overage_cause": (
        "The overage is paid by whoever caused it. At the moments the organisation reached its "
        "billed peak, the departments above their contracted entitlement share the overage in "
        "proportion to how far above it they were; if only one department was above, it pays "
        "all of it. If no department exceeded its entitlement, the overage is split by "
        "concurrency at those moments."
    ),
    "telecom_usage": (
        "Each telecom line of the vendor invoice (one per number type and direction) is split "
        "by the telecom cost each cost center generated. Every second of a billed call belongs "
        "to the department responsible at that moment (its queue, its agent, or the IVR choice "
        "the caller made); a transferred call is split at the transfer, and when two departments "
        "are on the call at once the time is shared equally. The invoice is the truth; measured "
        "usage only decides the shares."
    ),
    "api_requests": (
        "API charges are split by the requests made by the integrations (OAuth clients) each "
        "cost center owns."
    ),
    "ai_usage": (
        "AI and bot charges are split by the bot time of the conversations each cost center "
        "handled."
    ),
    "pro_rata_interactions": (
        "Shared platform fees are split by interaction volume: each conversation counts once, "
        "shared between the cost centers that handled it in proportion to their handle time. "
        "Calls abandoned in the IVR count for no department."
    ),
    "pro_rata_handle_time": "Split in proportion to the time each cost center's people spent "
    "handling conversations.",
    "even": "Split evenly between the cost centers.",
    "fixed_split": "Split by fixed percentages the departments agreed in advance.",
    "overhead": "Kept by IT as overhead; not charged to any department.",
    "orphan_absorb": (
        "The part of a vendor line that no department is responsible for (IVR time before the "
        "caller chose, abandoned calls, untagged people or numbers, prepaid licences nobody used) "
        "is absorbed by the IT overhead account."
    ),
    "orphan_redistribute": (
        "The part of a vendor line that no department is responsible for is shared between the "
        "departments in proportion to the interactions they handled."
    ),
    "zero_driver_overhead": (
        "No usage at all was measured for this vendor line, so nothing could split it: it goes "
        "whole to the IT overhead account rather than being lost."
    ),
    "adjustment": (
        "A closed month's invoices are never changed. When data arrives after the close (late "
        "conversations or presence, a credit note, a corrected rule), the month is recomputed and "
        "the difference per department and vendor line is charged or credited in the next open "
        "month, naming the closed month, what changed and by how much."
    ),
}

GENERAL_RULES: list[tuple[str, str]] = [
    (
        "Who is responsible for what",
        "People are tagged to a cost center by their Cost_Center_ID attribute, else by their "
        "department's name; queues by the prefix of their name (SALES_…); phone numbers by an "
        "explicit override, else by the person or IVR flow that owns them; conversations by the "
        "Cost_Center participant data, else by the number dialled. A mid-month move changes the "
        "tag from that moment on.",
    ),
    (
        "Time nobody is responsible for",
        "IVR time before the caller picked a department, abandoned calls and untagged objects "
        "have no responsible department (ORPHAN). Their cost goes to the IT overhead account, or "
        "is shared pro-rata by interaction volume when the orphan policy is 'redistribute'; it "
        "never goes to the largest department by default.",
    ),
    (
        "No usage at all",
        "A vendor line with no usage to split it by is never lost: it goes to the IT overhead "
        "account, with an explanation on the line.",
    ),
    (
        "Rounding",
        "Shares are exact; cents are assigned per vendor line by the largest-remainder method "
        "(ties broken by cost center code), so the parts of every vendor line add up to that "
        "line exactly and the month adds up to the vendor invoice to the cent.",
    ),
]

NUMBER_TYPE_LABELS = {
    "toll_free": "Toll-free",
    "local": "Local",
    "mobile": "Mobile",
    "international": "International",
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def method_label(method: str) -> str:
    return METHOD_LABELS.get(method, method.replace("_", " ").capitalize())


def category_sort_key(category: str) -> tuple[int, str]:
    try:
        return (CATEGORY_ORDER.index(category), category)
    except ValueError:
        return (len(CATEGORY_ORDER), category)


def number_type_label(number_type: str, direction: str) -> str:
    label = NUMBER_TYPE_LABELS.get(number_type, number_type.replace("_", " ").capitalize())
    return f"{label} {direction}".strip() if direction else label


def did_page(did: str) -> str:
    return f"did-{slug(did)}.html"


def conversation_page(conversation_id: str) -> str:
    return f"conversation-{slug(conversation_id)}.html"


@dataclass
class CategoryGroup:
    category: str
    label: str
    lines: list[InvoiceLine]
    subtotal: Decimal


def group_by_category(lines: list[InvoiceLine]) -> list[CategoryGroup]:
    groups: dict[str, list[InvoiceLine]] = defaultdict(list)
    for line in lines:
        groups[line.cost_category].append(line)
    out = []
    for category in sorted(groups, key=category_sort_key):
        members = sorted(groups[category], key=lambda x: (x.invoice_id, x.line_id))
        out.append(
            CategoryGroup(
                category=category,
                label=category_label(category),
                lines=members,
                subtotal=cents(sum((m.amount for m in members), ZERO)),
            )
        )
    return out


def totals_by_category(lines: list[InvoiceLine]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        totals[line.cost_category] += line.amount
    return {k: cents(totals[k]) for k in sorted(totals, key=category_sort_key)}


# --- telecom drill-down -------------------------------------------------------------------


@dataclass
class DidRow:
    did: str
    number_type: str
    direction: str
    unattributed: bool  # the cost center's part of calls no department was responsible for
    amount: Decimal
    share_of_telecom: Decimal
    ms: int
    measured_cost: Decimal
    calls: int
    page: str


@dataclass
class NumberTypeRow:
    number_type: str
    direction: str
    label: str
    amount: Decimal
    share_of_telecom: Decimal
    ms: int
    dids: list[DidRow] = field(default_factory=list)


@dataclass
class TelecomBreakdown:
    total: Decimal
    by_type: list[NumberTypeRow]
    unexplained: Decimal  # telecom amount with no measured usage behind it (zero-driver lines)
    has_unattributed: bool  # part of the amount comes from ORPHAN calls (orphan policy)

    @property
    def dids(self) -> list[DidRow]:
        rows = [d for t in self.by_type for d in t.dids]
        return sorted(rows, key=lambda d: (-d.amount, d.did, d.number_type))

    @property
    def top_did(self) -> DidRow | None:
        rows = self.dids
        return rows[0] if rows else None


def _usage_weights(rows: list[DidUsage]) -> dict[tuple[str, str, str], Decimal]:
    """Weights per (number type, direction, DID): allocated amount, else measured cost, else ms."""
    getters = (
        lambda u: u.allocated or ZERO,
        lambda u: u.cost,
        lambda u: Decimal(u.ms),
    )
    for value in getters:
        weights: dict[tuple[str, str, str], Decimal] = defaultdict(lambda: ZERO)
        for u in rows:
            weights[(u.number_type, u.direction, u.did)] += value(u)
        if any(w > 0 for w in weights.values()):
            return weights
    return {}


def telecom_breakdown(data: MonthData, code: str) -> TelecomBreakdown:
    """Cost center telecom → number type → DID, each level summing exactly to the one above.

    The cost center's own telecom rows are split over its own measured usage; its share of
    unattributed calls (orphan_absorb / orphan_redistribute rows) over the ORPHAN usage.
    """
    lines = [
        line
        for line in data.lines_for(code)
        if line.product_method == "telecom_usage" or line.cost_category == "telecom"
    ]
    total = cents(sum((line.amount for line in lines), ZERO))
    # pools: (sku, unattributed?) → amount; zero-driver / overhead rows have no usage behind them
    pools: dict[tuple[str, bool], Decimal] = defaultdict(lambda: ZERO)
    unexplained = ZERO
    for line in lines:
        if line.allocation_method in ("zero_driver_overhead", "overhead"):
            unexplained += line.amount
        else:
            pools[(line.product_sku, line.allocation_method in ORPHAN_METHODS)] += line.amount
    per_sku = bool(data.did_usage) and all(u.product_sku for u in data.did_usage)
    acc: dict[tuple[str, str, str, bool], list] = {}
    for (sku, unattributed), amount in sorted(pools.items()):
        owner = ORPHAN if unattributed else code
        rows = [
            u
            for u in data.did_usage
            if u.cost_center_code == owner and (not per_sku or u.product_sku == sku)
        ]
        for u in rows:
            key = (u.number_type, u.direction, u.did, unattributed)
            slot = acc.setdefault(key, [ZERO, 0, ZERO, 0])
            slot[1] += u.ms
            slot[2] += u.cost
            slot[3] += u.conversations
        if amount == 0:
            continue
        weights = _usage_weights(rows)
        if not weights:
            unexplained += amount
            continue
        for (number_type, direction, did), part in largest_remainder(amount, weights).items():
            acc[(number_type, direction, did, unattributed)][0] += part
    by_type: dict[tuple[str, str], NumberTypeRow] = {}
    for (number_type, direction, did, unattributed), (amount, ms, cost, calls) in acc.items():
        if amount == 0 and ms == 0:
            continue
        row = by_type.setdefault(
            (number_type, direction),
            NumberTypeRow(
                number_type, direction, number_type_label(number_type, direction), ZERO, ZERO, 0
            ),
        )
        row.amount += amount
        row.ms += ms
        row.dids.append(
            DidRow(
                did=did,
                number_type=number_type,
                direction=direction,
                unattributed=unattributed,
                amount=cents(amount),
                share_of_telecom=ratio(amount, total),
                ms=ms,
                measured_cost=cost,
                calls=calls,
                page=did_page(did),
            )
        )
    out = sorted(by_type.values(), key=lambda t: (-t.amount, t.label))
    for t in out:
        t.amount = cents(t.amount)
        t.share_of_telecom = ratio(t.amount, total)
        t.dids.sort(key=lambda d: (-d.amount, d.did, d.unattributed))
    return TelecomBreakdown(
        total=total,
        by_type=out,
        unexplained=cents(unexplained),
        has_unattributed=any(unattributed for _, unattributed in pools),
    )


@dataclass
class DidDetail:
    did: str
    amount: Decimal
    share_of_telecom: Decimal
    ms: int
    measured_cost: Decimal
    rows: list[DidRow]
    conversations: list[ConversationCost]


def visible_codes(code: str, breakdown: TelecomBreakdown) -> set[str]:
    """Whose slices a cost center's pages show: its own, and ORPHAN when it carries a part."""
    return {code, ORPHAN} if breakdown.has_unattributed else {code}


def did_details(data: MonthData, code: str, breakdown: TelecomBreakdown) -> list[DidDetail]:
    rows_by_did: dict[str, list[DidRow]] = defaultdict(list)
    for row in breakdown.dids:
        rows_by_did[row.did].append(row)
    codes = visible_codes(code, breakdown)
    convs: dict[str, list[ConversationCost]] = defaultdict(list)
    for conv in data.top_conversations:
        if conv.cost_center_code in codes:
            convs[conv.did].append(conv)
    out = []
    for did, rows in rows_by_did.items():
        amount = cents(sum((r.amount for r in rows), ZERO))
        merged: dict[str, ConversationCost] = {}
        for conv in sorted(convs.get(did, []), key=lambda c: (-c.cost, -c.ms, c.conversation_id)):
            merged.setdefault(conv.conversation_id, conv)
        out.append(
            DidDetail(
                did=did,
                amount=amount,
                share_of_telecom=ratio(amount, breakdown.total),
                ms=sum(r.ms for r in rows),
                measured_cost=sum((r.measured_cost for r in rows), ZERO),
                rows=rows,
                conversations=list(merged.values())[:10],
            )
        )
    return sorted(out, key=lambda d: (-d.amount, d.did))


def conversation_slices(
    data: MonthData, conversation_id: str, only: set[str] | None = None
) -> list[Slice]:
    return [
        s
        for s in data.slices
        if s.conversation_id == conversation_id and (only is None or s.cost_center_code in only)
    ]


# --- licences by user ------------------------------------------------------------------------


@dataclass
class LicenceUserRow:
    user_id: str
    user_name: str
    licence_id: str
    product_sku: str
    product_name: str
    amount: Decimal


def licences_by_user(data: MonthData, code: str) -> list[LicenceUserRow]:
    """Each named-licence line of the cost center split evenly over its billable users."""
    lines = [line for line in data.lines_for(code) if line.allocation_method == "named_users"]
    users = [u for u in data.named_users if u.cost_center_code == code]
    by_sku: dict[str, list[NamedUser]] = defaultdict(list)
    for u in users:
        by_sku[u.product_sku].append(u)
    out: list[LicenceUserRow] = []
    for sku in sorted({line.product_sku for line in lines} | set(by_sku)):
        sku_lines = [line for line in lines if line.product_sku == sku]
        amount = cents(sum((line.amount for line in sku_lines), ZERO))
        name = sku_lines[0].product_name if sku_lines else sku
        members = sorted(by_sku.get(sku, []), key=lambda u: (u.user_name, u.user_id))
        if not members:
            continue
        weights = {u.user_id: u.weight for u in members}
        if not any(w > 0 for w in weights.values()):
            weights = {u.user_id: Decimal(1) for u in members}
        split = largest_remainder(amount, weights) if amount else {u.user_id: ZERO for u in members}
        out.extend(
            LicenceUserRow(u.user_id, u.user_name, u.licence_id, sku, name, split[u.user_id])
            for u in members
        )
    return out


# --- concurrency -----------------------------------------------------------------------------


@dataclass
class DayPeak:
    day: date
    users: int
    entitlement: Decimal
    at: datetime


@dataclass
class PeakEvidence:
    at: datetime
    org_users: int
    org_contract: int
    users: int
    entitlement: Decimal
    excess: Decimal


@dataclass
class Concurrency:
    daily: list[DayPeak]
    evidence: list[PeakEvidence]
    evidence_count: int
    peak_users: int
    entitlement: Decimal


def _daily(points: list[tuple[datetime, int, Decimal]]) -> list[DayPeak]:
    days: dict[date, DayPeak] = {}
    for at, users, entitlement in points:
        d = at.date()
        best = days.get(d)
        if best is None or users > best.users:
            days[d] = DayPeak(d, users, entitlement, at)
    return [days[d] for d in sorted(days)]


def org_series(data: MonthData) -> list[tuple[datetime, int, Decimal]]:
    """(slice, users of all cost centers, contracted concurrent users) per slice."""
    cached = data.memo.get("org_series")
    if cached is not None:
        return cached  # type: ignore[return-value]
    users: dict[datetime, int] = defaultdict(int)
    entitled: dict[datetime, Decimal] = defaultdict(lambda: ZERO)
    prepaid: dict[datetime, Decimal] = {}
    for p in data.concurrency:
        users[p.slice_started_at] += p.users
        entitled[p.slice_started_at] += p.entitlement
        if p.contract is not None:
            prepaid[p.slice_started_at] = p.contract
    series = [(at, users[at], prepaid.get(at, entitled[at])) for at in sorted(users)]
    data.memo["org_series"] = series
    return series


def _points_by_code(data: MonthData) -> dict[str, list[ConcurrencyPoint]]:
    cached = data.memo.get("points_by_code")
    if cached is None:
        grouped: dict[str, list[ConcurrencyPoint]] = defaultdict(list)
        for p in data.concurrency:
            grouped[p.cost_center_code].append(p)
        data.memo["points_by_code"] = cached = dict(grouped)
    return cached  # type: ignore[return-value]


def concurrency_for(data: MonthData, code: str | None, limit: int = 24) -> Concurrency | None:
    """Daily peaks and org-peak evidence for one cost center (None = the whole organisation)."""
    if not data.concurrency:
        return None
    org = {at: (u, c) for at, u, c in org_series(data)}
    if code is None:
        series = [(at, u, c) for at, (u, c) in sorted(org.items())]
        peak_points: list[ConcurrencyPoint] = []
    else:
        points = _points_by_code(data).get(code, [])
        if not points:
            return None
        series = [(p.slice_started_at, p.users, p.entitlement) for p in points]
        peak_points = [p for p in points if p.is_org_peak]
    evidence = [
        PeakEvidence(
            at=p.slice_started_at,
            org_users=org[p.slice_started_at][0],
            org_contract=org[p.slice_started_at][1],
            users=p.users,
            entitlement=p.entitlement,
            excess=p.excess,
        )
        for p in sorted(peak_points, key=lambda p: (-p.excess, -p.users, p.slice_started_at))
    ]
    return Concurrency(
        daily=_daily(series),
        evidence=evidence[:limit],
        evidence_count=len(evidence),
        peak_users=max((u for _, u, _ in series), default=0),
        entitlement=max((c for _, _, c in series), default=ZERO),
    )


# --- overview ------------------------------------------------------------------------------


@dataclass
class TaggingKpi:
    untagged_cost: Decimal
    ambiguous_cost: Decimal
    allocated_total: Decimal
    tagged_share: Decimal
    untagged_objects: int
    ambiguous_objects: int


def tagging_kpi(data: MonthData) -> TaggingKpi:
    untagged = [g for g in data.tagging_gaps if g.tag_rule == "untagged" or not g.cost_center_code]
    ambiguous = [g for g in data.tagging_gaps if g.is_ambiguous and g not in untagged]
    untagged_cost = cents(sum((g.cost for g in untagged), ZERO))
    total = data.allocated_total
    share = ratio(total - untagged_cost, total) if total else ZERO
    if data.tagged_share is not None:
        share = data.tagged_share
    if data.untagged_spend is not None:
        untagged_cost = data.untagged_spend
    return TaggingKpi(
        untagged_cost=untagged_cost,
        ambiguous_cost=cents(sum((g.cost for g in ambiguous), ZERO)),
        allocated_total=total,
        tagged_share=max(ZERO, min(Decimal(1), share)),
        untagged_objects=len(untagged),
        ambiguous_objects=len(ambiguous),
    )


@dataclass
class Change:
    previous: Decimal | None
    delta: Decimal | None
    pct: Decimal | None


def change(current: Decimal, previous: Decimal | None) -> Change:
    if previous is None:
        return Change(None, None, None)
    delta = cents(current - previous)
    pct = ratio(delta, abs(previous)) if previous else None
    return Change(previous, delta, pct)


def shared_lines(lines: list[InvoiceLine]) -> list[InvoiceLine]:
    """Lines split by a shared driver (not per-person, not telecom minutes, not concurrency)."""
    personal = {"named_users", "telecom_usage", "concurrent_peak", "overage_cause"}
    return [
        line
        for line in lines
        if line.product_method not in personal and line.cost_category != "telecom"
    ]

"""What the publisher renders: one billing month as plain, typed Python objects.

`fairshare.publish.reader.load_month` fills them from the published marts; the invoices, the
showback site, the journal and the FOCUS export read only these. Money stays `Decimal` end to end
(`money.to_decimal` refuses floats).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from fairshare.publish.insights import Insights
from fairshare.publish.money import ZERO, cents

ORPHAN = "ORPHAN"
ADJUSTMENT = "adjustment"  # invoice_lines rows carried for a closed month (not of this invoice)
TOP_CONVERSATIONS_PER_DID = 10


class PublishError(RuntimeError):
    """The marts cannot be published as they are (missing table/column, totals that disagree)."""


@dataclass(frozen=True)
class CostCenter:
    code: str
    name: str
    head: str
    email: str
    is_overhead: bool
    gl_account: str


@dataclass(frozen=True)
class InvoiceLine:
    """One row of marts.invoice_lines: a cost center's part of one vendor invoice line."""

    invoice_id: str
    line_id: str
    cost_center_code: str
    cost_category: str
    product_sku: str
    product_name: str
    allocation_method: str  # how this part was allocated (may be orphan_absorb, ...)
    product_method: str  # the vendor product's allocation method
    driver_name: str
    driver_unit: str
    driver_quantity: Decimal | None
    driver_total: Decimal | None
    share: Decimal | None
    amount: Decimal
    currency: str
    mode: str
    explanation: str


@dataclass(frozen=True)
class VendorLine:
    """One line of the vendor's invoice (what the allocations of the month add up to)."""

    invoice_id: str
    line_id: str
    product_sku: str
    product_name: str
    cost_category: str
    allocation_method: str
    driver_name: str
    driver_unit: str
    driver_total: Decimal | None
    amount: Decimal
    date_start: date
    date_end: date
    quantity: Decimal | None
    unit: str


@dataclass(frozen=True)
class DidUsage:
    """Measured telecom of one cost center on one org DID, one number type and direction."""

    cost_center_code: str
    did: str
    number_type: str
    direction: str
    product_sku: str | None
    ms: int
    cost: Decimal
    conversations: int
    allocated: Decimal | None = None  # Σ allocated_amount when the mart provides it


@dataclass(frozen=True)
class ConversationCost:
    """A top conversation of a cost center on one DID (by measured cost)."""

    cost_center_code: str
    did: str
    conversation_id: str
    started_at: datetime
    ms: int
    cost: Decimal
    rank: int


@dataclass(frozen=True)
class Slice:
    """One attributed time slice of a conversation's billable voice leg."""

    conversation_id: str
    session_id: str
    cost_center_code: str
    attribution_rule: str
    started_at: datetime | None
    ended_at: datetime | None
    ms: int
    cost: Decimal
    did: str
    number_type: str
    direction: str


@dataclass(frozen=True)
class ConcurrencyPoint:
    slice_started_at: datetime
    cost_center_code: str
    users: int
    entitlement: Decimal  # a share of the prepaid quantity: may be fractional
    excess: Decimal
    is_org_peak: bool
    contract: Decimal | None = None  # the organisation's prepaid concurrent users


@dataclass(frozen=True)
class TaggingGap:
    object_kind: str
    object_id: str
    object_name: str
    tag_rule: str
    cost_center_code: str | None
    is_ambiguous: bool
    cost: Decimal


@dataclass(frozen=True)
class QuarantineRow:
    record_kind: str
    record_key: str
    conversation_id: str
    reason: str
    action: str


@dataclass(frozen=True)
class NamedUser:
    cost_center_code: str
    user_id: str
    user_name: str
    licence_id: str
    product_sku: str
    weight: Decimal  # licence cost (or logged-in share) of the user in this cost center


@dataclass(frozen=True)
class FocusCategory:
    """How the vendor charges of a cost category appear in FOCUS (seeds/focus_charge_categories)."""

    cost_category: str
    charge_category: str
    charge_frequency: str
    service_name: str
    service_category: str
    service_subcategory: str
    host_provider_name: str  # FOCUS 1.3


@dataclass(frozen=True)
class BillingAccount:
    """The vendor account the invoices are issued to (seeds/billing_accounts)."""

    billing_account_id: str
    billing_account_name: str
    provider_name: str
    publisher_name: str
    invoice_issuer_name: str


@dataclass(frozen=True)
class GlCompany:
    """A company code (legal entity, subsidiary) of the general ledger (seeds/gl_companies)."""

    company_code: str
    company_name: str
    local_currency: str
    intercompany_account: str
    document_type: str


WILDCARD = "*"


@dataclass
class GlConfig:
    """The ledger mapping: companies, the company of each cost center, the accounts of each cost
    category (per cost center where needed) and the month's exchange rates."""

    companies: dict[str, GlCompany]
    cost_center_companies: dict[str, str]  # cost center (or '*') → company code
    accounts: dict[tuple[str, str], tuple[str, str]]  # (category|'*', cost center|'*') → accounts
    rates: dict[tuple[str, str], Decimal]  # (from, to) → units of `to` per 1 `from`

    def company_of(self, cost_center: str) -> GlCompany:
        code = self.cost_center_companies.get(cost_center) or self.cost_center_companies.get(
            WILDCARD
        )
        if code is None:
            raise PublishError(
                f"GL journal: cost center {cost_center!r} has no company code "
                "(seeds/gl_cost_center_companies.csv, or a '*' row)"
            )
        company = self.companies.get(code)
        if company is None:
            raise PublishError(
                f"GL journal: company code {code!r} is not in seeds/gl_companies.csv"
            )
        return company

    def accounts_for(self, cost_category: str, cost_center: str) -> tuple[str, str]:
        """(expense account, recovery account): the most specific row of gl_account_map. A row
        of the cost center beats a row of any cost center ('*'); within each, a row of the cost
        category beats a row of any category ('*')."""
        for key in (
            (cost_category, cost_center),
            (WILDCARD, cost_center),
            (cost_category, WILDCARD),
            (WILDCARD, WILDCARD),
        ):
            if key in self.accounts:
                return self.accounts[key]
        raise PublishError(
            f"GL journal: no account for cost category {cost_category!r} of cost center "
            f"{cost_center!r} in seeds/gl_account_map.csv"
        )

    def rate(self, currency: str, local_currency: str) -> Decimal:
        if currency == local_currency:
            return Decimal(1)
        rate = self.rates.get((currency, local_currency))
        if rate is None or rate <= 0:
            raise PublishError(
                f"GL journal: no exchange rate {currency} -> {local_currency} for the month in "
                "seeds/gl_exchange_rates.csv"
            )
        return rate


@dataclass
class MonthData:
    """Everything the publisher needs for one billing month."""

    month: str
    period_start: date
    period_end: date  # inclusive last day
    cost_centers: dict[str, CostCenter]
    overhead_code: str
    lines: list[InvoiceLine]
    sql_totals: dict[str, Decimal]
    vendor_lines: list[VendorLine]
    vendor_invoices: dict[str, Decimal]
    vendor_headers: dict[str, Decimal]
    currency: str
    mode: str
    did_usage: list[DidUsage] = field(default_factory=list)
    top_conversations: list[ConversationCost] = field(default_factory=list)
    slices: list[Slice] = field(default_factory=list)
    concurrency: list[ConcurrencyPoint] = field(default_factory=list)
    tagging_gaps: list[TaggingGap] = field(default_factory=list)
    tagged_share: Decimal | None = None  # the mart's "% of spend allocated by tag", as a share
    untagged_spend: Decimal | None = None  # the mart's spend not allocated by tag (month_total)
    quarantine: list[QuarantineRow] = field(default_factory=list)
    named_users: list[NamedUser] = field(default_factory=list)
    previous_month: str | None = None
    previous_totals: dict[str, Decimal] = field(default_factory=dict)
    previous_by_category: dict[str, Decimal] = field(default_factory=dict)
    # Which published revision of the month this is (the run ledger numbers them; 1 = the first).
    # Invoice numbers and the journal id carry it (FS-2026-10-SALES-R1, JE-2026-10-R1).
    revision: int = 1
    # The date the internal invoices are issued (document date of the journal); None = the vendor
    # invoice's date, else the day after the period (see `issued_on`).
    issue_date: date | None = None
    vendor_invoice_dates: dict[str, date] = field(default_factory=dict)
    focus_categories: dict[str, FocusCategory] | None = None  # None: seed table not loaded
    billing_account: BillingAccount | None = None
    gl: GlConfig | None = None
    # unit costs, budgets, explained changes, licence advisor (fairshare.publish.insights)
    insights: Insights | None = None
    memo: dict[str, object] = field(default_factory=dict, repr=False)  # derived views, cached
    # set by publish() from the run ledger (fairshare/runs/ledger.py)
    provisional: bool = False  # built before the analytics data of the month was final
    build_id: str = ""  # the dbt invocation whose marts are published

    @property
    def issued_on(self) -> date:
        """The issue date: as set, else the latest vendor invoice date of the month (the internal
        invoices cannot be issued before the vendor's), else the first day after the period."""
        if self.issue_date is not None:
            return self.issue_date
        after = self.period_end + timedelta(days=1)
        dates = [d for d in self.vendor_invoice_dates.values() if d >= after]
        return max(dates) if dates else after

    @property
    def vendor_total(self) -> Decimal:
        return cents(sum(self.vendor_invoices.values(), ZERO))

    @property
    def allocated_total(self) -> Decimal:
        return cents(sum((line.amount for line in self.lines), ZERO))

    @property
    def adjustments_total(self) -> Decimal:
        """Adjustment lines carried for closed months (allocated = vendor invoice + these)."""
        return cents(
            sum((line.amount for line in self.lines if line.allocation_method == ADJUSTMENT), ZERO)
        )

    @property
    def is_chargeback(self) -> bool:
        return self.mode.lower() == "chargeback"

    def lines_for(self, code: str) -> list[InvoiceLine]:
        return [line for line in self.lines if line.cost_center_code == code]

    def total_for(self, code: str) -> Decimal:
        return cents(sum((line.amount for line in self.lines_for(code)), ZERO))

    def billed_codes(self) -> list[str]:
        """Cost centers with at least one invoice line this month, in dimension order."""
        present = {line.cost_center_code for line in self.lines}
        ordered = [code for code in self.cost_centers if code in present]
        return ordered + sorted(present - set(ordered))


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-10' → (2026-10-01, 2026-10-31)."""
    try:
        start = date.fromisoformat(f"{month}-01")
    except ValueError as exc:
        raise PublishError(f"month must look like YYYY-MM, got {month!r}") from exc
    nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, nxt - timedelta(days=1)


def previous_month_of(month: str) -> str:
    start, _ = month_bounds(month)
    prev = start - timedelta(days=1)
    return f"{prev.year:04d}-{prev.month:02d}"

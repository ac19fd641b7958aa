"""Read one billing month from the marts (DuckDB) into plain, typed Python objects.

Everything the publisher renders comes from here. Money stays `Decimal` end to end: DuckDB returns
DECIMAL columns as `Decimal`, and `money.to_decimal` refuses floats. Column names follow
`models/marts/_marts__models.yml`; where a mart offers an optional column (or names it slightly
differently) the reader picks the first name that exists, so the publisher keeps working while the
marts evolve, and fails with a clear message when a required column is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb

from fairshare.publish.insights import Insights, load_insights
from fairshare.publish.money import ZERO, cents, to_decimal

log = logging.getLogger(__name__)

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
    # unit costs, budgets, explained changes, licence advisor (fairshare.publish.insights);
    # None when the warehouse has no insights marts
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


class _Reader:
    """Column-tolerant SQL over one read-only DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, schema: str, raw_schema: str) -> None:
        self.con = con
        self.schema = schema
        self.raw_schema = raw_schema
        row = con.execute("select current_database()").fetchone()
        self.catalog = str(row[0]) if row else ""
        self._columns: dict[tuple[str, str], set[str] | None] = {}

    def columns(self, table: str, schema: str | None = None) -> set[str] | None:
        key = (schema or self.schema, table)
        if key not in self._columns:
            rows = self.con.execute(
                "select lower(column_name) from information_schema.columns "
                "where table_catalog = ? and table_schema = ? and table_name = ?",
                [self.catalog, *key],
            ).fetchall()
            self._columns[key] = {r[0] for r in rows} or None
        return self._columns[key]

    def has(self, table: str, schema: str | None = None) -> bool:
        return self.columns(table, schema) is not None

    def pick(
        self,
        table: str,
        candidates: Sequence[str],
        *,
        required: bool = False,
        default: str = "null",
    ) -> str:
        """SQL expression for the first candidate column present (else `default`)."""
        cols = self.columns(table) or set()
        for name in candidates:
            if name.lower() in cols:
                return f'"{name.lower()}"'
        if required:
            raise PublishError(
                f"{self.schema}.{table} has none of the columns {', '.join(candidates)}; "
                "rebuild the marts (dbt build) or update fairshare.publish.data"
            )
        return default

    def table(self, name: str, schema: str | None = None) -> str:
        """Fully qualified, so a file named like the schema (marts.duckdb) is not ambiguous."""
        return f'"{self.catalog}"."{schema or self.schema}"."{name}"'

    def month_filter(self, table: str, month_start: date) -> tuple[str, list[object]]:
        col = self.pick(table, ["billing_month", "month", "billing_period_start"], default="")
        if not col:
            return "true", []
        return f"cast({col} as date) = ?", [month_start]

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _opt_dec(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)


def load_month(
    duckdb_path: Path,
    month: str,
    *,
    marts_schema: str = "marts",
    raw_schema: str = "genesys_raw",
    config_schema: str = "config",
    out_dir: Path | None = None,
) -> MonthData:
    """Read the month from the marts in `duckdb_path` (opened read-only), and the publishing
    configuration (FOCUS and ledger seeds) from `config_schema`."""
    if not duckdb_path.exists():
        raise PublishError(f"warehouse not found: {duckdb_path} (run `fairshare build` first)")
    start, end = month_bounds(month)
    con = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        r = _Reader(con, marts_schema, raw_schema)
        for required in ("invoice_lines", "dim_cost_centers"):
            if not r.has(required):
                raise PublishError(
                    f"mart {marts_schema}.{required} not found in {duckdb_path} "
                    "(run `fairshare build` first)"
                )
        cost_centers, overhead = _cost_centers(r, start)
        lines = _invoice_lines(r, start)
        if not lines:
            raise PublishError(f"no invoice_lines for {month} in {marts_schema}.invoice_lines")
        sql_totals = _sql_totals(r, start)
        vendor_lines = _vendor_lines(r, start, end, lines)
        vendor_invoices = _vendor_invoices(vendor_lines)
        vendor_headers, vendor_dates = _vendor_headers(r, vendor_invoices)
        for inv, header in vendor_headers.items():
            if header != vendor_invoices.get(inv):
                log.warning(
                    "vendor invoice %s: header total %s differs from the sum of its lines %s",
                    inv,
                    header,
                    vendor_invoices.get(inv),
                )
        currencies = {line.currency for line in lines if line.currency}
        modes = {line.mode.lower() for line in lines if line.mode}
        if len(currencies) > 1:
            raise PublishError(f"several currencies in one month: {sorted(currencies)}")
        if len(modes) > 1:
            raise PublishError(f"several modes in one month: {sorted(modes)}")
        data = MonthData(
            month=month,
            period_start=start,
            period_end=end,
            cost_centers=cost_centers,
            overhead_code=overhead,
            lines=lines,
            sql_totals=sql_totals,
            vendor_lines=vendor_lines,
            vendor_invoices=vendor_invoices,
            vendor_headers=vendor_headers,
            vendor_invoice_dates=vendor_dates,
            currency=currencies.pop() if currencies else "USD",
            mode=modes.pop() if modes else "showback",
        )
        if r.has("fct_segment_costs"):
            data.did_usage = _did_usage(r, start, vendor_lines)
            data.top_conversations = _top_conversations(r, start)
            data.slices = _slices(r, start, {c.conversation_id for c in data.top_conversations})
        data.concurrency = _concurrency(r, start)
        data.tagging_gaps, data.tagged_share, data.untagged_spend = _tagging(r, start)
        data.quarantine = _quarantine(r, start)
        data.named_users = _named_users(r, start)
        data.focus_categories, data.billing_account = _focus_config(r, config_schema)
        data.gl = _gl_config(r, config_schema, start)
        data.insights = load_insights(r, start, data.currency)
        _previous(r, data, out_dir)
        return data
    finally:
        con.close()


def _cost_centers(r: _Reader, start: date) -> tuple[dict[str, CostCenter], str]:
    t = "dim_cost_centers"
    where, params = r.month_filter(t, start)
    if where != "true" and not r.rows(f"select 1 from {r.table(t)} where {where} limit 1", params):
        where, params = "true", []  # the dimension has no row for this month: use all rows
    sql = f"""
        select {r.pick(t, ["cost_center_code"], required=True)},
               {r.pick(t, ["cost_center_name", "name"])},
               {r.pick(t, ["department_head", "head"])},
               {r.pick(t, ["head_email", "email"])},
               {r.pick(t, ["is_overhead"], default="false")},
               {r.pick(t, ["gl_account"])}
        from {r.table(t)}
        where {where}
        order by 1
    """
    centers: dict[str, CostCenter] = {}
    for code, name, head, email, is_overhead, gl in r.rows(sql, params):
        if code is None or code in centers:
            continue
        centers[code] = CostCenter(
            code=code,
            name=_s(name) or code,
            head=_s(head),
            email=_s(email),
            is_overhead=bool(is_overhead),
            gl_account=_s(gl),
        )
    overheads = [c.code for c in centers.values() if c.is_overhead]
    if len(overheads) != 1:
        raise PublishError(
            f"dim_cost_centers must hold exactly one overhead cost center, found {overheads}"
        )
    # departments first (by name), the overhead account last
    ordered = sorted(centers.values(), key=lambda c: (c.is_overhead, c.name.lower(), c.code))
    return {c.code: c for c in ordered}, overheads[0]


def _invoice_lines(r: _Reader, start: date) -> list[InvoiceLine]:
    t = "invoice_lines"
    where, params = r.month_filter(t, start)
    sql = f"""
        select {r.pick(t, ["invoice_id", "vendor_invoice_id"], required=True)},
               {r.pick(t, ["line_id", "invoice_line_id", "vendor_line_id"], required=True)},
               {r.pick(t, ["cost_center_code"], required=True)},
               {r.pick(t, ["cost_category", "category"], required=True)},
               {r.pick(t, ["product_sku", "sku"])},
               {r.pick(t, ["product_name"])},
               {r.pick(t, ["allocation_method"], required=True)},
               {r.pick(t, ["product_allocation_method"], default="allocation_method")},
               {r.pick(t, ["driver_name"])},
               {r.pick(t, ["driver_unit"])},
               {r.pick(t, ["driver_quantity", "cost_center_driver_quantity"])},
               {r.pick(t, ["driver_total", "driver_total_quantity", "total_driver_quantity"])},
               {r.pick(t, ["share", "allocation_share"])},
               {r.pick(t, ["amount", "allocated_amount"], required=True)},
               {r.pick(t, ["currency"])},
               {r.pick(t, ["mode"])},
               {r.pick(t, ["explanation"])}
        from {r.table(t)}
        where {where}
        order by 3, 4, 1, 2, 7
    """
    out: list[InvoiceLine] = []
    for row in r.rows(sql, params):
        amount = to_decimal(row[13])
        if amount != cents(amount):
            raise PublishError(f"invoice line {row[0]}/{row[1]} amount {amount} is not in cents")
        out.append(
            InvoiceLine(
                invoice_id=_s(row[0]),
                line_id=_s(row[1]),
                cost_center_code=_s(row[2]),
                cost_category=_s(row[3]),
                product_sku=_s(row[4]),
                product_name=_s(row[5]) or _s(row[4]),
                allocation_method=_s(row[6]),
                product_method=_s(row[7]) or _s(row[6]),
                driver_name=_s(row[8]),
                driver_unit=_s(row[9]),
                driver_quantity=_opt_dec(row[10]),
                driver_total=_opt_dec(row[11]),
                share=_opt_dec(row[12]),
                amount=cents(amount),
                currency=_s(row[14]),
                mode=_s(row[15]),
                explanation=_s(row[16]),
            )
        )
    return out


def _sql_totals(r: _Reader, start: date) -> dict[str, Decimal]:
    """Σ amount per cost center computed by the database (the invoice totals must equal it)."""
    t = "invoice_lines"
    where, params = r.month_filter(t, start)
    amount = r.pick(t, ["amount", "allocated_amount"], required=True)
    sql = f"""
        select cost_center_code, sum({amount}) from {r.table(t)} where {where} group by 1
    """
    return {code: cents(to_decimal(total)) for code, total in r.rows(sql, params)}


def _vendor_lines(r: _Reader, start: date, end: date, lines: list[InvoiceLine]) -> list[VendorLine]:
    """The vendor lines behind the month's allocations, with the raw line's amount and dates."""
    raw: dict[tuple[str, str], tuple] = {}
    raw_cols = r.columns("invoice_lines", r.raw_schema)
    if r.has("fct_vendor_invoice_lines"):
        # the published vendor side of the month (reporting currency), never the raw tables
        where, params = r.month_filter("fct_vendor_invoice_lines", start)
        for row in r.rows(
            f"""select invoice_id, invoice_line_id, amount, date_start, date_end, quantity,
                       unit_of_measure, product_name
                from {r.table("fct_vendor_invoice_lines")} where {where}""",
            params,
        ):
            raw[(row[0], row[1])] = row
    elif raw_cols is not None:
        ids = sorted({line.invoice_id for line in lines})
        marks = ", ".join("?" for _ in ids)
        for row in r.rows(
            f"""select invoice_id, line_id, amount, date_start, date_end, quantity,
                       unit_of_measure, product_name
                from {r.table("invoice_lines", r.raw_schema)}
                where invoice_id in ({marks})""",
            ids,
        ):
            raw[(row[0], row[1])] = row
    mart_line_amount = r.pick("invoice_lines", ["line_amount", "vendor_line_amount"], default="")
    mart_amounts: dict[tuple[str, str], Decimal] = {}
    if mart_line_amount:
        t = "invoice_lines"
        where, params = r.month_filter(t, start)
        line_col = r.pick(t, ["line_id", "invoice_line_id", "vendor_line_id"], required=True)
        for inv, line_id, amount in r.rows(
            f"""select distinct invoice_id, {line_col}, {mart_line_amount}
                from {r.table(t)} where {where}""",
            params,
        ):
            mart_amounts[(inv, line_id)] = to_decimal(amount)
    grouped: dict[tuple[str, str], list[InvoiceLine]] = {}
    for line in lines:
        if line.allocation_method == ADJUSTMENT:
            continue  # a closed month's line, not one of this month's invoice
        grouped.setdefault((line.invoice_id, line.line_id), []).append(line)
    out: list[VendorLine] = []
    for key, parts in grouped.items():
        own = [p for p in parts if p.allocation_method == p.product_method]
        first = own[0] if own else parts[0]
        allocated = sum((p.amount for p in parts), ZERO)
        raw_row = raw.get(key)
        if raw_row is not None:
            amount = cents(to_decimal(raw_row[2]))
            d_start = raw_row[3] or start
            d_end = raw_row[4] or end
            quantity = _opt_dec(raw_row[5])
            unit = _s(raw_row[6])
        else:
            amount = cents(mart_amounts.get(key, allocated))
            d_start, d_end, quantity, unit = start, end, None, ""
        out.append(
            VendorLine(
                invoice_id=key[0],
                line_id=key[1],
                product_sku=first.product_sku,
                product_name=(_s(raw_row[7]) if raw_row is not None else "") or first.product_name,
                cost_category=first.cost_category,
                allocation_method=first.product_method,
                driver_name=first.driver_name,
                driver_unit=first.driver_unit,
                driver_total=first.driver_total,
                amount=amount,
                date_start=d_start if isinstance(d_start, date) else start,
                date_end=d_end if isinstance(d_end, date) else end,
                quantity=quantity,
                unit=unit,
            )
        )
    out.sort(key=lambda v: (v.invoice_id, v.line_id))
    return out


def _vendor_invoices(vendor_lines: list[VendorLine]) -> dict[str, Decimal]:
    """Vendor invoice totals: the sum of the lines that were allocated."""
    totals: dict[str, Decimal] = {}
    for v in vendor_lines:
        totals[v.invoice_id] = totals.get(v.invoice_id, ZERO) + v.amount
    return {k: cents(v) for k, v in sorted(totals.items())}


def _vendor_headers(
    r: _Reader, totals: dict[str, Decimal]
) -> tuple[dict[str, Decimal], dict[str, date]]:
    """The invoice header totals and dates: from the published fct_vendor_invoice_lines (totals
    only for invoices in the reporting currency: a header in another currency is not comparable
    with the converted lines), else from the raw vendor invoices (synthetic marts)."""
    if not totals:
        return {}, {}
    headers: dict[str, Decimal] = {}
    dates: dict[str, date] = {}
    if r.has("fct_vendor_invoice_lines"):
        for inv, amount, day, same_currency in r.rows(
            f"""select invoice_id, max(invoice_amount), max(invoice_date),
                       bool_and(vendor_currency = currency)
                from {r.table("fct_vendor_invoice_lines")}
                group by 1"""
        ):
            if inv not in totals:
                continue
            if amount is not None and same_currency:
                headers[inv] = cents(to_decimal(amount))
            if isinstance(day, date):
                dates[inv] = day
        return headers, dates
    cols = r.columns("invoices", r.raw_schema)
    if cols is None:
        return {}, {}
    ids = sorted(totals)
    marks = ", ".join("?" for _ in ids)
    invoiced = "date_invoiced" if "date_invoiced" in cols else "null"
    for inv, amount, day in r.rows(
        f"""select invoice_id, amount, {invoiced} from {r.table("invoices", r.raw_schema)}
            where invoice_id in ({marks})""",
        ids,
    ):
        if amount is not None:
            headers[inv] = cents(to_decimal(amount))
        if isinstance(day, datetime):
            dates[inv] = day.date()
        elif isinstance(day, date):
            dates[inv] = day
    return headers, dates


def _config_rows(r: _Reader, schema: str, table: str, columns: Sequence[str]) -> list[tuple] | None:
    """All rows of a seed table as text (None when the seed is not loaded)."""
    cols = r.columns(table, schema)
    if cols is None:
        return None
    missing = [c for c in columns if c not in cols]
    if missing:
        raise PublishError(
            f"{schema}.{table} lacks the columns {', '.join(missing)}; run `dbt seed` again"
        )
    select = ", ".join(f"trim(cast({c} as varchar))" for c in columns)
    return r.rows(f"select {select} from {r.table(table, schema)}")


def _focus_config(
    r: _Reader, schema: str
) -> tuple[dict[str, FocusCategory] | None, BillingAccount | None]:
    rows = _config_rows(
        r,
        schema,
        "focus_charge_categories",
        [
            "cost_category",
            "charge_category",
            "charge_frequency",
            "service_name",
            "service_category",
            "service_subcategory",
            "host_provider_name",
        ],
    )
    categories = None if rows is None else {row[0]: FocusCategory(*row) for row in rows}
    accounts = _config_rows(
        r,
        schema,
        "billing_accounts",
        [
            "billing_account_id",
            "billing_account_name",
            "provider_name",
            "publisher_name",
            "invoice_issuer_name",
        ],
    )
    account = None
    if accounts is not None:
        if len(accounts) != 1:
            raise PublishError(
                f"{schema}.billing_accounts must hold exactly one row (the Genesys organisation "
                f"billed), found {len(accounts)}"
            )
        account = BillingAccount(*(_s(v) for v in accounts[0]))
    return categories, account


def _gl_config(r: _Reader, schema: str, start: date) -> GlConfig | None:
    companies = _config_rows(
        r,
        schema,
        "gl_companies",
        [
            "company_code",
            "company_name",
            "local_currency",
            "intercompany_account",
            "document_type",
        ],
    )
    members = _config_rows(
        r, schema, "gl_cost_center_companies", ["cost_center_code", "company_code"]
    )
    accounts = _config_rows(
        r,
        schema,
        "gl_account_map",
        ["cost_category", "cost_center_code", "expense_account", "recovery_account"],
    )
    if companies is None or members is None or accounts is None:
        return None
    rates: dict[tuple[str, str], Decimal] = {}
    if r.columns("gl_exchange_rates", schema) is not None:
        for from_ccy, to_ccy, rate in r.rows(
            f"""select upper(trim(from_currency)), upper(trim(to_currency)), rate
                from {r.table("gl_exchange_rates", schema)}
                where cast(billing_month as date) = ?""",
            [start],
        ):
            rates[(from_ccy, to_ccy)] = to_decimal(rate)
    return GlConfig(
        companies={
            row[0]: GlCompany(row[0], _s(row[1]), _s(row[2]).upper(), _s(row[3]), _s(row[4]))
            for row in companies
        },
        cost_center_companies={row[0].upper(): row[1] for row in members},
        accounts={
            (row[0], row[1].upper() if row[1] != WILDCARD else WILDCARD): (row[2], row[3])
            for row in accounts
        },
        rates=rates,
    )


def _did_usage(r: _Reader, start: date, vendor_lines: list[VendorLine]) -> list[DidUsage]:
    t = "fct_segment_costs"
    where, params = r.month_filter(t, start)
    ms = r.pick(t, ["attributed_ms", "ms", "duration_ms"], required=True)
    cost = r.pick(t, ["cost", "attributed_cost", "segment_cost", "leg_cost"], default="0")
    sku = r.pick(t, ["product_sku", "sku"])
    allocated = r.pick(t, ["allocated_amount"])
    sql = f"""
        select cost_center_code, coalesce(did, ''), coalesce(number_type, 'unknown'),
               coalesce(direction, ''), {sku} as sku,
               sum({ms}), sum({cost}), count(distinct conversation_id), sum({allocated})
        from {r.table(t)}
        where {where}
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4
    """
    return [
        DidUsage(
            cost_center_code=_s(row[0]) or ORPHAN,
            did=_s(row[1]),
            number_type=_s(row[2]),
            direction=_s(row[3]),
            product_sku=row[4],
            ms=int(row[5] or 0),
            cost=to_decimal(row[6]),
            conversations=int(row[7]),
            allocated=_opt_dec(row[8]),
        )
        for row in r.rows(sql, params)
    ]


def _top_conversations(r: _Reader, start: date) -> list[ConversationCost]:
    t = "fct_segment_costs"
    where, params = r.month_filter(t, start)
    ms = r.pick(t, ["attributed_ms", "ms", "duration_ms"], required=True)
    cost = r.pick(t, ["cost", "attributed_cost", "segment_cost", "leg_cost"], default="0")
    started = r.pick(t, ["slice_started_at", "started_at", "leg_started_at"])
    sql = f"""
        with per_conversation as (
            select cost_center_code, coalesce(did, '') as did, conversation_id,
                   min({started}) as started_at, sum({ms}) as ms, sum({cost}) as cost
            from {r.table(t)}
            where {where}
            group by 1, 2, 3
        ),
        ranked as (
            select *, row_number() over (
                partition by cost_center_code, did order by cost desc, ms desc, conversation_id
            ) as rank
            from per_conversation
        )
        select cost_center_code, did, conversation_id, started_at, ms, cost, rank
        from ranked where rank <= {TOP_CONVERSATIONS_PER_DID}
        order by 1, 2, rank
    """
    return [
        ConversationCost(
            cost_center_code=_s(row[0]) or ORPHAN,
            did=_s(row[1]),
            conversation_id=_s(row[2]),
            started_at=row[3],
            ms=int(row[4] or 0),
            cost=to_decimal(row[5]),
            rank=int(row[6]),
        )
        for row in r.rows(sql, params)
    ]


def _slices(r: _Reader, start: date, conversation_ids: set[str]) -> list[Slice]:
    if not conversation_ids:
        return []
    t = "fct_segment_costs"
    where, params = r.month_filter(t, start)
    ms = r.pick(t, ["attributed_ms", "ms", "duration_ms"], required=True)
    cost = r.pick(t, ["cost", "attributed_cost", "segment_cost", "leg_cost"], default="0")
    started = r.pick(t, ["slice_started_at", "started_at", "leg_started_at"])
    ended = r.pick(t, ["slice_ended_at", "ended_at", "leg_ended_at"])
    session = r.pick(t, ["session_id"], default="''")
    rule = r.pick(t, ["attribution_rule"], default="''")
    sql = f"""
        select conversation_id, {session}, cost_center_code, {rule}, {started}, {ended},
               {ms}, {cost}, coalesce(did, ''), coalesce(number_type, ''),
               coalesce(direction, '')
        from {r.table(t)}
        where {where} and conversation_id in (select unnest(?))
        order by 1, 5, 3
    """
    params = [*params, sorted(conversation_ids)]
    return [
        Slice(
            conversation_id=_s(row[0]),
            session_id=_s(row[1]),
            cost_center_code=_s(row[2]) or ORPHAN,
            attribution_rule=_s(row[3]),
            started_at=row[4],
            ended_at=row[5],
            ms=int(row[6] or 0),
            cost=to_decimal(row[7]),
            did=_s(row[8]),
            number_type=_s(row[9]),
            direction=_s(row[10]),
        )
        for row in r.rows(sql, params)
    ]


def _concurrency(r: _Reader, start: date) -> list[ConcurrencyPoint]:
    t = "fct_concurrency_peaks"
    if not r.has(t):
        return []
    where, params = r.month_filter(t, start)
    sql = f"""
        select {r.pick(t, ["slice_started_at", "slice_start", "slice_at"], required=True)},
               cost_center_code,
               {r.pick(t, ["concurrent_users", "users", "logged_in_users"], required=True)},
               {r.pick(t, ["entitlement", "concurrent_entitlement"], default="0")},
               {r.pick(t, ["excess", "excess_users"], default="0")},
               {r.pick(t, ["is_org_peak_slice", "is_org_peak", "is_peak_slice"], default="false")},
               {r.pick(t, ["prepaid_quantity", "org_entitlement", "contract_quantity"])}
        from {r.table(t)}
        where {where}
        order by 1, 2
    """
    return [
        ConcurrencyPoint(
            slice_started_at=row[0],
            cost_center_code=_s(row[1]),
            users=int(row[2] or 0),
            entitlement=to_decimal(row[3]),
            excess=to_decimal(row[4]),
            is_org_peak=bool(row[5]),
            contract=_opt_dec(row[6]),
        )
        for row in r.rows(sql, params)
    ]


def _tagging(r: _Reader, start: date) -> tuple[list[TaggingGap], Decimal | None, Decimal | None]:
    """Untagged/ambiguous objects, the KPI, and the spend not allocated by tag (the mart's
    `month_total` row)."""
    t = "fct_tagging_coverage"
    if not r.has(t):
        return [], None, None
    where, params = r.month_filter(t, start)
    kind = r.pick(t, ["object_kind", "object_type"], default="''")
    kpi_col = r.pick(
        t, ["share_of_spend_allocated_by_tag", "pct_spend_allocated_by_tag", "tagged_share"]
    )
    sql = f"""
        select {kind},
               {r.pick(t, ["object_id"], default="''")},
               {r.pick(t, ["object_name", "name"], default="''")},
               {r.pick(t, ["tag_rule"], default="''")},
               {r.pick(t, ["cost_center_code"])},
               {r.pick(t, ["is_ambiguous"], default="false")},
               {r.pick(t, ["cost", "cost_carried", "amount"], default="0")},
               {kpi_col}
        from {r.table(t)}
        where {where}
        order by 7 desc, 1, 2
    """
    gaps: list[TaggingGap] = []
    kpi: Decimal | None = None
    month_total: Decimal | None = None
    for row in r.rows(sql, params):
        if row[7] is not None and kpi is None:
            kpi = to_decimal(row[7])
            if kpi > 1:  # a percentage rather than a share
                kpi = kpi / 100
        if _s(row[0]) == "month_total":
            month_total = cents(to_decimal(row[6]))
            continue
        gaps.append(
            TaggingGap(
                object_kind=_s(row[0]),
                object_id=_s(row[1]),
                object_name=_s(row[2]),
                tag_rule=_s(row[3]),
                cost_center_code=row[4],
                is_ambiguous=bool(row[5]),
                cost=cents(to_decimal(row[6])),
            )
        )
    return gaps, kpi, month_total


def _quarantine(r: _Reader, start: date) -> list[QuarantineRow]:
    t = "fct_quarantine"
    if not r.has(t):
        return []
    where, params = r.month_filter(t, start)
    sql = f"""
        select {r.pick(t, ["record_kind"], default="''")},
               {r.pick(t, ["record_key"], default="''")},
               {r.pick(t, ["conversation_id"], default="''")},
               {r.pick(t, ["reason"], default="''")},
               {r.pick(t, ["action", "action_taken"], default="''")}
        from {r.table(t)}
        where {where}
        order by 1, 4, 2
    """
    return [QuarantineRow(*(_s(v) for v in row)) for row in r.rows(sql, params)]


def _named_users(r: _Reader, start: date) -> list[NamedUser]:
    t = "fct_named_users"
    if not r.has(t):
        return []
    where, params = r.month_filter(t, start)
    sql = f"""
        select cost_center_code, user_id, {r.pick(t, ["user_name", "name"], default="''")},
               {r.pick(t, ["licence_id", "license_id"], default="''")},
               {r.pick(t, ["product_sku", "sku"], default="''")},
               {r.pick(t, ["licence_cost", "logged_in_share"], default="1")}
        from {r.table(t)}
        where {where}
        order by 1, 5, 3, 2
    """
    return [
        NamedUser(
            _s(row[0]),
            _s(row[1]),
            _s(row[2]) or _s(row[1]),
            _s(row[3]),
            _s(row[4]),
            to_decimal(row[5]) if row[5] is not None else Decimal(1),
        )
        for row in r.rows(sql, params)
    ]


def _previous(r: _Reader, data: MonthData, out_dir: Path | None) -> None:
    """Totals of the month before, from out/<prev>/summary.json, else from the warehouse."""
    prev = previous_month_of(data.month)
    if out_dir is not None:
        from fairshare.publish.summary import read_summary  # local import: avoids a cycle

        summary = read_summary(out_dir / prev)
        if summary is not None:
            data.previous_month = prev
            data.previous_totals = summary.by_cost_center
            data.previous_by_category = summary.by_category
            return
    prev_start, _ = month_bounds(prev)
    t = "invoice_lines"
    where, params = r.month_filter(t, prev_start)
    if where == "true":
        return
    amount = r.pick(t, ["amount", "allocated_amount"], required=True)
    category = r.pick(t, ["cost_category", "category"], required=True)
    rows = r.rows(
        f"""select cost_center_code, {category}, sum({amount}) from {r.table(t)}
            where {where} group by 1, 2""",
        params,
    )
    if not rows:
        return
    data.previous_month = prev
    for code, cat, total in rows:
        value = to_decimal(total)
        data.previous_totals[code] = cents(data.previous_totals.get(code, ZERO) + value)
        data.previous_by_category[cat] = cents(data.previous_by_category.get(cat, ZERO) + value)

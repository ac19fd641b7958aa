"""Read one billing month from the published marts (DuckDB) into `fairshare.publish.data`.

The publisher reads the marts' contracted columns by name (`MART_COLUMNS`, declared in
models/marts/_marts__models.yml and the `publisher` exposure) and nothing else: never a raw table.
`load_month` checks first that every mart has every column it reads, and says which are missing
(a warehouse built by another fairshare version is rebuilt, not guessed at). Money stays `Decimal`
end to end: DuckDB returns DECIMAL columns as `Decimal`, and `money.to_decimal` refuses floats.
"""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

from fairshare.publish.config_seeds import focus_config, gl_config
from fairshare.publish.data import (
    ADJUSTMENT,
    ORPHAN,
    TOP_CONVERSATIONS_PER_DID,
    ConcurrencyPoint,
    ConversationCost,
    CostCenter,
    DidUsage,
    InvoiceLine,
    MonthData,
    NamedUser,
    PublishError,
    QuarantineRow,
    Slice,
    TaggingGap,
    VendorLine,
    month_bounds,
    previous_month_of,
)
from fairshare.publish.insights import INSIGHTS_MART_COLUMNS, load_insights
from fairshare.publish.money import ZERO, cents, to_decimal
from fairshare.publish.sql import MartReader

log = logging.getLogger(__name__)

# Every mart column the publisher reads, per mart (all month-partitioned on billing_month).
MART_COLUMNS: dict[str, tuple[str, ...]] = {
    "invoice_lines": (
        "billing_month", "invoice_id", "invoice_line_id", "cost_center_code", "cost_category",
        "product_sku", "product_name", "allocation_method", "product_allocation_method",
        "driver_name", "driver_unit", "driver_quantity", "driver_total", "share", "amount",
        "currency", "mode", "explanation",
    ),
    "dim_cost_centers": (
        "billing_month", "cost_center_code", "cost_center_name", "department_head",
        "head_email", "is_overhead", "gl_account",
    ),
    "fct_vendor_invoice_lines": (
        "billing_month", "invoice_id", "invoice_line_id", "product_name", "date_start",
        "date_end", "quantity", "unit_of_measure", "amount", "currency", "vendor_currency",
        "invoice_amount", "invoice_date",
    ),
    "fct_segment_costs": (
        "billing_month", "conversation_id", "session_id", "did", "number_type", "direction",
        "cost_center_code", "attribution_rule", "slice_started_at", "slice_ended_at",
        "attributed_ms", "cost", "product_sku", "allocated_amount",
    ),
    "fct_concurrency_peaks": (
        "billing_month", "slice_started_at", "cost_center_code", "concurrent_users",
        "entitlement", "excess", "is_org_peak_slice", "prepaid_quantity",
    ),
    "fct_tagging_coverage": (
        "billing_month", "object_kind", "object_id", "object_name", "tag_rule",
        "cost_center_code", "is_ambiguous", "cost", "share_of_spend_allocated_by_tag",
    ),
    "fct_quarantine": (
        "billing_month", "record_kind", "record_key", "conversation_id", "reason", "action_taken",
    ),
    "fct_named_users": (
        "billing_month", "cost_center_code", "user_id", "user_name", "license_id",
        "product_sku", "licence_cost",
    ),
    **INSIGHTS_MART_COLUMNS,
}  # fmt: skip

# The fct_tagging_coverage row that carries the month's spend not allocated by tag.
MONTH_TOTAL_KIND = "month_total"


def _check_marts(m: MartReader, duckdb_path: Path) -> None:
    """Every mart the publisher reads exists with every column it reads."""
    for mart, wanted in MART_COLUMNS.items():
        found = m.columns(mart)
        if found is None:
            raise PublishError(
                f"mart {m.schema}.{mart} not found in {duckdb_path} (run `fairshare build` first)"
            )
        missing = [c for c in wanted if c not in found]
        if missing:
            raise PublishError(
                f"mart {m.schema}.{mart} lacks the columns {', '.join(missing)}: it was "
                "built by another version of fairshare; run `fairshare build` again"
            )


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _opt_dec(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)


def load_month(
    duckdb_path: Path,
    month: str,
    *,
    marts_schema: str = "marts",
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
        m = MartReader(con, marts_schema)
        _check_marts(m, duckdb_path)
        cost_centers, overhead = _cost_centers(m, start)
        lines = _invoice_lines(m, start)
        if not lines:
            raise PublishError(f"no invoice_lines for {month} in {marts_schema}.invoice_lines")
        vendor_lines = _vendor_lines(m, start, lines)
        vendor_invoices = _vendor_invoices(vendor_lines)
        vendor_headers, vendor_dates = _vendor_headers(m, start, vendor_invoices)
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
            sql_totals=_sql_totals(m, start),
            vendor_lines=vendor_lines,
            vendor_invoices=vendor_invoices,
            vendor_headers=vendor_headers,
            vendor_invoice_dates=vendor_dates,
            currency=currencies.pop() if currencies else "USD",
            mode=modes.pop() if modes else "showback",
        )
        data.did_usage = _did_usage(m, start)
        data.top_conversations = _top_conversations(m, start)
        data.slices = _slices(m, start, {c.conversation_id for c in data.top_conversations})
        data.concurrency = _concurrency(m, start)
        data.tagging_gaps, data.tagged_share, data.untagged_spend = _tagging(m, start)
        data.quarantine = _quarantine(m, start)
        data.named_users = _named_users(m, start)
        data.focus_categories, data.billing_account = focus_config(m, config_schema)
        data.gl = gl_config(m, config_schema, start)
        data.insights = load_insights(m, start, data.currency)
        _previous(m, data, out_dir)
        return data
    finally:
        con.close()


# --------------------------------------------------------------------------- invoice side


def _cost_centers(m: MartReader, start: date) -> tuple[dict[str, CostCenter], str]:
    t = m.table("dim_cost_centers")
    where, params = "billing_month = ?", [start]
    if not m.rows(f"select 1 from {t} where {where} limit 1", params):
        where, params = "true", []  # the dimension has no row for this month: use all rows
    centers: dict[str, CostCenter] = {}
    for code, name, head, email, is_overhead, gl in m.rows(
        f"""select cost_center_code, cost_center_name, department_head, head_email, is_overhead,
                   gl_account
            from {t} where {where} order by 1""",
        params,
    ):
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


def _invoice_lines(m: MartReader, start: date) -> list[InvoiceLine]:
    out: list[InvoiceLine] = []
    for row in m.rows(
        f"""select invoice_id, invoice_line_id, cost_center_code, cost_category, product_sku,
                   product_name, allocation_method, product_allocation_method, driver_name,
                   driver_unit, driver_quantity, driver_total, share, amount, currency, mode,
                   explanation
            from {m.table("invoice_lines")}
            where billing_month = ?
            order by 3, 4, 1, 2, 7""",
        [start],
    ):
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


def _sql_totals(m: MartReader, start: date) -> dict[str, Decimal]:
    """Σ amount per cost center computed by the database (the invoice totals must equal it)."""
    return {
        code: cents(to_decimal(total))
        for code, total in m.rows(
            f"""select cost_center_code, sum(amount) from {m.table("invoice_lines")}
                where billing_month = ? group by 1""",
            [start],
        )
    }


def _vendor_lines(m: MartReader, start: date, lines: list[InvoiceLine]) -> list[VendorLine]:
    """The vendor lines behind the month's allocations (fct_vendor_invoice_lines: the vendor's
    line in the reporting currency, its dates, quantity and unit)."""
    vendor: dict[tuple[str, str], tuple] = {
        (row[0], row[1]): row
        for row in m.rows(
            f"""select invoice_id, invoice_line_id, amount, date_start, date_end, quantity,
                       unit_of_measure, product_name
                from {m.table("fct_vendor_invoice_lines")} where billing_month = ?""",
            [start],
        )
    }
    grouped: dict[tuple[str, str], list[InvoiceLine]] = {}
    for line in lines:
        if line.allocation_method == ADJUSTMENT:
            continue  # a closed month's line, not one of this month's invoice
        grouped.setdefault((line.invoice_id, line.line_id), []).append(line)
    _, end = month_bounds(f"{start:%Y-%m}")
    out: list[VendorLine] = []
    for key, parts in grouped.items():
        row = vendor.get(key)
        if row is None:
            raise PublishError(
                f"invoice line {key[0]}/{key[1]} of invoice_lines has no row in "
                "fct_vendor_invoice_lines for the month; run `fairshare build` again"
            )
        own = [p for p in parts if p.allocation_method == p.product_method]
        first = own[0] if own else parts[0]
        out.append(
            VendorLine(
                invoice_id=key[0],
                line_id=key[1],
                product_sku=first.product_sku,
                product_name=_s(row[7]) or first.product_name,
                cost_category=first.cost_category,
                allocation_method=first.product_method,
                driver_name=first.driver_name,
                driver_unit=first.driver_unit,
                driver_total=first.driver_total,
                amount=cents(to_decimal(row[2])),
                date_start=row[3] if isinstance(row[3], date) else start,
                date_end=row[4] if isinstance(row[4], date) else end,
                quantity=_opt_dec(row[5]),
                unit=_s(row[6]),
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
    m: MartReader, start: date, totals: dict[str, Decimal]
) -> tuple[dict[str, Decimal], dict[str, date]]:
    """The invoice header totals and dates (totals only for invoices in the reporting currency:
    a header in another currency is not comparable with the converted lines)."""
    headers: dict[str, Decimal] = {}
    dates: dict[str, date] = {}
    for inv, amount, day, same_currency in m.rows(
        f"""select invoice_id, max(invoice_amount), max(invoice_date),
                   bool_and(vendor_currency = currency)
            from {m.table("fct_vendor_invoice_lines")}
            where billing_month = ?
            group by 1""",
        [start],
    ):
        if inv not in totals:
            continue
        if amount is not None and same_currency:
            headers[inv] = cents(to_decimal(amount))
        if isinstance(day, date):
            dates[inv] = day
    return headers, dates


def _previous(m: MartReader, data: MonthData, out_dir: Path | None) -> None:
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
    rows = m.rows(
        f"""select cost_center_code, cost_category, sum(amount) from {m.table("invoice_lines")}
            where billing_month = ? group by 1, 2""",
        [prev_start],
    )
    if not rows:
        return
    data.previous_month = prev
    for code, cat, total in rows:
        value = to_decimal(total)
        data.previous_totals[code] = cents(data.previous_totals.get(code, ZERO) + value)
        data.previous_by_category[cat] = cents(data.previous_by_category.get(cat, ZERO) + value)


# --------------------------------------------------------------------------- usage detail


def _did_usage(m: MartReader, start: date) -> list[DidUsage]:
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
        for row in m.rows(
            f"""select cost_center_code, coalesce(did, ''), coalesce(number_type, 'unknown'),
                       coalesce(direction, ''), product_sku, sum(attributed_ms), sum(cost),
                       count(distinct conversation_id), sum(allocated_amount)
                from {m.table("fct_segment_costs")}
                where billing_month = ?
                group by 1, 2, 3, 4, 5
                order by 1, 2, 3, 4""",
            [start],
        )
    ]


def _top_conversations(m: MartReader, start: date) -> list[ConversationCost]:
    sql = f"""
        with per_conversation as (
            select cost_center_code, coalesce(did, '') as did, conversation_id,
                   min(slice_started_at) as started_at, sum(attributed_ms) as ms,
                   sum(cost) as cost
            from {m.table("fct_segment_costs")}
            where billing_month = ?
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
        for row in m.rows(sql, [start])
    ]


def _slices(m: MartReader, start: date, conversation_ids: set[str]) -> list[Slice]:
    if not conversation_ids:
        return []
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
        for row in m.rows(
            f"""select conversation_id, session_id, cost_center_code, attribution_rule,
                       slice_started_at, slice_ended_at, attributed_ms, cost, coalesce(did, ''),
                       coalesce(number_type, ''), coalesce(direction, '')
                from {m.table("fct_segment_costs")}
                where billing_month = ? and conversation_id in (select unnest(?))
                order by 1, 5, 3""",
            [start, sorted(conversation_ids)],
        )
    ]


def _concurrency(m: MartReader, start: date) -> list[ConcurrencyPoint]:
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
        for row in m.rows(
            f"""select slice_started_at, cost_center_code, concurrent_users,
                       entitlement, excess, is_org_peak_slice, prepaid_quantity
                from {m.table("fct_concurrency_peaks")}
                where billing_month = ?
                order by 1, 2""",
            [start],
        )
    ]


def _tagging(m: MartReader, start: date) -> tuple[list[TaggingGap], Decimal | None, Decimal | None]:
    """Untagged/ambiguous objects, the KPI (share of spend allocated by tag), and the spend not
    allocated by tag (the mart's `month_total` row)."""
    gaps: list[TaggingGap] = []
    kpi: Decimal | None = None
    month_total: Decimal | None = None
    for kind, object_id, name, rule, code, ambiguous, cost, share in m.rows(
        f"""select object_kind, object_id, object_name, tag_rule, cost_center_code,
                   is_ambiguous, cost, share_of_spend_allocated_by_tag
            from {m.table("fct_tagging_coverage")}
            where billing_month = ?
            order by 7 desc, 1, 2""",
        [start],
    ):
        if share is not None and kpi is None:
            kpi = to_decimal(share)
        if _s(kind) == MONTH_TOTAL_KIND:
            month_total = cents(to_decimal(cost))
            continue
        gaps.append(
            TaggingGap(
                object_kind=_s(kind),
                object_id=_s(object_id),
                object_name=_s(name),
                tag_rule=_s(rule),
                cost_center_code=code,
                is_ambiguous=bool(ambiguous),
                cost=cents(to_decimal(cost)),
            )
        )
    return gaps, kpi, month_total


def _quarantine(m: MartReader, start: date) -> list[QuarantineRow]:
    return [
        QuarantineRow(*(_s(v) for v in row))
        for row in m.rows(
            f"""select record_kind, record_key, conversation_id, reason, action_taken
                from {m.table("fct_quarantine")}
                where billing_month = ?
                order by 1, 4, 2""",
            [start],
        )
    ]


def _named_users(m: MartReader, start: date) -> list[NamedUser]:
    return [
        NamedUser(
            _s(code),
            _s(user_id),
            _s(name) or _s(user_id),
            _s(licence),
            _s(sku),
            to_decimal(cost) if cost is not None else Decimal(1),
        )
        for code, user_id, name, licence, sku, cost in m.rows(
            f"""select cost_center_code, user_id, user_name, license_id, product_sku,
                       licence_cost
                from {m.table("fct_named_users")}
                where billing_month = ?
                order by 1, 5, 3, 2""",
            [start],
        )
    ]

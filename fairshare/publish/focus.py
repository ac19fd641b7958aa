"""FOCUS exports of the allocated costs: FOCUS 1.2 and FOCUS 1.3 (CSV and Parquet each).

One row per invoice_lines row: a cost center's part of one vendor invoice line (the origin
charge). BilledCost is the allocated amount, so Σ BilledCost per InvoiceId is the vendor invoice.

What describes the vendor's charge comes from the vendor line, identical on every row of it:
ChargeCategory / ChargeFrequency / ServiceName / ServiceCategory / ServiceSubcategory from the
line's cost category (seeds/focus_charge_categories.csv), ChargeDescription the product as
invoiced, SkuId, the charge period, and the line's own quantity and unit. PricingQuantity (and, for
"Usage" charges, ConsumedQuantity) is the vendor line's quantity apportioned to the rows in
proportion to their amounts (largest remainder at 6 places, so the rows of a line add up to the
line's quantity); it is null for credits. ConsumedQuantity is null on every non-"Usage" row, as
FOCUS requires. How a row was allocated (driver, share, cost center, rule) never changes those
columns: it is in the x_ columns, and in FOCUS 1.3 in the Allocated* columns.

Fairshare has no list or negotiated unit prices, so ListCost, ContractedCost and EffectiveCost
equal BilledCost, and the unit-price columns are absent. Periods are UTC instants with an
exclusive end. Money is decimal(18, 2) in Parquet and a plain `123.45` in CSV. The CSVs go through
the spreadsheet-safe writer.

FOCUS 1.3 adds the split cost allocation columns: AllocatedMethodId (the fairshare allocation
method, docs/allocation-rules.md), AllocatedMethodDetails (`{"Elements": [{"AllocatedRatio",
"UsageUnit", "UsageQuantity"}]}`: the row's ratio of the origin charge, ratios of a vendor line
adding up to exactly 1, and the driver), AllocatedResourceId / AllocatedResourceName (the cost
center; null on the part no department is responsible for, the orphan rows absorbed by the
overhead account) and AllocatedTags (the cost center tags, moved out of Tags), plus
ServiceProviderName and HostProviderName. A vendor line kept whole by the overhead account by rule
(`overhead`) or for lack of any usage (`zero_driver_overhead`) is not split: its Allocated*
columns are null.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fairshare.publish.csvsafe import write_csv
from fairshare.publish.data import (
    BillingAccount,
    FocusCategory,
    InvoiceLine,
    MonthData,
    PublishError,
    VendorLine,
)
from fairshare.publish.invoices import invoice_number
from fairshare.publish.money import ZERO, fmt_exact, fmt_plain, largest_remainder

TAG_PREFIX = "fairshare/"
NOT_SPLIT = {"overhead", "zero_driver_overhead"}
UNALLOCATED = {"orphan_absorb"}  # the part of a line no department is responsible for

MONEY = pa.decimal128(18, 2)
QUANTITY = pa.decimal128(38, 6)
EXACT = pa.decimal128(38, 9)
INSTANT = pa.timestamp("us", tz="UTC")
STRING = pa.string()

_FOCUS_12: list[tuple[str, pa.DataType]] = [
    ("BilledCost", MONEY),
    ("BillingAccountId", STRING),
    ("BillingAccountName", STRING),
    ("BillingCurrency", STRING),
    ("BillingPeriodEnd", INSTANT),
    ("BillingPeriodStart", INSTANT),
    ("ChargeCategory", STRING),
    ("ChargeClass", STRING),
    ("ChargeDescription", STRING),
    ("ChargeFrequency", STRING),
    ("ChargePeriodEnd", INSTANT),
    ("ChargePeriodStart", INSTANT),
    ("ConsumedQuantity", QUANTITY),
    ("ConsumedUnit", STRING),
    ("ContractedCost", MONEY),
    ("EffectiveCost", MONEY),
    ("InvoiceId", STRING),
    ("InvoiceIssuerName", STRING),
    ("ListCost", MONEY),
    ("PricingCategory", STRING),
    ("PricingQuantity", QUANTITY),
    ("PricingUnit", STRING),
    ("ProviderName", STRING),
    ("PublisherName", STRING),
    ("ServiceCategory", STRING),
    ("ServiceName", STRING),
    ("ServiceSubcategory", STRING),
    ("SkuId", STRING),
    ("Tags", STRING),
]
_FOCUS_13_ONLY: list[tuple[str, pa.DataType]] = [
    ("AllocatedMethodDetails", STRING),
    ("AllocatedMethodId", STRING),
    ("AllocatedResourceId", STRING),
    ("AllocatedResourceName", STRING),
    ("AllocatedTags", STRING),
    ("HostProviderName", STRING),
    ("ServiceProviderName", STRING),
]
_EXTENSIONS: list[tuple[str, pa.DataType]] = [
    ("x_CostCenter", STRING),
    ("x_CostCenterName", STRING),
    ("x_CostCategory", STRING),
    ("x_AllocationMethod", STRING),
    ("x_Driver", STRING),
    ("x_DriverUnit", STRING),
    ("x_DriverQuantity", EXACT),
    ("x_DriverTotal", EXACT),
    ("x_AllocationShare", EXACT),
    ("x_Explanation", STRING),
    ("x_InvoiceLineId", STRING),
    ("x_InternalInvoiceNumber", STRING),
    ("x_Revision", pa.int32()),
    ("x_Mode", STRING),
]

SCHEMA_12 = pa.schema(_FOCUS_12 + _EXTENSIONS)
SCHEMA_13 = pa.schema(sorted(_FOCUS_12 + _FOCUS_13_ONLY) + _EXTENSIONS)
COLUMNS = SCHEMA_12.names  # FOCUS 1.2 file
COLUMNS_13 = SCHEMA_13.names

_UNITS = {
    "user": "Users",
    "minute": "Minutes",
    "min": "Minutes",
    "hour": "Hours",
    "second": "Seconds",
    "day": "Days",
    "month": "Months",
    "year": "Years",
    "token": "Tokens",
    "request": "Requests",
    "number": "Phone Numbers",
    "phone number": "Phone Numbers",
    "interaction": "Interactions",
    "department": "Departments",
    "percent": "Percent",
}
_UNIT_FORMAT = re.compile(r"([0-9]+ )?[A-Za-z][A-Za-z0-9]*( [A-Za-z][A-Za-z0-9]*)*\Z")


@dataclass(frozen=True)
class Unit:
    """A vendor unit of measure in FOCUS Unit Format: `1000 requests` → PricingUnit
    `1000 Requests`, ConsumedUnit `Requests` with 1000 consumed per priced unit."""

    pricing: str
    consumed: str
    per_pricing_unit: Decimal


def focus_unit(vendor_unit: str) -> Unit:
    text = " ".join(vendor_unit.strip().split())
    match = re.match(r"([0-9]+) (.+)\Z", text)
    count, noun = (match.group(1), match.group(2)) if match else ("", text)
    key = noun.lower()
    name = _UNITS.get(key) or _UNITS.get(key.rstrip("s"))
    if name is None:
        words = [w[:1].upper() + w[1:] for w in re.sub(r"[^A-Za-z0-9 ]+", " ", noun).split()]
        if not words:
            words = ["Units"]
        elif not words[-1].endswith("s"):
            words[-1] += "s"
        name = " ".join(words)
    pricing = f"{int(count)} {name}" if count else name
    if not _UNIT_FORMAT.match(pricing):
        raise PublishError(f"FOCUS: cannot express the vendor unit {vendor_unit!r} as a unit")
    return Unit(pricing, name, Decimal(int(count)) if count else Decimal(1))


def _instant(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=UTC)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: object) -> str:
    """JSON with exact decimals written as JSON numbers (never through float)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return fmt_exact(Decimal(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _split(total: Decimal | None, amounts: list[Decimal], places: int) -> list[Decimal | None]:
    """`total` apportioned over rows in proportion to |amount| (equally when all are zero)."""
    if total is None:
        return [None] * len(amounts)
    weights = {i: abs(a) for i, a in enumerate(amounts)}
    if not any(weights.values()):
        weights = {i: Decimal(1) for i in range(len(amounts))}
    parts = largest_remainder(total, weights, places=places)
    return [parts[i] for i in range(len(amounts))]


def _require(data: MonthData) -> tuple[dict[str, FocusCategory], BillingAccount]:
    if data.focus_categories is None or data.billing_account is None:
        raise PublishError(
            "FOCUS: the seeds focus_charge_categories and billing_accounts are not in the "
            "warehouse; run `dbt seed` / `fairshare build`"
        )
    return data.focus_categories, data.billing_account


def focus_rows(data: MonthData) -> list[dict[str, object]]:
    """Every column of both FOCUS versions (and the x_ columns) per invoice_lines row."""
    categories, account = _require(data)
    vendor: dict[tuple[str, str], VendorLine] = {
        (v.invoice_id, v.line_id): v for v in data.vendor_lines
    }
    billing_start = _instant(data.period_start)
    billing_end = _instant(data.period_end + timedelta(days=1))
    by_line: dict[tuple[str, str], list[InvoiceLine]] = defaultdict(list)
    for line in data.lines:
        by_line[(line.invoice_id, line.line_id)].append(line)
    rows: list[dict[str, object]] = []
    for key in sorted(by_line):
        parts = sorted(by_line[key], key=lambda x: (x.cost_center_code, x.allocation_method))
        v = vendor.get(key)
        first = parts[0]
        category = categories.get(v.cost_category if v else first.cost_category)
        if category is None:
            raise PublishError(
                f"FOCUS: cost category {first.cost_category!r} of vendor line {key[1]} has no row "
                "in seeds/focus_charge_categories.csv"
            )
        amounts = [p.amount for p in parts]
        priced = category.charge_category in ("Usage", "Purchase")
        unit = focus_unit(v.unit) if v and v.unit else Unit("Units", "Units", Decimal(1))
        quantity = v.quantity if v and v.quantity is not None else None
        if priced and quantity is None:
            quantity = Decimal(1)  # a line without a quantity is one unit of its product
        pricing_q = _split(quantity if priced else None, amounts, 6)
        usage = category.charge_category == "Usage"
        consumed_q = _split(
            quantity * unit.per_pricing_unit if usage and quantity is not None else None,
            amounts,
            6,
        )
        ratios = _split(Decimal(1), amounts, 9)
        charge_start = _instant(v.date_start) if v else billing_start
        charge_end = _instant(v.date_end + timedelta(days=1)) if v else billing_end
        for i, line in enumerate(parts):
            center = data.cost_centers.get(line.cost_center_code)
            name = center.name if center else line.cost_center_code
            split = line.allocation_method not in NOT_SPLIT
            allocated = split and line.allocation_method not in UNALLOCATED
            cost_center_tags = {
                f"{TAG_PREFIX}cost_center": line.cost_center_code,
                f"{TAG_PREFIX}cost_center_name": name,
            }
            charge_tags = {f"{TAG_PREFIX}cost_category": line.cost_category}
            details = {
                "Elements": [
                    {
                        "AllocatedRatio": ratios[i],
                        **(
                            {
                                "UsageUnit": focus_unit(line.driver_unit).consumed,
                                "UsageQuantity": line.driver_quantity,
                            }
                            if line.driver_unit and line.driver_quantity is not None
                            else {}
                        ),
                    }
                ],
                "x_Driver": line.driver_name or None,
                "x_DriverTotal": line.driver_total,
            }
            rows.append(
                {
                    "BilledCost": line.amount,
                    "BillingAccountId": account.billing_account_id,
                    "BillingAccountName": account.billing_account_name,
                    "BillingCurrency": line.currency or data.currency,
                    "BillingPeriodEnd": billing_end,
                    "BillingPeriodStart": billing_start,
                    "ChargeCategory": category.charge_category,
                    "ChargeClass": None,
                    "ChargeDescription": (v.product_name if v else "") or line.product_name,
                    "ChargeFrequency": category.charge_frequency,
                    "ChargePeriodEnd": charge_end,
                    "ChargePeriodStart": charge_start,
                    "ConsumedQuantity": consumed_q[i],
                    "ConsumedUnit": unit.consumed if consumed_q[i] is not None else None,
                    "ContractedCost": line.amount,
                    "EffectiveCost": line.amount,
                    "InvoiceId": line.invoice_id,
                    "InvoiceIssuerName": account.invoice_issuer_name,
                    "ListCost": line.amount,
                    "PricingCategory": "Standard" if priced else None,
                    "PricingQuantity": pricing_q[i],
                    "PricingUnit": unit.pricing if pricing_q[i] is not None else None,
                    "ProviderName": account.provider_name,
                    "PublisherName": account.publisher_name,
                    "ServiceCategory": category.service_category,
                    "ServiceName": category.service_name,
                    "ServiceSubcategory": category.service_subcategory,
                    "SkuId": line.product_sku or None,
                    "Tags": _json({**charge_tags, **cost_center_tags}),
                    "Tags_13": _json(charge_tags),
                    "AllocatedMethodDetails": _json(details) if split else None,
                    "AllocatedMethodId": line.allocation_method if split else None,
                    "AllocatedResourceId": line.cost_center_code if allocated else None,
                    "AllocatedResourceName": name if allocated else None,
                    "AllocatedTags": _json(cost_center_tags) if split else None,
                    "HostProviderName": category.host_provider_name,
                    "ServiceProviderName": account.provider_name,
                    "x_CostCenter": line.cost_center_code,
                    "x_CostCenterName": name,
                    "x_CostCategory": line.cost_category,
                    "x_AllocationMethod": line.allocation_method,
                    "x_Driver": line.driver_name or None,
                    "x_DriverUnit": line.driver_unit or None,
                    "x_DriverQuantity": line.driver_quantity,
                    "x_DriverTotal": line.driver_total,
                    "x_AllocationShare": line.share,
                    "x_Explanation": line.explanation or None,
                    "x_InvoiceLineId": line.line_id,
                    "x_InternalInvoiceNumber": invoice_number(
                        data.month, line.cost_center_code, data.revision
                    ),
                    "x_Revision": data.revision,
                    "x_Mode": data.mode,
                }
            )
    return rows


def _cell(name: str, value: object) -> object:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _iso(value)
    if name in ("BilledCost", "EffectiveCost", "ListCost", "ContractedCost"):
        return fmt_plain(value)  # type: ignore[arg-type]
    if isinstance(value, Decimal):
        return fmt_exact(value)
    return value


def _quantize(value: object, type_: pa.DataType) -> object:
    if isinstance(value, Decimal) and pa.types.is_decimal(type_):
        return value.quantize(Decimal(1).scaleb(-type_.scale))
    return value


def _write(
    rows: list[dict[str, object]], schema: pa.Schema, directory: Path, stem: str, v13: bool
) -> list[Path]:
    def value(row: dict[str, object], name: str) -> object:
        return row["Tags_13"] if v13 and name == "Tags" else row[name]

    csv_path = directory / f"{stem}.csv"
    write_csv(
        csv_path,
        schema.names,
        ([_cell(n, value(r, n)) for n in schema.names] for r in rows),
    )
    columns = {
        f.name: pa.array([_quantize(value(r, f.name), f.type) for r in rows], type=f.type)
        for f in schema
    }
    parquet_path = directory / f"{stem}.parquet"
    pq.write_table(pa.table(columns, schema=schema), parquet_path)
    return [csv_path, parquet_path]


def write_focus(data: MonthData, directory: Path) -> list[Path]:
    """focus-<month>.csv/.parquet (FOCUS 1.2) and focus-<month>-v1.3.csv/.parquet (FOCUS 1.3)."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = focus_rows(data)
    total = sum((r["BilledCost"] for r in rows), ZERO)  # type: ignore[misc]
    if total != data.allocated_total:
        raise PublishError(f"FOCUS: BilledCost {total} differs from {data.allocated_total}")
    return [
        *_write(rows, SCHEMA_12, directory, f"focus-{data.month}", v13=False),
        *_write(rows, SCHEMA_13, directory, f"focus-{data.month}-v1.3", v13=True),
    ]

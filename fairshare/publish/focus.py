"""FOCUS 1.2-style export of the allocated costs (CSV and Parquet).

One row per invoice_lines row (a cost center's part of one vendor invoice line). BilledCost is the
allocated amount, so Σ BilledCost per InvoiceId is the vendor invoice. Fairshare has no list or
negotiated prices, so EffectiveCost and ListCost equal BilledCost. Periods are UTC instants with an
exclusive end, as FOCUS specifies. Money is decimal(18, 2) in Parquet and a plain `123.45` in CSV.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fairshare.publish.data import InvoiceLine, MonthData, VendorLine
from fairshare.publish.money import fmt_plain

ISSUER = "Genesys"
USAGE_METHODS = {"telecom_usage", "api_requests", "ai_usage", "overage_cause"}

MONEY = pa.decimal128(18, 2)
QUANTITY = pa.decimal128(38, 6)
SHARE = pa.decimal128(38, 9)
INSTANT = pa.timestamp("us", tz="UTC")

SCHEMA = pa.schema(
    [
        ("BilledCost", MONEY),
        ("EffectiveCost", MONEY),
        ("ListCost", MONEY),
        ("BillingCurrency", pa.string()),
        ("BillingPeriodStart", INSTANT),
        ("BillingPeriodEnd", INSTANT),
        ("ChargePeriodStart", INSTANT),
        ("ChargePeriodEnd", INSTANT),
        ("ChargeCategory", pa.string()),
        ("ChargeFrequency", pa.string()),
        ("ChargeDescription", pa.string()),
        ("ServiceName", pa.string()),
        ("ServiceCategory", pa.string()),
        ("SkuId", pa.string()),
        ("ConsumedQuantity", QUANTITY),
        ("ConsumedUnit", pa.string()),
        ("InvoiceId", pa.string()),
        ("InvoiceIssuerName", pa.string()),
        ("ProviderName", pa.string()),
        ("PublisherName", pa.string()),
        ("Tags", pa.string()),
        ("x_CostCenter", pa.string()),
        ("x_CostCenterName", pa.string()),
        ("x_AllocationMethod", pa.string()),
        ("x_Driver", pa.string()),
        ("x_DriverTotal", QUANTITY),
        ("x_AllocationShare", SHARE),
        ("x_InvoiceLineId", pa.string()),
        ("x_CostCategory", pa.string()),
        ("x_Mode", pa.string()),
    ]
)
COLUMNS = SCHEMA.names


def _instant(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=UTC)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def charge_category(line: InvoiceLine) -> str:
    if line.amount < 0:
        return "Credit"
    return "Usage" if line.allocation_method in USAGE_METHODS else "Purchase"


def charge_frequency(category: str) -> str:
    return {"Usage": "Usage-Based", "Credit": "One-Time"}.get(category, "Recurring")


def service_name(line: InvoiceLine) -> str:
    return "Genesys Cloud Voice" if line.cost_category.startswith("telecom") else "Genesys Cloud CX"


def service_category(line: InvoiceLine) -> str:
    if line.cost_category == "ai":
        return "AI and Machine Learning"
    if line.cost_category.startswith("telecom"):
        return "Networking"
    return "Business Applications"


def focus_rows(data: MonthData) -> list[dict[str, object]]:
    vendor: dict[tuple[str, str], VendorLine] = {
        (v.invoice_id, v.line_id): v for v in data.vendor_lines
    }
    billing_start = _instant(data.period_start)
    billing_end = _instant(data.period_end + timedelta(days=1))
    rows: list[dict[str, object]] = []
    for line in sorted(data.lines, key=lambda x: (x.invoice_id, x.line_id, x.cost_center_code)):
        v = vendor.get((line.invoice_id, line.line_id))
        charge_start = _instant(v.date_start) if v else billing_start
        charge_end = _instant(v.date_end + timedelta(days=1)) if v else billing_end
        center = data.cost_centers.get(line.cost_center_code)
        category = charge_category(line)
        tags = {
            "cost_center": line.cost_center_code,
            "cost_center_name": center.name if center else line.cost_center_code,
            "cost_category": line.cost_category,
        }
        rows.append(
            {
                "BilledCost": line.amount,
                "EffectiveCost": line.amount,
                "ListCost": line.amount,
                "BillingCurrency": line.currency or data.currency,
                "BillingPeriodStart": billing_start,
                "BillingPeriodEnd": billing_end,
                "ChargePeriodStart": charge_start,
                "ChargePeriodEnd": charge_end,
                "ChargeCategory": category,
                "ChargeFrequency": charge_frequency(category),
                "ChargeDescription": line.explanation or line.product_name,
                "ServiceName": service_name(line),
                "ServiceCategory": service_category(line),
                "SkuId": line.product_sku,
                "ConsumedQuantity": line.driver_quantity,
                "ConsumedUnit": line.driver_unit or None,
                "InvoiceId": line.invoice_id,
                "InvoiceIssuerName": ISSUER,
                "ProviderName": ISSUER,
                "PublisherName": ISSUER,
                "Tags": json.dumps(tags, sort_keys=True, ensure_ascii=False),
                "x_CostCenter": line.cost_center_code,
                "x_CostCenterName": center.name if center else line.cost_center_code,
                "x_AllocationMethod": line.allocation_method,
                "x_Driver": line.driver_name or None,
                "x_DriverTotal": line.driver_total,
                "x_AllocationShare": line.share,
                "x_InvoiceLineId": line.line_id,
                "x_CostCategory": line.cost_category,
                "x_Mode": data.mode,
            }
        )
    return rows


def _quantize(value: object, places: int) -> object:
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1).scaleb(-places))
    return value


def write_focus(data: MonthData, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    rows = focus_rows(data)
    stem = f"focus-{data.month}"
    csv_path = directory / f"{stem}.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            out = []
            for name in COLUMNS:
                value = row[name]
                if value is None:
                    out.append("")
                elif isinstance(value, datetime):
                    out.append(_iso(value))
                elif name in ("BilledCost", "EffectiveCost", "ListCost"):
                    out.append(fmt_plain(value))  # type: ignore[arg-type]
                elif isinstance(value, Decimal):
                    out.append(format(value, "f"))
                else:
                    out.append(str(value))
            writer.writerow(out)
    places = {"ConsumedQuantity": 6, "x_DriverTotal": 6, "x_AllocationShare": 9}
    columns = {
        name: pa.array(
            [_quantize(r[name], places[name]) if name in places else r[name] for r in rows],
            type=SCHEMA.field(name).type,
        )
        for name in COLUMNS
    }
    parquet_path = directory / f"{stem}.parquet"
    pq.write_table(pa.table(columns, schema=SCHEMA), parquet_path)
    return [csv_path, parquet_path]

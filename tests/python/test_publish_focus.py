"""The FOCUS 1.2-style export: columns, types, and Σ BilledCost per InvoiceId = vendor invoice."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from publish_synthetic_marts import MONTH, invoice_id, synthetic_publication, vendor_total

REQUIRED = [
    "BilledCost",
    "EffectiveCost",
    "ListCost",
    "BillingCurrency",
    "BillingPeriodStart",
    "BillingPeriodEnd",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "ChargeCategory",
    "ChargeDescription",
    "ServiceName",
    "SkuId",
    "ConsumedQuantity",
    "ConsumedUnit",
    "InvoiceId",
    "InvoiceIssuerName",
    "ProviderName",
    "Tags",
    "x_CostCenter",
    "x_AllocationMethod",
    "x_Driver",
]


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


@pytest.fixture(scope="session")
def focus(published: tuple) -> tuple[pa.Table, list[dict[str, str]]]:
    _, out, _ = published
    directory = out / MONTH / "focus"
    table = pq.read_table(directory / f"focus-{MONTH}.parquet")
    with (directory / f"focus-{MONTH}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return table, rows


def test_columns_and_parquet_types(focus: tuple) -> None:
    table, rows = focus
    for name in REQUIRED:
        assert name in table.column_names, name
        assert name in rows[0], name
    assert table.column_names == list(rows[0])
    for money in ("BilledCost", "EffectiveCost", "ListCost"):
        assert table.schema.field(money).type == pa.decimal128(18, 2)
    assert pa.types.is_decimal(table.schema.field("ConsumedQuantity").type)
    for instant in ("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart"):
        assert table.schema.field(instant).type == pa.timestamp("us", tz="UTC")
    assert table.num_rows == len(rows)


def test_billed_cost_per_invoice_equals_the_vendor_invoice(published: tuple, focus: tuple) -> None:
    warehouse, _, _ = published
    table, rows = focus
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for inv, cost in zip(
        table.column("InvoiceId").to_pylist(), table.column("BilledCost").to_pylist(), strict=True
    ):
        assert isinstance(cost, Decimal)
        sums[inv] += cost
    assert sums == {invoice_id(MONTH): vendor_total(warehouse)}
    csv_sums: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        csv_sums[r["InvoiceId"]] += Decimal(r["BilledCost"])
    assert csv_sums == sums


def test_rows_are_tagged_and_periods_are_utc(focus: tuple) -> None:
    table, rows = focus
    records = table.to_pylist()
    for rec, row in zip(records, rows, strict=True):
        tags = json.loads(rec["Tags"])
        assert tags["cost_center"] == rec["x_CostCenter"] == row["x_CostCenter"]
        assert rec["BillingPeriodStart"] == datetime(2026, 10, 1, tzinfo=UTC)
        assert rec["BillingPeriodEnd"] == datetime(2026, 11, 1, tzinfo=UTC)  # exclusive end
        assert row["BillingPeriodStart"] == "2026-10-01T00:00:00Z"
        assert rec["BillingCurrency"] == "USD"
        assert rec["InvoiceIssuerName"] == rec["ProviderName"] == "Genesys"
        assert rec["EffectiveCost"] == rec["BilledCost"] == rec["ListCost"]
        expected = "Credit" if rec["BilledCost"] < 0 else None
        if expected:
            assert rec["ChargeCategory"] == expected
        else:
            assert rec["ChargeCategory"] in ("Usage", "Purchase")
    methods = {r["x_AllocationMethod"] for r in records}
    assert {"telecom_usage", "orphan_absorb", "zero_driver_overhead"} <= methods
    telecom = [r for r in records if r["x_AllocationMethod"] == "telecom_usage"]
    assert all(r["ChargeCategory"] == "Usage" and r["ConsumedUnit"] == "minute" for r in telecom)
    assert all(r["ServiceName"] == "Genesys Cloud Voice" for r in telecom)

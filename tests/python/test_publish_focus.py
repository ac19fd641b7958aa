"""The FOCUS exports (1.2 and 1.3): what FinOps tools accept, checked by the FinOps Foundation's
validator (or, without Python >= 3.12, by the same rules from its bundled model), and what the
spec asks that the validator cannot see: the vendor charge's own category, quantity and unit on
every row, ConsumedQuantity only on usage, one category per service, the 1.3 split columns."""

from __future__ import annotations

import csv
import json
import warnings
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from focus_rules import (
    CRITERIA,
    KNOWN_QUIRKS,
    KNOWN_QUIRKS_WITH_CRITERIA,
    MODEL,
    Outcome,
    Validator,
    check_rules,
    validator,
)
from publish_synthetic_marts import MONTH, invoice_id, synthetic_publication, vendor_total

from fairshare.publish.focus import COLUMNS, COLUMNS_13, focus_unit

FOCUS_12_MANDATORY = [
    "BilledCost",
    "BillingAccountId",
    "BillingAccountName",
    "BillingCurrency",
    "BillingPeriodEnd",
    "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass",
    "ChargeDescription",
    "ChargePeriodEnd",
    "ChargePeriodStart",
    "ContractedCost",
    "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost",
    "PricingQuantity",
    "PricingUnit",
    "ProviderName",
    "PublisherName",
    "ServiceCategory",
    "ServiceName",
]
FOCUS_13_ADDED = [
    "AllocatedMethodDetails",
    "AllocatedMethodId",
    "AllocatedResourceId",
    "AllocatedResourceName",
    "AllocatedTags",
    "HostProviderName",
    "ServiceProviderName",
]
CHARGE_COLUMNS = [  # describe the vendor's charge: identical on every row of a vendor line
    "ChargeCategory",
    "ChargeFrequency",
    "ChargeDescription",
    "ServiceName",
    "ServiceCategory",
    "ServiceSubcategory",
    "SkuId",
    "PricingUnit",
    "ConsumedUnit",
    "ChargePeriodStart",
    "ChargePeriodEnd",
]


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


@pytest.fixture(scope="session")
def focus_dir(published: tuple) -> Path:
    return published[1] / MONTH / "focus"


def _table(focus_dir: Path, v13: bool = False) -> pa.Table:
    return pq.read_table(focus_dir / f"focus-{MONTH}{'-v1.3' if v13 else ''}.parquet")


def _csv(focus_dir: Path, v13: bool = False) -> list[dict[str, str]]:
    path = focus_dir / f"focus-{MONTH}{'-v1.3' if v13 else ''}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _vendor_lines(warehouse: Path) -> dict[str, tuple[Decimal, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select invoice_line_id, quantity, unit_of_measure "
            "from marts.fct_vendor_invoice_lines where invoice_id = ?",
            [invoice_id(MONTH)],
        ).fetchall()
    return {line: (qty, unit) for line, qty, unit in rows}


# --- the FinOps Foundation validator, or its rules ------------------------------------------------


@pytest.fixture(scope="session")
def focus_validator() -> Validator | None:
    found = validator()
    if found is None:
        warnings.warn(
            "focus-validator could not run here (no Python >= 3.12, or it could not be "
            "installed): the FOCUS export is checked with the validator's bundled rules instead",
            stacklevel=1,
        )
    return found


def _assert_only_quirks(outcome: Outcome, quirks: set[str], what: str) -> None:
    failed = outcome.ids("FAIL")
    assert failed <= quirks, f"{what}: {outcome.summary()}; failed {sorted(failed - quirks)}"
    assert len(outcome.ids("PASS")) >= 100, f"{what}: too few rules evaluated: {outcome.summary()}"


def _leaf_rules() -> set[str]:
    rules = json.loads(MODEL.read_text(encoding="utf-8"))["ModelRules"]
    return {k for k, v in rules.items() if v["Function"] != "Composite"}


def test_focus_12_passes_every_applicable_rule(
    focus_dir: Path, focus_validator: Validator | None
) -> None:
    parquet = focus_dir / f"focus-{MONTH}.parquet"
    fallback = check_rules(parquet)
    _assert_only_quirks(fallback, KNOWN_QUIRKS, "bundled rules")
    _assert_only_quirks(check_rules(parquet, CRITERIA), KNOWN_QUIRKS, "bundled rules, criteria")
    if focus_validator is None:
        return
    assert focus_validator.bundled_model().read_bytes() == MODEL.read_bytes()
    for data_file in (parquet, focus_dir / f"focus-{MONTH}.csv"):
        real = focus_validator.run(data_file)
        _assert_only_quirks(real, KNOWN_QUIRKS, data_file.name)
        assert real.ids("FAIL") == KNOWN_QUIRKS  # both quirks do fire on this data
        with_criteria = focus_validator.run(data_file, CRITERIA)
        _assert_only_quirks(with_criteria, KNOWN_QUIRKS_WITH_CRITERIA, f"{data_file.name} +")
    # the fallback reaches the validator's verdict on every check both evaluate
    real = focus_validator.run(parquet)
    both = {
        k
        for k in _leaf_rules()
        if fallback.results.get(k, "SKIPPED") != "SKIPPED"
        and real.results.get(k, "SKIPPED") != "SKIPPED"
    }
    assert len(both) >= 100
    assert {k: fallback.results[k] for k in both} == {k: real.results[k] for k in both}


def test_focus_13_passes_the_12_rules_it_shares(
    focus_dir: Path, focus_validator: Validator | None
) -> None:
    """The 1.3 file is the 1.2 file plus columns: the 1.2 rules still hold on it. (The validator
    downloads the 1.3 model from GitHub; the 1.3 columns are checked below from the spec.)"""
    parquet = focus_dir / f"focus-{MONTH}-v1.3.parquet"
    _assert_only_quirks(check_rules(parquet), KNOWN_QUIRKS, "bundled rules on 1.3")
    if focus_validator is not None:
        _assert_only_quirks(focus_validator.run(parquet), KNOWN_QUIRKS, "validator on 1.3")


def test_the_rules_catch_a_broken_export(tmp_path: Path, focus_dir: Path) -> None:
    """The fallback is no rubber stamp: a consumed quantity on a purchase, a missing mandatory
    column, a service under two categories and an unknown currency are each caught."""
    table = _table(focus_dir)
    rows = table.to_pylist()
    purchase = next(i for i, r in enumerate(rows) if r["ChargeCategory"] == "Purchase")
    rows[purchase]["ConsumedQuantity"] = Decimal("1.000000")
    rows[purchase]["ConsumedUnit"] = "Users"
    rows[0]["ServiceCategory"] = "Compute" if rows[0]["ServiceCategory"] != "Compute" else "Web"
    rows[1]["BillingCurrency"] = "ZZZ"
    broken = pa.Table.from_pylist(rows, schema=table.schema).drop_columns(["BillingAccountId"])
    path = tmp_path / "broken.parquet"
    pq.write_table(broken, path)
    failed = check_rules(path, CRITERIA).ids("FAIL")
    assert {
        "CostAndUsage-D-024-M",  # BillingAccountId present
        "ConsumedQuantity-C-004-C",  # null unless Usage
        "ServiceName-C-005-C",  # one ServiceCategory per ServiceName
        "BillingCurrency-C-006-M",  # a national currency
    } <= failed, sorted(failed)


# --- what the spec asks beyond the validator ------------------------------------------------


def test_columns_and_parquet_types(focus_dir: Path) -> None:
    for v13, names in ((False, COLUMNS), (True, COLUMNS_13)):
        table, rows = _table(focus_dir, v13), _csv(focus_dir, v13)
        assert table.column_names == list(rows[0]) == names
        for name in FOCUS_12_MANDATORY + (FOCUS_13_ADDED if v13 else []):
            assert name in names, (v13, name)
        for money in ("BilledCost", "EffectiveCost", "ListCost", "ContractedCost"):
            assert table.schema.field(money).type == pa.decimal128(18, 2)
        for qty in ("PricingQuantity", "ConsumedQuantity"):
            assert pa.types.is_decimal(table.schema.field(qty).type)
        for instant in ("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart"):
            assert table.schema.field(instant).type == pa.timestamp("us", tz="UTC")
        assert table.num_rows == len(rows)
        extensions = [n for n in names if n.startswith("x_")]
        assert names[-len(extensions) :] == extensions  # FOCUS columns first, then x_


def test_billed_cost_per_invoice_equals_the_vendor_invoice(
    published: tuple, focus_dir: Path
) -> None:
    for v13 in (False, True):
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for rec in _table(focus_dir, v13).to_pylist():
            assert isinstance(rec["BilledCost"], Decimal)
            assert rec["BilledCost"] == rec["EffectiveCost"] == rec["ListCost"]
            assert rec["ContractedCost"] == rec["BilledCost"]
            sums[rec["InvoiceId"]] += rec["BilledCost"]
        assert sums == {invoice_id(MONTH): vendor_total()}
        csv_sums: dict[str, Decimal] = defaultdict(Decimal)
        for r in _csv(focus_dir, v13):
            csv_sums[r["InvoiceId"]] += Decimal(r["BilledCost"])
        assert csv_sums == sums


def test_the_vendor_charge_decides_category_quantity_and_unit(
    published: tuple, focus_dir: Path
) -> None:
    raw = _vendor_lines(published[0])
    records = _table(focus_dir).to_pylist()
    by_line: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        by_line[rec["x_InvoiceLineId"]].append(rec)
    assert set(by_line) == set(raw)
    orphan_usage = False
    for line, parts in by_line.items():
        for column in CHARGE_COLUMNS:  # one value per vendor line, however a row was allocated
            assert len({p[column] for p in parts}) == 1, (line, column)
        first = parts[0]
        quantity, unit = raw[line]
        if first["ChargeCategory"] in ("Usage", "Purchase"):
            assert first["PricingUnit"] == focus_unit(unit).pricing
            assert sum(p["PricingQuantity"] for p in parts) == quantity, line
            assert first["PricingCategory"] == "Standard"
        else:
            assert first["ChargeCategory"] == "Credit"
            assert all(p["PricingQuantity"] is None for p in parts)
        if first["ChargeCategory"] == "Usage":
            consumed = quantity * focus_unit(unit).per_pricing_unit
            assert sum(p["ConsumedQuantity"] for p in parts) == consumed, line
            orphan_usage |= any(p["x_AllocationMethod"] == "orphan_absorb" for p in parts)
        else:  # the allocation driver never leaks into ConsumedQuantity
            assert all(p["ConsumedQuantity"] is None and p["ConsumedUnit"] is None for p in parts)
        assert first["ChargeFrequency"] != "Usage-Based" or first["ChargeCategory"] == "Usage"
    assert orphan_usage  # the unassigned share of a usage line is still "Usage"
    telecom = [r for r in records if r["x_CostCategory"] == "telecom"]
    assert telecom and all(r["ConsumedUnit"] == "Minutes" for r in telecom)
    assert {r["ChargeCategory"] for r in records} >= {"Usage", "Purchase"}


def test_one_category_and_subcategory_per_service(focus_dir: Path) -> None:
    services: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for rec in _table(focus_dir).to_pylist():
        services[rec["ServiceName"]].add((rec["ServiceCategory"], rec["ServiceSubcategory"]))
    assert services and all(len(v) == 1 for v in services.values()), services


def test_rows_are_tagged_and_periods_are_utc(focus_dir: Path) -> None:
    table, rows = _table(focus_dir), _csv(focus_dir)
    for rec, row in zip(table.to_pylist(), rows, strict=True):
        tags = json.loads(rec["Tags"])
        assert tags["fairshare/cost_center"] == rec["x_CostCenter"] == row["x_CostCenter"]
        assert all(key.startswith("fairshare/") for key in tags)  # provider-defined prefix
        assert rec["BillingPeriodStart"] == datetime(2026, 10, 1, tzinfo=UTC)
        assert rec["BillingPeriodEnd"] == datetime(2026, 11, 1, tzinfo=UTC)  # exclusive end
        assert row["BillingPeriodStart"] == "2026-10-01T00:00:00Z"
        assert rec["BillingCurrency"] == "USD"
        assert rec["InvoiceIssuerName"] == rec["ProviderName"] == "Genesys"
        assert rec["BillingAccountId"] and rec["BillingAccountName"]
        assert rec["x_InternalInvoiceNumber"] == f"FS-{MONTH}-{rec['x_CostCenter']}-R1"
        assert rec["x_Revision"] == 1


def test_focus_13_split_cost_allocation(focus_dir: Path) -> None:
    records = _table(focus_dir, v13=True).to_pylist()
    ratios: dict[str, Decimal] = defaultdict(Decimal)
    for rec in records:
        method = rec["x_AllocationMethod"]
        if method in ("overhead", "zero_driver_overhead"):  # the line is not split
            assert rec["AllocatedMethodId"] is None and rec["AllocatedMethodDetails"] is None
            assert rec["AllocatedResourceId"] is None and rec["AllocatedTags"] is None
            continue
        assert rec["AllocatedMethodId"] == method
        details = json.loads(rec["AllocatedMethodDetails"], parse_float=Decimal)
        (element,) = details["Elements"]
        ratios[rec["x_InvoiceLineId"]] += element["AllocatedRatio"]
        if "UsageQuantity" in element:
            assert element["UsageUnit"]  # required when a quantity is given
        if method == "orphan_absorb":  # the part no department consumed: not allocated
            assert rec["AllocatedResourceId"] is None and rec["AllocatedResourceName"] is None
        else:
            assert rec["AllocatedResourceId"] == rec["x_CostCenter"]
            assert rec["AllocatedResourceName"] == rec["x_CostCenterName"]
        allocated_tags = json.loads(rec["AllocatedTags"])
        assert allocated_tags["fairshare/cost_center"] == rec["x_CostCenter"]
        assert not set(allocated_tags) & set(json.loads(rec["Tags"]))  # not repeated from Tags
        assert rec["ServiceProviderName"] == "Genesys" and rec["HostProviderName"]
    assert ratios and all(total == 1 for total in ratios.values()), ratios


@pytest.mark.parametrize(
    ("vendor", "pricing", "consumed", "per"),
    [
        ("user", "Users", "Users", 1),
        ("minute", "Minutes", "Minutes", 1),
        ("1000 requests", "1000 Requests", "Requests", 1000),
        ("token", "Tokens", "Tokens", 1),
        ("number", "Phone Numbers", "Phone Numbers", 1),
        ("seat licence", "Seat Licences", "Seat Licences", 1),
    ],
)
def test_vendor_units_in_focus_unit_format(
    vendor: str, pricing: str, consumed: str, per: int
) -> None:
    unit = focus_unit(vendor)
    assert (unit.pricing, unit.consumed, unit.per_pricing_unit) == (pricing, consumed, per)

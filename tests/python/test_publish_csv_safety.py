"""Spreadsheet safety: no CSV cell the publisher writes can start a formula, numbers stay numbers.

The hostile month gives formula-like text to every name that reaches a CSV: vendor product
names and SKUs, cost-center names, heads and codes' names, the explanation, the billing account,
company names and GL accounts of the ledger seeds. Every cell of every CSV under out/ is then
read back: none may start with = + - @ tab or CR (or their full-width forms) unless it is a plain
number, and the money must still add up from the CSVs.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from publish_synthetic_marts import MONTH, build_synthetic_warehouse, vendor_total

from fairshare.publish import publish
from fairshare.publish.csvsafe import (
    ESCAPE,
    FORMULA_START,
    is_plain_number,
    is_safe_cell,
    neutralise,
    write_csv,
)

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("publish_csv_safety")

HOSTILE = [
    '=HYPERLINK("http://evil.example/refund","Refund")',
    "+SUM(A1:A9)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\uff1d1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_is_neutralised(text: str) -> None:
    cell = neutralise(text)
    assert cell == ESCAPE + text.replace("\r", "\n")
    assert is_safe_cell(cell)


def test_a_carriage_return_cannot_start_a_new_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["name", "n"], [["a\r=1+1", "1"], ["b\r\n@x", "2"]])
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["name", "n"], ["a\n=1+1", "1"], ["b\n@x", "2"]]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (Decimal("-41.67"), "-41.67"),
        ("-41.67", "-41.67"),  # a plain number written as text stays a number
        ("12345", "12345"),
        (Decimal("0.000125"), "0.000125"),
        (7, "7"),
        (None, ""),
        ("Customer Support", "Customer Support"),
        ("+18005550100", "'+18005550100"),  # a phone number is text: kept visible as written
        ("-5 users", "'-5 users"),
        ("1e5", "1e5"),  # not a formula
    ],
)
def test_numbers_stay_numbers(value: object, cell: str) -> None:
    assert neutralise(value) == cell


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        neutralise(1.1)


def test_write_csv_neutralises_every_cell(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["=header", "amount"], [["@name", "-1.50"]])
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["'=header", "amount"], ["'@name", "-1.50"]]


@pytest.fixture(scope="module")
def hostile_publication(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile")
    warehouse = build_synthetic_warehouse(base / "warehouse.duckdb", conversations=60)
    names = iter(HOSTILE * 4)
    with duckdb.connect(str(warehouse)) as con:
        for code in ("SALES", "SUPPORT", "HR", "CORP_IT"):
            name, head = next(names), next(names)
            con.execute(
                "update marts.dim_cost_centers set cost_center_name = ?, department_head = ? "
                "where cost_center_code = ?",
                [name, head, code],
            )
            con.execute(
                "update marts.invoice_lines set cost_center_name = ?, department_head = ? "
                "where cost_center_code = ?",
                [name, head, code],
            )
        for sku, name in (("GC-PLATFORM", HOSTILE[0]), ("GCV-TF-IN", HOSTILE[3])):
            con.execute(
                "update marts.invoice_lines set product_name = ?, explanation = ? || ' split' "
                "where product_sku = ?",
                [name, name, sku],
            )
            con.execute(
                "update marts.fct_vendor_invoice_lines set product_name = ? where product_sku = ?",
                [name, sku],
            )
        con.execute(
            "update marts.invoice_lines set product_sku = '-AI-TOKENS' "
            "where product_sku = 'GC-AI-TOKENS'"
        )
        con.execute("update config.billing_accounts set billing_account_name = '=cmd|/C calc'")
        con.execute("update config.gl_companies set company_name = '@company'")
        con.execute(
            "update config.gl_account_map set expense_account = '=6410' where cost_category = 'api'"
        )
    result = publish(
        require_passing_build=False,
        month=MONTH,
        out_dir=base / "out",
        duckdb_path=warehouse,
        pdf=False,
    )
    return warehouse, result.month_dir


def _cells(month_dir: Path) -> list[tuple[Path, list[str], list[list[str]]]]:
    out = []
    for path in sorted(month_dir.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        out.append((path, rows[0], rows[1:]))
    return out


def test_no_csv_cell_of_any_output_starts_a_formula(hostile_publication: tuple) -> None:
    _, month_dir = hostile_publication
    files = _cells(month_dir)
    names = {p.name for p, _, _ in files}
    assert {f"invoice-lines-{MONTH}.csv", f"gl-journal-{MONTH}.csv", f"focus-{MONTH}.csv"} <= names
    assert f"focus-{MONTH}-v1.3.csv" in names and any(n.startswith("FS-") for n in names)
    neutralised = 0
    for path, header, rows in files:
        for row in [header, *rows]:
            for cell in row:
                assert is_safe_cell(cell), (path.name, cell)
                if (
                    cell.startswith(ESCAPE)
                    and cell[1:2]
                    and (cell[1] in FORMULA_START or cell[1:].lstrip(" ")[:1] in FORMULA_START)
                ):
                    neutralised += 1
    assert neutralised > 100  # the hostile names did reach the files, and were neutralised


def test_the_hostile_text_is_kept_visible(hostile_publication: tuple) -> None:
    _, month_dir = hostile_publication
    combined = (month_dir / "invoices" / f"invoice-lines-{MONTH}.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in combined and "'-AI-TOKENS" in combined
    journal = (month_dir / "invoices" / f"gl-journal-{MONTH}.csv").read_text(encoding="utf-8")
    assert "'=6410" in journal and "'@company" not in journal  # company names are not written
    focus = (month_dir / "focus" / f"focus-{MONTH}.csv").read_text(encoding="utf-8")
    assert "'=cmd|/C calc" in focus and "'=HYPERLINK(" in focus


def test_numbers_stay_numbers_in_the_hostile_files(hostile_publication: tuple) -> None:
    _, month_dir = hostile_publication
    with (month_dir / "invoices" / f"invoice-lines-{MONTH}.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(is_plain_number(r["amount"]) for r in rows)
    assert any(r["amount"].startswith("-") for r in rows)  # credits keep their sign, unescaped
    assert sum(Decimal(r["amount"]) for r in rows) == vendor_total()
    with (month_dir / "focus" / f"focus-{MONTH}.csv").open(encoding="utf-8") as fh:
        focus = list(csv.DictReader(fh))
    assert sum(Decimal(r["BilledCost"]) for r in focus) == vendor_total()
    with (month_dir / "invoices" / f"gl-journal-{MONTH}.csv").open(encoding="utf-8") as fh:
        journal = list(csv.DictReader(fh))
    debit = sum(Decimal(r["debit"] or 0) for r in journal)
    assert debit == sum(Decimal(r["credit"] or 0) for r in journal) > 0

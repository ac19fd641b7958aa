"""Internal invoices, the combined CSV and the GL journal, published from synthetic marts."""

from __future__ import annotations

import csv
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from markupsafe import escape
from publish_synthetic_marts import (
    MONTH,
    OVERHEAD,
    build_synthetic_warehouse,
    synthetic_publication,
    vendor_total,
)

from fairshare.publish import PublishError, publish
from fairshare.publish.data import load_month
from fairshare.publish.invoices import build_invoices
from fairshare.publish.journal import MEMO, POST
from fairshare.publish.money import fmt_money, largest_remainder, to_decimal


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


def _db_totals(warehouse: Path) -> dict[str, Decimal]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select cost_center_code, sum(amount) from marts.invoice_lines "
            "where billing_month = date '2026-10-01' group by 1"
        ).fetchall()
    return {code: total for code, total in rows}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_result_totals_equal_the_warehouse_and_the_vendor_invoice(published: tuple) -> None:
    warehouse, _, result = published
    totals = _db_totals(warehouse)
    assert result.invoice_totals == totals
    assert all(isinstance(v, Decimal) for v in result.invoice_totals.values())
    assert result.vendor_total == vendor_total(warehouse) == Decimal("22419.52")
    assert result.allocated_total == result.vendor_total
    assert sum(result.invoice_totals.values()) == result.vendor_total


def test_one_html_pdf_and_csv_per_cost_center(published: tuple) -> None:
    _, out, result = published
    invoices = out / MONTH / "invoices"
    for code in result.invoice_totals:
        stem = invoices / f"FS-{MONTH}-{code}"
        for ext in ("html", "pdf", "csv"):
            path = stem.with_suffix(f".{ext}")
            assert path in result.files, path
            assert path.stat().st_size > 500, path
        pdf = stem.with_suffix(".pdf").read_bytes()
        assert pdf.startswith(b"%PDF-")
        assert pdf.rstrip().endswith(b"%%EOF")


def test_invoice_html_header_lines_and_total(published: tuple) -> None:
    warehouse, out, result = published
    html = (out / MONTH / "invoices" / f"FS-{MONTH}-SALES.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "@page" in html and "<link" not in html and "<script" not in html  # self-contained
    assert f"FS-{MONTH}-SALES" in html
    assert "Dana Whitfield" in html and "1 Oct 2026 – 31 Oct 2026" in html
    assert ">SHOWBACK<" in html and "No money moves" in html
    total = result.invoice_totals["SALES"]
    assert f'id="invoice-total" data-value="{total}"' in html
    assert fmt_money(total) in html
    # lines grouped by category, each with its explanation, subtotals that add up to the total
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select cost_category, amount, explanation from marts.invoice_lines "
            "where billing_month = date '2026-10-01' and cost_center_code = 'SALES'"
        ).fetchall()
    subtotals: dict[str, Decimal] = defaultdict(Decimal)
    for category, amount, explanation in rows:
        subtotals[category] += amount
        assert str(escape(explanation)) in html
    shown = re.findall(r'<tr class="subtotal-row"><td colspan="5">[^<]*</td><td class="num" '
                       r'data-value="([-0-9.]+)"', html)  # fmt: skip
    assert sorted(Decimal(v) for v in shown) == sorted(subtotals.values())
    assert sum(Decimal(v) for v in shown) == total
    assert "How these amounts were calculated" in html


def test_invoice_csvs_add_up(published: tuple) -> None:
    warehouse, out, result = published
    invoices = out / MONTH / "invoices"
    for code, total in result.invoice_totals.items():
        rows = _read_csv(invoices / f"FS-{MONTH}-{code}.csv")
        assert {r["cost_center_code"] for r in rows} == {code}
        assert sum(Decimal(r["amount"]) for r in rows) == total
        assert all(r["mode"] == "SHOWBACK" for r in rows)
    combined = _read_csv(invoices / f"invoice-lines-{MONTH}.csv")
    assert sum(Decimal(r["amount"]) for r in combined) == vendor_total(warehouse)
    assert len(combined) == sum(
        len(_read_csv(invoices / f"FS-{MONTH}-{c}.csv")) for c in result.invoice_totals
    )


def test_gl_journal_balances_and_is_a_memo_in_showback(published: tuple) -> None:
    _, out, result = published
    rows = _read_csv(out / MONTH / "invoices" / f"gl-journal-{MONTH}.csv")
    debit = sum(Decimal(r["debit"] or 0) for r in rows)
    credit = sum(Decimal(r["credit"] or 0) for r in rows)
    assert debit == credit > 0
    assert {r["posting_status"] for r in rows} == {MEMO}
    assert {r["journal_id"] for r in rows} == {f"FS-JE-{MONTH}-MEMO"}
    # each department's debits to its own account equal its invoice; IT is credited the sum
    by_cc: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        if r["debit"]:
            by_cc[r["cost_center_code"]] += Decimal(r["debit"])
    expected = {k: v for k, v in result.invoice_totals.items() if k != OVERHEAD}
    assert dict(by_cc) == expected
    credits = [r for r in rows if r["credit"]]
    assert {r["account"] for r in credits} == {"6900-IT-OVH"}
    assert {r["account"] for r in rows if r["cost_center_code"] == "SALES"} == {"6100-SALES"}
    assert sum(Decimal(r["credit"]) for r in credits) == sum(expected.values())


def test_chargeback_mode_posts_and_says_so(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=60)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.invoice_lines set mode = 'chargeback'")
    result = publish(
        month=MONTH,
        out_dir=tmp_path / "out",
        duckdb_path=warehouse,
        pdf=False,
        require_passing_build=False,
    )
    assert result.mode == "chargeback"
    invoices = tmp_path / "out" / MONTH / "invoices"
    html = (invoices / f"FS-{MONTH}-SALES.html").read_text(encoding="utf-8")
    assert ">CHARGEBACK<" in html and "posted to the general ledger" in html
    assert "No money moves" not in html
    rows = _read_csv(invoices / f"gl-journal-{MONTH}.csv")
    assert {r["posting_status"] for r in rows} == {POST}
    assert {r["journal_id"] for r in rows} == {f"FS-JE-{MONTH}"}
    assert not list(invoices.glob("*.pdf"))  # pdf=False


def test_an_invoice_that_disagrees_with_its_lines_is_refused(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=60)
    data = load_month(warehouse, MONTH)
    data.sql_totals["SALES"] += Decimal("0.01")
    with pytest.raises(PublishError, match="SALES"):
        build_invoices(data)


def test_allocations_that_do_not_add_up_to_the_vendor_invoice_are_refused(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=60)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "update marts.invoice_lines set amount = amount + 0.01 "
            "where cost_center_code = 'HR' and invoice_line_id = 'L001'"
        )
    with pytest.raises(PublishError, match="differs from the vendor invoice"):
        publish(
            month=MONTH,
            out_dir=tmp_path / "out",
            duckdb_path=warehouse,
            pdf=False,
            require_passing_build=False,
        )
    assert not (tmp_path / "out" / MONTH / "invoices").exists()


def test_missing_marts_and_months_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="warehouse not found"):
        publish(
            month=MONTH,
            out_dir=tmp_path,
            duckdb_path=tmp_path / "nope.duckdb",
            require_passing_build=False,
        )
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(PublishError, match="invoice_lines not found"):
        publish(month=MONTH, out_dir=tmp_path, duckdb_path=empty, require_passing_build=False)
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=20)
    with pytest.raises(PublishError, match="no invoice_lines for 2025-01"):
        publish(
            month="2025-01", out_dir=tmp_path, duckdb_path=warehouse, require_passing_build=False
        )
    with pytest.raises(PublishError, match="YYYY-MM"):
        publish(
            month="October", out_dir=tmp_path, duckdb_path=warehouse, require_passing_build=False
        )


def test_rerun_replaces_the_previous_output(tmp_path: Path, published: tuple) -> None:
    warehouse, _, _ = published
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse, copy)
    out = tmp_path / "out"
    publish(month=MONTH, out_dir=out, duckdb_path=copy, pdf=False, require_passing_build=False)
    stale = out / MONTH / "invoices" / f"FS-{MONTH}-GONE.html"
    stale.write_text("old", encoding="utf-8")
    second = publish(
        month=MONTH, out_dir=out, duckdb_path=copy, pdf=False, require_passing_build=False
    )
    assert not stale.exists()
    assert all(p.exists() for p in second.files)


def test_largest_remainder_is_exact_and_deterministic() -> None:
    parts = largest_remainder(
        Decimal("100.00"), {"A": Decimal(1), "B": Decimal(1), "C": Decimal(1)}
    )
    assert parts == {"A": Decimal("33.34"), "B": Decimal("33.33"), "C": Decimal("33.33")}
    credit = largest_remainder(Decimal("-0.05"), {"B": Decimal(1), "A": Decimal(1)})
    assert credit == {"A": Decimal("-0.03"), "B": Decimal("-0.02")}
    zero = largest_remainder(Decimal("10.00"), {"A": Decimal(0), "B": Decimal(3)})
    assert zero == {"A": Decimal("0.00"), "B": Decimal("10.00")}
    with pytest.raises(ValueError):
        largest_remainder(Decimal("1.00"), {"A": Decimal(0)})


def test_money_never_goes_through_float() -> None:
    assert to_decimal(Decimal("1.10")) == Decimal("1.10")
    assert to_decimal("2.5") == Decimal("2.5")
    with pytest.raises(TypeError):
        to_decimal(1.1)
    assert fmt_money(Decimal("-1234.5")) == "-$1,234.50"
    assert fmt_money(Decimal("1234.5"), "CHF") == "1,234.50 CHF"

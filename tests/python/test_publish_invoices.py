"""Internal invoices and the combined CSV, published from synthetic marts (the GL journal:
test_publish_journal.py, spreadsheet safety: test_publish_csv_safety.py)."""

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
    build_synthetic_warehouse,
    synthetic_publication,
    vendor_total,
)

from fairshare.publish import PublishError, publish
from fairshare.publish.invoices import build_invoices, invoice_number
from fairshare.publish.journal import POST
from fairshare.publish.money import fmt_iso, fmt_money, largest_remainder, to_decimal
from fairshare.publish.reader import load_month

NUMBER = "FS-{month}-{code}-R1"


def _number(code: str) -> str:
    return NUMBER.format(month=MONTH, code=code)


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
    assert result.vendor_total == vendor_total() == Decimal("22419.52")
    assert result.allocated_total == result.vendor_total
    assert sum(result.invoice_totals.values()) == result.vendor_total


def test_one_html_pdf_and_csv_per_cost_center(published: tuple) -> None:
    _, out, result = published
    invoices = out / MONTH / "invoices"
    for code in result.invoice_totals:
        for ext in ("html", "pdf", "csv"):
            path = invoices / f"{_number(code)}.{ext}"
            assert path in result.files, path
            assert path.stat().st_size > 500, path
        pdf = (invoices / f"{_number(code)}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF-")
        assert pdf.rstrip().endswith(b"%%EOF")


def test_invoice_html_header_lines_and_total(published: tuple) -> None:
    warehouse, out, result = published
    html = (out / MONTH / "invoices" / f"{_number('SALES')}.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "@page" in html and "<link" not in html and "<script" not in html  # self-contained
    assert _number("SALES") in html
    assert "Dana Whitfield" in html and "1 Oct 2026 – 31 Oct 2026" in html
    assert ">SHOWBACK<" in html and "No money moves" in html
    # an issue date (the vendor invoice's date: the synthetic one is 10 Nov 2026) and the currency
    assert '<dd id="issue-date">10 Nov 2026</dd>' in html
    assert '<dd id="invoice-currency">USD</dd>' in html and "Amount (USD)" in html
    total = result.invoice_totals["SALES"]
    assert f'id="invoice-total" data-value="{total}"' in html
    assert fmt_iso(total, "USD") in html
    assert "$" not in html  # ISO codes, never an ambiguous symbol
    # lines grouped by category, each with its explanation, subtotals that add up to the total
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select cost_category, amount, explanation from marts.invoice_lines "
            "where billing_month = date '2026-10-01' and cost_center_code = 'SALES'"
        ).fetchall()
    subtotals: dict[str, Decimal] = defaultdict(Decimal)
    for category, amount, explanation in rows:
        if amount != 0:
            subtotals[category] += amount
        assert str(escape(explanation)) in html
    shown = re.findall(r'<tr class="subtotal-row"><td colspan="5">[^<]*</td><td class="num" '
                       r'data-value="([-0-9.]+)"', html)  # fmt: skip
    assert sorted(Decimal(v) for v in shown) == sorted(subtotals.values())
    assert sum(Decimal(v) for v in shown) == total
    assert "How these amounts were calculated" in html


def test_invoices_read_without_questions(published: tuple) -> None:
    """No file path, no spurious decimals on counts, the vendor's wording of each product."""
    _, out, result = published
    for code in result.invoice_totals:
        html = (out / MONTH / "invoices" / f"{_number(code)}.html").read_text(encoding="utf-8")
        assert "seeds/" not in html and ".csv" not in html, code
        # a count of whole users, requests or cost centers is never shown as "7.0"
        counted = r">[0-9,]+\.0<span class=\"unit\">(users?|requests?|departments?|cost centers?)<"
        assert not re.search(counted, html), code
        assert re.search(r">[0-9]+<span class=\"unit\">users?<", html), code


def test_lines_of_zero_are_listed_apart_with_their_reason(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=60)
    reason = "API On-Demand Charge — API requests: none of the 35,000 requests this month."
    with duckdb.connect(str(warehouse)) as con:  # move Finance's API cents to Sales: same money
        (cents,) = con.execute(
            "select amount from marts.invoice_lines where cost_center_code = 'FINANCE' "
            "and product_sku = 'GC-API-OD' and billing_month = date '2026-10-01'"
        ).fetchone()
        con.execute(
            "update marts.invoice_lines set amount = amount + ? where cost_center_code = 'SALES' "
            "and product_sku = 'GC-API-OD' and billing_month = date '2026-10-01'",
            [cents],
        )
        con.execute(
            "update marts.invoice_lines set amount = 0, driver_quantity = 0, explanation = ? "
            "where cost_center_code = 'FINANCE' and product_sku = 'GC-API-OD' "
            "and billing_month = date '2026-10-01'",
            [reason],
        )
        # a 0.00 row beside Finance's money on the same vendor line says nothing: CSV only
        con.execute(
            "insert into marts.invoice_lines select * replace ('orphan_redistribute' "
            "as allocation_method, 0 as amount, 0 as amount_cents, "
            "'zero beside money' as explanation) "
            "from marts.invoice_lines where cost_center_code = 'FINANCE' "
            "and product_sku = 'GC-PLATFORM' and amount > 0 and billing_month = date '2026-10-01'"
        )
    result = publish(
        require_passing_build=False,
        month=MONTH,
        out_dir=tmp_path / "out",
        duckdb_path=warehouse,
        pdf=False,
    )
    invoices = tmp_path / "out" / MONTH / "invoices"
    html = (invoices / f"{_number('FINANCE')}.html").read_text(encoding="utf-8")
    lines_table = html[html.index('class="lines-table"') : html.index('class="total-table"')]
    assert "GC-API-OD" not in lines_table  # not among the lines that carry money
    not_charged = html[html.index('id="not-charged-title"') :]
    assert str(escape(reason)) in not_charged.split("</section>")[0]
    assert "zero beside money" not in html
    rows = _read_csv(invoices / f"{_number('FINANCE')}.csv")  # the CSV keeps every row
    assert any(r["product_sku"] == "GC-API-OD" and r["amount"] == "0.00" for r in rows)
    assert any(r["explanation"] == "zero beside money" for r in rows)
    assert sum(Decimal(r["amount"]) for r in rows) == result.invoice_totals["FINANCE"]


def test_invoice_csvs_add_up(published: tuple) -> None:
    _, out, result = published
    invoices = out / MONTH / "invoices"
    for code, total in result.invoice_totals.items():
        rows = _read_csv(invoices / f"{_number(code)}.csv")
        assert {r["cost_center_code"] for r in rows} == {code}
        assert {r["invoice_number"] for r in rows} == {_number(code)}
        assert {r["issue_date"] for r in rows} == {"2026-11-10"}
        assert sum(Decimal(r["amount"]) for r in rows) == total
        assert all(r["mode"] == "SHOWBACK" for r in rows)
    combined = _read_csv(invoices / f"invoice-lines-{MONTH}.csv")
    assert sum(Decimal(r["amount"]) for r in combined) == vendor_total()
    assert len(combined) == sum(
        len(_read_csv(invoices / f"{_number(c)}.csv")) for c in result.invoice_totals
    )


def test_csv_drivers_are_exact(published: tuple) -> None:
    """Driver columns carry the warehouse's exact value, not a rounded or padded one."""
    warehouse, out, _ = published
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = {
            (code, line, method): (quantity, total)
            for code, line, method, quantity, total in con.execute(
                "select cost_center_code, invoice_line_id, allocation_method, driver_quantity, "
                "driver_total from marts.invoice_lines where billing_month = date '2026-10-01'"
            ).fetchall()
        }
    rows = _read_csv(out / MONTH / "invoices" / f"invoice-lines-{MONTH}.csv")
    for r in rows:
        quantity, total = expected[
            (r["cost_center_code"], r["vendor_line_id"], r["allocation_method"])
        ]
        for text, value in ((r["driver_quantity"], quantity), (r["driver_total"], total)):
            assert (text == "") == (value is None)
            if value is not None:
                assert Decimal(text) == value
                assert not text.endswith("0") or "." not in text  # no padding zeros


def test_numbers_carry_the_revision() -> None:
    assert invoice_number(MONTH, "SALES") == "FS-2026-10-SALES-R1"
    assert invoice_number(MONTH, "SALES", 3) == "FS-2026-10-SALES-R3"
    with pytest.raises(PublishError):
        invoice_number(MONTH, "SALES", 0)


def test_a_revision_renumbers_every_invoice(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=40)
    data = load_month(warehouse, MONTH)
    first = [inv.number for inv in build_invoices(data)]
    assert first == [inv.number for inv in build_invoices(load_month(warehouse, MONTH))]
    data.revision = 2
    assert [inv.number for inv in build_invoices(data)] == [n[:-1] + "2" for n in first]


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
    html = (invoices / f"{_number('SALES')}.html").read_text(encoding="utf-8")
    assert ">CHARGEBACK<" in html and "posted to the general ledger" in html
    assert "company US01" in html and '<th scope="col">GL account</th>' in html
    assert "<td>6420</td>" in html  # the telecom account of the ledger mapping
    assert "No money moves" not in html
    rows = _read_csv(invoices / f"gl-journal-{MONTH}.csv")
    assert {r["posting_status"] for r in rows} == {POST}
    assert {r["journal_id"] for r in rows} == {f"JE-{MONTH}-R1"}
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
    stale = out / MONTH / "invoices" / f"FS-{MONTH}-GONE-R1.html"
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

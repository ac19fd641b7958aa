"""The GL journal an ERP imports: balanced per document and per company, account and cost center
in separate columns, accounts by cost category from the ledger seeds, company codes with
intercompany lines, document and posting dates, currency and exchange rate, a journal id per
revision, and the showback memo marking. Also checks the shipped sample (docs/samples)."""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from publish_synthetic_marts import (
    MONTH,
    OVERHEAD,
    build_synthetic_warehouse,
    synthetic_publication,
)

from fairshare.publish import PublishError, publish
from fairshare.publish.invoices import build_invoices
from fairshare.publish.journal import JOURNAL_COLUMNS, MEMO, POST, build_journal, journal_id
from fairshare.publish.reader import load_month

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "docs" / "samples" / f"gl-journal-{MONTH}.csv"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _money(text: str) -> Decimal:
    return Decimal(text) if text else Decimal(0)


def assert_balanced(rows: list[dict[str, str]]) -> None:
    """Σ debit = Σ credit per document × company, per company, per document and overall, in the
    document currency and in local currency at the line's rate; lines numbered 1..n per document
    and company; one value per document of its header fields."""
    assert rows
    per_doc_company: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    per_doc_company_local: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    per_company: dict[str, Decimal] = defaultdict(Decimal)
    per_doc: dict[str, Decimal] = defaultdict(Decimal)
    numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
    headers: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for r in rows:
        debit, credit = _money(r["debit"]), _money(r["credit"])
        assert (debit > 0) != (credit > 0), r  # exactly one side, positive
        key = (r["document_number"], r["company_code"])
        net = debit - credit
        per_doc_company[key] += net
        per_doc_company_local[key] += net * Decimal(r["exchange_rate"])
        per_company[r["company_code"]] += net
        per_doc[r["document_number"]] += net
        numbers[key].append(int(r["document_line"]))
        headers[key].add(
            tuple(
                r[c]
                for c in (
                    "journal_id",
                    "document_type",
                    "document_date",
                    "posting_date",
                    "fiscal_period",
                    "currency",
                    "exchange_rate",
                    "local_currency",
                    "posting_status",
                )
            )
        )
    assert all(v == 0 for v in per_doc_company.values()), per_doc_company
    assert all(v == 0 for v in per_doc_company_local.values()), per_doc_company_local
    assert all(v == 0 for v in per_company.values()), per_company
    assert all(v == 0 for v in per_doc.values()), per_doc
    assert all(sorted(v) == list(range(1, len(v) + 1)) for v in numbers.values()), numbers
    assert all(len(v) == 1 for v in headers.values()), headers


def test_journal_balances_per_document_and_company(published: tuple) -> None:
    _, out, result = published
    rows = _read(out / MONTH / "invoices" / f"gl-journal-{MONTH}.csv")
    assert list(rows[0]) == JOURNAL_COLUMNS
    assert_balanced(rows)
    assert {r["posting_status"] for r in rows} == {MEMO}
    assert {r["journal_id"] for r in rows} == {f"JE-{MONTH}-R1-MEMO"}
    assert all(r["description"].startswith("MEMO ") for r in rows)
    assert all(len(r["description"]) <= len("MEMO ") + 50 for r in rows)  # an ERP line text
    assert {r["document_date"] for r in rows} == {"2026-11-10"}  # the issue date
    assert {r["posting_date"] for r in rows} == {"2026-10-31"}  # the period's last day
    assert {r["fiscal_period"] for r in rows} == {MONTH}
    assert {(r["currency"], r["exchange_rate"], r["local_currency"]) for r in rows} == {
        ("USD", "1", "USD")
    }
    # each department's debits net of credits on its own cost center equal its invoice
    departments: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        if r["cost_center_code"] != OVERHEAD and not r["trading_partner"]:
            departments[r["cost_center_code"]] += _money(r["debit"]) - _money(r["credit"])
    expected = {k: v for k, v in result.invoice_totals.items() if k != OVERHEAD}
    assert dict(departments) == expected
    assert {r["document_number"] for r in rows} == {f"FS-{MONTH}-{c}-R1" for c in expected}


def test_accounts_and_cost_centers_are_separate_columns(published: tuple) -> None:
    _, out, _ = published
    rows = _read(out / MONTH / "invoices" / f"gl-journal-{MONTH}.csv")
    for r in rows:
        assert r["account"].isdigit(), r  # the natural account only: no department merged in
        assert r["cost_center_code"] and r["cost_center_code"] not in r["account"]
    sales = {r["account"] for r in rows if r["cost_center_code"] == "SALES"}
    assert len(sales) > 1  # categories go to different accounts
    telecom = [
        r for r in rows if r["cost_center_code"] == "SALES" and "Telecom" in r["description"]
    ]
    assert telecom and {r["account"] for r in telecom} == {"6420"}
    # the overhead cost center is credited on its recovery accounts, per category
    recoveries = [r for r in rows if r["cost_center_code"] == OVERHEAD and not r["trading_partner"]]
    assert recoveries and all(r["description"].startswith("MEMO Recovery") for r in recoveries)


def test_a_department_of_another_company_is_recharged_through_intercompany(
    published: tuple,
) -> None:
    """Marketing belongs to company US02 (seeds/gl_cost_center_companies.csv), IT to US01: each
    company books its side and balances through its intercompany account, the other company as
    trading partner; US02's own chart maps every category to 7400."""
    _, out, result = published
    rows = _read(out / MONTH / "invoices" / f"gl-journal-{MONTH}.csv")
    doc = [r for r in rows if r["document_number"] == f"FS-{MONTH}-MARKETING-R1"]
    us02 = [r for r in doc if r["company_code"] == "US02"]
    us01 = [r for r in doc if r["company_code"] == "US01"]
    assert us02 and us01
    assert {r["account"] for r in us02 if not r["trading_partner"]} == {"7400"}
    (payable,) = [r for r in us02 if r["trading_partner"]]
    (receivable,) = [r for r in us01 if r["trading_partner"]]
    total = result.invoice_totals["MARKETING"]
    assert (payable["account"], payable["trading_partner"], _money(payable["credit"])) == (
        "1950",
        "US01",
        total,
    )
    assert (receivable["trading_partner"], _money(receivable["debit"])) == ("US02", total)
    assert all(
        r["company_code"] == "US01" for r in rows if r["document_number"].endswith("SALES-R1")
    )


def test_exchange_rate_to_a_company_in_another_currency(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=40)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "update config.gl_companies set local_currency = 'CAD' where company_code = 'US02'"
        )
        con.execute(
            "insert into config.gl_exchange_rates values ('2026-10-01', 'USD', 'CAD', '1.385')"
        )
    result = publish(
        require_passing_build=False,
        month=MONTH,
        out_dir=tmp_path / "out",
        duckdb_path=warehouse,
        pdf=False,
    )
    rows = _read(result.month_dir / "invoices" / f"gl-journal-{MONTH}.csv")
    assert_balanced(rows)
    rates = {(r["company_code"], r["exchange_rate"], r["local_currency"]) for r in rows}
    assert rates == {("US01", "1", "USD"), ("US02", "1.385", "CAD")}
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from config.gl_exchange_rates where to_currency = 'CAD'")
    with pytest.raises(PublishError, match="no exchange rate USD -> CAD"):
        publish(
            require_passing_build=False,
            month=MONTH,
            out_dir=tmp_path / "out2",
            duckdb_path=warehouse,
            pdf=False,
        )


def test_an_unmapped_category_or_company_is_refused(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=40)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from config.gl_account_map where cost_category in ('telecom', '*')")
    data = load_month(warehouse, MONTH)
    with pytest.raises(PublishError, match="no account for cost category 'telecom'"):
        build_journal(data, build_invoices(data))
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from config.gl_cost_center_companies")
    data = load_month(warehouse, MONTH)
    with pytest.raises(PublishError, match="has no company code"):
        build_journal(data, build_invoices(data))
    with duckdb.connect(str(warehouse)) as con:
        con.execute("drop table config.gl_companies")
    data = load_month(warehouse, MONTH)
    with pytest.raises(PublishError, match="ledger configuration is not in the warehouse"):
        build_journal(data, build_invoices(data))


def test_journal_id_is_unique_per_revision_and_stable(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=40)
    data = load_month(warehouse, MONTH)
    assert journal_id(data) == f"JE-{MONTH}-R1-MEMO"
    data.mode = "chargeback"
    assert journal_id(data) == f"JE-{MONTH}-R1"
    data.revision = 2
    assert journal_id(data) == f"JE-{MONTH}-R2"
    first = build_journal(data, build_invoices(data))
    again = build_journal(data, build_invoices(data))
    assert first == again  # same revision, same documents and lines
    assert {x.document_number[-3:] for x in first} == {"-R2"}


def test_chargeback_journal_posts(tmp_path: Path) -> None:
    warehouse = build_synthetic_warehouse(tmp_path / "warehouse.duckdb", conversations=40)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.invoice_lines set mode = 'chargeback'")
    result = publish(
        require_passing_build=False,
        month=MONTH,
        out_dir=tmp_path / "out",
        duckdb_path=warehouse,
        pdf=False,
    )
    rows = _read(result.month_dir / "invoices" / f"gl-journal-{MONTH}.csv")
    assert_balanced(rows)
    assert {r["posting_status"] for r in rows} == {POST}
    assert not any(r["description"].startswith("MEMO") for r in rows)


def test_the_documented_sample_is_a_real_balanced_journal() -> None:
    """docs/samples/gl-journal-2026-10.csv: written by the publisher (demo month), balanced."""
    rows = _read(SAMPLE)
    assert list(rows[0]) == JOURNAL_COLUMNS
    assert_balanced(rows)
    assert {r["company_code"] for r in rows} == {"US01", "US02"}
    assert any(r["trading_partner"] for r in rows)

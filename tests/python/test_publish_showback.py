"""The showback site: self-contained, accessible, exact, and per-department sites that hold only
that department's figures. (The browser walk-through is in test_publish_browser.py.)"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from publish_synthetic_marts import (
    CODES,
    COST_CENTERS,
    MONTH,
    OVERHEAD,
    PREVIOUS_MONTH,
    synthetic_publication,
)

from fairshare.publish import publish
from fairshare.publish.model import licences_by_user, telecom_breakdown
from fairshare.publish.money import fmt_money
from fairshare.publish.reader import load_month

NAMES = {c[0]: c[1] for c in COST_CENTERS}
HEADS = {c[0]: c[2] for c in COST_CENTERS}


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


@pytest.fixture(scope="session")
def site(published: tuple) -> Path:
    return published[1] / MONTH / "showback"


def _q(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _values(html: str, attr_pattern: str) -> list[Decimal]:
    return [Decimal(v) for v in re.findall(attr_pattern, html)]


def test_site_layout(site: Path, published: tuple) -> None:
    _, _, result = published
    assert (site / "index.html").is_file()
    assert (site / "methodology.html").is_file()
    assert (site / "quality.html").is_file()
    assert (site / "static" / "site.css").is_file() and (site / "static" / "site.js").is_file()
    for code in result.invoice_totals:
        assert (site / "cost-centers" / f"{code}.html").is_file()
        assert list((site / "cost-centers" / code).glob("did-*.html")), code
        assert list((site / "cost-centers" / code).glob("conversation-*.html")), code
        dept = site / code
        assert (dept / "index.html").is_file() and (dept / "methodology.html").is_file()
        assert (dept / "static" / "site.css").is_file()
        assert (dept / "invoices" / f"FS-{MONTH}-{code}-R1.pdf").is_file()
        assert not (dept / "quality.html").exists()


def test_self_contained_no_network_at_view_time(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # every src/href is relative (no http(s)://, no protocol-relative //, no absolute path)
        for ref in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert not re.match(r"^([a-z]+:|//|/)", ref) or ref.startswith("#"), (page, ref)
            target = (page.parent / ref.split("#")[0]).resolve() if ref.split("#")[0] else page
            assert target.exists(), (page, ref)
        assert "@import" not in html and "cdn" not in html.lower()
    for static in (site / "static").iterdir():
        text = static.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "@import" not in text


def test_accessible_markup(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en">' in html, page
        assert "<main" in html and "<title>" in html
        charts = re.findall(r"<svg[^>]*>", html)
        for svg in charts:
            assert 'role="img"' in svg and "aria-labelledby=" in svg, (page, svg)
        # every chart has a real table with the same figures on the page
        assert len(re.findall(r'<table class="data', html)) >= len(charts), page
        titles = re.findall(r'<title id="([^"]+)-title">', html)
        assert len(titles) == len(charts)


def test_charts_and_tables_show_the_same_numbers(site: Path, published: tuple) -> None:
    warehouse, _, result = published
    html = (site / "index.html").read_text(encoding="utf-8")
    table = html[html.index('id="table-cost-centers"') :]
    table = table[: table.index("</table>")]
    amounts = dict(
        re.findall(r'<tr data-cc="([A-Z_]+)">.*?class="num cc-amount" data-value="([-0-9.]+)"',
                   table, re.S)
    )  # fmt: skip
    assert {k: Decimal(v) for k, v in amounts.items()} == result.invoice_totals
    chart = html[html.index('id="chart-cc-title"') : html.index("</svg>")]
    for code, total in result.invoice_totals.items():
        assert f">{fmt_money(total)}</text>" in chart
        assert f">{NAMES[code]}</text>" in chart
    assert f'id="kpi-vendor" data-value="{result.vendor_total}"' in html
    assert f'id="kpi-allocated" data-value="{result.allocated_total}"' in html
    assert 'id="kpi-difference" data-value="0.00"' in html
    assert 'id="kpi-tagging" data-value="0.9727' in html  # the mart's KPI (97.27%)
    categories = dict(
        _q(
            warehouse,
            "select cost_category, sum(amount) from marts.invoice_lines "
            "where billing_month = date '2026-10-01' group by 1",
        )
    )
    cat_table = html[html.index('id="table-categories"') :]
    cat_table = cat_table[: cat_table.index("</tbody>")]
    shown = re.findall(r'<tr data-category="([a-z_]+)"><th scope="row">[^<]*</th><td class="num '
                       r'" data-value="([-0-9.]+)"', cat_table)  # fmt: skip
    assert {k: Decimal(v) for k, v in shown} == categories


def test_month_over_month_from_the_warehouse(site: Path, published: tuple) -> None:
    warehouse, _, _ = published
    html = (site / "index.html").read_text(encoding="utf-8")
    previous = dict(
        _q(
            warehouse,
            "select cost_center_code, sum(amount) from marts.invoice_lines "
            "where billing_month = date '2026-09-01' group by 1",
        )
    )
    assert f">{PREVIOUS_MONTH}</th>" in html
    for total in previous.values():
        assert fmt_money(total) in html


def test_month_over_month_prefers_the_published_earlier_month(
    tmp_path: Path, published: tuple
) -> None:
    warehouse, _, _ = published
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse, copy)
    out = tmp_path / "out"
    sept = publish(
        month=PREVIOUS_MONTH, out_dir=out, duckdb_path=copy, pdf=False, require_passing_build=False
    )
    summary_path = out / PREVIOUS_MONTH / "summary.json"
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert {k: Decimal(v) for k, v in summary["by_cost_center"].items()} == sept.invoice_totals
    summary["by_cost_center"]["SALES"] = "1234567.89"  # a marker only the file can provide
    summary_path.write_text(json.dumps(summary), encoding="utf-8")
    publish(month=MONTH, out_dir=out, duckdb_path=copy, pdf=False, require_passing_build=False)
    html = (out / MONTH / "showback" / "index.html").read_text(encoding="utf-8")
    assert "$1,234,567.89" in html


def test_telecom_drill_down_adds_up_to_invoice_lines(published: tuple, site: Path) -> None:
    warehouse, _, _ = published
    data = load_month(warehouse, MONTH)
    telecom = dict(
        _q(
            warehouse,
            "select cost_center_code, sum(amount) from marts.invoice_lines "
            "where billing_month = date '2026-10-01' and cost_category = 'telecom' group by 1",
        )
    )
    assert set(telecom) == set(CODES)
    for code, total in telecom.items():
        breakdown = telecom_breakdown(data, code)
        assert breakdown.total == total
        assert sum(t.amount for t in breakdown.by_type) + breakdown.unexplained == total
        assert sum(d.amount for d in breakdown.dids) + breakdown.unexplained == total
        for t in breakdown.by_type:
            assert sum(d.amount for d in t.dids) == t.amount
        html = (site / "cost-centers" / f"{code}.html").read_text(encoding="utf-8")
        assert f'id="cc-telecom" data-value="{total}"' in html
        did_amounts = _values(html, r'class="num did-amount" data-value="([-0-9.]+)"')
        assert sum(did_amounts) == total
    # the guide's case: Sales sees the share of one rarely used international number
    sales = telecom_breakdown(data, "SALES")
    intl = [d for d in sales.dids if d.did == "+13125550113"]
    assert intl and intl[0].share_of_telecom > Decimal("0.05")
    html = (site / "cost-centers" / "SALES.html").read_text(encoding="utf-8")
    assert 'id="telecom-headline"' in html


def test_did_and_conversation_pages(published: tuple, site: Path) -> None:
    warehouse, _, _ = published
    page = site / "cost-centers" / "SALES" / "did-13125550113.html"
    html = page.read_text(encoding="utf-8")
    assert "c99999-guide-intl" in html  # the hour-long international call is the top one
    conv = (site / "cost-centers" / "SALES" / "conversation-c99999-guide-intl.html").read_text(
        encoding="utf-8"
    )
    assert 'id="conv-cost" data-value="9.000000000"' in conv
    assert "2026-10-14 10:00:00" in conv
    # a transferred call: the all-departments page shows every department's slices
    rows = _q(
        warehouse,
        "select conversation_id from marts.fct_segment_costs where billing_month = "
        "date '2026-10-01' group by 1 having count(distinct cost_center_code) > 1 "
        "and bool_or(cost_center_code = 'SALES') and bool_or(cost_center_code = 'SUPPORT')",
    )
    ids = {r[0] for r in rows}
    pages = [p for p in (site / "cost-centers" / "SALES").glob("conversation-*.html")
             if p.stem.removeprefix("conversation-") in ids]  # fmt: skip
    assert pages, "the synthetic month has Sales → Support transfers among the top conversations"
    full = pages[0].read_text(encoding="utf-8")
    assert 'data-cc="SALES"' in full and 'data-cc="SUPPORT"' in full
    own = (site / "SALES" / pages[0].relative_to(site)).read_text(encoding="utf-8")
    assert 'data-cc="SALES"' in own and 'data-cc="SUPPORT"' not in own


def test_licences_by_user_add_up(published: tuple, site: Path) -> None:
    warehouse, _, _ = published
    data = load_month(warehouse, MONTH)
    for code in CODES:
        rows = licences_by_user(data, code)
        named = sum(
            (line.amount for line in data.lines_for(code)
             if line.allocation_method == "named_users"),
            Decimal(0),
        )  # fmt: skip
        assert sum(r.amount for r in rows) == named
        users = _q(
            warehouse,
            "select count(*) from marts.fct_named_users where cost_center_code = ?",
            [code],
        )[0][0]
        assert len(rows) == users


def test_department_sites_hold_only_their_own_figures(published: tuple, site: Path) -> None:
    _, _, result = published
    issuer = NAMES[OVERHEAD]  # the invoice's issuer is named on every invoice, never its figures
    for code in result.invoice_totals:
        dept = site / code
        text = "\n".join(
            p.read_text(encoding="utf-8") for p in dept.rglob("*") if p.suffix in (".html", ".csv")
        )
        # amounts as the site shows them ($1,234.56) and as the invoice does (USD 1,234.56)
        own_numbers = set(re.findall(r"\$[0-9,]+\.[0-9]{2}", text)) | {
            f"${m}" for m in re.findall(r"USD (-?[0-9,]+\.[0-9]{2})", text)
        }
        for other in result.invoice_totals:
            if other == code:
                continue
            assert f"cost-centers/{other}" not in text, (code, other)
            assert f'data-cc="{other}"' not in text, (code, other)
            if other != OVERHEAD:
                assert HEADS[other] not in text, (code, other)
                assert NAMES[other] not in text, (code, other)
                assert f"FS-{MONTH}-{other}-R" not in text, (code, other)
            other_total = fmt_money(result.invoice_totals[other])
            assert other_total not in own_numbers, (code, other, other_total)
        assert fmt_money(result.invoice_totals[code]) in text
        assert issuer in text or code == OVERHEAD
        assert (
            "Data quality" not in text and "Vendor invoice lines and their allocation" not in text
        )
        # no file of the department site is shared with the whole-organisation folders
        assert not (dept / "quality.html").exists()


def test_department_figures_match_the_all_departments_site(published: tuple, site: Path) -> None:
    _, _, result = published
    for code, total in result.invoice_totals.items():
        own = (site / code / "cost-centers" / f"{code}.html").read_text(encoding="utf-8")
        full = (site / "cost-centers" / f"{code}.html").read_text(encoding="utf-8")
        assert f'id="cc-total" data-value="{total}"' in own
        assert f'id="cc-total" data-value="{total}"' in full
        pattern = r'class="num did-amount" data-value="([-0-9.]+)"'
        assert _values(own, pattern) == _values(full, pattern)


def test_methodology_lists_every_rule_with_this_months_figures(
    site: Path, published: tuple
) -> None:
    warehouse, _, _ = published
    html = (site / "methodology.html").read_text(encoding="utf-8")
    methods = {
        r[0]
        for r in _q(
            warehouse,
            "select distinct product_allocation_method from marts.invoice_lines "
            "where billing_month = date '2026-10-01'",
        )
    }
    for method in methods:
        assert f'id="method-{method}"' in html, method
    assert "largest-remainder" in html and "orphan policy" in html
    vendor = _q(
        warehouse,
        "select distinct invoice_line_id, vendor_line_amount from marts.invoice_lines "
        "where billing_month = date '2026-10-01'",
    )
    for _, amount in vendor:
        assert fmt_money(amount) in html
    per_dept = (site / "SALES" / "methodology.html").read_text(encoding="utf-8")
    assert "Sales&#39;s part" in per_dept or "Sales's part" in per_dept
    assert '<th scope="row">SUPPORT</th>' not in per_dept


def test_quality_page_lists_untagged_objects_and_quarantine(site: Path) -> None:
    html = (site / "quality.html").read_text(encoding="utf-8")
    for name in ("Temp Agent 1", "Escalations", "+18005550100", "Alex Moreau"):
        assert name in html
    assert "month_total" not in html
    assert "segment ends before it starts" in html and "missing DID on a voice leg" in html


def test_orphan_share_is_shown_on_the_overhead_page(site: Path, published: tuple) -> None:
    warehouse, _, _ = published
    html = (site / "cost-centers" / f"{OVERHEAD}.html").read_text(encoding="utf-8")
    assert "unattributed calls" in html
    orphan_telecom = _q(
        warehouse,
        "select sum(amount) from marts.invoice_lines where billing_month = date '2026-10-01' "
        "and cost_category = 'telecom' and allocation_method = 'orphan_absorb'",
    )[0][0]
    assert orphan_telecom > 0
    by_kind: dict[bool, Decimal] = defaultdict(Decimal)
    data = load_month(warehouse, MONTH)
    for d in telecom_breakdown(data, OVERHEAD).dids:
        by_kind[d.unattributed] += d.amount
    assert by_kind[True] == orphan_telecom

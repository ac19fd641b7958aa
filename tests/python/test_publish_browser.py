"""The showback site in a real browser: Debian's headless Chromium driven by Playwright.

Loads the site from file://, follows the drill-down overview → cost center → phone number →
conversation, checks the figures shown against the warehouse, fails on any console error or any
request leaving the local files, and screenshots each page kind. These tests FAIL (they never
skip) when Chromium is missing: the dashboard is part of the contract.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from publish_synthetic_marts import MONTH, synthetic_publication, vendor_total

from fairshare.publish import publish
from fairshare.publish.screenshots import CHROMIUM_ARGS, DEFAULT_CHROMIUM

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("publish_browser")]

CHROMIUM = Path(os.environ.get("FAIRSHARE_CHROMIUM", DEFAULT_CHROMIUM))


@dataclass
class Watched:
    page: Page
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def goto(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def value(self, selector: str) -> Decimal:
        raw = self.page.locator(selector).first.get_attribute("data-value")
        assert raw is not None, selector
        return Decimal(raw)

    def shot(self, directory: Path, kind: str) -> Path:
        path = directory / f"{kind}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 5_000, path
        return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), (
        f"headless Chromium is required for the dashboard tests and was not found at {CHROMIUM} "
        "(Debian: apt-get install chromium; or set FAIRSHARE_CHROMIUM)"
    )
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    w = Watched(context.new_page())
    w.page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    w.page.on("pageerror", lambda exc: w.errors.append(str(exc)))
    w.page.on(
        "request", lambda r: None if r.url.startswith("file://") else w.external.append(r.url)
    )
    yield w
    context.close()


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    return synthetic_publication(tmp_path_factory)


def _one(warehouse: Path, sql: str, params: list | None = None) -> Decimal:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute(sql, params or []).fetchone()
    assert row is not None and row[0] is not None, sql
    return Decimal(row[0])


def test_drill_down_from_overview_to_a_conversation(
    published: tuple, watched: Watched, tmp_path: Path
) -> None:
    warehouse, out, _ = published
    site = out / MONTH / "showback"
    month = "billing_month = date '2026-10-01'"
    page = watched.page

    # overview: vendor invoice = allocated = warehouse, per cost center = invoice_lines
    watched.goto(site / "index.html")
    assert page.title().startswith("Overview")
    assert watched.value("#kpi-vendor") == vendor_total(MONTH)
    assert watched.value("#kpi-allocated") == _one(
        warehouse, f"select sum(amount) from marts.invoice_lines where {month}"
    )
    rows = page.locator("#table-cost-centers tbody tr")
    assert rows.count() == 6
    for i in range(rows.count()):
        code = rows.nth(i).get_attribute("data-cc")
        shown = Decimal(rows.nth(i).locator("td.cc-amount").get_attribute("data-value") or "")
        assert shown == _one(
            warehouse,
            f"select sum(amount) from marts.invoice_lines where {month} and cost_center_code = ?",
            [code],
        ), code
    assert page.locator("svg.chart[role=img]").count() >= 2
    watched.shot(tmp_path, "overview")

    # → the Sales cost center
    page.locator('#table-cost-centers tr[data-cc="SALES"] th a').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/cost-centers/SALES.html")
    assert watched.value("#cc-total") == _one(
        warehouse,
        f"select sum(amount) from marts.invoice_lines where {month} and cost_center_code = 'SALES'",
    )
    telecom = _one(
        warehouse,
        f"select sum(amount) from marts.invoice_lines where {month} "
        "and cost_center_code = 'SALES' and cost_category = 'telecom'",
    )
    assert watched.value("#cc-telecom") == telecom
    did_cells = page.locator("#table-dids td.did-amount")
    amounts = [Decimal(did_cells.nth(i).get_attribute("data-value") or "") for i in
               range(did_cells.count())]  # fmt: skip
    assert amounts and sum(amounts) == telecom
    assert "comes from one number" in page.locator("#telecom-headline").inner_text()
    watched.shot(tmp_path, "cost_center")

    # → the rarely used international number
    row = page.locator('#table-dids tr[data-did="+13125550113"]')
    did_amount = Decimal(row.locator("td.did-amount").get_attribute("data-value") or "")
    row.locator("th a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/cost-centers/SALES/did-13125550113.html")
    assert watched.value("#did-amount") == did_amount
    watched.shot(tmp_path, "did")

    # → its top conversation
    first = page.locator("#table-conversations tbody tr").first
    conversation_id = first.get_attribute("data-conversation")
    first.locator("th a").click()
    page.wait_for_load_state("load")
    assert conversation_id and conversation_id in page.url
    assert watched.value("#conv-cost") == _one(
        warehouse,
        f"select sum(cost) from marts.fct_segment_costs where {month} "
        "and conversation_id = ? and cost_center_code = 'SALES'",
        [conversation_id],
    )
    slices = _one(
        warehouse,
        f"select count(*) from marts.fct_segment_costs where {month} and conversation_id = ?",
        [conversation_id],
    )
    assert page.locator("#table-slices tbody tr").count() == slices
    watched.shot(tmp_path, "conversation")

    # the breadcrumb leads back up; the methodology and the invoice render too
    page.locator('nav.breadcrumb a:text("Overview")').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/showback/index.html")
    watched.goto(site / "methodology.html")
    assert page.locator("section[id] h2").count() >= 8
    watched.shot(tmp_path, "methodology")
    watched.goto(site / "invoices" / f"FS-{MONTH}-SALES-R1.html")
    assert watched.value("#invoice-total") == _one(
        warehouse,
        f"select sum(amount) from marts.invoice_lines where {month} and cost_center_code = 'SALES'",
    )
    watched.shot(tmp_path, "invoice")

    assert watched.errors == []
    assert watched.external == []


def test_department_site_in_the_browser(published: tuple, watched: Watched, tmp_path: Path) -> None:
    _, out, result = published
    site = out / MONTH / "showback" / "SUPPORT"
    page = watched.page
    watched.goto(site / "index.html")
    nav = page.locator("nav.site-nav a").all_inner_texts()
    assert nav == ["Overview", "Customer Support", "Methodology"]
    assert watched.value("#kpi-allocated") == result.invoice_totals["SUPPORT"]
    watched.shot(tmp_path, "department_overview")
    page.locator('nav.site-nav a:text("Customer Support")').click()
    page.wait_for_load_state("load")
    assert watched.value("#cc-total") == result.invoice_totals["SUPPORT"]
    body = page.locator("body").inner_text()
    for other in ("Sales", "Human Resources", "Marketing", "Finance"):
        assert other not in body, other
    # the concurrency evidence: Support alone above its entitlement at the org peak
    assert page.locator("#table-peak-evidence tbody tr").count() >= 1
    assert page.locator("#concurrency svg.chart").count() == 1  # no organisation chart here
    assert watched.errors == [] and watched.external == []


def test_sortable_tables_work_without_errors(published: tuple, watched: Watched) -> None:
    _, out, result = published
    watched.goto(out / MONTH / "showback" / "index.html")
    page = watched.page
    header = page.locator("#table-cost-centers thead th").nth(2)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = page.locator("#table-cost-centers tbody tr").first.get_attribute("data-cc")
    assert first == min(result.invoice_totals, key=lambda c: result.invoice_totals[c])
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    first = page.locator("#table-cost-centers tbody tr").first.get_attribute("data-cc")
    assert first == max(result.invoice_totals, key=lambda c: result.invoice_totals[c])
    assert watched.errors == []


def test_publish_takes_screenshots_of_each_page_kind(tmp_path: Path, published: tuple) -> None:
    assert CHROMIUM.exists(), f"headless Chromium missing at {CHROMIUM}"
    warehouse, _, _ = published
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse, copy)
    result = publish(
        month=MONTH,
        out_dir=tmp_path / "out",
        duckdb_path=copy,
        screenshots=True,
        pdf=False,
        require_passing_build=False,
    )
    shots = tmp_path / "out" / MONTH / "screenshots"
    kinds = {p.stem for p in shots.glob("*.png")}
    assert {"overview", "cost_center", "did", "conversation", "methodology"} <= kinds
    assert all(p in result.files for p in shots.glob("*.png"))

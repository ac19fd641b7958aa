"""Publishing: internal invoices, the showback site, the GL journal and the FOCUS export.

    from fairshare.publish import publish
    result = publish(month="2026-10", out_dir=Path("out"),
                     duckdb_path=Path("warehouse/fairshare.duckdb"))

Writes under out/<month>/: invoices/ (HTML, PDF, CSV per cost center, the combined CSV and the GL
journal), showback/ (the static site, plus one site per department), focus/ (CSV + Parquet),
summary.json (read back for month-over-month), and screenshots/ when asked.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from fairshare.publish.data import MonthData, PublishError, load_month
from fairshare.publish.insights import BudgetAlert
from fairshare.publish.money import ZERO, cents

log = logging.getLogger(__name__)

__all__ = ["PublishError", "PublishResult", "publish"]


@dataclass
class PublishResult:
    month: str
    month_dir: Path
    mode: str
    currency: str
    files: list[Path] = field(default_factory=list)
    invoice_totals: dict[str, Decimal] = field(default_factory=dict)
    vendor_total: Decimal = ZERO
    allocated_total: Decimal = ZERO
    # cost centers over their budget, or forecast to be (information: the exit code stays 0)
    budget_alerts: list[BudgetAlert] = field(default_factory=list)

    @property
    def reconciled(self) -> bool:
        return self.vendor_total == self.allocated_total


def publish(
    month: str,
    out_dir: Path,
    duckdb_path: Path,
    marts_schema: str = "marts",
    screenshots: bool = False,
    *,
    raw_schema: str = "genesys_raw",
    pdf: bool = True,
    paper: str = "A4",
) -> PublishResult:
    """Publish one billing month from the marts. Raises PublishError when it cannot be trusted:
    an invoice whose total differs from its invoice_lines, allocations that do not add up to the
    vendor invoice, a journal that does not balance, a missing mart."""
    from fairshare.publish.dashboard import write_showback
    from fairshare.publish.focus import write_focus
    from fairshare.publish.invoices import build_invoices, write_invoices
    from fairshare.publish.journal import build_journal, write_journal
    from fairshare.publish.summary import Summary, write_summary

    out_dir = Path(out_dir)
    data: MonthData = load_month(
        Path(duckdb_path), month, marts_schema=marts_schema, raw_schema=raw_schema, out_dir=out_dir
    )
    if data.vendor_total != data.allocated_total:
        raise PublishError(
            f"{month}: allocated {data.allocated_total} differs from the vendor invoice "
            f"{data.vendor_total} by {cents(data.vendor_total - data.allocated_total)}; "
            "the reconciliation tests of `dbt build` should have stopped this run"
        )
    invoices = build_invoices(data)
    month_dir = out_dir / month
    for sub in ("invoices", "showback", "focus", "screenshots"):
        if (month_dir / sub).exists():
            shutil.rmtree(month_dir / sub)
    month_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    invoice_dir = month_dir / "invoices"
    files += write_invoices(data, invoices, invoice_dir, pdf=pdf, paper=paper)
    journal = build_journal(data, invoices)
    files.append(write_journal(data, journal, invoice_dir / f"gl-journal-{month}.csv"))
    files += write_showback(data, invoices, invoice_dir, month_dir / "showback")
    files += write_focus(data, month_dir / "focus")
    alerts = data.insights.alerts() if data.insights is not None else []
    by_category: dict[str, Decimal] = {}
    for line in data.lines:
        by_category[line.cost_category] = by_category.get(line.cost_category, ZERO) + line.amount
    files.append(
        write_summary(
            month_dir,
            Summary(
                month=month,
                currency=data.currency,
                vendor_total=data.vendor_total,
                allocated_total=data.allocated_total,
                by_cost_center={inv.cost_center.code: inv.total for inv in invoices},
                by_category={k: cents(v) for k, v in by_category.items()},
                budget_alerts=[a.as_json() for a in alerts],
            ),
        )
    )
    if screenshots:
        from fairshare.publish.screenshots import capture, page_examples

        files += capture(page_examples(month_dir / "showback"), month_dir / "screenshots")
    log.info(
        "published %s: %d files, %d invoices, %s %s allocated = vendor invoice",
        month,
        len(files),
        len(invoices),
        data.allocated_total,
        data.currency,
    )
    return PublishResult(
        month=month,
        month_dir=month_dir,
        mode=data.mode,
        currency=data.currency,
        files=files,
        invoice_totals={inv.cost_center.code: inv.total for inv in invoices},
        vendor_total=data.vendor_total,
        allocated_total=data.allocated_total,
        budget_alerts=alerts,
    )

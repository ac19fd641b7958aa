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
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from fairshare.publish.data import MonthData, PublishError
from fairshare.publish.insights import BudgetAlert
from fairshare.publish.money import ZERO, cents
from fairshare.publish.reader import load_month

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
    adjustments_total: Decimal = ZERO  # carried for closed months: allocated = vendor + these
    revision: int = 1
    provisional: bool = False
    # cost centers over their budget, or forecast to be (information: the exit code stays 0)
    budget_alerts: list[BudgetAlert] = field(default_factory=list)

    @property
    def reconciled(self) -> bool:
        return self.vendor_total + self.adjustments_total == self.allocated_total


def publish(
    month: str,
    out_dir: Path,
    duckdb_path: Path,
    marts_schema: str = "marts",
    screenshots: bool = False,
    *,
    pdf: bool = True,
    paper: str = "A4",
    require_passing_build: bool = True,
) -> PublishResult:
    """Publish one billing month from the marts. Raises PublishError when it cannot be trusted:
    the month's last build did not pass or its marts changed since (the run ledger), an invoice
    whose total differs from its invoice_lines, allocations that do not add up to the vendor
    invoice, a journal that does not balance, a missing mart.

    `out/<month>/` is replaced as a whole (written aside, swapped in atomically): a publish that
    fails or is killed leaves the previous publication as it was. `require_passing_build=False`
    renders marts that no build recorded (synthetic marts in tests)."""
    from fairshare.publish.dashboard import write_showback
    from fairshare.publish.focus import write_focus
    from fairshare.publish.invoices import build_invoices, write_invoices
    from fairshare.publish.journal import build_journal, write_journal
    from fairshare.publish.summary import Summary, write_summary
    from fairshare.runs import ledger
    from fairshare.runs.outdir import staged_month_dir

    out_dir = Path(out_dir)
    build: ledger.Build | None = None
    revision, new_revision = 1, True
    if require_passing_build:
        build, revision, new_revision = _verify_build(Path(duckdb_path), month, marts_schema)
    data: MonthData = load_month(
        Path(duckdb_path), month, marts_schema=marts_schema, out_dir=out_dir
    )
    data.revision = revision
    if build is not None:
        data.provisional = build.is_provisional
        data.build_id = build.invocation_id
    expected = data.vendor_total + data.adjustments_total
    if expected != data.allocated_total:
        raise PublishError(
            f"{month}: allocated {data.allocated_total} differs from the vendor invoice "
            f"{data.vendor_total} plus adjustments {data.adjustments_total} by "
            f"{cents(expected - data.allocated_total)}; "
            "the reconciliation tests of `dbt build` should have stopped this run"
        )
    _check_distinct_slugs(data)
    invoices = build_invoices(data)
    month_dir = out_dir / month
    with staged_month_dir(out_dir, month) as staging:
        files: list[Path] = []
        invoice_dir = staging / "invoices"
        files += write_invoices(data, invoices, invoice_dir, pdf=pdf, paper=paper)
        journal = build_journal(data, invoices)
        files.append(write_journal(data, journal, invoice_dir / f"gl-journal-{month}.csv"))
        files += write_showback(data, invoices, invoice_dir, staging / "showback")
        files += write_focus(data, staging / "focus")
        alerts = data.insights.alerts() if data.insights is not None else []
        by_category: dict[str, Decimal] = {}
        for line in data.lines:
            by_category[line.cost_category] = (
                by_category.get(line.cost_category, ZERO) + line.amount
            )
        files.append(
            write_summary(
                staging,
                Summary(
                    month=month,
                    currency=data.currency,
                    vendor_total=data.vendor_total,
                    allocated_total=data.allocated_total,
                    by_cost_center={inv.cost_center.code: inv.total for inv in invoices},
                    by_category={k: cents(v) for k, v in by_category.items()},
                    revision=revision,
                    provisional=data.provisional,
                    build_id=data.build_id,
                    budget_alerts=[a.as_json() for a in alerts],
                ),
            )
        )
        if screenshots:
            from fairshare.publish.screenshots import capture, page_examples

            files += capture(page_examples(staging / "showback"), staging / "screenshots")
    files = [month_dir / path.relative_to(staging) for path in files]
    if build is not None and new_revision:
        _record_publication(Path(duckdb_path), month, revision, build, out_dir)
    log.info(
        "published %s revision %d%s: %d files, %d invoices, %s %s allocated = vendor invoice",
        month,
        revision,
        " (PROVISIONAL: analytics data not final)" if data.provisional else "",
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
        adjustments_total=data.adjustments_total,
        revision=revision,
        provisional=data.provisional,
        budget_alerts=alerts,
    )


def _check_distinct_slugs(data: MonthData) -> None:
    """Each cost center gets its own files: codes whose file names collide are refused."""
    from fairshare.naming import slug

    seen: dict[str, str] = {}
    for code in data.cost_centers:
        key = slug(code).lower()
        if key in seen:
            raise PublishError(
                f"cost centers {seen[key]!r} and {code!r} share the file name {key!r}: their "
                "invoices and sites would overwrite each other; rename one in "
                "seeds/cost_centers.csv"
            )
        seen[key] = code


def _verify_build(duckdb_path: Path, month: str, marts_schema: str):
    """The ledger's verdict on publishing `month` (PublishError with its one-line reason)."""
    import duckdb

    from fairshare.runs import ledger

    if not duckdb_path.exists():
        raise PublishError(f"warehouse not found: {duckdb_path} (run `fairshare build` first)")
    con = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        build = ledger.verified_build(con, month, marts_schema)
        revision, new_revision = ledger.publication_revision(con, month, build)
    except ledger.LedgerError as exc:
        raise PublishError(str(exc)) from exc
    finally:
        con.close()
    return build, revision, new_revision


def _record_publication(duckdb_path: Path, month: str, revision: int, build, out_dir: Path) -> None:
    import duckdb

    from fairshare.runs import ledger

    con = duckdb.connect(str(duckdb_path))
    try:
        ledger.record_publication(con, month, revision, build, str(out_dir))
    finally:
        con.close()

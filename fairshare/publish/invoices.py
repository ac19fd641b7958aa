"""Internal invoices: one per cost center per month (HTML + PDF + CSV) and the combined CSV.

The PDF/HTML invoice shows the lines that carry money; lines of 0.00 (a product the department did
not use this month, an overage it did not cause) are listed apart under "Not charged this month"
with their explanation. The CSVs keep every line of `invoice_lines`, zero or not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from fairshare.publish.csvsafe import write_csv
from fairshare.publish.data import CostCenter, InvoiceLine, MonthData, PublishError
from fairshare.publish.model import (
    GENERAL_RULES,
    METHOD_RULES,
    CategoryGroup,
    group_by_category,
    method_label,
    slug,
)
from fairshare.publish.money import ZERO, cents, fmt_exact, fmt_plain
from fairshare.publish.templating import environment, static_text

log = logging.getLogger(__name__)

CSV_COLUMNS = [
    "invoice_number",
    "billing_month",
    "issue_date",
    "cost_center_code",
    "cost_center_name",
    "department_head",
    "mode",
    "cost_category",
    "product_sku",
    "product_name",
    "allocation_method",
    "driver_name",
    "driver_unit",
    "driver_quantity",
    "driver_total",
    "share",
    "amount",
    "currency",
    "vendor_invoice_id",
    "vendor_line_id",
    "explanation",
]


@dataclass
class Invoice:
    number: str
    cost_center: CostCenter
    issuer: CostCenter
    lines: list[InvoiceLine]  # every invoice_lines row of the cost center (the CSV)
    groups: list[CategoryGroup]  # the lines carrying money, by category (the PDF/HTML)
    total: Decimal
    methods: list[tuple[str, str]]  # (label, plain-language rule) for the footnote
    stem: str  # file name without extension
    not_charged: list[InvoiceLine]  # lines of 0.00, shown apart with their explanation

    @property
    def shown_lines(self) -> int:
        return sum(len(g.lines) for g in self.groups)


def invoice_number(month: str, code: str, revision: int = 1) -> str:
    """`FS-2026-10-SALES-R1`: unique per month, cost center and published revision."""
    if revision < 1:
        raise PublishError(f"revision must be 1 or more, got {revision}")
    return f"FS-{month}-{slug(code)}-R{revision}"


def build_invoices(data: MonthData) -> list[Invoice]:
    """One invoice per cost center with lines; each total checked against the database's sum."""
    issuer = data.cost_centers[data.overhead_code]
    invoices = []
    for code in data.billed_codes():
        center = data.cost_centers.get(code)
        if center is None:
            raise PublishError(f"invoice_lines name cost center {code!r}, unknown in dimension")
        lines = data.lines_for(code)
        groups = group_by_category([line for line in lines if line.amount != 0])
        total = cents(sum((g.subtotal for g in groups), ZERO))
        expected = data.sql_totals.get(code)
        if expected is None or total != expected:
            raise PublishError(
                f"invoice of {code}: total {total} differs from the sum of its invoice_lines "
                f"{expected} in the warehouse"
            )
        methods = sorted({line.allocation_method for line in lines if line.amount != 0})
        number = invoice_number(data.month, code, data.revision)
        invoices.append(
            Invoice(
                number=number,
                cost_center=center,
                issuer=issuer,
                lines=lines,
                groups=groups,
                total=total,
                methods=[(method_label(m), METHOD_RULES.get(m, "")) for m in methods],
                stem=number,
                not_charged=_not_charged(lines),
            )
        )
    return invoices


def gl_postings(data: MonthData, invoice: Invoice) -> dict[str, str]:
    """Category → the GL account the chargeback debits (shown on chargeback invoices)."""
    if data.gl is None or not data.is_chargeback:
        return {}
    code = invoice.cost_center.code
    return {g.category: data.gl.accounts_for(g.category, code)[0] for g in invoice.groups}


def _not_charged(lines: list[InvoiceLine]) -> list[InvoiceLine]:
    """The 0.00 rows of vendor lines of which the cost center carries nothing at all (a 0.00 row
    beside a row with money on the same vendor line says nothing: it stays in the CSV only)."""
    charged = {(x.invoice_id, x.line_id) for x in lines if x.amount != 0}
    return sorted(
        (x for x in lines if x.amount == 0 and (x.invoice_id, x.line_id) not in charged),
        key=lambda x: (x.invoice_id, x.line_id, x.allocation_method),
    )


def render_invoice_html(data: MonthData, invoice: Invoice, vendor_ids: list[str]) -> str:
    template = environment().get_template("invoice.html.j2")
    company = issuer_company = None
    if data.gl is not None and data.is_chargeback:
        company = data.gl.company_of(invoice.cost_center.code)
        issuer_company = data.gl.company_of(invoice.issuer.code)
    return template.render(
        data=data,
        invoice=invoice,
        vendor_ids=vendor_ids,
        css=static_text("invoice.css"),
        general_rules=GENERAL_RULES,
        gl_accounts=gl_postings(data, invoice),
        company=company,
        issuer_company=issuer_company,
    )


def _csv_row(data: MonthData, invoice: Invoice, line: InvoiceLine) -> list[object]:
    """One CSV row; driver quantities exact (`20000`, `909.235741487`), money in cents."""
    return [
        invoice.number,
        data.month,
        data.issued_on,
        invoice.cost_center.code,
        invoice.cost_center.name,
        invoice.cost_center.head,
        data.mode.upper(),
        line.cost_category,
        line.product_sku,
        line.product_name,
        line.allocation_method,
        line.driver_name,
        line.driver_unit,
        fmt_exact(line.driver_quantity),
        fmt_exact(line.driver_total),
        fmt_exact(line.share),
        fmt_plain(line.amount),
        line.currency or data.currency,
        line.invoice_id,
        line.line_id,
        line.explanation,
    ]


def write_invoice_csv(path: Path, rows: list[list[object]]) -> Path:
    return write_csv(path, CSV_COLUMNS, rows)


def write_invoices(
    data: MonthData,
    invoices: list[Invoice],
    directory: Path,
    *,
    pdf: bool = True,
    paper: str = "A4",
) -> list[Path]:
    """HTML, PDF and CSV per invoice, plus the combined CSV of all invoice lines."""
    from fairshare.publish.pdf import html_to_pdf  # weasyprint is heavy: import on use

    directory.mkdir(parents=True, exist_ok=True)
    vendor_ids = sorted(data.vendor_invoices)
    files: list[Path] = []
    combined: list[list[object]] = []
    for invoice in invoices:
        html = render_invoice_html(data, invoice, vendor_ids)
        html_path = directory / f"{invoice.stem}.html"
        html_path.write_text(html, encoding="utf-8")
        files.append(html_path)
        if pdf:
            files.append(html_to_pdf(html, directory / f"{invoice.stem}.pdf", paper=paper))
        rows = [_csv_row(data, invoice, line) for line in invoice.lines]
        files.append(write_invoice_csv(directory / f"{invoice.stem}.csv", rows))
        combined.extend(rows)
        log.info("invoice %s: %s %s", invoice.number, fmt_plain(invoice.total), data.currency)
    files.append(write_invoice_csv(directory / f"invoice-lines-{data.month}.csv", combined))
    return files

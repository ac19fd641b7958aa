"""Internal invoices: one per cost center per month (HTML + PDF + CSV) and the combined CSV."""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from fairshare.publish.data import CostCenter, InvoiceLine, MonthData, PublishError
from fairshare.publish.model import (
    GENERAL_RULES,
    METHOD_RULES,
    CategoryGroup,
    group_by_category,
    method_label,
    slug,
)
from fairshare.publish.money import ZERO, cents, fmt_plain
from fairshare.publish.templating import environment, static_text

log = logging.getLogger(__name__)

CSV_COLUMNS = [
    "invoice_number",
    "billing_month",
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
    lines: list[InvoiceLine]
    groups: list[CategoryGroup]
    total: Decimal
    methods: list[tuple[str, str]]  # (label, plain-language rule) for the footnote
    stem: str  # file name without extension


def invoice_number(month: str, code: str) -> str:
    return f"FS-{month}-{slug(code)}"


def build_invoices(data: MonthData) -> list[Invoice]:
    """One invoice per cost center with lines; each total checked against the database's sum."""
    issuer = data.cost_centers[data.overhead_code]
    invoices = []
    for code in data.billed_codes():
        center = data.cost_centers.get(code)
        if center is None:
            raise PublishError(f"invoice_lines name cost center {code!r}, unknown in dimension")
        lines = data.lines_for(code)
        groups = group_by_category(lines)
        total = cents(sum((g.subtotal for g in groups), ZERO))
        expected = data.sql_totals.get(code)
        if expected is None or total != expected:
            raise PublishError(
                f"invoice of {code}: total {total} differs from the sum of its invoice_lines "
                f"{expected} in the warehouse"
            )
        methods = sorted({line.allocation_method for line in lines})
        number = invoice_number(data.month, code)
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
            )
        )
    return invoices


def render_invoice_html(data: MonthData, invoice: Invoice, vendor_ids: list[str]) -> str:
    template = environment().get_template("invoice.html.j2")
    return template.render(
        data=data,
        invoice=invoice,
        vendor_ids=vendor_ids,
        css=static_text("invoice.css"),
        general_rules=GENERAL_RULES,
    )


def _csv_row(data: MonthData, invoice: Invoice, line: InvoiceLine) -> list[str]:
    def dec(value: Decimal | None) -> str:
        return "" if value is None else format(value, "f")

    return [
        invoice.number,
        data.month,
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
        dec(line.driver_quantity),
        dec(line.driver_total),
        dec(line.share),
        fmt_plain(line.amount),
        line.currency or data.currency,
        line.invoice_id,
        line.line_id,
        line.explanation,
    ]


def write_invoice_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)
    return path


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
    combined: list[list[str]] = []
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

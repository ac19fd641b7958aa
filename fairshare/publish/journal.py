"""The general-ledger journal: one document per internal invoice, ready for an ERP journal import.

Each department's invoice is one document (its number is the invoice number). Per cost category
with money on the invoice, the document debits the department's expense account for that category
(seeds/gl_account_map.csv, per cost center where needed) on the department's cost center, and
credits the issuer's (IT's) recovery account for the category on IT's cost center: the cost moves
from IT to the department, by nature of expense. When the department and IT belong to different
company codes (seeds/gl_cost_center_companies.csv), each side is booked in its own company and
balanced through the companies' intercompany accounts, with the other company as trading partner:
every document balances in every company.

Amounts are in the invoice currency (the document currency), with the exchange rate to the
company's local currency of the month (seeds/gl_exchange_rates.csv; 1 when they are the same).
The posting date is the last day of the billing month (the cost belongs to that period), the
document date the invoices' issue date. The journal id carries the published revision
(`JE-2026-10-R1`). The overhead account's own invoice is not journalled (IT would debit and credit
itself). In showback mode the same journal is written as a memo that must not be posted: the id
ends in `-MEMO`, every line says `MEMO - SHOWBACK, DO NOT POST` and its text starts with `MEMO`.

Publishing fails rather than write a journal that does not balance per document and company, or
that names an account, company or rate the configuration does not have. Column by column:
docs/gl-journal.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from fairshare.publish.csvsafe import write_csv
from fairshare.publish.data import GlCompany, GlConfig, MonthData, PublishError
from fairshare.publish.invoices import Invoice
from fairshare.publish.model import category_label
from fairshare.publish.money import ZERO, cents, fmt_plain

JOURNAL_COLUMNS = [
    "journal_id",
    "document_number",
    "document_line",
    "company_code",
    "document_type",
    "document_date",
    "posting_date",
    "fiscal_period",
    "account",
    "cost_center_code",
    "cost_center_name",
    "trading_partner",
    "debit",
    "credit",
    "currency",
    "exchange_rate",
    "local_currency",
    "description",
    "reference",
    "posting_status",
]
POST = "POST"
MEMO = "MEMO - SHOWBACK, DO NOT POST"
TEXT_LENGTH = 50  # an ERP line text (SAP SGTXT) holds 50 characters; the keys have their columns


@dataclass(frozen=True)
class JournalLine:
    document_number: str
    document_line: int
    company: GlCompany
    account: str
    cost_center_code: str
    cost_center_name: str
    trading_partner: str
    debit: Decimal
    credit: Decimal
    exchange_rate: Decimal
    description: str
    reference: str

    @property
    def net(self) -> Decimal:
        return self.debit - self.credit


def journal_id(data: MonthData) -> str:
    """`JE-2026-10-R1` (chargeback), `JE-2026-10-R1-MEMO` (showback): one id per revision."""
    if data.revision < 1:
        raise PublishError(f"revision must be 1 or more, got {data.revision}")
    return f"JE-{data.month}-R{data.revision}" + ("" if data.is_chargeback else "-MEMO")


def _require_gl(data: MonthData) -> GlConfig:
    if data.gl is None:
        raise PublishError(
            "GL journal: the ledger configuration is not in the warehouse (seeds gl_companies, "
            "gl_cost_center_companies, gl_account_map); run `dbt seed` / `fairshare build`"
        )
    return data.gl


def build_journal(data: MonthData, invoices: list[Invoice]) -> list[JournalLine]:
    gl = _require_gl(data)
    month = data.period_start.strftime("%b %Y")
    memo = "" if data.is_chargeback else "MEMO "
    reference = ", ".join(sorted(data.vendor_invoices))
    lines: list[JournalLine] = []
    for inv in invoices:
        center, issuer = inv.cost_center, inv.issuer
        if center.is_overhead or inv.total == 0:
            continue
        buyer_co, seller_co = gl.company_of(center.code), gl.company_of(issuer.code)
        doc: list[JournalLine] = []

        def add(
            company: GlCompany,
            account: str,
            code: str,
            name: str,
            amount: Decimal,
            text: str,
            partner: str = "",
            doc: list[JournalLine] = doc,
            number: str = inv.number,
        ) -> None:
            # a positive amount is a debit; a negative one (net credit) flips to the other column
            debit, credit = (amount, ZERO) if amount >= 0 else (ZERO, -amount)
            # lines are numbered per document and company: each company's side is an ERP document
            same = sum(1 for x in doc if x.company.company_code == company.company_code)
            doc.append(
                JournalLine(
                    document_number=number,
                    document_line=same + 1,
                    company=company,
                    account=account,
                    cost_center_code=code,
                    cost_center_name=name,
                    trading_partner=partner,
                    debit=debit,
                    credit=credit,
                    exchange_rate=gl.rate(data.currency, company.local_currency),
                    description=f"{memo}{text[:TEXT_LENGTH]}",
                    reference=reference,
                )
            )

        cross = buyer_co.company_code != seller_co.company_code
        for group in inv.groups:
            if group.subtotal == 0:
                continue
            expense, _ = gl.accounts_for(group.category, center.code)
            add(
                buyer_co,
                expense,
                center.code,
                center.name,
                group.subtotal,
                f"Contact center {category_label(group.category)} {month}",
            )
        if cross:
            add(
                buyer_co,
                buyer_co.intercompany_account,
                center.code,
                center.name,
                -inv.total,
                f"Contact center recharge {month} payable to {seller_co.company_code}",
                partner=seller_co.company_code,
            )
            add(
                seller_co,
                seller_co.intercompany_account,
                issuer.code,
                issuer.name,
                inv.total,
                f"Contact center recharge {month} due from {buyer_co.company_code}",
                partner=buyer_co.company_code,
            )
        for group in inv.groups:
            if group.subtotal == 0:
                continue
            _, recovery = gl.accounts_for(group.category, issuer.code)
            add(
                seller_co,
                recovery,
                issuer.code,
                issuer.name,
                -group.subtotal,
                f"Recovery {category_label(group.category)} {month}",
            )
        check_balanced(doc)
        lines.extend(doc)
    return lines


def check_balanced(lines: list[JournalLine]) -> None:
    """Every document balances in every company (document currency, to the cent), and its lines
    are numbered 1..n per document and company."""
    nets: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for x in lines:
        nets[(x.document_number, x.company.company_code)] += x.net
    numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for x in lines:
        numbers[(x.document_number, x.company.company_code)].append(x.document_line)
    for key, seen in numbers.items():
        if sorted(seen) != list(range(1, len(seen) + 1)):
            raise PublishError(f"GL journal: document {key[0]} in company {key[1]} is misnumbered")
    for (document, company), net in sorted(nets.items()):
        if cents(net) != 0:
            raise PublishError(
                f"GL journal does not balance: document {document} in company {company} "
                f"is off by {cents(net)}"
            )


def write_journal(data: MonthData, lines: list[JournalLine], path: Path) -> Path:
    status = POST if data.is_chargeback else MEMO
    jid = journal_id(data)
    check_balanced(lines)
    rows = [
        [
            jid,
            x.document_number,
            x.document_line,
            x.company.company_code,
            x.company.document_type,
            data.issued_on,
            data.period_end,
            data.month,
            x.account,
            x.cost_center_code,
            x.cost_center_name,
            x.trading_partner,
            fmt_plain(x.debit) if x.debit else "",
            fmt_plain(x.credit) if x.credit else "",
            data.currency,
            format(x.exchange_rate.normalize(), "f"),
            x.company.local_currency,
            x.description,
            x.reference,
            status,
        ]
        for x in lines
    ]
    return write_csv(path, JOURNAL_COLUMNS, rows)

"""The general-ledger journal FP&A posts: debit each department, credit IT's overhead account.

One debit line per invoice × cost category (so the ledger keeps the category), one credit line per
invoice to the overhead cost center's account. The overhead account's own invoice is not
journalled (IT would debit and credit itself). In showback mode the same journal is written, marked
as a memo that must not be posted. The journal always balances; publishing fails if it would not.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from fairshare.publish.data import MonthData, PublishError
from fairshare.publish.invoices import Invoice
from fairshare.publish.money import ZERO, cents, fmt_plain

JOURNAL_COLUMNS = [
    "journal_id",
    "entry_date",
    "period",
    "line_no",
    "invoice_number",
    "account",
    "cost_center_code",
    "cost_center_name",
    "debit",
    "credit",
    "currency",
    "description",
    "posting_status",
]
POST = "POST"
MEMO = "MEMO - SHOWBACK, DO NOT POST"


@dataclass(frozen=True)
class JournalLine:
    line_no: int
    invoice_number: str
    account: str
    cost_center_code: str
    cost_center_name: str
    debit: Decimal
    credit: Decimal
    description: str


def journal_id(data: MonthData) -> str:
    return f"FS-JE-{data.month}" + ("" if data.is_chargeback else "-MEMO")


def build_journal(data: MonthData, invoices: list[Invoice]) -> list[JournalLine]:
    lines: list[JournalLine] = []
    month = data.period_start.strftime("%B %Y")

    def add(inv: Invoice, account: str, code: str, name: str, amount: Decimal, text: str) -> None:
        # a positive amount is a debit; a negative one (net credit) flips to the other column
        debit, credit = (amount, ZERO) if amount >= 0 else (ZERO, -amount)
        lines.append(
            JournalLine(len(lines) + 1, inv.number, account, code, name, debit, credit, text)
        )

    for inv in invoices:
        center = inv.cost_center
        if center.is_overhead or inv.total == 0:
            continue
        issuer = inv.issuer
        for group in inv.groups:
            if group.subtotal == 0:
                continue
            add(
                inv,
                center.gl_account or center.code,
                center.code,
                center.name,
                group.subtotal,
                f"Contact center {group.label.lower()} {month} ({center.code})",
            )
        add(
            inv,
            issuer.gl_account or issuer.code,
            issuer.code,
            issuer.name,
            -inv.total,
            f"Recovery of contact center cost {month} from {center.code} ({inv.number})",
        )
    debit = sum((x.debit for x in lines), ZERO)
    credit = sum((x.credit for x in lines), ZERO)
    if cents(debit) != cents(credit):
        raise PublishError(f"GL journal does not balance: debit {debit} != credit {credit}")
    return lines


def write_journal(data: MonthData, lines: list[JournalLine], path: Path) -> Path:
    status = POST if data.is_chargeback else MEMO
    jid = journal_id(data)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(JOURNAL_COLUMNS)
        for x in lines:
            writer.writerow(
                [
                    jid,
                    data.period_end.isoformat(),
                    data.month,
                    x.line_no,
                    x.invoice_number,
                    x.account,
                    x.cost_center_code,
                    x.cost_center_name,
                    fmt_plain(x.debit) if x.debit else "",
                    fmt_plain(x.credit) if x.credit else "",
                    data.currency,
                    x.description,
                    status,
                ]
            )
    return path

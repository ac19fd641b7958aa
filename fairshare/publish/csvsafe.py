"""Spreadsheet-safe CSV: the one writer every CSV file fairshare publishes goes through.

A spreadsheet evaluates a cell whose text starts with `=`, `+`, `-` or `@` (and, in some
applications, a tab or carriage return) as a formula: a vendor product called
`=HYPERLINK("http://…","Refund")` or a cost-center name typed as `+SUM(A1:A9)` would run in the
department head's Excel (CSV injection, OWASP). `neutralise` prefixes such a text cell with an
apostrophe, which spreadsheets show as text and do not print; a carriage return inside a cell
becomes a (quoted) line feed, so it cannot split the row and start a new first cell; every other
cell is left alone.

Numbers stay numbers: a plain decimal literal (`-41.67`, `12345`, `0.000125`, the only form the
publisher writes numbers in) is not a formula and is written unchanged, so amounts, quantities and
rates keep their sign and remain numeric in a spreadsheet and in any CSV reader. Full-width
variants of the formula characters (`＝`, `＋`, `－`, `＠`), which some East-Asian spreadsheet
locales convert, are neutralised too. Leading spaces do not hide a formula character.

The sandbox's simulated vendor files (fairshare/sandbox) are not written through here on purpose:
they reproduce Genesys' own exports byte for byte (phone numbers such as `+18005550100` included),
which the loaders read back.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
ESCAPE = "'"
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def is_plain_number(text: str) -> bool:
    """`-41.67`, `12345`, `0.5`: the decimal literals the publisher writes (no exponent, no +)."""
    return bool(_PLAIN_NUMBER.match(text))


def neutralise(value: object) -> str:
    """One CSV cell as text: numbers as plain decimals, text that a spreadsheet would evaluate
    prefixed with an apostrophe, None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"refusing to write {value} to a CSV")
        return format(value, "f")
    if isinstance(value, float):
        raise TypeError(f"refusing to write float {value!r}: format money and quantities first")
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    if not text or is_plain_number(text):
        return text
    if text[0] in FORMULA_START or text.lstrip(" ")[:1] in FORMULA_START:
        text = ESCAPE + text
    # a bare carriage return inside a field is not quoted by the csv module (the line end is \n)
    # and would start a new row, its text a new first cell: make it a quoted \n
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_safe_cell(text: str) -> bool:
    """True when a cell read back from a CSV cannot start a spreadsheet formula."""
    if not text or is_plain_number(text):
        return True
    return text[0] not in FORMULA_START and text.lstrip(" ")[:1] not in FORMULA_START


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """Write `header` and `rows` (UTF-8, `\\n` line ends), every cell neutralised."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([neutralise(name) for name in header])
        for row in rows:
            if len(row) != len(header):
                raise ValueError(
                    f"{path.name}: a row has {len(row)} cells for {len(header)} columns"
                )
            writer.writerow([neutralise(cell) for cell in row])
    return path

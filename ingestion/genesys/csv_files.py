"""Hand-loaded CSV files: invoice lines (PDF-only customers) and the Genesys Cloud Voice usage file.

Both are validated completely before anything runs: a missing column, a bad decimal, date or
integer, an empty required value or a duplicate key raises `CsvValidationError` naming the
file, the line and the column, and nothing from the file (nor the run) is loaded. Column names
and order of the documented header are in `schema.INVOICE_CSV_COLUMNS` and
`schema.VOICE_USAGE_CSV_COLUMNS`; extra columns are ignored with a warning.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa

from ingestion.genesys.arrow_tables import fits_decimal, to_arrow, to_decimal
from ingestion.genesys.errors import CsvValidationError
from ingestion.genesys.schema import INVOICE_CSV_COLUMNS, VOICE_USAGE_CSV_COLUMNS

logger = logging.getLogger("fairshare.ingestion")

Parser = Callable[[str], Any]


class _Invalid(ValueError):
    """A value that does not match its column's format."""


def _text(value: str) -> str:
    return value


def _currency(value: str) -> str:
    if len(value) != 3 or not value.isalpha() or not value.isupper():
        raise _Invalid("expected an ISO 4217 code such as USD")
    return value


def _country(value: str) -> str:
    if len(value) != 2 or not value.isalpha() or not value.isupper():
        raise _Invalid("expected an ISO 3166-1 alpha-2 code such as US")
    return value


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _Invalid("expected an ISO date YYYY-MM-DD") from exc


def _instant(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise _Invalid("expected an ISO-8601 timestamp such as 2026-10-14T09:00:03.120Z") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _integer(value: str) -> int:
    text = value.strip()
    if not text.lstrip("-").isdigit():
        raise _Invalid("expected a whole number")
    return int(text)


def _decimal(kind: str, max_places: int | None = None) -> Parser:
    def parse(value: str) -> Decimal:
        try:
            result = to_decimal(value)
        except ValueError as exc:
            raise _Invalid("expected a decimal number such as 1234.50") from exc
        assert result is not None
        if max_places is not None and -int(result.as_tuple().exponent) > max_places:
            raise _Invalid(f"expected at most {max_places} decimal places")
        if not fits_decimal(result, kind):
            raise _Invalid(f"out of range or too many decimal places for a {kind} value")
        return result

    return parse


def _one_of(*allowed: str) -> Parser:
    def parse(value: str) -> str:
        if value not in allowed:
            raise _Invalid("expected one of " + ", ".join(allowed))
        return value

    return parse


@dataclass(frozen=True)
class CsvColumn:
    name: str
    parse: Parser
    required: bool = False


INVOICE_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn("invoice_id", _text, required=True),
    CsvColumn("line_id", _text, required=True),
    CsvColumn("sku", _text),
    CsvColumn("product_name", _text, required=True),
    CsvColumn("description", _text),
    CsvColumn("date_start", _iso_date, required=True),
    CsvColumn("date_end", _iso_date, required=True),
    CsvColumn("quantity", _decimal("quantity")),
    CsvColumn("unit_of_measure", _text),
    CsvColumn("amount", _decimal("money", max_places=2), required=True),
    CsvColumn("currency", _currency, required=True),
)
VOICE_USAGE_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn("conversation_id", _text, required=True),
    CsvColumn("sip_call_id", _text, required=True),
    CsvColumn("call_start", _instant),
    CsvColumn("direction", _one_of("inbound", "outbound")),
    CsvColumn("number_type", _one_of("toll_free", "local", "mobile", "international")),
    CsvColumn("did", _text),
    CsvColumn("origin_country", _country),
    CsvColumn("destination_country", _country),
    CsvColumn("billed_seconds", _integer),
    CsvColumn("rate_per_minute", _decimal("rate")),
    CsvColumn("cost", _decimal("money")),
    CsvColumn("currency", _currency),
)
assert tuple(c.name for c in INVOICE_COLUMNS) == INVOICE_CSV_COLUMNS
assert tuple(c.name for c in VOICE_USAGE_COLUMNS) == VOICE_USAGE_CSV_COLUMNS


def _fail(path: Path, line: int | None, column: str | None, problem: str) -> CsvValidationError:
    where = f"{path.name}"
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column {column}"
    return CsvValidationError(
        f"{where}: {problem}; fix the file and rerun (nothing from {path.name} or this run was"
        " loaded)"
    )


def _read_rows(path: Path, spec: Sequence[CsvColumn]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, parsed row) for every data row; CsvValidationError on the first problem."""
    if not path.is_file():
        raise CsvValidationError(f"{path}: file not found; check the path given to the extract")
    try:
        handle = path.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise CsvValidationError(f"{path}: cannot be read ({exc.strerror})") from exc
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                raise _fail(path, 1, None, "the file is empty (a header row is required)")
            header = [h.strip() for h in header]
            duplicates = sorted({h for h in header if header.count(h) > 1})
            if duplicates:
                raise _fail(path, 1, duplicates[0], "the column appears more than once")
            for column in spec:
                if column.name not in header:
                    raise _fail(
                        path,
                        1,
                        column.name,
                        "missing column (the header must name: "
                        + ", ".join(c.name for c in spec)
                        + ")",
                    )
            extra = [h for h in header if h not in {c.name for c in spec}]
            if extra:
                logger.warning("%s: ignoring extra columns %s", path.name, ", ".join(extra))
            positions = {c.name: header.index(c.name) for c in spec}
            line = reader.line_num
            for values in reader:
                line_start = line + 1
                line = reader.line_num
                if not values or all(not v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    raise _fail(
                        path,
                        line_start,
                        None,
                        f"{len(values)} fields where the header has {len(header)}",
                    )
                row: dict[str, Any] = {}
                for column in spec:
                    raw = values[positions[column.name]].strip()
                    if raw == "":
                        if column.required:
                            raise _fail(path, line_start, column.name, "a value is required")
                        row[column.name] = None
                        continue
                    try:
                        row[column.name] = column.parse(raw)
                    except _Invalid as exc:
                        raise _fail(path, line_start, column.name, f"{exc} (got {raw!r})") from exc
                yield line_start, row
        except csv.Error as exc:
            raise _fail(path, reader.line_num, None, f"not valid CSV ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise _fail(path, None, None, "not UTF-8 text") from exc


@dataclass(frozen=True)
class InvoiceFile:
    """A validated invoice-lines CSV: Arrow tables for `invoices` and `invoice_lines`."""

    path: Path
    invoices: pa.Table
    invoice_lines: pa.Table


def read_invoice_csv(path: Path, loaded_at: datetime) -> InvoiceFile:
    """Validate and convert an invoice-lines CSV (see docs/data-contract.md)."""
    lines: dict[str, list[Any]] = {
        k: []
        for k in (
            "invoice_id", "line_id", "product_sku", "product_name", "product_unit_of_measure",
            "description", "date_start", "date_end", "quantity", "unit_of_measure", "amount",
            "currency", "source",
        )
    }  # fmt: skip
    keys: dict[tuple[str, str], int] = {}
    totals: dict[str, Decimal] = {}
    currencies: dict[str, str] = {}
    for line, row in _read_rows(path, INVOICE_COLUMNS):
        key = (row["invoice_id"], row["line_id"])
        if key in keys:
            raise _fail(
                path,
                line,
                "line_id",
                f"duplicate line {key[1]!r} of invoice {key[0]!r} (first on line {keys[key]})",
            )
        keys[key] = line
        if row["date_end"] < row["date_start"]:
            raise _fail(path, line, "date_end", "date_end is before date_start")
        invoice = row["invoice_id"]
        if currencies.setdefault(invoice, row["currency"]) != row["currency"]:
            raise _fail(
                path,
                line,
                "currency",
                f"invoice {invoice!r} mixes currencies {currencies[invoice]} and {row['currency']}",
            )
        totals[invoice] = totals.get(invoice, Decimal(0)) + row["amount"]
        for target, source in (
            ("invoice_id", "invoice_id"), ("line_id", "line_id"), ("product_sku", "sku"),
            ("product_name", "product_name"), ("description", "description"),
            ("date_start", "date_start"), ("date_end", "date_end"), ("quantity", "quantity"),
            ("unit_of_measure", "unit_of_measure"), ("amount", "amount"), ("currency", "currency"),
        ):  # fmt: skip
            lines[target].append(row[source])
        lines["product_unit_of_measure"].append(None)
        lines["source"].append(f"csv {path.name} line {line}")
    if not keys:
        raise _fail(path, None, None, "the file has a header but no invoice lines")
    invoices = {
        "invoice_id": list(totals),
        "date_invoiced": [None] * len(totals),
        "currency_iso_code": [currencies[i] for i in totals],
        "payment_status": [None] * len(totals),
        "amount": [totals[i] for i in totals],
        "source": [f"csv {path.name}"] * len(totals),
    }
    return InvoiceFile(
        path,
        to_arrow("invoices", invoices, loaded_at),
        to_arrow("invoice_lines", lines, loaded_at),
    )


def read_voice_usage_csv(path: Path, loaded_at: datetime) -> pa.Table:
    """Validate and convert a Genesys Cloud Voice usage CSV (see docs/data-contract.md)."""
    columns: dict[str, list[Any]] = {c.name: [] for c in VOICE_USAGE_COLUMNS}
    columns["source_file"] = []
    seen: dict[str, int] = {}
    for line, row in _read_rows(path, VOICE_USAGE_COLUMNS):
        sip = row["sip_call_id"]
        if sip in seen:
            raise _fail(
                path,
                line,
                "sip_call_id",
                f"duplicate sip_call_id {sip!r} (first on line {seen[sip]})",
            )
        seen[sip] = line
        for column in VOICE_USAGE_COLUMNS:
            columns[column.name].append(row[column.name])
        columns["source_file"].append(path.name)
    return to_arrow("voice_usage", columns, loaded_at)

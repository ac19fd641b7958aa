"""The hand-loaded CSV files: validation names file, line and column; values land exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ingestion.genesys.csv_files import read_invoice_csv, read_voice_usage_csv
from ingestion.genesys.errors import CsvValidationError
from ingestion.genesys.schema import INVOICE_CSV_COLUMNS, VOICE_USAGE_CSV_COLUMNS

LOADED_AT = datetime(2026, 11, 2, tzinfo=UTC)
INVOICE_HEADER = ",".join(INVOICE_CSV_COLUMNS)
INVOICE_ROWS = [
    "INV-1,L001,GC-CX3-CONC,Genesys Cloud CX 3 Concurrent User,October prepaid,2026-10-01,"
    "2026-10-31,240,user,54000.00,USD",
    "INV-1,L002,GCV-TF-IN,Toll-Free Inbound Minutes,,2026-10-01,2026-10-31,12345.5,minute,"
    "185.18,USD",
    'INV-1,L003,GC-CREDIT,"Credit, goodwill",,2026-10-01,2026-10-31,,,-100.10,USD',
]
VOICE_HEADER = ",".join(VOICE_USAGE_CSV_COLUMNS)
VOICE_ROWS = [
    "c-1,a1@sip,2026-10-14T09:00:03.120Z,inbound,toll_free,+18005550100,US,US,366,0.0150,"
    "0.091500,USD",
    "c-2,a2@sip,2026-10-14T10:00:00Z,outbound,international,+18005550101,US,FR,60,0.0470,"
    "0.047000,USD",
]


def _write(tmp_path: Path, name: str, header: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_invoice_csv_lands_exact_decimals_and_an_invoice_header(tmp_path: Path) -> None:
    file = read_invoice_csv(_write(tmp_path, "inv.csv", INVOICE_HEADER, INVOICE_ROWS), LOADED_AT)
    lines = file.invoice_lines.to_pylist()
    assert [line["line_id"] for line in lines] == ["L001", "L002", "L003"]
    assert lines[0]["amount"] == Decimal("54000.00")
    assert lines[1]["quantity"] == Decimal("12345.5")
    assert lines[2]["amount"] == Decimal("-100.10")
    assert lines[2]["product_name"] == "Credit, goodwill"
    assert lines[2]["quantity"] is None
    assert lines[0]["date_end"] == date(2026, 10, 31)
    # the file and the line each row came from, for messages that name the row
    assert [line["source"] for line in lines] == [f"csv inv.csv line {n}" for n in (2, 3, 4)]
    (invoice,) = file.invoices.to_pylist()
    assert invoice["invoice_id"] == "INV-1"
    assert invoice["source"] == "csv inv.csv"
    assert invoice["amount"] == Decimal("54000.00") + Decimal("185.18") - Decimal("100.10")
    assert invoice["currency_iso_code"] == "USD"


def test_voice_usage_csv(tmp_path: Path) -> None:
    table = read_voice_usage_csv(_write(tmp_path, "voice.csv", VOICE_HEADER, VOICE_ROWS), LOADED_AT)
    rows = table.to_pylist()
    assert rows[0]["cost"] == Decimal("0.091500")
    assert rows[0]["rate_per_minute"] == Decimal("0.0150")
    assert rows[0]["billed_seconds"] == 366
    assert rows[0]["call_start"] == datetime(2026, 10, 14, 9, 0, 3, 120000, tzinfo=UTC)
    assert rows[1]["source_file"] == "voice.csv"


@pytest.mark.parametrize(
    ("rows", "line", "column", "why"),
    [
        ([INVOICE_ROWS[0], INVOICE_ROWS[1].replace("185.18", "18x5.18")], 3, "amount", "decimal"),
        ([INVOICE_ROWS[0].replace("54000.00", "54000.001")], 2, "amount", "2 decimal places"),
        ([INVOICE_ROWS[0].replace("2026-10-31", "31/10/2026")], 2, "date_end", "ISO date"),
        ([INVOICE_ROWS[0].replace(",240,", ",two,")], 2, "quantity", "decimal"),
        ([INVOICE_ROWS[0], INVOICE_ROWS[0]], 3, "line_id", "duplicate"),
        ([INVOICE_ROWS[0].replace(",USD", ",")], 2, "currency", "required"),
        ([INVOICE_ROWS[0].replace("INV-1,", "", 1)], 2, None, "fields"),
    ],
)
def test_malformed_invoice_csv_names_line_and_column(
    tmp_path: Path, rows: list[str], line: int, column: str | None, why: str
) -> None:
    path = _write(tmp_path, "bad.csv", INVOICE_HEADER, rows)
    with pytest.raises(CsvValidationError) as caught:
        read_invoice_csv(path, LOADED_AT)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"bad.csv, line {line}")
    if column:
        assert f"column {column}" in message
    assert why in message
    assert "nothing from bad.csv" in message


def test_missing_column_is_reported_on_the_header(tmp_path: Path) -> None:
    header = INVOICE_HEADER.replace(",amount", "")
    rows = [r.rsplit(",", 2)[0] + ",USD" for r in INVOICE_ROWS]
    with pytest.raises(CsvValidationError, match=r"line 1, column amount: missing column"):
        read_invoice_csv(_write(tmp_path, "bad.csv", header, rows), LOADED_AT)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (VOICE_ROWS[0].replace(",366,", ",36.6,"), "billed_seconds"),
        (VOICE_ROWS[0].replace("2026-10-14T09:00:03.120Z", "yesterday"), "call_start"),
        (VOICE_ROWS[0].replace(",inbound,", ",sideways,"), "direction"),
        (VOICE_ROWS[0].replace("0.091500", "0.09.15"), "cost"),
    ],
)
def test_malformed_voice_usage_csv(tmp_path: Path, row: str, column: str) -> None:
    with pytest.raises(CsvValidationError, match=rf"voice.csv, line 3, column {column}"):
        read_voice_usage_csv(
            _write(tmp_path, "voice.csv", VOICE_HEADER, [VOICE_ROWS[1], row]), LOADED_AT
        )


def test_duplicate_sip_call_id_and_missing_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "voice.csv", VOICE_HEADER, [VOICE_ROWS[0], VOICE_ROWS[0]])
    with pytest.raises(CsvValidationError, match="line 3, column sip_call_id: duplicate"):
        read_voice_usage_csv(path, LOADED_AT)
    with pytest.raises(CsvValidationError, match="file not found"):
        read_voice_usage_csv(tmp_path / "absent.csv", LOADED_AT)

"""Corrections of the raw tables an operator needs when the wrong file was loaded.

    from ingestion.genesys.corrections import remove_invoice
    removed = remove_invoice("INV-DUP-2026-10", month="2026-10")   # DuckDB at warehouse/

The build refuses a month that two invoices bill (the same lines loaded twice under two ids, a
CSV and the billing API): `remove_invoice` deletes one invoice, header and lines, from the raw
dataset, in one transaction, and records it in the extract log like an extract (so the ledger
shows who changed the raw data and when). Works on every dlt destination (dlt's SQL client).
"""

from __future__ import annotations

import logging
from pathlib import Path

import dlt

from ingestion.genesys.destination import (
    DEFAULT_DUCKDB_PATH,
    make_destination,
    pipeline_name,
    working_dir,
)
from ingestion.genesys.errors import ConfigurationError
from ingestion.genesys.ledger import ExtractLog
from ingestion.genesys.run_settings import DESTINATIONS, parse_month

logger = logging.getLogger("fairshare.ingestion")


def remove_invoice(
    invoice_id: str,
    *,
    month: str,
    destination: str = "duckdb",
    duckdb_path: Path | None = None,
    dataset_name: str = "genesys_raw",
    pipelines_dir: Path | None = None,
) -> int:
    """Delete invoice `invoice_id` (its header and lines) from the raw dataset; returns the number
    of lines removed. ConfigurationError when the invoice is not there."""
    parse_month(month)
    if destination not in DESTINATIONS:
        raise ConfigurationError(f"unknown destination {destination!r}")
    path = Path(duckdb_path or DEFAULT_DUCKDB_PATH) if destination == "duckdb" else None
    pipeline = dlt.pipeline(
        pipeline_name=pipeline_name(dataset_name),
        destination=make_destination(destination, path),
        dataset_name=dataset_name,
        pipelines_dir=working_dir(pipelines_dir, destination, dataset_name, path),
    )
    with pipeline.sql_client() as client:
        lines_table = client.make_qualified_table_name("invoice_lines")
        header_table = client.make_qualified_table_name("invoices")
        rows = client.execute_sql(
            f"select count(*) from {lines_table} where invoice_id = %s", invoice_id
        )
        count = int(rows[0][0]) if rows else 0
        headers = client.execute_sql(
            f"select count(*) from {header_table} where invoice_id = %s", invoice_id
        )
    if count == 0 and not (headers and headers[0][0]):
        raise ConfigurationError(
            f"invoice {invoice_id!r} is not in {dataset_name}.invoices or .invoice_lines"
        )
    log = ExtractLog(
        destination=pipeline.destination,
        dataset_name=dataset_name,
        pipelines_dir=pipeline.pipelines_dir,
        month=month,
        directory_only=True,  # the log's "carries no activity data of the month"
        destination_name=destination,
    )
    log.started()
    with pipeline.sql_client() as client, client.begin_transaction():
        client.execute_sql(f"delete from {lines_table} where invoice_id = %s", invoice_id)
        client.execute_sql(f"delete from {header_table} where invoice_id = %s", invoice_id)
    log.completed(
        load_ids=[],
        row_counts={"invoice_lines": -count, "invoices": -1},
        files=[{"kind": "removed_invoice", "invoice_id": invoice_id}],
    )
    logger.info("removed invoice %s (%d lines) from %s", invoice_id, count, dataset_name)
    return count

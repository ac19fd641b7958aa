"""`fairshare close --month 2026-10`: freeze a month as posted.

The month's published invoice lines are copied, with a checksum, into
fairshare_ops.posted_invoice_lines, and the close (which build, which publication: the invoice and
journal numbers that were posted, the journal file's SHA-256) into fairshare_ops.month_closes, in
one transaction. From then on a rebuild of the month never changes its published marts; what a
rebuild finds (late data, a credit note, a corrected seed) is carried into the next open month as
adjustment lines (models/intermediate/adjustments).

A month is closed only when it may be posted: its last build passed, its published marts are what
that build promoted, its data is final (not provisional: the analytics watermark was past the
month's end plus the reprocessing margin), it was published (the posted numbers are the published
ones), and the month before it, if it was ever built, is closed (months close in order).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from fairshare.runs import ledger
from fairshare.runs.ledger import OPS_SCHEMA, LedgerError, month_date

log = logging.getLogger("fairshare.close")

POSTED_COLUMNS = (
    "invoice_id, invoice_line_id, cost_center_code, cost_category, product_sku, product_name, "
    "allocation_method, product_allocation_method, driver_name, driver_unit, driver_quantity, "
    "amount, amount_cents, adjusted_month, explanation"
)


@dataclass(frozen=True)
class ClosedMonth:
    month: str
    close_revision: int
    publication_revision: int
    rows: int
    amount_cents: int
    journal_sha256: str | None


def _previous_month(month: str) -> str:
    first = month_date(month)
    previous = first - timedelta(days=1)
    return f"{previous:%Y-%m}"


def _publication_of(con: duckdb.DuckDBPyConnection, month: str, checksum: str) -> int | None:
    if not ledger.table_exists(con, OPS_SCHEMA, "publications"):
        return None
    row = con.execute(
        f"select max(revision) from {OPS_SCHEMA}.publications "
        "where billing_month = ? and invoice_lines_checksum = ?",
        [month_date(month), checksum],
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def close_month(
    duckdb_path: Path, month: str, out_dir: Path, marts_schema: str = "marts"
) -> ClosedMonth:
    """Close `month` (LedgerError, one line, when it may not be closed yet)."""
    if not duckdb_path.exists():
        raise LedgerError(f"warehouse not found: {duckdb_path}")
    con = duckdb.connect(str(duckdb_path))
    try:
        existing = ledger.month_close(con, month)
        if existing is not None:
            raise LedgerError(
                f"{month} was closed on {existing.closed_at:%Y-%m-%d %H:%M} UTC (revision "
                f"{existing.close_revision}); a closed month stays as posted — corrections go to "
                "the next open month as adjustments"
            )
        build = ledger.verified_build(con, month, marts_schema)
        if build.is_provisional:
            raise LedgerError(
                f"{month} is provisional: it was built before Genesys analytics were final for "
                f"the whole month (data-availability watermark); extract and build {month} again "
                "once they are, then close it"
            )
        previous = _previous_month(month)
        if ledger.builds(con, previous) and ledger.month_close(con, previous) is None:
            raise LedgerError(f"close {previous} first: months are closed in order")
        lines_checksum = ledger.invoice_lines_checksum(build.checksum or "")
        publication = _publication_of(con, month, lines_checksum)
        if publication is None:
            raise LedgerError(
                f"publish {month} before closing it (`fairshare publish --month {month}`): the "
                "posted invoices and journal are the published ones"
            )
        journal = _sha256(out_dir / month / "invoices" / f"gl-journal-{month}.csv")
        first: date = month_date(month)
        con.execute("begin transaction")
        try:
            revision = 1 + int(
                con.execute(
                    f"select count(*) from {OPS_SCHEMA}.month_closes where billing_month = ?",
                    [first],
                ).fetchone()[0]
            )
            con.execute(
                f"insert into {OPS_SCHEMA}.posted_invoice_lines (billing_month, close_revision, "
                f"closed_at, {POSTED_COLUMNS}) select billing_month, ?, current_timestamp, "
                f"{POSTED_COLUMNS} from {marts_schema}.invoice_lines where billing_month = ?",
                [revision, first],
            )
            rows, cents = con.execute(
                f"select count(*), coalesce(sum(amount_cents), 0) from "
                f"{OPS_SCHEMA}.posted_invoice_lines where billing_month = ? and close_revision = ?",
                [first, revision],
            ).fetchone()
            con.execute(
                f"insert into {OPS_SCHEMA}.month_closes (billing_month, close_revision, closed_at,"
                " closed_by, build_invocation_id, invoice_lines_rows, invoice_lines_cents, "
                "invoice_lines_checksum, publication_revision, journal_sha256, note) values "
                "(?, ?, current_timestamp, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    first,
                    revision,
                    getpass.getuser(),
                    build.invocation_id,
                    rows,
                    cents,
                    lines_checksum,
                    publication,
                    journal,
                    f"posted from {build.label}",
                ],
            )
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    finally:
        con.close()
    log.info(
        "closed %s: %d invoice lines (%s cents) posted as publication revision %d",
        month,
        rows,
        cents,
        publication,
    )
    return ClosedMonth(month, revision, publication, int(rows), int(cents), journal)

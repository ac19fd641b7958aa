"""The run ledger (schema fairshare_ops), read and written from Python on the DuckDB warehouse.

dbt writes `builds` (macros/run_integrity/on_run_end.sql); `fairshare close` writes
`month_closes` and `posted_invoice_lines`; `fairshare publish` writes `publications`. The
publisher refuses a month unless its last build passed and its published marts are exactly what
that build promoted (the checksum recomputed here with the expression of the dbt macro
`duckdb__month_rows_checksum_sql`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

log = logging.getLogger("fairshare.ledger")

OPS_SCHEMA = "fairshare_ops"
PUBLISHED_SCHEMA = "marts"


class LedgerError(RuntimeError):
    """The ledger says this month must not be published or closed (one line: what and why)."""


@dataclass(frozen=True)
class Build:
    invocation_id: str
    billing_month: date
    status: str  # passed | failed | partial | untested
    promoted: bool
    month_closed: bool
    is_provisional: bool
    started_at: datetime
    finished_at: datetime | None  # None while running (or when the build was killed)
    failure_summary: str
    invoice_lines_rows: int | None
    invoice_lines_cents: int | None
    checksum: str | None

    @property
    def label(self) -> str:
        return f"build {self.invocation_id[:8]} started {self.started_at:%Y-%m-%d %H:%M} UTC"


@dataclass(frozen=True)
class Close:
    billing_month: date
    close_revision: int
    closed_at: datetime
    publication_revision: int | None
    invoice_lines_cents: int
    checksum: str


def month_date(month: str) -> date:
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from information_schema.tables where table_schema = ? "
            "and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


_BUILD_COLUMNS = (
    "invocation_id, billing_month, status, promoted, month_closed, is_provisional, started_at, "
    "finished_at, failure_summary, invoice_lines_rows, invoice_lines_cents, "
    "invoice_lines_checksum"
)


def builds(con: duckdb.DuckDBPyConnection, month: str) -> list[Build]:
    """Every `dbt build` of the month, newest first."""
    if not table_exists(con, OPS_SCHEMA, "builds"):
        return []
    rows = con.execute(
        f"select {_BUILD_COLUMNS} from {OPS_SCHEMA}.builds "
        "where billing_month = ? and command = 'build' order by started_at desc",
        [month_date(month)],
    ).fetchall()
    return [
        Build(
            invocation_id=r[0],
            billing_month=r[1],
            status=r[2],
            promoted=bool(r[3]),
            month_closed=bool(r[4]),
            is_provisional=bool(r[5]),
            started_at=r[6],
            finished_at=r[7],
            failure_summary=r[8] or "",
            invoice_lines_rows=r[9],
            invoice_lines_cents=r[10],
            checksum=r[11],
        )
        for r in rows
    ]


def month_close(con: duckdb.DuckDBPyConnection, month: str) -> Close | None:
    if not table_exists(con, OPS_SCHEMA, "month_closes"):
        return None
    row = con.execute(
        f"select billing_month, close_revision, closed_at, publication_revision, "
        f"invoice_lines_cents, invoice_lines_checksum from {OPS_SCHEMA}.month_closes "
        "where billing_month = ? order by close_revision desc limit 1",
        [month_date(month)],
    ).fetchone()
    if row is None:
        return None
    return Close(
        billing_month=row[0],
        close_revision=int(row[1]),
        closed_at=row[2],
        publication_revision=row[3],
        invoice_lines_cents=int(row[4] or 0),
        checksum=row[5] or "",
    )


def closed_months(con: duckdb.DuckDBPyConnection) -> list[date]:
    if not table_exists(con, OPS_SCHEMA, "month_closes"):
        return []
    return [
        r[0]
        for r in con.execute(
            f"select distinct billing_month from {OPS_SCHEMA}.month_closes order by 1"
        ).fetchall()
    ]


def published_checksum(
    con: duckdb.DuckDBPyConnection, month: str, mart_names: list[str], schema: str
) -> str:
    """`name=rows:hash;...` of the published marts' month (the dbt macro's expression)."""
    parts = []
    for name in sorted(mart_names):
        if not table_exists(con, schema, name):
            parts.append(f"{name}=missing")
            continue
        rows, digest = con.execute(
            f"select count(*), cast(sum(hash(t)) as varchar) from {schema}.{name} as t "
            "where t.billing_month = ?",
            [month_date(month)],
        ).fetchone()
        parts.append(f"{name}={rows}:{digest or ''}")
    return ";".join(parts)


def checksum_marts(checksum: str) -> list[str]:
    return [part.split("=", 1)[0] for part in checksum.split(";") if "=" in part]


def invoice_lines_checksum(checksum: str) -> str:
    """The invoice_lines part of a marts checksum: what numbers a revision of the invoices."""
    for part in checksum.split(";"):
        if part.startswith("invoice_lines="):
            return part.split("=", 1)[1]
    return ""


def verified_build(
    con: duckdb.DuckDBPyConnection, month: str, schema: str = PUBLISHED_SCHEMA
) -> Build:
    """The build whose marts are published for `month`, after checking that the month may be
    published: its last build passed and the published marts are exactly what it promoted, and
    no closed earlier month was rebuilt since (its adjustments would be missing)."""
    history = builds(con, month)
    if not history:
        raise LedgerError(
            f"{month} was never built in this warehouse: run `fairshare build --month {month}`"
        )
    last = history[0]
    if last.status == "running":
        raise LedgerError(
            f"the last build of {month} ({last.label}) did not finish (killed, or still running):"
            f" run `fairshare build --month {month}` before publishing"
        )
    if last.status != "passed":
        reason = f": {last.failure_summary}" if last.failure_summary else ""
        raise LedgerError(
            f"the last build of {month} ({last.label}) {last.status}{reason}; "
            f"fix it and run `fairshare build --month {month}` before publishing"
        )
    promoted = next((b for b in history if b.promoted and b.checksum), None)
    if promoted is None:
        raise LedgerError(f"no passing build of {month} was ever published to the marts")
    current = published_checksum(con, month, checksum_marts(promoted.checksum or ""), schema)
    if current != promoted.checksum:
        raise LedgerError(
            f"the published marts of {month} changed since the {promoted.label} that passed "
            f"(rows or values differ from what it promoted): rebuild with "
            f"`fairshare build --month {month}`"
        )
    for closed in closed_months(con):
        if closed >= month_date(month):
            continue
        closed_label = f"{closed:%Y-%m}"
        rebuilt = [b for b in builds(con, closed_label) if b.status == "passed"]
        if rebuilt and rebuilt[0].started_at > promoted.started_at:
            raise LedgerError(
                f"{closed_label} is closed and was rebuilt after this month's build: rebuild "
                f"{month} (`fairshare build --month {month}`) so its invoices carry the "
                f"adjustments for {closed_label}"
            )
    return promoted


def publication_revision(
    con: duckdb.DuckDBPyConnection, month: str, build: Build
) -> tuple[int, bool]:
    """The revision number of this publication and whether it is new: the same invoice_lines
    checksum as the last publication keeps its revision, anything else takes the next number (a
    number is never reused for different amounts)."""
    lines = invoice_lines_checksum(build.checksum or "")
    if not table_exists(con, OPS_SCHEMA, "publications"):
        return 1, True
    rows = con.execute(
        f"select revision, invoice_lines_checksum from {OPS_SCHEMA}.publications "
        "where billing_month = ? order by revision desc",
        [month_date(month)],
    ).fetchall()
    for revision, checksum in rows:
        if checksum == lines:
            return int(revision), False
    return (int(rows[0][0]) + 1 if rows else 1), True


def record_publication(
    con: duckdb.DuckDBPyConnection, month: str, revision: int, build: Build, out_dir: str
) -> None:
    con.execute(
        f"insert into {OPS_SCHEMA}.publications (billing_month, revision, published_at, "
        "build_invocation_id, invoice_lines_checksum, invoice_lines_cents, out_dir) "
        "values (?, ?, current_timestamp, ?, ?, ?, ?)",
        [
            month_date(month),
            revision,
            build.invocation_id,
            invoice_lines_checksum(build.checksum or ""),
            build.invoice_lines_cents,
            out_dir,
        ],
    )

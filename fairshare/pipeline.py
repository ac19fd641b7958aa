"""The month's steps — extract, build, publish, close — as the commands, the demo and the bench
run them.

    from fairshare import pipeline
    pipeline.extract("2026-10", voice_usage_csv=Path("voice.csv"))
    pipeline.build("2026-10")
    result = pipeline.publish("2026-10", Path("out"))
    pipeline.close("2026-10", Path("out"))

Each step works on the warehouse of `fairshare.dbt_runner` (FAIRSHARE_DUCKDB_PATH or the dbt
target) and raises `StepError` — one line, and the process exit code the command returns — when
the month must not go on. `warehouse_locked` is the lock a command holds around its steps.
`extract_sandbox_month` lands a sandbox month through the sandbox API the way a real org's month
is landed (directory snapshots, then the month), for the demo, the bench and the tests.

Depends on: fairshare.dbt_runner, fairshare.runs, fairshare.publish, ingestion.genesys (and, for
the sandbox helpers, fairshare.sandbox). Never on fairshare.cli, .demo or .bench: they import it.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from fairshare.publish import PublishResult
    from fairshare.runs.close import ClosedMonth
    from fairshare.sandbox.server import SandboxServer
    from ingestion.genesys.pipeline import ExtractResult

log = logging.getLogger("fairshare")
console = Console(stderr=True)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_EXTRACT = 3
EXIT_BUILD = 4
EXIT_PUBLISH = 5
EXIT_BUSY = 6  # another fairshare run holds the warehouse
EXIT_CLOSE = 7  # the month may not be closed (yet)

# The sandbox API enforces no rate limit; a real org allows ~300 requests/minute per client.
SANDBOX_REQUESTS_PER_MINUTE = 6000


class StepError(Exception):
    """A step that must stop the run: a one-line reason and the exit code of the command."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[StepError], tuple[str, int]]:
        return StepError, (str(self), self.code)  # picklable (the bench's measured children)


@contextmanager
def warehouse_locked(command: str, target: str | None = None) -> Iterator[None]:
    """One extract/build/publish/close per warehouse at a time; a second is refused at once."""
    from fairshare.dbt_runner import lock_path
    from fairshare.runs.lock import WarehouseBusy, warehouse_lock

    try:
        with warehouse_lock(lock_path(target), command):
            yield
    except WarehouseBusy as exc:
        raise StepError(str(exc), EXIT_BUSY) from exc


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM, inclusive), in order."""
    year, month = (int(part) for part in first.split("-"))
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# --------------------------------------------------------------------------- extract


def console_progress() -> Callable[[str, int], None]:
    """A progress callback for `extract` that logs the running row count every 2 s."""
    counts: dict[str, int] = {}
    last = [0.0]

    def progress(table: str, rows: int) -> None:
        counts[table] = counts.get(table, 0) + rows
        now = time.monotonic()
        if now - last[0] > 2:
            last[0] = now
            total = sum(counts.values())
            console.log(f"extract: {total:,} rows so far ({table}: {counts[table]:,})")

    return progress


def extract(
    month: str,
    *,
    destination: str = "duckdb",
    invoice_csv: Path | None = None,
    voice_usage_csv: Path | None = None,
    as_of: datetime | None = None,
    directory_only: bool = False,
    lookback_days: int = 3,
    days_per_job: int = 1,
    requests_per_minute: int = 300,
    retry_budget: int = 100,
    progress: Callable[[str, int], None] | None = None,
) -> ExtractResult:
    """Land the month's raw data (ingestion.genesys.pipeline.run_extract) in the warehouse.
    Raises StepError (see `_extract_errors`)."""
    from fairshare.dbt_runner import duckdb_path
    from ingestion.genesys.pipeline import run_extract

    with _extract_errors():
        result = run_extract(
            month,
            destination=destination,
            duckdb_path=duckdb_path(),
            invoice_csv=invoice_csv,
            voice_usage_csv=voice_usage_csv,
            as_of=as_of,
            directory_only=directory_only,
            lookback_days=lookback_days,
            days_per_job=days_per_job,
            requests_per_minute=requests_per_minute,
            retry_budget=retry_budget,
            progress=progress,
        )
    _log_extract(result)
    return result


@contextmanager
def _extract_errors() -> Iterator[None]:
    """ExtractError as StepError: a CSV billing another month is business input the allocation
    refuses (EXIT_BUILD, as the build does); any other extract failure is EXIT_EXTRACT."""
    from ingestion.genesys.errors import ExtractError, WrongMonthError

    try:
        yield
    except WrongMonthError as exc:
        raise StepError(f"extract refused: {exc}", EXIT_BUILD) from exc
    except ExtractError as exc:
        raise StepError(f"extract failed: {exc}", EXIT_EXTRACT) from exc


def _log_extract(result: ExtractResult) -> None:
    log.info(
        "extract: %s rows in %.1f s (%s rows/s)",
        f"{result.total_rows:,}",
        result.seconds,
        f"{result.rows_per_second:,.0f}",
    )


def remove_invoice(month: str, invoice_id: str, *, destination: str = "duckdb") -> int:
    """Delete a wrongly loaded invoice (header and lines) from the raw tables: its line count."""
    from fairshare.dbt_runner import duckdb_path
    from ingestion.genesys.corrections import remove_invoice as remove
    from ingestion.genesys.errors import ExtractError

    try:
        lines = remove(invoice_id, month=month, destination=destination, duckdb_path=duckdb_path())
    except ExtractError as exc:
        raise StepError(f"extract failed: {exc}", EXIT_EXTRACT) from exc
    log.info("removed invoice %s (%d lines); rebuild %s", invoice_id, lines, month)
    return lines


# --------------------------------------------------------------------------- build


@dataclass(frozen=True)
class BuildResult:
    month: str
    seconds: float
    passed: int  # nodes that succeeded or passed
    warned: int


def build(
    month: str,
    *,
    target: str | None = None,
    full_refresh: bool = False,
    orphan_policy: str | None = None,
    mode: str | None = None,
) -> BuildResult:
    """`dbt build --fail-fast` of the month (write–audit–publish: the published marts change
    only when everything passed). Raises StepError(EXIT_BUILD) naming the first failure."""
    from fairshare.dbt_runner import monthly_build_args, project_dir, run_dbt
    from fairshare.runs.preflight import SeedError, check_cost_center_codes

    try:
        check_cost_center_codes(project_dir())
    except SeedError as exc:
        raise StepError(str(exc), EXIT_BUILD) from exc
    dbt_args = monthly_build_args(full_refresh=full_refresh)
    extra: dict[str, str] = {}
    if orphan_policy:
        extra["orphan_policy"] = orphan_policy
    if mode:
        extra["mode"] = mode
    started = time.monotonic()
    result = run_dbt(dbt_args, month=month, target=target, extra_vars=extra)
    if not result.ok:
        raise StepError(result.failure_reason(), EXIT_BUILD)
    passed = sum(1 for r in result.results if r.status in {"success", "pass"})
    warned = sum(1 for r in result.results if r.status == "warn")
    log.info("dbt build: %d nodes ok, %d warnings", passed, warned)
    return BuildResult(month, time.monotonic() - started, passed, warned)


def build_months(
    first: str,
    through: str,
    *,
    target: str | None = None,
    full_refresh: bool = False,
    orphan_policy: str | None = None,
    mode: str | None = None,
) -> list[BuildResult]:
    """A backfill: every month from `first` to `through`, in order.

    Month-partitioned models keep every month built; `full_refresh` recreates them from the
    first month only, and the following months are added to them one by one."""
    if through < first:
        raise StepError(f"--through {through} is before --month {first}", EXIT_USAGE)
    months = months_between(first, through)
    results = []
    for number, month in enumerate(months):
        console.rule(f"[{number + 1}/{len(months)}] build {month}")
        result = build(
            month,
            target=target,
            full_refresh=full_refresh and number == 0,
            orphan_policy=orphan_policy,
            mode=mode,
        )
        log.info("build %s done in %.1f s", month, result.seconds)
        results.append(result)
    return results


# --------------------------------------------------------------------------- publish, close


def publish(month: str, out_dir: Path, *, screenshots: bool = False) -> PublishResult:
    """Invoices, the showback site, the journal and the FOCUS export of the month's published
    marts into `out_dir/<month>/` (swapped in whole). Raises StepError(EXIT_PUBLISH)."""
    from fairshare.dbt_runner import duckdb_path
    from fairshare.publish import publish as publish_month

    try:
        return publish_month(
            month=month, out_dir=Path(out_dir), duckdb_path=duckdb_path(), screenshots=screenshots
        )
    except Exception as exc:  # the publisher raises on any inconsistency; say it in one line
        raise StepError(f"publish failed: {exc}", EXIT_PUBLISH) from exc


def close(month: str, out_dir: Path) -> ClosedMonth:
    """Freeze a published month as posted. Raises StepError(EXIT_CLOSE) when it may not be."""
    from fairshare.dbt_runner import duckdb_path
    from fairshare.runs.close import close_month
    from fairshare.runs.ledger import LedgerError

    try:
        return close_month(duckdb_path(), month, Path(out_dir))
    except LedgerError as exc:
        raise StepError(f"close refused: {exc}", EXIT_CLOSE) from exc


def print_run_summary(month: str, result: PublishResult, out_dir: Path, status: str) -> None:
    """The table a finished run prints: per cost center, totals, reconciliation, where to look."""
    table = Table(title=f"fairshare {month}: {status}")
    table.add_column("cost center")
    table.add_column("amount", justify="right")
    for code, amount in sorted(result.invoice_totals.items()):
        table.add_row(code, f"{amount:,.2f}")
    table.add_section()
    table.add_row("allocated", f"{result.allocated_total:,.2f}")
    table.add_row("vendor invoice", f"{result.vendor_total:,.2f}")
    if result.adjustments_total:
        table.add_row("adjustments (closed months)", f"{result.adjustments_total:,.2f}")
    table.add_row("reconciliation", "to the cent" if result.reconciled else "MISMATCH")
    table.add_row("revision", str(result.revision))
    out = Console()
    out.print(table)
    if result.provisional:
        out.print(
            f"PROVISIONAL: {month} was built before Genesys analytics were final for the whole "
            "month (data-availability watermark); rerun it once they are. It cannot be closed."
        )
    for alert in result.budget_alerts:  # information: the exit code stays 0
        out.print(f"[yellow]budget:[/] {alert.text}", highlight=False)
    out.print(f"invoices:  {out_dir / month / 'invoices'}")
    out.print(f"dashboard: {out_dir / month / 'showback' / 'index.html'}")
    out.print(f"FOCUS:     {out_dir / month / 'focus'}")


# --------------------------------------------------------------------------- sandbox months


@contextmanager
def sandbox_environment(data_dir: Path, base_url: str) -> Iterator[None]:
    """Point the loaders at the sandbox API with its demo credentials and demo PII key."""
    meta = json.loads((data_dir / "sandbox.json").read_text())
    wanted = {
        "GENESYS_API_BASE": base_url,
        "GENESYS_CLIENT_ID": meta["clientId"],
        "GENESYS_CLIENT_SECRET": meta["clientSecret"],
        "FAIRSHARE_PII_KEY": meta["piiKey"],
    }
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.pop("GENESYS_REGION", None)
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def directory_snapshots(data_dir: Path) -> list[datetime]:
    """Instants at which the sandbox directory changes (a daily snapshot job would see them)."""
    meta = json.loads((data_dir / "sandbox.json").read_text())
    return sorted(
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        for value in meta.get("directorySnapshots", [])
    )


def replay_directory_history(
    server: SandboxServer, data_dir: Path, month: str, warehouse: Path | None = None
) -> None:
    """Land the directory as it was at each change instant, as daily snapshots would have.

    `warehouse` is the DuckDB file (default: FAIRSHARE_DUCKDB_PATH, the CLI's warehouse)."""
    from fairshare.dbt_runner import duckdb_path
    from ingestion.genesys.pipeline import run_extract

    target = warehouse or duckdb_path()
    for instant in directory_snapshots(data_dir):
        server.set_clock(instant)
        log.info("directory snapshot as of %s", instant.isoformat())
        run_extract(
            month,
            duckdb_path=target,
            directory_only=True,
            as_of=instant,
            requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE,
        )
    server.set_clock(None)


def extract_sandbox_month(
    data_dir: Path,
    month: str,
    warehouse: Path,
    *,
    fault_rate: float = 0.0,
    **extract_options: Any,
) -> ExtractResult:
    """Land a sandbox month through the sandbox API, the way `fairshare demo` does: the
    directory's history first (daily snapshots), then the month with its voice usage CSV.
    Raises StepError (see `_extract_errors`)."""
    from fairshare.sandbox.server import SandboxServer
    from ingestion.genesys.pipeline import run_extract

    options: dict[str, Any] = {
        "voice_usage_csv": data_dir / "voice_usage.csv",
        "requests_per_minute": SANDBOX_REQUESTS_PER_MINUTE,
        **extract_options,
    }
    with (
        _extract_errors(),
        SandboxServer(data_dir, port=0, fault_rate=fault_rate, retry_after=1) as server,
        sandbox_environment(data_dir, server.base_url),
    ):
        replay_directory_history(server, data_dir, month, warehouse)
        served_before = server.cpu_seconds
        result = run_extract(month, duckdb_path=warehouse, **options)
        # the sandbox server's CPU time serving the month (a real org's is not ours to spend)
        result.stage_seconds["server_cpu"] = server.cpu_seconds - served_before
    _log_extract(result)
    return result

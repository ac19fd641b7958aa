"""The `fairshare` command line: sandbox, extract, build, publish, run, demo, bench."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

log = logging.getLogger("fairshare")
console = Console(stderr=True)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_EXTRACT = 3
EXIT_BUILD = 4
EXIT_PUBLISH = 5
EXIT_BUSY = 6  # another fairshare run holds the warehouse
EXIT_CLOSE = 7  # the month may not be closed (yet)


class CliError(Exception):
    """A failure with a one-line reason and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def warehouse_locked(args: argparse.Namespace, command: str) -> Iterator[None]:
    """One extract/build/publish/close per warehouse at a time; a second is refused at once."""
    from fairshare.dbt_runner import lock_path
    from fairshare.runs.lock import WarehouseBusy, warehouse_lock

    try:
        with warehouse_lock(lock_path(getattr(args, "target", None)), command):
            yield
    except WarehouseBusy as exc:
        raise CliError(str(exc), EXIT_BUSY) from exc


def _month(value: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        raise argparse.ArgumentTypeError(f"month must look like 2026-10, got {value!r}")
    return value


def _instant(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 instant: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --------------------------------------------------------------------------- sandbox


def cmd_sandbox_generate(args: argparse.Namespace) -> int:
    from fairshare.sandbox.generator import generate

    summary = generate(
        Path(args.out),
        month=args.month,
        conversations=args.conversations,
        seed=args.seed,
        defects=args.defects,
    )
    log.info("sandbox month written to %s", args.out)
    table = Table(title=f"sandbox {args.month} (seed {args.seed})")
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        if isinstance(value, int | float | str):
            table.add_row(str(key), f"{value:,}" if isinstance(value, int) else str(value))
    Console().print(table)
    return EXIT_OK


def cmd_sandbox_serve(args: argparse.Namespace) -> int:
    from fairshare.sandbox.server import serve

    serve(
        Path(args.data),
        host="127.0.0.1",
        port=args.port,
        fault_rate=args.fault_rate,
        token_ttl=args.token_ttl,
        seed=args.seed,
    )
    return EXIT_OK


# --------------------------------------------------------------------------- pipeline steps


def _progress_callback() -> Callable[[str, int], None]:
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


def step_extract(args: argparse.Namespace) -> dict[str, int]:
    from fairshare.dbt_runner import duckdb_path
    from ingestion.genesys.errors import ExtractError, WrongMonthError
    from ingestion.genesys.pipeline import run_extract

    try:
        result = run_extract(
            args.month,
            destination=args.destination,
            duckdb_path=duckdb_path(),
            invoice_csv=Path(args.invoice_csv) if args.invoice_csv else None,
            voice_usage_csv=Path(args.voice_usage_csv) if args.voice_usage_csv else None,
            as_of=args.as_of,
            directory_only=args.directory_only,
            lookback_days=args.lookback_days,
            days_per_job=args.days_per_job,
            requests_per_minute=args.requests_per_minute,
            retry_budget=args.retry_budget,
            progress=_progress_callback(),
        )
    except WrongMonthError as exc:  # business input the allocation refuses, as the build does
        raise CliError(f"extract refused: {exc}", EXIT_BUILD) from exc
    except ExtractError as exc:
        raise CliError(f"extract failed: {exc}", EXIT_EXTRACT) from exc
    total = sum(result.rows.values())
    log.info(
        "extract: %s rows in %.1f s (%s rows/s)",
        f"{total:,}",
        result.seconds,
        f"{result.rows_per_second:,.0f}",
    )
    return dict(result.rows)


def step_build(args: argparse.Namespace) -> float:
    from fairshare.dbt_runner import monthly_build_args, project_dir, run_dbt
    from fairshare.runs.preflight import SeedError, check_cost_center_codes

    try:
        check_cost_center_codes(project_dir())
    except SeedError as exc:
        raise CliError(str(exc), EXIT_BUILD) from exc

    dbt_args = monthly_build_args(full_refresh=getattr(args, "full_refresh", False))
    extra = {}
    if getattr(args, "orphan_policy", None):
        extra["orphan_policy"] = args.orphan_policy
    if getattr(args, "mode", None):
        extra["mode"] = args.mode
    started = time.monotonic()
    result = run_dbt(dbt_args, month=args.month, target=args.target, extra_vars=extra)
    if not result.ok:
        raise CliError(result.failure_reason(), EXIT_BUILD)
    passed = sum(1 for r in result.results if r.status in {"success", "pass"})
    warned = sum(1 for r in result.results if r.status == "warn")
    log.info("dbt build: %d nodes ok, %d warnings", passed, warned)
    return time.monotonic() - started


def step_publish(args: argparse.Namespace):
    from fairshare.dbt_runner import duckdb_path
    from fairshare.publish import publish

    try:
        return publish(
            month=args.month,
            out_dir=Path(args.out),
            duckdb_path=duckdb_path(),
            screenshots=getattr(args, "screenshots", False),
        )
    except Exception as exc:  # the publisher raises on any inconsistency; say it in one line
        raise CliError(f"publish failed: {exc}", EXIT_PUBLISH) from exc


def print_summary(month: str, result, out_dir: Path, status: str) -> None:
    table = Table(title=f"fairshare {month}: {status}")
    table.add_column("cost center")
    table.add_column("amount", justify="right")
    for code, amount in sorted(result.invoice_totals.items()):
        table.add_row(code, f"{amount:,.2f}")
    table.add_section()
    table.add_row("allocated", f"{result.allocated_total:,.2f}")
    table.add_row("vendor invoice", f"{result.vendor_total:,.2f}")
    adjustments = getattr(result, "adjustments_total", 0)
    if adjustments:
        table.add_row("adjustments (closed months)", f"{adjustments:,.2f}")
    reconciled = result.allocated_total == result.vendor_total + adjustments
    table.add_row("reconciliation", "to the cent" if reconciled else "MISMATCH")
    table.add_row("revision", str(getattr(result, "revision", 1)))
    Console().print(table)
    if getattr(result, "provisional", False):
        Console().print(
            f"PROVISIONAL: {month} was built before Genesys analytics were final for the whole "
            "month (data-availability watermark); rerun it once they are. It cannot be closed."
        )
    for alert in getattr(result, "budget_alerts", []):  # information: the exit code stays 0
        Console().print(f"[yellow]budget:[/] {alert.text}", highlight=False)
    Console().print(f"invoices:  {out_dir / month / 'invoices'}")
    Console().print(f"dashboard: {out_dir / month / 'showback' / 'index.html'}")
    Console().print(f"FOCUS:     {out_dir / month / 'focus'}")


def cmd_extract(args: argparse.Namespace) -> int:
    with warehouse_locked(args, f"extract {args.month}"):
        if getattr(args, "remove_invoice", None):
            return _remove_invoice(args)
        step_extract(args)
    return EXIT_OK


def _remove_invoice(args: argparse.Namespace) -> int:
    from fairshare.dbt_runner import duckdb_path
    from ingestion.genesys.corrections import remove_invoice
    from ingestion.genesys.errors import ExtractError

    try:
        lines = remove_invoice(
            args.remove_invoice,
            month=args.month,
            destination=args.destination,
            duckdb_path=duckdb_path(),
        )
    except ExtractError as exc:
        raise CliError(f"extract failed: {exc}", EXIT_EXTRACT) from exc
    log.info("removed invoice %s (%d lines); rebuild %s", args.remove_invoice, lines, args.month)
    return EXIT_OK


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM, inclusive), in order."""
    year, month = (int(part) for part in first.split("-"))
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def cmd_build(args: argparse.Namespace) -> int:
    with warehouse_locked(args, f"build {args.month}"):
        return _build_months(args)


def _build_months(args: argparse.Namespace) -> int:
    through = getattr(args, "through", None)
    if not through:
        step_build(args)
        return EXIT_OK
    if through < args.month:
        raise CliError(f"--through {through} is before --month {args.month}", EXIT_USAGE)
    # Month-partitioned models keep every month built; --full-refresh recreates them from the
    # first month only, and the following months are added to them one by one.
    months = months_between(args.month, through)
    for number, month in enumerate(months):
        console.rule(f"[{number + 1}/{len(months)}] build {month}")
        month_args = argparse.Namespace(**{**vars(args), "month": month})
        month_args.full_refresh = bool(args.full_refresh) and number == 0
        seconds = step_build(month_args)
        log.info("build %s done in %.1f s", month, seconds)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    with warehouse_locked(args, f"publish {args.month}"):
        result = step_publish(args)
    print_summary(args.month, result, Path(args.out), "published")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    stages = [("extract", step_extract), ("build", step_build), ("publish", step_publish)]
    result = None
    with warehouse_locked(args, f"run {args.month}"):
        for number, (name, step) in enumerate(stages, start=1):
            console.rule(f"[{number}/{len(stages)}] {name}")
            started = time.monotonic()
            result = step(args)
            log.info("%s done in %.1f s", name, time.monotonic() - started)
    print_summary(args.month, result, Path(args.out), "done")
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from fairshare.dbt_runner import duckdb_path
    from fairshare.runs.close import close_month
    from fairshare.runs.ledger import LedgerError

    with warehouse_locked(args, f"close {args.month}"):
        try:
            closed = close_month(duckdb_path(), args.month, Path(args.out))
        except LedgerError as exc:
            raise CliError(f"close refused: {exc}", EXIT_CLOSE) from exc
    Console().print(
        f"{args.month} closed (close revision {closed.close_revision}): {closed.rows} invoice"
        f" lines, {closed.amount_cents / 100:,.2f} posted as publication revision "
        f"{closed.publication_revision}. Rebuilds of {args.month} no longer change it; what they"
        " find is carried into the next open month as adjustment lines."
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from fairshare.demo import run_demo

    with warehouse_locked(args, "demo"):
        return run_demo(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from fairshare.bench import run_bench

    return run_bench(args)


# --------------------------------------------------------------------------- parser


def _add_run_options(p: argparse.ArgumentParser, *, extract: bool, build: bool, out: bool) -> None:
    p.add_argument("--month", type=_month, required=True, help="billing month, e.g. 2026-10")
    if extract:
        p.add_argument(
            "--destination",
            choices=["duckdb", "snowflake", "bigquery"],
            default=os.environ.get("FAIRSHARE_DESTINATION", "duckdb"),
        )
        p.add_argument("--invoice-csv", help="vendor invoice lines from a CSV (PDF-only customers)")
        p.add_argument("--voice-usage-csv", help="Genesys Cloud Voice usage CSV")
        p.add_argument("--as-of", type=_instant, help="directory snapshot instant (scd2 boundary)")
        p.add_argument("--directory-only", action="store_true", help="only users, queues, DIDs…")
        p.add_argument("--lookback-days", type=int, default=3)
        p.add_argument("--days-per-job", type=int, default=1)
        p.add_argument(
            "--requests-per-minute",
            type=int,
            default=300,
            help="client-side API rate limit (Genesys default: 300 per OAuth client)",
        )
        p.add_argument(
            "--retry-budget", type=int, default=100, help="retries allowed before the run fails"
        )
    if build:
        p.add_argument("--target", default=os.environ.get("FAIRSHARE_TARGET"), help="dbt target")
        p.add_argument(
            "--full-refresh",
            action="store_true",
            help="drop and rebuild the month-partitioned models (they then hold this month only; "
            "with --through, every month of the range)",
        )
        p.add_argument("--orphan-policy", choices=["absorb", "redistribute"])
        p.add_argument("--mode", choices=["showback", "chargeback"])
    if out:
        p.add_argument("--out", default="out", help="output folder for invoices and dashboard")
        p.add_argument(
            "--screenshots", action="store_true", help="also screenshot each page (needs Chromium)"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fairshare",
        description="Chargeback and showback for a shared Genesys Cloud CX contact center.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    sandbox = sub.add_parser("sandbox", help="the sandbox Genesys Cloud organisation")
    sandbox_sub = sandbox.add_subparsers(dest="sandbox_command", required=True)
    gen = sandbox_sub.add_parser("generate", help="write one month of sandbox Genesys data")
    gen.add_argument("--out", required=True)
    gen.add_argument("--month", type=_month, default="2026-10")
    gen.add_argument("--conversations", type=int, default=10_000)
    gen.add_argument("--seed", type=int, default=42)
    gen.add_argument("--defects", action="store_true", help="inject the documented bad records")
    gen.set_defaults(func=cmd_sandbox_generate)
    srv = sandbox_sub.add_parser("serve", help="serve a sandbox month as a Genesys-compatible API")
    srv.add_argument("--data", required=True)
    srv.add_argument("--port", type=int, default=8080)
    srv.add_argument("--fault-rate", type=float, default=0.05)
    srv.add_argument("--token-ttl", type=int, default=60)
    srv.add_argument("--seed", type=int, default=0)
    srv.set_defaults(func=cmd_sandbox_serve)

    p = sub.add_parser("extract", help="load a month from Genesys Cloud into raw tables")
    _add_run_options(p, extract=True, build=False, out=False)
    p.add_argument(
        "--remove-invoice",
        metavar="INVOICE_ID",
        help="instead of extracting, delete this invoice (header and lines) from the raw tables:"
        " the fix for a wrong invoice file loaded for the month",
    )
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="dbt build (models and tests) for a month")
    _add_run_options(p, extract=False, build=True, out=False)
    p.add_argument(
        "--through",
        type=_month,
        help="build every month from --month to this one, in order (a backfill)",
    )
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("publish", help="write invoices, the showback site and the FOCUS export")
    _add_run_options(p, extract=False, build=False, out=True)
    p.set_defaults(func=cmd_publish)
    p = sub.add_parser("close", help="freeze a published month as posted (ledger close)")
    p.add_argument("--month", type=_month, required=True, help="billing month, e.g. 2026-10")
    p.add_argument("--out", default="out", help="the output folder the month was published to")
    p.set_defaults(func=cmd_close)
    p = sub.add_parser("run", help="extract, build and publish a month")
    _add_run_options(p, extract=True, build=True, out=True)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="generate, serve and run a sandbox month end to end")
    p.add_argument("--month", type=_month, default="2026-10")
    p.add_argument("--conversations", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--data", default="sandbox-data", help="where the sandbox month is written")
    p.add_argument("--out", default="out")
    p.add_argument("--fault-rate", type=float, default=0.02)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("bench", help="benchmark generate/extract/build/publish at several sizes")
    p.add_argument("--conversations", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--workdir", default="bench-data")
    p.add_argument("--report", default="docs/benchmarks.md")
    p.add_argument(
        "--month-two",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also land a second month of each size and time its build (incremental models)",
    )
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(console=console, show_path=False, rich_tracebacks=False)],
    )
    for noisy in ("dlt", "urllib3", "fontTools", "weasyprint"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except CliError as exc:
        console.print(f"[bold red]error:[/] {exc}", soft_wrap=True, highlight=False)
        return exc.code
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())

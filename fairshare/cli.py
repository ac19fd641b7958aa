"""The `fairshare` command line: sandbox, extract, build, publish, run, demo, bench."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from fairshare import pipeline
from fairshare.pipeline import (
    EXIT_BUILD,
    EXIT_BUSY,
    EXIT_CLOSE,
    EXIT_EXTRACT,
    EXIT_OK,
    EXIT_PUBLISH,
    EXIT_USAGE,
    StepError,
    months_between,
)

if TYPE_CHECKING:
    from fairshare.publish import PublishResult

log = logging.getLogger("fairshare")
console = pipeline.console

__all__ = [
    "EXIT_BUILD",
    "EXIT_BUSY",
    "EXIT_CLOSE",
    "EXIT_EXTRACT",
    "EXIT_OK",
    "EXIT_PUBLISH",
    "EXIT_USAGE",
    "CliError",
    "build_parser",
    "main",
    "months_between",
]

# The name of StepError for callers written before fairshare.pipeline held the steps.
CliError = StepError


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


# --------------------------------------------------------------------------- month steps
# Each command is a step of fairshare.pipeline under the warehouse lock; the step functions take
# the parsed arguments (the demo, the bench and the tests call fairshare.pipeline directly).


def step_extract(args: argparse.Namespace) -> dict[str, int]:
    result = pipeline.extract(
        args.month,
        destination=args.destination,
        invoice_csv=Path(args.invoice_csv) if args.invoice_csv else None,
        voice_usage_csv=Path(args.voice_usage_csv) if args.voice_usage_csv else None,
        as_of=args.as_of,
        directory_only=args.directory_only,
        lookback_days=args.lookback_days,
        days_per_job=args.days_per_job,
        requests_per_minute=args.requests_per_minute,
        retry_budget=args.retry_budget,
        progress=pipeline.console_progress(),
    )
    return dict(result.rows)


def step_build(args: argparse.Namespace) -> float:
    return pipeline.build(
        args.month,
        target=getattr(args, "target", None),
        full_refresh=getattr(args, "full_refresh", False),
        orphan_policy=getattr(args, "orphan_policy", None),
        mode=getattr(args, "mode", None),
    ).seconds


def step_publish(args: argparse.Namespace) -> PublishResult:
    return pipeline.publish(
        args.month, Path(args.out), screenshots=getattr(args, "screenshots", False)
    )


def cmd_extract(args: argparse.Namespace) -> int:
    with pipeline.warehouse_locked(f"extract {args.month}"):
        if getattr(args, "remove_invoice", None):
            pipeline.remove_invoice(args.month, args.remove_invoice, destination=args.destination)
        else:
            step_extract(args)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    with pipeline.warehouse_locked(f"build {args.month}", args.target):
        if getattr(args, "through", None):
            pipeline.build_months(
                args.month,
                args.through,
                target=args.target,
                full_refresh=args.full_refresh,
                orphan_policy=args.orphan_policy,
                mode=args.mode,
            )
        else:
            step_build(args)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    with pipeline.warehouse_locked(f"publish {args.month}"):
        result = step_publish(args)
    pipeline.print_run_summary(args.month, result, Path(args.out), "published")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    stages: list[tuple[str, Callable[[argparse.Namespace], object]]] = [
        ("extract", step_extract),
        ("build", step_build),
        ("publish", step_publish),
    ]
    result = None
    with pipeline.warehouse_locked(f"run {args.month}", args.target):
        for number, (name, step) in enumerate(stages, start=1):
            console.rule(f"[{number}/{len(stages)}] {name}")
            started = time.monotonic()
            result = step(args)
            log.info("%s done in %.1f s", name, time.monotonic() - started)
    pipeline.print_run_summary(args.month, result, Path(args.out), "done")  # type: ignore[arg-type]
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    with pipeline.warehouse_locked(f"close {args.month}"):
        closed = pipeline.close(args.month, Path(args.out))
    Console().print(
        f"{args.month} closed (close revision {closed.close_revision}): {closed.rows} invoice"
        f" lines, {closed.amount_cents / 100:,.2f} posted as publication revision "
        f"{closed.publication_revision}. Rebuilds of {args.month} no longer change it; what they"
        " find is carried into the next open month as adjustment lines."
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from fairshare.demo import run_demo

    with pipeline.warehouse_locked("demo"):
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
    p.add_argument(
        "--month-two-up-to",
        type=int,
        default=1_000_000,
        help="the largest size that gets a second month (default 1,000,000)",
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
    except StepError as exc:
        console.print(f"[bold red]error:[/] {exc}", soft_wrap=True, highlight=False)
        return exc.code
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""`python -m fairshare.demo_months` (`make demo-months`): the sandbox scenario over several
months, end to end, on DuckDB.

Writes the story of fairshare/sandbox/scenario.py (a baseline month, then Support growing, a
vendor price change, no more crisis, Sales' campaign bursts, the contract kept, named users who
barely log in) into `--data`, and for each month in order: serves it as the Genesys API, extracts
it, builds it (every dbt test), and publishes it into `--out/<month>/`. The last month's site then
shows six months of unit costs, the explained change against the month before, the budgets and
the licence advisor over the months kept. The warehouse starts empty.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

log = logging.getLogger("fairshare.demo")


def run(args: argparse.Namespace) -> int:
    from fairshare import pipeline
    from fairshare.dbt_runner import duckdb_path
    from fairshare.sandbox.scenario import generate_scenario

    started = time.monotonic()
    data = Path(args.data)
    out = Path(args.out)
    steps = generate_scenario(data, args.first_month, args.months, args.conversations, args.seed)
    warehouse = duckdb_path()
    if warehouse.exists():
        warehouse.unlink()  # the demo always starts from an empty warehouse
    for step in steps:
        log.info("month %d of %d: %s", step.number, len(steps), step.month)
        pipeline.extract_sandbox_month(
            data / step.month, step.month, warehouse, fault_rate=args.fault_rate
        )
        pipeline.build(step.month)
        result = pipeline.publish(
            step.month, out, screenshots=args.screenshots and step is steps[-1]
        )
        pipeline.print_run_summary(step.month, result, out, "published")
    log.info("%d months in %.0f s", len(steps), time.monotonic() - started)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m fairshare.demo_months", description=__doc__)
    p.add_argument("--first-month", default="2026-05", help="the baseline month")
    p.add_argument("--months", type=int, default=6, help="how many months (>= 2)")
    p.add_argument("--conversations", type=int, default=1500, help="month 1's conversations")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--data", default="sandbox-data/scenario")
    p.add_argument("--out", default="out")
    p.add_argument("--fault-rate", type=float, default=0.02)
    p.add_argument("--screenshots", action="store_true", help="screenshot the last month's pages")
    return p


def main(argv: list[str] | None = None) -> int:
    from rich.logging import RichHandler

    args = parser().parse_args(argv)
    if args.months < 2:
        parser().error("--months must be at least 2")
    logging.basicConfig(
        level=logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(show_path=False, rich_tracebacks=False)],
    )
    for noisy in ("dlt", "urllib3", "fontTools", "weasyprint"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from fairshare.pipeline import StepError

    try:
        return run(args)
    except StepError as exc:
        log.error("%s", exc)
        return exc.code


if __name__ == "__main__":
    sys.exit(main())

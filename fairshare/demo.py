"""`fairshare demo`: a sandbox month end to end (generate → serve → extract → build → publish) on
DuckDB, with the steps of fairshare.pipeline."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import time
from pathlib import Path

from fairshare import pipeline

log = logging.getLogger("fairshare.demo")


def _dataset_matches(data_dir: Path, month: str, conversations: int, seed: int) -> bool:
    meta_file = data_dir / "sandbox.json"
    if not meta_file.is_file():
        return False
    from fairshare.sandbox.gen_output import DATASET_FORMAT

    meta = json.loads(meta_file.read_text())
    return (meta.get("month"), meta.get("conversations"), meta.get("seed")) == (
        month,
        conversations,
        seed,
    ) and meta.get("datasetFormat") == DATASET_FORMAT


def run_demo(args: argparse.Namespace) -> int:
    from fairshare.dbt_runner import duckdb_path
    from fairshare.sandbox.generator import generate

    started = time.monotonic()
    data_dir = Path(args.data) / args.month
    if _dataset_matches(data_dir, args.month, args.conversations, args.seed):
        log.info("reusing sandbox month in %s", data_dir)
    else:
        if data_dir.exists():
            shutil.rmtree(data_dir)
        log.info(
            "generating %s sandbox conversations for %s", f"{args.conversations:,}", args.month
        )
        generate(data_dir, month=args.month, conversations=args.conversations, seed=args.seed)

    warehouse = duckdb_path()
    if warehouse.exists():
        warehouse.unlink()  # the demo always starts from an empty warehouse

    log.info("sandbox Genesys API (fault rate %.0f%%)", 100 * args.fault_rate)
    pipeline.extract_sandbox_month(
        data_dir,
        args.month,
        warehouse,
        fault_rate=args.fault_rate,
        progress=pipeline.console_progress(),
    )
    pipeline.build(args.month)
    out = Path(args.out)
    result = pipeline.publish(args.month, out)
    pipeline.print_run_summary(args.month, result, out, "demo done")
    log.info("demo finished in %.0f s", time.monotonic() - started)
    return 0

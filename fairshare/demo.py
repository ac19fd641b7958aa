"""`fairshare demo`: a sandbox month end to end (generate → serve → run) on DuckDB."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

log = logging.getLogger("fairshare.demo")

# The sandbox API enforces no rate limit; a real org allows ~300 requests/minute per client.
SANDBOX_REQUESTS_PER_MINUTE = 6000


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
    server, data_dir: Path, month: str, warehouse: Path | None = None
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


def run_demo(args: argparse.Namespace) -> int:
    from fairshare.cli import print_summary, step_build, step_extract, step_publish
    from fairshare.dbt_runner import duckdb_path
    from fairshare.sandbox.generator import generate
    from fairshare.sandbox.server import SandboxServer

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

    run_args = argparse.Namespace(
        month=args.month,
        destination="duckdb",
        invoice_csv=None,
        voice_usage_csv=str(data_dir / "voice_usage.csv"),
        as_of=None,
        directory_only=False,
        lookback_days=3,
        days_per_job=1,
        requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE,
        retry_budget=100,
        target=None,
        full_refresh=False,
        orphan_policy=None,
        mode=None,
        out=args.out,
    )
    with SandboxServer(data_dir, port=0, fault_rate=args.fault_rate, retry_after=1) as server:
        log.info(
            "sandbox Genesys API on %s (fault rate %.0f%%)", server.base_url, 100 * args.fault_rate
        )
        with sandbox_environment(data_dir, server.base_url):
            replay_directory_history(server, data_dir, args.month)
            step_extract(run_args)
    step_build(run_args)
    result = step_publish(run_args)
    print_summary(args.month, result, Path(args.out), "demo done")
    log.info("demo finished in %.0f s", time.monotonic() - started)
    return 0

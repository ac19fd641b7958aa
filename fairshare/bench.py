"""`fairshare bench`: time generate → extract → dbt build → publish at several sizes.

For each size it also times a *floor*: one hand-written DuckDB query over the raw segment table
computing connected seconds per conversation and queue — the least work any attribution must do —
and reports `dbt build / floor`. Results go to a Markdown report (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import resource
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

log = logging.getLogger("fairshare.bench")

FLOOR_SQL = """
select s.conversation_id, s.queue_id,
       sum(date_diff('millisecond', s.segment_start, s.segment_end)) / 1000.0 as connected_seconds
from genesys_raw.conversation_segments as s
where s.queue_id is not null and s.segment_end is not null and s.segment_type <> 'wrapup'
group by 1, 2
"""


@dataclass
class BenchRow:
    conversations: int
    generate_s: float = 0.0
    raw_rows: int = 0
    extract_s: float = 0.0
    build_s: float = 0.0
    build_peak_rss_mib: float = 0.0
    publish_s: float = 0.0
    floor_s: float = 0.0
    dataset_mib: float = 0.0

    @property
    def rows_per_s(self) -> float:
        return self.raw_rows / self.extract_s if self.extract_s else 0.0

    @property
    def end_to_end_s(self) -> float:
        return self.generate_s + self.extract_s + self.build_s + self.publish_s

    @property
    def build_over_floor(self) -> float:
        return self.build_s / self.floor_s if self.floor_s else 0.0


def _dir_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _children_peak_rss_mib() -> float:
    # ru_maxrss of waited-for children is in KiB on Linux: the largest child so far (dbt).
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def time_floor(warehouse: Path, repeats: int = 3) -> float:
    """Best of `repeats` runs of the floor query (results materialised, not streamed)."""
    best = float("inf")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for _ in range(repeats):
            started = time.perf_counter()
            con.execute(f"create temp table floor_result as {FLOOR_SQL}")
            best = min(best, time.perf_counter() - started)
            con.execute("drop table floor_result")
    return best


def bench_size(conversations: int, workdir: Path, out_dir: Path) -> BenchRow:
    from fairshare.cli import step_build, step_publish
    from fairshare.demo import (
        SANDBOX_REQUESTS_PER_MINUTE,
        replay_directory_history,
        sandbox_environment,
    )
    from fairshare.sandbox.generator import generate
    from fairshare.sandbox.server import SandboxServer
    from ingestion.genesys.pipeline import run_extract

    row = BenchRow(conversations=conversations)
    data_dir = workdir / f"sandbox-{conversations}" / "2026-10"
    warehouse = workdir / f"bench-{conversations}.duckdb"
    shutil.rmtree(data_dir.parent, ignore_errors=True)
    warehouse.unlink(missing_ok=True)
    os.environ["FAIRSHARE_DUCKDB_PATH"] = str(warehouse)

    started = time.perf_counter()
    generate(data_dir, month="2026-10", conversations=conversations, seed=42)
    row.generate_s = time.perf_counter() - started
    row.dataset_mib = _dir_mib(data_dir)

    with SandboxServer(data_dir, port=0) as server, sandbox_environment(data_dir, server.base_url):
        replay_directory_history(server, data_dir, "2026-10")
        started = time.perf_counter()
        result = run_extract(
            "2026-10",
            duckdb_path=warehouse,
            voice_usage_csv=data_dir / "voice_usage.csv",
            requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE,
        )
        row.extract_s = time.perf_counter() - started
        row.raw_rows = sum(result.rows.values())

    args = argparse.Namespace(
        month="2026-10",
        target=None,
        full_refresh=False,
        orphan_policy=None,
        mode=None,
        out=str(out_dir),
    )
    row.build_s = step_build(args)
    row.build_peak_rss_mib = _children_peak_rss_mib()
    started = time.perf_counter()
    step_publish(args)
    row.publish_s = time.perf_counter() - started
    row.floor_s = time_floor(warehouse)
    log.info("bench %s: %s", f"{conversations:,}", row)
    return row


def render_report(rows: list[BenchRow]) -> str:
    cores = os.cpu_count()
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {cores} cores, {mem_gib:.0f} GiB memory, {platform.machine()}, "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}. "
        "Produced by `make bench` (`fairshare bench`).",
        "",
        "Targets at 1M conversations: dbt build ≤ 120 s, peak RSS ≤ 8 GiB, ≤ 5× the floor; "
        "extract ≥ 40,000 raw rows/s; 1M ≤ 12× the 100k build time.",
        "",
        "| conversations | generate s | dataset MiB | raw rows | extract s | rows/s | dbt build s "
        "| build peak RSS MiB | floor s | build/floor | publish s | end to end s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.conversations:,} | {r.generate_s:.1f} | {r.dataset_mib:,.0f} | {r.raw_rows:,} "
            f"| {r.extract_s:.1f} | {r.rows_per_s:,.0f} | {r.build_s:.1f} "
            f"| {r.build_peak_rss_mib:,.0f} | {r.floor_s:.2f} | {r.build_over_floor:.1f}× "
            f"| {r.publish_s:.1f} | {r.end_to_end_s:.1f} |"
        )
    by_size = {r.conversations: r for r in rows}
    if 100_000 in by_size and 1_000_000 in by_size and by_size[100_000].build_s:
        ratio = by_size[1_000_000].build_s / by_size[100_000].build_s
        lines += ["", f"dbt build 1M / 100k: {ratio:.1f}× (target ≤ 12×)."]
    return "\n".join(lines) + "\n"


def run_bench(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[BenchRow] = []
    for size in args.conversations:
        row = bench_size(size, workdir, workdir / "out")
        rows.append(row)
        table = Table(title=f"{size:,} conversations")
        table.add_column("stage")
        table.add_column("value", justify="right")
        table.add_row("generate", f"{row.generate_s:.1f} s ({row.dataset_mib:,.0f} MiB)")
        table.add_row(
            "extract", f"{row.extract_s:.1f} s, {row.raw_rows:,} rows, {row.rows_per_s:,.0f} rows/s"
        )
        table.add_row(
            "dbt build", f"{row.build_s:.1f} s, peak RSS {row.build_peak_rss_mib:,.0f} MiB"
        )
        table.add_row(
            "floor query", f"{row.floor_s:.2f} s (build/floor {row.build_over_floor:.1f}×)"
        )
        table.add_row("publish", f"{row.publish_s:.1f} s")
        table.add_row("end to end", f"{row.end_to_end_s:.1f} s")
        Console().print(table)
    Path(args.report).write_text(render_report(rows))
    log.info("report written to %s", args.report)
    return 0

"""Simulating local days, alone or on two worker processes, and assembling their part files.

Each day is an independent task (its own random streams), so the days can run in any order on
any process and still give the same bytes. A task writes part files under the dataset's `.tmp`
directory: conversations per UTC start date, voice usage legs, presence fragments. `assemble`
concatenates them in day order.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from fairshare.sandbox.gen_common import OPEN, local_midnight_ms
from fairshare.sandbox.gen_conversations import DaySim
from fairshare.sandbox.gen_directory import Org
from fairshare.sandbox.gen_schedule import (
    DayPresence,
    build_roster,
    concurrency_histogram,
    finalize,
)
from fairshare.sandbox.gen_wire import DayStats, voice_header

log = logging.getLogger("fairshare.sandbox")


@dataclass
class Job:
    """What every day task needs (inherited by forked workers)."""

    org: Org
    seed: int
    borrowed: list[int]
    counts: dict[date, int]
    forced: dict[date, list[tuple[int, int, str, Any]]]
    cutoff: int
    tmp: Path


@dataclass
class DayOutcome:
    """What a day task sends back: its counters and usage, never its conversations."""

    day: date
    stats: DayStats
    hist: dict[int, int]
    agent_ms: dict[str, int]
    firsts: dict[int, int]
    pending: list[str]
    agents: int
    in_month: bool
    of_month: bool  # a local day of the month itself (not the day before)


_JOB: Job | None = None


def simulate_day(task: tuple[date, list[str]]) -> DayOutcome:
    """Simulate one local day; write its conversation, voice and presence part files."""
    day, pending = task
    job = _JOB
    assert job is not None
    org, m = job.org, job.org.month
    midnight, next_midnight = local_midnight_ms(day), local_midnight_ms(day + timedelta(1))
    lo, hi = max(midnight, m.start_ms), min(next_midnight, m.end_ms)
    label = f"{job.seed}:{m.label}"
    roster = build_roster(org, day, random.Random(f"{label}:roster:{day}"), job.borrowed)
    router = _Router(job.tmp, day.isoformat())
    with (job.tmp / f"voice-{day.isoformat()}.csv").open(
        "w", encoding="utf-8", buffering=1 << 20
    ) as voice:
        sim = DaySim(
            org,
            roster,
            random.Random(f"{label}:sim:{day}"),
            job.cutoff,
            router.write,
            voice.write,
            list(pending),
            day == org.crisis_day and org.has_crisis,
            midnight,
        )
        arrivals = sim.arrivals(job.counts.get(day, 0), lo, hi) if lo < hi else []
        arrivals += job.forced.get(day, [])
        arrivals.sort(key=lambda a: (a[0], a[1]))
        stats = sim.run(arrivals)
    router.close()
    frags = [finalize(ag, org, job.cutoff) for ag in roster.agents]
    write_fragments(job.tmp / f"presence-{day.isoformat()}.tsv", frags)
    cx3 = [
        (f.login, f.logout if f.logout is not None else OPEN) for f in frags if org.users[f.idx].cx3
    ]
    agent_ms: dict[str, int] = {}
    firsts: dict[int, int] = {}
    for ag, f in zip(roster.agents, frags, strict=True):
        end = f.logout if f.logout is not None else job.cutoff
        s, e = max(f.login, m.start_ms), min(end, m.end_ms)
        if s >= e:
            continue
        firsts[f.idx] = s
        if ag.onq is not None and ag.pool:
            agent_ms[ag.pool] = agent_ms.get(ag.pool, 0) + e - s
    return DayOutcome(
        day=day,
        stats=stats,
        hist=concurrency_histogram(cx3, m.start_ms, m.end_ms),
        agent_ms=agent_ms,
        firsts=firsts,
        pending=sim.pending_defects,
        agents=sum(1 for a in roster.agents if a.onq is not None),
        in_month=lo < hi,
        of_month=day >= m.first,
    )


def collect(
    outcome: DayOutcome,
    total: DayStats,
    hists: dict[date, dict[int, int]],
    api_days: list[tuple[date, dict[str, int], dict[str, int]]],
    logged_in: dict[int, int],
) -> None:
    """Fold one day's outcome into the month's accumulators."""
    merge_stats(total, outcome.stats)
    hists[outcome.day] = outcome.hist
    for idx, first in outcome.firsts.items():
        if idx not in logged_in:
            logged_in[idx] = first
    if outcome.in_month and outcome.of_month:
        api_days.append((outcome.day, dict(outcome.stats.dept_conversations), outcome.agent_ms))
    log.info(
        "%s: %s conversations, %s agents logged in",
        outcome.day.isoformat(),
        f"{outcome.stats.conversations:,}",
        outcome.agents,
    )


def assemble(out: Path, tmp: Path, days: list[date]) -> None:
    """Concatenate the part files into `conversations/<UTC date>.jsonl` and the voice CSV."""
    conv_dir = out / "conversations"
    conv_dir.mkdir()
    parts: dict[str, list[Path]] = {}
    for path in sorted(tmp.glob("conv-*.jsonl")):
        parts.setdefault(path.name[5:15], []).append(path)
    for utc_day, paths in sorted(parts.items()):
        _concat(conv_dir / f"{utc_day}.jsonl", paths, b"")
    _concat(
        out / "voice_usage.csv",
        [tmp / f"voice-{day.isoformat()}.csv" for day in days],
        voice_header().encode(),
    )


def _concat(target: Path, paths: list[Path], header: bytes) -> None:
    with target.open("wb") as dst:
        dst.write(header)
        dst.flush()
        for path in paths:
            with path.open("rb") as src:
                size = os.fstat(src.fileno()).st_size
                offset = 0
                while offset < size:
                    sent = os.sendfile(dst.fileno(), src.fileno(), offset, size - offset)
                    if sent == 0:
                        break
                    offset += sent
            path.unlink()


class _Router:
    """Appends one local day's conversation lines to a part file per UTC start date."""

    def __init__(self, directory: Path, local_day: str) -> None:
        self.dir = directory
        self.local_day = local_day
        self.files: dict[str, BinaryIO] = {}

    def write(self, day: str, data: bytes) -> None:
        fh = self.files.get(day)
        if fh is None:
            path = self.dir / f"conv-{day}-{self.local_day}.jsonl"
            fh = self.files[day] = path.open("wb", buffering=1 << 20)
        fh.write(data)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def merge_stats(total: DayStats, day: DayStats) -> None:
    for name in (
        "conversations",
        "conversation_lines",
        "in_month",
        "participants",
        "participant_attributes",
        "sessions",
        "segments",
        "voice_rows",
        "bot_ms",
        "inbound_voice",
        "inbound_voice_cost_center",
        "ivr_only_no_department",
    ):
        setattr(total, name, getattr(total, name) + getattr(day, name))
    for sku, (sec, micro, legs) in day.voice.items():
        acc = total.voice.setdefault(sku, [0, 0, 0])
        acc[0] += sec
        acc[1] += micro
        acc[2] += legs
    for key, n in day.dept_conversations.items():
        total.dept_conversations[key] = total.dept_conversations.get(key, 0) + n
    for tag, ids in day.tagged.items():
        total.tagged.setdefault(tag, []).extend(ids)
    total.defects.extend(day.defects)
    total.in_progress.extend(day.in_progress)


def write_fragments(path: Path, frags: list[DayPresence]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for f in frags:
            fh.write(
                f"{f.idx}\t{f.login}\t{'' if f.logout is None else f.logout}\t"
                f"{'' if f.onq is None else f.onq}\t{f.n_presence}\t{f.n_routing}\t"
                f"{f.presence}\t{f.routing}\n"
            )


def run_days(
    job: Job,
    tasks: list[tuple[date, list[str]]],
    workers: int,
    on_outcome: Callable[[DayOutcome], None],
) -> None:
    """Simulate every day (in order when sequential); defects not injectable raise."""
    global _JOB
    _JOB = job
    pending: list[str] = []
    try:
        if workers > 1:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers) as pool:
                outcomes: Iterator[DayOutcome] = pool.imap(simulate_day, tasks)
                for outcome in outcomes:
                    if outcome.pending:
                        raise RuntimeError(f"could not inject defects {outcome.pending}")
                    on_outcome(outcome)
        else:
            for day, planned in tasks:
                outcome = simulate_day((day, pending + planned))
                pending = outcome.pending
                on_outcome(outcome)
    finally:
        _JOB = None
    if pending:
        raise RuntimeError(f"could not inject defects {pending}: too few conversations")

"""`generate()`: write one sandbox month of a fictitious Genesys Cloud org to a directory.

The month is simulated local day by local day (US Eastern): each day builds its roster, replays
its arrivals against the routing pools and streams the conversations, voice legs and presence
fragments to disk. Only accumulators (counts, a concurrency histogram, usage totals) cross days,
so memory does not grow with the number of conversations. The same seed gives byte-identical
files. The layout is documented in docs/sandbox-dataset.md, the injected defects in
docs/defects.md.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from fairshare.sandbox.gen_billing import Usage, api_usage, billing_files, invoice_lines
from fairshare.sandbox.gen_common import Month, iso
from fairshare.sandbox.gen_days import Job, assemble, collect, run_days
from fairshare.sandbox.gen_directory import CURRENCY, build_org
from fairshare.sandbox.gen_directory_json import directory_changes
from fairshare.sandbox.gen_output import (
    PRETTY,
    defect_user,
    expected_json,
    sandbox_json,
    write_billing,
    write_directory,
    write_user_details,
)
from fairshare.sandbox.gen_plan import (
    DEFECT_PLAN,
    FORCED_IN_MONTH,
    allocate,
    forced_conversations,
)
from fairshare.sandbox.gen_schedule import billed_peak, borrowed_agents
from fairshare.sandbox.gen_wire import DayStats

log = logging.getLogger("fairshare.sandbox")

MIN_CONVERSATIONS = 100
PARALLEL_FROM = 50_000  # from this size, days are simulated by two worker processes


def generate(
    out_dir: Path,
    month: str = "2026-10",
    conversations: int = 10_000,
    seed: int = 42,
    defects: bool = False,
) -> dict[str, Any]:
    """Write the sandbox dataset for `month` into `out_dir`; return a summary.

    `conversations` is the number of conversations starting inside the month (a few more start
    just before it). An existing dataset in `out_dir` is replaced; any other non-empty
    directory is refused.
    """
    started = time.perf_counter()
    m = Month.parse(month)
    if conversations < MIN_CONVERSATIONS:
        raise ValueError(f"conversations must be at least {MIN_CONVERSATIONS}")
    out = Path(out_dir)
    _prepare(out)
    log.info(
        "generating %s: %s conversations, seed %s%s into %s",
        month,
        f"{conversations:,}",
        seed,
        " with defects" if defects else "",
        out,
    )
    org = build_org(m, conversations, seed)
    borrowed = borrowed_agents(org)
    days = m.local_days()
    counts = allocate(org, days, conversations - FORCED_IN_MONTH)
    defect_days = {m.first + timedelta(days=d - 1): kind for kind, d in DEFECT_PLAN}
    tmp = out / ".tmp"
    tmp.mkdir()
    job = Job(org, seed, borrowed, counts, forced_conversations(org), m.generated_at_ms, tmp)
    month_stats = DayStats()
    hists: dict[date, dict[int, int]] = {}
    api_days: list[tuple[date, dict[str, int], dict[str, int]]] = []
    logged_in: dict[int, int] = {}  # user idx -> first login in the month
    tasks = [(day, [defect_days[day]] if defects and day in defect_days else []) for day in days]
    workers = min(2, os.cpu_count() or 1) if conversations >= PARALLEL_FROM else 1
    run_days(
        job,
        tasks,
        workers,
        lambda outcome: collect(outcome, month_stats, hists, api_days, logged_in),
    )
    assemble(out, tmp, days)
    presence_files = [(day, tmp / f"presence-{day.isoformat()}.tsv") for day in days]
    presence_counts, last_logins = write_user_details(out, org, presence_files)
    shutil.rmtree(tmp)

    # ---- concurrency, named users, billing ------------------------------------------------
    normal: dict[int, int] = {}
    every: dict[int, int] = {}
    for day, hist in hists.items():
        for level, ms in hist.items():
            every[level] = every.get(level, 0) + ms
            if day != org.crisis_day:
                normal[level] = normal.get(level, 0) + ms
    contracted = billed_peak(normal)
    peak = billed_peak(every)
    if peak <= contracted:
        raise RuntimeError("the crisis day did not raise the concurrent peak above the contract")
    above_ms = sum(ms for level, ms in every.items() if level > contracted)
    named: dict[str, int] = {}
    resources: dict[str, list[tuple[str, str]]] = {}
    for user in org.users:
        if user.idx in logged_in and not user.cx3:
            top = user.top_licence
            named[top] = named.get(top, 0) + 1
            # BillingUsageResource.date is a date-time (the SDK): the first login
            resources.setdefault(top, []).append((user.email, iso(logged_in[user.idx])))
    api_rows = api_usage(org, api_days, seed)
    usage = Usage(
        named=named,
        contracted=contracted,
        billed_peak=peak,
        voice=month_stats.voice,
        api_requests=sum(r["requestCount"] for r in api_rows),
        bot_ms=month_stats.bot_ms,
        cc_agents=sum(1 for u in org.users if u.role == "agent"),
        licensed_users=len(org.users),
        dids=len(org.dids),
        named_resources=resources,
    )
    lines, facts = invoice_lines(org, usage, defects)
    bill = billing_files(org, usage, lines, seed)

    # ---- files -------------------------------------------------------------------------------
    defect_idx = defect_user(org) if defects else None
    write_directory(out, org, last_logins, defect_idx)
    with (out / "api_usage.jsonl").open("wb") as fh:
        for row in api_rows:
            fh.write(orjson.dumps(row) + b"\n")
    write_billing(out, bill)

    changes = directory_changes(org, last_logins.get(org.mover_idx))
    sandbox = sandbox_json(org, changes, defects)
    (out / "sandbox.json").write_bytes(orjson.dumps(sandbox, option=PRETTY))

    counts_out = {
        "conversations": month_stats.conversations,
        "participants": month_stats.participants,
        "participant_attributes": month_stats.participant_attributes,
        "sessions": month_stats.sessions,
        "segments": month_stats.segments,
        "users": len(org.users),
        "queues": len(org.queues),
        "dids": len(org.dids),
        "presence_intervals": presence_counts[0],
        "routing_intervals": presence_counts[1],
        "api_usage_rows": len(api_rows),
        "invoice_lines": len(lines),
        "voice_usage_rows": month_stats.voice_rows,
        "conversation_lines": month_stats.conversation_lines,
        "conversations_in_month": month_stats.in_month,
        "divisions": len(org.divisions),
        "did_pools": len(org.did_pools),
        "customattributes": sum(1 for u in org.users if u.attr is not None),
        "license_definitions": 4,
        "license_user_rows": sum(len(u.licences) for u in org.users) + (1 if defects else 0),
        "directory_changes": len(changes),
        "oauth_clients": len(org.oauth_clients),
    }
    expected = expected_json(
        org,
        m,
        counts_out,
        month_stats,
        facts,
        bill,
        lines,
        borrowed,
        contracted,
        peak,
        above_ms,
        defect_idx,
        changes,
        defects,
        seed,
    )
    (out / "expected.json").write_bytes(orjson.dumps(expected, option=PRETTY))
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log.info(
        "wrote %s conversations (%s MiB) in %.1f s — invoice total %s %s",
        f"{month_stats.conversations:,}",
        f"{size / 2**20:,.0f}",
        elapsed,
        bill["total"],
        CURRENCY,
    )
    return {
        "out_dir": str(out),
        "month": m.label,
        "seed": seed,
        "defects": defects,
        "counts": counts_out,
        "seconds": round(elapsed, 3),
        "bytes": size,
        "conversations_per_second": round(month_stats.conversations / elapsed, 1),
        "invoice_total": f"{bill['total']:.2f}",
        "currency": CURRENCY,
    }


def _prepare(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a directory")
        if any(out.iterdir()):
            if not (out / "sandbox.json").exists():
                raise FileExistsError(f"{out} is not empty and holds no sandbox dataset")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

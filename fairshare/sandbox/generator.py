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
import math
import multiprocessing
import os
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from fairshare.sandbox.gen_billing import Usage, api_usage, billing_files, invoice_lines
from fairshare.sandbox.gen_common import (
    HOUR_MS,
    MIN_MS,
    OPEN,
    Month,
    iso,
    iso_date,
    local_midnight_ms,
    local_ms,
)
from fairshare.sandbox.gen_conversations import ENTRIES, DaySim, DayStats, voice_header
from fairshare.sandbox.gen_directory import (
    CURRENCY,
    ORG_NAME,
    SHIFTS,
    UNKNOWN_LICENCE,
    Org,
    build_org,
    customattribute_json,
    did_json,
    didpools_json,
    directory_changes,
    divisions_json,
    licence_definitions_json,
    licence_users_json,
    queue_json,
    schemas_json,
    user_json,
)
from fairshare.sandbox.gen_schedule import (
    DayPresence,
    billed_peak,
    borrowed_agents,
    build_roster,
    concurrency_histogram,
    finalize,
)

log = logging.getLogger("fairshare.sandbox")

DOW_WEIGHT = (1.15, 1.05, 1.0, 1.0, 0.95, 0.45, 0.25)
CRISIS_FACTOR = 1.6
# Defects injected with `defects=True`: (kind, day of month from which to inject it).
DEFECT_PLAN = (
    ("segment_end_before_start", 3),
    ("duplicate_conversation", 5),
    ("unknown_queue", 7),
    ("malformed_phone", 9),
    ("malformed_phone_short", 11),
    ("missing_segment_end", 13),
)
FORCED_IN_MONTH = 10  # scripted conversations that start inside the month
MIN_CONVERSATIONS = 100
PARALLEL_FROM = 50_000  # from this size, days are simulated by two worker processes
_PJ = orjson.OPT_INDENT_2


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
    counts = _allocate(org, days, conversations - FORCED_IN_MONTH)
    forced = _forced(org)
    defect_days = {m.first + timedelta(days=d - 1): kind for kind, d in DEFECT_PLAN}
    cutoff = m.generated_at_ms
    tmp = out / ".tmp"
    tmp.mkdir()
    global _JOB
    _JOB = _Job(org, seed, borrowed, counts, forced, cutoff, tmp)
    month_stats = DayStats()
    hists: dict[date, dict[int, int]] = {}
    api_days: list[tuple[date, dict[str, int], dict[str, int]]] = []
    logged_in: dict[int, int] = {}  # user idx -> first login in the month
    tasks = [(day, [defect_days[day]] if defects and day in defect_days else []) for day in days]
    workers = min(2, os.cpu_count() or 1) if conversations >= PARALLEL_FROM else 1
    pending: list[str] = []
    try:
        if workers > 1:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers) as pool:
                outcomes: Iterator[_DayOutcome] = pool.imap(_simulate_day, tasks)
                for outcome in outcomes:
                    if outcome.pending:
                        raise RuntimeError(f"could not inject defects {outcome.pending}")
                    _collect(outcome, month_stats, hists, api_days, logged_in)
        else:
            for day, planned in tasks:
                outcome = _simulate_day((day, pending + planned))
                pending = outcome.pending
                _collect(outcome, month_stats, hists, api_days, logged_in)
    finally:
        _JOB = None
    if pending:
        raise RuntimeError(f"could not inject defects {pending}: too few conversations")
    _assemble(out, tmp, days)
    day_presence_files = [(day, tmp / f"presence-{day.isoformat()}.tsv") for day in days]

    presence_counts, last_logins = _write_user_details(out, org, day_presence_files)
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
            resources.setdefault(top, []).append((user.email, iso_date(logged_in[user.idx])))
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
    defect_user = _defect_user(org) if defects else None
    _write_directory(out, org, last_logins, defect_user)
    with (out / "api_usage.jsonl").open("wb") as fh:
        for row in api_rows:
            fh.write(orjson.dumps(row) + b"\n")
    billing = out / "billing"
    (billing / "billingperiods").mkdir(parents=True)
    (billing / "invoice_lines").mkdir()
    (billing / "contracts.json").write_bytes(orjson.dumps([bill["contract"]], option=_PJ))
    (billing / "billingperiods" / f"{bill['period_id']}.json").write_bytes(
        orjson.dumps(bill["period"], option=_PJ)
    )
    (billing / "invoices.json").write_bytes(orjson.dumps([bill["invoice"]], option=_PJ))
    (billing / "invoice_lines" / f"{bill['invoice_id']}.json").write_bytes(
        orjson.dumps(bill["lines"], option=_PJ)
    )
    (billing / "invoice_lines.csv").write_text(bill["csv"], encoding="utf-8")
    (billing / "billable_usage.json").write_bytes(orjson.dumps(bill["billable_usage"], option=_PJ))

    changes = directory_changes(org, last_logins.get(org.mover_idx))
    snapshots = sorted({iso(m.start_ms), *(c["effectiveAt"] for c in changes)})
    sandbox = {
        "month": m.label,
        "seed": seed,
        "conversations": conversations,
        "orgName": ORG_NAME,
        "homeCountry": "US",
        "clientId": org.client_id,
        "clientSecret": org.client_secret,
        "piiKey": org.pii_key,
        "currency": CURRENCY,
        "directorySnapshots": snapshots,
        "generatedAt": iso(cutoff),
        "timezone": "America/New_York",
        "defects": defects,
        "presenceDefinitions": {pid: name for name, pid in org.presence_ids.items()},
        "wrapUpCodes": {wid: name for name, wid in org.wrapup_codes.items()},
    }
    (out / "sandbox.json").write_bytes(orjson.dumps(sandbox, option=_PJ))

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
    expected = _expected(
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
        defect_user,
        changes,
        defects,
        seed,
    )
    (out / "expected.json").write_bytes(orjson.dumps(expected, option=_PJ))
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


# ------------------------------------------------------------------------------------ planning


def _prepare(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a directory")
        if any(out.iterdir()):
            if not (out / "sandbox.json").exists():
                raise FileExistsError(f"{out} is not empty and holds no sandbox dataset")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _mix_cdf(h: float) -> float:
    """CDF (local decimal hours) of the intraday arrival curve used by `DaySim.sample_hour`."""
    h = min(max(h, 0.0), 24.0)

    def norm(mu: float, sigma: float) -> float:
        return 0.5 * (1 + math.erf((h - mu) / (sigma * math.sqrt(2))))

    uniform_day = min(max((h - 7.0) / 13.0, 0.0), 1.0)
    return 0.40 * norm(10.0, 1.3) + 0.35 * norm(14.0, 1.5) + 0.20 * uniform_day + 0.05 * h / 24


def _allocate(org: Org, days: list[date], total: int) -> dict[date, int]:
    """Random arrivals per local day: weekday pattern, crisis surge, month-edge windows."""
    m = org.month
    weights: dict[date, float] = {}
    for day in days:
        midnight = local_midnight_ms(day)
        lo = max(midnight, m.start_ms)
        hi = min(local_midnight_ms(day + timedelta(1)), m.end_ms)
        if lo >= hi:
            continue
        share = _mix_cdf((hi - midnight) / HOUR_MS) - _mix_cdf((lo - midnight) / HOUR_MS)
        weight = DOW_WEIGHT[day.weekday()] * share
        if day == org.crisis_day:
            weight *= CRISIS_FACTOR
        weights[day] = weight
    scale = total / sum(weights.values())
    raw = {d: w * scale for d, w in weights.items()}
    out = {d: int(v) for d, v in raw.items()}
    short = total - sum(out.values())
    for d in sorted(raw, key=lambda d: (-(raw[d] - out[d]), d))[:short]:
        out[d] += 1
    return out


def _forced(org: Org) -> dict[date, list[tuple[int, int, str, Any]]]:
    """The scripted conversations: guide cases and month-boundary calls."""
    m = org.month
    main = ENTRIES[0]
    out: dict[date, list[tuple[int, int, str, Any]]] = {}
    seq = 10**9

    def add(day: date, t: int, spec: dict[str, Any]) -> None:
        nonlocal seq
        seq += 1
        out.setdefault(day, []).append((t, seq, "in_voice", spec))

    g = org.guide_day
    t0 = local_ms(g, 10.0)
    add(
        g,
        t0,
        {
            "tag": "guide_transfer",
            "entry": main,
            "dept": "SALES",
            "queue": "SALES_Inbound_Tier1",
            "path": "queue",
            "attrs": {"Cost_Center": "SALES", "Language": "en-US"},
            "ivr_ms": 60_000,
            "legs": [
                {
                    "wait_ms": 4_000,
                    "alert_ms": 2_000,
                    "talk_ms": 54_000,
                    "wrap_ms": 30_000,
                    "outcome": "blind",
                    "target": "SUPPORT_Technical",
                },
                {
                    "wait_ms": 30_000,
                    "alert_ms": 5_000,
                    "talk_ms": 3_505_000,
                    "wrap_ms": 60_000,
                    "outcome": "none",
                    "wrap_code": "Resolved",
                },
            ],
        },
    )
    for k, ivr_ms in enumerate((35_200, 48_700, 72_100)):
        add(
            g,
            local_ms(g, 10.25 + k / 6),
            {"tag": "guide_ivr_abandon", "entry": main, "path": "abandon", "ivr_ms": ivr_ms},
        )
    before = m.first - timedelta(days=1)
    for k, minutes in enumerate((15, 11, 7)):
        add(
            before,
            m.start_ms - minutes * MIN_MS + 1_234 * k,
            {
                "tag": "starts_before_month",
                "entry": main,
                "dept": "SUPPORT",
                "queue": "SUPPORT_Technical",
                "path": "queue",
                "legs": [
                    {
                        "wait_ms": 20_000,
                        "alert_ms": 3_000,
                        "talk_ms": (25 + k) * MIN_MS,
                        "wrap_ms": 45_000,
                        "outcome": "none",
                    }
                ],
            },
        )
    for k, minutes in enumerate((20, 17, 14)):
        add(
            m.last,
            m.end_ms - minutes * MIN_MS + 2_345 * k,
            {
                "tag": "ends_after_month",
                "entry": main,
                "dept": "SUPPORT",
                "queue": "SUPPORT_Technical",
                "path": "queue",
                "ivr_ms": 45_000,
                "legs": [
                    {
                        "wait_ms": 20_000,
                        "alert_ms": 3_000,
                        "talk_ms": 24 * MIN_MS,
                        "wrap_ms": 45_000,
                        "outcome": "none",
                    }
                ],
            },
        )
    for k, minutes in enumerate((10, 8, 6)):
        add(
            m.last,
            m.end_ms - minutes * MIN_MS + 3_456 * k,
            {
                "tag": "in_progress",
                "entry": main,
                "dept": "SUPPORT",
                "queue": "SUPPORT_Technical",
                "path": "queue",
                "ivr_ms": 45_000,
                "legs": [
                    {
                        "wait_ms": 20_000,
                        "alert_ms": 3_000,
                        "talk_ms": 60 * MIN_MS,
                        "wrap_ms": 45_000,
                        "outcome": "none",
                    }
                ],
            },
        )
    return out


# ------------------------------------------------------------------------------------ days


@dataclass
class _Job:
    """What every day task needs (inherited by forked workers)."""

    org: Org
    seed: int
    borrowed: list[int]
    counts: dict[date, int]
    forced: dict[date, list[tuple[int, int, str, Any]]]
    cutoff: int
    tmp: Path


@dataclass
class _DayOutcome:
    day: date
    stats: DayStats
    hist: dict[int, int]
    agent_ms: dict[str, int]
    firsts: dict[int, int]
    pending: list[str]
    agents: int
    in_month: bool


_JOB: _Job | None = None


def _simulate_day(task: tuple[date, list[str]]) -> _DayOutcome:
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
            day == org.crisis_day,
            midnight,
        )
        arrivals = sim.arrivals(job.counts.get(day, 0), lo, hi) if lo < hi else []
        arrivals += job.forced.get(day, [])
        arrivals.sort(key=lambda a: (a[0], a[1]))
        stats = sim.run(arrivals)
    router.close()
    frags = [finalize(ag, org, job.cutoff) for ag in roster.agents]
    _write_fragments(job.tmp / f"presence-{day.isoformat()}.tsv", frags)
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
    return _DayOutcome(
        day=day,
        stats=stats,
        hist=concurrency_histogram(cx3, m.start_ms, m.end_ms),
        agent_ms=agent_ms,
        firsts=firsts,
        pending=sim.pending_defects,
        agents=sum(1 for a in roster.agents if a.onq is not None),
        in_month=lo < hi,
    )


def _collect(
    outcome: _DayOutcome,
    total: DayStats,
    hists: dict[date, dict[int, int]],
    api_days: list[tuple[date, dict[str, int], dict[str, int]]],
    logged_in: dict[int, int],
) -> None:
    _merge_stats(total, outcome.stats)
    hists[outcome.day] = outcome.hist
    for idx, first in outcome.firsts.items():
        if idx not in logged_in:
            logged_in[idx] = first
    if outcome.in_month:
        api_days.append((outcome.day, dict(outcome.stats.dept_conversations), outcome.agent_ms))
    log.info(
        "%s: %s conversations, %s agents logged in",
        outcome.day.isoformat(),
        f"{outcome.stats.conversations:,}",
        outcome.agents,
    )


def _assemble(out: Path, tmp: Path, days: list[date]) -> None:
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


# ------------------------------------------------------------------------------------ output


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


def _merge_stats(total: DayStats, day: DayStats) -> None:
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


def _write_fragments(path: Path, frags: list[DayPresence]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for f in frags:
            fh.write(
                f"{f.idx}\t{f.login}\t{'' if f.logout is None else f.logout}\t"
                f"{'' if f.onq is None else f.onq}\t{f.n_presence}\t{f.n_routing}\t"
                f"{f.presence}\t{f.routing}\n"
            )


def _fragments(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _write_user_details(
    out: Path, org: Org, day_files: list[tuple[date, Path]]
) -> tuple[tuple[int, int], dict[int, int]]:
    """Stitch the daily fragments into one `user_details.jsonl` line per user.

    Returns the presence/routing interval counts and each user's last login before the month.
    """
    m = org.month
    pid = org.presence_ids
    readers = [(day, _fragments(path)) for day, path in day_files]
    heads: list[list[str] | None] = [next(it, None) for _d, it in readers]
    first_day = day_files[0][0]
    n_pres = n_rout = 0
    last_logins: dict[int, int] = {}

    def off(start: int, end: int | None) -> str:
        if end is None:
            return (
                f'{{"startTime":"{iso(start)}","systemPresence":"OFFLINE",'
                f'"organizationPresenceId":"{pid["OFFLINE"]}"}}'
            )
        return (
            f'{{"startTime":"{iso(start)}","endTime":"{iso(end)}","systemPresence":"OFFLINE",'
            f'"organizationPresenceId":"{pid["OFFLINE"]}"}}'
        )

    def offq(start: int, end: int | None) -> str:
        if end is None:
            return f'{{"startTime":"{iso(start)}","routingStatus":"OFF_QUEUE"}}'
        return f'{{"startTime":"{iso(start)}","endTime":"{iso(end)}","routingStatus":"OFF_QUEUE"}}'

    with (out / "user_details.jsonl").open("w", encoding="utf-8") as fh:
        for user in org.users:
            frags: list[tuple[date, list[str]]] = []
            for k, (day, it) in enumerate(readers):
                head = heads[k]
                if head is not None and int(head[0]) == user.idx:
                    frags.append((day, head))
                    heads[k] = next(it, None)
            anchor = _previous_logout(org, user)
            last_login = anchor - 8 * HOUR_MS
            pres: list[str] = []
            rout: list[str] = []
            prev: int | None = anchor
            prev_r: int | None = anchor
            agent = user.role == "agent"
            for day, f in frags:
                login = int(f[1])
                logout = int(f[2]) if f[2] else None
                onq = int(f[3]) if f[3] else None
                if day == first_day:
                    last_login = login
                    if logout is not None and logout <= m.start_ms:
                        prev = prev_r = logout
                        continue
                assert prev is not None
                pres.append(off(prev, login))
                pres.append(f[6])
                n_pres += 1 + int(f[4])
                if agent and onq is not None and prev_r is not None:
                    rout.append(offq(prev_r, onq))
                    if f[7]:
                        rout.append(f[7])
                    n_rout += 1 + int(f[5])
                    prev_r = logout
                prev = logout
                if logout is None:
                    break
            if prev is not None:
                pres.append(off(prev, None))
                n_pres += 1
            if not agent or not frags:
                rout = [offq(anchor, None)]
                n_rout += 1
            elif prev_r is not None:
                rout.append(offq(prev_r, None))
                n_rout += 1
            last_logins[user.idx] = last_login
            fh.write(
                f'{{"userId":"{user.id}","primaryPresence":[{",".join(pres)}],'
                f'"routingStatus":[{",".join(rout)}]}}\n'
            )
    return (n_pres, n_rout), last_logins


def _previous_logout(org: Org, user: Any) -> int:
    """The user's (synthetic) last logout before the simulated days."""
    first = org.month.first - timedelta(days=1)
    if user.on_leave:
        return local_ms(first - timedelta(days=45), 17.0) + user.idx * 1_000
    for back in range(1, 9):
        day = first - timedelta(days=back)
        if day.weekday() in user.weekdays:
            return local_ms(day, SHIFTS[user.shift][1]) + (user.idx * 7_919) % 900_000
    return local_ms(first - timedelta(days=7), 17.0)


def _defect_user(org: Org) -> int:
    return next(
        u.idx
        for u in org.users
        if u.role == "backoffice" and u.licences == ("communicate",) and not u.on_leave
    )


def _write_directory(
    out: Path, org: Org, last_logins: dict[int, int], defect_user: int | None
) -> None:
    def dump(name: str, obj: Any) -> None:
        (out / name).write_bytes(orjson.dumps(obj, option=_PJ))

    dump("divisions.json", divisions_json(org))
    dump("users.json", [user_json(org, u, last_logins.get(u.idx)) for u in org.users])
    dump("customattributes_schemas.json", schemas_json(org))
    dump(
        "customattributes.json",
        [customattribute_json(org, u, u.attr) for u in org.users if u.attr is not None],
    )
    dump("queues.json", [queue_json(org, q) for q in org.queues.values()])
    dump("dids.json", [did_json(org, d) for d in org.dids])
    dump("didpools.json", didpools_json(org))
    dump("license_definitions.json", licence_definitions_json())
    dump("license_users.json", licence_users_json(org, defect_user))
    with (out / "directory_changes.jsonl").open("wb") as fh:
        for change in directory_changes(org, last_logins.get(org.mover_idx)):
            fh.write(orjson.dumps(change) + b"\n")


def _expected(
    org: Org,
    m: Month,
    counts: dict[str, int],
    st: DayStats,
    facts: dict[str, Any],
    bill: dict[str, Any],
    lines: list[Any],
    borrowed: list[int],
    contracted: int,
    peak: int,
    above_ms: int,
    defect_user: int | None,
    changes: list[dict[str, Any]],
    defects: bool,
    seed: int,
) -> dict[str, Any]:
    users = org.users
    guide_id = st.tagged["guide_transfer"][0]
    g0 = local_ms(org.guide_day, 10.0)
    s = 1000
    timeline = {
        "ivr": [iso(g0), iso(g0 + 60 * s)],
        "sales_queue": [iso(g0 + 60 * s), iso(g0 + 64 * s)],
        "sales_agent_alert": [iso(g0 + 64 * s), iso(g0 + 66 * s)],
        "sales_agent_talk": [iso(g0 + 66 * s), iso(g0 + 120 * s)],
        "sales_agent_wrapup": [iso(g0 + 120 * s), iso(g0 + 150 * s)],
        "support_queue": [iso(g0 + 120 * s), iso(g0 + 150 * s)],
        "support_agent_alert": [iso(g0 + 150 * s), iso(g0 + 155 * s)],
        "support_agent_talk": [iso(g0 + 155 * s), iso(g0 + 3660 * s)],
        "support_agent_wrapup": [iso(g0 + 3660 * s), iso(g0 + 3720 * s)],
        "customer_leg": [iso(g0), iso(g0 + 3660 * s)],
    }
    messy = []
    for u in users:
        if u.messy is None:
            continue
        entry: dict[str, Any] = {
            "userId": u.id,
            "name": u.name,
            "kind": u.messy,
            "department": u.department,
            "costCenterAttribute": u.attr,
            "expectedCostCenter": None if u.messy == "untagged" else u.cost_center,
        }
        if u.messy == "mover":
            entry.update(
                movedAt=iso(org.move_at_ms),
                fromCostCenter="SALES",
                toCostCenter="SUPPORT",
                departmentAfter="Support",
            )
        messy.append(entry)
    defect_list: list[dict[str, Any]] = [dict(rec) for rec in st.defects]
    if defects:
        assert defect_user is not None
        defect_list.append(
            {"kind": "unknown_licence", "userId": users[defect_user].id, "licence": UNKNOWN_LICENCE}
        )
        mystery_line = next(i for i, ln in enumerate(lines, 1) if ln.sku == "GC-MYSTERY-ADDON")
        defect_list.append(
            {
                "kind": "unknown_invoice_sku",
                "invoiceId": bill["invoice_id"],
                "lineId": f"L{mystery_line:03d}",
                "sku": "GC-MYSTERY-ADDON",
            }
        )
    inbound = st.inbound_voice
    return {
        "month": m.label,
        "seed": seed,
        "defects_injected": defects,
        "counts": counts,
        "guide_cases": {
            "toll_free_transfer": {
                "conversationId": guide_id,
                "did": ENTRIES[0][1],
                "costCenterAttribute": "SALES",
                "salesQueue": "SALES_Inbound_Tier1",
                "supportQueue": "SUPPORT_Technical",
                "timeline": timeline,
                "salesMs": 60_000,
                "supportMs": 3_540_000,
                "billedSeconds": 3660,
                "cost": "0.915000",
            },
            "ivr_abandons": {
                "conversationIds": st.tagged["guide_ivr_abandon"],
                "ivrSeconds": ["35.2", "48.7", "72.1"],
                "ivrOnlyWithoutDepartmentInMonth": st.ivr_only_no_department,
            },
            "crisis_day": {
                "date": org.crisis_day.isoformat(),
                "borrowedUserIds": [users[i].id for i in borrowed],
                "fromCostCenter": "SALES",
                "toCostCenter": "SUPPORT",
                "contractedConcurrent": contracted,
                "billedPeak": peak,
                "overage": peak - contracted,
                "minutesAboveContract": str(Decimal(above_ms) / 60_000),
            },
        },
        "boundary": {
            "startsBeforeMonth": st.tagged.get("starts_before_month", []),
            "endsAfterMonth": st.tagged.get("ends_after_month", []),
            "inProgress": st.in_progress,
        },
        "cost_center_attribute": {
            "inboundVoice": inbound,
            "withCostCenter": st.inbound_voice_cost_center,
            "share": f"{st.inbound_voice_cost_center / inbound:.4f}" if inbound else "0",
            "placedOn": "customer participant attributes",
        },
        "messy_users": messy,
        "directory_changes": [
            {
                "effectiveAt": c["effectiveAt"],
                "resource": c["resource"],
                "id": c["object"].get("id"),
            }
            for c in changes
        ],
        "invoice": {
            "invoiceId": bill["invoice_id"],
            "amount": f"{bill['total']:.2f}",
            "lines": {
                ln.sku: {
                    "quantity": format(ln.quantity.normalize(), "f"),
                    "amount": f"{ln.amount:.2f}",
                }
                for ln in lines
            },
            **facts,
        },
        "queues": [
            {"id": q.id, "name": q.name, "pool": q.pool, "costCenter": q.cost_center}
            for q in org.queues.values()
        ],
        "oauth_clients": [
            {"id": c.id, "name": c.name, "costCenter": c.cost_center} for c in org.oauth_clients
        ],
        "dids": [
            {"phoneNumber": d.number, "costCenter": d.dept, "ownerType": d.owner_type}
            for d in org.dids
        ],
        "defects": defect_list,
    }

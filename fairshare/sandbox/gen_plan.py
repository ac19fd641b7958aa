"""What the month holds before it is simulated: arrivals per day and scripted conversations."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from fairshare.sandbox.gen_common import HOUR_MS, MIN_MS, local_midnight_ms, local_ms
from fairshare.sandbox.gen_conversations import ENTRIES
from fairshare.sandbox.gen_directory import Org

DOW_WEIGHT = (1.15, 1.05, 1.0, 1.0, 0.95, 0.45, 0.25)
CRISIS_FACTOR = 1.6
BURST_DAY_FACTOR = 1.5  # a scenario month's campaign burst day (gen_profile.MonthProfile.bursts)
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


def mix_cdf(h: float) -> float:
    """CDF (local decimal hours) of the intraday arrival curve used by `DaySim.sample_hour`."""
    h = min(max(h, 0.0), 24.0)

    def norm(mu: float, sigma: float) -> float:
        return 0.5 * (1 + math.erf((h - mu) / (sigma * math.sqrt(2))))

    uniform_day = min(max((h - 7.0) / 13.0, 0.0), 1.0)
    return 0.40 * norm(10.0, 1.3) + 0.35 * norm(14.0, 1.5) + 0.20 * uniform_day + 0.05 * h / 24


def allocate(org: Org, days: list[date], total: int) -> dict[date, int]:
    """Random arrivals per local day: weekday pattern, crisis surge, month-edge windows."""
    m = org.month
    weights: dict[date, float] = {}
    for day in days:
        midnight = local_midnight_ms(day)
        lo = max(midnight, m.start_ms)
        hi = min(local_midnight_ms(day + timedelta(1)), m.end_ms)
        if lo >= hi:
            continue
        share = mix_cdf((hi - midnight) / HOUR_MS) - mix_cdf((lo - midnight) / HOUR_MS)
        weight = DOW_WEIGHT[day.weekday()] * share
        if day == org.crisis_day and org.has_crisis:
            weight *= CRISIS_FACTOR
        if org.profile is not None and org.profile.burst_departments(day.day):
            weight *= BURST_DAY_FACTOR
        weights[day] = weight
    scale = total / sum(weights.values())
    raw = {d: w * scale for d, w in weights.items()}
    out = {d: int(v) for d, v in raw.items()}
    short = total - sum(out.values())
    for d in sorted(raw, key=lambda d: (-(raw[d] - out[d]), d))[:short]:
        out[d] += 1
    return out


def forced_conversations(org: Org) -> dict[date, list[tuple[int, int, str, Any]]]:
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

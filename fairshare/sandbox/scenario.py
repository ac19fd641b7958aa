"""A sandbox story over several months, so month-over-month pages and tests have something real.

Month 1 is the baseline month (`generate()` without a profile: byte for byte the single-month
sandbox, crisis day included). From month 2 on (`MonthProfile`, gen_profile.py):

- **Support grows**: +25 % of the inbound traffic and +20 % agents per month (chats, emails and
  messages too), and the month's conversations grow by 8 % a month;
- **a price change**: from month 2 the vendor charges 10 % more per toll-free minute and
  USD 99.00 instead of 95.00 per CX 1 named user;
- **no crisis** after month 1 (no borrowed agents, no SLA credit line: a product that disappears
  from the invoice);
- **Sales starts a burst pattern** in month 3: campaign days (the 2nd and 4th Wednesday) on which
  its traffic is x2.5 and every Sales agent is logged in for a long day;
- **the contract stays**: the prepaid concurrent users of month 1 are kept (growth now buys
  overage);
- **a few named users barely log in**: 3 back-office users log in on 2 days only.

Each month is its own directory draw (user and queue ids differ between months; cost centers,
queues' names and products are the same), like `generate()` for any month.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fairshare.sandbox.gen_common import Month
from fairshare.sandbox.gen_profile import MonthProfile
from fairshare.sandbox.generator import generate

log = logging.getLogger("fairshare.sandbox")

SUPPORT_VOLUME_GROWTH = 0.25  # per month, of Support's share of the inbound traffic
SUPPORT_HEADCOUNT_GROWTH = 0.20  # per month, of Support's agents
CONVERSATION_GROWTH = 0.08  # per month, of the month's conversations
TOLL_FREE_RATE_CHANGE = Decimal("1.10")
CX1_NEW_PRICE = Decimal("99.00")
BURST_FROM_MONTH = 3
LOW_USE_USERS = 3


@dataclass(frozen=True)
class ScenarioMonth:
    """One month of the story: its number (1 = baseline), label, size and behaviour."""

    number: int
    month: str
    conversations: int
    profile: MonthProfile | None


def month_label(first_month: str, offset: int) -> str:
    year, month = (int(part) for part in first_month.split("-"))
    index = year * 12 + month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _wednesdays(label: str, which: tuple[int, ...]) -> tuple[int, ...]:
    m = Month.parse(label)
    days = [
        d.day
        for d in (m.first + timedelta(days=k) for k in range(31))
        if d.month == m.first.month and d.weekday() == 2
    ]
    return tuple(days[n - 1] for n in which if n <= len(days))


def plan(
    first_month: str,
    months: int,
    conversations: int,
    contracted: int | None = None,
    burst_from: int = BURST_FROM_MONTH,
) -> list[ScenarioMonth]:
    """The months of the story. `contracted`: month 1's prepaid concurrent users (the generator
    computes it; `generate_scenario` reads it back from month 1's expected.json). `burst_from`:
    the month Sales starts its bursts (2 puts every change of the story into month 2)."""
    out: list[ScenarioMonth] = []
    for number in range(1, months + 1):
        label = month_label(first_month, number - 1)
        size = round(conversations * (1 + CONVERSATION_GROWTH * (number - 1)))
        if number == 1:
            out.append(ScenarioMonth(number, label, size, None))
            continue
        grown = number - 1
        profile = MonthProfile(
            volume={"SUPPORT": 1 + SUPPORT_VOLUME_GROWTH * grown},
            headcount={"SUPPORT": 1 + SUPPORT_HEADCOUNT_GROWTH * grown},
            prices={"GC-CX1-NAMED": CX1_NEW_PRICE},
            telecom_rates={"toll_free": TOLL_FREE_RATE_CHANGE},
            crisis=False,
            bursts=({"SALES": _wednesdays(label, (2, 4))} if number >= burst_from else {}),
            contracted_concurrent=contracted,
            low_use_users=LOW_USE_USERS,
        )
        out.append(ScenarioMonth(number, label, size, profile))
    return out


def contracted_of(month_dir: Path) -> int:
    """The prepaid concurrent users of a generated month (expected.json)."""
    expected = json.loads((month_dir / "expected.json").read_text())
    return int(_find(expected, "contractedConcurrent"))


def _find(doc: Any, key: str) -> Any:
    if isinstance(doc, dict):
        if key in doc:
            return doc[key]
        for value in doc.values():
            found = _find(value, key)
            if found is not None:
                return found
    elif isinstance(doc, list):
        for value in doc:
            found = _find(value, key)
            if found is not None:
                return found
    return None


def generate_month(out_dir: Path, step: ScenarioMonth, seed: int) -> dict[str, Any]:
    """Write one month of the story into `out_dir` (replaced when it holds a dataset)."""
    log.info(
        "scenario month %d (%s): %s conversations%s",
        step.number,
        step.month,
        f"{step.conversations:,}",
        "" if step.profile is None else " (profile)",
    )
    return generate(
        out_dir, month=step.month, conversations=step.conversations, seed=seed, profile=step.profile
    )


def generate_scenario(
    out_dir: Path,
    first_month: str = "2026-10",
    months: int = 3,
    conversations: int = 1500,
    seed: int = 7,
) -> list[ScenarioMonth]:
    """Write every month of the story under `out_dir/<month>/`; return the plan."""
    steps = plan(first_month, months, conversations)
    generate_month(out_dir / steps[0].month, steps[0], seed)
    contracted = contracted_of(out_dir / steps[0].month)
    steps = plan(first_month, months, conversations, contracted)
    for step in steps[1:]:
        generate_month(out_dir / step.month, step, seed)
    return steps

"""Shared helpers of the sandbox generator: instants, ids, random draws, the month's calendar.

Everything here is deterministic: instants are integer epoch milliseconds formatted the way
Genesys writes them (`2026-10-14T09:00:03.120Z`), ids come from a seeded `random.Random`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from statistics import NormalDist
from typing import TypeVar
from zoneinfo import ZoneInfo

T = TypeVar("T")

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MIN_MS = 60_000
SEC_MS = 1000
OPEN = 2**62  # an end that has not happened yet

LOCAL_TZ = ZoneInfo("America/New_York")  # the contact center works US Eastern hours
_EPOCH_DATE = date(1970, 1, 1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_PREFIXES: dict[int, str] = {}
_DATES: dict[int, str] = {}


def _day_text(day: int) -> str:
    text = _DATES.get(day)
    if text is None:
        text = (_EPOCH_DATE + timedelta(days=day)).isoformat()
        _DATES[day] = text
        _PREFIXES[day] = text + "T"
    return text


_MINUTES: dict[int, str] = {}
_IN_MINUTE = [f"{i // 1000:02d}.{i % 1000:03d}Z" for i in range(60_000)]  # "SS.mmmZ"


def _minute_prefix(minute: int) -> str:
    day, rest = divmod(minute, 1440)
    prefix = _PREFIXES.get(day)
    if prefix is None:
        _day_text(day)
        prefix = _PREFIXES[day]
    hours, minutes = divmod(rest, 60)
    text = f"{prefix}{hours:02d}:{minutes:02d}:"
    if len(_MINUTES) > 200_000:
        _MINUTES.clear()
    _MINUTES[minute] = text
    return text


def iso(ms: int) -> str:
    """`YYYY-MM-DDTHH:MM:SS.mmmZ` of an epoch-millisecond instant."""
    minute, rest = divmod(ms, 60_000)
    prefix = _MINUTES.get(minute)
    if prefix is None:
        prefix = _minute_prefix(minute)
    return prefix + _IN_MINUTE[rest]


def iso_date(ms: int) -> str:
    """`YYYY-MM-DD` (UTC) of an epoch-millisecond instant."""
    return _day_text(ms // DAY_MS)


def parse_ms(text: str) -> int:
    """Epoch ms of an instant written by `iso` (or any ISO-8601 UTC instant)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (value - _EPOCH) // timedelta(milliseconds=1)


def date_ms(day: date) -> int:
    """Epoch ms of a UTC midnight."""
    return (day - _EPOCH_DATE).days * DAY_MS


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def new_uuid(rng: random.Random) -> str:
    """A version-4 UUID (RFC 4122 variant) made of 16 bytes drawn from `rng`."""
    s = rng.randbytes(16).hex()
    return f"{s[:8]}-{s[8:12]}-4{s[13:16]}-{_VARIANT[s[16]]}{s[17:20]}-{s[20:]}"


# Standard normal quantiles at 8,192 evenly spaced probabilities: drawing an index with
# `random()` is several times faster than `gauss()` and plenty for simulated durations.
_NORMAL = [NormalDist().inv_cdf((i + 0.5) / 8192) for i in range(8192)]


def std_normal(rng: random.Random) -> float:
    """A standard normal draw (from the quantile table)."""
    return _NORMAL[int(rng.random() * 8192)]


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One element of a non-empty sequence, uniformly."""
    return items[int(rng.random() * len(items))]


def lognormal_ms(
    rng: random.Random, median_s: float, sigma: float, lo_s: float, hi_s: float
) -> int:
    """A lognormal duration in ms with the given median (seconds), clipped to [lo_s, hi_s]."""
    value = median_s * math.exp(sigma * _NORMAL[int(rng.random() * 8192)])
    if value < lo_s:
        value = lo_s
    elif value > hi_s:
        value = hi_s
    return int(value * 1000)


def weighted(rng: random.Random, cumulative: list[float], items: list[str]) -> str:
    """One of `items` drawn with the cumulative weights `cumulative` (last one = total)."""
    x = rng.random() * cumulative[-1]
    for weight, item in zip(cumulative, items, strict=True):
        if x < weight:
            return item
    return items[-1]


def cumulate(weights: list[float]) -> list[float]:
    out: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


@dataclass(frozen=True)
class Month:
    """The billing month (UTC) and the local (US Eastern) days the simulation walks."""

    label: str  # "2026-10"
    first: date
    last: date
    start_ms: int
    end_ms: int  # exclusive

    @classmethod
    def parse(cls, label: str) -> Month:
        try:
            year, month = (int(part) for part in label.split("-"))
            first = date(year, month, 1)
        except ValueError as exc:
            raise ValueError(f"month must look like 2026-10, got {label!r}") from exc
        nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return cls(label, first, nxt - timedelta(days=1), date_ms(first), date_ms(nxt))

    @property
    def generated_at_ms(self) -> int:
        """The dataset's clock: 15 minutes after the month ends (a few calls still run)."""
        return self.end_ms + 15 * MIN_MS

    def local_days(self) -> list[date]:
        """Local days overlapping the UTC month: the day before the first, up to the last."""
        days = []
        day = self.first - timedelta(days=1)
        while day <= self.last:
            days.append(day)
            day += timedelta(days=1)
        return days

    def nth_weekday(self, weekday: int, n: int) -> date:
        """The n-th (1-based) given weekday (0 = Monday) of the month."""
        day = self.first
        while day.weekday() != weekday:
            day += timedelta(days=1)
        return day + timedelta(days=7 * (n - 1))

    def title(self) -> str:
        return self.first.strftime("%B %Y")


def local_midnight_ms(day: date) -> int:
    """Epoch ms of 00:00 US Eastern on `day`."""
    return int(datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).timestamp() * 1000)


def local_ms(day: date, hour: float) -> int:
    """Epoch ms of `hour` (decimal hours) US Eastern on `day` (DST-correct for the day)."""
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=LOCAL_TZ).utcoffset()
    assert offset is not None
    base = date_ms(day) - int(offset.total_seconds() * 1000)
    return base + round(hour * HOUR_MS)


def utc_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)

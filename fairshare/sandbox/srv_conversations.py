"""Conversation detail records served straight from `conversations/YYYY-MM-DD.jsonl`.

A 1M-conversation month is ~3 GB, so nothing is loaded whole:

- a lightweight index per day file (conversationStart/End in epoch ms, byte offset and length of
  each line, sorted by start) is built lazily on first use and cached (keyed by the file's size
  and mtime); the start/end are read with a regex from the raw line (falling back to a full JSON
  parse when the line is ambiguous), never by re-serialising;
- a results page is assembled by concatenating the raw JSON lines (contiguous lines are read with
  one `pread` and their newlines turned into commas), so only one page is ever in memory.

A conversation matches an interval ``[a, b)`` when its lifetime overlaps it:
``start < b`` and (no end yet, or ``end > a``, or it starts inside the interval). Conversations
still in progress overlap every interval after their start.
"""

from __future__ import annotations

import os
import re
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from fairshare.sandbox.srv_times import OPEN_MS, bytes_to_ms, to_ms

OPEN_END = OPEN_MS  # `end` of a conversation still in progress

_START_RE = re.compile(rb'(?<!\\)"conversationStart"\s*:\s*"([^"]*)"')
_END_RE = re.compile(rb'(?<!\\)"conversationEnd"\s*:\s*"([^"]*)"')
_START_KEY = b'"conversationStart"'
_END_KEY = b'"conversationEnd"'


def _start_end(line: bytes) -> tuple[int, int]:
    """(start, end) in epoch ms of one raw conversation line."""
    starts, ends = line.count(_START_KEY), line.count(_END_KEY)
    if starts == 1 and ends <= 1:
        start_match = _START_RE.search(line)
        end_match = _END_RE.search(line) if ends else None
        if start_match is not None and (ends == 0 or end_match is not None):
            start = bytes_to_ms(start_match.group(1))
            end = bytes_to_ms(end_match.group(1)) if end_match is not None else OPEN_END
            return start, end
    obj = orjson.loads(line)  # ambiguous line (e.g. the key inside participant data)
    end_text = obj.get("conversationEnd")
    return to_ms(obj["conversationStart"]), to_ms(end_text) if end_text else OPEN_END


@dataclass
class DayIndex:
    """Per-line metadata of one day file, sorted by conversationStart (stable)."""

    path: Path
    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))
    offsets: array = field(default_factory=lambda: array("q"))
    lengths: array = field(default_factory=lambda: array("q"))  # JSON text, without newline
    spans: array = field(default_factory=lambda: array("q"))  # bytes up to the next line
    max_closed_end: int = -(2**62)
    open_positions: array = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self.starts)

    def matches(self, lo_ms: int, hi_ms: int) -> DayMatches:
        """Positions (in start order) of the conversations overlapping ``[lo_ms, hi_ms)``."""
        lo = bisect_left(self.starts, lo_ms)
        hi = bisect_left(self.starts, hi_ms)
        if self.max_closed_end > lo_ms:  # some finished conversation started before may overlap
            ends = self.ends
            before = array("q", (i for i in range(lo) if ends[i] > lo_ms))
        else:  # only conversations still in progress can overlap from before
            before = array("q", (i for i in self.open_positions if i < lo))
        return DayMatches(before, lo, hi)


@dataclass(frozen=True)
class DayMatches:
    """Matching positions of one day: ``before`` (started earlier) then ``range(lo, hi)``."""

    before: array
    lo: int
    hi: int

    def __len__(self) -> int:
        return len(self.before) + self.hi - self.lo

    def position(self, k: int) -> int:
        n = len(self.before)
        return self.before[k] if k < n else self.lo + k - n


def build_index(path: Path) -> DayIndex:
    """Scan one day file once and index its lines."""
    index = DayIndex(path)
    rows: list[tuple[int, int, int, int, int]] = []
    offset = 0
    with path.open("rb") as fh:
        for line in fh:
            span = len(line)
            text = line.rstrip(b"\r\n")
            if text.strip():
                start, end = _start_end(text)
                rows.append((start, end, offset, len(text), span))
            offset += span
    if any(rows[i][0] > rows[i + 1][0] for i in range(len(rows) - 1)):
        rows.sort(key=lambda row: row[0])  # stable: file order among equal starts
    for position, (start, end, line_offset, length, span) in enumerate(rows):
        index.starts.append(start)
        index.ends.append(end)
        index.offsets.append(line_offset)
        index.lengths.append(length)
        index.spans.append(span)
        if end == OPEN_END:
            index.open_positions.append(position)
        elif end > index.max_closed_end:
            index.max_closed_end = end
    return index


class ConversationStore:
    """The day files of a dataset, with their indexes built lazily and cached."""

    def __init__(self, data_dir: Path) -> None:
        self._dir = data_dir / "conversations"
        self._lock = threading.Lock()
        self._building: dict[Path, threading.Lock] = {}
        self._cache: dict[Path, tuple[tuple[int, int], DayIndex]] = {}

    def day_files(self, hi_ms: int) -> list[Path]:
        """Day files (sorted by date) that can hold a conversation starting before `hi_ms`."""
        if not self._dir.is_dir():
            return []
        last_day = datetime.fromtimestamp((hi_ms - 1) / 1000, tz=UTC).date().isoformat()
        return sorted(p for p in self._dir.glob("*.jsonl") if p.stem <= last_day)

    def index(self, path: Path) -> DayIndex:
        stat = path.stat()
        key = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == key:
                return cached[1]
            build_lock = self._building.setdefault(path, threading.Lock())
        with build_lock:  # one build per file even under concurrent requests
            with self._lock:
                cached = self._cache.get(path)
                if cached is not None and cached[0] == key:
                    return cached[1]
            index = build_index(path)
            with self._lock:
                self._cache[path] = (key, index)
            return index


def read_lines(index: DayIndex, positions: list[int]) -> list[bytes]:
    """The raw JSON texts at `positions`, comma-joined per contiguous run (a JSON array body)."""
    parts: list[bytes] = []
    if not positions:
        return parts
    offsets, lengths, spans = index.offsets, index.lengths, index.spans
    fd = os.open(index.path, os.O_RDONLY)
    try:
        run_start = prev = positions[0]
        for position in [*positions[1:], -1]:
            if position != -1 and offsets[position] == offsets[prev] + spans[prev]:
                prev = position
                continue
            first = offsets[run_start]
            size = offsets[prev] + lengths[prev] - first
            block = os.pread(fd, size, first)
            parts.append(block.replace(b"\n", b",") if run_start != prev else block)
            run_start = prev = position
    finally:
        os.close(fd)
    return parts

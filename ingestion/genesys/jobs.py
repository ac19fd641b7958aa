"""Asynchronous analytics jobs: the extraction window, one job per day, bounded concurrency.

Conversation detail records come from `POST .../conversations/details/jobs`: one job per
`days_per_job` days of the window. Analytics jobs only return data up to the data-lake watermark
(`dataAvailabilityDate` of `GET .../details/jobs/availability`): the window ends there, and a
month is final only once the watermark is past its end plus the reprocessing margin
(`month_is_final`). Up to `max_concurrent` jobs run at once; each job is polled
with backoff and its cursor pages are fetched by a worker thread into a small bounded queue,
while the caller consumes pages strictly in job order (deterministic output, bounded memory).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ingestion.genesys.client import CursorGuard, GenesysClient
from ingestion.genesys.errors import GenesysApiError, MonthNotAvailableError
from ingestion.genesys.settings import FIRST_MONTH, Endpoint

logger = logging.getLogger("fairshare.ingestion")

_DONE = object()


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """[first instant, first instant of the next month) of `YYYY-MM`, in UTC; ValueError for
    anything else (including 9999-12, whose end is not a datetime)."""
    start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
    if start.year >= 9999:
        raise ValueError(f"month {month!r} is out of range")
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def check_month_available(month: str, now: datetime) -> None:
    """MonthNotAvailableError for a month that has not started at `now` or precedes
    `FIRST_MONTH`: there is nothing to extract, and asking Genesys would cost a job per day."""
    start, _end = month_bounds(month)
    if start < month_bounds(FIRST_MONTH)[0]:
        raise MonthNotAvailableError(
            f"month {month} is before {FIRST_MONTH}: Genesys Cloud analytics hold no such data;"
            " check --month"
        )
    if start > now:
        raise MonthNotAvailableError(
            f"month {month} has not started yet (now {format_instant(now)}): nothing to extract;"
            " check --month"
        )


def month_is_final(month: str, watermark: datetime | None, margin: timedelta) -> bool:
    """True when the analytics data of `month` can no longer change: the data-availability
    watermark is past the month's end plus the reprocessing margin (Genesys reprocesses recent
    analytics for ~48 h). No watermark (no analytics loaded) is never final."""
    if watermark is None:
        return False
    if watermark.tzinfo is None:
        watermark = watermark.replace(tzinfo=UTC)
    _start, end = month_bounds(month)
    return watermark >= end + margin


def read_watermark(client: GenesysClient, endpoint: Endpoint) -> datetime:
    """`dataAvailabilityDate` of an analytics availability endpoint (the instant up to which
    job results are complete)."""
    body = client.request(endpoint)
    value = (body or {}).get("dataAvailabilityDate") if isinstance(body, dict) else None
    if not value:
        raise GenesysApiError(
            f"the Genesys {endpoint.name} answer has no dataAvailabilityDate; rerun later"
        )
    try:
        return parse_instant(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise GenesysApiError(
            f"the Genesys {endpoint.name} answered an unreadable dataAvailabilityDate {value!r}"
        ) from exc


def format_instant(value: datetime) -> str:
    """`2026-10-01T00:00:00.000Z`."""
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def extraction_window(
    month_start: datetime,
    month_end: datetime,
    now: datetime,
    last_end: datetime | None,
    lookback: timedelta,
    watermark: datetime | None = None,
) -> tuple[datetime, datetime]:
    """The interval of conversations to (re)read for a month.

    - end: the month end, or `now` while the month is still running, and never past the
      analytics data-availability `watermark` (results after it are missing); when that leaves
      nothing of the month (the watermark is before the month start) the window is empty
      (start == end);
    - start: the month start on a first run. When a previous run ended at `last_end`:
      * inside this month (an incremental run): `max(month start, last_end - lookback)`, so
        only the tail is re-read and late updates of in-progress conversations are picked up;
      * at or before this month's start: `min(month start, last_end - lookback)`, so the tail
        of the previous run (the end of the previous month) is re-read as well;
      * after this month (a backfill of an older month): the whole month.
    """
    end = min(month_end, now)
    if watermark is not None:
        end = min(end, watermark)
    if end <= month_start:
        return month_start, month_start  # nothing of the month is available yet
    if last_end is None or last_end > month_end:
        return month_start, end
    if last_end <= month_start:
        return min(month_start, last_end - lookback), end
    return min(max(month_start, last_end - lookback), end), end


def job_intervals(
    start: datetime, end: datetime, days_per_job: int
) -> list[tuple[datetime, datetime]]:
    """Consecutive intervals of `days_per_job` days covering [start, end), aligned on UTC days."""
    if days_per_job < 1:
        raise ValueError("days_per_job must be at least 1")
    out = []
    cursor = start
    while cursor < end:
        boundary = (cursor.replace(hour=0, minute=0, second=0, microsecond=0)) + timedelta(
            days=days_per_job
        )
        upper = min(boundary, end)
        out.append((cursor, upper))
        cursor = upper
    return out


@dataclass(frozen=True)
class JobEndpoints:
    create: Endpoint
    status: Endpoint
    results: Endpoint
    results_key: str  # "conversations" | "userDetails"
    label: str


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class AnalyticsJobReader:
    """Runs analytics detail jobs and yields their result lists in job order."""

    def __init__(
        self,
        client: GenesysClient,
        endpoints: JobEndpoints,
        page_size: int,
        max_concurrent: int,
        body_extra: dict[str, Any] | None = None,
        queue_pages: int = 2,
        parse: Callable[[bytes], tuple[Any, str | None]] | None = None,
    ) -> None:
        self._client = client
        self._ep = endpoints
        self._page_size = page_size
        self._max_concurrent = max(1, max_concurrent)
        self._body_extra = body_extra or {}
        self._queue_pages = queue_pages
        self._parse = parse
        self._cancel = threading.Event()
        # seconds the consumer of `pages` waited for the next page (jobs, fetching, parsing):
        # small when the consumer itself is the slower side
        self.waited = 0.0

    def _put(self, q: queue.Queue[Any], item: Any) -> bool:
        while not self._cancel.is_set():
            try:
                q.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, interval: tuple[datetime, datetime], q: queue.Queue[Any]) -> None:
        try:
            text = f"{format_instant(interval[0])}/{format_instant(interval[1])}"
            created = self._client.request(
                self._ep.create, body={"interval": text, **self._body_extra}
            )
            job_id = (created or {}).get("jobId") or (created or {}).get("id")
            if not job_id:
                raise ValueError(f"the {self._ep.label} job was created without a jobId")
            logger.info("%s job %s submitted for %s", self._ep.label, job_id, text)
            if not self._client.wait_for_analytics_job(
                self._ep.status, job_id, self._ep.label, self._cancel.is_set
            ):
                return
            for item in self._results(self._ep.results.format(job_id=job_id)):
                if self._cancel.is_set() or not self._put(q, item):
                    return
            self._put(q, _DONE)
        except BaseException as exc:  # handed to the consumer thread
            self._put(q, _Failure(exc))

    def _results(self, path: str) -> Iterator[Any]:
        """The job's result pages: `parse(raw)` items, or the results lists."""
        if self._parse is None:
            for page in self._client.iter_cursor(
                self._ep.results, path, self._page_size, self._ep.results_key
            ):
                yield page.get(self._ep.results_key) or []
            return
        cursor: str | None = None
        guard = CursorGuard(self._ep.results.name)
        while True:
            params: dict[str, Any] = {"pageSize": self._page_size}
            if cursor:
                params["cursor"] = cursor
            item, cursor = self._parse(
                self._client.request_bytes(self._ep.results, path, params=params)
            )
            yield item
            if not cursor:
                return
            guard.check(cursor)

    def pages(self, intervals: list[tuple[datetime, datetime]]) -> Iterator[list[dict[str, Any]]]:
        """Result lists (one per page) of every interval's job, in interval order."""
        pending: deque[tuple[tuple[datetime, datetime], queue.Queue[Any]]] = deque()
        todo = iter(intervals)
        executor = ThreadPoolExecutor(
            max_workers=self._max_concurrent, thread_name_prefix=f"genesys-{self._ep.results_key}"
        )

        def submit() -> None:
            interval = next(todo, None)
            if interval is not None:
                q: queue.Queue[Any] = queue.Queue(maxsize=self._queue_pages)
                executor.submit(self._run, interval, q)
                pending.append((interval, q))

        try:
            for _ in range(self._max_concurrent):
                submit()
            while pending:
                _interval, q = pending.popleft()
                while True:
                    asked = time.perf_counter()
                    item = q.get()
                    self.waited += time.perf_counter() - asked
                    if item is _DONE:
                        break
                    if isinstance(item, _Failure):
                        raise item.exc
                    yield item
                submit()
        finally:
            self._cancel.set()
            executor.shutdown(wait=True, cancel_futures=True)

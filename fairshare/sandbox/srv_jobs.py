"""Asynchronous jobs of the sandbox API: analytics detail jobs (conversations, users) and usage
aggregate query jobs.

Analytics jobs answer ``QUEUED`` on the first status poll, ``PENDING`` on the next
`pending_polls` polls and ``FULFILLED`` afterwards; usage jobs answer ``Running`` for
`pending_polls` polls, then ``Succeeded``. Results pages use the Genesys cursor (analytics) or
the ``after`` cursor with ``nextUri`` (usage).
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from fairshare.sandbox.srv_conversations import (
    ConversationStore,
    DayIndex,
    DayMatches,
    read_lines,
)
from fairshare.sandbox.srv_http import (
    ApiError,
    Request,
    Response,
    after_listing,
    decode_cursor,
    encode_cursor,
    int_param,
    json_response,
)
from fairshare.sandbox.srv_times import OPEN_MS, format_instant, parse_interval, to_ms

CONVERSATION_PAGE_DEFAULT = 1000
CONVERSATION_PAGE_MAX = 10000
USER_DETAILS_PAGE_DEFAULT = 100
USER_DETAILS_PAGE_MAX = 1000
USAGE_PAGE_DEFAULT = 100
USAGE_PAGE_MAX = 1000
JOB_LIFETIME = timedelta(days=2)


@dataclass
class Job:
    id: str
    kind: str  # conversations | users | usage
    lo: int
    hi: int
    descending: bool = False
    polls: int = 0
    created: datetime = field(default_factory=lambda: datetime.now(UTC))
    days: list[Path] = field(default_factory=list)
    day_matches: dict[int, DayMatches] = field(default_factory=dict)
    rows: list[Any] | None = None  # user details / usage rows, computed on first results page
    lock: threading.Lock = field(default_factory=threading.Lock)


def _overlaps(start: int, end: int, lo: int, hi: int) -> bool:
    return start < hi and (end > lo or start >= lo)


class JobService:
    """Creates, polls and pages the asynchronous jobs."""

    def __init__(
        self,
        data_dir: Path,
        conversations: ConversationStore,
        pending_polls: int,
        data_availability: str,
        conversation_page_max: int = CONVERSATION_PAGE_MAX,
    ) -> None:
        self._dir = data_dir
        self._conversations = conversations
        self._pending_polls = pending_polls
        self._availability = data_availability
        self._page_max = conversation_page_max
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._user_details: list[dict[str, Any]] | None = None
        self._usage: list[dict[str, Any]] | None = None

    # -- registry -----------------------------------------------------------------------------

    def _create(self, kind: str, body: Any, **extra: Any) -> Job:
        if not isinstance(body, dict):
            raise ApiError(400, "bad.request", "The request body must be a JSON object")
        lo, hi = parse_interval(body.get("interval"))
        job = Job(id=str(uuid.uuid4()), kind=kind, lo=lo, hi=hi, **extra)
        with self._lock:
            self._jobs[job.id] = job
        return job

    def _get(self, kind: str, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or job.kind != kind:
            raise ApiError(404, "not.found", f"Job {job_id} was not found")
        return job

    def _poll(self, job: Job) -> int:
        with job.lock:
            job.polls += 1
            return job.polls

    def _analytics_ready(self, job: Job) -> None:
        if job.polls <= self._pending_polls + 1:
            raise ApiError(400, "bad.request", f"Job {job.id} is not FULFILLED yet; poll its state")

    # -- analytics detail jobs ----------------------------------------------------------------

    def create_analytics(self, kind: str, request: Request) -> Response:
        body = request.json()
        extra: dict[str, Any] = {}
        if kind == "conversations":
            order = (body or {}).get("order", "asc") if isinstance(body, dict) else "asc"
            if order not in ("asc", "desc"):
                raise ApiError(400, "bad.request", f"Invalid order: {order!r}")
            extra["descending"] = order == "desc"
        job = self._create(kind, body, **extra)
        if kind == "conversations":
            job.days = self._conversations.day_files(job.hi)
        return json_response({"jobId": job.id}, status=202)

    def analytics_status(self, kind: str, request: Request) -> Response:
        job = self._get(kind, request.params["jobId"])
        polls = self._poll(job)
        if polls == 1:
            state = "QUEUED"
        elif polls <= self._pending_polls + 1:
            state = "PENDING"
        else:
            state = "FULFILLED"
        return json_response(
            {"state": state, "expirationDate": format_instant(job.created + JOB_LIFETIME)}
        )

    def conversation_results(self, request: Request) -> Response:
        job = self._get("conversations", request.params["jobId"])
        self._analytics_ready(job)
        size = int_param(request.query, "pageSize", CONVERSATION_PAGE_DEFAULT, 1, self._page_max)
        day, k = self._analytics_cursor(request.query.get("cursor"))
        parts: list[bytes] = []
        remaining = size
        while remaining > 0 and day < len(job.days):
            matches = self._matches(job, day)
            take = min(remaining, len(matches) - k)
            if take > 0:
                if job.descending:
                    ks = range(len(matches) - 1 - k, len(matches) - 1 - k - take, -1)
                else:
                    ks = range(k, k + take)
                positions = [matches.position(i) for i in ks]
                parts.extend(read_lines(self._index(job, day), positions))
                k += take
                remaining -= take
            if k >= len(matches):
                day, k = day + 1, 0
        while day < len(job.days) and k >= len(self._matches(job, day)):
            day, k = day + 1, 0  # look ahead: no cursor on the last page
        tail: dict[str, Any] = {"dataAvailabilityDate": self._availability}
        if day < len(job.days):
            tail["cursor"] = encode_cursor(f"c:{day}:{k}")
        body = b'{"conversations":[' + b",".join(parts) + b"]," + orjson.dumps(tail)[1:]
        return Response(200, body)

    def _index_days(self, job: Job) -> list[Path]:
        return list(reversed(job.days)) if job.descending else job.days

    def _index(self, job: Job, day: int) -> DayIndex:
        return self._conversations.index(self._index_days(job)[day])

    def _matches(self, job: Job, day: int) -> DayMatches:
        with job.lock:
            cached = job.day_matches.get(day)
        if cached is None:
            cached = self._index(job, day).matches(job.lo, job.hi)
            with job.lock:
                job.day_matches[day] = cached
        return cached

    @staticmethod
    def _analytics_cursor(cursor: str | None) -> tuple[int, int]:
        if not cursor:
            return 0, 0
        parts = decode_cursor(cursor).split(":")
        if len(parts) != 3 or parts[0] != "c" or not (parts[1].isdigit() and parts[2].isdigit()):
            raise ApiError(400, "bad.request", f"Invalid cursor: {cursor!r}")
        return int(parts[1]), int(parts[2])

    def user_results(self, request: Request) -> Response:
        job = self._get("users", request.params["jobId"])
        self._analytics_ready(job)
        size = int_param(
            request.query, "pageSize", USER_DETAILS_PAGE_DEFAULT, 1, USER_DETAILS_PAGE_MAX
        )
        with job.lock:
            if job.rows is None:
                job.rows = self._user_rows(job.lo, job.hi)
            rows = job.rows
        cursor = request.query.get("cursor")
        start = 0
        if cursor:
            decoded = decode_cursor(cursor)
            if not decoded.startswith("u:") or not decoded[2:].isdigit():
                raise ApiError(400, "bad.request", f"Invalid cursor: {cursor!r}")
            start = int(decoded[2:])
        payload: dict[str, Any] = {
            "userDetails": rows[start : start + size],
            "dataAvailabilityDate": self._availability,
        }
        if start + size < len(rows):
            payload["cursor"] = encode_cursor(f"u:{start + size}")
        return json_response(payload)

    def _user_rows(self, lo: int, hi: int) -> list[dict[str, Any]]:
        with self._lock:
            if self._user_details is None:
                self._user_details = _read_jsonl(self._dir / "user_details.jsonl")
            details = self._user_details
        rows = []
        for detail in details:
            row: dict[str, Any] = {"userId": detail["userId"]}
            for key in ("primaryPresence", "routingStatus"):
                kept = [
                    item
                    for item in detail.get(key) or []
                    if _overlaps(
                        to_ms(item["startTime"]),
                        to_ms(item["endTime"]) if item.get("endTime") else OPEN_MS,
                        lo,
                        hi,
                    )
                ]
                if kept:
                    row[key] = kept
            if len(row) > 1:
                rows.append(row)
        return rows

    # -- usage aggregate query jobs -------------------------------------------------------------

    def create_usage(self, request: Request) -> Response:
        body = request.json()
        if isinstance(body, dict):
            if body.get("granularity", "Day") != "Day":
                raise ApiError(400, "bad.request", "The sandbox supports granularity Day only")
            if body.get("groupBy", ["OauthClientId"]) != ["OauthClientId"]:
                raise ApiError(400, "bad.request", "The sandbox supports groupBy OauthClientId")
        job = self._create("usage", body)
        return json_response(
            {"id": job.id, "resultsUri": f"/api/v2/usage/aggregates/query/jobs/{job.id}"},
            status=202,
        )

    def usage_results(self, request: Request) -> Response:
        job = self._get("usage", request.params["jobId"])
        if self._poll(job) <= self._pending_polls:
            return json_response({"queryStatus": "Running"})
        with job.lock:
            if job.rows is None:
                job.rows = self._usage_rows(job.lo, job.hi)
            rows = job.rows
        return json_response(
            after_listing(
                rows,
                request.path,
                request.query,
                default_size=USAGE_PAGE_DEFAULT,
                max_size=USAGE_PAGE_MAX,
                extra={"queryStatus": "Succeeded"},
            )
        )

    def _usage_rows(self, lo: int, hi: int) -> list[dict[str, Any]]:
        with self._lock:
            if self._usage is None:
                self._usage = _read_jsonl(self._dir / "api_usage.jsonl")
            usage = self._usage
        day_ms = 86_400_000
        rows = []
        for row in usage:
            day_start = to_ms(row["date"] if "T" in row["date"] else row["date"] + "T00:00:00Z")
            if _overlaps(day_start, day_start + day_ms, lo, hi):
                rows.append(row)
        return rows


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open("rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]

"""Asynchronous jobs of the sandbox API: analytics detail jobs (conversations, users) and usage
aggregate query jobs.

Analytics jobs answer ``QUEUED`` on the first status poll, ``PENDING`` on the next
`pending_polls` polls and ``FULFILLED`` afterwards; usage jobs answer ``Running`` for
`pending_polls` polls, then ``Succeeded``. Results pages use the Genesys cursor (analytics) or
the ``after`` cursor with ``nextUri`` (usage).

The data-lake watermark (`dataAvailabilityDate`): analytics results hold what the lake holds at
the watermark a job was created with. Conversations starting at or after it are absent; one
still running at it (or ending after it) is served as it stood then: no `conversationEnd`,
segments after the watermark dropped, a segment running across it without `segmentEnd`. A
conversation that ended within `reprocessing` before the watermark is served in its
preliminary form: Genesys has not yet reprocessed it, so its participant data (`attributes`)
and wrap-up codes are missing; a job created once the watermark has moved on returns the final
version. Presence intervals are cut the same way.
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
    OPEN_END,
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

# what a job created before reprocessing lacks on a recently ended conversation
PRELIMINARY_DROPS = ("attributes (participant data)", "wrapUpCode")
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
    watermark_ms: int = OPEN_MS  # the data-lake watermark when the job was created
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
        watermark: datetime,
        conversation_page_max: int = CONVERSATION_PAGE_MAX,
        reprocessing: timedelta = timedelta(hours=48),
        dataset_clock: datetime | None = None,
    ) -> None:
        self._dir = data_dir
        self._conversations = conversations
        self._pending_polls = pending_polls
        self._watermark = watermark.astimezone(UTC)
        self.reprocessing = reprocessing
        # nothing in the dataset happened after its clock: no cut is needed past it
        self._dataset_clock_ms = to_ms(format_instant(dataset_clock)) if dataset_clock else None
        self._page_max = conversation_page_max
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._user_details: list[dict[str, Any]] | None = None
        self._usage: list[dict[str, Any]] | None = None

    # -- watermark ----------------------------------------------------------------------------

    @property
    def watermark(self) -> datetime:
        with self._lock:
            return self._watermark

    def set_watermark(self, instant: datetime) -> None:
        """Move the data-lake watermark (jobs created from now on see data up to it)."""
        with self._lock:
            self._watermark = instant.astimezone(UTC)

    def availability(self, request: Request) -> Response:
        """`GET .../details/jobs/availability` (SDK `DataAvailabilityResponse`)."""
        return json_response({"dataAvailabilityDate": format_instant(self.watermark)})

    # -- registry -----------------------------------------------------------------------------

    def _create(self, kind: str, body: Any, **extra: Any) -> Job:
        if not isinstance(body, dict):
            raise ApiError(400, "bad.request", "The request body must be a JSON object")
        lo, hi = parse_interval(body.get("interval"))
        watermark_ms = to_ms(format_instant(self.watermark))
        job = Job(id=str(uuid.uuid4()), kind=kind, lo=lo, hi=hi, watermark_ms=watermark_ms, **extra)
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
                parts.extend(self._lines(job, self._index(job, day), positions))
                k += take
                remaining -= take
            if k >= len(matches):
                day, k = day + 1, 0
        while day < len(job.days) and k >= len(self._matches(job, day)):
            day, k = day + 1, 0  # look ahead: no cursor on the last page
        tail: dict[str, Any] = {"dataAvailabilityDate": _instant(job.watermark_ms)}
        if day < len(job.days):
            tail["cursor"] = encode_cursor(f"c:{day}:{k}")
        body = b'{"conversations":[' + b",".join(parts) + b"]," + orjson.dumps(tail)[1:]
        return Response(200, body)

    def _index_days(self, job: Job) -> list[Path]:
        return list(reversed(job.days)) if job.descending else job.days

    def _index(self, job: Job, day: int) -> DayIndex:
        return self._conversations.index(self._index_days(job)[day])

    def _lines(self, job: Job, index: DayIndex, positions: list[int]) -> list[bytes]:
        """The JSON texts at `positions` as the data lake holds them at the job's watermark."""
        wm = job.watermark_ms
        recent = wm - int(self.reprocessing.total_seconds() * 1000)
        cut_open = self._dataset_clock_ms is None or wm < self._dataset_clock_ms
        ends = index.ends

        def kind(position: int) -> str:
            end = ends[position]
            if end == OPEN_END:
                return "cut" if cut_open else "raw"
            if end > wm:
                return "cut"
            return "preliminary" if end >= recent else "raw"

        kinds = [kind(p) for p in positions]
        if all(k == "raw" for k in kinds):
            return read_lines(index, positions)
        out: list[bytes] = []
        for position, how in zip(positions, kinds, strict=True):
            (line,) = read_lines(index, [position])
            if how == "raw":
                out.append(line)
                continue
            conversation = orjson.loads(line)
            if how == "cut":
                conversation = as_of_watermark(conversation, wm)
            else:
                conversation = preliminary(conversation)
            out.append(orjson.dumps(conversation))
        return out

    def _matches(self, job: Job, day: int) -> DayMatches:
        with job.lock:
            cached = job.day_matches.get(day)
        if cached is None:
            # nothing that starts at or after the watermark is in the data lake yet
            cached = self._index(job, day).matches(job.lo, min(job.hi, job.watermark_ms))
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
                job.rows = self._user_rows(job.lo, job.hi, job.watermark_ms)
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
            "dataAvailabilityDate": _instant(job.watermark_ms),
        }
        if start + size < len(rows):
            payload["cursor"] = encode_cursor(f"u:{start + size}")
        return json_response(payload)

    def _user_rows(self, lo: int, hi: int, watermark_ms: int = OPEN_MS) -> list[dict[str, Any]]:
        with self._lock:
            if self._user_details is None:
                self._user_details = _read_jsonl(self._dir / "user_details.jsonl")
            details = self._user_details
        hi = min(hi, watermark_ms)
        rows = []
        for detail in details:
            row: dict[str, Any] = {"userId": detail["userId"]}
            for key in ("primaryPresence", "routingStatus"):
                kept = [
                    _cut_interval(item, watermark_ms)
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


def _instant(ms: int) -> str:
    return format_instant(datetime.fromtimestamp(ms / 1000, tz=UTC))


def _cut_interval(item: dict[str, Any], watermark_ms: int) -> dict[str, Any]:
    """A presence/routing interval as of the watermark: still open when it ends after it."""
    end = item.get("endTime")
    if end and to_ms(end) > watermark_ms:
        return {k: v for k, v in item.items() if k != "endTime"}
    return item


def as_of_watermark(conversation: dict[str, Any], watermark_ms: int) -> dict[str, Any]:
    """A conversation as the data lake holds it at the watermark: in progress (no end), without
    the segments that start at or after it, a segment running across it without an end."""
    out = {k: v for k, v in conversation.items() if k != "conversationEnd"}
    participants = []
    for participant in conversation.get("participants") or []:
        sessions = []
        for session in participant.get("sessions") or []:
            segments = []
            for segment in session.get("segments") or []:
                if to_ms(segment["segmentStart"]) >= watermark_ms:
                    continue
                end = segment.get("segmentEnd")
                if end and to_ms(end) > watermark_ms:
                    segment = {k: v for k, v in segment.items() if k != "segmentEnd"}
                segments.append(segment)
            if segments:
                metrics = [
                    m
                    for m in session.get("metrics") or []
                    if not m.get("emitDate") or to_ms(m["emitDate"]) < watermark_ms
                ]
                kept = {**session, "segments": segments}
                if "metrics" in session:
                    kept["metrics"] = metrics
                sessions.append(kept)
        if sessions:
            participants.append({**participant, "sessions": sessions})
    out["participants"] = participants
    return out


def preliminary(conversation: dict[str, Any]) -> dict[str, Any]:
    """A recently ended conversation before Genesys reprocessed it: no participant data
    (`attributes`), no wrap-up codes."""
    participants = []
    for participant in conversation.get("participants") or []:
        kept = {k: v for k, v in participant.items() if k != "attributes"}
        kept["sessions"] = [
            {
                **session,
                "segments": [
                    {k: v for k, v in segment.items() if k != "wrapUpCode"}
                    for segment in session.get("segments") or []
                ],
            }
            for session in participant.get("sessions") or []
        ]
        participants.append(kept)
    return {**conversation, "participants": participants}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open("rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]

"""Genesys Cloud dlt source: billing, conversation detail records, directory, presence, usage.

`genesys_source` returns one resource per Genesys resource. Each declares its primary key and
write disposition from the raw contract (`schema.py`); the docstring of each resource says why
that disposition. Resources yield `pyarrow.Table`s (dlt's arrow path, loaded as parquet);
resources that land several tables dispatch with `dlt.mark.with_table_name` to table variants
that carry their own hints.

Credentials resolve the dlt way: arguments `genesys_client_id`, `genesys_client_secret`,
`genesys_region`/`genesys_api_base` and `fairshare_pii_key` come from the environment
(`GENESYS_CLIENT_ID`, ...) or `.dlt/secrets.toml` (`[sources.genesys]`).

What a run learns besides rows (the analytics data-availability watermarks, warnings about
optional endpoints it could not read) is written into the `ExtractReport` passed as `report`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import dlt
import pyarrow as pa
from dlt.extract.resource import DltResource

from ingestion.genesys import records, settings
from ingestion.genesys.arrow_flatten import (
    ArrowConversationFlattener,
    NotArrowable,
    ResultsPage,
    read_results_page,
)
from ingestion.genesys.arrow_tables import dlt_columns, rows_to_columns, to_arrow
from ingestion.genesys.client import GenesysClient, resolve_hosts
from ingestion.genesys.csv_files import InvoiceFile
from ingestion.genesys.errors import (
    ConfigurationError,
    EndpointNotFoundError,
    GenesysApiError,
    PermissionDeniedError,
)
from ingestion.genesys.flatten import CONVERSATION_TABLES, ConversationColumns
from ingestion.genesys.jobs import (
    AnalyticsJobReader,
    JobEndpoints,
    extraction_window,
    format_instant,
    job_intervals,
    parse_instant,
    read_watermark,
)
from ingestion.genesys.privacy import PiiHasher, PrivacyFilter
from ingestion.genesys.schema import TABLES

logger = logging.getLogger("fairshare.ingestion")

Progress = Callable[[str, int], None]

DIRECTORY_RESOURCES: tuple[str, ...] = (
    "divisions",
    "users",
    "queues",
    "dids",
    "did_pools",
    "license_definitions",
    "license_users",
    "ivrs",
)
ACTIVITY_RESOURCES: tuple[str, ...] = ("conversations", "user_details", "api_usage")
BILLING_RESOURCES: tuple[str, ...] = ("billable_usage", "billing_period_charges", "invoices")

CONVERSATION_JOB = JobEndpoints(
    settings.CONVERSATION_JOBS,
    settings.CONVERSATION_JOB,
    settings.CONVERSATION_JOB_RESULTS,
    "conversations",
    "conversation details",
)
USER_DETAILS_JOB = JobEndpoints(
    settings.USER_JOBS,
    settings.USER_JOB,
    settings.USER_JOB_RESULTS,
    "userDetails",
    "user details",
)


# ------------------------------------------------------------------------------------ hints


def table_hints(table_name: str, boundary: datetime | None = None) -> dict[str, Any]:
    """dlt hints (write disposition, keys, typed columns) of a raw table from `schema.py`."""
    table = TABLES[table_name]
    disposition: Any
    if table.write_disposition in ("replace", "append"):
        disposition = table.write_disposition
    elif table.write_disposition == "scd2":
        disposition = {"disposition": "merge", "strategy": "scd2"}
        if boundary is not None:
            disposition["boundary_timestamp"] = boundary
    elif table.write_disposition == "merge(delete-insert)":
        disposition = {"disposition": "merge", "strategy": "delete-insert"}
        if table_name in CONVERSATION_TABLES:
            disposition["deduplicated"] = True  # the resource never yields a key twice
    elif table.write_disposition == "merge(upsert)":
        disposition = {"disposition": "merge", "strategy": "upsert"}
    else:  # pragma: no cover - the contract only uses the dispositions above
        raise ValueError(f"unknown write disposition {table.write_disposition!r}")
    hints: dict[str, Any] = {
        "write_disposition": disposition,
        "columns": dlt_columns(table_name),
    }
    keys, merge_key = list(table.primary_key), list(table.merge_key)
    if merge_key and merge_key != keys:
        # delete-insert on a merge key that is a prefix of the natural key: dlt would delete on
        # `primary key OR merge key` (a join ~15x slower on DuckDB), while the merge key alone
        # already removes every row of a reloaded conversation/invoice. The natural key stays in
        # the contract (schema.py, sources.yml) and its columns are non-nullable hints.
        hints["merge_key"] = merge_key
    else:
        hints["primary_key"] = keys
    return hints


def _resource(
    data: Iterable[Any],
    name: str,
    tables: Sequence[str],
    boundary: datetime | None,
    parallelized: bool = False,
) -> DltResource:
    """A resource landing `tables`; every table is a variant with its own hints (variants
    inherit the base hints, so the base resource carries none), and unmarked Arrow tables go to
    `tables[0]`."""
    if len(tables) == 1:
        return dlt.resource(
            data,
            name=name,
            table_name=tables[0],
            parallelized=parallelized,
            **table_hints(tables[0], boundary),
        )
    resource = dlt.resource(_marked(data, tables[0]), name=name, parallelized=parallelized)
    for table in tables:
        resource.apply_hints(
            table_name=table, create_table_variant=True, **table_hints(table, boundary)
        )
    return resource


def _marked(data: Iterable[Any], default_table: str) -> Iterator[Any]:
    for item in data:
        yield _mark(item, default_table) if isinstance(item, pa.Table) else item


def _mark(table: pa.Table, table_name: str) -> Any:
    return dlt.mark.with_table_name(table, table_name)


def _unique(rows: Iterable[dict[str, Any]], key: Sequence[str]) -> list[dict[str, Any]]:
    """Rows with a unique key (the last occurrence wins), in first-seen order."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        out[tuple(row.get(k) for k in key)] = row
    return list(out.values())


# ---------------------------------------------------------------------------------- context


@dataclass
class ExtractReport:
    """What one extract learned besides rows (filled by the resources, read by run_extract).

    `watermarks`: the analytics data-availability instant each analytics resource loaded up
    to ("conversations", "user_details"); `warnings`: optional data that could not be read."""

    watermarks: dict[str, datetime] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    dropped_attributes: set[str] = field(default_factory=set)
    # thread-seconds spent per kind of work ("parse": API pages to Arrow, "flatten": pages and
    # records to the raw tables' rows): where an extract's time goes (the benchmark reports it)
    seconds: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add_seconds(self, work: str, seconds: float) -> None:
        with self._lock:
            self.seconds[work] = self.seconds.get(work, 0.0) + seconds

    @contextmanager
    def timed(self, work: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add_seconds(work, time.perf_counter() - started)

    def warn(self, message: str) -> None:
        logger.warning("%s", message)
        with self._lock:
            self.warnings.append(message)

    def dropped(self, names: set[str]) -> None:
        """Participant attribute names dropped by the allow-list (names only, never values)."""
        with self._lock:
            self.dropped_attributes |= names

    def watermark(self, resource: str, instant: datetime) -> None:
        with self._lock:
            self.watermarks[resource] = instant

    @property
    def data_available_through(self) -> datetime | None:
        """The earliest watermark of the analytics resources that ran (None: none ran)."""
        with self._lock:
            return min(self.watermarks.values()) if self.watermarks else None


def _optional(ctx: ExtractContext, endpoint: settings.Endpoint, exc: GenesysApiError) -> None:
    """Report an optional endpoint that could not be read (403 or 404) and go on."""
    if isinstance(exc, PermissionDeniedError):
        why = f"the OAuth client lacks {exc.permission or endpoint.permission}"
    else:
        why = "Genesys answered 404 (a preview API this org does not have)"
    ctx.journal.warn(f"{endpoint.name} not loaded: {why}; {_WITHOUT[endpoint.name]}")


_WITHOUT: dict[str, str] = {
    settings.IVRS.name: "numbers owned by an IVR configuration are tagged by the owner's name"
    " (matched to flow_cost_centers) or did_cost_centers only",
    settings.OAUTH_CLIENTS.name: "API usage is tagged by OAuth client id only"
    " (seeds/oauth_client_cost_centers.csv, column oauth_client_id)",
    settings.BILLABLE_USAGE.name: "the billable usage report is not loaded (informational)",
    settings.CONTRACTS.name: "billing-period charges are not loaded (informational)",
    settings.BILLING_PERIOD.name: "billing-period charges are not loaded (informational)",
}


@dataclass
class ExtractContext:
    """What every resource of one run shares: the client, the month and the run's clocks."""

    client: GenesysClient
    month_start: datetime
    month_end: datetime
    now: datetime
    loaded_at: datetime
    pii_key: str | None = None
    home_country: str = settings.HOME_COUNTRY
    lookback: timedelta = timedelta(days=settings.LOOKBACK_DAYS)
    days_per_job: int = settings.CONVERSATION_DAYS_PER_JOB
    progress: Progress | None = None
    cost_center_attribute: str = settings.COST_CENTER_ATTRIBUTE
    participant_attributes: tuple[str, ...] = settings.PARTICIPANT_ATTRIBUTES
    reprocessing_margin: timedelta = timedelta(hours=settings.REPROCESSING_MARGIN_HOURS)
    journal: ExtractReport = field(default_factory=ExtractReport)
    _dids: list[dict[str, Any]] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def report(self, label: str, rows: int) -> None:
        if self.progress is not None and rows:
            self.progress(label, rows)

    def arrow(self, table_name: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
        with self.journal.timed("flatten"):
            table = to_arrow(table_name, rows_to_columns(table_name, rows), self.loaded_at)
        self.report(table_name, table.num_rows)
        return table

    def dids(self) -> list[dict[str, Any]]:
        """The org's DIDs (fetched once per run; conversations need them to keep them clear)."""
        with self._lock:
            if self._dids is None:
                self._dids = [
                    did for page in self.client.iter_page_number(settings.DIDS) for did in page
                ]
            return self._dids

    @property
    def data_end(self) -> datetime:
        """The end of the month, or now while the month is still running."""
        end = min(self.month_end, self.now)
        return self.month_end if end <= self.month_start else end


# -------------------------------------------------------------------------------- directory


def divisions(ctx: ExtractContext) -> Iterator[pa.Table]:
    """Authorization divisions. `replace`: a small reference list, always read whole."""
    rows = [
        records.division_row(d)
        for page in ctx.client.iter_page_number(settings.DIVISIONS)
        for d in page
    ]
    yield ctx.arrow("divisions", _unique(rows, ["division_id"]))


def _cost_center_schemas(ctx: ExtractContext) -> list[str]:
    body = ctx.client.request(settings.CUSTOM_ATTRIBUTE_SCHEMAS)
    schemas = body if isinstance(body, list) else (body or {}).get("entities") or []
    wanted = []
    for schema in schemas:
        properties = ((schema.get("jsonSchema") or {}).get("properties")) or {}
        if ctx.cost_center_attribute in properties or "cost" in str(schema.get("name")).lower():
            wanted.append(schema["id"])
    return wanted or [s["id"] for s in schemas if s.get("id")]


def users(ctx: ExtractContext) -> Iterator[Any]:
    """Users (with employerInfo and dateLastLogin) and their cost-center custom attributes.

    `scd2` (dlt merge strategy): people change departments and cost centers mid-month, so
    every distinct version is kept with `_dlt_valid_from`/`_dlt_valid_to` and attribution can
    use the tag valid when an interaction happened. The run's `as_of` is the boundary.
    """
    params = {"state": "any", "expand": settings.USER_DETAILS_EXPAND}
    all_users = [
        u for page in ctx.client.iter_page_number(settings.USERS, params=params) for u in page
    ]
    yield ctx.arrow("users", _unique([records.user_row(u) for u in all_users], ["user_id"]))

    schema_ids = _cost_center_schemas(ctx)
    if not schema_ids:
        logger.warning("no user custom attribute schema found: no cost-center tags landed")
        return
    ids = ",".join(schema_ids)

    def fetch(user_id: str) -> list[dict[str, Any]]:
        path = settings.CUSTOM_ATTRIBUTES_BULK.format(user_id=user_id)
        body = ctx.client.request(
            settings.CUSTOM_ATTRIBUTES_BULK, path, params={"schemaIds": ids}, not_found_ok=True
        )
        return body if isinstance(body, list) else (body or {}).get("entities") or []

    live = [u["id"] for u in all_users if u.get("id") and u.get("state") != "deleted"]
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="genesys-attrs") as pool:
        found = [r for result in pool.map(fetch, live) for r in result]
    rows = [records.custom_attributes_row(r, ctx.cost_center_attribute) for r in found]
    rows = _unique([r for r in rows if r["user_id"] and r["schema_id"]], ["user_id", "schema_id"])
    if rows:
        yield _mark(ctx.arrow("user_custom_attributes", rows), "user_custom_attributes")


def queues(ctx: ExtractContext) -> Iterator[pa.Table]:
    """Routing queues. `scd2`: queues get renamed and moved between divisions; history kept."""
    rows = [
        records.queue_row(q) for page in ctx.client.iter_page_number(settings.QUEUES) for q in page
    ]
    yield ctx.arrow("queues", _unique(rows, ["queue_id"]))


def dids(ctx: ExtractContext) -> Iterator[pa.Table]:
    """The org's phone numbers. `scd2`: numbers move between owners (users, IVRs, queues)."""
    rows = [records.did_row(d) for d in ctx.dids()]
    yield ctx.arrow("dids", _unique(rows, ["did_id"]))


def did_pools(ctx: ExtractContext) -> Iterator[pa.Table]:
    """DID pools. `replace`: a small reference list, always read whole."""
    rows = [
        records.did_pool_row(p)
        for page in ctx.client.iter_page_number(settings.DID_POOLS)
        for p in page
    ]
    yield ctx.arrow("did_pools", _unique(rows, ["did_pool_id"]))


def license_definitions(ctx: ExtractContext) -> Iterator[pa.Table]:
    """Licence definitions. `replace`: a small reference list (a plain JSON array)."""
    body = ctx.client.request(settings.LICENSE_DEFINITIONS)
    items = body if isinstance(body, list) else (body or {}).get("entities") or []
    rows = [records.license_definition_row(d) for d in items]
    yield ctx.arrow("license_definitions", _unique(rows, ["license_id"]))


def license_users(ctx: ExtractContext) -> Iterator[pa.Table]:
    """One row per user and licence. `scd2`: licences are assigned and removed over time; the
    history tells which licence a user held when billed."""
    rows = [
        row
        for page in ctx.client.iter_page_number(settings.LICENSE_USERS)
        for u in page
        for row in records.license_user_rows(u)
    ]
    yield ctx.arrow("license_users", _unique(rows, ["user_id", "license_id"]))


def ivrs(ctx: ExtractContext) -> Iterator[Any]:
    """IVR configurations (Architect call routing): the configuration an `IVR_CONFIG` DID owner
    names, its open/closed/holiday-hours flows and its DNIS list. `scd2`: routing is re-pointed
    to other flows over time, and a month is tagged with the routing valid then.

    Optional: without `routing:callRoute:view` the run goes on (a warning says what it costs)."""
    try:
        items = [ivr for page in ctx.client.iter_page_number(settings.IVRS) for ivr in page]
    except (PermissionDeniedError, EndpointNotFoundError) as exc:
        _optional(ctx, settings.IVRS, exc)
        return
    rows = _unique([records.ivr_row(i) for i in items], ["ivr_id"])
    numbers = _unique(
        [row for i in items for row in records.ivr_dnis_rows(i)], ["ivr_id", "phone_number"]
    )
    yield ctx.arrow("ivrs", rows)
    yield _mark(ctx.arrow("ivr_dnis", numbers), "ivr_dnis")


# ---------------------------------------------------------------------------- conversations


def conversations(ctx: ExtractContext, page_size: int, fast_path: bool = True) -> Iterator[Any]:
    """Conversation detail records from the async jobs API, as five flat tables.

    `merge` with `delete-insert` on the merge key `conversation_id` for all five tables: a
    rerun, an overlapping job or a late update replaces the whole conversation instead of
    duplicating it. One job per `days_per_job` days; jobs return every conversation overlapping
    their interval, so conversations crossing the month boundary come with the month they
    overlap, and in-progress ones (no `conversationEnd`) land with `is_in_progress = true`.
    The resource state keeps the end of the last extracted interval; the next run re-reads
    from `last_end - lookback` to pick up late updates.
    """
    if not ctx.pii_key:
        raise ConfigurationError(
            "FAIRSHARE_PII_KEY is not set: conversations carry customer phone numbers that are"
            " only landed hashed; set FAIRSHARE_PII_KEY (a long random secret, kept stable)"
        )
    org_numbers = {str(d["phoneNumber"]) for d in ctx.dids() if d.get("phoneNumber")}
    privacy = PrivacyFilter(
        PiiHasher(ctx.pii_key), org_numbers, ctx.home_country, ctx.participant_attributes
    )

    state = dlt.current.resource_state()
    last_end = parse_instant(state["last_end"]) if state.get("last_end") else None
    watermark = read_watermark(ctx.client, settings.CONVERSATION_AVAILABILITY)
    ctx.journal.watermark("conversations", watermark)
    # re-read at least the reprocessing margin before the previous run's end: Genesys may have
    # changed those conversations since
    lookback = max(ctx.lookback, ctx.reprocessing_margin)
    start, end = extraction_window(
        ctx.month_start, ctx.month_end, ctx.now, last_end, lookback, watermark
    )
    intervals = job_intervals(start, end, ctx.days_per_job)
    logger.info(
        "conversations: %s/%s in %d jobs (data available through %s; last run ended %s)",
        format_instant(start),
        format_instant(end),
        len(intervals),
        format_instant(watermark),
        format_instant(last_end) if last_end else "never",
    )
    if not intervals:
        ctx.journal.warn(
            f"no conversation data of the month is available yet (Genesys analytics are"
            f" available through {format_instant(watermark)})"
        )
        return
    reader = AnalyticsJobReader(
        ctx.client,
        CONVERSATION_JOB,
        page_size,
        settings.MAX_CONCURRENT_JOBS,
        body_extra={"order": "asc", "orderBy": "conversationStart"},
        parse=_timed(read_results_page, ctx.journal, "parse") if fast_path else None,
    )
    batch = _ConversationBatch(ctx, privacy)
    seen: set[str] = set()
    pages = 0
    for page in reader.pages(intervals):
        pages += 1
        before = len(seen)
        with ctx.journal.timed("flatten"):
            batch.add(page, seen)
        ctx.report("conversations", len(seen) - before)
        logger.debug(
            "conversations page %d: %d new (%d total)", pages, len(seen) - before, len(seen)
        )
        if batch.rows >= settings.ARROW_BATCH_ROWS:
            yield from _timed_items(batch.flush(), ctx.journal, "flatten")
    yield from _timed_items(batch.flush(), ctx.journal, "flatten")
    ctx.journal.add_seconds("page_wait", reader.waited)
    logger.info(
        "conversations: %d conversations from %d pages (%d by the reference path)",
        len(seen),
        pages,
        batch.python_pages,
    )
    if privacy.dropped_attributes:
        ctx.journal.dropped(privacy.dropped_attributes)
        logger.info(
            "participant data: %d attribute names not in the allow-list were dropped (%s)",
            len(privacy.dropped_attributes),
            ", ".join(sorted(privacy.dropped_attributes)[:10]),
        )
    state["last_end"] = format_instant(end if last_end is None else max(last_end, end))


def _timed(parse: Callable[[bytes], Any], journal: ExtractReport, work: str) -> Any:
    def timed(raw: bytes) -> Any:
        with journal.timed(work):
            return parse(raw)

    return timed


def _timed_items(items: Iterator[Any], journal: ExtractReport, work: str) -> Iterator[Any]:
    """The items, the time spent producing each counted as `work` (not the consumer's time)."""
    while True:
        with journal.timed(work):
            item = next(items, _END)
        if item is _END:
            return
        yield item


_END = object()


class _ConversationBatch:
    """Conversation rows waiting to be yielded: Arrow tables from the fast path, column lists
    from the reference path (pages the fast path declines)."""

    def __init__(self, ctx: ExtractContext, privacy: PrivacyFilter) -> None:
        self._ctx = ctx
        self._columns = ConversationColumns(privacy)
        self._arrow = ArrowConversationFlattener(privacy)
        self._tables: dict[str, list[pa.Table]] = {t: [] for t in CONVERSATION_TABLES}
        self.rows = 0
        self.python_pages = 0

    def add(self, page: Any, seen: set[str]) -> None:
        if isinstance(page, ResultsPage) and page.arrow is not None:
            try:
                columns = self._arrow.flatten(page.arrow, seen)
            except NotArrowable as exc:
                logger.debug("fast path declined a page (%s)", exc)
            else:
                for table_name, cols in columns.items():
                    table = to_arrow(table_name, cols, self._ctx.loaded_at)
                    if table.num_rows:
                        self._tables[table_name].append(table)
                        self.rows += table.num_rows
                return
        self.python_pages += 1
        before = self._columns.rows
        conversations = page.python() if isinstance(page, ResultsPage) else page
        for conversation in conversations:
            cid = conversation.get("conversationId")
            if cid is None or cid in seen:
                continue
            seen.add(cid)
            self._columns.add(conversation)
        self.rows += self._columns.rows - before

    def flush(self) -> Iterator[Any]:
        if self._columns.conversations:
            counts = self._columns.row_counts()
            columns = self._columns.columns
            self._columns.clear()  # a fresh set of lists: `columns` keeps the filled ones
            for table_name in CONVERSATION_TABLES:
                if counts[table_name]:
                    table = to_arrow(table_name, columns[table_name], self._ctx.loaded_at)
                    self._tables[table_name].append(table)
        for table_name in CONVERSATION_TABLES:
            tables = self._tables[table_name]
            if tables:
                combined = tables[0] if len(tables) == 1 else pa.concat_tables(tables)
                yield _mark(combined, table_name)
        self._tables = {t: [] for t in CONVERSATION_TABLES}
        self.rows = 0


# ------------------------------------------------------------------------- presence & usage


def user_details(ctx: ExtractContext) -> Iterator[Any]:
    """Presence and routing-status intervals from the user details jobs API.

    `merge` with `upsert` on (user_id, start_time): intervals crossing a month boundary come
    with both months and a still-open interval gets its end on the next run.
    """
    watermark = read_watermark(ctx.client, settings.USER_AVAILABILITY)
    ctx.journal.watermark("user_details", watermark)
    end = min(ctx.data_end, watermark)
    if end <= ctx.month_start:
        ctx.journal.warn(
            f"no presence data of the month is available yet (Genesys analytics are available"
            f" through {format_instant(watermark)})"
        )
        return
    reader = AnalyticsJobReader(
        ctx.client, USER_DETAILS_JOB, settings.PAGE_SIZE_USER_RESULTS, max_concurrent=1
    )
    presence: list[dict[str, Any]] = []
    routing: list[dict[str, Any]] = []
    for page in reader.pages([(ctx.month_start, end)]):
        for detail in page:
            presence.extend(records.presence_rows(detail))
            routing.extend(records.routing_status_rows(detail))
    key = ["user_id", "start_time"]
    if presence:
        yield _mark(ctx.arrow("user_presence", _unique(presence, key)), "user_presence")
    if routing:
        yield _mark(ctx.arrow("user_routing_status", _unique(routing, key)), "user_routing_status")


def api_usage(ctx: ExtractContext) -> Iterator[Any]:
    """API requests per OAuth client per day (usage aggregate query jobs), and the OAuth
    clients seen there.

    `merge` with `upsert` on (usage_date, oauth_client_id): the last day of a running month is
    re-counted by the next run; clients are upserted on their id (names can change).
    """
    interval = f"{format_instant(ctx.month_start)}/{format_instant(ctx.data_end)}"
    created = ctx.client.request(
        settings.USAGE_JOBS,
        body={
            "interval": interval,
            "granularity": "Day",
            "metrics": ["Requests"],
            "groupBy": ["OauthClientId"],
        },
    )
    job_id = (created or {}).get("id") or (created or {}).get("jobId")
    if not job_id:
        raise GenesysApiError("the API usage query job was created without an id; rerun later")
    path = settings.USAGE_JOB.format(job_id=job_id)
    first = _wait_for_usage_job(ctx, path)
    rows = []
    for page in ctx.client.iter_after(settings.USAGE_JOB, first_page=first):
        rows.extend(records.api_usage_row(e) for e in page.get("entities") or ())
    rows = _unique(rows, ["usage_date", "oauth_client_id"])
    directory = _oauth_client_directory(ctx)
    names = {c["oauth_client_id"]: c["name"] for c in directory}
    for row in rows:  # the usage job groups by id only: names come from the client list
        if not row["oauth_client_name"]:
            row["oauth_client_name"] = names.get(row["oauth_client_id"])
    if rows:
        yield _mark(ctx.arrow("api_usage", rows), "api_usage")
    clients = _unique(
        [
            *directory,
            *(
                {"oauth_client_id": r["oauth_client_id"], "name": r["oauth_client_name"]}
                for r in rows
                if r["oauth_client_id"] and r["oauth_client_id"] not in names
            ),
        ],
        ["oauth_client_id"],
    )
    if clients:
        yield _mark(ctx.arrow("oauth_clients", clients), "oauth_clients")


def _oauth_client_directory(ctx: ExtractContext) -> list[dict[str, Any]]:
    """The org's OAuth clients (id, name) from `GET /api/v2/oauth/clients` (optional)."""
    try:
        return [
            records.oauth_client_row(c)
            for page in ctx.client.iter_after(settings.OAUTH_CLIENTS, page_size=None)
            for c in page.get("entities") or ()
            if c.get("id")
        ]
    except (PermissionDeniedError, EndpointNotFoundError) as exc:
        _optional(ctx, settings.OAUTH_CLIENTS, exc)
        return []


def _wait_for_usage_job(ctx: ExtractContext, path: str) -> dict[str, Any]:
    delay = settings.JOB_POLL_FIRST_SECONDS
    params = {"pageSize": settings.PAGE_SIZE_USAGE_RESULTS}
    for _ in range(10_000):
        page = ctx.client.request(settings.USAGE_JOB, path, params=params) or {}
        status = str(page.get("queryStatus", "")).lower()
        if status in ("succeeded", "complete", "completed"):
            return page
        if status in ("failed", "cancelled", "canceled", "expired"):
            raise GenesysApiError(
                f"the Genesys API usage query job ended {page.get('queryStatus')}; rerun later"
            )
        logger.info("waiting for API usage job (%s)", page.get("queryStatus"))
        ctx.client.sleep(delay)
        delay = min(delay * settings.JOB_POLL_FACTOR, settings.JOB_POLL_MAX_SECONDS)
    raise GenesysApiError("the Genesys API usage query job never finished; rerun later")


# ----------------------------------------------------------------------------------- billing


def billable_usage(ctx: ExtractContext) -> Iterator[pa.Table]:
    """Billable usage report of the month (quantities, no prices).

    `merge` with `upsert` on (period_start, usage_name): rerunning a month refreshes its
    quantities. The report answers `InProgress` while Genesys builds it: polled with a limit.
    """
    params = {
        "startDate": format_instant(ctx.month_start),
        "endDate": format_instant(ctx.month_end),
    }
    delay = settings.JOB_POLL_FIRST_SECONDS
    for _ in range(settings.BILLABLE_USAGE_MAX_POLLS):
        try:
            report = (
                ctx.client.request(settings.BILLABLE_USAGE, params=params, exact_numbers=True) or {}
            )
        except (PermissionDeniedError, EndpointNotFoundError) as exc:
            _optional(ctx, settings.BILLABLE_USAGE, exc)
            return
        if str(report.get("status", "Complete")).lower() != "inprogress":
            last_day = (ctx.month_end - timedelta(days=1)).date().isoformat()
            rows = records.billable_usage_rows(report, ctx.month_start.date().isoformat(), last_day)
            rows = _unique([r for r in rows if r["usage_name"]], ["period_start", "usage_name"])
            if rows:
                yield ctx.arrow("billable_usage", rows)
            return
        logger.info("billable usage report in progress, next poll in %.1f s", delay)
        ctx.client.sleep(delay)
        delay = min(delay * settings.JOB_POLL_FACTOR, settings.JOB_POLL_MAX_SECONDS)
    raise GenesysApiError(
        f"the Genesys billable usage report stayed InProgress after"
        f" {settings.BILLABLE_USAGE_MAX_POLLS} polls; rerun the extract later"
    )


def _as_instant(value: Any, inclusive_end: bool = False) -> datetime | None:
    if not value:
        return None
    text = str(value)
    if len(text) == 10:  # a date; an end date is inclusive
        day = date.fromisoformat(text)
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return start + timedelta(days=1) if inclusive_end else start
    return parse_instant(text.replace("Z", "+00:00"))


def billing_period_charges(ctx: ExtractContext) -> Iterator[pa.Table]:
    """Contract billing-period charges (prepaid, fair use, actual, overage per product) of the
    billing periods overlapping the month.

    `merge` with `upsert` on (billing_period_id, charge_id): an open period's charges change
    until it closes; each run refreshes them.
    """
    rows: list[dict[str, Any]] = []
    try:
        pages = list(
            ctx.client.iter_after(
                settings.CONTRACTS, page_size=settings.PAGE_SIZE_CONTRACTS, exact_numbers=True
            )
        )
    except (PermissionDeniedError, EndpointNotFoundError) as exc:
        _optional(ctx, settings.CONTRACTS, exc)
        return
    for page in pages:
        for contract in page.get("entities") or ():
            for period in contract.get("billingPeriods") or ():
                starts = _as_instant(period.get("dateStart"))
                ends = _as_instant(period.get("dateEnd"), inclusive_end=True)
                if starts is not None and starts >= ctx.month_end:
                    continue
                if ends is not None and ends <= ctx.month_start:
                    continue
                path = settings.BILLING_PERIOD.format(
                    contract_id=contract["id"], period_id=period["id"]
                )
                detail = ctx.client.request(settings.BILLING_PERIOD, path, exact_numbers=True) or {}
                rows.extend(records.billing_period_charge_rows(contract["id"], detail))
    rows = _unique(rows, ["billing_period_id", "charge_id"])
    if rows:
        yield ctx.arrow("billing_period_charges", rows)


def invoices(ctx: ExtractContext) -> Iterator[Any]:
    """Vendor invoices and their lines from the (preview) invoices API.

    Invoices: `merge` with `upsert` on invoice_id (payment status changes). Lines: `merge` with
    `delete-insert` on the merge key invoice_id: a reload of an invoice replaces all its lines
    (so does a CSV of the same invoice).
    """
    headers: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    try:
        pages = list(
            ctx.client.iter_after(
                settings.INVOICES, page_size=settings.PAGE_SIZE_INVOICES, exact_numbers=True
            )
        )
    except (PermissionDeniedError, EndpointNotFoundError) as exc:
        raise _invoices_unavailable(exc) from exc
    for page in pages:
        for invoice in page.get("entities") or ():
            headers.append(records.invoice_row(invoice))
            path = settings.INVOICE_LINES.format(invoice_id=invoice["id"])
            line_pages = ctx.client.iter_after(
                settings.INVOICE_LINES,
                path,
                page_size=settings.PAGE_SIZE_INVOICES,
                exact_numbers=True,
            )
            for line_page in line_pages:
                lines.extend(
                    records.invoice_line_row(invoice["id"], invoice.get("currencyIsoCode"), line)
                    for line in line_page.get("entities") or ()
                )
    if headers:
        yield ctx.arrow("invoices", _unique(headers, ["invoice_id"]))
    if lines:
        unique = _unique(lines, ["invoice_id", "line_id"])
        yield _mark(ctx.arrow("invoice_lines", unique), "invoice_lines")


def _invoices_unavailable(exc: GenesysApiError) -> GenesysApiError:
    """The invoice is required: without the (preview) invoices API, the CSV must be given."""
    if isinstance(exc, PermissionDeniedError):
        why = f"the OAuth client lacks {exc.permission or settings.INVOICES.permission}"
    else:
        why = "Genesys answered 404: the invoices API (a preview API) is not available to this org"
    return GenesysApiError(
        f"the vendor invoice cannot be read from the API ({why}); pass the invoice lines as a"
        " file: --invoice-csv FILE (columns in docs/data-contract.md), or grant the permission"
    )


# ------------------------------------------------------------------------------------- files


def invoice_file(file: InvoiceFile, progress: Progress | None) -> Iterator[Any]:
    """Invoice lines typed in from a PDF invoice (validated before the run).

    Same tables and dispositions as the API invoices: the CSV replaces every line of the
    invoices it names (delete-insert on invoice_id).
    """
    for table_name, table in (("invoices", file.invoices), ("invoice_lines", file.invoice_lines)):
        if progress is not None:
            progress(table_name, table.num_rows)
        yield _mark(table, table_name)


def voice_usage_file(table: pa.Table, progress: Progress | None) -> Iterator[pa.Table]:
    """Genesys Cloud Voice usage CSV (validated before the run).

    `merge` with `upsert` on sip_call_id: reloading a file (or an overlapping one) never
    duplicates a call leg.
    """
    if progress is not None:
        progress("voice_usage", table.num_rows)
    yield table


def empty_tables(table_names: Sequence[str], loaded_at: datetime) -> Iterator[Any]:
    """Zero-row tables so every table of the contract exists for dbt, even before its first
    data (e.g. `voice_usage` before any file is loaded). Only used for tables not yet in the
    destination, so no merge or scd2 retirement ever sees them."""
    for name in table_names:
        yield _mark(to_arrow(name, {}, loaded_at), name)


# ------------------------------------------------------------------------------------ source


@dlt.source(name="genesys", max_table_nesting=0)
def genesys_source(
    month: str,
    genesys_client_id: str | None = dlt.secrets.value,
    genesys_client_secret: str | None = dlt.secrets.value,
    genesys_region: str | None = dlt.config.value,
    genesys_api_base: str | None = dlt.config.value,
    fairshare_pii_key: str | None = dlt.secrets.value,
    home_country: str = settings.HOME_COUNTRY,
    as_of: datetime | None = None,
    lookback_days: int = settings.LOOKBACK_DAYS,
    days_per_job: int = settings.CONVERSATION_DAYS_PER_JOB,
    requests_per_minute: int = settings.REQUESTS_PER_MINUTE,
    retry_budget: int = settings.RETRY_BUDGET,
    conversation_page_size: int = settings.PAGE_SIZE_CONVERSATION_RESULTS,
    conversation_fast_path: bool = True,
    resources: Sequence[str] | None = None,
    invoice_file_data: Any = None,
    voice_usage_data: Any = None,
    create_tables: Sequence[str] = (),
    progress: Any = None,
    client: Any = None,
    participant_attributes: Sequence[str] | None = None,
    cost_center_attribute: str | None = None,
    reprocessing_margin_hours: float = settings.REPROCESSING_MARGIN_HOURS,
    report: Any = None,
) -> list[DltResource]:
    """The Genesys Cloud source for one billing month (`YYYY-MM`).

    `client` (a `GenesysClient`) replaces the credential arguments when given (run_extract builds
    and authenticates it up front).
    `resources` selects API resources (default: all); `invoice_file_data` (an `InvoiceFile`) and
    `voice_usage_data` (an Arrow table) add the hand-loaded CSV files; `create_tables` lists
    contract tables to create empty. `as_of` is the scd2 boundary of the directory tables and
    caps the extracted interval (default: now).

    `participant_attributes` (dlt config `[sources.genesys] participant_attributes`, a list)
    are the participant data names landed (default `Cost_Center`; every other attribute is
    dropped); `cost_center_attribute` is the user custom attribute holding a cost center
    (default `Cost_Center_ID`); `reprocessing_margin_hours` how long Genesys may still change
    analytics data after it became available (default 48). `report` (an `ExtractReport`)
    receives the watermarks and warnings of the run.
    """
    from ingestion.genesys.jobs import month_bounds

    now = datetime.now(UTC)
    boundary = (as_of or now).astimezone(UTC)
    loaded_at = now
    month_start, month_end = month_bounds(month)
    selected = list(DIRECTORY_RESOURCES + ACTIVITY_RESOURCES + BILLING_RESOURCES)
    if resources is not None:
        selected = [r for r in selected if r in set(resources)]
    out: list[DltResource] = []
    if selected:
        if client is None:
            if not genesys_client_id or not genesys_client_secret:
                raise ConfigurationError(
                    "Genesys credentials missing: set GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET"
                    " (environment or .dlt/secrets.toml)"
                )
            api_base, login_base = resolve_hosts(genesys_region, genesys_api_base)
            client = GenesysClient(
                api_base=api_base,
                login_base=login_base,
                client_id=genesys_client_id,
                client_secret=genesys_client_secret,
                requests_per_minute=requests_per_minute,
                retry_budget=retry_budget,
            )
        ctx = ExtractContext(
            client=client,
            month_start=month_start,
            month_end=month_end,
            now=boundary,
            loaded_at=loaded_at,
            pii_key=fairshare_pii_key,
            home_country=home_country,
            lookback=timedelta(days=lookback_days),
            days_per_job=days_per_job,
            progress=progress,
            cost_center_attribute=cost_center_attribute or settings.COST_CENTER_ATTRIBUTE,
            participant_attributes=tuple(
                settings.PARTICIPANT_ATTRIBUTES
                if participant_attributes is None
                else participant_attributes
            ),
            reprocessing_margin=timedelta(hours=reprocessing_margin_hours),
            journal=report if report is not None else ExtractReport(),
        )
        factories: dict[str, tuple[Callable[[], Iterable[Any]], tuple[str, ...]]] = {
            "divisions": (lambda: divisions(ctx), ("divisions",)),
            "users": (lambda: users(ctx), ("users", "user_custom_attributes")),
            "queues": (lambda: queues(ctx), ("queues",)),
            "dids": (lambda: dids(ctx), ("dids",)),
            "did_pools": (lambda: did_pools(ctx), ("did_pools",)),
            "license_definitions": (lambda: license_definitions(ctx), ("license_definitions",)),
            "license_users": (lambda: license_users(ctx), ("license_users",)),
            "ivrs": (lambda: ivrs(ctx), ("ivrs", "ivr_dnis")),
            "conversations": (
                lambda: conversations(ctx, conversation_page_size, conversation_fast_path),
                CONVERSATION_TABLES,
            ),
            "user_details": (
                lambda: user_details(ctx),
                ("user_presence", "user_routing_status"),
            ),
            "api_usage": (lambda: api_usage(ctx), ("api_usage", "oauth_clients")),
            "billable_usage": (lambda: billable_usage(ctx), ("billable_usage",)),
            "billing_period_charges": (
                lambda: billing_period_charges(ctx),
                ("billing_period_charges",),
            ),
            "invoices": (lambda: invoices(ctx), ("invoices", "invoice_lines")),
        }
        for name in selected:
            factory, tables = factories[name]
            # API resources extract in parallel: most of their time is spent waiting on jobs
            out.append(_resource(_deferred(factory), name, tables, boundary, parallelized=True))
    if invoice_file_data is not None:
        out.append(
            _resource(
                invoice_file(invoice_file_data, progress),
                "invoice_csv",
                ("invoices", "invoice_lines"),
                boundary,
            )
        )
    if voice_usage_data is not None:
        out.append(
            _resource(
                voice_usage_file(voice_usage_data, progress),
                "voice_usage_csv",
                ("voice_usage",),
                boundary,
            )
        )
    if create_tables:
        names = list(create_tables)
        out.append(_resource(empty_tables(names, loaded_at), "contract_tables", names, boundary))
    return out


def _deferred(factory: Callable[[], Iterable[Any]]) -> Iterator[Any]:
    """Call `factory` only when dlt starts extracting the resource."""
    yield from factory()

"""`run_extract`: one billing month from Genesys Cloud (and hand-loaded CSVs) into raw tables.

    from ingestion.genesys.pipeline import run_extract
    result = run_extract("2026-10")                       # DuckDB at warehouse/fairshare.duckdb
    result = run_extract("2026-10", destination="snowflake")   # credentials the dlt way

The stages of a run, one function each:
1. the arguments and the CSV files (a malformed file, or an invoice of another month, loads
   nothing): `_check_run`, `_read_files`;
2. what to extract (`_resources`);
3. the credentials, proven by a token (`_connect`);
4. the dlt pipeline (`destination.open_pipeline`), then the extract log's `started` event
   (`ledger.ExtractLog`) before anything can reach the raw tables;
5. one `pipeline.run` with the parquet loader file format (`_load`);
6. the result, the extract log's `completed` event, the log lines (`_finish`).
Any failure becomes an `ExtractError` with a one-line message; an extract that fails leaves the
warehouse as it was (its load package is dropped), and the extract log says whether its load step
had started.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dlt
import pyarrow as pa

from ingestion.genesys import settings
from ingestion.genesys.client import GenesysClient, resolve_hosts
from ingestion.genesys.csv_files import InvoiceFile, read_invoice_csv, read_voice_usage_csv
from ingestion.genesys.destination import (
    DEFAULT_DUCKDB_PATH,
    discard,
    duckdb_file,
    load_failure,
    loaded_nothing,
    open_pipeline,
    row_counts,
    step_seconds,
)
from ingestion.genesys.errors import ConfigurationError, ExtractError, WrongMonthError
from ingestion.genesys.jobs import check_month_available, month_bounds, month_is_final
from ingestion.genesys.ledger import ExtractLog, file_fingerprint
from ingestion.genesys.run_settings import (
    DESTINATIONS,
    check_arguments,
    config_value,
    credentials,
    env,
    list_setting,
    margin_setting,
    parse_month,
)
from ingestion.genesys.source import DIRECTORY_RESOURCES, ExtractReport, genesys_source

logger = logging.getLogger("fairshare.ingestion")

__all__ = ["DEFAULT_DUCKDB_PATH", "DESTINATIONS", "ExtractResult", "run_extract"]

API_RESOURCES = (
    *DIRECTORY_RESOURCES,
    "conversations",
    "user_details",
    "api_usage",
    "billable_usage",
    "billing_period_charges",
    "invoices",
)


@dataclass
class ExtractResult:
    """What one `run_extract` landed."""

    month: str
    destination: str
    dataset_name: str
    rows: dict[str, int] = field(default_factory=dict)  # rows landed per table this run
    seconds: float = 0.0
    load_info: Any = None
    duckdb_path: Path | None = None
    api_requests: int = 0  # Genesys API calls made (retries included)
    api_retries: int = 0  # retries spent from the retry budget
    rate_limit_wait: float = 0.0  # seconds spent waiting for the client-side rate limit
    # The analytics data-availability watermark this extract loaded up to: the earlier of the
    # conversation and user-details watermarks (None when no analytics job ran, e.g. a
    # directory snapshot or a CSV-only load).
    data_available_through: datetime | None = None
    # True only when that watermark is past the month's end plus the reprocessing margin:
    # Genesys can no longer change the month's analytics, so a month built from it is final.
    month_final: bool = False
    reprocessing_margin: timedelta = timedelta(hours=settings.REPROCESSING_MARGIN_HOURS)
    load_ids: list[str] = field(default_factory=list)  # dlt load ids this extract produced
    warnings: list[str] = field(default_factory=list)  # optional data not loaded, and why
    # participant data attribute names seen and not landed (not in the allow-list)
    dropped_attributes: list[str] = field(default_factory=list)
    # where the time went: dlt's steps ("extract", "normalize", "load": wall seconds) and, within
    # the extract step, thread-seconds "api" (waiting for the API's answers), "parse" (answers to
    # Arrow) and "flatten" (to the raw tables' rows); threads overlap, so these add up to more
    # than the extract step's wall time
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def rows_per_second(self) -> float:
        return self.total_rows / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _Files:
    """The hand-loaded files of a run, read and checked before anything is extracted."""

    invoice: InvoiceFile | None = None
    voice_usage: pa.Table | None = None
    fingerprints: list[dict[str, Any]] = field(default_factory=list)  # for the extract log


def run_extract(
    month: str,
    *,
    destination: str = "duckdb",
    duckdb_path: Path | None = None,
    dataset_name: str = "genesys_raw",
    api_base: str | None = None,
    region: str | None = None,
    invoice_csv: Path | None = None,
    voice_usage_csv: Path | None = None,
    as_of: datetime | None = None,
    directory_only: bool = False,
    include_api: bool = True,
    lookback_days: int = settings.LOOKBACK_DAYS,
    days_per_job: int = settings.CONVERSATION_DAYS_PER_JOB,
    requests_per_minute: int = settings.REQUESTS_PER_MINUTE,
    retry_budget: int = settings.RETRY_BUDGET,
    pipelines_dir: Path | None = None,
    progress: Callable[[str, int], None] | None = None,
    reprocessing_margin: timedelta | None = None,
    participant_attributes: list[str] | tuple[str, ...] | None = None,
    cost_center_attribute: str | None = None,
) -> ExtractResult:
    """Extract one billing month (`YYYY-MM`) into the raw tables of `dataset_name`.

    Credentials: `GENESYS_CLIENT_ID`, `GENESYS_CLIENT_SECRET`, and `GENESYS_REGION` (e.g.
    `mypurecloud.ie`) or `GENESYS_API_BASE` (the sandbox), from the environment or dlt secrets;
    `api_base`/`region` override them. `FAIRSHARE_PII_KEY` is required when conversations are
    landed. `as_of` is the scd2 boundary of the directory tables (default now) and caps the
    extracted interval. `directory_only` extracts only the directory tables (a daily snapshot);
    `include_api=False` loads only the CSV files. `progress(label, rows)` is called as rows are
    extracted (`rows` is the increment, label a table name; resources extract in parallel, so
    it may be called from worker threads).

    Analytics (conversations, presence) are loaded up to Genesys's data-availability watermark;
    `result.month_final` says whether it is past the month end plus `reprocessing_margin`
    (default 48 h; dlt config `[sources.genesys] reprocessing_margin_hours` or
    FAIRSHARE_REPROCESSING_MARGIN_HOURS). `participant_attributes` (default: dlt config
    `participant_attributes`, else `Cost_Center`) are the participant data names landed;
    `cost_center_attribute` (default: dlt config, else `Cost_Center_ID`) the user custom
    attribute holding a cost center.

    Raises `ExtractError` (one line, says what to fix) on any failure.
    """
    started = time.perf_counter()
    margin, as_of = _check_run(
        month,
        as_of,
        reprocessing_margin,
        destination,
        lookback_days,
        days_per_job,
        requests_per_minute,
        retry_budget,
    )
    files = _read_files(month, invoice_csv, voice_usage_csv)
    resources = _resources(include_api, directory_only, files)
    client, source_kwargs = _connect(resources, api_base, region, requests_per_minute, retry_budget)
    path = duckdb_file(destination, duckdb_path)
    pipeline, create = open_pipeline(destination, dataset_name, path, pipelines_dir)
    extract_log = ExtractLog(
        destination=pipeline.destination,
        dataset_name=dataset_name,
        pipelines_dir=pipeline.pipelines_dir,
        month=month,
        directory_only=directory_only or not include_api,
        destination_name=destination,
    )
    extract_log.started(files.fingerprints)

    report = ExtractReport()

    def source() -> Any:
        return genesys_source(
            month,
            report=report,
            reprocessing_margin_hours=margin.total_seconds() / 3600,
            participant_attributes=list_setting(
                participant_attributes, "participant_attributes", "FAIRSHARE_PARTICIPANT_ATTRIBUTES"
            ),
            cost_center_attribute=cost_center_attribute
            or env("FAIRSHARE_COST_CENTER_ATTRIBUTE")
            or config_value("cost_center_attribute"),
            as_of=as_of,
            lookback_days=lookback_days,
            days_per_job=days_per_job,
            requests_per_minute=requests_per_minute,
            retry_budget=retry_budget,
            resources=resources,
            invoice_file_data=files.invoice,
            voice_usage_data=files.voice_usage,
            create_tables=create,
            progress=progress,
            **source_kwargs,
        )

    load_info = _load(pipeline, source, extract_log, destination)
    result = ExtractResult(
        month=month,
        destination=destination,
        dataset_name=dataset_name,
        rows=row_counts(pipeline),
        seconds=time.perf_counter() - started,
        load_info=load_info,
        duckdb_path=path,
        data_available_through=report.data_available_through,
        month_final=month_is_final(month, report.data_available_through, margin),
        reprocessing_margin=margin,
        load_ids=list(getattr(load_info, "loads_ids", None) or []),
        warnings=list(report.warnings),
        dropped_attributes=sorted(report.dropped_attributes),
        api_requests=client.requests if client else 0,
        api_retries=client.retries if client else 0,
        rate_limit_wait=client.limiter.waited if client else 0.0,
        stage_seconds={
            **step_seconds(pipeline),
            "api": client.api_seconds if client else 0.0,
            **report.seconds,
        },
    )
    extract_log.completed(
        load_ids=result.load_ids,
        row_counts=result.rows,
        files=files.fingerprints,
        data_available_through=result.data_available_through,
        month_final=result.month_final if result.data_available_through is not None else None,
    )
    _log_result(result)
    return result


# ------------------------------------------------------------------ 1. arguments and files


def _check_run(
    month: str,
    as_of: datetime | None,
    reprocessing_margin: timedelta | None,
    destination: str,
    lookback_days: int,
    days_per_job: int,
    requests_per_minute: int,
    retry_budget: int,
) -> tuple[timedelta, datetime | None]:
    """The arguments, before any work: (the reprocessing margin, `as_of` in UTC)."""
    parse_month(month)
    check_month_available(month, (as_of or datetime.now(UTC)).astimezone(UTC))
    margin = reprocessing_margin if reprocessing_margin is not None else margin_setting()
    check_arguments(
        destination, lookback_days, days_per_job, requests_per_minute, retry_budget, margin
    )
    if as_of is not None and as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)
    return margin, as_of


def _read_files(month: str, invoice_csv: Path | None, voice_usage_csv: Path | None) -> _Files:
    """The CSV files, read and validated whole: a malformed file fails the run before anything
    is extracted or loaded, and so does an invoice file that bills another month."""
    checked_at = datetime.now(UTC)
    files = _Files()
    if invoice_csv is not None:
        files.invoice = read_invoice_csv(Path(invoice_csv), checked_at)
        rows = files.invoice.invoice_lines.num_rows
        logger.info("%s: %d invoice lines valid", invoice_csv, rows)
        _check_invoice_month(Path(invoice_csv), files.invoice, month)
    if voice_usage_csv is not None:
        files.voice_usage = read_voice_usage_csv(Path(voice_usage_csv), checked_at)
        logger.info("%s: %d voice usage rows valid", voice_usage_csv, files.voice_usage.num_rows)
    if invoice_csv is not None and files.invoice is not None:
        rows = files.invoice.invoice_lines.num_rows
        files.fingerprints.append(file_fingerprint("invoice_csv", Path(invoice_csv), rows))
    if voice_usage_csv is not None and files.voice_usage is not None:
        rows = files.voice_usage.num_rows
        files.fingerprints.append(file_fingerprint("voice_usage_csv", Path(voice_usage_csv), rows))
    return files


def _check_invoice_month(path: Path, invoice: InvoiceFile, month: str) -> None:
    """An invoice CSV must bill the month it is loaded for: at least one line starts in it."""
    first, after = month_bounds(month)
    starts = invoice.invoice_lines.column("date_start").to_pylist()
    if any(first.date() <= start < after.date() for start in starts if start is not None):
        return
    found = sorted({f"{start:%Y-%m}" for start in starts if start is not None})
    raise WrongMonthError(
        f"{path.name} bills {', '.join(found) or 'no month'}, not {month} (no line starts in"
        f" {month}): load the invoice of {month}, or pass --month {found[0] if found else month}"
    )


# ------------------------------------------------------------------ 2., 3. what and how


def _resources(include_api: bool, directory_only: bool, files: _Files) -> list[str]:
    """The API resources to extract (the invoice CSV replaces the invoices API)."""
    resources: list[str] = []
    if include_api:
        if directory_only:
            resources = list(DIRECTORY_RESOURCES)
        else:
            resources = [
                name
                for name in API_RESOURCES
                if not (name == "invoices" and files.invoice is not None)
            ]
    if not resources and files.invoice is None and files.voice_usage is None:
        raise ConfigurationError(
            "nothing to extract: enable the API or pass --invoice-csv / --voice-usage-csv"
        )
    return resources


def _connect(
    resources: list[str],
    api_base: str | None,
    region: str | None,
    requests_per_minute: int,
    retry_budget: int,
) -> tuple[GenesysClient | None, dict[str, Any]]:
    """The API client, its credentials proven by a token (credentials from the environment
    first, then dlt config/secrets); no client when only files are loaded."""
    if not resources:
        return None, {}
    source_kwargs = credentials(api_base, region, needs_pii="conversations" in resources)
    api, login = resolve_hosts(source_kwargs["genesys_region"], source_kwargs["genesys_api_base"])
    client = GenesysClient(
        api_base=api,
        login_base=login,
        client_id=source_kwargs["genesys_client_id"],
        client_secret=source_kwargs["genesys_client_secret"],
        requests_per_minute=requests_per_minute,
        retry_budget=retry_budget,
    )
    client.authenticate()
    source_kwargs["client"] = client
    return client, source_kwargs


# ------------------------------------------------------------------ 5. load


def _load(
    pipeline: dlt.Pipeline,
    source: Callable[[], Any],
    extract_log: ExtractLog,
    destination: str,
) -> Any:
    """One `pipeline.run` of the source (loaded files deleted, staging copies truncated: see
    .dlt/config.toml). A failure drops the load package, is logged `failed` (or `abandoned`
    when the load step had not started) and raised as one ExtractError line."""
    for key in ("LOAD__DELETE_COMPLETED_JOBS", "LOAD__TRUNCATE_STAGING_DATASET"):
        os.environ.setdefault(key, "true")
    try:
        load_info = pipeline.run(source(), loader_file_format="parquet")
    except Exception as exc:
        discard(pipeline)
        extract_log.failed(str(exc), loaded_nothing=loaded_nothing(exc))
        if isinstance(exc, ExtractError):
            raise
        raise load_failure(exc, destination) from exc
    if load_info.has_failed_jobs:
        failed = [
            f"{job.job_file_info.table_name}: {job.failed_message}"
            for package in load_info.load_packages
            for job in package.jobs.get("failed_jobs", [])
        ]
        message = f"some tables failed to load: {'; '.join(failed)[:500]}"
        extract_log.failed(message, loaded_nothing=False)
        raise ExtractError(message)
    return load_info


# ------------------------------------------------------------------ 6. result


def _log_result(result: ExtractResult) -> None:
    logger.info(
        "extract %s: %d rows in %.1f s (%.0f rows/s); %d API requests, %d retries, %.1f s waiting"
        " for the rate limit",
        result.month,
        result.total_rows,
        result.seconds,
        result.rows_per_second,
        result.api_requests,
        result.api_retries,
        result.rate_limit_wait,
    )
    watermark = result.data_available_through
    if watermark is not None:
        margin = result.reprocessing_margin
        logger.info(
            "analytics data available through %s: month %s is %s",
            watermark.isoformat(),
            result.month,
            "final"
            if result.month_final
            else "provisional until the watermark passes its end"
            f" + {margin.total_seconds() / 3600:g} h: rerun the extract then",
        )

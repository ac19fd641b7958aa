"""`run_extract`: one billing month from Genesys Cloud (and hand-loaded CSVs) into raw tables.

    from ingestion.genesys.pipeline import run_extract
    result = run_extract("2026-10")                       # DuckDB at warehouse/fairshare.duckdb
    result = run_extract("2026-10", destination="snowflake")   # credentials the dlt way

Order of work: validate the arguments and the CSV files (a malformed file loads nothing),
resolve credentials, then one `pipeline.run` with the parquet loader file format. Any failure
becomes an `ExtractError` with a one-line message; an extract that fails leaves the warehouse as
it was (its load package is dropped, nothing reached the destination).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dlt
from dlt.common.schema.utils import has_table_seen_data
from dlt.pipeline.exceptions import PipelineStepFailed

from ingestion.genesys import settings
from ingestion.genesys.client import GenesysClient, resolve_hosts
from ingestion.genesys.csv_files import InvoiceFile, read_invoice_csv, read_voice_usage_csv
from ingestion.genesys.errors import ConfigurationError, ExtractError, WrongMonthError
from ingestion.genesys.jobs import check_month_available, month_bounds, month_is_final
from ingestion.genesys.ledger import ExtractLog, file_fingerprint
from ingestion.genesys.schema import TABLES
from ingestion.genesys.source import DIRECTORY_RESOURCES, ExtractReport, genesys_source

logger = logging.getLogger("fairshare.ingestion")

DESTINATIONS = ("duckdb", "snowflake", "bigquery")
DEFAULT_DUCKDB_PATH = "warehouse/fairshare.duckdb"
SOURCE_NAME = "genesys"


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

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def rows_per_second(self) -> float:
        return self.total_rows / self.seconds if self.seconds > 0 else 0.0


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def _parse_month(month: str) -> None:
    try:
        month_bounds(month)
    except (ValueError, OverflowError) as exc:
        raise ConfigurationError(f"invalid month {month!r}: use YYYY-MM, e.g. 2026-10") from exc


def _pipeline_name(dataset_name: str) -> str:
    """Stable per dataset: the incremental state lives in the destination under this name."""
    return f"fairshare_genesys_{dataset_name}"


def _working_dir(
    pipelines_dir: Path | None, destination: str, dataset_name: str, duckdb_path: Path | None
) -> str:
    """A local working directory per destination + dataset, so local state never leaks between
    two warehouses; when it is missing dlt restores the state from the destination."""
    from dlt.common.pipeline import get_dlt_pipelines_dir

    identity = f"{destination}|{dataset_name}|{duckdb_path.resolve() if duckdb_path else ''}"
    root = Path(pipelines_dir) if pipelines_dir else Path(get_dlt_pipelines_dir())
    return str(root / hashlib.sha1(identity.encode()).hexdigest()[:12])


def _destination(name: str, duckdb_path: Path | None) -> Any:
    if name == "duckdb":
        assert duckdb_path is not None
        duckdb_path.parent.mkdir(parents=True, exist_ok=True)
        return dlt.destinations.duckdb(credentials=str(duckdb_path))
    if name == "snowflake":
        return dlt.destinations.snowflake()
    return dlt.destinations.bigquery()


def _find_extract_error(exc: BaseException) -> ExtractError | None:
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ExtractError):
            return current
        stack.extend([current.__cause__, current.__context__])
        for attr in ("exception", "inner_exception"):
            inner = getattr(current, attr, None)
            if isinstance(inner, BaseException):
                stack.append(inner)
    return None


def _root_cause(exc: BaseException) -> BaseException:
    current = exc
    while current.__cause__ is not None:
        current = current.__cause__
    return current


def _existing_tables(pipeline: dlt.Pipeline) -> set[str]:
    """Contract tables that already hold loaded data in the destination."""
    try:
        pipeline.sync_destination()
    except Exception as exc:  # a fresh destination has nothing to restore
        logger.debug("no state restored from the destination: %s", exc)
    schema = pipeline.schemas.get(SOURCE_NAME) if SOURCE_NAME in pipeline.schemas else None
    if schema is None:
        return set()
    return {name for name, table in schema.tables.items() if has_table_seen_data(table)}


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
    _parse_month(month)
    check_month_available(month, (as_of or datetime.now(UTC)).astimezone(UTC))
    margin = reprocessing_margin if reprocessing_margin is not None else _margin_setting()
    if margin < timedelta(0):
        raise ConfigurationError("the reprocessing margin must not be negative")
    if destination not in DESTINATIONS:
        raise ConfigurationError(
            f"unknown destination {destination!r}: use one of {', '.join(DESTINATIONS)}"
        )
    if lookback_days < 0 or days_per_job < 1 or requests_per_minute < 1 or retry_budget < 0:
        raise ConfigurationError(
            "lookback days must be >= 0, days per job >= 1, requests per minute >= 1 and the"
            " retry budget >= 0"
        )
    if as_of is not None and as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)

    # 1. files first: a malformed CSV fails the run before anything is extracted or loaded
    checked_at = datetime.now(UTC)
    invoice_data: InvoiceFile | None = None
    voice_data = None
    if invoice_csv is not None:
        invoice_data = read_invoice_csv(Path(invoice_csv), checked_at)
        logger.info("%s: %d invoice lines valid", invoice_csv, invoice_data.invoice_lines.num_rows)
        _check_invoice_month(Path(invoice_csv), invoice_data, month)
    if voice_usage_csv is not None:
        voice_data = read_voice_usage_csv(Path(voice_usage_csv), checked_at)
        logger.info("%s: %d voice usage rows valid", voice_usage_csv, voice_data.num_rows)

    # 2. what to extract
    resources: list[str] = []
    if include_api:
        if directory_only:
            resources = list(DIRECTORY_RESOURCES)
        else:
            resources = [
                name
                for name in (
                    *DIRECTORY_RESOURCES,
                    "conversations",
                    "user_details",
                    "api_usage",
                    "billable_usage",
                    "billing_period_charges",
                    "invoices",
                )
                if not (name == "invoices" and invoice_data is not None)
            ]
    if not resources and invoice_data is None and voice_data is None:
        raise ConfigurationError(
            "nothing to extract: enable the API or pass --invoice-csv / --voice-usage-csv"
        )

    # 3. credentials (environment first, then dlt config/secrets); a token proves them
    source_kwargs: dict[str, Any] = {}
    client: GenesysClient | None = None
    if resources:
        source_kwargs = _credentials(api_base, region, needs_pii="conversations" in resources)
        api, login = resolve_hosts(
            source_kwargs["genesys_region"], source_kwargs["genesys_api_base"]
        )
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

    # 4. pipeline (loaded files deleted, staging copies truncated: see .dlt/config.toml)
    for key in ("LOAD__DELETE_COMPLETED_JOBS", "LOAD__TRUNCATE_STAGING_DATASET"):
        os.environ.setdefault(key, "true")
    path: Path | None = None
    if destination == "duckdb":
        path = Path(duckdb_path or _env("FAIRSHARE_DUCKDB_PATH") or DEFAULT_DUCKDB_PATH)
    pipeline = dlt.pipeline(
        pipeline_name=_pipeline_name(dataset_name),
        destination=_destination(destination, path),
        dataset_name=dataset_name,
        pipelines_dir=_working_dir(pipelines_dir, destination, dataset_name, path),
    )
    if pipeline.has_pending_data:
        logger.warning("dropping a load package left by an interrupted run")
        pipeline.drop_pending_packages()
    existing = _existing_tables(pipeline)
    create = [t for t in TABLES if t not in existing]

    # 5. the extract log: `started` before anything can reach the raw tables, `completed` after
    files = []
    if invoice_csv is not None and invoice_data is not None:
        rows_in_file = invoice_data.invoice_lines.num_rows
        files.append(file_fingerprint("invoice_csv", Path(invoice_csv), rows_in_file))
    if voice_usage_csv is not None and voice_data is not None:
        files.append(
            file_fingerprint("voice_usage_csv", Path(voice_usage_csv), voice_data.num_rows)
        )
    extract_log = ExtractLog(
        destination=pipeline.destination,
        dataset_name=dataset_name,
        pipelines_dir=pipeline.pipelines_dir,
        month=month,
        directory_only=directory_only or not include_api,
        destination_name=destination,
    )
    extract_log.started(files)

    report = ExtractReport()
    try:
        source = genesys_source(
            month,
            report=report,
            reprocessing_margin_hours=margin.total_seconds() / 3600,
            participant_attributes=_list_setting(
                participant_attributes, "participant_attributes", "FAIRSHARE_PARTICIPANT_ATTRIBUTES"
            ),
            cost_center_attribute=cost_center_attribute
            or _env("FAIRSHARE_COST_CENTER_ATTRIBUTE")
            or _config("cost_center_attribute"),
            as_of=as_of,
            lookback_days=lookback_days,
            days_per_job=days_per_job,
            requests_per_minute=requests_per_minute,
            retry_budget=retry_budget,
            resources=resources,
            invoice_file_data=invoice_data,
            voice_usage_data=voice_data,
            create_tables=create,
            progress=progress,
            **source_kwargs,
        )
        load_info = pipeline.run(source, loader_file_format="parquet")
    except ExtractError as exc:
        _discard(pipeline)
        extract_log.failed(str(exc), loaded_nothing=True)
        raise
    except PipelineStepFailed as exc:
        _discard(pipeline)
        extract_log.failed(str(exc), loaded_nothing=exc.step != "load")
        found = _find_extract_error(exc)
        if found is not None:
            raise found from exc
        cause = _root_cause(exc)
        missing = _missing_destination_config(cause, destination)
        if missing is not None:
            raise missing from exc
        raise ExtractError(
            f"the {exc.step} step failed: {type(cause).__name__}: {str(cause)[:300]}"
            f"{_destination_hint(destination)}"
        ) from exc
    except Exception as exc:
        _discard(pipeline)
        extract_log.failed(str(exc), loaded_nothing=False)
        found = _find_extract_error(exc) or _missing_destination_config(exc, destination)
        if found is not None:
            raise found from exc
        raise ExtractError(f"extract failed: {type(exc).__name__}: {str(exc)[:300]}") from exc

    if load_info.has_failed_jobs:
        failed = [
            f"{job.job_file_info.table_name}: {job.failed_message}"
            for package in load_info.load_packages
            for job in package.jobs.get("failed_jobs", [])
        ]
        message = f"some tables failed to load: {'; '.join(failed)[:500]}"
        extract_log.failed(message, loaded_nothing=False)
        raise ExtractError(message)

    rows = _row_counts(pipeline)
    seconds = time.perf_counter() - started
    watermark = report.data_available_through
    result = ExtractResult(
        data_available_through=watermark,
        month_final=month_is_final(month, watermark, margin),
        reprocessing_margin=margin,
        load_ids=list(getattr(load_info, "loads_ids", None) or []),
        warnings=list(report.warnings),
        dropped_attributes=sorted(report.dropped_attributes),
        month=month,
        destination=destination,
        dataset_name=dataset_name,
        rows=rows,
        seconds=seconds,
        load_info=load_info,
        duckdb_path=path,
        api_requests=client.requests if client else 0,
        api_retries=client.retries if client else 0,
        rate_limit_wait=client.limiter.waited if client else 0.0,
    )
    extract_log.completed(
        load_ids=result.load_ids,
        row_counts=rows,
        files=files,
        data_available_through=watermark,
        month_final=result.month_final if watermark is not None else None,
    )
    logger.info(
        "extract %s: %d rows in %.1f s (%.0f rows/s); %d API requests, %d retries, %.1f s waiting"
        " for the rate limit",
        month,
        result.total_rows,
        seconds,
        result.rows_per_second,
        result.api_requests,
        result.api_retries,
        result.rate_limit_wait,
    )
    if watermark is not None:
        logger.info(
            "analytics data available through %s: month %s is %s",
            watermark.isoformat(),
            month,
            "final"
            if result.month_final
            else "provisional until the watermark passes its end"
            f" + {margin.total_seconds() / 3600:g} h: rerun the extract then",
        )
    return result


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


def _config(name: str) -> Any:
    """A `[sources.genesys]` dlt config value (None when unset or unreadable)."""
    for key in (f"sources.genesys.{name}", f"sources.{name}"):
        try:
            value = dlt.config.get(key)
        except Exception:  # an unreadable provider means "not configured"
            value = None
        if value is not None and value != "":
            return value
    return None


def _margin_setting() -> timedelta:
    raw = _env("FAIRSHARE_REPROCESSING_MARGIN_HOURS") or _config("reprocessing_margin_hours")
    if raw is None:
        return timedelta(hours=settings.REPROCESSING_MARGIN_HOURS)
    try:
        hours = float(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(
            f"reprocessing_margin_hours must be a number of hours, not {raw!r}"
        ) from exc
    if hours < 0:
        raise ConfigurationError("reprocessing_margin_hours must not be negative")
    return timedelta(hours=hours)


def _list_setting(value: Any, name: str, env: str) -> list[str] | None:
    """An explicit list, else FAIRSHARE_... (comma separated), else the dlt config list."""
    if value is not None:
        return [str(v) for v in value]
    raw = _env(env) or _config(name)
    if raw is None:
        return None
    if isinstance(raw, str) and raw.strip().startswith("["):
        try:
            raw = json.loads(raw)  # a TOML/JSON list given as text (dlt's environment form)
        except ValueError as exc:
            raise ConfigurationError(f"{name} must be a list of names, not {raw!r}") from exc
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    return [str(v).strip() for v in items if str(v).strip()]


def _credentials(api_base: str | None, region: str | None, needs_pii: bool) -> dict[str, Any]:
    """Explicit arguments, then the environment; anything missing is left to dlt's resolution
    (`.dlt/secrets.toml`, `[sources.genesys]`). Missing values become ConfigurationError."""
    kwargs: dict[str, Any] = {}
    for arg, env in (
        ("genesys_client_id", "GENESYS_CLIENT_ID"),
        ("genesys_client_secret", "GENESYS_CLIENT_SECRET"),
        ("fairshare_pii_key", "FAIRSHARE_PII_KEY"),
    ):
        value = _env(env)
        if value is None:
            value = _secret(arg)
        kwargs[arg] = value
    if api_base or region:
        kwargs["genesys_api_base"] = api_base
        kwargs["genesys_region"] = region
    else:
        kwargs["genesys_api_base"] = _env("GENESYS_API_BASE") or _secret("genesys_api_base")
        kwargs["genesys_region"] = _env("GENESYS_REGION") or _secret("genesys_region")
    missing = [
        env
        for arg, env in (
            ("genesys_client_id", "GENESYS_CLIENT_ID"),
            ("genesys_client_secret", "GENESYS_CLIENT_SECRET"),
        )
        if not kwargs[arg]
    ]
    if missing:
        raise ConfigurationError(
            f"Genesys credentials missing: set {' and '.join(missing)} (environment or"
            " .dlt/secrets.toml [sources.genesys])"
        )
    if not kwargs["genesys_api_base"] and not kwargs["genesys_region"]:
        raise ConfigurationError(
            "no Genesys region: set GENESYS_REGION (e.g. mypurecloud.ie) or GENESYS_API_BASE"
        )
    if needs_pii and not kwargs["fairshare_pii_key"]:
        raise ConfigurationError(
            "FAIRSHARE_PII_KEY is not set: conversations carry customer phone numbers that are"
            " only landed hashed; set FAIRSHARE_PII_KEY (a long random secret, kept stable)"
        )
    return kwargs


def _secret(name: str) -> str | None:
    for key in (f"sources.genesys.{name}", f"sources.{name}", name):
        try:
            value = dlt.secrets.get(key)
        except Exception:  # an unreadable provider means "not configured"
            value = None
        if value:
            return str(value)
    return None


def _discard(pipeline: dlt.Pipeline) -> None:
    """Drop whatever the failed run left in the pipeline's working directory."""
    try:
        if pipeline.has_pending_data:
            pipeline.drop_pending_packages()
    except Exception as exc:  # cleanup must not hide the original error
        logger.warning("could not drop the failed load package: %s", exc)


def _missing_destination_config(exc: BaseException, destination: str) -> ExtractError | None:
    """A short ConfigurationError for dlt's (very long) missing-configuration exception."""
    from dlt.common.configuration.exceptions import ConfigFieldMissingException

    current: BaseException | None = exc
    while current is not None and not isinstance(current, ConfigFieldMissingException):
        current = current.__cause__ or current.__context__
    if current is None:
        return None
    fields = re.findall(r"missing field\(s\): ((?:`\w+`(?:, )?)+)", str(current))
    parts = [name for group in fields for name in group.replace("`", "").split(", ") if name]
    names = ", ".join(dict.fromkeys(parts)) or "credentials"
    return ConfigurationError(
        f"{destination} configuration incomplete (missing: {names}); set it in .dlt/secrets.toml"
        f" [destination.{destination}.credentials] or as environment variables"
        f" DESTINATION__{destination.upper()}__CREDENTIALS__<FIELD>"
    )


def _destination_hint(destination: str) -> str:
    if destination == "duckdb":
        return "; check that the DuckDB file is not open in another process"
    return f"; check the {destination} credentials in .dlt/secrets.toml or the environment"


def _row_counts(pipeline: dlt.Pipeline) -> dict[str, int]:
    trace = pipeline.last_trace
    info = trace.last_normalize_info if trace is not None else None
    counts = dict(info.row_counts) if info is not None else {}
    return {t: n for t, n in counts.items() if not t.startswith("_dlt")}

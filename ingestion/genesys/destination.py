"""The dlt pipeline of an extract: its destination, its working directory, what a failed load
means.

One pipeline per destination + dataset (its incremental state lives in the destination under a
stable name); a working directory per destination, dataset and DuckDB file, so local state never
leaks between two warehouses. A failure of dlt's extract, normalize or load step becomes one
`ExtractError` line (`load_failure`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Any

import dlt
from dlt.common.schema.utils import has_table_seen_data
from dlt.pipeline.exceptions import PipelineStepFailed

from ingestion.genesys.errors import ConfigurationError, ExtractError
from ingestion.genesys.run_settings import DESTINATIONS, env
from ingestion.genesys.schema import TABLES

logger = logging.getLogger("fairshare.ingestion")

DEFAULT_DUCKDB_PATH = "warehouse/fairshare.duckdb"
SOURCE_NAME = "genesys"

__all__ = [
    "DEFAULT_DUCKDB_PATH",
    "DESTINATIONS",
    "SOURCE_NAME",
    "discard",
    "duckdb_file",
    "load_failure",
    "make_destination",
    "open_pipeline",
    "pipeline_name",
    "row_counts",
    "step_seconds",
    "working_dir",
]


def pipeline_name(dataset_name: str) -> str:
    """Stable per dataset: the incremental state lives in the destination under this name."""
    return f"fairshare_genesys_{dataset_name}"


def working_dir(
    pipelines_dir: Path | None, destination: str, dataset_name: str, duckdb_path: Path | None
) -> str:
    """A local working directory per destination + dataset, so local state never leaks between
    two warehouses; when it is missing dlt restores the state from the destination."""
    from dlt.common.pipeline import get_dlt_pipelines_dir

    identity = f"{destination}|{dataset_name}|{duckdb_path.resolve() if duckdb_path else ''}"
    root = Path(pipelines_dir) if pipelines_dir else Path(get_dlt_pipelines_dir())
    return str(root / hashlib.sha1(identity.encode()).hexdigest()[:12])


DEFAULT_LOADER_MEMORY_LIMIT = "2GB"


def duckdb_file(destination: str, duckdb_path: Path | None) -> Path | None:
    """The DuckDB file of a `duckdb` destination: the argument, FAIRSHARE_DUCKDB_PATH, or the
    default; None for the other destinations."""
    if destination != "duckdb":
        return None
    return Path(duckdb_path or env("FAIRSHARE_DUCKDB_PATH") or DEFAULT_DUCKDB_PATH)


def make_destination(name: str, duckdb_path: Path | None) -> Any:
    if name == "duckdb":
        assert duckdb_path is not None
        duckdb_path.parent.mkdir(parents=True, exist_ok=True)
        from dlt.destinations.impl.duckdb.configuration import DuckDbCredentials

        # the memory DuckDB may take while dlt loads the parquet files: DuckDB's default (80 % of
        # the machine) let the 1M extract peak at 5.4 GiB, 3.0 GiB with 1 GB and no slower;
        # loading streams, so a small limit only makes it spill earlier
        limit = env("FAIRSHARE_LOADER_MEMORY_LIMIT") or DEFAULT_LOADER_MEMORY_LIMIT
        credentials = DuckDbCredentials(str(duckdb_path), global_config={"memory_limit": limit})
        return dlt.destinations.duckdb(credentials=credentials)
    if name == "snowflake":
        return dlt.destinations.snowflake()
    return dlt.destinations.bigquery()


def open_pipeline(
    destination: str, dataset_name: str, path: Path | None, pipelines_dir: Path | None
) -> tuple[dlt.Pipeline, list[str]]:
    """The extract's pipeline, with any load package an interrupted run left dropped, and the
    contract tables it must create (those that hold no loaded data yet)."""
    pipeline = dlt.pipeline(
        pipeline_name=pipeline_name(dataset_name),
        destination=make_destination(destination, path),
        dataset_name=dataset_name,
        pipelines_dir=working_dir(pipelines_dir, destination, dataset_name, path),
    )
    if pipeline.has_pending_data:
        logger.warning("dropping a load package left by an interrupted run")
        pipeline.drop_pending_packages()
    existing = _existing_tables(pipeline)
    return pipeline, [t for t in TABLES if t not in existing]


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


def discard(pipeline: dlt.Pipeline) -> None:
    """Drop whatever the failed run left in the pipeline's working directory."""
    try:
        if pipeline.has_pending_data:
            pipeline.drop_pending_packages()
    except Exception as exc:  # cleanup must not hide the original error
        logger.warning("could not drop the failed load package: %s", exc)


def row_counts(pipeline: dlt.Pipeline) -> dict[str, int]:
    """Rows of each raw table the last run normalised (dlt's own tables left out)."""
    trace = pipeline.last_trace
    info = trace.last_normalize_info if trace is not None else None
    counts = dict(info.row_counts) if info is not None else {}
    return {t: n for t, n in counts.items() if not t.startswith("_dlt")}


def step_seconds(pipeline: dlt.Pipeline) -> dict[str, float]:
    """Wall seconds of each step (extract, normalize, load) of the last run."""
    trace = pipeline.last_trace
    if trace is None:
        return {}
    return {
        str(step.step): (step.finished_at - step.started_at).total_seconds()
        for step in trace.steps
        if step.started_at is not None
        and step.finished_at is not None
        and step.step in ("extract", "normalize", "load")
    }


def loaded_nothing(exc: BaseException) -> bool:
    """Whether the failure happened before dlt's load step (nothing reached the raw tables)."""
    if isinstance(exc, ExtractError):
        return True
    if isinstance(exc, PipelineStepFailed):
        return exc.step != "load"
    return False


def load_failure(exc: BaseException, destination: str) -> ExtractError:
    """The one-line ExtractError of a failed `pipeline.run`: ours if one of our errors caused it
    (an API or CSV error raised inside a resource), a short one for missing destination
    configuration, else what dlt said, shortened."""
    if isinstance(exc, ExtractError):
        return exc
    if isinstance(exc, PipelineStepFailed):
        found = _find_extract_error(exc) or _missing_destination_config(
            _root_cause(exc), destination
        )
        if found is not None:
            return found
        cause = _root_cause(exc)
        return ExtractError(
            f"the {exc.step} step failed: {type(cause).__name__}: {str(cause)[:300]}"
            f"{_destination_hint(destination)}"
        )
    found = _find_extract_error(exc) or _missing_destination_config(exc, destination)
    if found is not None:
        return found
    return ExtractError(f"extract failed: {type(exc).__name__}: {str(exc)[:300]}")


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

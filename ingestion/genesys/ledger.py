"""The extract log: what each extract loaded, written around dlt's load step.

A `started` event lands before dlt loads anything, a `completed` event after the load finished
and its row counts are known. An extract killed (or failing) between the two leaves its
`started` event alone (or with `failed`), and the build refuses to read raw tables that may be
half-written until an extract of the month completes (macros/run_integrity/on_run_start.sql). An
extract that fails before its load step (the API, a CSV, credentials) loaded nothing and is
recorded `abandoned`: the raw tables are as the previous extract left them.

The log is the table `fairshare_extract_log` of the raw dataset, appended to through a dlt
pipeline of its own on the same destination, so it works on every destination dlt supports.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import dlt

logger = logging.getLogger("fairshare.ingestion.ledger")

TABLE = "fairshare_extract_log"
EVENTS = ("started", "completed", "failed", "abandoned")

# Explicit types: an event without a watermark must not drop the column (dlt skips null columns).
COLUMNS: dict[str, dict[str, Any]] = {
    "extract_id": {"data_type": "text", "nullable": False},
    "event": {"data_type": "text", "nullable": False},
    "event_at": {"data_type": "timestamp", "nullable": False},
    "billing_month": {"data_type": "text", "nullable": False},
    "directory_only": {"data_type": "bool", "nullable": False},
    "destination": {"data_type": "text"},
    "dataset_name": {"data_type": "text"},
    "fairshare_version": {"data_type": "text"},
    "load_ids": {"data_type": "text"},
    "row_counts": {"data_type": "text"},
    "files": {"data_type": "text"},
    "data_available_through": {"data_type": "timestamp"},
    "month_final": {"data_type": "bool"},
    "message": {"data_type": "text"},
}


def fairshare_version() -> str:
    try:
        return metadata.version("fairshare")
    except metadata.PackageNotFoundError:
        return "dev"


def file_fingerprint(kind: str, path: Path, rows: int | None = None) -> dict[str, Any]:
    """What the log says of a file given to the extract: its name, size, SHA-256 and rows."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {
        "kind": kind,
        "path": str(path),
        "bytes": Path(path).stat().st_size,
        "sha256": digest.hexdigest(),
        "rows": rows,
    }


@dataclass
class ExtractLog:
    """Appends events of one extract to the log of `dataset_name` on `destination`."""

    destination: Any  # a dlt destination (the same object the extract loads into)
    dataset_name: str
    pipelines_dir: str
    month: str
    directory_only: bool
    destination_name: str = "duckdb"
    extract_id: str = ""

    def __post_init__(self) -> None:
        if not self.extract_id:
            self.extract_id = uuid.uuid4().hex

    def _write(self, event: str, **fields: Any) -> None:
        assert event in EVENTS
        row: dict[str, Any] = {
            "extract_id": self.extract_id,
            "event": event,
            "event_at": datetime.now(UTC),
            "billing_month": self.month,
            "directory_only": self.directory_only,
            "destination": self.destination_name,
            "dataset_name": self.dataset_name,
            "fairshare_version": fairshare_version(),
            **fields,
        }
        pipeline = dlt.pipeline(
            pipeline_name=f"fairshare_extract_log_{self.dataset_name}",
            destination=self.destination,
            dataset_name=self.dataset_name,
            pipelines_dir=self.pipelines_dir,
        )
        if pipeline.has_pending_data:  # a log write killed earlier: its one row is not needed
            pipeline.drop_pending_packages()
        pipeline.run(
            [row],
            table_name=TABLE,
            write_disposition="append",
            columns=COLUMNS,
        )

    def started(self, files: Sequence[Mapping[str, Any]] = ()) -> None:
        """Before dlt's load step: from here until `completed`, raw tables may be half-written."""
        self._write("started", files=json.dumps(list(files)))
        logger.info("extract %s of %s started", self.extract_id, self.month)

    def completed(
        self,
        *,
        load_ids: Sequence[str],
        row_counts: Mapping[str, int],
        files: Sequence[Mapping[str, Any]] = (),
        data_available_through: datetime | None = None,
        month_final: bool | None = None,
    ) -> None:
        self._write(
            "completed",
            load_ids=json.dumps(list(load_ids)),
            row_counts=json.dumps(dict(sorted(row_counts.items()))),
            files=json.dumps(list(files)),
            data_available_through=data_available_through,
            month_final=month_final,
        )

    def failed(self, message: str, *, loaded_nothing: bool) -> None:
        """Best effort (the destination may be what failed): never hides the original error."""
        try:
            self._write("abandoned" if loaded_nothing else "failed", message=message[:1000])
        except Exception as exc:
            logger.warning("could not record the failed extract %s: %s", self.extract_id, exc)

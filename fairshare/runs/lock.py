"""One fairshare run per warehouse at a time.

An extract, build, publish or close takes an exclusive lock on the warehouse (`flock` on a file
beside the DuckDB file, or per dbt target for Snowflake/BigQuery). A second run is refused at once
with the holder's command and start time; a killed run releases its lock with its process. The
lock is re-entrant within a process (`fairshare run` holds it across its three steps).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("fairshare.lock")

_held: dict[Path, int] = {}  # lock file → depth, for re-entrant use within this process
_guard = threading.Lock()


class WarehouseBusy(RuntimeError):
    """Another fairshare run holds the warehouse."""


def _describe_holder(path: Path) -> str:
    try:
        holder = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        holder = {}
    if not holder:
        return "another fairshare run"
    return (
        f"fairshare {holder.get('command', '?')} (pid {holder.get('pid', '?')}, "
        f"started {holder.get('started_at', '?')})"
    )


@contextmanager
def warehouse_lock(path: Path, command: str) -> Iterator[None]:
    """Hold the lock file `path` for the duration of the block; raise WarehouseBusy if taken."""
    path = path.resolve()
    with _guard:
        if path in _held:
            _held[path] += 1
            reentrant = True
        else:
            reentrant = False
    if reentrant:
        try:
            yield
        finally:
            with _guard:
                _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise WarehouseBusy(
                f"the warehouse is busy: {_describe_holder(path)} holds {path}; "
                "wait for it to finish (a killed run releases the lock)"
            ) from exc
        holder = {
            "command": command,
            "pid": os.getpid(),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        with _guard:
            _held[path] = 1
        try:
            yield
        finally:
            with _guard:
                _held.pop(path, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)

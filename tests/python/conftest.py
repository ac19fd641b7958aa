"""Shared pytest fixtures: a small deterministic sandbox month, its warehouse, the sandbox API.

The expensive artefacts — the sandbox months (generated), the month's warehouse (extracted and
built with every dbt test passing) and the defects month's warehouse (extracted) — are made once
per test run and shared by every test and every pytest-xdist worker: the first worker that needs
one makes it under a file lock in the run's shared temporary folder, the others wait and reuse it.
They are read-only: a test that writes takes its own copy (`copy_warehouse`). The session checks
at its end that nobody wrote the shared warehouse.
"""

from __future__ import annotations

import argparse
import fcntl
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fairshare import pipeline
from fairshare.sandbox.generator import generate
from fairshare.sandbox.server import SandboxServer

# Modules run longest first (their total time in `make pytest`, longest first): pytest-xdist hands
# out work in collection order, so the long dbt-building modules start at once and the short
# ones fill in around them, instead of one worker running the last long module alone at the end.
# Only the order changes; every test runs.
LONGEST_FIRST = (
    "test_run_integrity.py",
    "test_portability_snowflake.py",
    "test_incremental.py",
    "test_insights.py",
    "test_publish_e2e.py",
    "test_pipeline_e2e.py",
    "test_dbt_month.py",
    "test_ingestion_watermark.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest modules first (LONGEST_FIRST), the others after them in their usual order; the
    order within a module is kept (a stable sort), so module fixtures are built once."""
    rank = {name: position for position, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


SANDBOX_MONTH = "2026-10"
SANDBOX_CONVERSATIONS = 1500
SANDBOX_SEED = 7
# every warehouse a test builds has this file name (in a folder of its own): dbt's profile is
# then the same for all of them and their builds parse the project partially
WAREHOUSE_NAME = "fairshare.duckdb"


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder every pytest-xdist worker of this run shares (the run's base temp folder)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def made_once(shared: Path, name: str, make: Callable[[Path], None]) -> Path:
    """`shared/name`, made by `make(folder)` by the first process that asks for it (under an
    exclusive lock; the others wait, then reuse it). A failed make leaves nothing behind: the
    next process tries again (and fails the same way, with its own traceback)."""
    folder = shared / name
    done = folder / ".made"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                try:
                    make(folder)
                except BaseException:
                    shutil.rmtree(folder, ignore_errors=True)
                    raise
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder


def _generate(defects: bool) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        generate(
            folder / SANDBOX_MONTH,
            month=SANDBOX_MONTH,
            conversations=SANDBOX_CONVERSATIONS,
            seed=SANDBOX_SEED,
            defects=defects,
        )

    return make


@pytest.fixture(scope="session")
def sandbox_dir(shared_dir: Path) -> Path:
    """A small sandbox month (clean data), generated once per test run."""
    return made_once(shared_dir, "sandbox", _generate(defects=False)) / SANDBOX_MONTH


@pytest.fixture(scope="session")
def sandbox_defects_dir(shared_dir: Path) -> Path:
    """The same month with the documented defects injected (`--defects`)."""
    return made_once(shared_dir, "sandbox-defects", _generate(defects=True)) / SANDBOX_MONTH


@pytest.fixture
def sandbox_server(sandbox_dir: Path) -> Iterator[SandboxServer]:
    """The sandbox API on a free loopback port, without faults."""
    with SandboxServer(sandbox_dir, port=0) as server:
        yield server


def extract_month(data_dir: Path, warehouse: Path, month: str = SANDBOX_MONTH) -> None:
    """Land a sandbox month through the sandbox API, the way `fairshare demo` does."""
    pipeline.extract_sandbox_month(data_dir, month, warehouse)


def build_args(**overrides: object) -> argparse.Namespace:
    """Arguments of `fairshare build` for the sandbox month."""
    values: dict[str, object] = {
        "month": SANDBOX_MONTH,
        "target": None,
        "full_refresh": False,
        "orphan_policy": None,
        "mode": None,
    }
    values.update(overrides)
    return argparse.Namespace(**values)


def build(warehouse: Path, month: str = SANDBOX_MONTH, **options: object) -> float:
    """`fairshare build` of `month` on `warehouse`: the build's seconds."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FAIRSHARE_DUCKDB_PATH", str(warehouse))
        return pipeline.build(month, **options).seconds  # type: ignore[arg-type]


def copy_warehouse(source: Path, folder: Path) -> Path:
    """A private, writable copy of a warehouse, as `folder/fairshare.duckdb`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / WAREHOUSE_NAME
    shutil.copyfile(source, path)
    return path


def _fingerprint(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@pytest.fixture(scope="session")
def warehouse(shared_dir: Path, sandbox_dir: Path) -> Iterator[Path]:
    """A DuckDB warehouse with the sandbox month extracted and built (all dbt tests passing).

    Made once per test run and shared (read-only) by the pipeline, publishing, run-integrity and
    portability tests; a test that writes works on `copy_warehouse(warehouse, tmp_path)`."""

    def make(folder: Path) -> None:
        path = folder / WAREHOUSE_NAME
        extract_month(sandbox_dir, path)
        build(path)

    path = made_once(shared_dir, "warehouse", make) / WAREHOUSE_NAME
    before = _fingerprint(path)
    yield path
    assert _fingerprint(path) == before, "a test wrote the shared warehouse: copy it first"


@pytest.fixture(scope="session")
def rebuilt_warehouse(shared_dir: Path, warehouse: Path) -> Path:
    """A copy of the session warehouse with the month built a second time (a rerun): read-only,
    for the tests that compare a rerun with the first build."""

    def make(folder: Path) -> None:
        build(copy_warehouse(warehouse, folder))

    return made_once(shared_dir, "rebuilt", make) / WAREHOUSE_NAME


@pytest.fixture(scope="session")
def defects_extracted(shared_dir: Path, sandbox_defects_dir: Path) -> Path:
    """The defects month extracted (not built): a read-only warehouse, copied by the tests."""

    def make(folder: Path) -> None:
        extract_month(sandbox_defects_dir, folder / WAREHOUSE_NAME)

    return made_once(shared_dir, "defects-extracted", make) / WAREHOUSE_NAME


@pytest.fixture
def writable_warehouse(warehouse: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the session warehouse, as FAIRSHARE_DUCKDB_PATH for the test."""
    path = copy_warehouse(warehouse, tmp_path / "warehouse")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FAIRSHARE_DUCKDB_PATH", str(path))
        yield path

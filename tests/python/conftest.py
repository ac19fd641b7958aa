"""Shared pytest fixtures: a small deterministic sandbox month and an in-process sandbox API."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from fairshare import cli
from fairshare.pipeline import (
    SANDBOX_REQUESTS_PER_MINUTE,
    replay_directory_history,
    sandbox_environment,
)
from fairshare.sandbox.generator import generate
from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.pipeline import run_extract

SANDBOX_MONTH = "2026-10"
SANDBOX_CONVERSATIONS = 1500
SANDBOX_SEED = 7


@pytest.fixture(scope="session")
def sandbox_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sandbox month (clean data), generated once per test session."""
    out = tmp_path_factory.mktemp("sandbox") / "2026-10"
    generate(out, month=SANDBOX_MONTH, conversations=SANDBOX_CONVERSATIONS, seed=SANDBOX_SEED)
    return out


@pytest.fixture(scope="session")
def sandbox_defects_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same month with the documented defects injected (`--defects`)."""
    out = tmp_path_factory.mktemp("sandbox-defects") / "2026-10"
    generate(
        out,
        month=SANDBOX_MONTH,
        conversations=SANDBOX_CONVERSATIONS,
        seed=SANDBOX_SEED,
        defects=True,
    )
    return out


@pytest.fixture
def sandbox_server(sandbox_dir: Path) -> Iterator[SandboxServer]:
    """The sandbox API on a free loopback port, without faults."""
    with SandboxServer(sandbox_dir, port=0) as server:
        yield server


def extract_month(data_dir: Path, warehouse: Path, month: str = SANDBOX_MONTH) -> None:
    """Land a sandbox month through the sandbox API, the way `fairshare demo` does."""
    with SandboxServer(data_dir, port=0) as server, sandbox_environment(data_dir, server.base_url):
        replay_directory_history(server, data_dir, month, warehouse)
        run_extract(
            month,
            duckdb_path=warehouse,
            voice_usage_csv=data_dir / "voice_usage.csv",
            requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE,
        )


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


@pytest.fixture(scope="session")
def warehouse(sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A DuckDB warehouse with the sandbox month extracted and built (all dbt tests passing).

    Built once per session and shared by the pipeline, publishing and portability tests.
    """
    path = tmp_path_factory.mktemp("e2e") / "fairshare.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("FAIRSHARE_DUCKDB_PATH", str(path))
    extract_month(sandbox_dir, path)
    cli.step_build(build_args())
    mp.undo()
    yield path

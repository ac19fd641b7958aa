"""Shared pytest fixtures: a small deterministic sandbox month and an in-process sandbox API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fairshare.sandbox.generator import generate
from fairshare.sandbox.server import SandboxServer

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

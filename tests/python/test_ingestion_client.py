"""The Genesys HTTP client: rate limit, Retry-After, retry budget, token refresh, 401/403."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from fairshare.sandbox.server import SandboxServer
from ingestion.genesys import settings
from ingestion.genesys.client import (
    GenesysClient,
    RateLimiter,
    _permission_error,
    resolve_hosts,
)
from ingestion.genesys.errors import (
    ConfigurationError,
    CredentialsError,
    PermissionDeniedError,
    RetryBudgetExhaustedError,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _client(
    server: SandboxServer, clock: FakeClock | None = None, **kwargs: object
) -> GenesysClient:
    extra: dict[str, object] = {"requests_per_minute": 100_000}
    if clock is not None:
        extra.update(sleep=clock.sleep)
    extra.update(kwargs)
    return GenesysClient(
        api_base=server.base_url,
        login_base=server.base_url,
        client_id=server.client_id,
        client_secret=server.client_secret,
        rng=random.Random(1),
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("rate", [1, 7, 60, 300])
def test_rate_limiter_never_exceeds_the_rate_in_any_minute(rate: int) -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate, clock=clock, sleep=clock.sleep)
    stamps = []
    total = rate * 5 + 3
    for _ in range(total):
        limiter.acquire()
        stamps.append(clock.now)
        clock.now += 0.01  # the request itself takes a little time
    # every window of 60 s (starting at any request) holds at most `rate` requests
    j = 0
    for i, start in enumerate(stamps):
        while j < len(stamps) and stamps[j] < start + 60.0:
            j += 1
        assert j - i <= rate
    # and it does not slow down more than needed: a new minute opens every `rate` requests
    assert stamps[-1] == pytest.approx((total - 1) // rate * 60.0, abs=0.01 * total)


def test_resolve_hosts_from_region_table_and_sandbox_base() -> None:
    assert resolve_hosts("mypurecloud.ie", None) == (
        "https://api.mypurecloud.ie",
        "https://login.mypurecloud.ie",
    )
    assert resolve_hosts("eu-central-1", None)[0] == "https://api.mypurecloud.de"
    assert resolve_hosts(None, "http://127.0.0.1:8080/") == ("http://127.0.0.1:8080",) * 2
    with pytest.raises(ConfigurationError, match="unknown GENESYS_REGION"):
        resolve_hosts("mars.pure.cloud", None)
    with pytest.raises(ConfigurationError, match="GENESYS_REGION"):
        resolve_hosts(None, None)


@pytest.fixture
def server_429(sandbox_dir: Path) -> Iterator[SandboxServer]:
    with SandboxServer(
        sandbox_dir, port=0, fault_rate=0.5, fault_kinds=("429",), retry_after=3, seed=5
    ) as server:
        yield server


def test_429_waits_exactly_retry_after(server_429: SandboxServer) -> None:
    clock = FakeClock()
    client = _client(server_429, clock)
    pages = list(client.iter_page_number(settings.USERS, params={"state": "any"}, page_size=5))
    assert sum(len(p) for p in pages) > 0
    assert client.retries > 0
    assert clock.sleeps and set(clock.sleeps) == {3.0}


def test_retry_budget_exhausted_gives_one_actionable_line(sandbox_dir: Path) -> None:
    with SandboxServer(sandbox_dir, port=0, fault_rate=1.0, fault_kinds=("503",)) as server:
        client = _client(server, FakeClock(), retry_budget=4)
        with pytest.raises(RetryBudgetExhaustedError) as caught:
            client.request(settings.DIVISIONS)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("retry budget exhausted after 4 retries on POST /oauth/token")
    assert "503" in message and "--retry-budget" in message


def test_backoff_is_exponential_with_jitter(sandbox_dir: Path) -> None:
    with SandboxServer(sandbox_dir, port=0, fault_rate=1.0, fault_kinds=("503",)) as server:
        clock = FakeClock()
        client = _client(server, clock, retry_budget=6, backoff_base=1.0, backoff_max=100.0)
        with pytest.raises(RetryBudgetExhaustedError):
            client.request(settings.DIVISIONS)
    assert len(clock.sleeps) == 6
    for attempt, slept in enumerate(clock.sleeps):
        assert 0.0 <= slept <= 2.0**attempt
    assert len(set(clock.sleeps)) == len(clock.sleeps)  # jittered, not a fixed schedule


def test_wrong_credentials_say_what_to_set(sandbox_server: SandboxServer) -> None:
    client = GenesysClient(
        api_base=sandbox_server.base_url,
        login_base=sandbox_server.base_url,
        client_id="wrong",
        client_secret="wrong",
    )
    with pytest.raises(CredentialsError) as caught:
        client.request(settings.DIVISIONS)
    message = str(caught.value)
    assert "\n" not in message
    assert "rejected the client credentials (401)" in message
    assert "GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET" in message


def test_403_names_the_missing_permission(sandbox_dir: Path) -> None:
    with SandboxServer(sandbox_dir, port=0, forbidden_paths=["/api/v2/routing"]) as server:
        client = _client(server)
        with pytest.raises(PermissionDeniedError) as caught:
            client.request(settings.QUEUES)
    message = str(caught.value)
    assert "\n" not in message
    assert "GET /api/v2/routing/queues (403)" in message
    assert "routing:queue:view" in message


def test_token_is_refreshed_before_expiry_and_once_on_401(sandbox_dir: Path) -> None:
    with SandboxServer(sandbox_dir, port=0, token_ttl=1) as server:
        client = _client(server)
        for _ in range(3):
            client.request(settings.DIVISIONS)
        first = client.token_refreshes
        time.sleep(1.2)  # the token expired on the server: the client refreshes
        client.request(settings.DIVISIONS)
        assert client.token_refreshes > first
        # a token the server no longer knows is refreshed once on the 401
        client._token_expires = float("inf")
        time.sleep(1.1)
        client.request(settings.DIVISIONS)
        assert client.retries == 0


def test_403_without_a_named_permission_uses_the_endpoint_table() -> None:
    response = requests.Response()
    response.status_code = 403
    response._content = b'{"message": "Forbidden", "code": "forbidden", "status": 403}'
    queues = _permission_error(settings.QUEUES, "GET /api/v2/routing/queues", response)
    assert "routing:queue:view" in str(queues) and queues.permission == "routing:queue:view"
    # the SDK's names (issue 12): billing, API usage and licence definitions
    billing = _permission_error(
        settings.INVOICES, "GET /api/v2/billing/contracts/invoices", response
    )
    assert "billing:subscription:view" in str(billing)
    usage = _permission_error(
        settings.USAGE_JOBS, "POST /api/v2/usage/aggregates/query/jobs", response
    )
    assert "usage:organization:view" in str(usage)
    licences = _permission_error(
        settings.LICENSE_DEFINITIONS, "GET /api/v2/license/definitions", response
    )
    assert "authorization:grant:add or authorization:license:view" in str(licences)

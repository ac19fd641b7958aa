"""The sandbox API and the loader checked against the official Genesys Cloud SDK.

The loader and the sandbox were written together, so they could share a misunderstanding that no
other test sees. This module takes the official Python SDK (`purecloudplatformclientv2`,
generated from Genesys's OpenAPI spec; see `sdk_oracle.py`) as the judge:

- every endpoint the loader calls (`settings.ENDPOINTS`) is an SDK operation with that method;
- a full extract against the sandbox is recorded, and every request is checked: its query
  parameters are the operation's, page sizes within the SDK's maxima, request bodies valid
  instances of the SDK's request models; every response body is a valid instance of the
  operation's response model (every key known, every value of the model's type, enum values the
  SDK's own);
- the page-size maxima are answered as Genesys does (400 above them);
- every region host of the SDK is known to the loader.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
import requests
import sdk_oracle

from fairshare.pipeline import sandbox_environment
from fairshare.sandbox.server import SandboxServer
from fairshare.sandbox.srv_http import Request, Response
from ingestion.genesys import settings
from ingestion.genesys.pipeline import run_extract

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("sdk_conformance")

ENDPOINT_IDS = [e.name.replace(" ", "_") for e in settings.ENDPOINTS]


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str]
    body: bytes
    status: int
    response: bytes


@dataclass
class Recording:
    exchanges: list[Exchange]

    def of(self, endpoint: settings.Endpoint) -> list[Exchange]:
        """The recorded calls of one loader endpoint."""
        wanted = sdk_oracle.template(endpoint.path)
        return [
            x
            for x in self.exchanges
            if x.method == endpoint.method
            and (op := sdk_oracle.match_request(x.method, x.path)) is not None
            and sdk_oracle.template(op.path) == wanted
        ]


def record(server: SandboxServer) -> list[Exchange]:
    """Record every request the server answers (API requests only, not the token endpoint)."""
    exchanges: list[Exchange] = []
    lock = threading.Lock()
    dispatch = server.dispatch

    def recording(request: Request) -> Response:
        response = dispatch(request)
        if request.path.startswith("/api/"):
            with lock:
                exchanges.append(
                    Exchange(
                        request.method,
                        request.path,
                        dict(request.query),
                        request.body,
                        response.status,
                        response.body,
                    )
                )
        return response

    server.dispatch = recording  # type: ignore[method-assign]
    return exchanges


@pytest.fixture(scope="module")
def recording(sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Recording:
    """One full extract of the sandbox month (billing through the API), every call recorded."""
    tmp = tmp_path_factory.mktemp("sdk")
    with SandboxServer(sandbox_dir, port=0) as server:
        exchanges = record(server)
        with sandbox_environment(sandbox_dir, server.base_url):
            run_extract(
                "2026-10",
                duckdb_path=tmp / "w.duckdb",
                pipelines_dir=tmp / "pipelines",
                requests_per_minute=100_000,
            )
    return Recording(exchanges)


@pytest.fixture
def server(sandbox_dir: Path) -> Iterator[SandboxServer]:
    with SandboxServer(sandbox_dir, port=0) as srv:
        yield srv


def _token(server: SandboxServer) -> dict[str, str]:
    answer = requests.post(
        f"{server.base_url}/oauth/token",
        auth=(server.client_id, server.client_secret),
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


# ----------------------------------------------------------------------------- the endpoints


def test_the_sdk_is_the_one_documented() -> None:
    version = sdk_oracle.sdk_version()
    assert int(version.split(".")[0]) >= 269, version


@pytest.mark.parametrize("endpoint", settings.ENDPOINTS, ids=ENDPOINT_IDS)
def test_every_loader_endpoint_is_an_sdk_operation(endpoint: settings.Endpoint) -> None:
    op = sdk_oracle.operation(endpoint.method, endpoint.path)
    assert op is not None, f"{endpoint.method} {endpoint.path} is not an operation of the SDK"
    assert op.response_type, f"{op.name} has no response model"
    if op.preview:  # preview APIs may disappear or be missing for an org: the loader copes
        assert endpoint.optional, f"{op.name} is a preview API: mark {endpoint.name} optional"


@pytest.mark.parametrize("endpoint", settings.ENDPOINTS, ids=ENDPOINT_IDS)
def test_the_loader_calls_every_endpoint_in_a_month_extract(
    recording: Recording, endpoint: settings.Endpoint
) -> None:
    calls = recording.of(endpoint)
    assert calls, f"a month extract never called {endpoint.method} {endpoint.path}"
    assert all(x.status < 300 for x in calls), [x.status for x in calls]


def test_every_recorded_request_is_an_sdk_operation(recording: Recording) -> None:
    unknown = {
        f"{x.method} {x.path}"
        for x in recording.exchanges
        if sdk_oracle.match_request(x.method, x.path) is None
    }
    assert not unknown


@pytest.mark.parametrize("endpoint", settings.ENDPOINTS, ids=ENDPOINT_IDS)
def test_requests_use_the_sdk_query_parameters_and_page_sizes(
    recording: Recording, endpoint: settings.Endpoint
) -> None:
    op = sdk_oracle.operation(endpoint.method, endpoint.path)
    assert op is not None
    errors = set()
    for x in recording.of(endpoint):
        unknown = set(x.query) - set(op.query)
        if unknown:
            errors.add(f"{op.name} takes no query parameter {sorted(unknown)}")
        size = x.query.get("pageSize")
        if size is not None and op.page_size_max is not None and int(size) > op.page_size_max:
            errors.add(f"{op.name}: pageSize {size} > the SDK's maximum {op.page_size_max}")
    assert not errors


@pytest.mark.parametrize(
    "endpoint", [e for e in settings.ENDPOINTS if e.method == "POST"], ids=lambda e: e.name
)
def test_request_bodies_are_valid_sdk_request_models(
    recording: Recording, endpoint: settings.Endpoint
) -> None:
    op = sdk_oracle.operation(endpoint.method, endpoint.path)
    assert op is not None and op.body_type, f"{endpoint.name}: the SDK takes no body"
    errors = [
        error
        for x in recording.of(endpoint)
        for error in sdk_oracle.check(orjson.loads(x.body), op.body_type, op.body_type)
    ]
    assert not errors[:20]


@pytest.mark.parametrize("endpoint", settings.ENDPOINTS, ids=ENDPOINT_IDS)
def test_sandbox_responses_are_valid_sdk_response_models(
    recording: Recording, endpoint: settings.Endpoint
) -> None:
    op = sdk_oracle.operation(endpoint.method, endpoint.path)
    assert op is not None and op.response_type
    errors: dict[str, int] = defaultdict(int)
    for x in recording.of(endpoint):
        if x.status >= 300 or not x.response:
            continue
        for error in sdk_oracle.check(orjson.loads(x.response), op.response_type, "$"):
            errors[_generic(error)] += 1
    assert not dict(errors), f"{op.name} -> {op.response_type}"


def _generic(error: str) -> str:
    """An error with list positions blanked, so one mistake repeated counts once."""
    import re

    return re.sub(r"\[\d+\]", "[]", error)


# --------------------------------------------------------------------------------- page sizes

PAGED = [
    ("GET", "/api/v2/billing/contracts"),
    ("GET", "/api/v2/billing/contracts/invoices"),
]


@pytest.mark.parametrize(("method", "path"), PAGED)
def test_page_size_maxima_are_answered_as_genesys_does(
    server: SandboxServer, method: str, path: str
) -> None:
    op = sdk_oracle.operation(method, path)
    assert op is not None and op.page_size_max is not None
    headers = _token(server)
    ok = requests.get(
        server.base_url + path, params={"pageSize": op.page_size_max}, headers=headers, timeout=10
    )
    over = requests.get(
        server.base_url + path,
        params={"pageSize": op.page_size_max + 1},
        headers=headers,
        timeout=10,
    )
    assert ok.status_code == 200
    assert over.status_code == 400 and over.json()["code"] == "bad.request"


def test_invoice_lines_page_size_maximum_is_the_sdks(server: SandboxServer) -> None:
    op = sdk_oracle.operation("GET", "/api/v2/billing/contracts/invoices/{invoiceId}/lines")
    assert op is not None and op.page_size_max == 200
    headers = _token(server)
    invoices = requests.get(
        f"{server.base_url}/api/v2/billing/contracts/invoices", headers=headers, timeout=10
    ).json()["entities"]
    path = f"{server.base_url}/api/v2/billing/contracts/invoices/{invoices[0]['id']}/lines"
    assert requests.get(path, params={"pageSize": 200}, headers=headers, timeout=10).ok
    assert (
        requests.get(path, params={"pageSize": 201}, headers=headers, timeout=10).status_code == 400
    )


def test_the_loader_page_sizes_are_within_the_sdk_maxima() -> None:
    limits = {
        settings.CONTRACTS: settings.PAGE_SIZE_CONTRACTS,
        settings.INVOICES: settings.PAGE_SIZE_INVOICES,
        settings.INVOICE_LINES: settings.PAGE_SIZE_INVOICES,
        settings.USAGE_JOB: settings.PAGE_SIZE_USAGE_RESULTS,
    }
    for endpoint, size in limits.items():
        op = sdk_oracle.operation(endpoint.method, endpoint.path)
        assert op is not None and op.page_size_max is not None, endpoint.name
        assert size <= op.page_size_max, endpoint.name


# ------------------------------------------------------------------------------------ regions


def test_every_sdk_region_is_known_to_the_loader() -> None:
    text = (sdk_oracle.sdk_root() / "purecloud_region_hosts.py").read_text(encoding="utf-8")
    import re

    hosts = re.findall(r'"https://api\.([^"]+)"', text)
    assert hosts and set(hosts) <= set(settings.REGIONS), set(hosts) - set(settings.REGIONS)


# ----------------------------------------------------------------------- the oracle can fail


@pytest.mark.parametrize(
    ("body", "model", "fragment"),
    [
        ({"amount": "12.50"}, "BillingInvoiceItem", "expected a number"),
        ({"quantity": 1.5}, "BillingInvoiceItem", "expected an integer"),
        ({"unitOfMeasure": "minute"}, "BillingInvoiceItem", "not one of the SDK's"),
        ({"dateStart": "2026-10-01T00:00:00.000Z"}, "BillingContract", "expected a date"),
        ({"surprise": 1}, "BillingContract", "not a field of the SDK model"),
        ({"entities": [{"oauthClient": {"id": 7}}]}, "OrganizationPublicApiUsageResultsResponse",
         "expected a string"),
    ],
)  # fmt: skip
def test_the_oracle_rejects_what_genesys_would_not_send(
    body: dict[str, Any], model: str, fragment: str
) -> None:
    errors = sdk_oracle.check(body, model)
    assert errors and fragment in errors[0], errors

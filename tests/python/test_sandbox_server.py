"""The sandbox mock Genesys API: endpoints, paging styles, auth, faults, clock and interval rules.

Most tests run against a tiny hand-written dataset (`mini_dir`) that follows
docs/sandbox-dataset.md; the last ones run against the generated `sandbox_dir` fixture.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
import requests

from fairshare.sandbox.server import SandboxServer

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("sandbox_server")

CLIENT_ID = "mini-client"
CLIENT_SECRET = "mini-secret"
ERROR_KEYS = {"message", "code", "status", "contextId", "details", "errors"}
PAGE_KEYS = {"entities", "pageSize", "pageNumber", "total", "pageCount", "firstUri", "selfUri"}
CONV_JOBS = "/api/v2/analytics/conversations/details/jobs"
USER_JOBS = "/api/v2/analytics/users/details/jobs"
USAGE_JOBS = "/api/v2/usage/aggregates/query/jobs"


# -- a tiny dataset in the documented format ----------------------------------------------------


def _user(i: int) -> dict[str, Any]:
    return {
        "id": f"u{i:02d}",
        "name": f"User {i}",
        "division": {"id": "div-1", "name": "Home"},
        "department": "Sales" if i % 2 else "Support",
        "title": "Agent",
        "email": f"user{i}@example.com",
        "state": "inactive" if i == 59 else "active",
        "username": f"user{i}@example.com",
        "manager": {"id": "u00"},
        "employerInfo": {
            "officialName": f"User {i}",
            "employeeId": f"E{i}",
            "employeeType": "Full-time",
            "dateHire": "2024-01-01",
        },
        "dateLastLogin": "2026-09-30T12:00:00.000Z",
        "version": 1,
    }


def _conversation(cid: str, start: str, end: str | None, **extra: Any) -> dict[str, Any]:
    conv: dict[str, Any] = {"conversationId": cid, "conversationStart": start}
    if end is not None:
        conv["conversationEnd"] = end
    conv.update(
        {
            "originatingDirection": "inbound",
            "divisionIds": ["div-1"],
            "participants": [
                {
                    "participantId": f"{cid}-p1",
                    "purpose": "customer",
                    "attributes": extra.pop("attributes", {}),
                    "sessions": [
                        {
                            "sessionId": f"{cid}-s1",
                            "mediaType": "voice",
                            "segments": [
                                {"segmentStart": start, "segmentType": "interact"}
                                | ({"segmentEnd": end} if end else {})
                            ],
                        }
                    ],
                }
            ],
        }
    )
    conv.update(extra)
    return conv


CONVERSATIONS: dict[str, list[dict[str, Any]]] = {
    "2026-09-30": [
        _conversation("c-sep-cross", "2026-09-30T23:50:00.000Z", "2026-10-01T00:10:00.000Z"),
        _conversation("c-sep-only", "2026-09-30T10:00:00.000Z", "2026-09-30T10:05:00.000Z"),
    ],
    "2026-10-01": [
        # deliberately out of start order; the server sorts by conversationStart
        _conversation("c-oct1-b", "2026-10-01T12:00:00.000Z", "2026-10-01T12:04:00.000Z"),
        _conversation("c-oct1-a", "2026-10-01T08:00:00.000Z", "2026-10-01T08:03:00.000Z"),
        _conversation(
            "c-oct1-attr",
            "2026-10-01T13:00:00.000Z",
            "2026-10-01T13:01:00.000Z",
            attributes={"conversationStart": "1999-01-01T00:00:00Z"},
        ),
        _conversation("c-midnight", "2026-10-01T23:50:00.000Z", "2026-10-02T00:20:00.000Z"),
    ],
    "2026-10-02": [
        _conversation("c-oct2-a", "2026-10-02T09:00:00.000Z", "2026-10-02T09:10:00.000Z"),
        _conversation("c-open", "2026-10-02T10:00:00.000Z", None),
        _conversation("c-oct2-b", "2026-10-02T11:00:00.000Z", "2026-10-02T11:30:00.000Z"),
    ],
}


def _write_json(path: Path, payload: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(orjson.dumps(payload))


def _write_jsonl(path: Path, rows: list[Any], blank_line: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [orjson.dumps(r) for r in rows]
    if blank_line:
        lines.insert(1, b"")
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.fixture(scope="module")
def mini_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("mini") / "2026-10"
    _write_json(
        d / "sandbox.json",
        {
            "month": "2026-10",
            "seed": 1,
            "conversations": 9,
            "orgName": "Mini Org",
            "homeCountry": "US",
            "clientId": CLIENT_ID,
            "clientSecret": CLIENT_SECRET,
            "piiKey": "demo",
            "currency": "USD",
            "directorySnapshots": ["2026-10-15T00:00:00.000Z"],
            "generatedAt": "2026-11-01T06:00:00.000Z",
        },
    )
    _write_json(
        d / "divisions.json",
        [
            {"id": "div-1", "name": "Home", "description": "", "homeDivision": True},
            {"id": "div-2", "name": "Sales", "description": "", "homeDivision": False},
        ],
    )
    _write_json(d / "users.json", [_user(i) for i in range(60)])
    _write_json(
        d / "customattributes_schemas.json",
        [{"id": "sch-cc", "name": "cost_center", "version": 1, "jsonSchema": {}}],
    )
    _write_json(
        d / "customattributes.json",
        [
            {
                "id": "u01",
                "userId": "u01",
                "schema": {"id": "sch-cc", "name": "cost_center"},
                "attributes": {"Cost_Center_ID": "SALES"},
            }
        ],
    )
    _write_json(
        d / "queues.json",
        [{"id": f"q{i}", "name": f"Queue {i}", "division": {"id": "div-1"}} for i in range(3)],
    )
    _write_json(d / "dids.json", [{"id": "did-1", "phoneNumber": "+18005550100"}])
    _write_json(d / "didpools.json", [{"id": "pool-1", "provider": "PURE_CLOUD_VOICE"}])
    _write_json(d / "license_definitions.json", [{"id": "cloudCX3", "description": "CX 3"}])
    _write_json(
        d / "license_users.json", [{"id": f"u{i:02d}", "licenses": ["cloudCX3"]} for i in range(30)]
    )
    moved = _user(1) | {"department": "Support", "version": 2}
    _write_jsonl(
        d / "directory_changes.jsonl",
        [
            {"effectiveAt": "2026-10-15T00:00:00.000Z", "resource": "users", "object": moved},
            {
                "effectiveAt": "2026-10-15T00:00:00.000Z",
                "resource": "customattributes",
                "object": {
                    "id": "u01",
                    "userId": "u01",
                    "schema": {"id": "sch-cc", "name": "cost_center"},
                    "attributes": {"Cost_Center_ID": "SUPPORT"},
                },
            },
            {
                "effectiveAt": "2026-10-20T00:00:00.000Z",
                "resource": "queues",
                "object": {"id": "q1", "name": "Queue 1 renamed", "division": {"id": "div-1"}},
            },
            {
                "effectiveAt": "2026-10-20T00:00:00.000Z",
                "resource": "users",
                "object": _user(60) | {"department": "New hires"},
            },
        ],
    )
    for day, rows in CONVERSATIONS.items():
        _write_jsonl(d / "conversations" / f"{day}.jsonl", rows, blank_line=day == "2026-10-02")
    _write_jsonl(
        d / "user_details.jsonl",
        [
            {
                "userId": "u01",
                "primaryPresence": [
                    {
                        "startTime": "2026-10-01T08:00:00.000Z",
                        "endTime": "2026-10-01T17:00:00.000Z",
                        "systemPresence": "AVAILABLE",
                        "organizationPresenceId": "p-av",
                    },
                    {
                        "startTime": "2026-10-02T08:00:00.000Z",
                        "systemPresence": "AVAILABLE",
                        "organizationPresenceId": "p-av",
                    },
                ],
                "routingStatus": [
                    {
                        "startTime": "2026-10-01T08:00:00.000Z",
                        "endTime": "2026-10-01T09:00:00.000Z",
                        "routingStatus": "IDLE",
                    }
                ],
            },
            {
                "userId": "u02",
                "primaryPresence": [
                    {
                        "startTime": "2026-10-03T08:00:00.000Z",
                        "endTime": "2026-10-03T12:00:00.000Z",
                        "systemPresence": "BUSY",
                        "organizationPresenceId": "p-busy",
                    }
                ],
                "routingStatus": [],
            },
        ],
    )
    _write_jsonl(
        d / "api_usage.jsonl",
        [
            {
                "date": f"2026-10-{day:02d}",
                "oauthClient": {"id": client, "name": client},
                "requestCount": 100 + day,
                "status200": 100 + day,
                "status429": 0,
            }
            for day in range(1, 6)
            for client in ("loader", "crm")
        ],
    )
    _write_json(
        d / "billing" / "billable_usage.json",
        {
            "status": "Complete",
            "usages": [{"name": "Genesys Cloud CX 3 User", "totalUsage": "42", "resources": []}],
        },
    )
    periods = [{"id": "bp-1", "dateStart": "2026-10-01", "dateEnd": "2026-10-31", "status": "Open"}]
    _write_json(
        d / "billing" / "contracts.json",
        [
            {"id": f"ct-{i}", "status": "Active", "billingPeriods": periods if i == 0 else []}
            for i in range(3)
        ],
    )
    _write_json(
        d / "billing" / "billingperiods" / "bp-1.json",
        {"id": "bp-1", "status": "Open", "charges": [{"id": "ch-1"}], "wallets": []},
    )
    _write_json(
        d / "billing" / "invoices.json",
        [
            {
                "id": "inv-1",
                "dateInvoiced": "2026-11-01",
                "currencyIsoCode": "USD",
                "amount": "10.00",
            }
        ],
    )
    _write_json(
        d / "billing" / "invoice_lines" / "inv-1.json",
        [{"id": f"l{i}", "amount": "1.00"} for i in range(3)],
    )
    return d


@pytest.fixture(scope="module")
def mini_server(mini_dir: Path) -> Iterator[SandboxServer]:
    with SandboxServer(mini_dir, job_pending_polls=1) as server:
        yield server


def _token(server: SandboxServer, session: requests.Session | None = None) -> str:
    poster = session or requests
    resp = poster.post(
        f"{server.base_url}/oauth/token",
        auth=(server.client_id, server.client_secret),
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    assert resp.status_code == 200, resp.text
    return resp.json()["access_token"]


class Api:
    """A minimal authenticated client for the tests."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {_token(server, self.session)}"

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(f"{self.server.base_url}{path}", params=params, timeout=30)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(f"{self.server.base_url}{path}", json=body, timeout=30)

    def ok(self, path: str, **params: Any) -> Any:
        resp = self.get(path, **params)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def run_job(self, kind_path: str, body: dict[str, Any]) -> str:
        resp = self.post(kind_path, body)
        assert resp.status_code == 202, resp.text
        job_id = resp.json()["jobId"]
        states = []
        while not states or states[-1] != "FULFILLED":
            status = self.ok(f"{kind_path}/{job_id}")
            assert "expirationDate" in status
            states.append(status["state"])
            assert len(states) < 10
        return job_id

    def conversations(self, interval: str, page_size: int = 1000, **body: Any) -> list[str]:
        job_id = self.run_job(CONV_JOBS, {"interval": interval, **body})
        ids: list[str] = []
        cursor = None
        for _ in range(1000):
            params: dict[str, Any] = {"pageSize": page_size}
            if cursor:
                params["cursor"] = cursor
            page = self.ok(f"{CONV_JOBS}/{job_id}/results", **params)
            assert "dataAvailabilityDate" in page
            ids.extend(c["conversationId"] for c in page["conversations"])
            cursor = page.get("cursor")
            if not cursor:
                return ids
        raise AssertionError("cursor paging did not end")


@pytest.fixture(scope="module")
def api(mini_server: SandboxServer) -> Api:
    return Api(mini_server)


def _assert_error(resp: requests.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert ERROR_KEYS <= set(body)
    assert body["status"] == status
    return body


# -- auth ---------------------------------------------------------------------------------------


def test_token_endpoint_and_wrong_credentials(mini_server: SandboxServer) -> None:
    url = f"{mini_server.base_url}/oauth/token"
    good = requests.post(
        url, auth=(CLIENT_ID, CLIENT_SECRET), data={"grant_type": "client_credentials"}, timeout=5
    )
    assert good.status_code == 200
    assert set(good.json()) == {"access_token", "token_type", "expires_in"}
    assert good.json()["token_type"] == "bearer"
    assert good.json()["expires_in"] == 3600
    bad = requests.post(
        url, auth=(CLIENT_ID, "wrong"), data={"grant_type": "client_credentials"}, timeout=5
    )
    _assert_error(bad, 401)
    grant = requests.post(url, auth=(CLIENT_ID, CLIENT_SECRET), data={"grant_type": "x"}, timeout=5)
    assert grant.status_code == 400


def test_missing_or_unknown_token_is_401(mini_server: SandboxServer) -> None:
    url = f"{mini_server.base_url}/api/v2/users"
    _assert_error(requests.get(url, timeout=5), 401)
    _assert_error(requests.get(url, headers={"Authorization": "Bearer nope"}, timeout=5), 401)


def test_token_expires_then_a_new_token_works(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, token_ttl=1) as server:
        token = _token(server)
        url = f"{server.base_url}/api/v2/authorization/divisions"
        headers = {"Authorization": f"Bearer {token}"}
        assert requests.get(url, headers=headers, timeout=5).status_code == 200
        time.sleep(1.1)
        body = _assert_error(requests.get(url, headers=headers, timeout=5), 401)
        assert body["code"] == "bad.credentials"
        fresh = {"Authorization": f"Bearer {_token(server)}"}
        assert requests.get(url, headers=fresh, timeout=5).status_code == 200


# -- directory, page-number paging --------------------------------------------------------------


def test_users_page_number_paging(api: Api) -> None:
    first = api.ok("/api/v2/users", pageSize=25, pageNumber=1, state="any")
    assert PAGE_KEYS | {"nextUri", "lastUri"} <= set(first)
    assert "previousUri" not in first
    assert (first["total"], first["pageCount"], len(first["entities"])) == (61, 3, 25)
    assert "pageNumber=2" in first["nextUri"]
    last = api.ok("/api/v2/users", pageSize=25, pageNumber=3, state="any")
    assert len(last["entities"]) == 11
    assert "nextUri" not in last and "pageNumber=2" in last["previousUri"]
    ids = [
        u["id"]
        for n in (1, 2, 3)
        for u in api.ok("/api/v2/users", pageSize=25, pageNumber=n, state="any")["entities"]
    ]
    assert len(ids) == len(set(ids)) == 61
    # default state is active only; pageSize above the Genesys maximum is refused
    assert api.ok("/api/v2/users", pageSize=500)["total"] == 60
    _assert_error(api.get("/api/v2/users", pageSize=501), 400)


def test_users_expand(api: Api) -> None:
    plain = api.ok("/api/v2/users", pageSize=1)["entities"][0]
    assert "employerInfo" not in plain and "dateLastLogin" not in plain
    assert plain["division"] == {"id": "div-1", "name": "Home"}
    full = api.ok("/api/v2/users", pageSize=1, expand="employerInfo,dateLastLogin")["entities"][0]
    assert full["employerInfo"]["employeeId"] == "E0"
    assert full["dateLastLogin"] == "2026-09-30T12:00:00.000Z"


def test_custom_attributes(api: Api) -> None:
    schemas = api.ok("/api/v2/users/customattributes/schemas")["entities"]
    assert [s["name"] for s in schemas] == ["cost_center"]
    record = api.ok("/api/v2/users/u01/customattributes/sch-cc")
    assert record["schema"] == {"id": "sch-cc", "name": "cost_center"}
    assert record["attributes"] == {"Cost_Center_ID": "SUPPORT"}  # clock None: all changes
    _assert_error(api.get("/api/v2/users/u02/customattributes/sch-cc"), 404)
    bulk = api.ok("/api/v2/users/u01/customattributes/bulk", schemaIds="sch-cc,other")
    assert [r["userId"] for r in bulk] == ["u01"]
    assert api.ok("/api/v2/users/u02/customattributes/bulk", schemaIds="sch-cc") == []


def test_other_directory_listings(api: Api) -> None:
    divisions = api.ok("/api/v2/authorization/divisions")
    assert divisions["total"] == 2 and divisions["pageCount"] == 1
    assert [d["homeDivision"] for d in divisions["entities"]] == [True, False]
    queues = api.ok("/api/v2/routing/queues", pageSize=2, pageNumber=2)
    assert (queues["total"], queues["pageCount"], len(queues["entities"])) == (3, 2, 1)
    assert api.ok("/api/v2/telephony/providers/edges/dids")["entities"][0]["id"] == "did-1"
    assert api.ok("/api/v2/telephony/providers/edges/didpools")["total"] == 1
    assert api.ok("/api/v2/license/definitions") == [{"id": "cloudCX3", "description": "CX 3"}]
    for number in (1, 2):
        licences = api.ok("/api/v2/license/users", pageSize=25, pageNumber=number)
        assert "nextUri" not in licences and licences["pageCount"] == 2
    assert len(licences["entities"]) == 5


def test_directory_clock(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, clock=datetime(2026, 10, 1, tzinfo=UTC)) as server:
        api = Api(server)

        def state() -> tuple[str, str, str, int]:
            users = api.ok("/api/v2/users", pageSize=100, state="any")
            u01 = next(u for u in users["entities"] if u["id"] == "u01")
            attr = api.ok("/api/v2/users/u01/customattributes/sch-cc")["attributes"]
            q1 = api.ok("/api/v2/routing/queues")["entities"][1]["name"]
            return u01["department"], attr["Cost_Center_ID"], q1, users["total"]

        assert state() == ("Sales", "SALES", "Queue 1", 60)
        server.set_clock(datetime(2026, 10, 14, 23, 59, 59, tzinfo=UTC))
        assert state() == ("Sales", "SALES", "Queue 1", 60)
        server.set_clock(datetime(2026, 10, 15, tzinfo=UTC))  # effectiveAt <= clock applies
        assert state() == ("Support", "SUPPORT", "Queue 1", 60)
        server.set_clock(datetime(2026, 10, 25))  # naive = UTC
        assert state() == ("Support", "SUPPORT", "Queue 1 renamed", 61)
        server.set_clock(None)
        assert state() == ("Support", "SUPPORT", "Queue 1 renamed", 61)


# -- conversation detail jobs, cursor paging ----------------------------------------------------


def test_conversation_job_states_and_results(api: Api) -> None:
    resp = api.post(CONV_JOBS, {"interval": "2026-10-01T00:00:00Z/2026-10-02T00:00:00Z"})
    assert resp.status_code == 202 and set(resp.json()) == {"jobId"}
    job_id = resp.json()["jobId"]
    early = api.get(f"{CONV_JOBS}/{job_id}/results")
    _assert_error(early, 400)  # not fulfilled yet
    states = [api.ok(f"{CONV_JOBS}/{job_id}")["state"] for _ in range(3)]
    assert states == ["QUEUED", "PENDING", "FULFILLED"]  # job_pending_polls=1
    page = api.ok(f"{CONV_JOBS}/{job_id}/results")
    assert set(page) == {"conversations", "dataAvailabilityDate"}  # one page: no cursor
    # the default data-lake watermark: 72 h after the month ends (the month is complete)
    assert page["dataAvailabilityDate"] == "2026-11-04T00:00:00.000Z"
    by_id = {c["conversationId"]: c for rows in CONVERSATIONS.values() for c in rows}
    for conv in page["conversations"]:
        assert conv == by_id[conv["conversationId"]]  # served verbatim
    _assert_error(api.get(f"{CONV_JOBS}/no-such-job"), 404)


def test_interval_overlap(api: Api) -> None:
    day1 = api.conversations("2026-10-01T00:00:00.000Z/2026-10-02T00:00:00.000Z")
    assert day1 == ["c-sep-cross", "c-oct1-a", "c-oct1-b", "c-oct1-attr", "c-midnight"]
    day2 = api.conversations("2026-10-02T00:00:00Z/2026-10-03T00:00:00Z")
    assert day2 == ["c-midnight", "c-oct2-a", "c-open", "c-oct2-b"]
    # in progress: overlaps every later interval, and only after its start
    assert api.conversations("2026-10-05T00:00:00Z/2026-10-06T00:00:00Z") == ["c-open"]
    assert api.conversations("2026-10-02T09:30:00Z/2026-10-02T10:00:00Z") == []
    assert api.conversations("2026-09-30T00:00:00Z/2026-09-30T12:00:00Z") == ["c-sep-only"]
    month = api.conversations("2026-10-01T00:00:00Z/2026-11-01T00:00:00Z", order="desc")
    assert month == [
        "c-oct2-b",
        "c-open",
        "c-oct2-a",
        "c-midnight",
        "c-oct1-attr",
        "c-oct1-b",
        "c-oct1-a",
        "c-sep-cross",
    ]


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_cursor_paging(api: Api, order: str) -> None:
    interval = "2026-09-01T00:00:00Z/2026-11-01T00:00:00Z"
    whole = api.conversations(interval, page_size=100, order=order)
    assert len(whole) == 9
    for size in (1, 2, 4, 9):
        assert api.conversations(interval, page_size=size, order=order) == whole
    job_id = api.run_job(CONV_JOBS, {"interval": interval, "order": order})
    pages = []
    cursor = None
    while True:
        params: dict[str, Any] = {"pageSize": 3} | ({"cursor": cursor} if cursor else {})
        page = api.ok(f"{CONV_JOBS}/{job_id}/results", **params)
        pages.append(len(page["conversations"]))
        cursor = page.get("cursor")
        if cursor is None:
            break
    assert pages == [3, 3, 3]  # the last full page carries no cursor
    _assert_error(api.get(f"{CONV_JOBS}/{job_id}/results", cursor="garbage!"), 400)
    _assert_error(api.get(f"{CONV_JOBS}/{job_id}/results", pageSize=10001), 400)


def test_bad_job_bodies(api: Api) -> None:
    resp = api.session.post(f"{api.server.base_url}{CONV_JOBS}", data=b"{not json", timeout=5)
    _assert_error(resp, 400)
    _assert_error(api.post(CONV_JOBS, {"interval": "yesterday"}), 400)
    _assert_error(
        api.post(CONV_JOBS, {"interval": "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z"}), 400
    )


# -- user details jobs, usage jobs ----------------------------------------------------------


def test_user_details_job(api: Api) -> None:
    job_id = api.run_job(USER_JOBS, {"interval": "2026-10-02T00:00:00Z/2026-10-03T00:00:00Z"})
    page = api.ok(f"{USER_JOBS}/{job_id}/results")
    assert [d["userId"] for d in page["userDetails"]] == ["u01"]
    presence = page["userDetails"][0]["primaryPresence"]
    assert [p["startTime"] for p in presence] == ["2026-10-02T08:00:00.000Z"]  # open interval
    assert "routingStatus" not in page["userDetails"][0]
    job_id = api.run_job(USER_JOBS, {"interval": "2026-10-01T00:00:00Z/2026-10-04T00:00:00Z"})
    first = api.ok(f"{USER_JOBS}/{job_id}/results", pageSize=1)
    second = api.ok(f"{USER_JOBS}/{job_id}/results", pageSize=1, cursor=first["cursor"])
    assert [first["userDetails"][0]["userId"], second["userDetails"][0]["userId"]] == ["u01", "u02"]
    assert "cursor" not in second
    assert len(first["userDetails"][0]["primaryPresence"]) == 2


def test_usage_job_after_paging(api: Api) -> None:
    body = {
        "interval": "2026-10-02T00:00:00Z/2026-10-05T00:00:00Z",
        "granularity": "Day",
        "metrics": ["Requests"],
        "groupBy": ["OauthClientId"],
    }
    resp = api.post(USAGE_JOBS, body)
    assert resp.status_code == 202
    created = resp.json()
    assert created["resultsUri"] == f"{USAGE_JOBS}/{created['id']}"
    first = api.ok(created["resultsUri"], pageSize=4)
    assert first == {"queryStatus": "Running"}
    rows: list[dict[str, Any]] = []
    page = api.ok(created["resultsUri"], pageSize=4)
    pages = 1
    while True:
        assert page["queryStatus"] == "Succeeded"
        rows.extend(page["entities"])
        if "nextUri" not in page:
            break
        page = api.ok(page["nextUri"])
        pages += 1
    assert pages == 2
    assert sorted({r["date"] for r in rows}) == ["2026-10-02", "2026-10-03", "2026-10-04"]
    assert len(rows) == 6 and {r["oauthClient"]["id"] for r in rows} == {"loader", "crm"}
    _assert_error(api.post(USAGE_JOBS, body | {"granularity": "Hour"}), 400)


# -- billing ------------------------------------------------------------------------------------


def test_billable_usage_in_progress_first(api: Api) -> None:
    params = {"startDate": "2026-10-01", "endDate": "2026-10-31"}
    assert api.ok("/api/v2/billing/reports/billableusage", **params) == {
        "status": "InProgress",
        "usages": [],
    }
    done = api.ok("/api/v2/billing/reports/billableusage", **params)
    assert done["status"] == "Complete" and done["usages"][0]["totalUsage"] == "42"
    other = api.ok("/api/v2/billing/reports/billableusage", startDate="2026-09-01", endDate="x")
    assert other["status"] == "InProgress"


def test_contracts_after_paging_and_periods(api: Api) -> None:
    page = api.ok("/api/v2/billing/contracts", pageSize=2)
    ids = [c["id"] for c in page["entities"]]
    assert "after=" in page["nextUri"]
    page = api.ok(page["nextUri"])
    ids += [c["id"] for c in page["entities"]]
    assert "nextUri" not in page and ids == ["ct-0", "ct-1", "ct-2"]
    period = api.ok("/api/v2/billing/contracts/ct-0/billingperiods/bp-1")
    assert period["charges"] == [{"id": "ch-1"}]
    _assert_error(api.get("/api/v2/billing/contracts/ct-1/billingperiods/bp-1"), 404)
    invoices = api.ok("/api/v2/billing/contracts/invoices")
    assert [i["id"] for i in invoices["entities"]] == ["inv-1"]
    lines = api.ok("/api/v2/billing/contracts/invoices/inv-1/lines", pageSize=2)
    more = api.ok(lines["nextUri"])
    assert [x["id"] for x in lines["entities"] + more["entities"]] == ["l0", "l1", "l2"]
    _assert_error(api.get("/api/v2/billing/contracts/invoices/inv-9/lines"), 404)


def test_unknown_path_is_404(api: Api) -> None:
    body = _assert_error(api.get("/api/v2/nothing/here"), 404)
    assert body["code"] == "not.found" and body["details"] == [] and body["errors"] == []


# -- faults, rate limit, permissions -------------------------------------------------------------


def test_fault_429(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, fault_rate=1.0, fault_kinds=("429",), retry_after=2) as server:
        resp = requests.get(f"{server.base_url}/api/v2/users", timeout=5)
        assert resp.status_code == 429
        assert resp.headers["Retry-After"] == "2"
        assert {"inin-ratelimit-count", "inin-ratelimit-allowed", "inin-ratelimit-reset"} <= {
            h.lower() for h in resp.headers
        }
        body = resp.json()
        assert (
            body["message"] == "Rate limit exceeded the maximum. Retry the request in [2] seconds"
        )
        assert (body["code"], body["status"], body["details"], body["errors"]) == (
            "too.many.requests.retry.after",
            429,
            [],
            [],
        )
        assert set(body) == ERROR_KEYS and body["contextId"]
        # the token endpoint is faulted like any other
        token = requests.post(
            f"{server.base_url}/oauth/token",
            auth=(CLIENT_ID, CLIENT_SECRET),
            data={"grant_type": "client_credentials"},
            timeout=5,
        )
        assert token.status_code == 429
        assert server.request_count == 2


def test_fault_503_and_slow(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, fault_rate=1.0, fault_kinds=("503",)) as server:
        body = _assert_error(requests.get(f"{server.base_url}/api/v2/users", timeout=5), 503)
        assert set(body) == ERROR_KEYS
    with SandboxServer(mini_dir, fault_rate=1.0, fault_kinds=("slow",), slow_seconds=0.3) as server:
        started = time.perf_counter()
        assert _token(server)  # a slow answer is still a normal answer
        assert time.perf_counter() - started >= 0.3


def _statuses(mini_dir: Path, seed: int) -> list[int]:
    with SandboxServer(mini_dir, fault_rate=0.5, seed=seed, slow_seconds=0.01) as server:
        session = requests.Session()
        return [
            session.get(f"{server.base_url}/api/v2/nothing", timeout=5).status_code
            for _ in range(40)
        ]


def test_faults_reproducible_by_seed(mini_dir: Path) -> None:
    first, again, other = _statuses(mini_dir, 11), _statuses(mini_dir, 11), _statuses(mini_dir, 12)
    assert first == again
    assert first != other
    assert set(first) == {401, 429, 503}  # 401: no token (slow faults answer normally)
    assert 8 <= sum(s != 401 for s in first) <= 32


def test_rate_limit_per_minute(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, rate_limit_per_minute=3) as server:
        api = Api(server)  # the token request does not count
        codes = [api.get("/api/v2/authorization/divisions").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = api.get("/api/v2/authorization/divisions")
        assert int(limited.headers["Retry-After"]) >= 1
        assert limited.json()["code"] == "too.many.requests.retry.after"
        assert server.request_count == 6


def test_forbidden_paths(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, forbidden_paths={"/api/v2/billing"}) as server:
        api = Api(server)
        body = _assert_error(api.get("/api/v2/billing/contracts"), 403)
        assert body["code"] == "missing.permissions"
        assert "billing:subscription:view" in body["message"]
        assert api.get("/api/v2/users").status_code == 200


def test_loopback_only(mini_dir: Path) -> None:
    for host in ("0.0.0.0", "192.168.1.10", "example.com", ""):
        with pytest.raises(ValueError, match="loopback"):
            SandboxServer(mini_dir, host=host)
    with SandboxServer(mini_dir, host="localhost") as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert _token(server)


# -- the generated sandbox month (tests/python/conftest.py) --------------------------------------

WIDE = "2026-09-01T00:00:00Z/2026-12-01T00:00:00Z"  # the month plus everything around it


def _expected(sandbox_dir: Path) -> dict[str, int]:
    return orjson.loads((sandbox_dir / "expected.json").read_bytes())["counts"]


def _file_conversations(sandbox_dir: Path) -> dict[str, bytes]:
    lines: dict[str, bytes] = {}
    for path in sorted((sandbox_dir / "conversations").glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            if line.strip():
                lines[orjson.loads(line)["conversationId"]] = line
    return lines


def test_generated_conversations(sandbox_server: SandboxServer, sandbox_dir: Path) -> None:
    api = Api(sandbox_server)
    raw = _file_conversations(sandbox_dir)
    job_id = api.run_job(CONV_JOBS, {"interval": WIDE, "order": "asc"})
    served: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"pageSize": 400} | ({"cursor": cursor} if cursor else {})
        page = api.ok(f"{CONV_JOBS}/{job_id}/results", **params)
        served.extend(page["conversations"])
        cursor = page.get("cursor")
        if not cursor:
            break
    ids = {c["conversationId"] for c in served}
    assert len(ids) == len(raw) == _expected(sandbox_dir)["conversations"]
    for conv in served[:50]:
        assert conv == orjson.loads(raw[conv["conversationId"]])
    starts = [c["conversationStart"] for c in served]
    assert starts == sorted(starts)
    # every day's job holds exactly the conversations overlapping that day
    month = api.conversations("2026-10-01T00:00:00Z/2026-11-01T00:00:00Z")
    daily: set[str] = set()
    for day in range(1, 32):
        lo = datetime(2026, 10, day, tzinfo=UTC)
        hi = datetime(2026, 11, 1, tzinfo=UTC) if day == 31 else lo.replace(day=day + 1)
        got = api.conversations(f"{lo.isoformat()}/{hi.isoformat()}")
        want = {
            c["conversationId"]
            for c in served
            if datetime.fromisoformat(c["conversationStart"]) < hi
            and ("conversationEnd" not in c or datetime.fromisoformat(c["conversationEnd"]) > lo)
        }
        assert set(got) == want
        daily |= want
    assert daily == set(month)


def test_generated_directory_and_counts(sandbox_server: SandboxServer, sandbox_dir: Path) -> None:
    api = Api(sandbox_server)
    expected = _expected(sandbox_dir)
    users = api.ok("/api/v2/users", pageSize=500, state="any", expand="employerInfo,dateLastLogin")
    assert users["total"] == expected["users"] and users["pageCount"] == 1
    assert all("employerInfo" in u for u in users["entities"])
    assert api.ok("/api/v2/routing/queues", pageSize=500)["total"] == expected["queues"]
    assert (
        api.ok("/api/v2/telephony/providers/edges/dids", pageSize=500)["total"] == expected["dids"]
    )
    job_id = api.run_job(USER_JOBS, {"interval": WIDE})
    details = api.ok(f"{USER_JOBS}/{job_id}/results", pageSize=1000)["userDetails"]
    assert sum(len(d.get("primaryPresence", [])) for d in details) == expected["presence_intervals"]
    assert sum(len(d.get("routingStatus", [])) for d in details) == expected["routing_intervals"]
    usage = api.post(
        USAGE_JOBS, {"interval": WIDE, "granularity": "Day", "groupBy": ["OauthClientId"]}
    )
    uri = usage.json()["resultsUri"]
    while (page := api.ok(uri, pageSize=1000))["queryStatus"] != "Succeeded":
        pass
    assert len(page["entities"]) == expected["api_usage_rows"] and "nextUri" not in page
    invoices = api.ok("/api/v2/billing/contracts/invoices")["entities"]
    lines = [
        line
        for invoice in invoices
        for line in api.ok(
            f"/api/v2/billing/contracts/invoices/{invoice['id']}/lines", pageSize=200
        )["entities"]
    ]
    assert len(lines) == expected["invoice_lines"]
    for contract in api.ok("/api/v2/billing/contracts")["entities"]:
        for period in contract["billingPeriods"]:
            body = api.ok(
                f"/api/v2/billing/contracts/{contract['id']}/billingperiods/{period['id']}"
            )
            assert body["id"] == period["id"] and "charges" in body


def test_generated_directory_clock(sandbox_dir: Path) -> None:
    changes = [
        orjson.loads(line)
        for line in (sandbox_dir / "directory_changes.jsonl").read_bytes().splitlines()
        if line.strip()
    ]
    paths = {"users": "/api/v2/users", "queues": "/api/v2/routing/queues"}
    checked = 0
    with SandboxServer(sandbox_dir) as server:
        api = Api(server)
        for change in changes:
            if change["resource"] not in paths:
                continue
            at = datetime.fromisoformat(change["effectiveAt"])
            obj = change["object"]

            def served(path: str = paths[change["resource"]], oid: str = obj["id"]) -> Any:
                page = api.ok(path, pageSize=500, state="any", expand="employerInfo,dateLastLogin")
                return next((e for e in page["entities"] if e["id"] == oid), None)

            server.set_clock(at - timedelta(milliseconds=1))
            assert served() != obj
            server.set_clock(at)
            assert served() == obj
            checked += 1
    assert checked >= 2


def test_serve_blocks_until_stopped(mini_dir: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import sys; from pathlib import Path; from fairshare.sandbox.server import serve; "
        "serve(Path(sys.argv[1]), port=int(sys.argv[2]), fault_rate=0.0)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(mini_dir), str(port)])
    try:
        url = f"http://127.0.0.1:{port}/oauth/token"
        for _ in range(100):
            try:
                resp = requests.post(
                    url,
                    auth=(CLIENT_ID, CLIENT_SECRET),
                    data={"grant_type": "client_credentials"},
                    timeout=5,
                )
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError("serve() did not start")
        assert resp.json()["expires_in"] == 60  # the CLI default token lifetime
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# -- the data-lake watermark and reprocessing ----------------------------------------------------


def _job_conversations(api: Api, interval: str) -> dict[str, dict[str, Any]]:
    job_id = api.run_job(CONV_JOBS, {"interval": interval})
    page = api.ok(f"{CONV_JOBS}/{job_id}/results")
    assert (
        page["dataAvailabilityDate"] == api.ok(f"{CONV_JOBS}/availability")["dataAvailabilityDate"]
    )
    return {c["conversationId"]: c for c in page["conversations"]}


def test_the_watermark_cuts_job_results_and_recent_data_changes_later(mini_dir: Path) -> None:
    watermark = datetime(2026, 10, 2, 9, 5, tzinfo=UTC)
    with SandboxServer(
        mini_dir, job_pending_polls=1, watermark=watermark, reprocessing=timedelta(hours=24)
    ) as server:
        api = Api(server)
        for path in (CONV_JOBS, USER_JOBS):
            assert api.ok(f"{path}/availability") == {
                "dataAvailabilityDate": "2026-10-02T09:05:00.000Z"
            }
        interval = "2026-10-01T00:00:00Z/2026-10-03T00:00:00Z"
        early = _job_conversations(api, interval)
        # started after the watermark: not in the lake yet
        assert "c-oct2-b" not in early and "c-open" not in early
        # running across it: in progress, its segment without an end
        cut = early["c-oct2-a"]
        assert "conversationEnd" not in cut
        (segment,) = cut["participants"][0]["sessions"][0]["segments"]
        assert "segmentEnd" not in segment
        # ended within the reprocessing window: no participant data yet
        assert "attributes" not in early["c-oct1-attr"]["participants"][0]
        # ended before it: final, served verbatim
        by_id = {c["conversationId"]: c for rows in CONVERSATIONS.values() for c in rows}
        assert early["c-oct1-a"] == by_id["c-oct1-a"]

        presence_job = api.run_job(USER_JOBS, {"interval": interval})
        details = api.ok(f"{USER_JOBS}/{presence_job}/results")["userDetails"]
        for detail in details:
            for item in detail.get("primaryPresence", []) + detail.get("routingStatus", []):
                assert item["startTime"] < "2026-10-02T09:05:00.000Z"
                assert item.get("endTime", "") <= "2026-10-02T09:05:00.000Z"

        server.set_watermark(datetime(2026, 10, 5))  # naive = UTC
        assert server.watermark == datetime(2026, 10, 5, tzinfo=UTC)
        later = _job_conversations(api, interval)
    for cid in ("c-oct1-a", "c-oct1-attr", "c-oct2-a", "c-oct2-b", "c-open"):
        assert later[cid] == by_id[cid]  # the final versions


def test_the_default_watermark_leaves_a_month_complete(mini_dir: Path) -> None:
    with SandboxServer(mini_dir) as server:
        assert server.watermark == datetime(2026, 11, 4, tzinfo=UTC)  # month end + 72 h


# -- endpoints a real org has that the loader needs ----------------------------------------------


def test_ivr_configurations_and_oauth_clients(sandbox_server: SandboxServer) -> None:
    api = Api(sandbox_server)
    ivrs = api.ok("/api/v2/architect/ivrs", pageSize=500)
    assert PAGE_KEYS <= set(ivrs) and ivrs["entities"]
    for ivr in ivrs["entities"]:
        assert ivr["dnis"] and ivr["openHoursFlow"]["name"] != ivr["name"]
    dids = api.ok("/api/v2/telephony/providers/edges/dids", pageSize=500)["entities"]
    routed = {n for ivr in ivrs["entities"] for n in ivr["dnis"]}
    assert routed == {d["phoneNumber"] for d in dids if d.get("ownerType") == "IVR_CONFIG"}
    clients = api.ok("/api/v2/oauth/clients")
    assert clients["total"] == len(clients["entities"]) and "nextUri" not in clients
    assert all(c["authorizedGrantType"] == "CLIENT-CREDENTIALS" for c in clients["entities"])
    # the usage job groups by OauthClientId: ids only, names come from the client list
    job = api.post(
        USAGE_JOBS,
        {
            "interval": "2026-10-01T00:00:00Z/2026-11-01T00:00:00Z",
            "granularity": "Day",
            "metrics": ["Requests"],
            "groupBy": ["OauthClientId"],
        },
    ).json()
    while (page := api.ok(job["resultsUri"], pageSize=1000))["queryStatus"] != "Succeeded":
        pass
    known = {c["id"] for c in clients["entities"]}
    assert page["entities"] and all(set(e["oauthClient"]) == {"id"} for e in page["entities"])
    assert {e["oauthClient"]["id"] for e in page["entities"]} <= known


def test_missing_paths_answer_404_as_an_org_without_a_preview_api(mini_dir: Path) -> None:
    with SandboxServer(mini_dir, missing_paths=["/api/v2/billing"]) as server:
        api = Api(server)
        _assert_error(api.get("/api/v2/billing/contracts"), 404)
        assert api.get("/api/v2/users").status_code == 200

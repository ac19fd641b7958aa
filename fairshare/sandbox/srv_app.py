"""Routing and the directory and billing endpoints of the sandbox API (no HTTP, no auth)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fairshare.sandbox.srv_conversations import ConversationStore
from fairshare.sandbox.srv_directory import Directory, load_json
from fairshare.sandbox.srv_http import (
    ApiError,
    Request,
    Response,
    after_listing,
    json_response,
    page_number_listing,
)
from fairshare.sandbox.srv_jobs import JobService
from fairshare.sandbox.srv_times import parse_instant

Handler = Callable[[Request], Response]

# Page sizes (default, max). Billing maxima are the SDK's (`get_billing_contracts` checks
# pageSize <= 10; invoices and invoice lines "Maximum of 200"); the directory maximum 500 is
# Genesys's usual value (the SDK states none).
DIRECTORY_PAGE_DEFAULT = 25
DIRECTORY_PAGE_MAX = 500
CONTRACTS_PAGE_DEFAULT = 10
CONTRACTS_PAGE_MAX = 10
INVOICES_PAGE_DEFAULT = 25
INVOICES_PAGE_MAX = 200
INVOICE_LINES_PAGE_DEFAULT = 100
INVOICE_LINES_PAGE_MAX = 200

USER_EXPANSIONS = ("employerInfo", "dateLastLogin")
_ID = r"(?P<{}>[^/]+)"


def _route(pattern: str) -> re.Pattern[str]:
    regex = re.sub(r"\{(\w+)\}", lambda m: _ID.format(m.group(1)), pattern)
    return re.compile(f"^{regex}$")


# Permission named in the 403 body when a path is listed in `forbidden_paths` (the SDK's names).
PERMISSIONS: dict[str, str] = {
    "/api/v2/analytics/conversations": "analytics:conversationDetail:view",
    "/api/v2/analytics/users": "analytics:userDetail:view",
    "/api/v2/usage": "usage:organization:view",
    "/api/v2/billing": "billing:subscription:view",
    "/api/v2/users/customattributes/schemas": "users:customAttributesSchema:view",
    "/api/v2/users": "directory:user:view",
    "/api/v2/authorization": "authorization:division:view",
    "/api/v2/routing": "routing:queue:view",
    "/api/v2/telephony": "telephony:plugin:all",
    "/api/v2/license/definitions": "authorization:license:view",
    "/api/v2/license": "authorization:license:view",
    "/api/v2/architect/ivrs": "routing:callRoute:view",
    "/api/v2/oauth/clients": "oauth:client:view",
}


# The default data-lake watermark: 72 h after the month ends, past Genesys's ~48 h reprocessing, so
# a sandbox month is complete (final) unless a test sets an earlier one.
DEFAULT_WATERMARK_AFTER_MONTH = timedelta(hours=72)


def default_watermark(meta: dict[str, Any]) -> datetime:
    """The watermark a dataset is served with by default: its month's end + 72 h."""
    label = meta.get("month")
    if label:
        first = datetime.strptime(str(label), "%Y-%m").replace(tzinfo=UTC)
        end = (first + timedelta(days=32)).replace(day=1)
        return end + DEFAULT_WATERMARK_AFTER_MONTH
    generated = meta.get("generatedAt")
    if generated:
        return parse_instant(generated) + DEFAULT_WATERMARK_AFTER_MONTH
    return datetime(1970, 1, 1, tzinfo=UTC)


def permission_for(path: str) -> str:
    for prefix, permission in PERMISSIONS.items():
        if path.startswith(prefix):
            return permission
    return "admin"


class SandboxApp:
    """Answers API requests from a dataset directory; the HTTP server adds auth and faults."""

    def __init__(
        self,
        data_dir: Path,
        job_pending_polls: int,
        clock: datetime | None,
        watermark: datetime | None = None,
        reprocessing: timedelta = timedelta(hours=48),
    ) -> None:
        self.data_dir = data_dir
        self.meta: dict[str, Any] = load_json(data_dir / "sandbox.json", {})
        self.clock = clock
        self.directory = Directory(data_dir)
        self.conversations = ConversationStore(data_dir)
        generated = self.meta.get("generatedAt")
        self.jobs = JobService(
            data_dir,
            self.conversations,
            job_pending_polls,
            watermark or default_watermark(self.meta),
            reprocessing=reprocessing,
            dataset_clock=parse_instant(generated) if generated else None,
        )
        self._billing_polled: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        conv = "/api/v2/analytics/conversations/details/jobs"
        udet = "/api/v2/analytics/users/details/jobs"
        usage = "/api/v2/usage/aggregates/query/jobs"
        table: list[tuple[str, str, Handler]] = [
            ("GET", "/api/v2/users", self.users),
            ("GET", "/api/v2/users/customattributes/schemas", self.schemas),
            ("GET", "/api/v2/users/{userId}/customattributes/bulk", self.attributes_bulk),
            ("GET", "/api/v2/users/{userId}/customattributes/{schemaId}", self.attributes),
            ("GET", "/api/v2/authorization/divisions", self.divisions),
            ("GET", "/api/v2/routing/queues", self._paged("queues")),
            ("GET", "/api/v2/telephony/providers/edges/dids", self._paged("dids")),
            ("GET", "/api/v2/telephony/providers/edges/didpools", self.didpools),
            ("GET", "/api/v2/license/definitions", self.license_definitions),
            ("GET", "/api/v2/license/users", self.license_users),
            ("GET", "/api/v2/architect/ivrs", self.ivrs),
            ("GET", "/api/v2/oauth/clients", self.oauth_clients),
            ("GET", conv + "/availability", self.jobs.availability),
            ("GET", udet + "/availability", self.jobs.availability),
            ("POST", conv, self._create("conversations")),
            ("GET", conv + "/{jobId}", self._status("conversations")),
            ("GET", conv + "/{jobId}/results", self.jobs.conversation_results),
            ("POST", udet, self._create("users")),
            ("GET", udet + "/{jobId}", self._status("users")),
            ("GET", udet + "/{jobId}/results", self.jobs.user_results),
            ("POST", usage, self.jobs.create_usage),
            ("GET", usage + "/{jobId}", self.jobs.usage_results),
            ("GET", "/api/v2/billing/reports/billableusage", self.billable_usage),
            ("GET", "/api/v2/billing/contracts", self.contracts),
            ("GET", "/api/v2/billing/contracts/invoices", self.invoices),
            ("GET", "/api/v2/billing/contracts/invoices/{invoiceId}/lines", self.invoice_lines),
            (
                "GET",
                "/api/v2/billing/contracts/{contractId}/billingperiods/{periodId}",
                self.billing_period,
            ),
        ]
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = [
            (method, _route(pattern), handler) for method, pattern, handler in table
        ]

    # -- dispatch ----------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        allowed = False
        for method, pattern, handler in self.routes:
            match = pattern.match(request.path)
            if match is None:
                continue
            if method != request.method:
                allowed = True
                continue
            request.params = match.groupdict()
            return handler(request)
        if allowed:
            raise ApiError(405, "method.not.allowed", f"{request.method} is not allowed here")
        raise ApiError(404, "not.found", f"Resource not found: {request.path}")

    def _state(self, resource: str) -> list[dict[str, Any]]:
        return self.directory.state(self.clock).get(resource, [])

    def _paged(self, resource: str) -> Handler:
        def handler(request: Request) -> Response:
            return json_response(
                page_number_listing(
                    self._state(resource),
                    request.path,
                    request.query,
                    default_size=DIRECTORY_PAGE_DEFAULT,
                    max_size=DIRECTORY_PAGE_MAX,
                )
            )

        return handler

    def _create(self, kind: str) -> Handler:
        return lambda request: self.jobs.create_analytics(kind, request)

    def _status(self, kind: str) -> Handler:
        return lambda request: self.jobs.analytics_status(kind, request)

    # -- directory ---------------------------------------------------------------------------

    def users(self, request: Request) -> Response:
        state = request.query.get("state", "active")
        if state not in ("any", "active", "inactive", "deleted"):
            raise ApiError(400, "bad.request", f"Invalid state: {state!r}")
        expand = {part for part in request.query.get("expand", "").split(",") if part}
        hidden = [field for field in USER_EXPANSIONS if field not in expand]
        users = [
            {k: v for k, v in user.items() if k not in hidden} if hidden else user
            for user in self._state("users")
            if state == "any" or user.get("state", "active") == state
        ]
        return json_response(
            page_number_listing(
                users,
                request.path,
                request.query,
                default_size=DIRECTORY_PAGE_DEFAULT,
                max_size=DIRECTORY_PAGE_MAX,
            )
        )

    def schemas(self, request: Request) -> Response:
        schemas = load_json(self.data_dir / "customattributes_schemas.json", [])
        return json_response({"entities": schemas, "total": len(schemas), "selfUri": request.path})

    def _user_attributes(self, user_id: str) -> list[dict[str, Any]]:
        return [a for a in self._state("customattributes") if a.get("userId") == user_id]

    def attributes(self, request: Request) -> Response:
        schema_id = request.params["schemaId"]
        for record in self._user_attributes(request.params["userId"]):
            if (record.get("schema") or {}).get("id") == schema_id:
                return json_response(record)
        raise ApiError(
            404,
            "not.found",
            f"No custom attributes of schema {schema_id} for user {request.params['userId']}",
        )

    def attributes_bulk(self, request: Request) -> Response:
        schema_ids = {s for s in request.query.get("schemaIds", "").split(",") if s}
        if not schema_ids:
            raise ApiError(400, "bad.request", "schemaIds is required")
        records = [
            record
            for record in self._user_attributes(request.params["userId"])
            if (record.get("schema") or {}).get("id") in schema_ids
        ]
        return json_response(records)

    def divisions(self, request: Request) -> Response:
        divisions = load_json(self.data_dir / "divisions.json", [])
        return json_response(
            page_number_listing(
                divisions,
                request.path,
                request.query,
                default_size=DIRECTORY_PAGE_DEFAULT,
                max_size=DIRECTORY_PAGE_MAX,
            )
        )

    def didpools(self, request: Request) -> Response:
        pools = load_json(self.data_dir / "didpools.json", [])
        return json_response(
            page_number_listing(
                pools,
                request.path,
                request.query,
                default_size=DIRECTORY_PAGE_DEFAULT,
                max_size=DIRECTORY_PAGE_MAX,
            )
        )

    def license_definitions(self, request: Request) -> Response:
        return json_response(load_json(self.data_dir / "license_definitions.json", []))

    def license_users(self, request: Request) -> Response:
        listing = page_number_listing(
            self._state("license_users"),
            request.path,
            request.query,
            default_size=DIRECTORY_PAGE_DEFAULT,
            max_size=DIRECTORY_PAGE_MAX,
            with_next_uri=False,
        )
        # UserLicensesEntityListing (SDK) carries no page links
        for key in ("firstUri", "selfUri", "lastUri", "previousUri"):
            listing.pop(key, None)
        return json_response(listing)

    def ivrs(self, request: Request) -> Response:
        return json_response(
            page_number_listing(
                load_json(self.data_dir / "ivrs.json", []),
                request.path,
                request.query,
                default_size=DIRECTORY_PAGE_DEFAULT,
                max_size=DIRECTORY_PAGE_MAX,
            )
        )

    def oauth_clients(self, request: Request) -> Response:
        """`GET /api/v2/oauth/clients` takes no paging parameters (SDK `get_oauth_clients`):
        every client in one listing."""
        clients = load_json(self.data_dir / "oauth_clients.json", [])
        return json_response(
            {
                "entities": clients,
                "pageSize": max(len(clients), 1),
                "pageNumber": 1,
                "total": len(clients),
                "pageCount": 1,
                "firstUri": request.path,
                "selfUri": request.path,
                "lastUri": request.path,
            }
        )

    # -- billing -----------------------------------------------------------------------------

    def billable_usage(self, request: Request) -> Response:
        start, end = request.query.get("startDate"), request.query.get("endDate")
        if not start or not end:
            raise ApiError(400, "bad.request", "startDate and endDate are required")
        with self._lock:
            first = (start, end) not in self._billing_polled
            self._billing_polled.add((start, end))
        if first:
            return json_response({"status": "InProgress", "usages": []})
        report = load_json(self.data_dir / "billing" / "billable_usage.json", {"usages": []})
        return json_response({**report, "status": "Complete"})

    def _contracts(self) -> list[dict[str, Any]]:
        return load_json(self.data_dir / "billing" / "contracts.json", [])

    def contracts(self, request: Request) -> Response:
        return json_response(
            after_listing(
                self._contracts(),
                request.path,
                request.query,
                default_size=CONTRACTS_PAGE_DEFAULT,
                max_size=CONTRACTS_PAGE_MAX,
            )
        )

    def billing_period(self, request: Request) -> Response:
        contract_id, period_id = request.params["contractId"], request.params["periodId"]
        contract = next((c for c in self._contracts() if c.get("id") == contract_id), None)
        if contract is None:
            raise ApiError(404, "not.found", f"Contract {contract_id} was not found")
        periods = {p.get("id") for p in contract.get("billingPeriods") or []}
        path = self.data_dir / "billing" / "billingperiods" / f"{period_id}.json"
        if period_id not in periods or "/" in period_id or not path.exists():
            raise ApiError(404, "not.found", f"Billing period {period_id} was not found")
        return json_response(load_json(path))

    def invoices(self, request: Request) -> Response:
        return json_response(
            after_listing(
                load_json(self.data_dir / "billing" / "invoices.json", []),
                request.path,
                request.query,
                default_size=INVOICES_PAGE_DEFAULT,
                max_size=INVOICES_PAGE_MAX,
            )
        )

    def invoice_lines(self, request: Request) -> Response:
        invoice_id = request.params["invoiceId"]
        invoice_ids = {
            i.get("id") for i in load_json(self.data_dir / "billing" / "invoices.json", [])
        }
        path = self.data_dir / "billing" / "invoice_lines" / f"{invoice_id}.json"
        if invoice_id not in invoice_ids or not path.exists():
            raise ApiError(404, "not.found", f"Invoice {invoice_id} was not found")
        return json_response(
            after_listing(
                load_json(path),
                request.path,
                request.query,
                default_size=INVOICE_LINES_PAGE_DEFAULT,
                max_size=INVOICE_LINES_PAGE_MAX,
            )
        )

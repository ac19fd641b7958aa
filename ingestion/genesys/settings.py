"""Genesys Cloud endpoints, regions, page sizes and defaults of the loaders.

Paths, query parameters, page-size maxima and permission names follow the official Genesys Cloud
Python SDK (`purecloudplatformclientv2`, generated from Genesys's OpenAPI spec): its `*_api.py`
files and its per-operation docs. `tests/python/test_sdk_conformance.py` checks every endpoint
listed in `ENDPOINTS` against the installed SDK.
"""

from __future__ import annotations

from dataclasses import dataclass

# ------------------------------------------------------------------------------------ regions

# Region domain -> AWS region. API host `api.<domain>`, token host `login.<domain>`.
REGIONS: dict[str, str] = {
    "mypurecloud.com": "us-east-1",
    "usw2.pure.cloud": "us-west-2",
    "cac1.pure.cloud": "ca-central-1",
    "sae1.pure.cloud": "sa-east-1",
    "mxc1.pure.cloud": "mx-central-1",
    "mypurecloud.ie": "eu-west-1",
    "euw2.pure.cloud": "eu-west-2",
    "mypurecloud.de": "eu-central-1",
    "euc2.pure.cloud": "eu-central-2",
    "mec1.pure.cloud": "me-central-1",
    "aps1.pure.cloud": "ap-south-1",
    "mypurecloud.jp": "ap-northeast-1",
    "apne2.pure.cloud": "ap-northeast-2",
    "apne3.pure.cloud": "ap-northeast-3",
    "apse1.pure.cloud": "ap-southeast-1",
    "mypurecloud.com.au": "ap-southeast-2",
    "use2.us-gov-pure.cloud": "us-east-2",
    "edee1.eusc-pure.cloud": "eusc-de-east-1",
}

# ---------------------------------------------------------------------------------- endpoints


@dataclass(frozen=True)
class Endpoint:
    """One Genesys endpoint: path template and the permissions that grant it (any one of them),
    as the official SDK's documentation lists them (`purecloudplatformclientv2` 269, docs of
    each operation: "Requires ANY permissions"); empty when the SDK says none is needed.

    `optional`: the data is not required for a month (a missing permission or a preview API
    the org does not have is reported as a warning and the run goes on without it)."""

    name: str
    method: str
    path: str
    permissions: tuple[str, ...] = ()
    optional: bool = False

    @property
    def permission(self) -> str:
        """The permission names, joined for a message (`a or b`)."""
        return " or ".join(self.permissions) if self.permissions else "(none documented)"

    def format(self, **params: str) -> str:
        return self.path.format(**params)


_CONVERSATION_DETAIL = ("analytics:conversationDetail:view",)
_USER_DETAIL = ("analytics:userDetail:view",)
_USAGE = ("usage:organization:view",)
_BILLING = ("billing:subscription:view",)

USERS = Endpoint("users", "GET", "/api/v2/users")
CUSTOM_ATTRIBUTE_SCHEMAS = Endpoint(
    "custom attribute schemas",
    "GET",
    "/api/v2/users/customattributes/schemas",
    ("users:customAttributesSchema:view",),
)
CUSTOM_ATTRIBUTES_BULK = Endpoint(
    "user custom attributes",
    "GET",
    "/api/v2/users/{user_id}/customattributes/bulk",
    ("directory:user:view",),
)
DIVISIONS = Endpoint("divisions", "GET", "/api/v2/authorization/divisions")
QUEUES = Endpoint("routing queues", "GET", "/api/v2/routing/queues", ("routing:queue:view",))
DIDS = Endpoint("DIDs", "GET", "/api/v2/telephony/providers/edges/dids", ("telephony:plugin:all",))
DID_POOLS = Endpoint(
    "DID pools", "GET", "/api/v2/telephony/providers/edges/didpools", ("telephony:plugin:all",)
)
LICENSE_DEFINITIONS = Endpoint(
    "licence definitions",
    "GET",
    "/api/v2/license/definitions",
    ("authorization:grant:add", "authorization:license:view"),
)
LICENSE_USERS = Endpoint("licence users", "GET", "/api/v2/license/users")
IVRS = Endpoint(
    "IVR configurations",
    "GET",
    "/api/v2/architect/ivrs",
    ("routing:callRoute:view",),
    optional=True,
)
OAUTH_CLIENTS = Endpoint(
    "OAuth clients", "GET", "/api/v2/oauth/clients", ("oauth:client:view",), optional=True
)
CONVERSATION_AVAILABILITY = Endpoint(
    "conversation details data availability",
    "GET",
    "/api/v2/analytics/conversations/details/jobs/availability",
    _CONVERSATION_DETAIL,
)
CONVERSATION_JOBS = Endpoint(
    "conversation details jobs",
    "POST",
    "/api/v2/analytics/conversations/details/jobs",
    _CONVERSATION_DETAIL,
)
CONVERSATION_JOB = Endpoint(
    "conversation details job status",
    "GET",
    "/api/v2/analytics/conversations/details/jobs/{job_id}",
    _CONVERSATION_DETAIL,
)
CONVERSATION_JOB_RESULTS = Endpoint(
    "conversation details job results",
    "GET",
    "/api/v2/analytics/conversations/details/jobs/{job_id}/results",
    _CONVERSATION_DETAIL,
)
USER_AVAILABILITY = Endpoint(
    "user details data availability",
    "GET",
    "/api/v2/analytics/users/details/jobs/availability",
    _USER_DETAIL,
)
USER_JOBS = Endpoint(
    "user details jobs", "POST", "/api/v2/analytics/users/details/jobs", _USER_DETAIL
)
USER_JOB = Endpoint(
    "user details job status",
    "GET",
    "/api/v2/analytics/users/details/jobs/{job_id}",
    _USER_DETAIL,
)
USER_JOB_RESULTS = Endpoint(
    "user details job results",
    "GET",
    "/api/v2/analytics/users/details/jobs/{job_id}/results",
    _USER_DETAIL,
)
USAGE_JOBS = Endpoint("API usage query jobs", "POST", "/api/v2/usage/aggregates/query/jobs", _USAGE)
USAGE_JOB = Endpoint(
    "API usage query job results", "GET", "/api/v2/usage/aggregates/query/jobs/{job_id}", _USAGE
)
# Billing: preview APIs (the SDK marks them so); partner-billed orgs answer 404. Optional: the
# invoice then comes from `--invoice-csv`.
BILLABLE_USAGE = Endpoint(
    "billable usage report",
    "GET",
    "/api/v2/billing/reports/billableusage",
    ("billing:subscription:view", "billing:subscription:read"),
    optional=True,
)
CONTRACTS = Endpoint(
    "billing contracts", "GET", "/api/v2/billing/contracts", _BILLING, optional=True
)
BILLING_PERIOD = Endpoint(
    "contract billing period",
    "GET",
    "/api/v2/billing/contracts/{contract_id}/billingperiods/{period_id}",
    _BILLING,
    optional=True,
)
INVOICES = Endpoint(
    "invoices", "GET", "/api/v2/billing/contracts/invoices", _BILLING, optional=True
)
INVOICE_LINES = Endpoint(
    "invoice lines",
    "GET",
    "/api/v2/billing/contracts/invoices/{invoice_id}/lines",
    _BILLING,
    optional=True,
)

# Every endpoint the loaders call (the SDK conformance test checks each against the SDK).
ENDPOINTS: tuple[Endpoint, ...] = (
    USERS,
    CUSTOM_ATTRIBUTE_SCHEMAS,
    CUSTOM_ATTRIBUTES_BULK,
    DIVISIONS,
    QUEUES,
    DIDS,
    DID_POOLS,
    LICENSE_DEFINITIONS,
    LICENSE_USERS,
    IVRS,
    OAUTH_CLIENTS,
    CONVERSATION_AVAILABILITY,
    CONVERSATION_JOBS,
    CONVERSATION_JOB,
    CONVERSATION_JOB_RESULTS,
    USER_AVAILABILITY,
    USER_JOBS,
    USER_JOB,
    USER_JOB_RESULTS,
    USAGE_JOBS,
    USAGE_JOB,
    BILLABLE_USAGE,
    CONTRACTS,
    BILLING_PERIOD,
    INVOICES,
    INVOICE_LINES,
)

TOKEN_PATH = "/oauth/token"

# --------------------------------------------------------------------------------- page sizes
# Maxima per endpoint (the sandbox answers 400 above them, as Genesys does). From the SDK:
# billing contracts 10 (a client-side check in `get_billing_contracts`), contract invoices and
# invoice lines 200 ("Maximum of 200"), usage query results 1000 ("Max is 1000"). The SDK
# states no maximum for the page-number directory listings and the analytics job results: 500
# and 1000 are Genesys's usual values (unconfirmed; the sandbox enforces the same).
PAGE_SIZE_DIRECTORY = 500  # users, queues, DIDs, DID pools, licence users (page number)
PAGE_SIZE_IVRS = 100  # IVR configurations: an org has few; 100 stays under any plausible maximum
PAGE_SIZE_CONTRACTS = 10  # billing contracts (`after` cursor)
PAGE_SIZE_INVOICES = 200  # contract invoices and invoice lines (`after` cursor)
PAGE_SIZE_CONVERSATION_RESULTS = 1000  # analytics conversation job results (cursor)
PAGE_SIZE_USER_RESULTS = 1000  # analytics user details job results (cursor)
PAGE_SIZE_USAGE_RESULTS = 1000  # usage aggregate job results (`after` cursor)
MAX_PAGES = 100_000  # a listing longer than this is a server loop, not data
USER_DETAILS_EXPAND = "employerInfo,dateLastLogin"

# ---------------------------------------------------------------------------- client defaults
REQUESTS_PER_MINUTE = 300  # Genesys default per client credential
REQUEST_TIMEOUT_SECONDS = 60.0
RETRY_BUDGET = 100  # total retries (429, 5xx, connection errors) allowed in one run
BACKOFF_BASE_SECONDS = 0.5  # exponential backoff with full jitter: base * 2**attempt
BACKOFF_MAX_SECONDS = 30.0
TOKEN_REFRESH_MARGIN_SECONDS = 60.0  # refresh this long before expiry (at most 10% of the TTL)
# Genesys lets an OAuth client's token live 5 min to 48 h; a shorter one cannot outlive a request
MIN_TOKEN_TTL_SECONDS = 60.0
# A 429 asking for a longer wait than this ends the run with a "rerun later" message instead of
# blocking it (Genesys's Retry-After is normally seconds; an hour means the org is throttled)
MAX_RETRY_AFTER_SECONDS = 120.0

# ---------------------------------------------------------------------------- async job polling
JOB_POLL_FIRST_SECONDS = 0.1
JOB_POLL_MAX_SECONDS = 10.0
JOB_POLL_FACTOR = 2.0  # few polls per job: each one counts against the rate limit
JOB_TIMEOUT_SECONDS = 3600.0  # give up on a job that is not done within an hour
MAX_CONCURRENT_JOBS = 8  # conversation jobs in flight at once (Genesys org limit unconfirmed)
BILLABLE_USAGE_MAX_POLLS = 30  # the billable usage report answers InProgress while it builds

# ---------------------------------------------------------------------------------- loader
CONVERSATION_DAYS_PER_JOB = 1
LOOKBACK_DAYS = 3
# Genesys reprocesses recent analytics data for about 48 hours: a month is final only when the
# data-availability watermark is past its end by this margin (dlt config
# `[sources.genesys] reprocessing_margin_hours` or FAIRSHARE_REPROCESSING_MARGIN_HOURS)
REPROCESSING_MARGIN_HOURS = 48.0
# Participant data attributes landed in clear (dlt config `participant_attributes`); any other
# attribute is dropped. Cost_Center is what the Architect flows set (see the README).
PARTICIPANT_ATTRIBUTES: tuple[str, ...] = ("Cost_Center",)
# The user custom attribute holding a user's cost center (dlt config `cost_center_attribute`)
COST_CENTER_ATTRIBUTE = "Cost_Center_ID"
# Oldest and newest month an extract accepts (guards typos such as 9999-12)
FIRST_MONTH = "2000-01"
ARROW_BATCH_ROWS = 200_000  # rows buffered per table before an Arrow table is yielded
HOME_COUNTRY = "US"  # the org's home country, for toll_free/local/mobile/international

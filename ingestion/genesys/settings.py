"""Genesys Cloud endpoints, regions, page sizes and defaults of the loaders.

Everything here follows the API facts file (`genesys-cloud-api.md`). Permission names come from
Genesys's per-endpoint documentation; the ones marked ``confirmed=False`` could not be checked
against an official source and are worded as such in the 403 message.
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
}

# ---------------------------------------------------------------------------------- endpoints


@dataclass(frozen=True)
class Endpoint:
    """One Genesys endpoint: path template, the permission it needs, and whether that name is
    confirmed by Genesys's docs."""

    name: str
    method: str
    path: str
    permission: str
    confirmed: bool = True

    def format(self, **params: str) -> str:
        return self.path.format(**params)


USERS = Endpoint("users", "GET", "/api/v2/users", "directory:user:view", confirmed=False)
CUSTOM_ATTRIBUTE_SCHEMAS = Endpoint(
    "custom attribute schemas",
    "GET",
    "/api/v2/users/customattributes/schemas",
    "directory:userCustomAttributes:view",
    confirmed=False,
)
CUSTOM_ATTRIBUTES_BULK = Endpoint(
    "user custom attributes",
    "GET",
    "/api/v2/users/{user_id}/customattributes/bulk",
    "directory:userCustomAttributes:view",
    confirmed=False,
)
DIVISIONS = Endpoint(
    "divisions", "GET", "/api/v2/authorization/divisions", "authorization:division:view"
)
QUEUES = Endpoint("routing queues", "GET", "/api/v2/routing/queues", "routing:queue:view")
DIDS = Endpoint("DIDs", "GET", "/api/v2/telephony/providers/edges/dids", "telephony:plugin:all")
DID_POOLS = Endpoint(
    "DID pools", "GET", "/api/v2/telephony/providers/edges/didpools", "telephony:plugin:all"
)
LICENSE_DEFINITIONS = Endpoint(
    "licence definitions",
    "GET",
    "/api/v2/license/definitions",
    "authorization:grant:view",
    confirmed=False,
)
LICENSE_USERS = Endpoint(
    "licence users", "GET", "/api/v2/license/users", "authorization:grant:view", confirmed=False
)
CONVERSATION_JOBS = Endpoint(
    "conversation details jobs",
    "POST",
    "/api/v2/analytics/conversations/details/jobs",
    "analytics:conversationDetail:view",
)
CONVERSATION_JOB = Endpoint(
    "conversation details job status",
    "GET",
    "/api/v2/analytics/conversations/details/jobs/{job_id}",
    "analytics:conversationDetail:view",
)
CONVERSATION_JOB_RESULTS = Endpoint(
    "conversation details job results",
    "GET",
    "/api/v2/analytics/conversations/details/jobs/{job_id}/results",
    "analytics:conversationDetail:view",
)
USER_JOBS = Endpoint(
    "user details jobs",
    "POST",
    "/api/v2/analytics/users/details/jobs",
    "analytics:userDetail:view",
    confirmed=False,
)
USER_JOB = Endpoint(
    "user details job status",
    "GET",
    "/api/v2/analytics/users/details/jobs/{job_id}",
    "analytics:userDetail:view",
    confirmed=False,
)
USER_JOB_RESULTS = Endpoint(
    "user details job results",
    "GET",
    "/api/v2/analytics/users/details/jobs/{job_id}/results",
    "analytics:userDetail:view",
    confirmed=False,
)
USAGE_JOBS = Endpoint(
    "API usage query jobs",
    "POST",
    "/api/v2/usage/aggregates/query/jobs",
    "usage:client:view",
    confirmed=False,
)
USAGE_JOB = Endpoint(
    "API usage query job results",
    "GET",
    "/api/v2/usage/aggregates/query/jobs/{job_id}",
    "usage:client:view",
    confirmed=False,
)
BILLABLE_USAGE = Endpoint(
    "billable usage report",
    "GET",
    "/api/v2/billing/reports/billableusage",
    "billing:subscription:view",
    confirmed=False,
)
CONTRACTS = Endpoint(
    "billing contracts",
    "GET",
    "/api/v2/billing/contracts",
    "billing:contract:view",
    confirmed=False,
)
BILLING_PERIOD = Endpoint(
    "contract billing period",
    "GET",
    "/api/v2/billing/contracts/{contract_id}/billingperiods/{period_id}",
    "billing:contract:view",
    confirmed=False,
)
INVOICES = Endpoint(
    "invoices",
    "GET",
    "/api/v2/billing/contracts/invoices",
    "billing:invoice:view",
    confirmed=False,
)
INVOICE_LINES = Endpoint(
    "invoice lines",
    "GET",
    "/api/v2/billing/contracts/invoices/{invoice_id}/lines",
    "billing:invoice:view",
    confirmed=False,
)

TOKEN_PATH = "/oauth/token"

# --------------------------------------------------------------------------------- page sizes
# Maxima Genesys documents per endpoint family (the sandbox enforces the same bounds).
PAGE_SIZE_DIRECTORY = 500  # users, queues, DIDs, DID pools, licence users (page number)
PAGE_SIZE_CONTRACTS = 100  # `after` cursor listings
PAGE_SIZE_CONVERSATION_RESULTS = 1000  # analytics conversation job results (cursor)
PAGE_SIZE_USER_RESULTS = 1000  # analytics user details job results (cursor)
PAGE_SIZE_USAGE_RESULTS = 1000  # usage aggregate job results (`after` cursor)
USER_DETAILS_EXPAND = "employerInfo,dateLastLogin"

# ---------------------------------------------------------------------------- client defaults
REQUESTS_PER_MINUTE = 300  # Genesys default per client credential
REQUEST_TIMEOUT_SECONDS = 60.0
RETRY_BUDGET = 100  # total retries (429, 5xx, connection errors) allowed in one run
BACKOFF_BASE_SECONDS = 0.5  # exponential backoff with full jitter: base * 2**attempt
BACKOFF_MAX_SECONDS = 30.0
TOKEN_REFRESH_MARGIN_SECONDS = 60.0  # refresh this long before expiry (at most 10% of the TTL)

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
ARROW_BATCH_ROWS = 200_000  # rows buffered per table before an Arrow table is yielded
HOME_COUNTRY = "US"  # the org's home country, for toll_free/local/mobile/international

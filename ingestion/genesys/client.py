"""A small Genesys Cloud HTTP client: OAuth client credentials, retries, rate limit and paging.

- Client-credentials token from `POST /oauth/token` on the login host, refreshed shortly before
  it expires and once more when an API call answers 401.
- 429 waits exactly `Retry-After` seconds (a wait longer than `MAX_RETRY_AFTER_SECONDS` ends
  the run with a "rerun later" message); 5xx, timeouts and connection errors back off
  exponentially with full jitter. Every retry spends one unit of a run-wide retry budget; when
  it is exhausted the run fails with `RetryBudgetExhaustedError`.
- A rate limiter keeps the client under `requests_per_minute` in every 60-second window.
- 403 raises `PermissionDeniedError` naming the permission the endpoint needs (the SDK's names);
  404 raises `EndpointNotFoundError` (a preview API the org does not have).
- Paging helpers for the three Genesys paging styles (page number, analytics `cursor`,
  `after` cursor with `nextUri`) and a poller for asynchronous jobs; a cursor or page link that
  repeats ends the run instead of looping.
- `exact_numbers=True` parses JSON numbers from the response text as `Decimal` (billing money:
  no binary-float round trip).

The client is thread-safe: one `requests.Session` per thread, shared token and limiter.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

import orjson
import requests

from ingestion.genesys import settings
from ingestion.genesys.errors import (
    ConfigurationError,
    CredentialsError,
    EndpointNotFoundError,
    GenesysApiError,
    PermissionDeniedError,
    RetryBudgetExhaustedError,
)
from ingestion.genesys.settings import Endpoint

logger = logging.getLogger("fairshare.ingestion")

Clock = Callable[[], float]
Sleep = Callable[[float], None]

_PERMISSION_IN_MESSAGE = re.compile(r"permission\(?s?\)?:?\s*\[?([A-Za-z0-9_*:, ]+?)\]?\s*$")


def resolve_hosts(region: str | None, api_base: str | None) -> tuple[str, str]:
    """(API base URL, login base URL) from a region domain or an explicit API base.

    An explicit `api_base` (the sandbox) serves the API and `/oauth/token` on the same base.
    A region is a domain from the Genesys region table (`mypurecloud.ie`) or its AWS name
    (`eu-west-1`).
    """
    if api_base:
        base = api_base.rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"GENESYS_API_BASE must be a URL such as https://api.mypurecloud.ie, not {base!r}"
            )
        return base, base
    if not region:
        raise ConfigurationError(
            "no Genesys region: set GENESYS_REGION (e.g. mypurecloud.ie) or GENESYS_API_BASE"
        )
    domain = region.strip().lower()
    for prefix in ("https://", "http://", "api.", "login."):
        if domain.startswith(prefix):
            domain = domain[len(prefix) :]
    by_aws = {aws: dom for dom, aws in settings.REGIONS.items()}
    domain = by_aws.get(domain, domain)
    if domain not in settings.REGIONS:
        known = ", ".join(sorted(settings.REGIONS))
        raise ConfigurationError(f"unknown GENESYS_REGION {region!r}; use one of: {known}")
    return f"https://api.{domain}", f"https://login.{domain}"


class RateLimiter:
    """At most `rate` acquisitions in any window of `period` seconds (a sliding-window bucket:
    each token returns to the bucket `period` seconds after it was taken)."""

    def __init__(
        self,
        rate: int,
        period: float = 60.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if rate < 1:
            raise ConfigurationError(f"requests per minute must be at least 1, not {rate}")
        self.rate = rate
        self.period = period
        self._clock = clock
        self._sleep = sleep
        self._taken: deque[float] = deque()
        self._lock = threading.Lock()
        self.waited = 0.0

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            while self._taken and self._taken[0] <= now - self.period:
                self._taken.popleft()
            if len(self._taken) >= self.rate:
                wait = self._taken[0] + self.period - now
                if wait > 1.0:
                    logger.info("rate limit: waiting %.1f s (%d requests/min)", wait, self.rate)
                if wait > 0:
                    self.waited += wait
                    self._sleep(wait)
                self._taken.popleft()  # the oldest token is back: it was taken a period ago
                now = max(self._clock(), now + max(wait, 0.0))
            self._taken.append(now)


class GenesysClient:
    """Authenticated, rate-limited, retrying JSON client for one Genesys org."""

    def __init__(
        self,
        *,
        api_base: str,
        login_base: str,
        client_id: str,
        client_secret: str,
        requests_per_minute: int = settings.REQUESTS_PER_MINUTE,
        retry_budget: int = settings.RETRY_BUDGET,
        timeout: float = settings.REQUEST_TIMEOUT_SECONDS,
        backoff_base: float = settings.BACKOFF_BASE_SECONDS,
        backoff_max: float = settings.BACKOFF_MAX_SECONDS,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.login_base = login_base.rstrip("/")
        self._client_id = client_id
        self._client_secret = client_secret
        self.retry_budget = retry_budget
        self.timeout = timeout
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.limiter = RateLimiter(requests_per_minute, clock=clock, sleep=sleep)
        self._local = threading.local()
        self._token_lock = threading.Lock()
        self._token: str | None = None
        self._token_expires = 0.0
        self.token_ttl = 0.0
        self._stats_lock = threading.Lock()
        self.retries = 0
        self.requests = 0
        self.token_refreshes = 0
        self.api_seconds = 0.0  # thread-seconds waiting for HTTP responses (the server's time)

    # ------------------------------------------------------------------------------ plumbing

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["Accept"] = "application/json"
            self._local.session = session
        return session

    def close(self) -> None:
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None

    def _spend_retry(self, where: str, last_error: str) -> None:
        with self._stats_lock:
            self.retries += 1
            used = self.retries
        if used > self.retry_budget:
            raise RetryBudgetExhaustedError(
                f"retry budget exhausted after {used - 1} retries on {where}: {last_error};"
                " check the network and the Genesys status page, or raise --retry-budget"
            )
        logger.info("retry %d/%d on %s: %s", used, self.retry_budget, where, last_error)

    def _backoff(self, attempt: int) -> float:
        return self._rng.uniform(0, min(self.backoff_max, self.backoff_base * 2**attempt))

    # --------------------------------------------------------------------------------- token

    def _access_token(self) -> str:
        with self._token_lock:
            if self._token is None or self._clock() >= self._token_expires:
                self._fetch_token()
            assert self._token is not None
            return self._token

    def _invalidate(self, token: str) -> None:
        with self._token_lock:
            if self._token == token:
                self._token = None

    def _fetch_token(self) -> None:
        url = self.login_base + settings.TOKEN_PATH
        where = f"POST {settings.TOKEN_PATH}"
        attempt = 0
        while True:
            try:
                response = self._session().post(
                    url,
                    data={"grant_type": "client_credentials"},
                    auth=(self._client_id, self._client_secret),
                    timeout=self.timeout,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                self._spend_retry(where, _exc_text(exc, url))
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            status = response.status_code
            if status == 200:
                body = _json(response.content, where)
                token = body.get("access_token") if isinstance(body, dict) else None
                if not token:
                    raise CredentialsError(
                        f"the Genesys token endpoint {url} answered without an access_token"
                    )
                ttl = float(body.get("expires_in") or 86400)
                margin = min(settings.TOKEN_REFRESH_MARGIN_SECONDS, ttl * 0.1)
                if ttl < settings.MIN_TOKEN_TTL_SECONDS:
                    logger.warning(
                        "the OAuth client's access tokens live %.0f s only; Genesys allows 5 min"
                        " to 48 h: raise the client's token duration",
                        ttl,
                    )
                self._token = str(token)
                self.token_ttl = ttl
                self._token_expires = self._clock() + ttl - margin
                self.token_refreshes += 1
                logger.debug("access token obtained, valid %.0f s", ttl)
                return
            if status in (400, 401):
                raise CredentialsError(
                    f"Genesys rejected the client credentials ({status}) at {url}:"
                    f" {_error_message(response)}; set GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET"
                    " to an OAuth client-credentials grant of this org (and check"
                    " GENESYS_REGION)"
                )
            if status == 429 or status >= 500:
                wait = _retry_after(response) if status == 429 else None
                _check_retry_after(wait, where)
                self._spend_retry(where, f"{status} {_error_message(response)}")
                self._sleep(wait if wait is not None else self._backoff(attempt))
                attempt += 1
                continue
            raise CredentialsError(
                f"the Genesys token endpoint {url} answered {status}:"
                f" {_error_message(response)}; check GENESYS_REGION / GENESYS_API_BASE"
            )

    def sleep(self, seconds: float) -> None:
        """Wait (the client's clock: tests replace it)."""
        self._sleep(seconds)

    def authenticate(self) -> None:
        """Obtain an access token now (fails fast on wrong credentials or region)."""
        self._access_token()

    # ------------------------------------------------------------------------------- requests

    def request_bytes(
        self,
        endpoint: Endpoint,
        path: str | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        not_found_ok: bool = False,
    ) -> bytes:
        """Perform one API call with retries; the raw response body of a 2xx answer
        (empty bytes for a 404 when `not_found_ok`)."""
        path = path or endpoint.path
        url = path if path.startswith("http") else self.api_base + path
        where = f"{endpoint.method} {path.split('?', 1)[0]}"
        data = orjson.dumps(body) if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        attempt = 0
        reauthentications = 0
        while True:
            self.limiter.acquire()
            token = self._access_token()
            headers["Authorization"] = f"Bearer {token}"
            with self._stats_lock:
                self.requests += 1
            sent = time.perf_counter()
            try:
                response = self._session().request(
                    endpoint.method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    timeout=self.timeout,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                self._spend_retry(where, _exc_text(exc, url))
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            with self._stats_lock:
                self.api_seconds += time.perf_counter() - sent
            status = response.status_code
            if status < 300:
                return response.content
            if status == 401:
                # a token that lives seconds can expire on its way: a few fresh ones are tried
                allowed = 1 if self.token_ttl >= settings.MIN_TOKEN_TTL_SECONDS else 3
                if reauthentications < allowed:
                    reauthentications += 1
                    logger.info("%s answered 401: refreshing the access token", where)
                    self._invalidate(token)
                    continue
                if self.token_ttl < settings.MIN_TOKEN_TTL_SECONDS:
                    raise CredentialsError(
                        f"Genesys answered 401 on {where} with tokens that live only"
                        f" {self.token_ttl:.0f} s: the credentials are valid (a token was issued)"
                        " but each token expires before it can be used; set the OAuth client's"
                        " token duration to at least 5 minutes (Admin > OAuth > the client)"
                    )
                raise CredentialsError(
                    f"Genesys rejected a fresh access token (401) on {where}:"
                    f" {_error_message(response)}; check that GENESYS_CLIENT_ID/"
                    "GENESYS_CLIENT_SECRET belong to a client-credentials grant of this org"
                )
            if status == 429:
                wait = _retry_after(response)
                _check_retry_after(wait, where)
                self._spend_retry(where, f"429 {_error_message(response)}")
                self._sleep(wait if wait is not None else self._backoff(attempt))
                attempt += 1
                continue
            if status >= 500 or status == 408:
                self._spend_retry(where, f"{status} {_error_message(response)}")
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            if status == 403:
                raise _permission_error(endpoint, where, response)
            if status == 404 and not_found_ok:
                return b""
            if status == 404:
                raise EndpointNotFoundError(
                    f"Genesys answered 404 on {where}: {_error_message(response)}; the"
                    f" {endpoint.name} API is not available for this org"
                )
            raise GenesysApiError(
                f"Genesys answered {status} on {where}: {_error_message(response)};"
                f" the {endpoint.name} endpoint may not be enabled for this org"
            )

    def request(
        self,
        endpoint: Endpoint,
        path: str | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        not_found_ok: bool = False,
        exact_numbers: bool = False,
    ) -> Any:
        """Perform one API call; the parsed JSON body (None for an empty body). With
        `exact_numbers`, JSON numbers with a fraction or exponent parse as `Decimal` from their
        text (money: never through a binary float)."""
        content = self.request_bytes(
            endpoint, path, params=params, body=body, not_found_ok=not_found_ok
        )
        if not content:
            return None
        where = f"{endpoint.method} {path or endpoint.path}"
        return _exact_json(content, where) if exact_numbers else _json(content, where)

    # --------------------------------------------------------------------------------- paging

    def iter_page_number(
        self,
        endpoint: Endpoint,
        params: Mapping[str, Any] | None = None,
        page_size: int = settings.PAGE_SIZE_DIRECTORY,
        path: str | None = None,
    ) -> Iterator[list[dict[str, Any]]]:
        """Pages of `entities` of a page-number listing (stops at `pageNumber >= pageCount`)."""
        number = 1
        while number <= settings.MAX_PAGES:
            page = self.request(
                endpoint,
                path,
                params={**(params or {}), "pageSize": page_size, "pageNumber": number},
            )
            if isinstance(page, list):  # a plain array: no paging
                yield page
                return
            entities = _entities(page, endpoint)
            logger.debug("%s page %d: %d entities", endpoint.name, number, len(entities))
            yield entities
            page_count = page.get("pageCount")
            if page_count is None:
                if not page.get("nextUri") or not entities:
                    return
            elif number >= int(page_count):
                return
            number += 1
        raise GenesysApiError(
            f"{endpoint.name}: more than {settings.MAX_PAGES} pages; the listing does not end"
        )

    def iter_cursor(
        self,
        endpoint: Endpoint,
        path: str,
        page_size: int,
        key: str,
    ) -> Iterator[dict[str, Any]]:
        """Pages (whole bodies) of an analytics job's results: pass `cursor` back until none."""
        cursor: str | None = None
        seen = CursorGuard(endpoint.name)
        while True:
            params: dict[str, Any] = {"pageSize": page_size}
            if cursor:
                params["cursor"] = cursor
            page = self.request(endpoint, path, params=params)
            if not isinstance(page, dict) or not isinstance(page.get(key, []), list):
                raise GenesysApiError(f"{endpoint.name}: unexpected results page (no {key!r})")
            yield page
            cursor = page.get("cursor")
            if not cursor:
                return
            seen.check(cursor)

    def iter_after(
        self,
        endpoint: Endpoint,
        path: str | None = None,
        params: Mapping[str, Any] | None = None,
        page_size: int | None = settings.PAGE_SIZE_CONTRACTS,
        first_page: dict[str, Any] | None = None,
        exact_numbers: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Pages (whole bodies) of an `after`-cursor listing, following `nextUri` (`page_size`
        None: the endpoint takes no page size)."""
        page = first_page
        if page is None:
            query = dict(params or {})
            if page_size is not None:
                query["pageSize"] = page_size
            page = self.request(endpoint, path, params=query, exact_numbers=exact_numbers)
        seen = CursorGuard(endpoint.name)
        while True:
            if isinstance(page, list):
                yield {"entities": page}
                return
            if not isinstance(page, dict):
                raise GenesysApiError(f"{endpoint.name}: unexpected listing body")
            yield page
            next_uri = page.get("nextUri")
            if not next_uri or not page.get("entities"):
                return
            seen.check(str(next_uri))
            page = self.request(endpoint, self._absolute(next_uri), exact_numbers=exact_numbers)

    def _absolute(self, uri: str) -> str:
        if uri.startswith("http"):
            return uri
        return urljoin(self.api_base + "/", uri.lstrip("/"))

    # ----------------------------------------------------------------------------------- jobs

    def wait_for_analytics_job(
        self,
        status: Endpoint,
        job_id: str,
        label: str,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> bool:
        """Poll an analytics job until FULFILLED (True) or `cancelled()` (False);
        GenesysApiError when it fails, expires or times out."""
        path = status.format(job_id=job_id)
        delay = settings.JOB_POLL_FIRST_SECONDS
        started = self._clock()
        polls = 0
        while True:
            body = self.request(status, path)
            polls += 1
            state = str((body or {}).get("state", "")).upper()
            if state == "FULFILLED":
                logger.debug("%s job %s fulfilled after %d polls", label, job_id, polls)
                return True
            if state in ("FAILED", "CANCELLED", "EXPIRED"):
                raise GenesysApiError(
                    f"the Genesys {label} job {job_id} ended {state}:"
                    f" {(body or {}).get('errorMessage') or 'no reason given'}; rerun the extract"
                    " (use --days-per-job 1 for smaller jobs)"
                )
            if self._clock() - started > settings.JOB_TIMEOUT_SECONDS:
                raise GenesysApiError(
                    f"the Genesys {label} job {job_id} was still {state or 'pending'} after"
                    f" {settings.JOB_TIMEOUT_SECONDS:.0f} s; rerun later"
                )
            if cancelled():
                return False
            logger.info("waiting for %s job (%s), next poll in %.1f s", label, state, delay)
            self._sleep(delay)
            delay = min(delay * settings.JOB_POLL_FACTOR, settings.JOB_POLL_MAX_SECONDS)


# ---------------------------------------------------------------------------------- helpers


class CursorGuard:
    """Fails a listing whose cursor (or next-page link) repeats: the server would loop it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._seen: set[str] = set()

    def check(self, cursor: str) -> None:
        if cursor in self._seen:
            raise GenesysApiError(
                f"{self._name}: Genesys returned the cursor {cursor[:40]!r} twice (after"
                f" {len(self._seen)} pages); the listing would never end; rerun later"
            )
        if len(self._seen) >= settings.MAX_PAGES:
            raise GenesysApiError(
                f"{self._name}: more than {settings.MAX_PAGES} pages; the listing does not end"
            )
        self._seen.add(cursor)


def _check_retry_after(wait: float | None, where: str) -> None:
    if wait is not None and wait > settings.MAX_RETRY_AFTER_SECONDS:
        raise RetryBudgetExhaustedError(
            f"Genesys throttled {where} and asked to wait {wait:.0f} s (Retry-After), longer"
            f" than the {settings.MAX_RETRY_AFTER_SECONDS:.0f} s a run waits; the org's API"
            " rate limit is exhausted: rerun later (nothing was loaded)"
        )


def _exact_json(content: bytes, where: str) -> Any:
    """JSON with every non-integer number as the `Decimal` of its text."""
    try:
        return json.loads(content, parse_float=Decimal)
    except ValueError as exc:
        raise GenesysApiError(f"{where} answered a body that is not JSON: {exc}") from exc


def _json(content: bytes, where: str) -> Any:
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise GenesysApiError(f"{where} answered a body that is not JSON: {exc}") from exc


def _entities(page: Any, endpoint: Endpoint) -> list[dict[str, Any]]:
    if not isinstance(page, dict) or not isinstance(page.get("entities", []), list):
        raise GenesysApiError(f"{endpoint.name}: unexpected listing body (no entities)")
    return list(page.get("entities") or [])


def _retry_after(response: requests.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


def _error_message(response: requests.Response) -> str:
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        text = response.text.strip()
        return text[:200] if text else response.reason or "no message"
    if isinstance(body, dict):
        for key in ("message", "error_description", "description", "error"):
            if body.get(key):
                return str(body[key])
    return response.reason or "no message"


def _exc_text(exc: Exception, url: str) -> str:
    kind = "timeout" if isinstance(exc, requests.Timeout) else "connection error"
    return f"{kind} ({type(exc).__name__}) reaching {url.split('?', 1)[0]}"


def _permission_error(
    endpoint: Endpoint, where: str, response: requests.Response
) -> PermissionDeniedError:
    message = _error_message(response)
    match = _PERMISSION_IN_MESSAGE.search(message)
    permission = match.group(1).strip() if match else endpoint.permission
    return PermissionDeniedError(
        f"Genesys denied {where} (403): the OAuth client's role lacks the permission"
        f" {permission}; add it to a role of the client-credentials grant"
        f" GENESYS_CLIENT_ID and rerun",
        permission=permission,
    )

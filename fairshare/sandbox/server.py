"""A Genesys Cloud-compatible mock API serving a sandbox dataset directory on loopback only.

    with SandboxServer(data_dir, port=0) as srv:
        requests.post(f"{srv.base_url}/oauth/token", auth=(srv.client_id, srv.client_secret),
                      data={"grant_type": "client_credentials"})

The API and the token endpoint share one base URL. Wire formats, paging styles and error bodies
follow the Genesys API facts (see docs/sandbox-dataset.md, section "Mock API"). Faults are
injected with probability `fault_rate` per request (429 with Retry-After, 503, or a slow answer),
drawn from `random.Random(seed)` under a lock, so a given *sequence* of requests sees the same
faults on every run (with concurrent clients the arrival order decides the sequence).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import logging
import math
import random
import secrets
import signal
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import orjson

from fairshare.sandbox.srv_app import SandboxApp, permission_for
from fairshare.sandbox.srv_http import (
    ApiError,
    Request,
    Response,
    error_body,
    error_response,
)

logger = logging.getLogger("fairshare.sandbox.server")

TOKEN_PATH = "/oauth/token"
FAULT_KINDS = ("429", "503", "slow")
RATE_LIMIT_ALLOWED = 300  # what the inin-ratelimit-allowed header reports (Genesys default)


def _loopback_address(host: str) -> tuple[str, socket.AddressFamily]:
    """The literal loopback address to bind for `host`; ValueError for anything else."""
    if host == "localhost":
        return "127.0.0.1", socket.AF_INET
    try:
        address = ipaddress.ip_address(host)
    except ValueError as exc:
        raise ValueError(f"the sandbox binds to a loopback address only, not {host!r}") from exc
    if not address.is_loopback:
        raise ValueError(f"the sandbox binds to a loopback address only, not {host!r}")
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    return str(address), family


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    sandbox: SandboxServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A broken connection (client gone mid-answer) is logged, never printed."""
        logger.debug("connection from %s failed", client_address, exc_info=True)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response carries Content-Length
    server: _HTTPServer
    server_version = "fairshare-sandbox"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def _serve(self) -> None:
        started = time.perf_counter()
        cpu_started = time.thread_time()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=unquote(split.path).rstrip("/") or "/",
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers=self.headers,
            body=body,
        )
        response = self.server.sandbox.dispatch(request)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)
        self.server.sandbox.add_cpu_seconds(time.thread_time() - cpu_started)
        logger.debug(
            "%s %s -> %d (%d bytes, %.1f ms)",
            self.command,
            self.path,
            response.status,
            len(response.body),
            (time.perf_counter() - started) * 1000,
        )

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Requests are logged once, by `_serve`."""

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)


class SandboxServer:
    """The mock Genesys API on a loopback port, run in a background thread.

    `clock` fixes the directory state (directory changes with `effectiveAt <= clock` applied;
    None = all applied). `watermark` is the analytics data-lake watermark (default: 72 h after
    the dataset's month ends, so the month is complete): analytics job results hold only what
    the lake holds at it, and conversations that ended within `reprocessing` (default 48 h)
    before it come in a preliminary form (see `srv_jobs`); `set_watermark` moves it.
    `forbidden_paths` (path prefixes, or prefix -> permission name) answer 403 with the Genesys
    missing-permission body; `missing_paths` (path prefixes) answer 404 as a preview API an
    org does not have. `rate_limit_per_minute` answers 429 once that
    many API requests were served in the current one-minute window.
    """

    def __init__(
        self,
        data_dir: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        fault_rate: float = 0.0,
        token_ttl: float = 3600,
        seed: int = 0,
        slow_seconds: float = 0.5,
        job_pending_polls: int = 2,
        clock: datetime | None = None,
        *,
        retry_after: int = 1,
        forbidden_paths: Iterable[str] | Mapping[str, str] | None = None,
        rate_limit_per_minute: int | None = None,
        fault_kinds: Iterable[str] = FAULT_KINDS,
        watermark: datetime | None = None,
        reprocessing: timedelta = timedelta(hours=48),
        missing_paths: Iterable[str] = (),
    ) -> None:
        address, family = _loopback_address(host)
        if not 0.0 <= fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be within [0, 1], not {fault_rate}")
        self.data_dir = Path(data_dir)
        if not (self.data_dir / "sandbox.json").exists():
            raise FileNotFoundError(f"not a sandbox dataset (no sandbox.json): {self.data_dir}")
        self._app = SandboxApp(
            self.data_dir, job_pending_polls, _utc(clock), _utc(watermark), reprocessing
        )
        self.client_id: str = self._app.meta["clientId"]
        self.client_secret: str = self._app.meta["clientSecret"]
        self.fault_rate = fault_rate
        self.token_ttl = token_ttl
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.rate_limit_per_minute = rate_limit_per_minute
        self._fault_kinds = tuple(fault_kinds)
        if not self._fault_kinds or set(self._fault_kinds) - set(FAULT_KINDS):
            raise ValueError(f"fault_kinds must be a non-empty subset of {FAULT_KINDS}")
        if isinstance(forbidden_paths, Mapping):
            self._forbidden = dict(forbidden_paths)
        else:
            self._forbidden = {p: permission_for(p) for p in forbidden_paths or ()}
        self._missing = tuple(missing_paths)
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._tokens: dict[str, float] = {}
        self._request_count = 0
        self._cpu_seconds = 0.0
        self._window_start = 0.0
        self._window_count = 0
        server_class = _HTTPServer6 if family == socket.AF_INET6 else _HTTPServer
        self._httpd = server_class((address, port), _Handler)
        self._httpd.sandbox = self
        self._thread: threading.Thread | None = None
        bound_port = self._httpd.server_address[1]
        shown = f"[{address}]" if family == socket.AF_INET6 else address
        self.base_url = f"http://{shown}:{bound_port}"

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> SandboxServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, args=(0.05,), name="sandbox-api", daemon=True
            )
            self._thread.start()
            logger.info("sandbox API serving %s on %s", self.data_dir, self.base_url)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        logger.info("sandbox API serving %s on %s", self.data_dir, self.base_url)
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- state ---------------------------------------------------------------------------------

    @property
    def request_count(self) -> int:
        with self._lock:
            return self._request_count

    @property
    def cpu_seconds(self) -> float:
        """CPU time the server's request threads spent serving (the benchmark reports it)."""
        with self._lock:
            return self._cpu_seconds

    def add_cpu_seconds(self, seconds: float) -> None:
        with self._lock:
            self._cpu_seconds += seconds

    @property
    def clock(self) -> datetime | None:
        return self._app.clock

    def set_clock(self, dt: datetime | None) -> None:
        """Serve the directory as of `dt` (naive = UTC); None applies every change."""
        self._app.clock = _utc(dt)

    @property
    def watermark(self) -> datetime:
        """The analytics data-lake watermark (`dataAvailabilityDate`) new jobs are served at."""
        return self._app.jobs.watermark

    def set_watermark(self, instant: datetime) -> None:
        """Move the data-lake watermark (naive = UTC); jobs created from now on see data up to
        it, in its final form once it is more than `reprocessing` behind."""
        value = _utc(instant)
        assert value is not None
        self._app.jobs.set_watermark(value)

    # -- request pipeline ----------------------------------------------------------------------

    def dispatch(self, request: Request) -> Response:
        """Answer one request: faults, token endpoint, rate limit, auth, permissions, route."""
        with self._lock:
            self._request_count += 1
            draw, pick = self._rng.random(), self._rng.random()  # always two draws per request
        try:
            if draw < self.fault_rate:
                kind = self._fault_kinds[int(pick * len(self._fault_kinds))]
                if kind == "429":
                    return self._too_many_requests(self.retry_after)
                if kind == "503":
                    return error_response(
                        503,
                        "service.unavailable",
                        "The service is currently unavailable. Please try again later.",
                    )
                time.sleep(self.slow_seconds)
            if request.path == TOKEN_PATH:
                return self._token(request)
            limited = self._rate_limited()
            if limited is not None:
                return limited
            self._authenticate(request)
            for prefix, permission in self._forbidden.items():
                if request.path.startswith(prefix):
                    raise ApiError(
                        403,
                        "missing.permissions",
                        "Unable to perform the requested action. You are missing the following "
                        f"permission(s): [{permission}]",
                    )
            if any(request.path.startswith(prefix) for prefix in self._missing):
                raise ApiError(404, "not.found", f"Resource not found: {request.path}")
            return self._app.handle(request)
        except ApiError as exc:
            return exc.response()
        except Exception:
            logger.exception("sandbox API failed on %s %s", request.method, request.path)
            return error_response(500, "internal.server.error", "The sandbox failed internally")

    def _too_many_requests(self, seconds: int, count: int | None = None) -> Response:
        response = error_response(
            429,
            "too.many.requests.retry.after",
            f"Rate limit exceeded the maximum. Retry the request in [{seconds}] seconds",
        )
        allowed = self.rate_limit_per_minute or RATE_LIMIT_ALLOWED
        response.headers.update(
            {
                "Retry-After": str(seconds),
                "inin-ratelimit-count": str(count or allowed + 1),
                "inin-ratelimit-allowed": str(allowed),
                "inin-ratelimit-reset": str(seconds),
            }
        )
        return response

    def _rate_limited(self) -> Response | None:
        if self.rate_limit_per_minute is None:
            return None
        now = time.monotonic()
        with self._lock:
            if self._window_count == 0 or now - self._window_start >= 60.0:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            if self._window_count <= self.rate_limit_per_minute:
                return None
            wait = max(1, math.ceil(60.0 - (now - self._window_start)))
            count = self._window_count
        return self._too_many_requests(wait, count)

    def _token(self, request: Request) -> Response:
        if request.method != "POST":
            raise ApiError(405, "method.not.allowed", "Use POST on /oauth/token")
        credentials = _basic_credentials(request.headers.get("Authorization", ""))
        if credentials != (self.client_id, self.client_secret):
            return _oauth_error(401, "invalid_client", "client not found", "bad.credentials")
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        if form.get("grant_type") != "client_credentials":
            message = "grant_type must be client_credentials"
            return _oauth_error(400, "unsupported_grant_type", message, "bad.request")
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = time.monotonic()
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            self._tokens[token] = now + self.token_ttl
        return Response(
            200,
            orjson.dumps(
                {"access_token": token, "token_type": "bearer", "expires_in": int(self.token_ttl)}
            ),
        )

    def _authenticate(self, request: Request) -> None:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(
                401,
                "authentication.required",
                "No authentication bearer token specified in authorization header.",
            )
        with self._lock:
            expires = self._tokens.get(token.strip())
        if expires is None or expires <= time.monotonic():
            raise ApiError(401, "bad.credentials", "Invalid login credentials.")


def _basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, sep, password = base64.b64decode(encoded.strip()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (user, password) if sep else None


def _oauth_error(status: int, error: str, description: str, code: str) -> Response:
    """Genesys error shape plus the OAuth `error`/`error_description` of the login host."""
    body = error_body(status, code, description)
    body.update({"error": error, "description": description, "error_description": description})
    return Response(status, orjson.dumps(body))


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def serve(
    data_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8080,
    fault_rate: float = 0.05,
    token_ttl: float = 60,
    seed: int = 0,
) -> None:
    """Serve `data_dir` until Ctrl-C (the `fairshare sandbox serve` command)."""
    server = SandboxServer(
        Path(data_dir), host=host, port=port, fault_rate=fault_rate, token_ttl=token_ttl, seed=seed
    )
    logger.info(
        "client id %s, fault rate %.2f, token ttl %ss", server.client_id, fault_rate, token_ttl
    )
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C (even when started with SIGINT ignored) and SIGTERM both stop the server.
        for sig, handler in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, _stop)):
            previous[sig] = signal.signal(sig, handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("sandbox API stopped")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt

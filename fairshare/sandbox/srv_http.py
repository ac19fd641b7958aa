"""HTTP plumbing of the sandbox API: requests, responses, Genesys error bodies and paging helpers.

Every error answers the single Genesys error shape
``{"message", "code", "status", "contextId", "details", "errors"}``. Listings follow the
Genesys paging styles: page number (``entities, pageSize, pageNumber, total, pageCount,
firstUri, nextUri, previousUri, lastUri, selfUri``) and the ``after`` cursor
(``entities, nextUri, selfUri``). Like Genesys, absent links are omitted (never ``null``).
"""

from __future__ import annotations

import base64
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import orjson


@dataclass
class Request:
    """One parsed HTTP request."""

    method: str
    path: str
    query: dict[str, str]
    headers: Mapping[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # path parameters of the matched route

    def json(self) -> Any:
        """The body as JSON; raises `ApiError` 400 when it is not valid JSON."""
        try:
            return orjson.loads(self.body or b"null")
        except orjson.JSONDecodeError as exc:
            message = f"The request body is not valid JSON: {exc}"
            raise ApiError(400, "bad.request", message) from exc


@dataclass
class Response:
    """One HTTP response: status, raw body bytes and extra headers."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


class ApiError(Exception):
    """Raised by route handlers; rendered as a Genesys error body."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def response(self) -> Response:
        return error_response(self.status, self.code, self.message, self.headers)


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The Genesys error body shape."""
    return {
        "message": message,
        "code": code,
        "status": status,
        "contextId": str(uuid.uuid4()),
        "details": [],
        "errors": [],
    }


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    return Response(status, orjson.dumps(error_body(status, code, message)), dict(headers or {}))


def json_response(payload: Any, status: int = 200) -> Response:
    return Response(status, orjson.dumps(payload))


def int_param(query: Mapping[str, str], name: str, default: int, minimum: int, maximum: int) -> int:
    """An integer query parameter within [minimum, maximum]; 400 otherwise (as Genesys)."""
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ApiError(400, "bad.request", f"Invalid value for {name}: {raw!r}") from exc
    if value < minimum or value > maximum:
        raise ApiError(
            400,
            "bad.request",
            f"The value of {name} must be between {minimum} and {maximum} (got {value})",
        )
    return value


def uri(path: str, query: Mapping[str, str]) -> str:
    """A relative Genesys-style URI (path plus query string)."""
    return f"{path}?{urlencode(query)}" if query else path


def page_number_listing(
    items: Sequence[Any],
    path: str,
    query: Mapping[str, str],
    *,
    default_size: int = 25,
    max_size: int = 500,
    with_next_uri: bool = True,
) -> dict[str, Any]:
    """A page-number listing (1-based `pageNumber`) of `items`."""
    size = int_param(query, "pageSize", default_size, 1, max_size)
    number = int_param(query, "pageNumber", 1, 1, 10**9)
    total = len(items)
    page_count = math.ceil(total / size)
    start = (number - 1) * size
    base = {k: v for k, v in query.items() if k not in ("pageSize", "pageNumber")}

    def page_uri(n: int) -> str:
        return uri(path, {**base, "pageSize": str(size), "pageNumber": str(n)})

    listing: dict[str, Any] = {
        "entities": list(items[start : start + size]),
        "pageSize": size,
        "pageNumber": number,
        "total": total,
        "pageCount": page_count,
        "firstUri": page_uri(1),
        "selfUri": page_uri(number),
        "lastUri": page_uri(max(page_count, 1)),
    }
    if with_next_uri and number < page_count:
        listing["nextUri"] = page_uri(number + 1)
    if number > 1:
        listing["previousUri"] = page_uri(min(number - 1, max(page_count, 1)))
    return listing


def encode_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.urlsafe_b64decode(padded.encode()).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "bad.request", f"Invalid cursor: {cursor!r}") from exc


def after_listing(
    items: Sequence[Any],
    path: str,
    query: Mapping[str, str],
    *,
    default_size: int = 25,
    max_size: int = 100,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An `after`-cursor listing: `entities`, `selfUri` and `nextUri` unless it is the last page."""
    size = int_param(query, "pageSize", default_size, 1, max_size)
    after = query.get("after")
    start = 0
    if after:
        decoded = decode_cursor(after)
        if not decoded.startswith("o:") or not decoded[2:].isdigit():
            raise ApiError(400, "bad.request", f"Invalid after cursor: {after!r}")
        start = int(decoded[2:])
    base = {k: v for k, v in query.items() if k not in ("pageSize", "after")}
    listing: dict[str, Any] = dict(extra or {})
    listing["entities"] = list(items[start : start + size])
    listing["selfUri"] = uri(path, dict(query))
    if start + size < len(items):
        next_query = {**base, "pageSize": str(size), "after": encode_cursor(f"o:{start + size}")}
        listing["nextUri"] = uri(path, next_query)
    return listing

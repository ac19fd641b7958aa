"""The settings of one extract run: arguments checked, then values from the environment or dlt.

Every setting resolves the same way: an explicit argument, else the environment (`GENESYS_...`,
`FAIRSHARE_...`), else dlt's config/secrets (`[sources.genesys]` of `.dlt/config.toml` and
`.dlt/secrets.toml`). A missing or invalid value is a `ConfigurationError` that names what to set.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from typing import Any

import dlt

from ingestion.genesys import settings
from ingestion.genesys.errors import ConfigurationError
from ingestion.genesys.jobs import month_bounds

DESTINATIONS = ("duckdb", "snowflake", "bigquery")


def env(name: str) -> str | None:
    """An environment variable, None when unset or empty."""
    value = os.environ.get(name)
    return value if value else None


def parse_month(month: str) -> None:
    try:
        month_bounds(month)
    except (ValueError, OverflowError) as exc:
        raise ConfigurationError(f"invalid month {month!r}: use YYYY-MM, e.g. 2026-10") from exc


def check_arguments(
    destination: str,
    lookback_days: int,
    days_per_job: int,
    requests_per_minute: int,
    retry_budget: int,
    margin: timedelta,
) -> None:
    """The run's numeric and destination arguments, before any work."""
    if margin < timedelta(0):
        raise ConfigurationError("the reprocessing margin must not be negative")
    if destination not in DESTINATIONS:
        raise ConfigurationError(
            f"unknown destination {destination!r}: use one of {', '.join(DESTINATIONS)}"
        )
    if lookback_days < 0 or days_per_job < 1 or requests_per_minute < 1 or retry_budget < 0:
        raise ConfigurationError(
            "lookback days must be >= 0, days per job >= 1, requests per minute >= 1 and the"
            " retry budget >= 0"
        )


def config_value(name: str) -> Any:
    """A `[sources.genesys]` dlt config value (None when unset or unreadable)."""
    for key in (f"sources.genesys.{name}", f"sources.{name}"):
        try:
            value = dlt.config.get(key)
        except Exception:  # an unreadable provider means "not configured"
            value = None
        if value is not None and value != "":
            return value
    return None


def margin_setting() -> timedelta:
    """The reprocessing margin: FAIRSHARE_REPROCESSING_MARGIN_HOURS, else dlt config
    `reprocessing_margin_hours`, else the default (48 h)."""
    raw = env("FAIRSHARE_REPROCESSING_MARGIN_HOURS") or config_value("reprocessing_margin_hours")
    if raw is None:
        return timedelta(hours=settings.REPROCESSING_MARGIN_HOURS)
    try:
        hours = float(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(
            f"reprocessing_margin_hours must be a number of hours, not {raw!r}"
        ) from exc
    if hours < 0:
        raise ConfigurationError("reprocessing_margin_hours must not be negative")
    return timedelta(hours=hours)


def list_setting(value: Any, name: str, env_name: str) -> list[str] | None:
    """An explicit list, else FAIRSHARE_... (comma separated), else the dlt config list."""
    if value is not None:
        return [str(v) for v in value]
    raw = env(env_name) or config_value(name)
    if raw is None:
        return None
    if isinstance(raw, str) and raw.strip().startswith("["):
        try:
            raw = json.loads(raw)  # a TOML/JSON list given as text (dlt's environment form)
        except ValueError as exc:
            raise ConfigurationError(f"{name} must be a list of names, not {raw!r}") from exc
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    return [str(v).strip() for v in items if str(v).strip()]


def secret(name: str) -> str | None:
    """A `[sources.genesys]` dlt secret (None when unset or unreadable)."""
    for key in (f"sources.genesys.{name}", f"sources.{name}", name):
        try:
            value = dlt.secrets.get(key)
        except Exception:  # an unreadable provider means "not configured"
            value = None
        if value:
            return str(value)
    return None


def credentials(api_base: str | None, region: str | None, needs_pii: bool) -> dict[str, Any]:
    """Explicit arguments, then the environment; anything missing is left to dlt's resolution
    (`.dlt/secrets.toml`, `[sources.genesys]`). Missing values become ConfigurationError."""
    kwargs: dict[str, Any] = {}
    for arg, env_name in (
        ("genesys_client_id", "GENESYS_CLIENT_ID"),
        ("genesys_client_secret", "GENESYS_CLIENT_SECRET"),
        ("fairshare_pii_key", "FAIRSHARE_PII_KEY"),
    ):
        value = env(env_name)
        if value is None:
            value = secret(arg)
        kwargs[arg] = value
    if api_base or region:
        kwargs["genesys_api_base"] = api_base
        kwargs["genesys_region"] = region
    else:
        kwargs["genesys_api_base"] = env("GENESYS_API_BASE") or secret("genesys_api_base")
        kwargs["genesys_region"] = env("GENESYS_REGION") or secret("genesys_region")
    missing = [
        env_name
        for arg, env_name in (
            ("genesys_client_id", "GENESYS_CLIENT_ID"),
            ("genesys_client_secret", "GENESYS_CLIENT_SECRET"),
        )
        if not kwargs[arg]
    ]
    if missing:
        raise ConfigurationError(
            f"Genesys credentials missing: set {' and '.join(missing)} (environment or"
            " .dlt/secrets.toml [sources.genesys])"
        )
    if not kwargs["genesys_api_base"] and not kwargs["genesys_region"]:
        raise ConfigurationError(
            "no Genesys region: set GENESYS_REGION (e.g. mypurecloud.ie) or GENESYS_API_BASE"
        )
    if needs_pii and not kwargs["fairshare_pii_key"]:
        raise ConfigurationError(
            "FAIRSHARE_PII_KEY is not set: conversations carry customer phone numbers that are"
            " only landed hashed; set FAIRSHARE_PII_KEY (a long random secret, kept stable)"
        )
    return kwargs

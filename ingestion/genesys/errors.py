"""Errors of an extract run.

Every failure the user can fix surfaces as an `ExtractError` whose `str()` is one line saying
what went wrong and what to do about it; the CLI prints it and exits non-zero. Subclasses name
the cause so callers (and tests) can tell them apart.
"""

from __future__ import annotations


def _one_line(message: str) -> str:
    return " ".join(message.split())


class ExtractError(Exception):
    """A one-line, actionable error of `run_extract`."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))

    @property
    def message(self) -> str:
        return str(self)


class ConfigurationError(ExtractError):
    """A missing or invalid setting (credentials, region, month, destination)."""


class CredentialsError(ExtractError):
    """Genesys rejected the OAuth client credentials or the access token."""


class PermissionDeniedError(ExtractError):
    """Genesys answered 403: the OAuth client's role lacks a permission."""

    def __init__(self, message: str, permission: str | None = None) -> None:
        super().__init__(message)
        self.permission = permission


class RetryBudgetExhaustedError(ExtractError):
    """Too many retries (429, 5xx, connection errors) in one run."""


class GenesysApiError(ExtractError):
    """Any other unexpected answer of the Genesys API (4xx, malformed body, failed job)."""


class EndpointNotFoundError(GenesysApiError):
    """Genesys answered 404 on a listing: the (preview) API is not available for this org."""


class MonthNotAvailableError(ConfigurationError):
    """The month has not started yet (or is outside the months an extract accepts)."""


class CsvValidationError(ExtractError):
    """A hand-loaded CSV file (invoice lines, voice usage) is malformed."""


class WrongMonthError(ExtractError):
    """A well-formed file that belongs to another billing month (e.g. last month's invoice CSV):
    loading it would leave the month without its invoice. Nothing is loaded; the CLI exits 4, as
    for any business input the allocation refuses."""

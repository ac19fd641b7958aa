"""Instants and intervals as Genesys writes them (ISO-8601 UTC, milliseconds, `Z`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fairshare.sandbox.srv_http import ApiError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
OPEN_MS = 2**62  # the end of an interval that has not ended yet


def parse_instant(text: str) -> datetime:
    """An ISO-8601 instant (`Z` or an offset; a naive value is taken as UTC) as aware UTC."""
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_ms(text: str) -> int:
    """Epoch milliseconds of an ISO-8601 instant."""
    return (parse_instant(text) - _EPOCH) // _MS


_DAYS: dict[bytes, int] = {}


def bytes_to_ms(raw: bytes) -> int:
    """Epoch ms of an instant read from raw JSON; fast path for `YYYY-MM-DDTHH:MM:SS.mmmZ`."""
    if len(raw) == 24 and raw[10] == 84 and raw[19] == 46 and raw[23] == 90:  # T . Z
        day = _DAYS.get(raw[:10])
        if day is None:
            day = (datetime.fromisoformat(raw[:10].decode()).date() - _EPOCH.date()).days
            _DAYS[raw[:10]] = day
        return (
            day * 86_400_000
            + int(raw[11:13]) * 3_600_000
            + int(raw[14:16]) * 60_000
            + int(raw[17:19]) * 1000
            + int(raw[20:23])
        )
    return to_ms(raw.decode())


def format_instant(value: datetime) -> str:
    """`2026-10-14T09:00:03.120Z`."""
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_interval(interval: object) -> tuple[int, int]:
    """A Genesys interval `start/end` as epoch milliseconds; 400 when malformed or empty."""
    if not isinstance(interval, str) or interval.count("/") != 1:
        raise ApiError(400, "bad.request", f"Invalid interval: {interval!r} (expected start/end)")
    start_text, end_text = interval.split("/")
    try:
        start, end = to_ms(start_text), to_ms(end_text)
    except ValueError as exc:
        raise ApiError(400, "bad.request", f"Invalid interval: {interval!r}") from exc
    if end <= start:
        raise ApiError(400, "bad.request", f"Invalid interval: {interval!r} (end before start)")
    return start, end

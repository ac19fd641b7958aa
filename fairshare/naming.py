"""File names made from ids: what the publisher names its files after (cost center codes, DIDs,
conversation ids), and what the build's preflight checks cannot collide."""

from __future__ import annotations

import re


def slug(value: str) -> str:
    """A file-name-safe form of an id (DIDs, conversation ids, cost center codes)."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-")
    return cleaned or "unknown"

"""Directory state of the sandbox org (users, custom attributes, queues, DIDs, licences).

The dataset holds the directory as of the month start plus `directory_changes.jsonl`; the state
served at clock ``t`` is the base files with every change whose ``effectiveAt <= t`` applied in
file order (a change replaces the object with the same key, or adds it when new). Clock ``None``
applies every change.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from fairshare.sandbox.srv_times import parse_instant

RESOURCES: dict[str, str] = {
    "users": "users.json",
    "customattributes": "customattributes.json",
    "queues": "queues.json",
    "dids": "dids.json",
    "license_users": "license_users.json",
}


def _key(resource: str, obj: dict[str, Any]) -> str:
    if resource == "customattributes":
        schema = obj.get("schema") or {}
        return f"{obj.get('userId')}|{schema.get('id')}"
    return str(obj.get("id"))


def load_json(path: Path, default: Any = None) -> Any:
    """A JSON file's content, or `default` when the file is absent."""
    if not path.exists():
        return default
    return orjson.loads(path.read_bytes())


class Directory:
    """Directory objects at a given clock, computed lazily and cached per clock."""

    def __init__(self, data_dir: Path) -> None:
        self._dir = data_dir
        self._base: dict[str, list[dict[str, Any]]] = {
            name: load_json(data_dir / file, []) for name, file in RESOURCES.items()
        }
        self._changes: list[tuple[float, str, dict[str, Any]]] = []
        changes_path = data_dir / "directory_changes.jsonl"
        if changes_path.exists():
            with changes_path.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        change = orjson.loads(line)
                        at = parse_instant(change["effectiveAt"]).timestamp()
                        self._changes.append((at, change["resource"], change["object"]))
        self._lock = threading.Lock()
        self._cache: dict[float | None, dict[str, list[dict[str, Any]]]] = {}

    def state(self, clock: datetime | None) -> dict[str, list[dict[str, Any]]]:
        """Every resource's objects as of `clock` (None = all changes applied)."""
        key = None if clock is None else clock.timestamp()
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                if len(self._cache) >= 32:
                    self._cache.clear()
                cached = self._compute(key)
                self._cache[key] = cached
            return cached

    def _compute(self, at: float | None) -> dict[str, list[dict[str, Any]]]:
        state: dict[str, dict[str, dict[str, Any]]] = {
            name: {_key(name, obj): obj for obj in objs} for name, objs in self._base.items()
        }
        for effective, resource, obj in self._changes:
            if at is not None and effective > at:
                continue
            state.setdefault(resource, {})[_key(resource, obj)] = obj
        return {name: list(objs.values()) for name, objs in state.items()}

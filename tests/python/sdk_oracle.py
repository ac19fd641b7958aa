"""The official Genesys Cloud Python SDK (`purecloudplatformclientv2`) read as an oracle.

The SDK is generated from Genesys's OpenAPI spec: each `apis/*_api.py` method holds an
operation's path, HTTP method, query parameters, page-size checks and response type; each
`models/*.py` class holds `swagger_types` (attribute -> type), `attribute_map` (attribute -> JSON
key) and, in its setters, the `allowed_values` of enums. This module reads those files as text
(the package's `__init__` imports all ~6,600 models, ~10 s) and checks JSON bodies against them:
every key must be known to the model, every value must have the model's type (numbers are
numbers, dates `yyyy-MM-dd`, enums one of the SDK's values).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

_PARAM = re.compile(r"\{[^}]+\}")


def sdk_root() -> Path:
    spec = importlib.util.find_spec("PureCloudPlatformClientV2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("purecloudplatformclientv2 is not installed (make install-dev)")
    return Path(next(iter(spec.submodule_search_locations)))


def sdk_version() -> str:
    text = (sdk_root() / "configuration.py").read_text(encoding="utf-8")
    found = re.search(r"SDK Package Version: ([\d.]+)", text)
    return found.group(1) if found else "unknown"


def template(path: str) -> str:
    """A path with its parameters blanked: `/a/{jobId}/b` and `/a/{job_id}/b` -> `/a/{}/b`."""
    return _PARAM.sub("{}", path)


@dataclass(frozen=True)
class Operation:
    name: str
    api: str
    method: str
    path: str
    response_type: str | None
    query: tuple[str, ...]  # wire names
    body_type: str | None
    page_size_max: int | None
    preview: bool


@dataclass(frozen=True)
class Model:
    name: str
    types: dict[str, str]  # JSON key -> swagger type
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)  # JSON key -> allowed values


@functools.cache
def operations() -> dict[tuple[str, str], Operation]:
    """Every SDK operation by (HTTP method, path template)."""
    out: dict[tuple[str, str], Operation] = {}
    for file in sorted((sdk_root() / "apis").glob("*_api.py")):
        text = file.read_text(encoding="utf-8")
        for match in re.finditer(r"\n    def (\w+)\(self.*?(?=\n    def |\Z)", text, re.S):
            name, body = match.group(1), match.group(0)
            path = re.search(r"resource_path = '([^']+)'", body)
            call = re.search(r"call_api\(resource_path, '(\w+)'", body)
            if path is None or call is None:
                continue
            response = re.search(r"response_type='([^']+)'", body)
            query = tuple(re.findall(r"query_params\['(\w+)'\] = params\['\w+'\]", body))
            body_type = re.search(r":param (\S+) body:", body)
            op = Operation(
                name=name,
                api=file.stem,
                method=call.group(1),
                path=path.group(1),
                response_type=response.group(1) if response else None,
                query=query,
                body_type=body_type.group(1) if body_type else None,
                page_size_max=_page_size_max(body),
                preview="is a preview method" in body,
            )
            out[(op.method, template(op.path))] = op
    return out


def _page_size_max(body: str) -> int | None:
    """The page-size maximum an operation states: a client-side check, or its docstring."""
    check = re.search(r"params\['page_size'\] > (\d+)", body)
    if check:
        return int(check.group(1))
    doc = re.search(r":param \w+ page_size:[^\n]*?(?:Maximum of|Max is|max) (\d+)", body, re.I)
    return int(doc.group(1)) if doc else None


def operation(method: str, path: str) -> Operation | None:
    return operations().get((method.upper(), template(path)))


def match_request(method: str, path: str) -> Operation | None:
    """The SDK operation serving a concrete request path (`/jobs/abc/results`)."""
    parts = path.rstrip("/").split("/")
    best: Operation | None = None
    for (op_method, op_template), op in operations().items():
        if op_method != method.upper():
            continue
        pattern = op_template.split("/")
        if len(pattern) != len(parts):
            continue
        if all(p == "{}" or p == q for p, q in zip(pattern, parts, strict=True)):
            # the most literal template wins (`/jobs/availability` over `/jobs/{jobId}`)
            if best is None or template(best.path).count("{}") > op_template.count("{}"):
                best = op
    return best


@functools.cache
def _model_files() -> dict[str, str]:
    text = (sdk_root() / "models" / "__init__.py").read_text(encoding="utf-8")
    return {cls: mod for mod, cls in re.findall(r"from \.(\w+) import (\w+)", text)}


@functools.cache
def model(name: str) -> Model:
    file = sdk_root() / "models" / f"{_model_files()[name]}.py"
    text = file.read_text(encoding="utf-8")
    types_src = re.search(r"self\.swagger_types = (\{.*?\})\n", text, re.S)
    map_src = re.search(r"self\.attribute_map = (\{.*?\})\n", text, re.S)
    assert types_src is not None and map_src is not None, f"cannot read model {name}"
    types: dict[str, str] = ast.literal_eval(types_src.group(1))
    keys: dict[str, str] = ast.literal_eval(map_src.group(1))
    enums: dict[str, tuple[str, ...]] = {}
    for setter in re.finditer(
        r"\n    @(\w+)\.setter\n    def \w+\(self.*?(?=\n    @|\n    def |\Z)", text, re.S
    ):
        allowed = re.search(r"allowed_values = (\[.*?\])\n", setter.group(0))
        if allowed:
            enums[keys[setter.group(1)]] = tuple(ast.literal_eval(allowed.group(1)))
    return Model(name, {keys[attr]: typ for attr, typ in types.items()}, enums)


def is_model(type_name: str) -> bool:
    return type_name in _model_files()


def check(value: Any, type_name: str, where: str = "$") -> list[str]:
    """Where `value` (a parsed JSON value) differs from the SDK type `type_name`."""
    if value is None:
        return [f"{where}: null (Genesys omits absent fields)"]
    if type_name.startswith("list["):
        if not isinstance(value, list):
            return [f"{where}: expected a list ({type_name}), got {_kind(value)}"]
        inner = type_name[5:-1]
        return [e for i, item in enumerate(value) for e in check(item, inner, f"{where}[{i}]")]
    if type_name.startswith("dict("):
        if not isinstance(value, dict):
            return [f"{where}: expected an object ({type_name}), got {_kind(value)}"]
        inner = type_name[type_name.index(",") + 1 : -1].strip()
        return [e for k, v in value.items() for e in check(v, inner, f"{where}.{k}")]
    simple = _check_simple(value, type_name, where)
    if simple is not None:
        return simple
    if not is_model(type_name):
        return [f"{where}: unknown SDK type {type_name!r}"]
    if not isinstance(value, dict):
        return [f"{where}: expected a {type_name} object, got {_kind(value)}"]
    spec = model(type_name)
    errors = []
    for key, item in value.items():
        if key not in spec.types:
            errors.append(f"{where}.{key}: not a field of the SDK model {type_name}")
            continue
        errors.extend(check(item, spec.types[key], f"{where}.{key}"))
        allowed = spec.enums.get(key)
        if allowed is not None and isinstance(item, str) and item not in allowed:
            errors.append(
                f"{where}.{key}: {item!r} is not one of the SDK's {type_name}.{key} values"
                f" {list(allowed)[:12]}"
            )
    return errors


def _check_simple(value: Any, type_name: str, where: str) -> list[str] | None:
    if type_name == "object":
        return []
    if type_name == "str":
        return [] if isinstance(value, str) else [f"{where}: expected a string, got {value!r}"]
    if type_name == "bool":
        return [] if isinstance(value, bool) else [f"{where}: expected a boolean, got {value!r}"]
    if type_name == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected an integer (JSON number), got {value!r}"]
    if type_name == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected a number (JSON number), got {value!r}"]
    if type_name == "date":
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return []
        return [f"{where}: expected a date yyyy-MM-dd, got {value!r}"]
    if type_name == "datetime":
        if isinstance(value, str) and "T" in value:
            try:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
                return []
            except ValueError:
                pass
        return [f"{where}: expected an ISO-8601 date-time, got {value!r}"]
    return None


def _kind(value: Any) -> str:
    return type(value).__name__

"""The Python packages depend one way (docs/architecture.md, "Python packages").

Read from the source (every `import`, at module level or inside a function):
- no module imports another that imports it back, directly or through others;
- `ingestion` (the loaders) imports nothing of `fairshare`;
- `fairshare.sandbox` (the mock Genesys) imports nothing of `fairshare` outside itself, and of
  `ingestion` only the raw contract's file columns (`ingestion.genesys.schema`);
- `fairshare.publish`, `fairshare.runs` and `fairshare.dbt_runner` never import the month's steps
  (`fairshare.pipeline`) or the commands (`cli`, `demo`, `bench`), and `fairshare.pipeline`
  never imports the commands.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
COMMANDS = ("fairshare.cli", "fairshare.demo", "fairshare.bench")


def _modules() -> dict[str, Path]:
    modules = {}
    for root in ("fairshare", "ingestion"):
        for path in (REPO / root).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


GRAPH = _imports(_modules())


def _cycle() -> list[str] | None:
    """One import cycle (as a path a -> ... -> a), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def _offenders(importers: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> set:
    def within(module: str, prefixes: tuple[str, ...]) -> bool:
        return any(module == p or module.startswith(p + ".") for p in prefixes)

    return {
        (module, target)
        for module, targets in GRAPH.items()
        if within(module, (importers,))
        for target in targets
        if within(target, forbidden) and not within(target, allowed)
    }


def test_the_reader_sees_the_imports() -> None:
    """The checks below read real edges (a checker that sees none would pass anything)."""
    assert "fairshare.pipeline" in GRAPH["fairshare.cli"]
    assert "fairshare.publish.reader" in GRAPH["fairshare.publish"]  # a function-level import
    assert "fairshare.runs.ledger" in GRAPH["fairshare.publish"]


def test_no_import_cycle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_the_loaders_do_not_import_fairshare() -> None:
    assert not _offenders("ingestion", ("fairshare",))


def test_the_sandbox_stands_alone() -> None:
    outside = ("fairshare", "ingestion")
    assert not _offenders(
        "fairshare.sandbox", outside, allowed=("fairshare.sandbox", "ingestion.genesys.schema")
    )


def test_the_lower_layers_never_import_the_steps_or_the_commands() -> None:
    for lower in ("fairshare.publish", "fairshare.runs", "fairshare.dbt_runner"):
        assert not _offenders(lower, ("fairshare.pipeline", *COMMANDS)), lower
    assert not _offenders("fairshare.pipeline", COMMANDS)

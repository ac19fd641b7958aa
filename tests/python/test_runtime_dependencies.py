"""A user's `pip install .` (runtime dependencies only, no extras) imports every module.

The dev extras bring many packages (fakesnow brings pandas and numpy, for one), so a module that
imports an undeclared package passes every other test and still breaks `make demo` on a fresh
machine. These tests install the project into a throwaway virtual environment with only its
runtime dependencies and import every module of `fairshare` and `ingestion` there: under the
Python running the tests, and under the newest Python >= 3.12 this machine has (if any).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("fairshare", "ingestion")

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
failed = []
count = 0
for top in sys.argv[1:]:
    package = importlib.import_module(top)
    for module in pkgutil.walk_packages(package.__path__, top + "."):
        count += 1
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{module.name}: {type(exc).__name__}: {exc}")
print(f"imported {count} modules")
if failed:
    print("\\n".join(failed))
    sys.exit(1)
"""


def _uv() -> list[str]:
    """The uv installer of the test environment (a dev dependency)."""
    beside = Path(sys.executable).with_name("uv")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("uv")
    assert found, "uv is a dev dependency of fairshare: make install-dev installs it"
    return [found]


def _python_version(executable: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out[0]), int(out[1])


def newest_python_at_least(minor: int) -> str | None:
    """The newest runnable CPython 3.x with x >= `minor`: on PATH, or under pyenv's versions."""
    candidates: list[str] = [f"python3.{m}" for m in range(minor, 20)]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += [str(p) for p in pyenv_root.glob("versions/3.*/bin/python3.*") if p.is_file()]
    best: tuple[tuple[int, int], str] | None = None
    for candidate in candidates:
        if not re.search(r"python3\.\d+$", candidate):
            continue
        version = _python_version(candidate)
        if version and version >= (3, minor) and (best is None or version > best[0]):
            best = (version, candidate)
    return best[1] if best else None


def install_runtime_only(python: str, workdir: Path) -> Path:
    """A fresh venv under `workdir` with `pip install .` of a copy of the project (no extras)."""
    project = workdir / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, project / name)
    for package in PACKAGES:
        shutil.copytree(
            REPO / package, project / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    venv = workdir / "venv"
    subprocess.run([*_uv(), "venv", "-q", "--python", python, str(venv)], check=True)
    interpreter = venv / "bin" / "python"
    subprocess.run(
        [*_uv(), "pip", "install", "-q", "--python", str(interpreter), str(project)], check=True
    )
    return interpreter


def import_every_module(interpreter: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # cwd outside the checkout: the installed copy is imported, not the working tree
    return subprocess.run(
        [str(interpreter), "-c", IMPORT_EVERY_MODULE, *PACKAGES],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        timeout=300,
    )


def _check(python: str, tmp_path: Path) -> None:
    interpreter = install_runtime_only(python, tmp_path)
    result = import_every_module(interpreter, tmp_path)
    assert result.returncode == 0, (
        f"with only the runtime dependencies ({python}), modules fail to import — declare what "
        f"they import in pyproject.toml [project] dependencies:\n{result.stdout}{result.stderr}"
    )
    imported = int(re.search(r"imported (\d+) modules", result.stdout).group(1))
    assert imported > 40, result.stdout  # the walk really covered the packages


def test_every_module_imports_with_runtime_dependencies_only(tmp_path: Path) -> None:
    _check(sys.executable, tmp_path)


def test_every_module_imports_under_the_newest_python(tmp_path: Path) -> None:
    """The Makefile picks the newest python3.1x it finds: that Python must work too."""
    newest = newest_python_at_least(12)
    if newest is None:
        pytest.skip("no Python >= 3.12 on this machine")
    _check(newest, tmp_path)

"""Run dbt for fairshare: locate the project and profile, run a command, read its results."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

log = logging.getLogger("fairshare.dbt")

PROJECT_DIR_ENV = "FAIRSHARE_PROJECT_DIR"
# The billing month reaches dbt through this variable, not `--vars`: dbt reparses the whole
# project when `--vars` change, while the month read only at execution time (macros/billing_month/)
# lets one parsed project serve every month. Plain dbt users may still pass
# `--vars '{billing_month: ...}'`.
MONTH_ENV = "FAIRSHARE_BILLING_MONTH"
DEFAULT_DUCKDB_PATH = Path("warehouse/fairshare.duckdb")


def project_dir() -> Path:
    """The dbt project folder: $FAIRSHARE_PROJECT_DIR, else the checkout this package lives in."""
    env = os.environ.get(PROJECT_DIR_ENV)
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[1], Path.cwd()]
    for candidate in candidates:
        if (candidate / "dbt_project.yml").is_file():
            return candidate
    raise FileNotFoundError(
        "cannot find dbt_project.yml: run fairshare from its checkout or set FAIRSHARE_PROJECT_DIR"
    )


def duckdb_path() -> Path:
    """The DuckDB warehouse file shared by the loaders, dbt and the publisher."""
    path = Path(os.environ.get("FAIRSHARE_DUCKDB_PATH", str(DEFAULT_DUCKDB_PATH)))
    if not path.is_absolute():
        path = project_dir() / path
    return path


def lock_path(target: str | None = None) -> Path:
    """The lock file of the warehouse a run writes: beside the DuckDB file, else per dbt target."""
    if target and target != "dev":
        return project_dir() / "target" / f"warehouse-{target}.lock"
    duck = duckdb_path()
    return duck.with_name(duck.name + ".lock")


def fairshare_version() -> str:
    try:
        return metadata.version("fairshare")
    except metadata.PackageNotFoundError:
        return "dev"


def monthly_build_args(*, full_refresh: bool = False) -> list[str]:
    """The `dbt` arguments of the monthly build (`fairshare build`): seeds, models and data tests,
    stopping at the first failure; without unit tests, which check the SQL rather than the month's
    data and run in `make test` (CI), as dbt recommends.

    --fail-fast: write–audit–publish leaves the published marts as they were on any failure, so
    going on after one would only spend time."""
    args = ["build", "--fail-fast", "--exclude-resource-type", "unit_test"]
    if full_refresh:
        args.append("--full-refresh")
    return args


def dbt_env(target: str | None = None) -> dict[str, str]:
    """Environment for dbt: the shipped DuckDB profile unless DBT_PROFILES_DIR is set."""
    env = dict(os.environ)
    env.setdefault("DBT_PROFILES_DIR", str(project_dir() / "profiles"))
    env["FAIRSHARE_DUCKDB_PATH"] = str(duckdb_path())
    env["FAIRSHARE_VERSION"] = fairshare_version()
    if target:
        env["FAIRSHARE_TARGET"] = target
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    return env


# Each run writes its own target folder (run_results.json and dbt.log of another run are never
# read); the parsed project is shared through partial-parse files, one per parse state (the vars,
# the target, the warehouse: what makes dbt parse the whole project again when it changes), each
# replaced atomically after a run. Runs of the same state then parse partially, whatever the
# order in which builds of other months or warehouses run.
RUNS_DIR = Path("target") / "runs"
PARTIAL_PARSE_DIR = Path("target") / "partial_parse"
RUNS_KEPT = 10
PARTIAL_PARSES_KEPT = 16
_RUNNING = ".running"  # in a run folder while its dbt runs: never pruned then


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _running(run_dir: Path) -> bool:
    marker = run_dir / _RUNNING
    try:
        return _alive(int(marker.read_text()))
    except (OSError, ValueError):
        return False


def _new_run_dir(proj: Path) -> Path:
    runs = proj / RUNS_DIR
    runs.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    run_dir = runs / f"{stamp}-{os.getpid()}-{time.monotonic_ns() % 1_000_000:06d}"
    run_dir.mkdir()
    (run_dir / _RUNNING).write_text(str(os.getpid()))
    for old in sorted(runs.iterdir())[:-RUNS_KEPT]:
        if not _running(old):  # a concurrent run (another test worker, a second user) keeps its own
            shutil.rmtree(old, ignore_errors=True)
    return run_dir


def _partial_parse_file(proj: Path, cmd: list[str], env: dict[str, str]) -> Path:
    """The shared partial-parse file of this run's parse state: its vars, its target and the
    warehouse dbt connects to, as the profile names it (run in the warehouse's folder: its file
    name)."""
    state = {
        "vars": cmd[cmd.index("--vars") + 1] if "--vars" in cmd else "",
        "target": cmd[cmd.index("--target") + 1] if "--target" in cmd else "",
        "profile_target": env.get("FAIRSHARE_TARGET", ""),
        "warehouse": env.get("FAIRSHARE_DUCKDB_PATH", ""),
    }
    key = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]
    return proj / PARTIAL_PARSE_DIR / f"{key}.msgpack"


def _share_partial_parse(run_dir: Path, shared: Path) -> None:
    produced = run_dir / "partial_parse.msgpack"
    if produced.is_file():
        shared.parent.mkdir(parents=True, exist_ok=True)
        os.replace(produced, shared)
        kept = sorted(shared.parent.glob("*.msgpack"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-PARTIAL_PARSES_KEPT]:
            old.unlink(missing_ok=True)


def _working_dir(proj: Path, env: dict[str, str], target: str | None) -> Path:
    """Where dbt runs. With the shipped DuckDB profile: in the warehouse's folder, the profile's
    path given as the bare file name, so the profile (which dbt hashes, path included) is the
    same for every warehouse of that name and a build on a copy of a warehouse parses partially.
    Otherwise in the project."""
    profiles = Path(env["DBT_PROFILES_DIR"])
    if not profiles.is_absolute():
        env["DBT_PROFILES_DIR"] = str(proj / profiles)  # as relative to the project, as before
    shipped = Path(env["DBT_PROFILES_DIR"]).resolve() == (proj / "profiles").resolve()
    if shipped and (target or env.get("FAIRSHARE_TARGET") or "dev") == "dev":
        duck = duckdb_path()
        env["FAIRSHARE_DUCKDB_PATH"] = duck.name
        return duck.parent
    return proj


@dataclass
class NodeResult:
    unique_id: str
    status: str
    message: str
    execution_time: float


@dataclass
class DbtResult:
    returncode: int
    command: list[str]
    results: list[NodeResult] = field(default_factory=list)
    elapsed: float = 0.0
    output_tail: str = ""
    target_path: Path | None = None  # this run's own target folder (compiled SQL, run_results)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def failures(self) -> list[NodeResult]:
        return [r for r in self.results if r.status in {"error", "fail", "runtime error"}]

    def failure_reason(self) -> str:
        """One line saying why the build failed, in the words a FinOps analyst needs."""
        for line in self.output_tail.splitlines():
            if "fairshare: " in line and "fairshare ledger:" not in line:
                # our own checks (hooks, input guards) say it in one line
                return line.split("fairshare: ", 1)[1].strip()
            if "Unknown vendor product" in line:
                return line.strip()
        failures = self.failures
        if not failures:
            last = [ln for ln in self.output_tail.splitlines() if ln.strip()]
            return last[-1].strip() if last else f"dbt exited with {self.returncode}"
        recon = [f for f in failures if "reconcil" in f.unique_id or "assert_" in f.unique_id]
        first = (recon or failures)[0]
        name = (
            first.unique_id.split(".")[-1]
            if first.unique_id.count(".") < 3
            else (first.unique_id.split(".")[2])
        )
        kind = "reconciliation failed" if recon else "dbt build failed"
        extra = f" (+{len(failures) - 1} more)" if len(failures) > 1 else ""
        msg = " ".join(first.message.split())[:300]
        return f"{kind}: {name}: {msg}{extra}"


def run_dbt(
    args: list[str],
    *,
    month: str | None = None,
    target: str | None = None,
    extra_vars: dict[str, str] | None = None,
) -> DbtResult:
    """Run `dbt <args>` in the project, streaming its log lines to our logger."""
    proj = project_dir()
    exe = Path(sys.executable).with_name("dbt")
    cmd = [str(exe) if exe.exists() else "dbt", *args]
    dbt_vars: dict[str, str] = dict(extra_vars or {})
    if dbt_vars:
        cmd += ["--vars", json.dumps(dbt_vars)]
    if target:
        cmd += ["--target", target]
    run_dir = _new_run_dir(proj)
    cmd += ["--target-path", str(run_dir.relative_to(proj))]
    cmd += ["--project-dir", str(proj), "--log-path", str(run_dir)]
    env = dbt_env(target)
    if month:
        env[MONTH_ENV] = f"{month}-01"
    duck = duckdb_path()
    duck.parent.mkdir(parents=True, exist_ok=True)
    cwd = _working_dir(proj, env, target)
    parse_file = _partial_parse_file(proj, cmd, env)
    if parse_file.is_file():
        env["DBT_PARTIAL_PARSE_FILE_PATH"] = str(parse_file)
    log.info("running %s%s", " ".join(cmd[1:]), f" ({MONTH_ENV}={env[MONTH_ENV]})" if month else "")
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    tail: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.rstrip()
        log.debug("dbt: %s", line)
        tail.append(line)
        if len(tail) > 400:
            tail = tail[-300:]
    returncode = proc.wait()
    _share_partial_parse(run_dir, parse_file)
    (run_dir / _RUNNING).unlink(missing_ok=True)
    result = DbtResult(
        returncode=returncode, command=cmd, output_tail="\n".join(tail), target_path=run_dir
    )
    run_results = run_dir / "run_results.json"
    if run_results.is_file():
        data = json.loads(run_results.read_text())
        result.elapsed = float(data.get("elapsed_time") or 0.0)
        result.results = [
            NodeResult(
                unique_id=r.get("unique_id", ""),
                status=str(r.get("status", "")),
                message=str(r.get("message") or ""),
                execution_time=float(r.get("execution_time") or 0.0),
            )
            for r in data.get("results", [])
        ]
    return result

"""The dbt Semantic Layer: semantic models and metrics over invoice_lines, the unit economics and
the budgets (models/semantic_layer/), checked by MetricFlow itself (dbt-metricflow, the dev
extra): `dbt parse` writes the semantic manifest, `mf validate-configs` validates it (and each
semantic model, dimension, measure and metric against the DuckDB warehouse), and `mf query`
answers allocated cost, cost per interaction and budget variance by cost center and month, which
must equal the marts."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from fairshare.dbt_runner import project_dir

pytestmark = pytest.mark.xdist_group("semantic_layer")

MF = Path(sys.executable).with_name("mf")
DBT = Path(sys.executable).with_name("dbt")
METRICS = ["allocated_cost", "cost_per_interaction", "cost_per_agent_hour", "budget_variance"]


@pytest.fixture(scope="module")
def semantic_warehouse(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the session warehouse (MetricFlow opens it read-write) and a fresh parse."""
    path = tmp_path_factory.mktemp("semantic") / "fairshare.duckdb"
    shutil.copy(warehouse, path)
    _run([str(DBT), "parse", "--quiet"], path)
    return path


def _env(path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DBT_PROFILES_DIR": str(project_dir() / "profiles"),
            "FAIRSHARE_DUCKDB_PATH": str(path),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }
    )
    return env


def _run(args: list[str], path: Path) -> str:
    done = subprocess.run(
        args, cwd=project_dir(), env=_env(path), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (args, done.stdout[-3000:], done.stderr[-3000:])
    return done.stdout


def test_semantic_manifest_holds_the_models_and_metrics(semantic_warehouse: Path) -> None:
    manifest = json.loads((project_dir() / "target" / "semantic_manifest.json").read_text())
    models = {m["name"] for m in manifest["semantic_models"]}
    assert models == {"allocations", "unit_economics", "budget_variance"}
    metrics = {m["name"]: m for m in manifest["metrics"]}
    assert {*METRICS, "handled_interactions", "cost_per_handled_minute", "budget"} <= set(metrics)
    assert metrics["cost_per_interaction"]["type"] == "ratio"
    assert metrics["budget_variance"]["type"] == "derived"
    spines = manifest["project_configuration"]["time_spines"]
    assert spines and spines[0]["primary_column"]["name"] == "date_day"


def test_metricflow_validates_the_configs_against_duckdb(semantic_warehouse: Path) -> None:
    out = _run([str(MF), "validate-configs"], semantic_warehouse)
    checks = [line for line in out.splitlines() if "ERRORS:" in line]
    assert len(checks) >= 6, out  # the manifest, then semantic models, dimensions, entities...
    for line in checks:
        assert "ERRORS: 0" in line and "WARNINGS: 0" in line, line


def test_metricflow_query_equals_the_marts(semantic_warehouse: Path, tmp_path: Path) -> None:
    target = tmp_path / "metrics.csv"
    _run(
        [str(MF), "query", "--metrics", ",".join(METRICS), "--group-by",
         "metric_time__month,cost_center", "--csv", str(target)],
        semantic_warehouse,
    )  # fmt: skip
    with target.open(newline="") as fh:
        rows = {(r["metric_time__month"][:10], r["cost_center"]): r for r in csv.DictReader(fh)}
    assert rows
    with duckdb.connect(str(semantic_warehouse), read_only=True) as con:
        allocated = con.execute(
            "select cast(billing_month as varchar), cost_center_code, sum(amount) "
            "from marts.invoice_lines group by 1, 2"
        ).fetchall()
        units = con.execute(
            "select cast(billing_month as varchar), cost_center_code, cost, handled_interactions, "
            "agent_hours from marts.fct_unit_economics where dimension_kind = 'cost_center'"
        ).fetchall()
        budgets = con.execute(
            "select cast(billing_month as varchar), cost_center_code, "
            "actual_amount - budget_amount from marts.fct_budget_variance "
            "where budget_scope = 'all' and budget_amount is not null"
        ).fetchall()
    checked: dict[str, int] = defaultdict(int)
    for month, code, amount in allocated:
        assert Decimal(rows[(month, code)]["allocated_cost"]) == amount, (month, code)
        checked["allocated_cost"] += 1
    for month, code, cost, interactions, hours in units:
        row = rows[(month, code)]
        for metric, driver in (
            ("cost_per_interaction", interactions),
            ("cost_per_agent_hour", hours),
        ):
            if driver:
                expected = cost / driver
                assert abs(Decimal(row[metric]) - expected) <= expected * Decimal("1e-9"), metric
                checked[metric] += 1
            else:
                assert row[metric] == "", (metric, month, code)
    for month, code, variance in budgets:
        assert Decimal(rows[(month, code)]["budget_variance"]) == variance, (month, code)
        checked["budget_variance"] += 1
    assert all(checked[m] > 0 for m in METRICS), checked

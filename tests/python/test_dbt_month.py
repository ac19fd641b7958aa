"""The billing month in dbt and the month-partitioned materialization, on a tiny dbt project.

The project under test is a throwaway dbt project named `fairshare` with the real macros/
(symlinked) and three toy models, so each case runs in seconds:
- the month reaches dbt through FAIRSHARE_BILLING_MONTH or `--vars`; both given and different is
  an error; a month change does not make dbt parse the project again (no `--vars` change);
- `month_partition` (macros/incremental/month_partition.sql) keeps every month, replaces the
  month being run by inserting the model's query directly, empties the month when the query
  returns no rows, refuses a model emitting another month's rows, and takes the staging path
  (sync_all_columns) when the model's columns change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from tiny_dbt_project import PROFILES_YML, tiny_project_env

from fairshare.dbt_runner import MONTH_ENV, monthly_build_args, project_dir

PROJECT_YML = """\
name: fairshare
version: "0.1.0"
config-version: 2
profile: fairshare
model-paths: ["models"]
macro-paths: ["macros"]
vars:
  month_rows: 2
"""

# rows of the month being run (var month_rows of them: 0 empties the month)
MONTHLY = """\
{{ config(**fairshare.monthly_partition()) }}
select
    {{ fairshare.billing_month() }} as billing_month,
    n as row_number
from range({{ var('month_rows') }}) as t(n)
"""

# a month-partitioned model that (wrongly) emits rows of another month too
WRONG_MONTH = """\
{{ config(**fairshare.monthly_partition()) }}
select {{ fairshare.billing_month() }} as billing_month, cast(1 as bigint) as row_number
union all
select cast('2020-01-01' as date) as billing_month, cast(2 as bigint) as row_number
"""

MONTH_LITERAL = """\
select
    {{ fairshare.billing_month() }} as billing_month,
    {{ fairshare.billing_month_end_ms() }} as end_ms
"""


@pytest.fixture
def tiny_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text(PROJECT_YML)
    (project / "profiles.yml").write_text(PROFILES_YML)
    (project / "macros").symlink_to(project_dir() / "macros", target_is_directory=True)
    (project / "models" / "monthly.sql").write_text(MONTHLY)
    (project / "models" / "month_literal.sql").write_text(MONTH_LITERAL)
    return project


def _dbt(
    project: Path, *args: str, month: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = tiny_project_env(project, drop=(MONTH_ENV,))
    if month:
        env[MONTH_ENV] = month
    env.update(extra_env or {})
    dbt = Path(sys.executable).with_name("dbt")
    return subprocess.run(
        [str(dbt), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _rows(project: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as con:
        return sorted(con.sql(sql).fetchall(), key=repr)


def _months(project: Path) -> dict[str, int]:
    rows = _rows(
        project, "select cast(billing_month as varchar), count(*) from main.monthly group by 1"
    )
    return {str(month): int(count) for month, count in rows}


def test_monthly_build_runs_without_unit_tests() -> None:
    assert monthly_build_args() == ["build", "--fail-fast", "--exclude-resource-type", "unit_test"]
    assert monthly_build_args(full_refresh=True)[-1] == "--full-refresh"


def test_the_month_comes_from_the_environment_or_vars(tiny_project: Path) -> None:
    env = _dbt(tiny_project, "run", "-s", "month_literal", month="2026-11-01")
    assert env.returncode == 0, env.stdout
    assert _rows(tiny_project, "select * from main.month_literal") == [
        (date(2026, 11, 1), 1796083200000)
    ]
    cli = _dbt(tiny_project, "run", "-s", "month_literal", "--vars", "{billing_month: 2026-12-01}")
    assert cli.returncode == 0, cli.stdout
    assert str(_rows(tiny_project, "select billing_month from main.month_literal")[0][0]) == (
        "2026-12-01"
    )
    both = _dbt(
        tiny_project,
        "run",
        "-s",
        "month_literal",
        "--vars",
        "{billing_month: 2026-12-01}",
        month="2026-11-01",
    )
    assert both.returncode != 0
    assert "billing month is given twice and differs" in both.stdout
    bad = _dbt(tiny_project, "run", "-s", "month_literal", month="2026-11-15")
    assert bad.returncode != 0
    assert "first day of a month" in bad.stdout


def test_a_month_change_does_not_reparse_the_project(tiny_project: Path) -> None:
    first = _dbt(tiny_project, "parse", month="2026-10-01")
    assert first.returncode == 0, first.stdout
    second = _dbt(tiny_project, "--debug", "parse", month="2026-11-01")
    assert second.returncode == 0, second.stdout
    # dbt says why it cannot parse partially; with the month in the environment it never has to
    assert "Unable to do partial parsing" not in second.stdout
    assert "Partial parsing enabled" in second.stdout or "partial parse" in second.stdout.lower()
    manifest = json.loads((tiny_project / "target" / "manifest.json").read_text())
    assert MONTH_ENV not in manifest.get("env_vars", {}), "no file records the month at parse"


def test_month_partition_keeps_months_replaces_and_empties(tiny_project: Path) -> None:
    for month in ("2026-10-01", "2026-11-01"):
        result = _dbt(tiny_project, "run", "-s", "monthly", month=month)
        assert result.returncode == 0, result.stdout
    assert _months(tiny_project) == {"2026-10-01": 2, "2026-11-01": 2}

    # a rerun of October with other rows replaces October only (direct insert: no staging table)
    rerun = _dbt(
        tiny_project, "--debug", "run", "-s", "monthly", "--vars", "{month_rows: 5}",
        month="2026-10-01",
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stdout
    assert "direct insert of the month" in rerun.stdout
    assert "__dbt_tmp" not in rerun.stdout
    assert _months(tiny_project) == {"2026-10-01": 5, "2026-11-01": 2}

    # a rebuild returning no rows empties the month
    empty = _dbt(
        tiny_project, "run", "-s", "monthly", "--vars", "{month_rows: 0}", month="2026-11-01"
    )
    assert empty.returncode == 0, empty.stdout
    assert _months(tiny_project) == {"2026-10-01": 5}


@pytest.mark.parametrize("path", ["direct", "staging"])
def test_month_partition_refuses_rows_of_another_month(tiny_project: Path, path: str) -> None:
    model = tiny_project / "models" / "monthly.sql"
    assert _dbt(tiny_project, "run", "-s", "monthly", month="2026-10-01").returncode == 0
    # same column types: the direct insert; an integer instead of a bigint: the staging path
    model.write_text(WRONG_MONTH if path == "direct" else WRONG_MONTH.replace("bigint", "integer"))
    wrong = _dbt(tiny_project, "run", "-s", "monthly", month="2026-10-01")
    assert wrong.returncode != 0
    assert "rows outside the billing month" in wrong.stdout
    # the failed run left the table as it was
    assert _months(tiny_project) == {"2026-10-01": 2}


def test_month_partition_takes_the_staging_path_when_columns_change(tiny_project: Path) -> None:
    model = tiny_project / "models" / "monthly.sql"
    assert _dbt(tiny_project, "run", "-s", "monthly", month="2026-10-01").returncode == 0
    model.write_text(MONTHLY.replace("n as row_number", "n as row_number,\n    'x' as note"))
    changed = _dbt(tiny_project, "run", "-s", "monthly", month="2026-11-01")
    assert changed.returncode == 0, changed.stdout
    assert "columns changed, staging path" in changed.stdout
    notes = _rows(
        tiny_project, "select cast(billing_month as varchar), note from main.monthly group by 1, 2"
    )
    assert notes == [("2026-10-01", None), ("2026-11-01", "x")]

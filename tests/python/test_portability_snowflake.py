"""The whole `dbt build` runs on Snowflake (emulated by fakesnow) and bills as DuckDB does.

The sandbox month is extracted by the real pipeline into DuckDB and built there (the session's
`warehouse` fixture, shared with the end-to-end tests). Its raw tables are then copied into a
fakesnow server the way a Snowflake loader does it (Parquet files, `PUT` to the table stage,
`COPY INTO`), and `dbt build` (seeds, models, unit tests, data tests) runs with dbt-snowflake
against the server through the shipped profile's `snowflake` target. The only emulator-specific
switch is `FAIRSHARE_FAKESNOW=1`, read by the macro override in `macros/fakesnow/` (see
docs/portability.md).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
import snowflake.connector
from fakesnow import server as start_fakesnow_server  # needs the server extra: fakesnow[server]
from fakesnow.transforms import stage as fakesnow_stage

from fairshare.dbt_runner import project_dir

MONTH = "2026-10"
RAW_SCHEMA = "genesys_raw"
DATABASE = "FAIRSHARE"
DBT_TIMEOUT_SECONDS = 600
CENT = Decimal("0.01")
# a data test configured to warn may warn; anything else must succeed
OK_STATUSES = {"success", "pass", "warn"}

INVOICE_LINES_SQL = """
    select billing_month, invoice_id, invoice_line_id, cost_center_code, allocation_method, amount
    from {table}
"""

# DuckDB types of the raw tables -> the Snowflake types dlt's Snowflake destination creates.
SNOWFLAKE_TYPES = {
    "VARCHAR": "VARCHAR",
    "BIGINT": "NUMBER(19,0)",
    "INTEGER": "NUMBER(19,0)",
    "DOUBLE": "FLOAT",
    "BOOLEAN": "BOOLEAN",
    "DATE": "DATE",
    "TIMESTAMP WITH TIME ZONE": "TIMESTAMP_LTZ",
    "TIMESTAMP": "TIMESTAMP_NTZ",
    "JSON": "VARIANT",
}

InvoiceRow = tuple[str, str, str, str, str, Decimal]

pytestmark = [
    # fakesnow's own cursor warns about an Arrow copy on DuckDB 2.0: not ours to fix
    pytest.mark.filterwarnings("ignore:Arrow output on a DB-API result:UserWarning"),
    # module-scoped fixtures: the module's tests run on one pytest-xdist worker
    pytest.mark.xdist_group("portability_snowflake"),
]


@dataclass(frozen=True, repr=False)
class DbtRun:
    returncode: int
    output: str
    statuses: dict[str, str]  # unique_id -> status, from run_results.json
    buildable: set[str]  # every enabled seed, model, unit test and data test of the manifest
    incremental: dict[str, str]  # unique_id -> relation name of the incremental models
    work_dir: Path

    def __repr__(self) -> str:  # keeps pytest's failure report short
        return f"DbtRun(returncode={self.returncode}, nodes={len(self.statuses)})"

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


def _run_results(target_path: Path) -> dict[str, str]:
    path = target_path / "run_results.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text())
    return {r["unique_id"]: str(r["status"]) for r in data["results"]}


def _manifest_nodes(target_path: Path) -> tuple[set[str], dict[str, str]]:
    """Every enabled seed, model, unit test and data test; and the month-partitioned models."""
    path = target_path / "manifest.json"
    if not path.is_file():
        return set(), {}
    manifest = json.loads(path.read_text())
    nodes = manifest["nodes"]
    buildable = {
        unique_id
        for unique_id, node in nodes.items()
        if node["resource_type"] in {"seed", "model", "test"}
        and node.get("config", {}).get("enabled", True)
    }
    incremental = {
        unique_id: str(node["relation_name"])
        for unique_id, node in nodes.items()
        if node["resource_type"] == "model" and "monthly_partition" in node.get("tags", [])
    }
    return buildable | set(manifest.get("unit_tests", {})), incremental


class EmulatorErrors(logging.Handler):
    """Collects the errors the fakesnow server logs.

    On a statement it cannot run (an unhandled exception, not a SQL error) fakesnow answers
    HTTP 500, which the Snowflake connector retries for many minutes instead of failing: the
    test stops dbt as soon as the server logs one and reports the server's message.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        self.messages.append(f"{error!r}\nin: {record.getMessage()[:1500]}")


@dataclass(frozen=True)
class FakesnowServer:
    connection_kwargs: dict[str, Any]  # for snowflake.connector.connect
    errors: EmulatorErrors


@pytest.fixture(scope="module")
def fakesnow_server() -> Iterator[FakesnowServer]:
    """A fakesnow server on a free loopback port, in a thread of this process."""
    errors = EmulatorErrors()
    # on the parent logger: uvicorn's logging setup resets the handlers of "fakesnow.server"
    parent_logger = logging.getLogger("fakesnow")
    parent_logger.addHandler(errors)
    try:
        with start_fakesnow_server() as connection_kwargs:
            # one INFO line per request otherwise (set after uvicorn's own logging setup)
            for name in ("uvicorn.access", "fakesnow.server"):
                logging.getLogger(name).setLevel(logging.WARNING)
            yield FakesnowServer(connection_kwargs, errors)
    finally:
        parent_logger.removeHandler(errors)
        # fakesnow keeps staged (PUT) files in a temporary folder of its own
        shutil.rmtree(fakesnow_stage.LOCAL_BUCKET_PATH, ignore_errors=True)


def _snowflake_type(duckdb_type: str) -> str:
    if duckdb_type.startswith("DECIMAL"):
        return duckdb_type.replace("DECIMAL", "NUMBER")
    if duckdb_type not in SNOWFLAKE_TYPES:
        raise AssertionError(f"no Snowflake type for raw DuckDB type {duckdb_type}")
    return SNOWFLAKE_TYPES[duckdb_type]


def copy_raw_tables(
    duckdb_path: Path, connection_kwargs: dict[str, Any], work_dir: Path
) -> dict[str, int]:
    """Copy every raw table into Snowflake as a stage load does: Parquet, PUT, COPY INTO.

    Returns the row count copied per table.
    """
    copied: dict[str, int] = {}
    with (
        duckdb.connect(str(duckdb_path), read_only=True) as source,
        snowflake.connector.connect(
            **connection_kwargs, database=DATABASE, schema=RAW_SCHEMA
        ) as target,
    ):
        tables = [
            name
            for (name,) in source.execute(
                "select table_name from information_schema.tables"
                " where table_schema = ? and table_type = 'BASE TABLE' order by 1",
                [RAW_SCHEMA],
            ).fetchall()
        ]
        cursor = target.cursor()
        for table in tables:
            columns = source.execute(
                "select column_name, data_type from information_schema.columns"
                " where table_schema = ? and table_name = ? order by ordinal_position",
                [RAW_SCHEMA, table],
            ).fetchall()
            ddl = ", ".join(f"{name} {_snowflake_type(kind)}" for name, kind in columns)
            cursor.execute(f"create or replace table {table} ({ddl})")
            parquet = work_dir / f"{table}.parquet"
            source.execute(
                f"copy (select * from {RAW_SCHEMA}.{table}) to '{parquet}' (format parquet)"
            )
            cursor.execute(f"put file://{parquet} @%{table}")
            cursor.execute(
                f"copy into {table} from @%{table}"
                " file_format = (type = parquet) match_by_column_name = case_insensitive"
            )
            (copied[table],) = source.execute(
                f"select count(*) from {RAW_SCHEMA}.{table}"
            ).fetchone()
            loaded = cursor.execute(f"select count(*) from {table}").fetchone()[0]
            assert loaded == copied[table], f"{table}: {loaded} rows loaded, {copied[table]} sent"
    return copied


def snowflake_env(connection_kwargs: dict[str, Any]) -> dict[str, str]:
    """The shipped profile's `snowflake` target, pointed at the fakesnow server."""
    env = dict(os.environ)
    env.update(
        {
            "DBT_PROFILES_DIR": str(project_dir() / "profiles"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "FAIRSHARE_TARGET": "snowflake",
            "SNOWFLAKE_ACCOUNT": str(connection_kwargs["account"]),
            "SNOWFLAKE_USER": str(connection_kwargs["user"]),
            "SNOWFLAKE_PASSWORD": str(connection_kwargs["password"]),
            "SNOWFLAKE_DATABASE": DATABASE,
            "SNOWFLAKE_WAREHOUSE": "TRANSFORMING",
            "SNOWFLAKE_SCHEMA": "FAIRSHARE",
            "SNOWFLAKE_ROLE": "TRANSFORMER",
            "SNOWFLAKE_HOST": str(connection_kwargs["host"]),
            "SNOWFLAKE_PORT": str(connection_kwargs["port"]),
            "SNOWFLAKE_PROTOCOL": str(connection_kwargs["protocol"]),
            # the one emulator switch: macros/fakesnow/ (temporary tables)
            "FAIRSHARE_FAKESNOW": "1",
        }
    )
    return env


def run_dbt_snowflake(
    args: list[str], env: dict[str, str], work_dir: Path, errors: EmulatorErrors
) -> DbtRun:
    """Run dbt against the emulator; stop it early if the emulator logs an error."""
    target_path = work_dir / "target"
    dbt = Path(sys.executable).with_name("dbt")
    cmd = [
        str(dbt),
        *args,
        "--target",
        "snowflake",
        "--vars",
        json.dumps({"billing_month": f"{MONTH}-01"}),
        "--target-path",
        str(target_path),
        "--log-path",
        str(work_dir / "logs"),
    ]
    output_path = work_dir / f"dbt-{args[0]}-output.txt"
    deadline = time.monotonic() + DBT_TIMEOUT_SECONDS
    with output_path.open("w") as output:
        proc = subprocess.Popen(
            cmd, cwd=project_dir(), env=env, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        while proc.poll() is None:
            if errors.messages or time.monotonic() > deadline:
                proc.terminate()
                proc.wait(timeout=30)
                break
            time.sleep(0.5)
    text = output_path.read_text()
    if errors.messages:
        text += "\nfakesnow server errors:\n" + "\n".join(errors.messages)
    buildable, incremental = _manifest_nodes(target_path)
    return DbtRun(
        proc.returncode, text, _run_results(target_path), buildable, incremental, work_dir
    )


@pytest.fixture(scope="module")
def snowflake_build(
    warehouse: Path,
    fakesnow_server: FakesnowServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> DbtRun:
    """Raw tables copied into fakesnow, then the whole `dbt build` with dbt-snowflake."""
    work_dir = tmp_path_factory.mktemp("portability-snowflake")
    kwargs = fakesnow_server.connection_kwargs
    copied = copy_raw_tables(warehouse, kwargs, work_dir)
    assert copied, "the DuckDB warehouse has raw tables to copy"
    return run_dbt_snowflake(["build"], snowflake_env(kwargs), work_dir, fakesnow_server.errors)


@dataclass(frozen=True)
class Rerun:
    run: DbtRun
    before: dict[str, list[tuple[Any, ...]]]  # relation -> rows per billing month, before
    after: dict[str, list[tuple[Any, ...]]]
    leftover_tables: list[str]  # dbt's temporary relations still in the database


def _query_snowflake(connection_kwargs: dict[str, Any], sql: str) -> list[tuple[Any, ...]]:
    with snowflake.connector.connect(**connection_kwargs, database=DATABASE) as con:
        cursor = con.cursor()
        cursor.execute(sql)
        return list(cursor.fetchall())


def _rows_per_month(
    connection_kwargs: dict[str, Any], relations: list[str]
) -> dict[str, list[tuple[Any, ...]]]:
    return {
        relation: _query_snowflake(
            connection_kwargs,
            f"select billing_month, count(*) from {relation} group by 1 order by 1",
        )
        for relation in relations
    }


@pytest.fixture(scope="module")
def snowflake_rerun(snowflake_build: DbtRun, fakesnow_server: FakesnowServer) -> Rerun:
    """The month run again: the incremental models (delete+insert of the month) and downstream."""
    kwargs = fakesnow_server.connection_kwargs
    relations = sorted(snowflake_build.incremental.values())
    before = _rows_per_month(kwargs, relations)
    run = run_dbt_snowflake(
        ["run", "--select", "tag:monthly_partition+"],
        snowflake_env(kwargs),
        snowflake_build.work_dir,
        fakesnow_server.errors,
    )
    leftovers = [
        name
        for (name,) in _query_snowflake(kwargs, "select table_name from information_schema.tables")
        if "DBT_TMP" in str(name).upper()
    ]
    return Rerun(run, before, _rows_per_month(kwargs, relations), leftovers)


def _invoice_lines_duckdb(path: Path) -> list[InvoiceRow]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(INVOICE_LINES_SQL.format(table="marts.invoice_lines")).fetchall()
    return [_normalise(row) for row in rows]


def _invoice_lines_snowflake(connection_kwargs: dict[str, Any]) -> list[InvoiceRow]:
    sql = INVOICE_LINES_SQL.format(table=f"{DATABASE}.marts.invoice_lines")
    return [_normalise(row) for row in _query_snowflake(connection_kwargs, sql)]


def _normalise(row: tuple[Any, ...]) -> InvoiceRow:
    billing_month, invoice_id, line_id, cost_center, method, amount = row
    assert isinstance(billing_month, date), f"billing_month is a date, got {billing_month!r}"
    assert isinstance(amount, Decimal), f"amount must be an exact decimal, got {amount!r}"
    assert amount == amount.quantize(CENT), f"amount {amount} is not whole cents"
    return (
        billing_month.isoformat(),
        str(invoice_id),
        str(line_id),
        "" if cost_center is None else str(cost_center),
        "" if method is None else str(method),
        amount.quantize(CENT),
    )


def test_whole_dbt_build_passes_on_snowflake(snowflake_build: DbtRun) -> None:
    statuses = snowflake_build.statuses
    # exposures are nodes of the build that run nothing (dbt reports them as no-op)
    exposures = {node: status for node, status in statuses.items() if node.startswith("exposure.")}
    assert set(exposures.values()) <= {"no-op"}, exposures
    bad = {
        node: status
        for node, status in statuses.items()
        if status not in OK_STATUSES and node not in exposures
    }
    assert snowflake_build.returncode == 0 and not bad, f"{bad}\n{snowflake_build.tail()}"
    kinds: defaultdict[str, int] = defaultdict(int)
    for node in statuses:
        kinds[node.split(".")[0]] += 1
    assert kinds["model"] >= 20 and kinds["seed"] >= 1, dict(kinds)
    assert kinds["unit_test"] >= 1 and kinds["test"] >= 20, dict(kinds)
    # every seed, model, unit test and data test of the project ran: none is left out
    nodes = {node for node in statuses if not node.startswith(("operation.", "exposure."))}
    assert nodes == snowflake_build.buildable
    # the run-integrity hooks ran on Snowflake too: ledger, extract check, promotion of the marts
    hooks = {node: status for node, status in statuses.items() if node.startswith("operation.")}
    assert hooks == {
        "operation.fairshare.fairshare-on-run-start-0": "success",
        "operation.fairshare.fairshare-on-run-end-0": "success",
    }


def _assert_invoice_lines_equal(warehouse: Path, connection_kwargs: dict[str, Any]) -> None:
    on_duckdb = sorted(_invoice_lines_duckdb(warehouse))
    on_snowflake = sorted(_invoice_lines_snowflake(connection_kwargs))
    assert on_duckdb, "the DuckDB build allocated invoice lines"
    only_duckdb = sorted(set(on_duckdb) - set(on_snowflake))[:10]
    only_snowflake = sorted(set(on_snowflake) - set(on_duckdb))[:10]
    assert on_snowflake == on_duckdb, (
        f"only DuckDB: {only_duckdb}\nonly Snowflake: {only_snowflake}"
    )
    assert sum(row[-1] for row in on_snowflake) == sum(row[-1] for row in on_duckdb)


def test_invoice_lines_equal_duckdb_to_the_cent(
    snowflake_build: DbtRun, warehouse: Path, fakesnow_server: FakesnowServer
) -> None:
    assert snowflake_build.statuses.get("model.fairshare.invoice_lines") == "success", (
        snowflake_build.tail()
    )
    _assert_invoice_lines_equal(warehouse, fakesnow_server.connection_kwargs)


def test_rerun_replaces_the_month_on_snowflake(
    snowflake_build: DbtRun,
    snowflake_rerun: Rerun,
    warehouse: Path,
    fakesnow_server: FakesnowServer,
) -> None:
    """Second run of the month: the month_partition path (delete the month, insert the query)."""
    assert snowflake_build.incremental, "the heavy models are incremental per billing month"
    run = snowflake_rerun.run
    bad = {node: status for node, status in run.statuses.items() if status != "success"}
    assert run.returncode == 0 and not bad, f"{bad}\n{run.tail()}"
    assert set(snowflake_build.incremental) <= set(run.statuses)
    # the month's partition is replaced, not appended to
    assert snowflake_rerun.after == snowflake_rerun.before
    assert not snowflake_rerun.leftover_tables
    _assert_invoice_lines_equal(warehouse, fakesnow_server.connection_kwargs)

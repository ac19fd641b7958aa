"""The whole `dbt build` runs on Snowflake (emulated by fakesnow) and bills as DuckDB does.

The sandbox month is extracted by the real pipeline into DuckDB and built there. Its raw tables are
then copied into a fakesnow server the way a Snowflake loader does it (Parquet files, `PUT` to the
table stage, `COPY INTO`), and `dbt build` (seeds, models, unit tests, data tests) runs with
dbt-snowflake against the server through the shipped profile's `snowflake` target. The only
emulator-specific switch is `FAIRSHARE_FAKESNOW=1`, read by the macro override in
`macros/fakesnow/` (see docs/portability.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import fakesnow
import pytest
import snowflake.connector

from fairshare import cli
from fairshare.dbt_runner import project_dir
from fairshare.demo import replay_directory_history, sandbox_environment
from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.pipeline import run_extract

log = logging.getLogger(__name__)

MONTH = "2026-10"
RAW_SCHEMA = "genesys_raw"
DATABASE = "FAIRSHARE"
DBT_TIMEOUT_SECONDS = 900
CENT = Decimal("0.01")

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


@dataclass(frozen=True)
class DbtRun:
    returncode: int
    output: str
    statuses: dict[str, str]  # unique_id -> status

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


def _run_results(target_path: Path) -> dict[str, str]:
    data = json.loads((target_path / "run_results.json").read_text())
    return {r["unique_id"]: str(r["status"]) for r in data["results"]}


@pytest.fixture(scope="module")
def duckdb_build(sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sandbox month extracted by the real pipeline and built with dbt-duckdb."""
    path = tmp_path_factory.mktemp("portability-duckdb") / "fairshare.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("FAIRSHARE_DUCKDB_PATH", str(path))
    try:
        with (
            SandboxServer(sandbox_dir, port=0) as server,
            sandbox_environment(sandbox_dir, server.base_url),
        ):
            replay_directory_history(server, sandbox_dir, MONTH)
            run_extract(MONTH, duckdb_path=path, voice_usage_csv=sandbox_dir / "voice_usage.csv")
        cli.step_build(
            argparse.Namespace(
                month=MONTH, target=None, full_refresh=False, orphan_policy=None, mode=None
            )
        )
        yield path
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def duckdb_nodes(duckdb_build: Path) -> dict[str, str]:
    """The nodes of the DuckDB build (read right after it, from the project's target folder)."""
    return _run_results(project_dir() / "target")


@pytest.fixture(scope="module")
def fakesnow_server() -> Iterator[dict[str, Any]]:
    """A fakesnow server on a free loopback port; yields snowflake.connector.connect kwargs."""
    with fakesnow.server() as connection_kwargs:
        yield connection_kwargs


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


def run_dbt_snowflake(args: list[str], env: dict[str, str], work_dir: Path) -> DbtRun:
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
    proc = subprocess.run(
        cmd,
        cwd=project_dir(),
        env=env,
        capture_output=True,
        text=True,
        timeout=DBT_TIMEOUT_SECONDS,
        check=False,
    )
    statuses = _run_results(target_path) if (target_path / "run_results.json").is_file() else {}
    return DbtRun(proc.returncode, proc.stdout + proc.stderr, statuses)


@pytest.fixture(scope="module")
def snowflake_build(
    duckdb_build: Path,
    duckdb_nodes: dict[str, str],
    fakesnow_server: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> DbtRun:
    """Raw tables copied into fakesnow, then the whole `dbt build` with dbt-snowflake."""
    work_dir = tmp_path_factory.mktemp("portability-snowflake")
    copied = copy_raw_tables(duckdb_build, fakesnow_server, work_dir)
    assert copied, "the DuckDB warehouse has raw tables to copy"
    return run_dbt_snowflake(["build"], snowflake_env(fakesnow_server), work_dir)


def _invoice_lines_duckdb(path: Path) -> list[InvoiceRow]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(INVOICE_LINES_SQL.format(table="marts.invoice_lines")).fetchall()
    return [_normalise(row) for row in rows]


def _invoice_lines_snowflake(connection_kwargs: dict[str, Any]) -> list[InvoiceRow]:
    with snowflake.connector.connect(**connection_kwargs, database=DATABASE) as con:
        cursor = con.cursor()
        cursor.execute(INVOICE_LINES_SQL.format(table=f"{DATABASE}.marts.invoice_lines"))
        rows = cursor.fetchall()
    return [_normalise(row) for row in rows]


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


def test_whole_dbt_build_passes_on_snowflake(
    snowflake_build: DbtRun, duckdb_nodes: dict[str, str]
) -> None:
    assert snowflake_build.returncode == 0, snowflake_build.tail()
    statuses = snowflake_build.statuses
    bad = {node: status for node, status in statuses.items() if status not in {"success", "pass"}}
    assert not bad, f"{bad}\n{snowflake_build.tail()}"
    kinds = defaultdict(int)
    for node in statuses:
        kinds[node.split(".")[0]] += 1
    assert kinds["model"] >= 20 and kinds["seed"] >= 1, dict(kinds)
    assert kinds["unit_test"] >= 1 and kinds["test"] >= 20, dict(kinds)
    # the very same nodes as on DuckDB: nothing is disabled or skipped for Snowflake
    assert sorted(statuses) == sorted(duckdb_nodes)


def test_invoice_lines_equal_duckdb_to_the_cent(
    snowflake_build: DbtRun, duckdb_build: Path, fakesnow_server: dict[str, Any]
) -> None:
    assert snowflake_build.returncode == 0, snowflake_build.tail()
    on_duckdb = sorted(_invoice_lines_duckdb(duckdb_build))
    on_snowflake = sorted(_invoice_lines_snowflake(fakesnow_server))
    assert on_duckdb, "the DuckDB build allocated invoice lines"
    only_duckdb = sorted(set(on_duckdb) - set(on_snowflake))[:10]
    only_snowflake = sorted(set(on_snowflake) - set(on_duckdb))[:10]
    assert on_snowflake == on_duckdb, (
        f"only DuckDB: {only_duckdb}\nonly Snowflake: {only_snowflake}"
    )
    assert sum(row[-1] for row in on_snowflake) == sum(row[-1] for row in on_duckdb)

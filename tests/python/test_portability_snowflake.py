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
import fakesnow
import pytest
import snowflake.connector
from fakesnow.transforms import stage as fakesnow_stage

from fairshare import cli
from fairshare.dbt_runner import project_dir
from fairshare.demo import replay_directory_history, sandbox_environment
from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.pipeline import run_extract

log = logging.getLogger(__name__)

MONTH = "2026-10"
RAW_SCHEMA = "genesys_raw"
DATABASE = "FAIRSHARE"
DBT_TIMEOUT_SECONDS = 600
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
    statuses: dict[str, str]  # unique_id -> status, from run_results.json
    buildable: set[str]  # every enabled seed, model, unit test and data test of the manifest

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


def _run_results(target_path: Path) -> dict[str, str]:
    path = target_path / "run_results.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text())
    return {r["unique_id"]: str(r["status"]) for r in data["results"]}


def _buildable_nodes(target_path: Path) -> set[str]:
    path = target_path / "manifest.json"
    if not path.is_file():
        return set()
    manifest = json.loads(path.read_text())
    nodes = {
        unique_id
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] in {"seed", "model", "test"}
        and node.get("config", {}).get("enabled", True)
    }
    return nodes | set(manifest.get("unit_tests", {}))


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
        self.messages.append(record.getMessage()[-3000:])


@dataclass(frozen=True)
class FakesnowServer:
    connection_kwargs: dict[str, Any]  # for snowflake.connector.connect
    errors: EmulatorErrors


@pytest.fixture(scope="module")
def fakesnow_server() -> Iterator[FakesnowServer]:
    """A fakesnow server on a free loopback port, in a thread of this process."""
    errors = EmulatorErrors()
    server_logger = logging.getLogger("fakesnow.server")
    server_logger.addHandler(errors)
    try:
        with fakesnow.server() as connection_kwargs:
            yield FakesnowServer(connection_kwargs, errors)
    finally:
        server_logger.removeHandler(errors)
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
    output_path = work_dir / "dbt-output.txt"
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
    return DbtRun(
        proc.returncode,
        text,
        _run_results(target_path),
        _buildable_nodes(target_path),
    )


@pytest.fixture(scope="module")
def snowflake_build(
    duckdb_build: Path,
    fakesnow_server: FakesnowServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> DbtRun:
    """Raw tables copied into fakesnow, then the whole `dbt build` with dbt-snowflake."""
    work_dir = tmp_path_factory.mktemp("portability-snowflake")
    kwargs = fakesnow_server.connection_kwargs
    copied = copy_raw_tables(duckdb_build, kwargs, work_dir)
    assert copied, "the DuckDB warehouse has raw tables to copy"
    return run_dbt_snowflake(["build"], snowflake_env(kwargs), work_dir, fakesnow_server.errors)


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


def test_whole_dbt_build_passes_on_snowflake(snowflake_build: DbtRun) -> None:
    assert snowflake_build.returncode == 0, snowflake_build.tail()
    statuses = snowflake_build.statuses
    bad = {node: status for node, status in statuses.items() if status not in {"success", "pass"}}
    assert not bad, f"{bad}\n{snowflake_build.tail()}"
    kinds = defaultdict(int)
    for node in statuses:
        kinds[node.split(".")[0]] += 1
    assert kinds["model"] >= 20 and kinds["seed"] >= 1, dict(kinds)
    assert kinds["unit_test"] >= 1 and kinds["test"] >= 20, dict(kinds)
    # every seed, model, unit test and data test of the project ran: none is left out
    assert set(statuses) == snowflake_build.buildable


def test_invoice_lines_equal_duckdb_to_the_cent(
    snowflake_build: DbtRun, duckdb_build: Path, fakesnow_server: FakesnowServer
) -> None:
    assert snowflake_build.returncode == 0, snowflake_build.tail()
    on_duckdb = sorted(_invoice_lines_duckdb(duckdb_build))
    on_snowflake = sorted(_invoice_lines_snowflake(fakesnow_server.connection_kwargs))
    assert on_duckdb, "the DuckDB build allocated invoice lines"
    only_duckdb = sorted(set(on_duckdb) - set(on_snowflake))[:10]
    only_snowflake = sorted(set(on_snowflake) - set(on_duckdb))[:10]
    assert on_snowflake == on_duckdb, (
        f"only DuckDB: {only_duckdb}\nonly Snowflake: {only_snowflake}"
    )
    assert sum(row[-1] for row in on_snowflake) == sum(row[-1] for row in on_duckdb)

"""The marts as dbt declares them: columns and data types from the manifest of a `dbt parse`.

Test fixtures that stand in for built marts (publish_synthetic_marts.py) create their tables from
here, so they cannot drift from the models: a column the models drop or retype changes the
fixtures with them. A mart with an enforced contract (`contract: {enforced: true}`) declares
every column with its `data_type`; `MartContract.enforced` says which do.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import duckdb

from fairshare.dbt_runner import run_dbt

# the month the test builds use: the same vars keep dbt's partial parse valid between runs
PARSE_MONTH = "2026-10"


@dataclass(frozen=True)
class MartContract:
    name: str
    enforced: bool  # contract enforced: every column is declared, with its data type
    columns: tuple[tuple[str, str | None], ...]  # (name, data type or None), in declared order

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]


@functools.cache
def mart_contracts() -> dict[str, MartContract]:
    """Every model of models/marts/, from the manifest of a fresh `dbt parse` (once a process)."""
    result = run_dbt(["parse"], month=PARSE_MONTH)
    assert result.ok and result.target_path is not None, result.output_tail[-3000:]
    manifest = json.loads((result.target_path / "manifest.json").read_text())
    contracts: dict[str, MartContract] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        if not node["original_file_path"].replace("\\", "/").startswith("models/marts/"):
            continue
        contract = (node.get("config") or {}).get("contract") or {}
        contracts[node["name"]] = MartContract(
            name=node["name"],
            enforced=bool(contract.get("enforced")),
            columns=tuple(
                (column["name"].lower(), column.get("data_type") or None)
                for column in node["columns"].values()
            ),
        )
    return contracts


def create_mart(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    contract: MartContract,
    rows: list[dict[str, object]],
) -> None:
    """Create `schema.<mart>` with the mart's declared columns and types, and insert `rows`
    (dicts by column name; a column a row does not give is null).

    A row may only give columns the mart declares. Before a mart's contract is enforced its
    manifest lists only the documented columns: the other columns the rows give are added, typed
    from their values (DuckDB's reading of the Python values), so the fixture still works."""
    given = list(dict.fromkeys(name for row in rows for name in row))
    declared = contract.names
    undeclared = [name for name in given if name not in declared]
    assert not (contract.enforced and undeclared), (
        f"the rows give columns that mart {contract.name} does not declare: {undeclared}"
    )
    batch = None
    if rows:
        import pyarrow as pa

        batch = pa.table({name: pa.array([row.get(name) for row in rows]) for name in given})
        con.register("_mart_rows", batch)
    inferred: dict[str, str] = {}
    if batch is not None:
        for name, duck_type, *_ in con.execute("describe select * from _mart_rows").fetchall():
            inferred[name] = (
                "varchar" if duck_type == '"NULL"' or duck_type == "NULL" else duck_type
            )
    columns = [*contract.columns, *((name, None) for name in undeclared)]
    ddl = ", ".join(
        f'"{name}" {data_type or inferred.get(name, "varchar")}' for name, data_type in columns
    )
    con.execute(f"create schema if not exists {schema}")
    con.execute(f'create or replace table {schema}."{contract.name}" ({ddl})')
    if batch is not None:
        con.execute(f'insert into {schema}."{contract.name}" by name select * from _mart_rows')
        con.unregister("_mart_rows")

"""The dbt sources file documents exactly the raw contract of `schema.py`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ingestion.genesys.schema import TABLES
from ingestion.genesys.sources_yml import render

SOURCES = (
    Path(__file__).resolve().parents[2] / "models" / "staging" / "genesys" / "_genesys__sources.yml"
)
SCD2_COLUMNS = ["_dlt_id", "_dlt_valid_from", "_dlt_valid_to"]


def _source() -> dict[str, Any]:
    document = yaml.safe_load(SOURCES.read_text())
    (source,) = document["sources"]
    return source


def test_source_name_schema_and_freshness() -> None:
    source = _source()
    assert source["name"] == "genesys"
    assert source["schema"] == "{{ var('raw_schema', 'genesys_raw') }}"
    assert source["config"]["loaded_at_field"] == "_loaded_at"
    assert source["config"]["freshness"]["error_after"]["count"] > 0


def test_sources_list_exactly_the_contract_tables_and_columns() -> None:
    tables = {t["name"]: t for t in _source()["tables"]}
    assert list(tables) == list(TABLES)
    for name, table in TABLES.items():
        documented = [c["name"] for c in tables[name]["columns"]]
        extra = SCD2_COLUMNS if table.write_disposition == "scd2" else []
        assert documented == table.column_names + extra, name
        for column in tables[name]["columns"]:
            assert column.get("description"), f"{name}.{column['name']} has no description"


def test_scd2_tables_have_no_load_heartbeat_freshness() -> None:
    for table in _source()["tables"]:
        if TABLES[table["name"]].write_disposition == "scd2":
            assert table["config"]["freshness"] is None, table["name"]


def test_the_file_is_the_rendering_of_the_contract() -> None:
    assert SOURCES.read_text() == render(), "run: python -m ingestion.genesys.sources_yml"

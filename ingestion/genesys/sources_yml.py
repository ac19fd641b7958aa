"""Render `models/staging/genesys/_genesys__sources.yml` from the raw contract (`schema.py`).

    python -m ingestion.genesys.sources_yml        # rewrite the file after changing schema.py

A test checks the committed file equals `render()`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ingestion.genesys.schema import TABLES

SOURCES_PATH = Path("models/staging/genesys/_genesys__sources.yml")
SCD2_COLUMNS = (
    ("_dlt_id", "Row version: content hash of the contract columns (dlt scd2 row version)."),
    (
        "_dlt_valid_from",
        "Start of this version's validity (the extract's as_of boundary, UTC). dlt scd2.",
    ),
    (
        "_dlt_valid_to",
        "End of this version's validity (UTC); null = the current version. dlt scd2.",
    ),
)
# tables fed by monthly files or monthly billing runs: a month between loads is normal
MONTHLY = ("invoices", "invoice_lines", "voice_usage", "billable_usage", "billing_period_charges")
# How a data test finds the rows of the billing month in the tables that grow every month, so a
# warehouse holding many months tests the month being run only (see
# macros/incremental/get_where_subquery.sql): a timestamp column (the conversation child tables
# carry their conversation's start), or the conversation id of the attributes table, which has no
# timestamp of its own (rows of conversations started in the month).
MONTH_SCOPE: dict[str, str] = {
    "conversations": "{column: conversation_start}",
    "conversation_participants": "{column: conversation_start}",
    "conversation_participant_attributes": "{conversation_id: conversation_id}",
    "conversation_sessions": "{column: conversation_start}",
    "conversation_segments": "{column: segment_start}",
    "user_presence": "{column: start_time}",
    "user_routing_status": "{column: start_time}",
    "voice_usage": "{column: call_start}",
}

HEADER = """\
version: 2

# Generated from ingestion/genesys/schema.py (the raw contract) by
# `python -m ingestion.genesys.sources_yml`; a test checks the two agree.
# Freshness: `_loaded_at` is stamped by every load. scd2 tables only write a row when an
# object changes, so their `_loaded_at` is not a load heartbeat: freshness is off for them.
sources:
  - name: genesys
    description: >
      Raw Genesys Cloud tables landed by the dlt loaders (ingestion/genesys): billing,
      conversation detail records, directory (with scd2 history), presence and API usage, plus
      the hand-loaded invoice-lines and voice-usage CSV files. Customer phone numbers and names
      only appear as keyed hashes (*_hash); the org's own DIDs stay in clear.
    schema: "{{ var('raw_schema', 'genesys_raw') }}"
    config:
      loaded_at_field: _loaded_at
      freshness:
        warn_after: {count: 2, period: day}
        error_after: {count: 35, period: day}
    tables:
"""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render() -> str:
    """The sources file for the current contract."""
    lines = [HEADER.rstrip("\n")]
    add = lines.append
    for name, table in TABLES.items():
        add(f"      - name: {name}")
        description = (
            f"{table.description} Primary key: ({', '.join(table.primary_key)});"
            f" write disposition: {table.write_disposition}."
        )
        add(f"        description: {_quote(description)}")
        config: list[str] = []
        if table.write_disposition == "scd2":
            config.append("          freshness: null")
        elif name in MONTHLY:
            config.append("          freshness:")
            config.append("            warn_after: {count: 35, period: day}")
            config.append("            error_after: {count: 62, period: day}")
        if name in MONTH_SCOPE:
            config.append(f"          meta: {{month_scope: {MONTH_SCOPE[name]}}}")
        if config:
            add("        config:")
            lines.extend(config)
        # One test per table (macros/tests/test_keys_and_not_nulls.sql): the single-column
        # primary key of a merged table unique, the primary key and non-nullable columns not null.
        single_key = len(table.primary_key) == 1 and table.write_disposition != "scd2"
        keys = list(table.primary_key) if single_key else []
        not_null = [
            column.name
            for column in table.columns
            if column.name in table.primary_key
            or (not column.nullable and column.name != "_loaded_at")
        ]
        if keys or not_null:
            add("        data_tests:")
            add("          - keys_and_not_nulls:")
            add("              arguments:")
            add(f"                keys: [{', '.join(keys)}]")
            add(f"                not_null: [{', '.join(not_null)}]")
        add("        columns:")
        for column in table.columns:
            add(f"          - name: {column.name}")
            add(f"            description: {_quote(column.description)}")
            if column.name.endswith("_hash"):
                add("            meta: {contains_pii: keyed_hash}")
        if table.write_disposition == "scd2":
            for column_name, description in SCD2_COLUMNS:
                add(f"          - name: {column_name}")
                add(f"            description: {_quote(description)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCES_PATH
    target.write_text(render(), encoding="utf-8")

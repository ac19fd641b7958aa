"""The heavy models are incremental per billing month (issue 6, "Monthly incremental models").

Every month-partitioned model (`fairshare.monthly_partition()` in macros/incremental/) keeps the
months it was built for and a run replaces only the partition of the month being run. On a copy
of the session warehouse (October built once):
- a rerun of October gives identical invoice_lines (and identical monthly partitions);
- building November on top keeps October's partitions unchanged, adds November's, and November's
  invoice_lines reconcile to November's invoice;
- a backfill with `--full-refresh` (October then November) equals the incremental builds to the
  cent, partition by partition;
- generic data tests on those models check the month being run only (var test_all_months: all).
The build time of month 2 vs month 1 is logged (no assertion: the benchmark reports times).
The October rerun is the session's `rebuilt_warehouse` (the pipeline tests check it too); the
module's warehouse is a copy of it, on which November is built.
The November build is the full `fairshare build` (models, unit tests, data tests): every unit test
pins var('billing_month') to its fixtures' month, and data tests on month-partitioned models check
the month being run only.
"""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from pathlib import Path

import conftest
import duckdb
import pytest

from fairshare import cli, pipeline
from fairshare.dbt_runner import DbtResult, run_dbt
from fairshare.publish.reader import load_month
from fairshare.sandbox.generator import generate

log = logging.getLogger(__name__)

# the module's tests run in order on one warehouse (pytest-xdist: on one worker)
pytestmark = pytest.mark.xdist_group("incremental")

OCTOBER = "2026-10-01"
NOVEMBER = "2026-11"
NOVEMBER_CONVERSATIONS = 500
NOVEMBER_SEED = 11

# month-partitioned models (schema.table) whose October partition a November build must not touch
MONTHLY_MODELS = (
    "intermediate.int_conversations_tagged_to_cost_centers",
    "intermediate.int_conversation_segments_validated",
    "intermediate.int_conversation_slices_attributed_to_cost_centers",
    "intermediate.int_trunk_legs_costed",
    "intermediate.int_trunk_slices_attributed_to_cost_centers",
    "intermediate.int_interactions_attributed_to_cost_centers",
    "intermediate.int_segment_attribution_quarantine",
    "intermediate.int_agent_queue_work_sliced",
    "intermediate.int_concurrent_users_sliced",
    "intermediate.int_concurrency_slices_by_cost_center",
    "marts.invoice_lines",
    "marts.dim_cost_centers",
    "marts.fct_cost_center_month",
    "marts.fct_segment_costs",
    "marts.fct_concurrency_peaks",
    "marts.fct_named_users",
    "marts.fct_tagging_coverage",
    "marts.fct_quarantine",
)

Rows = list[tuple[object, ...]]


def _rows(path: Path, sql: str) -> Rows:
    with duckdb.connect(str(path), read_only=True) as con:
        return sorted(con.sql(sql).fetchall(), key=repr)


def _partition(path: Path, table: str, month: str) -> Rows:
    return _rows(path, f"select * from {table} where billing_month = cast('{month}' as date)")


def _invoice_lines(path: Path, month: str = OCTOBER) -> Rows:
    return _rows(
        path,
        "select invoice_id, invoice_line_id, cost_center_code, allocation_method, amount "
        f"from marts.invoice_lines where billing_month = cast('{month}' as date)",
    )


def _months(path: Path, table: str) -> list[str]:
    rows = _rows(path, f"select distinct cast(billing_month as varchar) from {table}")
    return sorted(str(row[0]) for row in rows)


def _allocated_and_invoiced(path: Path, month: str) -> tuple[Decimal, Decimal]:
    """(Σ invoice_lines.amount, Σ of the month's vendor invoice totals)."""
    with duckdb.connect(str(path), read_only=True) as con:
        allocated = con.execute(
            "select sum(amount) from marts.invoice_lines "
            f"where billing_month = cast('{month}' as date)"
        ).fetchone()
        invoiced = con.execute(
            "select sum(amount) from staging.stg_genesys__invoices where invoice_id in "
            "(select invoice_id from marts.invoice_lines "
            f"where billing_month = cast('{month}' as date))"
        ).fetchone()
    assert allocated is not None and invoiced is not None
    return Decimal(allocated[0]), Decimal(invoiced[0])


@pytest.fixture(scope="module")
def incremental_warehouse(
    rebuilt_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A private copy of the session's rebuilt warehouse (October extracted, built twice)."""
    return conftest.copy_warehouse(rebuilt_warehouse, tmp_path_factory.mktemp("incremental"))


def test_rerun_of_a_month_gives_identical_results(warehouse: Path, rebuilt_warehouse: Path) -> None:
    before_lines = _invoice_lines(warehouse)
    assert before_lines, "the session build allocated October"
    assert _invoice_lines(rebuilt_warehouse) == before_lines
    for table in MONTHLY_MODELS:
        rows = _partition(warehouse, table, OCTOBER)
        assert _partition(rebuilt_warehouse, table, OCTOBER) == rows, table
        assert _months(rebuilt_warehouse, table) == [OCTOBER], f"{table}: one partition"


def test_second_month_keeps_the_first_and_reconciles(
    incremental_warehouse: Path, tmp_path: Path
) -> None:
    october_lines = _invoice_lines(incremental_warehouse)
    october = {t: _partition(incremental_warehouse, t, OCTOBER) for t in MONTHLY_MODELS}

    data_dir = tmp_path / NOVEMBER
    generate(data_dir, month=NOVEMBER, conversations=NOVEMBER_CONVERSATIONS, seed=NOVEMBER_SEED)
    conftest.extract_month(data_dir, incremental_warehouse, month=NOVEMBER)
    month_two = conftest.build(incremental_warehouse, NOVEMBER)
    log.warning(
        "dbt build on a warehouse holding October: November %.1f s (%d vs %d conversations)",
        month_two,
        conftest.SANDBOX_CONVERSATIONS,
        NOVEMBER_CONVERSATIONS,
    )

    november = f"{NOVEMBER}-01"
    for table, rows in october.items():
        assert _partition(incremental_warehouse, table, OCTOBER) == rows, table
        assert _months(incremental_warehouse, table) == [OCTOBER, november], table
    november_lines = _invoice_lines(incremental_warehouse, november)
    assert november_lines, "November allocated"
    allocated, invoiced = _allocated_and_invoiced(incremental_warehouse, november)
    assert allocated == invoiced
    assert _invoice_lines(incremental_warehouse) == october_lines, "October's invoice_lines kept"
    october_total, october_invoiced = _allocated_and_invoiced(incremental_warehouse, OCTOBER)
    assert october_total == october_invoiced

    # the publisher reads November and finds October in the marts for month over month
    data = load_month(incremental_warehouse, NOVEMBER)
    assert data.allocated_total == allocated
    assert data.previous_month == "2026-10"
    assert sum(data.previous_totals.values()) == october_total
    assert set(data.previous_totals) == {row[2] for row in october_lines}


def test_backfill_with_full_refresh_equals_incremental_to_the_cent(
    incremental_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fairshare build --month 2026-10 --through 2026-11 --full-refresh` (drop the monthly
    tables, rebuild October, then add November) equals month-by-month incremental builds on the
    same raw data: every partition of both months, invoice_lines to the cent.

    The reference rebuilds October incrementally on the warehouse holding both months: November's
    sandbox carries a few calls that started on 31 October, so October rebuilt after November's
    extract rightly includes them. That rebuild must leave November's partitions untouched."""
    november = f"{NOVEMBER}-01"
    reference = conftest.copy_warehouse(incremental_warehouse, tmp_path / "reference")
    november_before = {t: _partition(reference, t, november) for t in MONTHLY_MODELS}
    assert november_before["marts.invoice_lines"], "runs after the November build"
    conftest.build(reference)  # October again, incrementally
    for table, rows in november_before.items():
        assert _partition(reference, table, november) == rows, f"{table}: November untouched"

    refreshed = conftest.copy_warehouse(incremental_warehouse, tmp_path / "refreshed")
    monkeypatch.setenv("FAIRSHARE_DUCKDB_PATH", str(refreshed))
    args = conftest.build_args(month="2026-10", through=NOVEMBER, full_refresh=True)
    assert cli.cmd_build(args) == cli.EXIT_OK

    for table in MONTHLY_MODELS:
        assert _months(refreshed, table) == [OCTOBER, november], table
        for month in (OCTOBER, november):
            assert _partition(refreshed, table, month) == _partition(reference, table, month), (
                table,
                month,
            )
    for month in (OCTOBER, november):
        assert _invoice_lines(refreshed, month) == _invoice_lines(reference, month)
        allocated, invoiced = _allocated_and_invoiced(refreshed, month)
        assert allocated == invoiced, month


def test_months_between_crosses_the_year() -> None:
    assert pipeline.months_between("2025-11", "2026-02") == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert pipeline.months_between("2026-10", "2026-10") == ["2026-10"]


def test_data_tests_check_the_month_being_run(
    incremental_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generic tests read the month being run: the partition of a month-partitioned model, the
    rows of the month of a raw table or staging view (meta.month_scope: a timestamp column, or the
    conversations started in the month). `test_all_months: true` reads them all (and the kept
    months pass too)."""
    monkeypatch.setenv("FAIRSHARE_DUCKDB_PATH", str(incremental_warehouse))
    select = [
        "test",
        "--select",
        "invoice_lines stg_genesys__conversation_sessions"
        " stg_genesys__conversation_participant_attributes source:genesys.conversations",
        "--exclude",
        "resource_type:unit_test",
    ]
    scoped = run_dbt(select, month=NOVEMBER)
    assert scoped.ok, scoped.failure_reason()
    november, december = "cast('2026-11-01", "cast('2026-12-01"
    partition = _key_test_sql(scoped, "model.fairshare.invoice_lines")
    assert f"billing_month = {november}' as date)" in partition
    # the conversation child tables carry their conversation's start (raw contract)
    sessions = _key_test_sql(scoped, "model.fairshare.stg_genesys__conversation_sessions")
    assert f"conversation_started_at >= {november}" in sessions
    assert f"conversation_started_at < {december}" in sessions
    attributes = _key_test_sql(
        scoped, "model.fairshare.stg_genesys__conversation_participant_attributes"
    )
    assert "conversation_id in (select conversation_id from" in attributes
    assert f"conversation_start >= {november}" in attributes
    assert f"conversation_start < {december}" in attributes
    conversations = _key_test_sql(scoped, "source.fairshare.genesys.conversations")
    assert f"(conversation_start >= {november}" in conversations

    audit = run_dbt(select, month=NOVEMBER, extra_vars={"test_all_months": "true"})
    assert audit.ok, audit.failure_reason()
    for node in (
        "model.fairshare.invoice_lines",
        "model.fairshare.stg_genesys__conversation_sessions",
        "model.fairshare.stg_genesys__conversation_participant_attributes",
        "source.fairshare.genesys.conversations",
    ):
        assert "dbt_subquery" not in _key_test_sql(audit, node), node


def _key_test_sql(result: DbtResult, tested: str) -> str:
    """The compiled SQL of the keys_and_not_nulls test on `tested` (a model or source unique id)
    in the dbt run `result`."""
    target = result.target_path
    assert target is not None
    manifest = json.loads((target / "manifest.json").read_text())
    found = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test"
        and (node.get("test_metadata") or {}).get("name") == "keys_and_not_nulls"
        and tested in ((node.get("depends_on") or {}).get("nodes") or [])
    ]
    assert len(found) == 1, f"one keys_and_not_nulls test on {tested}, found {len(found)}"
    node = found[0]
    compiled = target / "compiled" / node["package_name"] / node["original_file_path"]
    return (compiled / node["path"]).read_text()

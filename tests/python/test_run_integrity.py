"""Run integrity (issue 11): a wrong month is never published, a closed month never changes.

Each test reproduces an operator's accident on a copy of the session warehouse (October extracted,
built and passing) and checks what fairshare does about it:
- an extract killed before, during or after dlt's load step: the build refuses (exit 4, one line
  naming the command that repairs it); after the extract is rerun, the month equals a clean run's
  to the cent;
- a build failing on a reconciliation test: every published mart identical, publish refuses;
- a publish killed half-way: the previous `out/<month>/` intact;
- two runs at once: the second refused at once; each run reads only its own dbt results;
- bad business input (last month's invoice, the invoice twice, a negative amount on a product
  that is not a credit, a currency without a rate, cost-center codes that collide): exit 4, one
  line naming the file or row, published marts and `out/` unchanged;
- a closed month: rebuilt after late data, its posted lines never change and the next open month
  carries the difference as adjustment lines; both months reconcile; numbers are per revision.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import conftest
import duckdb
import pytest

from fairshare import cli, pipeline
from fairshare.pipeline import SANDBOX_REQUESTS_PER_MINUTE, sandbox_environment
from fairshare.runs import ledger
from fairshare.runs.lock import warehouse_lock
from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.pipeline import run_extract

MONTH = conftest.SANDBOX_MONTH
REPO = Path(__file__).resolve().parents[2]
MARTS = (
    "invoice_lines",
    "dim_cost_centers",
    "fct_cost_center_month",
    "fct_segment_costs",
    "fct_concurrency_peaks",
    "fct_named_users",
    "fct_tagging_coverage",
    "fct_quarantine",
    "fct_vendor_invoice_lines",
)
INVOICE_COLUMNS = [
    "invoice_id", "line_id", "sku", "product_name", "description", "date_start", "date_end",
    "quantity", "unit_of_measure", "amount", "currency",
]  # fmt: skip

# A subprocess that extracts the sandbox month and SIGKILLs itself at one point of the load.
KILLED_EXTRACT = """
import os, signal, sys
from pathlib import Path

from dlt.load.load import Load

from ingestion.genesys import ledger

point, month, warehouse, voice = sys.argv[1:5]


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def arm():
    # after the extract log's `started` event: the kill hits the extract's own load
    if point == "before_load":
        Load.load_single_package = die
    elif point == "during_load":
        original = Load.w_run_job
        done = []

        def run_then_die(self, job, *args, **kwargs):
            result = original(self, job, *args, **kwargs)
            if job.file_name().endswith(".sql"):  # a merge into a final raw table
                done.append(job.file_name())
                if len(done) == 2:  # some raw tables merged, the others not
                    die()
            return result

        Load.w_run_job = run_then_die
    elif point == "after_load":
        ledger.ExtractLog.completed = die


started = ledger.ExtractLog.started


def started_then_arm(self, *args, **kwargs):
    started(self, *args, **kwargs)
    arm()


ledger.ExtractLog.started = started_then_arm

from ingestion.genesys.pipeline import run_extract

run_extract(month, duckdb_path=Path(warehouse), voice_usage_csv=Path(voice),
            requests_per_minute=6000)
"""

# A subprocess that publishes and SIGKILLs itself once the showback site is half written.
KILLED_PUBLISH = """
import os, signal, sys
from pathlib import Path

from fairshare.publish import dashboard

month, out, warehouse = sys.argv[1:4]
original = dashboard.write_showback


def write_then_die(data, invoices, invoice_dir, site_dir, *args, **kwargs):
    original(data, invoices, invoice_dir, site_dir, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)  # invoices and site written, FOCUS and summary not


dashboard.write_showback = write_then_die
from fairshare.publish import publish

publish(month, Path(out), Path(warehouse), pdf=False)
"""


def _published_state(path: Path) -> str:
    """Checksum of every published mart's rows (all months), order-independent."""
    with duckdb.connect(str(path), read_only=True) as con:
        parts = []
        for mart in MARTS:
            exists = con.execute(
                "select count(*) from information_schema.tables where table_schema = 'marts' "
                "and table_name = ?",
                [mart],
            ).fetchone()[0]
            if not exists:
                parts.append(f"{mart}=missing")
                continue
            rows, digest = con.execute(
                f"select count(*), cast(sum(hash(t)) as varchar) from marts.{mart} as t"
            ).fetchone()
            parts.append(f"{mart}={rows}:{digest}")
    return ";".join(parts)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _invoice_lines(path: Path, month: str = MONTH) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return sorted(
            con.execute(
                "select invoice_id, invoice_line_id, cost_center_code, allocation_method, "
                "amount_cents from marts.invoice_lines where billing_month = ?",
                [ledger.month_date(month)],
            ).fetchall()
        )


@pytest.fixture
def env(writable_warehouse: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(a copy of the session warehouse as FAIRSHARE_DUCKDB_PATH, an out/ folder)."""
    return writable_warehouse, tmp_path / "out"


def _build(month: str = MONTH, **options: object) -> None:
    pipeline.build(month, **options)  # type: ignore[arg-type]


def _publish(out: Path, month: str = MONTH):
    return pipeline.publish(month, out)


def _refused(step, code: int, *args: object) -> str:
    with pytest.raises(pipeline.StepError) as caught:
        step(*args)
    assert caught.value.code == code, str(caught.value)
    message = str(caught.value)
    assert "\n" not in message
    return message


def _export_invoice(path: Path, out: Path, invoice_id: str, **changes) -> Path:
    """The month's raw invoice as an invoice CSV (columns of docs/data-contract.md), changed."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select line_id, product_sku, product_name, description, date_start, date_end, "
            "quantity, unit_of_measure, amount, currency from genesys_raw.invoice_lines "
            "where invoice_id in (select invoice_id from genesys_raw.invoices where source = 'api')"
            " order by line_id"
        ).fetchall()
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(INVOICE_COLUMNS)
        for line_id, sku, name, description, start, end, quantity, unit, amount, currency in rows:
            if "month" in changes:
                start, end = changes["month"], changes["month"].replace(day=28)
            if changes.get("negate") == line_id:
                amount = -amount
            writer.writerow(
                [invoice_id, line_id, sku, name, description, start, end, quantity, unit,
                 f"{amount:.2f}", changes.get("currency", currency)]
            )  # fmt: skip
    return out


def _load_csv(path: Path, csv_file: Path, month: str = MONTH) -> None:
    run_extract(month, duckdb_path=path, include_api=False, invoice_csv=csv_file)


# --------------------------------------------------------------------------- killed extracts


def _tables_loaded_since(path: Path, since: datetime) -> tuple[set[str], set[str]]:
    """(raw tables with rows loaded at or after `since`, raw tables without)."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.columns where table_schema = "
                "'genesys_raw' and column_name = '_loaded_at'"
            ).fetchall()
        ]
        fresh = {
            table
            for table in tables
            if con.execute(
                f"select count(*) from genesys_raw.{table} where _loaded_at >= ?", [since]
            ).fetchone()[0]
        }
    return fresh, set(tables) - fresh


def test_killed_extract_is_refused_until_rerun_then_equals_a_clean_run(
    env: tuple[Path, Path], sandbox_dir: Path, warehouse: Path
) -> None:
    path, _ = env
    clean = _invoice_lines(warehouse)
    with (
        SandboxServer(sandbox_dir, port=0) as server,
        sandbox_environment(sandbox_dir, server.base_url),
    ):
        for point in ("before_load", "during_load", "after_load"):
            killed_at = datetime.now(UTC)
            killed = subprocess.run(
                [sys.executable, "-c", KILLED_EXTRACT, point, MONTH, str(path),
                 str(sandbox_dir / "voice_usage.csv")],
                cwd=REPO,
                capture_output=True,
                text=True,
            )  # fmt: skip
            assert killed.returncode == -signal.SIGKILL, (point, killed.stderr[-2000:])
            if point == "during_load":
                # the failure is real: some raw tables hold this load's rows, others do not
                fresh, stale = _tables_loaded_since(path, killed_at)
                assert fresh and "conversations" in stale | fresh and stale, (fresh, stale)
            message = _refused(_build, cli.EXIT_BUILD)
            assert "was interrupted" in message, (point, message)
            assert f"`fairshare extract --month {MONTH}`" in message, message
        run_extract(
            MONTH,
            duckdb_path=path,
            voice_usage_csv=sandbox_dir / "voice_usage.csv",
            requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE,
        )
    _build()
    assert _invoice_lines(path) == clean


# --------------------------------------------------------------------------- failed builds


def _project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("dbt_project.yml", "models", "macros", "seeds", "tests", "profiles"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name)
    return project


def test_build_failing_reconciliation_leaves_the_marts_and_publish_refuses(
    env: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rounding bug (one cent too many on one row) fails `dbt build` on the reconciliation
    tests: the published marts are byte for byte what they were, the month cannot be published."""
    path, out = env
    _publish(out)
    published, site = _published_state(path), _tree_digest(out / MONTH)
    project = _project_copy(tmp_path)
    model = project / "models/intermediate/allocation/int_invoice_line_allocations_rounded.sql"
    sql = model.read_text()
    assert "cast(allocated_cents as {{ dbt.type_bigint() }}) as allocated_cents" in sql
    model.write_text(  # only on the real invoice: the unit tests' fixtures stay right
        sql.replace(
            "cast(allocated_cents as {{ dbt.type_bigint() }}) as allocated_cents",
            "cast(allocated_cents + case when cost_center_code = 'SALES' and invoice_id like"
            " 'INV-2026-10-%' then 1 else 0 end as {{ dbt.type_bigint() }}) as allocated_cents",
        )
    )
    monkeypatch.setenv("FAIRSHARE_PROJECT_DIR", str(project))
    message = _refused(_build, cli.EXIT_BUILD)
    assert message.startswith("reconciliation failed: assert_"), message
    assert _published_state(path) == published
    message = _refused(_publish, cli.EXIT_PUBLISH, out)
    assert "the last build of 2026-10" in message and "failed" in message, message
    assert _tree_digest(out / MONTH) == site


def test_killed_publish_leaves_the_previous_publication(env: tuple[Path, Path]) -> None:
    path, out = env
    _publish(out)
    before = _tree_digest(out / MONTH)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_PUBLISH, MONTH, str(out), str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert _tree_digest(out / MONTH) == before
    assert list(out.glob(f".staging-{MONTH}-*")), "the killed publish wrote aside"
    _publish(out)  # the next publish cleans up what the killed one left
    assert not list(out.glob(f".staging-{MONTH}-*"))
    assert _tree_digest(out / MONTH) == before


def test_a_second_run_is_refused_at_once_and_runs_read_their_own_results(
    env: tuple[Path, Path],
) -> None:
    from fairshare.dbt_runner import lock_path, run_dbt

    with warehouse_lock(lock_path(), "build 2026-10 (the first run)"):
        other = subprocess.run(
            [sys.executable, "-m", "fairshare.cli", "build", "--month", MONTH],
            cwd=REPO,
            capture_output=True,
            text=True,
            env=os.environ,
            timeout=120,
        )
    assert other.returncode == cli.EXIT_BUSY, other.stderr[-2000:]
    assert "the warehouse is busy" in other.stderr and "the first run" in other.stderr
    first = run_dbt(["ls", "--select", "invoice_lines"], month=MONTH)
    second = run_dbt(["ls", "--select", "dim_cost_centers"], month=MONTH)
    assert first.target_path != second.target_path


# --------------------------------------------------------------------------- bad business input


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("last_months_invoice", "bills 2026-09, not 2026-10"),
        ("invoice_twice", "2 vendor invoices bill 2026-10"),
        ("negative_not_credit", "negative amount"),
        ("currency_without_rate", "is in EUR but the reporting currency is USD"),
        ("colliding_codes", "share the file name 'hr'"),
    ],
)
def test_bad_business_input_stops_the_run_and_changes_nothing(
    env: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    expected: str,
) -> None:
    path, out = env
    _publish(out)
    published, site = _published_state(path), _tree_digest(out / MONTH)
    csv_file = tmp_path / f"{case}.csv"
    if case == "last_months_invoice":
        import datetime

        _export_invoice(path, csv_file, "INV-2026-09-0001", month=datetime.date(2026, 9, 1))
        args = argparse.Namespace(**{
            "month": MONTH, "destination": "duckdb", "invoice_csv": str(csv_file),
            "voice_usage_csv": None, "as_of": None, "directory_only": False, "lookback_days": 3,
            "days_per_job": 1, "requests_per_minute": 6000, "retry_budget": 10,
        })  # fmt: skip
        message = _refused(cli.step_extract, cli.EXIT_BUILD, args)
        assert "last_months_invoice.csv" in message
    else:
        if case == "invoice_twice":
            _load_csv(path, _export_invoice(path, csv_file, "INV-DUPLICATE"))
        elif case == "negative_not_credit":
            _load_csv(path, _export_invoice(path, csv_file, "INV-2026-10-0001", negate="L001"))
        elif case == "currency_without_rate":
            _load_csv(path, _export_invoice(path, csv_file, "INV-2026-10-0001", currency="EUR"))
        elif case == "colliding_codes":
            project = _project_copy(tmp_path)
            seed = project / "seeds" / "cost_centers.csv"
            lines = seed.read_text().splitlines()
            hr = next(line for line in lines if line.startswith("HR,"))
            seed.write_text("\n".join([*lines, hr.replace("HR,", "HR!,", 1)]) + "\n")
            monkeypatch.setenv("FAIRSHARE_PROJECT_DIR", str(project))
        message = _refused(_build, cli.EXIT_BUILD)
        if case != "colliding_codes":
            assert f"{case}.csv line" in message, message  # names the file and the row
        else:
            assert "seeds/cost_centers.csv lines" in message, message
    assert expected in message, message
    assert _published_state(path) == published
    assert _tree_digest(out / MONTH) == site
    if case not in ("last_months_invoice", "colliding_codes"):
        # dbt ran and failed: its failed build is the month's last; the two others stop before
        # anything runs and the last passing build stays publishable as it was
        _refused(_publish, cli.EXIT_PUBLISH, out)


# --------------------------------------------------------------------------- month close


def _credit_note(out: Path) -> Path:
    """A credit note for October that arrives after October was closed: one credit line."""
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(INVOICE_COLUMNS)
        writer.writerow(
            ["CN-2026-10-0001", "L001", "GC-CREDIT", "Service credit", "Goodwill credit",
             "2026-10-01", "2026-10-31", "1", "credit", "-100.00", "USD"]
        )  # fmt: skip
    return out


def _posted(path: Path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return sorted(
            con.execute(
                "select invoice_id, invoice_line_id, cost_center_code, allocation_method, "
                "amount_cents, explanation, close_revision from fairshare_ops.posted_invoice_lines"
            ).fetchall()
        )


def _audit_lines(path: Path, month: str) -> dict[tuple[str, str, str], int]:
    """The latest rebuild of `month` (the audit schema keeps it even for a closed month)."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "select invoice_id, invoice_line_id, cost_center_code, sum(amount_cents) "
            "from marts_audit.invoice_lines where billing_month = ? and adjusted_month is null "
            "group by all",
            [ledger.month_date(month)],
        ).fetchall()
    return {(r[0], r[1], r[2]): int(r[3]) for r in rows}


def test_closed_month_never_changes_and_the_next_month_carries_the_adjustments(
    env: tuple[Path, Path], tmp_path: Path
) -> None:
    path, out = env
    october, november = MONTH, "2026-11"
    with duckdb.connect(str(path)) as con:  # other tests may have published the shared month
        con.execute("delete from fairshare_ops.publications")
    message = _refused(cli.cmd_close, cli.EXIT_CLOSE, argparse.Namespace(month=october, out=out))
    assert "publish 2026-10 before closing it" in message
    _publish(out)
    invoice_files = _tree_digest(out / october / "invoices")
    assert cli.cmd_close(argparse.Namespace(month=october, out=str(out))) == cli.EXIT_OK
    posted = _posted(path)
    october_published = _invoice_lines(path, october)
    assert len(posted) == len(october_published)
    message = _refused(cli.cmd_close, cli.EXIT_CLOSE, argparse.Namespace(month=october, out=out))
    assert "was closed on" in message

    # November's load (it carries calls that started on 31 October) and a late credit note
    data_dir = tmp_path / november
    from fairshare.sandbox.generator import generate

    generate(data_dir, month=november, conversations=500, seed=11)
    conftest.extract_month(data_dir, path, month=november)
    _load_csv(path, _credit_note(tmp_path / "credit-note.csv"), month=october)

    _build()  # October again: passes, but a closed month is not promoted
    assert _invoice_lines(path, october) == october_published, "the posted month never changes"
    assert _posted(path) == posted
    rebuilt = _audit_lines(path, october)
    posted_cents = {}
    for key, cents in ((row[:3], row[4]) for row in posted):
        posted_cents[key] = posted_cents.get(key, 0) + cents
    assert sum(rebuilt.values()) - sum(posted_cents.values()) != 0, "the rebuild found changes"
    # re-publishing the closed month gives the same numbers (revision) and the same invoices
    again = _publish(out)
    assert again.revision == 1
    assert _tree_digest(out / october / "invoices") == invoice_files

    _build(month=november)
    with duckdb.connect(str(path), read_only=True) as con:
        adjustments = con.execute(
            "select invoice_id, invoice_line_id, cost_center_code, amount_cents, explanation "
            "from marts.invoice_lines where billing_month = date '2026-11-01' "
            "and allocation_method = 'adjustment'"
        ).fetchall()
        november_own = con.execute(
            "select sum(amount_cents) from marts.invoice_lines where billing_month = "
            "date '2026-11-01' and allocation_method <> 'adjustment'"
        ).fetchone()[0]
        november_invoice = con.execute(
            "select sum(amount_cents) from marts.fct_vendor_invoice_lines "
            "where billing_month = date '2026-11-01'"
        ).fetchone()[0]
    assert adjustments, "November carries October's adjustments"
    assert all(row[4].startswith("Adjustment for 2026-10 (closed on") for row in adjustments)
    carried: dict[tuple[str, str, str], int] = {}
    for invoice_id, line_id, code, cents, _ in adjustments:
        carried[(invoice_id, line_id, code)] = cents
    # posted October + November's adjustments for October = October rebuilt, per line and cost
    # center, to the cent (the credit note's line included)
    for key in set(rebuilt) | set(posted_cents) | set(carried):
        assert posted_cents.get(key, 0) + carried.get(key, 0) == rebuilt.get(key, 0), key
    assert ("CN-2026-10-0001", "L001") in {key[:2] for key in carried}
    assert november_own == november_invoice, "November's own lines reconcile to its invoice"

    result = _publish(out, november)
    assert result.reconciled
    assert result.adjustments_total * 100 == sum(carried.values())
    assert result.allocated_total == result.vendor_total + result.adjustments_total
    assert result.revision == 1
    # a rerun with different amounts takes a new revision number (never reuses one)
    _build(month=november, orphan_policy="redistribute")
    assert _publish(out, november).revision == 2
    _build(month=november)
    assert _publish(out, november).revision == 1, "the same amounts as revision 1"


# --------------------------------------------------------------------------- provisional months


def test_a_month_extracted_before_its_data_is_final_is_provisional_end_to_end(
    env: tuple[Path, Path], sandbox_dir: Path
) -> None:
    """Extracted when Genesys's watermark is only 12 h past the month's end (inside the 48 h
    reprocessing margin): the build, the publication (summary, site, invoices) say provisional
    and the month cannot be closed; extracted again once the watermark passed, it is final."""
    path, out = env
    voice = sandbox_dir / "voice_usage.csv"
    with (
        SandboxServer(
            sandbox_dir, port=0, watermark=datetime(2026, 11, 1, 12, tzinfo=UTC)
        ) as server,
        sandbox_environment(sandbox_dir, server.base_url),
    ):
        early = run_extract(MONTH, duckdb_path=path, voice_usage_csv=voice,
                            requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE)  # fmt: skip
        assert not early.month_final
        _build()
        result = _publish(out)
        assert result.provisional
        summary = (out / MONTH / "summary.json").read_text()
        assert '"provisional": true' in summary
        assert "Provisional figures." in (out / MONTH / "showback" / "index.html").read_text()
        invoice = next((out / MONTH / "invoices").glob("FS-*-SALES-R*.html"))
        assert "Provisional" in invoice.read_text()
        message = _refused(cli.cmd_close, cli.EXIT_CLOSE, argparse.Namespace(month=MONTH, out=out))
        assert "2026-10 is provisional" in message

        server.set_watermark(datetime(2026, 11, 4, tzinfo=UTC))
        late = run_extract(MONTH, duckdb_path=path, voice_usage_csv=voice,
                           requests_per_minute=SANDBOX_REQUESTS_PER_MINUTE)  # fmt: skip
        assert late.month_final
    _build()
    result = _publish(out)
    assert not result.provisional
    assert '"provisional": false' in (out / MONTH / "summary.json").read_text()
    assert "Provisional figures." not in (out / MONTH / "showback" / "index.html").read_text()
    assert cli.cmd_close(argparse.Namespace(month=MONTH, out=str(out))) == cli.EXIT_OK

"""End to end: the sandbox API (in-process, loopback) -> `run_extract` -> DuckDB raw tables."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest

from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.arrow_tables import json_number
from ingestion.genesys.errors import (
    ConfigurationError,
    CredentialsError,
    CsvValidationError,
    PermissionDeniedError,
    RetryBudgetExhaustedError,
)
from ingestion.genesys.pipeline import ExtractResult, run_extract
from ingestion.genesys.privacy import parse_number
from ingestion.genesys.schema import TABLES

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("ingestion_pipeline")

MONTH = "2026-10"
RAW = "genesys_raw"
MONTH_START, MONTH_END = "2026-10-01T00:00:00", "2026-11-01T00:00:00"
# expected.json count key per raw table
EXPECTED_KEYS = {
    "conversations": "conversations",
    "conversation_participants": "participants",
    "conversation_sessions": "sessions",
    "conversation_segments": "segments",
    "users": "users",
    "queues": "queues",
    "dids": "dids",
    "invoice_lines": "invoice_lines",
    "voice_usage": "voice_usage_rows",
    "divisions": "divisions",
    "did_pools": "did_pools",
    "user_custom_attributes": "customattributes",
    "license_definitions": "license_definitions",
    "license_users": "license_user_rows",
}
VOLATILE = {"_loaded_at", "_dlt_valid_from", "_dlt_valid_to"}


# ------------------------------------------------------------------------------------ helpers


def _meta(data_dir: Path) -> dict[str, Any]:
    return json.loads((data_dir / "sandbox.json").read_text())


@contextmanager
def _environment(server: SandboxServer, **overrides: str) -> Iterator[None]:
    meta = _meta(server.data_dir)
    values = {
        "GENESYS_CLIENT_ID": server.client_id,
        "GENESYS_CLIENT_SECRET": server.client_secret,
        "GENESYS_API_BASE": server.base_url,
        "FAIRSHARE_PII_KEY": meta["piiKey"],
        **overrides,
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("GENESYS_REGION", raising=False)
        for key, value in values.items():
            if value == "":
                mp.delenv(key, raising=False)
            else:
                mp.setenv(key, value)
        yield


def _extract(server: SandboxServer, db: Path, **kwargs: Any) -> ExtractResult:
    env = kwargs.pop("env", {})
    kwargs.setdefault("requests_per_minute", 100_000)
    kwargs.setdefault("pipelines_dir", db.parent / f"{db.stem}-pipelines")
    with _environment(server, **env):
        return run_extract(MONTH, duckdb_path=db, **kwargs)


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from {RAW}.{t}").fetchone()[0]  # type: ignore[index]
            for t in TABLES
        }


def _snapshot(db: Path, volatile: bool = False) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent content hash of every contract table, without load
    timestamps unless `volatile`."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns"
                    " where table_schema = ? and table_name = ? order by ordinal_position",
                    [RAW, table],
                ).fetchall()
                if volatile or r[0] not in VOLATILE
            ]
            row = con.execute(
                f"select count(*), coalesce(sum(hash({', '.join(columns)})::hugeint), 0)"
                f" from {RAW}.{table}"
            ).fetchone()
            assert row is not None
            out[table] = (int(row[0]), int(row[1]))
    return out


def _overlapping(items: list[dict[str, Any]]) -> int:
    """Intervals the sandbox serves for the month: those overlapping [month start, month end)."""
    n = 0
    for item in items:
        start, end = item["startTime"][:19], (item.get("endTime") or "9999")[:19]
        if start < MONTH_END and (end > MONTH_START or start >= MONTH_START):
            n += 1
    return n


def _expected_counts(data_dir: Path) -> dict[str, int]:
    counts = json.loads((data_dir / "expected.json").read_text())["counts"]
    expected = {table: counts[key] for table, key in EXPECTED_KEYS.items()}
    details = [orjson.loads(line) for line in (data_dir / "user_details.jsonl").open("rb")]
    expected["user_presence"] = sum(_overlapping(d.get("primaryPresence") or []) for d in details)
    expected["user_routing_status"] = sum(
        _overlapping(d.get("routingStatus") or []) for d in details
    )
    usage = [orjson.loads(line) for line in (data_dir / "api_usage.jsonl").open("rb")]
    expected["api_usage"] = sum(
        1 for u in usage if MONTH_START[:10] <= u["date"][:10] < MONTH_END[:10]
    )
    # every client of the org's list (GET /api/v2/oauth/clients), the loader's own included
    expected["oauth_clients"] = len(json.loads((data_dir / "oauth_clients.json").read_text()))
    ivrs = json.loads((data_dir / "ivrs.json").read_text())
    expected["ivrs"] = len(ivrs)
    expected["ivr_dnis"] = sum(len(i["dnis"]) for i in ivrs)
    # participant data: only the allow-listed attribute (Cost_Center) lands
    attributes: dict[str, int] = {}
    for path in (data_dir / "conversations").glob("*.jsonl"):
        for line in path.open("rb"):
            conversation = orjson.loads(line)
            attributes[conversation["conversationId"]] = sum(
                1
                for p in conversation["participants"]
                if "Cost_Center" in (p.get("attributes") or {})
            )
    expected["conversation_participant_attributes"] = sum(attributes.values())
    return expected


def _customer_values(data_dir: Path) -> tuple[set[str], set[str]]:
    """Customer numbers (E.164 digits) and customer names found in the dataset files."""
    org = {d["phoneNumber"] for d in json.loads((data_dir / "dids.json").read_text())}
    numbers: set[str] = set()
    names: set[str] = set()
    for path in (data_dir / "conversations").glob("*.jsonl"):
        for line in path.open("rb"):
            conversation = orjson.loads(line)
            for participant in conversation["participants"]:
                if participant.get("purpose") in ("customer", "external"):
                    if participant.get("participantName"):
                        names.add(participant["participantName"])
                for session in participant.get("sessions") or ():
                    for key in ("ani", "dnis"):
                        value = session.get(key)
                        e164 = parse_number(value).e164 if value else None
                        if e164 and e164 not in org:
                            numbers.add(e164[1:])
    # a customer may share an employee's name: the employee's name is not personal data here
    employees = {u["name"] for u in json.loads((data_dir / "users.json").read_text())}
    return numbers, names - employees


# ----------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def module_server(sandbox_dir: Path) -> Iterator[SandboxServer]:
    with SandboxServer(sandbox_dir, port=0) as server:
        yield server


@pytest.fixture(scope="module")
def clean(
    module_server: SandboxServer, sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ExtractResult]:
    """One clean extract of the sandbox month (API invoices + the voice usage file)."""
    db = tmp_path_factory.mktemp("clean") / "raw.duckdb"
    progress: dict[str, int] = {}

    def report(label: str, rows: int) -> None:
        progress[label] = progress.get(label, 0) + rows

    result = _extract(
        module_server, db, voice_usage_csv=sandbox_dir / "voice_usage.csv", progress=report
    )
    assert progress["conversations"] == result.rows["conversations"]
    assert progress["voice_usage"] == result.rows["voice_usage"]
    return db, result


@pytest.fixture
def clean_copy(clean: tuple[Path, ExtractResult], tmp_path: Path) -> Path:
    """A private copy of the clean warehouse (with the pipeline state kept in it)."""
    db = tmp_path / "copy.duckdb"
    shutil.copy(clean[0], db)
    return db


# -------------------------------------------------------------------------------------- tests


def test_full_month_lands_the_dataset_row_counts(
    clean: tuple[Path, ExtractResult], sandbox_dir: Path
) -> None:
    db, result = clean
    counts = _counts(db)
    expected = _expected_counts(sandbox_dir)
    assert {t: counts[t] for t in expected} == expected
    assert set(counts) == set(TABLES)  # every contract table exists
    assert counts["invoices"] >= 1 and counts["billable_usage"] >= 1
    assert counts["billing_period_charges"] >= 1
    assert result.rows["conversations"] == expected["conversations"]
    assert result.total_rows == sum(result.rows.values()) > 0
    assert result.rows_per_second > 0


def test_columns_and_types_follow_the_contract(clean: tuple[Path, ExtractResult]) -> None:
    db, _ = clean
    with duckdb.connect(str(db), read_only=True) as con:
        for name, table in TABLES.items():
            found = dict(
                con.execute(
                    "select column_name, data_type from information_schema.columns"
                    " where table_schema = ? and table_name = ?",
                    [RAW, name],
                ).fetchall()
            )
            extra = (
                {"_dlt_id", "_dlt_valid_from", "_dlt_valid_to"}
                if table.write_disposition == "scd2"
                else set()
            )
            assert set(found) == set(table.column_names) | extra, name
            for column in table.columns:
                if column.type in ("money", "quantity", "rate"):
                    assert found[column.name] == "DECIMAL(38,18)"  # the vendor's precision
                elif column.type == "timestamp":
                    assert found[column.name] == "TIMESTAMP WITH TIME ZONE"
        in_progress = con.execute(
            f"select count(*) from {RAW}.conversations where is_in_progress"
        ).fetchone()[0]  # type: ignore[index]
        assert in_progress >= 1


def test_invoice_amounts_are_exact(clean: tuple[Path, ExtractResult], sandbox_dir: Path) -> None:
    db, _ = clean
    expected: dict[tuple[str, str], Decimal] = {}
    for path in (sandbox_dir / "billing" / "invoice_lines").glob("*.json"):
        # the JSON number's text as a decimal: one line carries a float artefact on the wire
        # (e.g. 97.46000000000001), which lands as the cents it stands for
        for line in json.loads(path.read_text(), parse_float=Decimal):
            amount = line["amount"]
            expected[(path.stem, line["id"])] = Decimal(amount).quantize(Decimal("0.01"))
            assert json_number(Decimal(amount), 18) == expected[(path.stem, line["id"])]
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            f"select invoice_id, line_id, amount from {RAW}.invoice_lines"
        ).fetchall()
    assert {(i, line): amount for i, line, amount in rows} == expected
    assert all(isinstance(amount, Decimal) for _, _, amount in rows)


def test_no_customer_number_or_name_in_clear(
    clean: tuple[Path, ExtractResult], sandbox_dir: Path
) -> None:
    db, _ = clean
    numbers, names = _customer_values(sandbox_dir)
    assert len(numbers) > 100 and len(names) > 10
    pattern = "|".join(re.escape(v) for v in sorted(numbers | names))
    with duckdb.connect(str(db), read_only=True) as con:
        text_columns = con.execute(
            "select table_name, column_name from information_schema.columns"
            " where table_schema = ? and data_type = 'VARCHAR'",
            [RAW],
        ).fetchall()
        assert len(text_columns) > 50
        for table, column in text_columns:
            leaks = con.execute(
                f"select distinct {column} from {RAW}.{table}"
                f" where regexp_matches({column}, ?) limit 3",
                [pattern],
            ).fetchall()
            assert not leaks, f"{table}.{column} holds customer data in clear: {leaks}"
        hashed = con.execute(
            f"select count(*) from {RAW}.conversation_sessions where ani_hash is not null"
        ).fetchone()[0]  # type: ignore[index]
        assert hashed > 0


def test_faults_and_a_short_token_ttl_give_the_same_rows(
    clean: tuple[Path, ExtractResult], sandbox_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "faulty.duckdb"
    with SandboxServer(sandbox_dir, port=0, fault_rate=0.1, token_ttl=2, seed=3) as server:
        _extract(server, db, voice_usage_csv=sandbox_dir / "voice_usage.csv")
        assert server.request_count > 0
    assert _snapshot(db) == _snapshot(clean[0])


def test_rerun_is_idempotent_and_loads_nothing_new(
    module_server: SandboxServer, clean_copy: Path, sandbox_dir: Path
) -> None:
    before = _snapshot(clean_copy)
    scd2_before = _counts(clean_copy)
    result = _extract(module_server, clean_copy, voice_usage_csv=sandbox_dir / "voice_usage.csv")
    assert _snapshot(clean_copy) == before
    assert _counts(clean_copy) == scd2_before  # no new scd2 versions, no duplicates
    # incremental: only the lookback tail of conversations is read again
    assert 0 < result.rows["conversations"] < before["conversations"][0]


def test_late_update_replaces_the_earlier_version(sandbox_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(sandbox_dir, data)
    expected = json.loads((data / "expected.json").read_text())
    target = expected["boundary"]["inProgress"][0]
    db = tmp_path / "late.duckdb"
    with SandboxServer(data, port=0) as server:
        _extract(server, db)
    counts = _counts(db)

    # the conversation ends later: rewrite its line with an end and closed segments
    ended = "2026-10-31T23:59:30.000Z"
    for path in (data / "conversations").glob("*.jsonl"):
        lines = path.read_bytes().splitlines()
        for i, line in enumerate(lines):
            if target.encode() in line:
                conversation = orjson.loads(line)
                if conversation["conversationId"] != target:
                    continue
                assert "conversationEnd" not in conversation
                conversation["conversationEnd"] = max(ended, conversation["conversationStart"])
                for participant in conversation["participants"]:
                    for session in participant.get("sessions") or ():
                        for segment in session.get("segments") or ():
                            segment.setdefault("segmentEnd", conversation["conversationEnd"])
                lines[i] = orjson.dumps(conversation)
                path.write_bytes(b"\n".join(lines) + b"\n")
    with SandboxServer(data, port=0) as server:
        _extract(server, db)
    assert _counts(db) == counts  # replaced, not duplicated
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            f"select is_in_progress, conversation_end from {RAW}.conversations"
            " where conversation_id = ?",
            [target],
        ).fetchone()
        open_segments = con.execute(
            f"select count(*) from {RAW}.conversation_segments"
            " where conversation_id = ? and segment_end is null",
            [target],
        ).fetchone()[0]  # type: ignore[index]
    assert row is not None and row[0] is False
    assert row[1] is not None
    assert open_segments == 0


def test_malformed_invoice_csv_loads_nothing(
    module_server: SandboxServer, clean_copy: Path, sandbox_dir: Path, tmp_path: Path
) -> None:
    before = _snapshot(clean_copy, volatile=True)
    lines = (sandbox_dir / "billing" / "invoice_lines.csv").read_text().splitlines()
    fields = lines[3].split(",")
    amount = lines[0].split(",").index("amount")
    fields[amount] = "12.5x"  # not a number
    lines[3] = ",".join(fields)
    bad = tmp_path / "invoice_lines.csv"
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(CsvValidationError) as caught:
        _extract(module_server, clean_copy, invoice_csv=bad)
    message = str(caught.value)
    assert "\n" not in message
    assert "invoice_lines.csv, line 4, column amount" in message
    assert _snapshot(clean_copy, volatile=True) == before


def test_wrong_credentials_fail_with_what_to_fix(
    module_server: SandboxServer, clean_copy: Path
) -> None:
    before = _snapshot(clean_copy, volatile=True)
    with pytest.raises(CredentialsError) as caught:
        _extract(module_server, clean_copy, env={"GENESYS_CLIENT_SECRET": "wrong"})
    message = str(caught.value)
    assert "\n" not in message
    assert "(401)" in message and "GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET" in message
    assert _snapshot(clean_copy, volatile=True) == before


def test_exhausted_retry_budget_fails_cleanly(sandbox_dir: Path, clean_copy: Path) -> None:
    before = _snapshot(clean_copy, volatile=True)
    with SandboxServer(sandbox_dir, port=0, fault_rate=1.0, fault_kinds=("503",)) as server:
        with pytest.raises(RetryBudgetExhaustedError) as caught:
            _extract(server, clean_copy, retry_budget=3)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("retry budget exhausted after 3 retries")
    assert "--retry-budget" in message
    assert _snapshot(clean_copy, volatile=True) == before


def test_403_names_the_missing_permission(sandbox_dir: Path, tmp_path: Path) -> None:
    with SandboxServer(
        sandbox_dir, port=0, forbidden_paths=["/api/v2/analytics/conversations"]
    ) as server:
        with pytest.raises(PermissionDeniedError) as caught:
            _extract(server, tmp_path / "denied.duckdb")
    message = str(caught.value)
    assert "\n" not in message
    assert "analytics:conversationDetail:view" in message
    assert "/api/v2/analytics/conversations/details/jobs" in message


def test_missing_pii_key_is_a_configuration_error(
    module_server: SandboxServer, tmp_path: Path
) -> None:
    with pytest.raises(ConfigurationError, match="FAIRSHARE_PII_KEY"):
        _extract(module_server, tmp_path / "nokey.duckdb", env={"FAIRSHARE_PII_KEY": ""})
    # a directory-only snapshot lands no conversations and needs no key
    result = _extract(
        module_server, tmp_path / "nokey.duckdb", directory_only=True, env={"FAIRSHARE_PII_KEY": ""}
    )
    assert result.rows.get("users", 0) > 0
    assert result.rows.get("conversations", 0) == 0


def test_daily_directory_snapshots_keep_history(sandbox_dir: Path, tmp_path: Path) -> None:
    snapshots = [
        datetime.fromisoformat(s.replace("Z", "+00:00"))
        for s in _meta(sandbox_dir)["directorySnapshots"]
    ]
    changes = [orjson.loads(line) for line in (sandbox_dir / "directory_changes.jsonl").open("rb")]
    queue_change = next(c for c in changes if c["resource"] == "queues")
    db = tmp_path / "history.duckdb"
    with SandboxServer(sandbox_dir, port=0) as server:
        for at in snapshots:
            server.set_clock(at)
            _extract(server, db, directory_only=True, as_of=at)
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute(
            f"select name, _dlt_valid_from, _dlt_valid_to from {RAW}.queues"
            " where queue_id = ? order by _dlt_valid_from",
            [queue_change["object"]["id"]],
        ).fetchall()
        current = con.execute(
            f"select count(*), count(distinct user_id) from {RAW}.users where _dlt_valid_to is null"
        ).fetchone()
    effective = datetime.fromisoformat(queue_change["effectiveAt"].replace("Z", "+00:00"))
    boundary = min(s for s in snapshots if s >= effective)
    assert len(versions) == 2
    assert versions[1][0] == queue_change["object"]["name"]
    assert versions[0][2] == versions[1][1] == boundary
    assert versions[1][2] is None
    assert current is not None and current[0] == current[1]
    assert snapshots[0] == datetime(2026, 10, 1, tzinfo=UTC)


def test_invoice_csv_replaces_the_api_lines_of_its_invoice(
    module_server: SandboxServer, clean_copy: Path, sandbox_dir: Path
) -> None:
    csv_path = sandbox_dir / "billing" / "invoice_lines.csv"
    csv_lines = csv_path.read_text().splitlines()[1:]
    before = _counts(clean_copy)
    result = _extract(module_server, clean_copy, include_api=False, invoice_csv=csv_path)
    assert result.rows == {"invoices": 1, "invoice_lines": len(csv_lines)}
    with duckdb.connect(str(clean_copy), read_only=True) as con:
        sources = con.execute(
            f"select split_part(source, ' line ', 1), count(*) from {RAW}.invoice_lines group by 1"
        ).fetchall()
        header = con.execute(f"select source, amount from {RAW}.invoices").fetchall()
    assert sources == [(f"csv {csv_path.name}", len(csv_lines))]
    total = sum(Decimal(line.rsplit(",", 2)[1]) for line in csv_lines)
    assert header == [(f"csv {csv_path.name}", total)]
    after = _counts(clean_copy)
    assert {t: n for t, n in after.items() if t != "invoice_lines"} == {
        t: n for t, n in before.items() if t != "invoice_lines"
    }


def test_files_only_load_creates_every_contract_table(sandbox_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "files.duckdb"
    with _environment_without_api():
        result = run_extract(
            MONTH,
            duckdb_path=db,
            include_api=False,
            voice_usage_csv=sandbox_dir / "voice_usage.csv",
            pipelines_dir=tmp_path / "pipelines",
        )
    counts = _counts(db)  # every contract table exists, empty but for the file
    assert counts.pop("voice_usage") == result.rows["voice_usage"] > 0
    assert set(counts.values()) == {0}


@contextmanager
def _environment_without_api() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for key in ("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", "GENESYS_API_BASE"):
            mp.delenv(key, raising=False)
        yield


def test_defects_dataset_lands_without_duplicates(
    sandbox_defects_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "defects.duckdb"
    with SandboxServer(sandbox_defects_dir, port=0) as server:
        _extract(server, db)
    expected = json.loads((sandbox_defects_dir / "expected.json").read_text())
    counts = _counts(db)
    assert counts["conversations"] == expected["counts"]["conversations"]
    assert counts["conversation_segments"] == expected["counts"]["segments"]
    malformed = [d for d in expected["defects"] if d["kind"] == "malformed_phone"]
    assert malformed
    with duckdb.connect(str(db), read_only=True) as con:
        for defect in malformed:
            rows = con.execute(
                f"select distinct ani, ani_number_type, ani_hash is not null"
                f" from {RAW}.conversation_sessions"
                " where conversation_id = ? and ani_number_type is not null",
                [defect["conversationId"]],
            ).fetchall()
            assert rows == [(None, "invalid", True)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"month": "2026-13"}, "invalid month '2026-13': use YYYY-MM"),
        ({"destination": "postgres"}, "unknown destination 'postgres'"),
        ({"include_api": False}, "nothing to extract"),
        ({"days_per_job": 0}, "days per job >= 1"),
    ],
)
def test_invalid_arguments_fail_before_any_work(
    kwargs: dict[str, Any], message: str, tmp_path: Path
) -> None:
    month = kwargs.pop("month", MONTH)
    with pytest.raises(ConfigurationError, match=re.escape(message)):
        run_extract(month, duckdb_path=tmp_path / "x.duckdb", pipelines_dir=tmp_path, **kwargs)
    assert not (tmp_path / "x.duckdb").exists()

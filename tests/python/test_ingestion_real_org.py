"""What a real Genesys Cloud org does that the sandbox used to hide (issue 12, items 2-9).

Each test fails on the loader/sandbox before issue 12: money as JSON numbers with float
artefacts, preview billing APIs an org does not have, usage reports that name OAuth clients by id
only, IVR configurations named apart from their flows, personal data in participant attributes,
unbounded requests (repeating cursors, an hour-long Retry-After, a 1-second token).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fairshare.pipeline import sandbox_environment
from fairshare.sandbox.server import SandboxServer
from fairshare.sandbox.srv_http import Request, Response, json_response
from ingestion.genesys.arrow_tables import json_number
from ingestion.genesys.errors import GenesysApiError, RetryBudgetExhaustedError
from ingestion.genesys.pipeline import ExtractResult, run_extract

MONTH = "2026-10"
RAW = "genesys_raw"


@contextmanager
def _served(data_dir: Path, **kwargs: Any) -> Iterator[SandboxServer]:
    with (
        SandboxServer(data_dir, port=0, **kwargs) as server,
        sandbox_environment(data_dir, server.base_url),
    ):
        yield server


def _extract(db: Path, **kwargs: Any) -> ExtractResult:
    kwargs.setdefault("requests_per_minute", 100_000)
    return run_extract(
        MONTH, duckdb_path=db, pipelines_dir=db.parent / f"{db.stem}-pipelines", **kwargs
    )


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# ------------------------------------------------------------------ item 2: exact money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.30000000000000004", "0.3"),  # 0.1 + 0.2 in binary floats
        ("97.46000000000001", "97.46"),
        ("0.0045833333", "0.0045833333"),  # a 10-decimal rate: kept exactly
        ("0.004583333333333333", "0.00458333333333333"),  # 0.055 / 12 as a double
        ("54000.0", "54000.0"),
        ("-12.5", "-12.5"),
        ("1e-20", "0E-18"),  # below the contract's 18 places
        ("123456789012.345678", "123456789012.346"),  # 18 significant digits: a double's noise
    ],
)
def test_json_numbers_land_as_the_decimal_they_stand_for(text: str, expected: str) -> None:
    assert json_number(Decimal(text), 18) == Decimal(expected)
    assert str(json_number(Decimal(text), 18)) == expected
    assert json_number(float(text), 18) == Decimal(expected)


@pytest.fixture
def float_billing(sandbox_dir: Path, tmp_path: Path) -> Path:
    """The sandbox month with billing amounts as a sender's doubles: 0.1 + 0.2 on an invoice
    line (the header total adjusted to match) and a 10-decimal overage rate."""
    data = tmp_path / "2026-10"
    shutil.copytree(sandbox_dir, data)
    invoice_path = data / "billing" / "invoices.json"
    invoices = json.loads(invoice_path.read_text(), parse_float=Decimal)
    lines_path = data / "billing" / "invoice_lines" / f"{invoices[0]['id']}.json"
    lines = json.loads(lines_path.read_text(), parse_float=Decimal)
    credit = next(line for line in lines if line["product"]["sku"] == "GC-DID-RENTAL")
    delta = Decimal("0.3") - json_number(Decimal(str(credit["amount"])), 18)
    invoices[0]["amount"] = json_number(Decimal(str(invoices[0]["amount"])), 18) + delta
    text = lines_path.read_text()
    raw = json.loads(text)
    for line in raw:
        if line["product"]["sku"] == "GC-DID-RENTAL":
            line["amount"] = 0.1 + 0.2  # 0.30000000000000004 on the wire
    lines_path.write_text(json.dumps(raw))
    invoices[0]["amount"] = float(invoices[0]["amount"])
    invoice_path.write_text(json.dumps(invoices, default=float))
    (period_file,) = (data / "billing" / "billingperiods").glob("*.json")
    period = json.loads(period_file.read_text())
    period["charges"][0]["overageRate"] = 0.0045833333
    period_file.write_text(json.dumps(period))
    assert '"amount": 0.30000000000000004' in lines_path.read_text()
    return data


def test_float_amounts_and_ten_decimal_rates_load_exactly(
    float_billing: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    with _served(float_billing):
        _extract(db)
    ((amount,),) = _rows(
        db, f"select amount from {RAW}.invoice_lines where product_sku = 'GC-DID-RENTAL'"
    )
    assert amount == Decimal("0.3")
    ((total, lines),) = _rows(
        db,
        f"select (select amount from {RAW}.invoices), sum(amount) from {RAW}.invoice_lines",
    )
    assert total == lines  # the invoice still reconciles to the cent
    rates = {r for (r,) in _rows(db, f"select overage_rate from {RAW}.billing_period_charges")}
    assert Decimal("0.0045833333") in rates


# ------------------------------------------------------- item 3: billing is optional


def test_an_org_without_the_billing_apis_loads_with_the_invoice_csv(
    sandbox_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    with _served(sandbox_dir, missing_paths=["/api/v2/billing"]):
        result = _extract(db, invoice_csv=sandbox_dir / "billing" / "invoice_lines.csv")
    assert result.rows["invoice_lines"] > 0 and result.rows["conversations"] > 0
    assert any("billable usage report not loaded" in w and "404" in w for w in result.warnings)
    assert any("billing contracts not loaded" in w for w in result.warnings)
    assert _rows(
        db, f"select distinct split_part(source, ' line ', 1) from {RAW}.invoice_lines"
    ) == [("csv invoice_lines.csv",)]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"missing_paths": ["/api/v2/billing"]}, "404"),
        ({"forbidden_paths": ["/api/v2/billing"]}, "billing:subscription:view"),
    ],
)
def test_without_the_invoice_api_the_csv_is_required(
    sandbox_dir: Path, tmp_path: Path, kwargs: dict[str, Any], reason: str
) -> None:
    with _served(sandbox_dir, **kwargs), pytest.raises(GenesysApiError) as caught:
        _extract(tmp_path / "w.duckdb")
    message = str(caught.value)
    assert "--invoice-csv" in message and reason in message


# ------------------------------------------- items 5 and 6: names the directory gives


def test_usage_is_named_from_the_oauth_client_list_and_ivrs_are_loaded(
    sandbox_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    with _served(sandbox_dir):
        result = _extract(db)
    assert result.warnings == []
    clients = json.loads((sandbox_dir / "oauth_clients.json").read_text())
    names = {c["id"]: c["name"] for c in clients}
    usage = _rows(db, f"select distinct oauth_client_id, oauth_client_name from {RAW}.api_usage")
    assert usage and all(name == names[cid] for cid, name in usage)  # the job sends ids only
    assert dict(_rows(db, f"select oauth_client_id, name from {RAW}.oauth_clients")) == names
    ivrs = dict(_rows(db, f"select ivr_id, open_hours_flow_name from {RAW}.ivrs"))
    owners = _rows(
        db, f"select owner_id, owner_name from {RAW}.dids where owner_type = 'IVR_CONFIG'"
    )
    assert owners and all(owner in ivrs and ivrs[owner] != name for owner, name in owners)


def test_without_the_optional_directory_permissions_the_run_goes_on(
    sandbox_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    forbidden = ["/api/v2/oauth/clients", "/api/v2/architect/ivrs"]
    with _served(sandbox_dir, forbidden_paths=forbidden):
        result = _extract(db)
    warnings = " ".join(result.warnings)
    assert "oauth:client:view" in warnings and "routing:callRoute:view" in warnings
    assert result.rows["conversations"] > 0
    assert _rows(db, f"select count(*) from {RAW}.ivrs") == [(0,)]
    # the usage report's ids are kept (the seed can match them), without names
    assert (
        _rows(db, f"select count(*) from {RAW}.api_usage where oauth_client_name is null")[0][0]
        == result.rows["api_usage"]
    )


# ------------------------------------------------ item 7 and 9: configuration


def test_participant_attributes_and_the_cost_center_key_are_configuration(
    sandbox_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _served(sandbox_dir):
        default = tmp_path / "default.duckdb"
        default_result = _extract(default, directory_only=False)
        monkeypatch.setenv("FAIRSHARE_PARTICIPANT_ATTRIBUTES", "Cost_Center, Language")
        monkeypatch.setenv("FAIRSHARE_COST_CENTER_ATTRIBUTE", "Department_Code")
        configured = tmp_path / "configured.duckdb"
        _extract(configured)
    names = f"select distinct attribute_name from {RAW}.conversation_participant_attributes"
    assert default_result.dropped_attributes == ["Language"]  # reported, never landed
    assert _rows(default, names) == [("Cost_Center",)]
    assert sorted(_rows(configured, names)) == [("Cost_Center",), ("Language",)]
    tagged = f"select count(cost_center_id) from {RAW}.user_custom_attributes"
    assert _rows(default, tagged)[0][0] > 0
    assert _rows(configured, tagged) == [(0,)]  # the sandbox has no Department_Code


# ------------------------------------------------------------ item 8: bounded requests


def test_a_cursor_that_repeats_ends_the_run(sandbox_dir: Path, tmp_path: Path) -> None:
    with _served(sandbox_dir) as server:
        jobs = server._app.jobs
        pages = {"n": 0}

        def looping(request: Request) -> Response:
            pages["n"] += 1
            jobs._get("users", request.params["jobId"])
            return json_response(
                {
                    "userDetails": [],
                    "cursor": "same",
                    "dataAvailabilityDate": "2026-11-04T00:00:00Z",
                }
            )

        for i, (method, pattern, _handler) in enumerate(server._app.routes):
            if pattern.pattern.endswith("users/details/jobs/(?P<jobId>[^/]+)/results$"):
                server._app.routes[i] = (method, pattern, looping)
        with pytest.raises(GenesysApiError, match="cursor 'same' twice"):
            _extract(tmp_path / "w.duckdb")
    assert pages["n"] == 2


def test_an_hour_long_retry_after_ends_the_run_instead_of_blocking(
    sandbox_dir: Path, tmp_path: Path
) -> None:
    with (
        _served(sandbox_dir, fault_rate=1.0, fault_kinds=("429",), retry_after=3600),
        pytest.raises(RetryBudgetExhaustedError, match="wait 3600 s"),
    ):
        _extract(tmp_path / "w.duckdb")


def test_a_one_second_token_is_not_reported_as_bad_credentials(
    sandbox_dir: Path, tmp_path: Path
) -> None:
    with _served(sandbox_dir, token_ttl=1) as server:
        result = _extract(tmp_path / "w.duckdb")
    assert result.rows["users"] > 0 and result.rows["conversations"] > 0
    assert server.request_count > result.api_requests  # token requests on top of the API's


def test_configuration_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from ingestion.genesys.errors import ConfigurationError
    from ingestion.genesys.run_settings import list_setting, margin_setting

    name, env = "participant_attributes", "FAIRSHARE_PARTICIPANT_ATTRIBUTES"
    assert list_setting(None, name, env) is None  # the default (Cost_Center) applies
    assert list_setting(("A",), name, env) == ["A"]
    monkeypatch.setenv(env, " Cost_Center , Language ")
    assert list_setting(None, name, env) == ["Cost_Center", "Language"]
    monkeypatch.delenv(env)
    monkeypatch.setenv("SOURCES__GENESYS__PARTICIPANT_ATTRIBUTES", '["Cost_Center", "Hint"]')
    assert list_setting(None, name, env) == ["Cost_Center", "Hint"]
    monkeypatch.setenv("SOURCES__GENESYS__REPROCESSING_MARGIN_HOURS", "36")
    assert margin_setting() == timedelta(hours=36)
    monkeypatch.setenv("FAIRSHARE_REPROCESSING_MARGIN_HOURS", "two days")
    with pytest.raises(ConfigurationError, match="number of hours"):
        margin_setting()

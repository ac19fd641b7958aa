"""The loaders' Snowflake and BigQuery destinations resolve their configuration offline.

Credentials are given the documented way (docs/portability.md): dlt environment variables
`DESTINATION__SNOWFLAKE__CREDENTIALS...` and `DESTINATION__BIGQUERY__CREDENTIALS__...`. Each test
builds the pipeline as `run_extract(destination=...)` does (dataset `genesys_raw`) and asks dlt
for its destination client, which resolves and validates the configuration without connecting.
"""

from __future__ import annotations

import os
from pathlib import Path

import dlt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from dlt.common.configuration.exceptions import (
    ConfigFieldMissingException,
    ConfigurationValueError,
)
from dlt.common.destination.client import JobClientBase

from ingestion.genesys.pipeline import DESTINATIONS

DATASET = "genesys_raw"


@pytest.fixture(scope="module")
def private_key_pem() -> str:
    """A throwaway RSA key in PKCS#8 PEM, as a service account or Snowflake key pair holds."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No destination settings leak in from the developer's shell or dlt folders."""
    for name in list(os.environ):
        if name.startswith(("DESTINATION__", "CREDENTIALS__")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def _client(destination: str, tmp_path: Path) -> JobClientBase:
    pipeline = dlt.pipeline(
        pipeline_name=f"fairshare_{destination}_config_check",
        destination=destination,
        dataset_name=DATASET,
        pipelines_dir=str(tmp_path / "pipelines"),
    )
    # builds the job client from the resolved configuration; it connects only when entered
    return pipeline.destination_client()


def test_the_loader_offers_snowflake_and_bigquery() -> None:
    assert {"snowflake", "bigquery"} <= set(DESTINATIONS)


def test_snowflake_password_connection_string(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(
        "DESTINATION__SNOWFLAKE__CREDENTIALS",
        "snowflake://loader:s3cret@acme-xy12345/FAIRSHARE?warehouse=LOADING&role=LOADER",
    )
    config = _client("snowflake", tmp_path).config
    assert config.dataset_name == DATASET
    params = config.credentials.to_connector_params()
    assert params["account"] == "acme-xy12345"
    assert params["user"] == "loader"
    assert params["password"] == "s3cret"
    assert params["database"] == "FAIRSHARE"
    assert params["warehouse"] == "LOADING"
    assert params["role"] == "LOADER"
    assert params["timezone"] == "UTC"


def test_snowflake_key_pair_fields(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, private_key_pem: str
) -> None:
    fields = {
        "DATABASE": "FAIRSHARE",
        "USERNAME": "loader",
        "HOST": "acme-xy12345",
        "WAREHOUSE": "LOADING",
        "ROLE": "LOADER",
        "PRIVATE_KEY": private_key_pem,
    }
    for name, value in fields.items():
        monkeypatch.setenv(f"DESTINATION__SNOWFLAKE__CREDENTIALS__{name}", value)
    config = _client("snowflake", tmp_path).config
    params = config.credentials.to_connector_params()
    assert params["account"] == "acme-xy12345"
    assert params["user"] == "loader"
    assert params.get("password") is None
    key = serialization.load_der_private_key(params["private_key"], password=None)
    assert key.key_size == 2048, "dlt hands the connector the key decoded to DER"


def test_snowflake_without_password_or_key_is_rejected(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(
        "DESTINATION__SNOWFLAKE__CREDENTIALS",
        "snowflake://loader@acme-xy12345/FAIRSHARE?warehouse=LOADING",
    )
    with pytest.raises(ConfigurationValueError) as excinfo:
        _client("snowflake", tmp_path)
    assert "password" in str(excinfo.value)


def test_bigquery_service_account_fields(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, private_key_pem: str
) -> None:
    email = "fairshare-loader@acme-finops.iam.gserviceaccount.com"
    monkeypatch.setenv("DESTINATION__BIGQUERY__CREDENTIALS__PROJECT_ID", "acme-finops")
    monkeypatch.setenv("DESTINATION__BIGQUERY__CREDENTIALS__CLIENT_EMAIL", email)
    monkeypatch.setenv("DESTINATION__BIGQUERY__CREDENTIALS__PRIVATE_KEY", private_key_pem)
    monkeypatch.setenv("DESTINATION__BIGQUERY__LOCATION", "EU")
    config = _client("bigquery", tmp_path).config
    assert config.dataset_name == DATASET
    assert config.location == "EU"
    assert config.credentials.project_id == "acme-finops"
    native = config.credentials.to_native_credentials()
    assert native.service_account_email == email
    assert native.project_id == "acme-finops"


def test_bigquery_without_credentials_fails_naming_the_fields(tmp_path: Path) -> None:
    with pytest.raises(ConfigFieldMissingException) as excinfo:
        _client("bigquery", tmp_path)
    message = str(excinfo.value)
    assert "project_id" in message or "client_email" in message

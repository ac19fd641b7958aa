"""Every model and test compiles for BigQuery and uses only functions BigQuery has.

`dbt compile --no-populate-cache --target bigquery` runs offline; each compiled file is parsed
with sqlglot's BigQuery dialect. Functions sqlglot does not know come back as `exp.Anonymous`;
they fail the test unless they are real BigQuery functions on the short allow-list below.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from fairshare.dbt_runner import project_dir

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("portability_bigquery")

# Real BigQuery functions that sqlglot (30.x) parses as anonymous. Empty today: every function
# the compiled project uses is known to sqlglot. Add a name here only after checking it in
# BigQuery's function reference.
BIGQUERY_FUNCTIONS_SQLGLOT_DOES_NOT_KNOW: frozenset[str] = frozenset()


def _dummy_service_account(path: Path) -> Path:
    """A syntactically valid service-account key (random RSA key): lets the BigQuery adapter
    build its client offline. `--no-populate-cache` means it never connects."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    path.write_text(
        json.dumps(
            {
                "type": "service_account",
                "project_id": "fairshare-offline",
                "private_key_id": "offline",
                "private_key": pem,
                "client_email": "compile@fairshare-offline.iam.gserviceaccount.com",
                "client_id": "0",
                "token_uri": "https://oauth2.googleapis.com/token",
            }
        )
    )
    return path


@pytest.fixture(scope="module")
def compiled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bigquery-target")
    env = dict(os.environ)
    env["GOOGLE_APPLICATION_CREDENTIALS"] = str(
        _dummy_service_account(target.parent / "offline-sa.json")
    )
    env["DBT_PROFILES_DIR"] = str(project_dir() / "profiles")
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    dbt = Path(sys.executable).with_name("dbt")
    proc = subprocess.run(
        [
            str(dbt),
            "compile",
            "--no-populate-cache",
            "--target",
            "bigquery",
            "--target-path",
            str(target),
            # unit tests need column introspection of a live warehouse; everything else compiles
            "--exclude",
            "resource_type:unit_test",
        ],
        cwd=project_dir(),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    return target / "compiled" / "fairshare"


def _compiled_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.sql") if p.is_file())


def test_every_model_and_test_compiles_for_bigquery(compiled_dir: Path) -> None:
    files = _compiled_files(compiled_dir)
    models = [p for p in files if "/models/" in p.as_posix()]
    tests = [p for p in files if "/models/" not in p.as_posix() or "/tests/" in p.as_posix()]
    assert len(models) >= 20, f"expected the whole project to compile, got {len(models)} models"
    assert tests, "data tests compile too"


def test_compiled_sql_uses_only_bigquery_functions(compiled_dir: Path) -> None:
    problems: list[str] = []
    for path in _compiled_files(compiled_dir):
        sql = path.read_text()
        try:
            statements = sqlglot.parse(sql, read="bigquery")
        except sqlglot.errors.ParseError as exc:
            problems.append(f"{path.name}: does not parse as BigQuery SQL: {str(exc)[:200]}")
            continue
        for statement in statements:
            if statement is None:
                continue
            for node in statement.find_all(exp.Anonymous):
                name = str(node.name).upper()
                if name not in BIGQUERY_FUNCTIONS_SQLGLOT_DOES_NOT_KNOW:
                    problems.append(f"{path.relative_to(compiled_dir)}: unknown function {name}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_checker_catches_a_duckdb_only_function() -> None:
    """Guard against a checker that cannot fail: DuckDB's epoch_ms is not BigQuery."""
    statement = sqlglot.parse_one("select epoch_ms(ts) as ms from t", read="bigquery")
    names = {str(n.name).upper() for n in statement.find_all(exp.Anonymous)}
    assert "EPOCH_MS" in names

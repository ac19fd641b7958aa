"""The `keys_and_not_nulls` generic test (macros/tests/test_keys_and_not_nulls.sql) on DuckDB and
in its portable form, on a tiny dbt project with the real macros/ (symlinked).

Each toy model is one case: a clean composite key, a repeated composite key, a composite key
repeated through nulls (grouped, like unique_combination_of_columns), a single key repeated only
through nulls (ignored, like `unique`), a repeated single key, a null in a required column, and
required columns without keys. Every model carries the test twice: the dispatched test (DuckDB's
hash pre-check) and `portable_keys`, the default__ query. Both must pass and fail on the same
models, and report the same failing rows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tiny_dbt_project import PROFILES_YML, tiny_project_env

from fairshare.dbt_runner import project_dir

PROJECT_YML = """\
name: fairshare
version: "0.1.0"
config-version: 2
profile: fairshare
model-paths: ["models"]
macro-paths: ["macros", "test_macros"]
"""

# the portable query (Snowflake, BigQuery) as a test of its own, to compare on the same data
PORTABLE_TEST = """\
{% test portable_keys(model, keys=[], not_null=[]) %}
{{ fairshare.default__keys_and_not_nulls_sql(model, keys, not_null) }}
{% endtest %}
"""

# model name -> (rows as SQL, keys, not_null, failing rows expected)
CASES: dict[str, tuple[str, list[str], list[str], int]] = {
    "clean_composite": (
        "select * from (values (1, 'a', 'x'), (1, 'b', 'x'), (2, 'a', 'x')) as t(k1, k2, v)",
        ["k1", "k2"],
        ["k1", "k2", "v"],
        0,
    ),
    "repeated_composite": (
        "select * from (values (1, 'a', 'x'), (1, 'a', 'y'), (2, 'a', 'x'), (3, 'c', 'z'),"
        " (3, 'c', 'z')) as t(k1, k2, v)",
        ["k1", "k2"],
        ["k1", "k2"],
        2,
    ),
    "composite_repeated_through_nulls": (
        "select * from (values (1, null, 'x'), (1, null, 'y'), (2, 'a', 'x')) as t(k1, k2, v)",
        ["k1", "k2"],
        [],
        1,
    ),
    "single_key_nulls_only": (
        "select * from (values (null, 'x'), (null, 'y'), (1, 'x'), (2, 'y')) as t(k1, v)",
        ["k1"],
        [],
        0,
    ),
    "single_key_repeated": (
        "select * from (values (null, 'x'), (1, 'x'), (1, 'y'), (2, 'y')) as t(k1, v)",
        ["k1"],
        ["v"],
        1,
    ),
    "null_in_required_column": (
        "select * from (values (1, 'x'), (2, null), (3, 'z')) as t(k1, v)",
        ["k1"],
        ["v"],
        1,
    ),
    "required_only_clean": (
        "select * from (values (1, 'x'), (1, 'y')) as t(k1, v)",
        [],
        ["k1", "v"],
        0,
    ),
    "required_only_null": (
        "select * from (values (1, 'x'), (1, null), (null, 'y')) as t(k1, v)",
        [],
        ["k1", "v"],
        1,  # one row counting the two rows with a null
    ),
}


@pytest.fixture(scope="module")
def key_tests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, tuple[str, int]]]:
    """Builds the tiny project once: {model: {test name: (status, failures)}}."""
    project = tmp_path_factory.mktemp("key_tests") / "project"
    (project / "models").mkdir(parents=True)
    (project / "test_macros").mkdir()
    (project / "dbt_project.yml").write_text(PROJECT_YML)
    (project / "profiles.yml").write_text(PROFILES_YML)
    (project / "macros").symlink_to(project_dir() / "macros", target_is_directory=True)
    (project / "test_macros" / "portable_keys.sql").write_text(PORTABLE_TEST)
    models = []
    for name, (sql, keys, not_null, _) in CASES.items():
        (project / "models" / f"{name}.sql").write_text(
            f"{{{{ config(materialized='table') }}}}\n{sql}\n"
        )
        arguments = {"keys": keys, "not_null": not_null}
        models.append(
            {
                "name": name,
                "data_tests": [
                    {"keys_and_not_nulls": {"arguments": arguments}},
                    {"portable_keys": {"arguments": arguments}},
                ],
            }
        )
    (project / "models" / "_models.yml").write_text(json.dumps({"version": 2, "models": models}))
    env = tiny_project_env(project)
    dbt = Path(sys.executable).with_name("dbt")
    done = subprocess.run(
        [str(dbt), "build"], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )
    run_results = project / "target" / "run_results.json"
    assert run_results.is_file(), done.stdout
    by_model: dict[str, dict[str, tuple[str, int]]] = {}
    for result in json.loads(run_results.read_text())["results"]:
        uid = result["unique_id"]
        if not uid.startswith("test."):
            continue
        test_name = "portable_keys" if ".portable_keys_" in uid else "keys_and_not_nulls"
        model = next(name for name in CASES if f"_{name}_" in uid)
        by_model.setdefault(model, {})[test_name] = (result["status"], result["failures"] or 0)
    # the compiled SQL of each test, by file name (the dispatched test's starts with its name)
    compiled = project / "target" / "compiled" / "fairshare" / "models" / "_models.yml"
    by_model["__compiled__"] = {p.name: (p.read_text(), 0) for p in compiled.rglob("*.sql")}
    return by_model


@pytest.mark.parametrize("model", list(CASES))
def test_both_queries_find_the_same_failures(
    key_tests: dict[str, dict[str, tuple[str, int]]], model: str
) -> None:
    expected = CASES[model][3]
    results = key_tests[model]
    assert set(results) == {"keys_and_not_nulls", "portable_keys"}
    for test_name, (status, failures) in results.items():
        assert failures == expected, f"{test_name} on {model}: {failures} failing rows"
        assert status == ("pass" if expected == 0 else "fail"), f"{test_name} on {model}"


def test_duckdb_uses_the_hash_pre_check(key_tests: dict[str, dict[str, tuple[str, int]]]) -> None:
    """On DuckDB the dispatched test counts distinct key hashes first; the portable one does not."""
    compiled = {name: sql for name, (sql, _) in key_tests["__compiled__"].items()}
    dispatched = [sql for name, sql in compiled.items() if name.startswith("keys_and_not_nulls_")]
    portable = [sql for name, sql in compiled.items() if name.startswith("portable_keys_")]
    assert len(dispatched) == len(portable) == len(CASES)
    keyed = [sql for sql in dispatched if "group by" in sql]
    assert len(keyed) == sum(1 for case in CASES.values() if case[1])
    assert all("count(distinct" in sql and "hash(" in sql for sql in keyed)
    assert not any("hash(" in sql for sql in portable)

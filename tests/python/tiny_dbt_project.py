"""What the tests that build a throwaway dbt project (named `fairshare`, the real macros/
symlinked) share: the DuckDB profile and the environment that points dbt at the project."""

from __future__ import annotations

import os
from pathlib import Path

# the project folder holds this profiles.yml; the warehouse file comes from the environment
PROFILES_YML = """\
fairshare:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "{{ env_var('FAIRSHARE_DUCKDB_PATH') }}"
      threads: 1
"""


def tiny_project_env(project: Path, drop: tuple[str, ...] = ()) -> dict[str, str]:
    """The environment of a dbt command on the throwaway project: its profile and its warehouse
    (project/warehouse.duckdb), without the variables named in `drop`."""
    env = {key: value for key, value in os.environ.items() if key not in drop}
    env.update(
        {
            "DBT_PROFILES_DIR": str(project),
            "FAIRSHARE_DUCKDB_PATH": str(project / "warehouse.duckdb"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }
    )
    return env

#!/bin/bash
# Runs dbt Labs' dbt-project-evaluator over fairshare in a throwaway copy of the project.
#
#   docs/evaluator/run-evaluator.sh EVALUATOR_CHECKOUT DBT_UTILS_CHECKOUT [WORK_DIR]
#
# The evaluator is not on PyPI and the dbt package hub may be unreachable, so both packages are
# local checkouts (git clones of dbt-labs/dbt-project-evaluator and dbt-labs/dbt-utils); the
# evaluator needs dbt_utils, which fairshare itself never uses. The copy (default
# a new temporary folder) gets: the two packages as local packages, no run hooks (the evaluator
# reads the graph only; the hooks would ask for an extracted month), the evaluator's dispatch
# order, `primary_key_test_macros` naming fairshare's one key test per model, and the explained
# exceptions (docs/evaluator/dbt_project_evaluator_exceptions.csv, see docs/project-evaluator.md)
# as the evaluator's exceptions seed. The project itself is not changed.
set -euo pipefail
evaluator=$(realpath "$1")
utils=$(realpath "$2")
work=${3:-$(mktemp -d -t fairshare-evaluator.XXXXXX)}
project=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
echo "evaluator copy: $work" >&2
dbt=${DBT:-$project/.venv/bin/dbt}

rm -rf "$work"
mkdir -p "$work/pkgs" "$work/warehouse"
git -C "$project" archive HEAD | tar -x -C "$work"
# a checkout, or a bare git directory (a mirror): its HEAD is exported
copy_package() {
    mkdir -p "$2"
    if [ -f "$1/dbt_project.yml" ]; then
        cp -r "$1/." "$2" && rm -rf "$2/.git"
    else
        git --git-dir "$1" archive HEAD | tar -x -C "$2"
    fi
}
copy_package "$evaluator" "$work/pkgs/dbt_project_evaluator"
copy_package "$utils" "$work/pkgs/dbt_utils"
printf 'packages:\n  - local: %s\n' "$work/pkgs/dbt_utils" > "$work/pkgs/dbt_project_evaluator/packages.yml"
printf 'packages:\n  - local: pkgs/dbt_project_evaluator\n' > "$work/packages.yml"
cp "$project/docs/evaluator/dbt_project_evaluator_exceptions.csv" "$work/seeds/"

python3 - "$work/dbt_project.yml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
start, end = text.index("# Before any node"), text.index("models:\n")
text = text[:start] + text[end:]  # no run hooks
text = text.replace("vars:\n", """vars:
  primary_key_test_macros: [["fairshare.test_keys_and_not_nulls"], ["dbt.test_unique", "dbt.test_not_null"]]
""", 1)
text = text.replace("seeds:\n  fairshare:\n", """seeds:
  dbt_project_evaluator:
    dbt_project_evaluator_exceptions:
      +enabled: false
  fairshare:
""", 1)
text += """
dispatch:
  - macro_namespace: dbt
    search_order: ['dbt_project_evaluator', 'dbt']
"""
open(path, "w").write(text)
PY

cd "$work"
export DBT_PROFILES_DIR="$work/profiles" FAIRSHARE_DUCKDB_PATH="$work/warehouse/evaluator.duckdb"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
"$dbt" deps
"$dbt" build --select package:dbt_project_evaluator dbt_project_evaluator_exceptions

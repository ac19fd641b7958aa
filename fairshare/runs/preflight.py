"""Checks of the configuration seeds before dbt runs: one line naming the file and the rows.

dbt tests the same rules (tests/dbt/assert_cost_center_codes_distinct.sql), but only after it
has parsed the project and loaded the seeds; these checks read the CSV the analyst edited and say
which rows collide before anything runs.
"""

from __future__ import annotations

import csv
from pathlib import Path

from fairshare.naming import slug

COST_CENTERS = Path("seeds") / "cost_centers.csv"


class SeedError(ValueError):
    """A seed row that would merge or overwrite departments (the build stops, exit code 4)."""


def check_cost_center_codes(project_dir: Path) -> None:
    """Codes must differ once upper-cased and trimmed, and their file-name slugs too."""
    path = project_dir / COST_CENTERS
    if not path.is_file():
        return
    by_code: dict[str, tuple[int, str]] = {}
    by_slug: dict[str, tuple[int, str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            raw = row.get("cost_center_code") or ""
            code = raw.strip().upper()
            if not code:
                raise SeedError(f"{COST_CENTERS} line {line}: empty cost_center_code")
            if code in by_code:
                first_line, first = by_code[code]
                raise SeedError(
                    f"{COST_CENTERS} lines {first_line} and {line}: cost center codes {first!r} "
                    f"and {raw!r} are the same code: keep one row per cost center"
                )
            by_code[code] = (line, raw)
            key = slug(raw.strip()).lower()
            if key in by_slug:
                first_line, first = by_slug[key]
                raise SeedError(
                    f"{COST_CENTERS} lines {first_line} and {line}: cost center codes {first!r} "
                    f"and {raw!r} share the file name {key!r} (invoices and department sites "
                    "would overwrite each other): rename one code"
                )
            by_slug[key] = (line, raw)

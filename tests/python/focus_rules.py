"""The FinOps Foundation's FOCUS validator, and the same rules when it cannot run.

`focus-validator` (PyPI, 2.2.1) needs Python >= 3.12. `validator()` finds such a Python
(FAIRSHARE_FOCUS_PYTHON, python3.12+ on PATH, pyenv versions), installs the validator into a
throwaway virtualenv under `.venv-focus/` at the repository root (gitignored; created once,
under a file lock so two test runs can share it) and runs it. Without such a Python (or when the
install fails, e.g. offline) `check_rules()` evaluates the static rules of the validator's own
bundled requirements model (focus_rule_model/model-1.2.0.1.json, MIT, copied from the wheel with
its currency list) on a Parquet export: presence of the columns, types, formats, nullability,
allowed values and the distinct-count relations, with the validator's SQL semantics (a condition
on NULL is not met; `col != 'x'` on NULL is no violation; a rule's conditions apply to its
children). Rules needing another column than the export has, or marked Dynamic, are skipped,
like the validator skips what it cannot evaluate. When both run, the tests check they agree.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = Path(__file__).resolve().parent / "focus_rule_model"
MODEL = MODEL_DIR / "model-1.2.0.1.json"
VALIDATOR = "focus-validator==2.2.1"
# focus-validator 2.2.1 pins numpy < 2 but not pyarrow, whose newest releases need numpy >= 2
VALIDATOR_CONSTRAINTS = ["pyarrow<21"]
VENV = REPO / ".venv-focus"
DATASET = "CostAndUsage"
ROOT_RULE = "CostAndUsage-D-000-M"

# What fairshare supports, for the validator's --applicability-criteria: it measures usage
# (ConsumedQuantity/Unit), tags the rows (Tags) and names the billing account.
CRITERIA = ("USAGE_MEASUREMENT_SUPPORTED", "TAGGING_SUPPORTED", "ACCOUNT_NAMING_SUPPORTED")

# Rules the validator reports failed although the export meets the spec (docs/publishing.md):
KNOWN_QUIRKS = {
    # the model checks "EffectiveCost MUST be 0" on every Purchase row; the spec limits it to
    # purchases "intended to cover future eligible charges" (prepayments, commitments)
    "EffectiveCost-C-005-C",
    # the model checks the "MUST be null when not associated with an invoice" branch on every
    # row; every fairshare row belongs to the vendor invoice it is allocated from (C-005-C passes)
    "InvoiceId-C-004-C",
}
# With USAGE_MEASUREMENT_SUPPORTED the ConsumedQuantity nullability rules inherit a condition on
# CommitmentDiscountStatus, a column FOCUS requires only from providers with commitment discounts:
# the validator's query fails on its absence (the same export plus an all-null
# CommitmentDiscountStatus column passes them).
KNOWN_QUIRKS_WITH_CRITERIA = KNOWN_QUIRKS | {
    "ConsumedQuantity-C-000-C",
    "ConsumedQuantity-C-003-C",
    "ConsumedQuantity-C-004-C",
    "ConsumedQuantity-C-005-C",
    "ConsumedQuantity-C-006-C",
}


@dataclass
class Outcome:
    """Rule id → PASS | FAIL | SKIPPED, as the validator reports them."""

    results: dict[str, str] = field(default_factory=dict)

    def ids(self, status: str) -> set[str]:
        return {k for k, v in self.results.items() if v == status}

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.results.values())

    def summary(self) -> str:
        c = self.counts
        return (
            f"Total: {len(self.results)} | Pass: {c['PASS']} | Fail: {c['FAIL']} | "
            f"Skipped: {c['SKIPPED']}"
        )


# --- the real validator -------------------------------------------------------------------------


def _python_at_least_312() -> str | None:
    candidates: list[str] = []
    if os.environ.get("FAIRSHARE_FOCUS_PYTHON"):
        candidates.append(os.environ["FAIRSHARE_FOCUS_PYTHON"])
    if sys.version_info >= (3, 12):
        candidates.append(sys.executable)
    for name in ("python3.14", "python3.13", "python3.12"):
        found = shutil.which(name)
        if found:
            candidates.append(found)
    candidates += sorted(
        glob.glob(str(Path.home() / ".pyenv/versions/3.1[2-9]*/bin/python3")), reverse=True
    )
    for exe in candidates:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            done = subprocess.run(
                [exe, "-c", "import sys; sys.exit(sys.version_info < (3, 12))"],
                capture_output=True,
                timeout=30,
            )
            if done.returncode == 0:
                return exe
    return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Validator:
    python: Path  # the virtualenv's interpreter
    site_packages: Path  # the validator reads its currency list relative to this directory

    def run(self, data_file: Path, criteria: tuple[str, ...] = ()) -> Outcome:
        report = data_file.with_name(data_file.name + f".focus-{len(criteria)}.xml")
        cmd = [
            str(self.python),
            "-m",
            "focus_validator.main",
            "--data-file",
            str(data_file),
            "--validate-version",
            "1.2",
            "--focus-dataset",
            DATASET,
            "--block-download",
            "--output-type",
            "unittest",
            "--output-destination",
            str(report),
        ]
        if criteria:
            cmd += ["--applicability-criteria", ",".join(criteria)]
        done = subprocess.run(
            cmd, cwd=self.site_packages, capture_output=True, text=True, timeout=600
        )
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"focus-validator failed ({done.returncode}): {done.stderr[-3000:]}")
        return parse_junit(report)

    def bundled_model(self) -> Path:
        return self.site_packages / "focus_validator" / "rules" / MODEL.name


def parse_junit(report: Path) -> Outcome:
    out = Outcome()
    for case in ET.parse(report).getroot().iter("testcase"):
        rule = case.get("name", "").split(" :: ")[0].strip()
        if case.find("failure") is not None or case.find("error") is not None:
            out.results[rule] = "FAIL"
        elif case.find("skipped") is not None:
            out.results[rule] = "SKIPPED"
        else:
            out.results[rule] = "PASS"
    return out


def validator() -> Validator | None:
    """The installed validator, installing it on first use; None when it cannot run here."""
    python = _python_at_least_312()
    if python is None:
        return None
    marker = VENV / f".installed-{VALIDATOR}"
    venv_python = VENV / "bin" / "python"
    with _locked(REPO / ".venv-focus.lock"):
        if not marker.exists():
            shutil.rmtree(VENV, ignore_errors=True)
            subprocess.run([python, "-m", "venv", str(VENV)], check=True, timeout=300)
            done = subprocess.run(
                [
                    str(venv_python),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    VALIDATOR,
                    *VALIDATOR_CONSTRAINTS,
                ],
                capture_output=True,
                text=True,
                timeout=1200,
            )
            if done.returncode != 0:
                shutil.rmtree(VENV, ignore_errors=True)
                return None
            marker.touch()
    site = subprocess.run(
        [
            str(venv_python),
            "-c",
            "import focus_validator, os; print(os.path.dirname(os.path.dirname("
            "focus_validator.__file__)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    return Validator(venv_python, Path(site))


# --- the same rules from the bundled model ----------------------------------------------------

_NUMERIC = re.compile(r"^[+-]?([0-9]*[.])?[0-9]+([eE][+-]?[0-9]+)?$")
_DATETIME = re.compile(r"^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z?$")
_SIZE = "b|Kb|Mb|Gb|Tb|Pb|Eb|B|KB|MB|GB|TB|PB|EB|Kib|Mib|Gib|Tib|Pib|Eib|KiB|MiB|GiB|TiB|PiB|EiB"
_TIME1 = "Year|Month|Day|Hour|Minute|Second"
_TIMES = "Years|Months|Days|Hours|Minutes|Seconds"
_COUNT = r"[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z][A-Za-z0-9]*)*"
_UNIT = re.compile(
    "|".join(
        f"({p})"
        for p in (
            f"^({_SIZE}|{_TIME1}|{_TIMES}|{_COUNT})$",
            f"^({_SIZE}|{_COUNT})-({_TIMES})$",
            f"^({_SIZE}|{_COUNT}|{_TIMES})/({_TIME1})$",
            f"^[0-9]+ ({_SIZE}|{_TIME1}|{_TIMES}|{_COUNT})$",
            f"^({_SIZE}|{_COUNT}|{_TIMES})/[0-9]+ ({_TIMES})$",
        )
    )
)
ROW_CHECKS = {
    "CheckValue",
    "CheckNotValue",
    "CheckGreaterOrEqualThanValue",
    "CheckSameValue",
    "CheckNotSameValue",
    "ColumnByColumnEqualsColumnValue",
    "FormatNumeric",
    "FormatString",
    "FormatDateTime",
    "FormatUnit",
    "FormatKeyValue",
    "FormatCurrency",
    "CheckNationalCurrency",
}
TYPE_CHECKS = {"TypeString", "TypeDecimal", "TypeDateTime"}


def _currencies() -> set[str]:
    with (MODEL_DIR / "currency_codes.csv").open(encoding="utf-8") as fh:
        return {row["currency_codes"] for row in csv.DictReader(fh)}


def _columns(check: dict[str, Any]) -> set[str]:
    if not check:
        return set()
    cols = {check.get(k) for k in ("ColumnName", "ColumnAName", "ColumnBName", "ResultColumnName")}
    cols = {c for c in cols if c}
    for item in check.get("Items", []):
        cols |= _columns(item)
    return cols


def _num(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _equal(value: Any, expected: Any) -> bool:
    """SQL `value = expected` for a non-null value, numbers compared as numbers."""
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        number = _num(value)
        return number is not None and number == Decimal(str(expected))
    return str(value) == str(expected)


def _condition(check: dict[str, Any], row: dict[str, Any]) -> bool | None:
    """A condition with SQL three-valued logic (None = unknown, which does not hold)."""
    fn = check.get("CheckFunction")
    if fn == "AND":
        values = [_condition(i, row) for i in check["Items"]]
        if any(v is False for v in values):
            return False
        return None if any(v is None for v in values) else True
    if fn == "OR":
        values = [_condition(i, row) for i in check["Items"]]
        if any(v is True for v in values):
            return True
        return None if any(v is None for v in values) else False
    if fn in ("CheckSameValue", "CheckNotSameValue"):
        a, b = row.get(check["ColumnAName"]), row.get(check["ColumnBName"])
        if a is None or b is None:
            return None
        return (a == b) if fn == "CheckSameValue" else (a != b)
    value = row.get(check.get("ColumnName", ""))
    expected = check.get("Value")
    if fn == "CheckValue":
        if expected is None:
            return value is None
        return None if value is None else _equal(value, expected)
    if fn == "CheckNotValue":
        if expected is None:
            return value is not None
        return None if value is None else not _equal(value, expected)
    raise NotImplementedError(fn)


def _violates(check: dict[str, Any], row: dict[str, Any], currencies: set[str]) -> bool:
    """True when the row breaks a row-level requirement (the validator's violation predicate)."""
    fn = check["CheckFunction"]
    if fn == "AND":
        return any(_violates(i, row, currencies) for i in check["Items"])
    if fn == "OR":
        return all(_violates(i, row, currencies) for i in check["Items"])
    value = row.get(check.get("ColumnName", ""))
    expected = check.get("Value")
    if fn == "CheckValue":
        return (
            value is not None
            if expected is None
            else (value is not None and not _equal(value, expected))
        )
    if fn == "CheckNotValue":
        return (
            value is None if expected is None else (value is not None and _equal(value, expected))
        )
    if fn == "CheckGreaterOrEqualThanValue":
        number = _num(value)
        return number is not None and number < Decimal(str(expected))
    if fn in ("CheckSameValue", "CheckNotSameValue"):
        a, b = row.get(check["ColumnAName"]), row.get(check["ColumnBName"])
        if a is None or b is None:
            return False
        return (a != b) if fn == "CheckSameValue" else (a == b)
    if fn == "ColumnByColumnEqualsColumnValue":
        a, b = _num(row.get(check["ColumnAName"])), _num(row.get(check["ColumnBName"]))
        result = _num(row.get(check["ResultColumnName"]))
        return None not in (a, b, result) and a * b != result  # type: ignore[operator]
    if value is None:
        return False
    text = str(value)
    if fn == "FormatNumeric":
        return not _NUMERIC.match(text.strip())
    if fn == "FormatString":
        return not text.isascii()
    if fn == "FormatDateTime":
        return isinstance(value, str) and not _DATETIME.match(text)
    if fn == "FormatUnit":
        return not _UNIT.match(text)
    if fn == "FormatKeyValue":
        try:
            json.loads(text)
        except ValueError:
            return True
        return False
    if fn in ("FormatCurrency", "CheckNationalCurrency"):
        return text not in currencies
    raise NotImplementedError(fn)


def _type_ok(fn: str, type_: pa.DataType) -> bool:
    if pa.types.is_null(type_):
        return True
    if fn == "TypeString":
        return pa.types.is_string(type_) or pa.types.is_large_string(type_)
    if fn == "TypeDecimal":
        return pa.types.is_decimal(type_) or pa.types.is_floating(type_)
    return pa.types.is_timestamp(type_) or pa.types.is_date(type_) or pa.types.is_string(type_)


def check_rules(parquet: Path, criteria: tuple[str, ...] = ()) -> Outcome:
    """Evaluate the static rules of the bundled model on a FOCUS Parquet file."""
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    rules: dict[str, dict[str, Any]] = model["ModelRules"]
    table = pq.read_table(parquet)
    schema = {f.name: f.type for f in table.schema}
    rows = table.to_pylist()
    currencies = _currencies()
    out = Outcome()

    # a column whose presence rule needs criteria the dataset does not claim: no rule of it applies
    column_criteria = {
        r["ValidationCriteria"]["Requirement"]["ColumnName"]: r.get("ApplicabilityCriteria", [])
        for r in rules.values()
        if r.get("Function") == "Presence"
        and r["ValidationCriteria"].get("Requirement", {}).get("CheckFunction") == "ColumnPresent"
    }

    def applicable(rule: dict[str, Any]) -> bool:
        needed = list(rule.get("ApplicabilityCriteria", []))
        if rule.get("EntityType") != "Dataset":
            needed += column_criteria.get(rule.get("Reference", ""), [])
        return rule.get("Status") == "Active" and all(c in criteria for c in needed)

    # Skipped rules come in two kinds, as in the validator: a rule nobody can evaluate (Dynamic,
    # MAY, an unimplemented check, a column the export lacks) is ignored by its parent; a rule that
    # does not apply (applicability criteria, or a dependency that does not apply) skips its parent.
    unevaluated: set[str] = set()

    def not_applicable(dependencies: list[str]) -> bool:
        deps = [d for d in dependencies if d in rules]
        for dep in deps:
            evaluate(dep, ())
        return any(out.results[d] == "SKIPPED" and d not in unevaluated for d in deps)

    def evaluate(rule_id: str, inherited: tuple[str, ...], parent_applies: bool = True) -> str:
        if rule_id in out.results:
            return out.results[rule_id]
        rule = rules[rule_id]
        vc = rule["ValidationCriteria"]
        requirement = vc.get("Requirement") or {}
        conditions = [json.loads(c) for c in inherited]
        if vc.get("Condition"):
            conditions.append(vc["Condition"])
        passed = tuple(json.dumps(c, sort_keys=True) for c in conditions)
        children = [
            i["ModelRuleId"]
            for i in requirement.get("Items", [])
            if i.get("CheckFunction") == "CheckModelRule"
        ]
        if requirement.get("CheckFunction") == "CheckModelRule":
            children = [requirement["ModelRuleId"]]
        status = "SKIPPED"
        if not (parent_applies and applicable(rule)):
            for child in children:  # the children of a rule that does not apply do not either
                evaluate(child, passed, parent_applies=False)
        elif children:
            results = {child: evaluate(child, passed) for child in children}
            if not_applicable([d for d in vc.get("Dependencies", []) if d not in children]):
                pass  # it depends on a rule that does not apply: neither does it
            else:
                decided = {c: r for c, r in results.items() if c not in unevaluated}
                if not decided:
                    unevaluated.add(rule_id)
                elif "SKIPPED" not in decided.values():
                    any_or_all = any if requirement.get("CheckFunction") == "OR" else all
                    ok = any_or_all(r == "PASS" for r in decided.values())
                    status = "PASS" if ok else "FAIL"
        elif vc.get("Keyword") == "MAY" or rule.get("Type") == "Dynamic":
            unevaluated.add(rule_id)
        else:
            if not_applicable(vc.get("Dependencies", [])):
                pass  # a dependency does not apply: neither does this rule
            else:
                status = _evaluate_check(requirement, conditions)
                if status == "SKIPPED":
                    unevaluated.add(rule_id)
        out.results[rule_id] = status
        return status

    def _evaluate_check(requirement: dict[str, Any], conditions: list[dict[str, Any]]) -> str:
        fn = requirement.get("CheckFunction")
        if fn == "ColumnPresent":
            return "PASS" if requirement["ColumnName"] in schema else "FAIL"
        if not _columns(requirement) <= set(schema):
            return "SKIPPED"  # a column the export does not have: nothing to evaluate
        # a condition on a column the export does not have reads it as null (FOCUS: an absent
        # conditional column is a null one); the validator's query errors on it instead
        try:
            in_scope = [r for r in rows if all(_condition(c, r) is True for c in conditions)]
        except NotImplementedError:
            return "SKIPPED"
        if fn in TYPE_CHECKS:
            col = requirement["ColumnName"]
            has_values = any(r[col] is not None for r in in_scope)
            return "PASS" if not has_values or _type_ok(fn, schema[col]) else "FAIL"
        if fn == "CheckDistinctCount":
            a, b, n = (requirement[k] for k in ("ColumnAName", "ColumnBName", "ExpectedCount"))
            groups: dict[Any, set[Any]] = {}
            for r in in_scope:
                groups.setdefault(r[a], set())
                if r[b] is not None:
                    groups[r[a]].add(r[b])
            return "PASS" if all(len(v) == n for v in groups.values()) else "FAIL"
        if fn in ROW_CHECKS or fn in ("AND", "OR"):
            try:
                bad = [r for r in in_scope if _violates(requirement, r, currencies)]
            except NotImplementedError:
                return "SKIPPED"
            return "FAIL" if bad else "PASS"
        return "SKIPPED"  # e.g. CheckDecimalValue, which the validator does not implement either

    reachable: list[str] = []
    stack = [ROOT_RULE]
    while stack:
        rule_id = stack.pop()
        if rule_id in reachable or rule_id not in rules:
            continue
        reachable.append(rule_id)
        vc = rules[rule_id]["ValidationCriteria"]
        stack += vc.get("Dependencies", [])
        req = vc.get("Requirement") or {}
        stack += [i["ModelRuleId"] for i in req.get("Items", []) if "ModelRuleId" in i]
    evaluate(ROOT_RULE, ())
    for rule_id in sorted(reachable):
        evaluate(rule_id, ())
    return out

"""out/<month>/summary.json: the month's totals, read back for month-over-month comparisons."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

log = logging.getLogger(__name__)

SUMMARY_FILE = "summary.json"


@dataclass(frozen=True)
class Summary:
    month: str
    currency: str
    vendor_total: Decimal
    allocated_total: Decimal
    by_cost_center: dict[str, Decimal]
    by_category: dict[str, Decimal]
    revision: int = 1  # publication revision (fairshare_ops.publications)
    provisional: bool = False  # the month's analytics data was not final when it was built
    build_id: str = ""  # the dbt invocation whose marts were published
    # cost centers over their budget or forecast to be (fairshare.publish.insights.BudgetAlert)
    budget_alerts: list[dict[str, object]] = field(default_factory=list)


def write_summary(month_dir: Path, summary: Summary) -> Path:
    """Money as strings (exact); keys sorted so reruns give identical bytes."""
    path = month_dir / SUMMARY_FILE
    payload = {
        "month": summary.month,
        "currency": summary.currency,
        "vendor_total": str(summary.vendor_total),
        "allocated_total": str(summary.allocated_total),
        "by_cost_center": {k: str(v) for k, v in sorted(summary.by_cost_center.items())},
        "by_category": {k: str(v) for k, v in sorted(summary.by_category.items())},
        "revision": summary.revision,
        "provisional": summary.provisional,
        "build_id": summary.build_id,
        "budget_alerts": summary.budget_alerts,
    }
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read_summary(month_dir: Path) -> Summary | None:
    """The summary of an earlier publish, or None when absent or unreadable."""
    path = month_dir / SUMMARY_FILE
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Summary(
            month=str(raw["month"]),
            currency=str(raw["currency"]),
            vendor_total=Decimal(raw["vendor_total"]),
            allocated_total=Decimal(raw["allocated_total"]),
            by_cost_center={k: Decimal(v) for k, v in raw["by_cost_center"].items()},
            by_category={k: Decimal(v) for k, v in raw["by_category"].items()},
            revision=int(raw.get("revision", 1)),
            provisional=bool(raw.get("provisional", False)),
            build_id=str(raw.get("build_id", "")),
            budget_alerts=list(raw.get("budget_alerts", [])),
        )
    except (KeyError, ValueError, TypeError, InvalidOperation) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return None

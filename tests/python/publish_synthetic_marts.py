# ruff: noqa: E501  (data tables of the synthetic month read best one row per line)
"""Synthetic marts for the publisher tests: small, deterministic, shaped like models/marts.

`build_synthetic_warehouse(path)` writes a DuckDB file holding every mart of models/marts (schema
`marts`), each created with the columns and data types dbt declares for it (the manifest of a
`dbt parse`: mart_contracts.py), for October 2026 and a smaller September 2026 (so month-over-month
has something to compare); the vendor's invoice is the mart fct_vendor_invoice_lines, as for the
real marts. Allocations are computed here independently of fairshare.publish (floor cents +
leftover by largest remainder, ORPHAN absorbed by the overhead account as `orphan_absorb` rows, a
zero-driver line to the overhead account), so every vendor line's parts sum to the line exactly,
as the dbt reconciliation tests guarantee for the real marts.
"""

from __future__ import annotations

import os
import pickle
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from mart_contracts import create_mart, mart_contracts

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# the publishing configuration the publisher reads from the warehouse's `config` schema
CONFIG_SEEDS = [
    "focus_charge_categories",
    "billing_accounts",
    "gl_companies",
    "gl_cost_center_companies",
    "gl_account_map",
    "gl_exchange_rates",
]
MONTH = "2026-10"
PREVIOUS_MONTH = "2026-09"
MODE = "showback"
OVERHEAD = "CORP_IT"
ORPHAN = "ORPHAN"
PREPAID_CONCURRENT = 60

# fmt: off
# code, name, head, email, is_overhead, gl_account, entitlement share
COST_CENTERS: list[tuple[str, str, str, str, bool, str, str]] = [
    ("SALES", "Sales", "Dana Whitfield", "dana.whitfield@example.com", False, "6100-SALES", "0.25"),
    ("SUPPORT", "Customer Support", "Omar Haddad", "omar.haddad@example.com", False, "6100-SUP", "0.50"),
    ("HR", "Human Resources", "Priya Raman", "priya.raman@example.com", False, "6100-HR", "0.05"),
    ("FINANCE", "Finance", "Lukas Berg", "lukas.berg@example.com", False, "6100-FIN", "0.05"),
    ("MARKETING", "Marketing", "Chloé Martin", "chloe.martin@example.com", False, "6100-MKT", "0.10"),
    ("CORP_IT", "Corporate IT", "Sam Okafor", "sam.okafor@example.com", True, "6900-IT-OVH", "0.05"),
]
CODES = [c[0] for c in COST_CENTERS]

# sku, product name, category, method, driver name, driver unit, quantity, amount
VENDOR_LINES: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("GC-CX1-NAMED", "Genesys Cloud CX 1 User", "licence_named", "named_users", "billable named users", "user", "20", "1500.00"),
    ("GC-CX2-NAMED", "Genesys Cloud CX 2 User", "licence_named", "named_users", "billable named users", "user", "14", "1540.00"),
    ("GC-COMM-NAMED", "Genesys Cloud Communicate User", "licence_named", "named_users", "billable named users", "user", "30", "750.00"),
    ("GC-CX3-CONC", "Genesys Cloud CX 3 Concurrent User", "licence_concurrent", "concurrent_peak", "own concurrency peak", "user", "60", "9900.00"),
    ("GC-CX3-CONC-OVG", "Genesys Cloud CX 3 Concurrent User Overage", "licence_overage", "overage_cause", "users above entitlement at the org peak", "user", "6", "1237.50"),
    ("GCV-TF-IN", "Genesys Cloud Voice Toll-Free Inbound Minutes", "telecom", "telecom_usage", "toll-free inbound minutes", "minute", "48120.6", "1203.02"),
    ("GCV-LOCAL-IN", "Genesys Cloud Voice Local Inbound Minutes", "telecom", "telecom_usage", "local inbound minutes", "minute", "20000", "110.00"),
    ("GCV-DOM-OUT", "Genesys Cloud Voice Domestic Outbound Minutes", "telecom", "telecom_usage", "domestic outbound minutes", "minute", "15000", "180.00"),
    ("GCV-INTL-OUT", "Genesys Cloud Voice International Outbound Minutes", "telecom", "telecom_usage", "international outbound minutes", "minute", "1800", "270.00"),
    ("GC-API-OD", "API On-Demand Charge", "api", "api_requests", "API requests", "request", "35", "35.00"),
    ("GC-AI-TOKENS", "AI Experience Tokens", "ai", "ai_usage", "bot minutes", "minute", "250000", "500.00"),
    ("GC-PLATFORM", "Genesys Cloud Platform Fee", "platform_shared", "pro_rata_interactions", "interactions", "interaction", "1", "2500.00"),
    ("GC-SUPPORT-PREM", "Premier Support", "support", "pro_rata_handle_time", "handle time", "minute", "1", "1800.00"),
    ("GC-WEM-ADDON", "Workforce Engagement Add-on", "platform_shared", "fixed_split", "fixed split", "percent", "1", "900.00"),
    ("GC-DID-RENTAL", "Phone Number Rental", "telecom_numbers", "even", "cost centers", "cost center", "24", "24.00"),
    ("GC-PLATFORM", "Service credit (platform outage 2026-10-07)", "platform_shared", "pro_rata_interactions", "interactions", "interaction", "1", "-150.00"),
    ("GC-SPEECH-AN", "Speech and Text Analytics", "ai", "ai_usage", "analysed minutes", "minute", "0", "120.00"),
]

# the vendor's unit of measure per SKU (the raw invoice lines)
VENDOR_UNITS = {
    "GC-CX1-NAMED": "user", "GC-CX2-NAMED": "user", "GC-COMM-NAMED": "user", "GC-CX3-CONC": "user",
    "GC-CX3-CONC-OVG": "user", "GCV-TF-IN": "minute", "GCV-LOCAL-IN": "minute",
    "GCV-DOM-OUT": "minute", "GCV-INTL-OUT": "minute", "GC-API-OD": "1000 requests",
    "GC-AI-TOKENS": "token", "GC-PLATFORM": "month", "GC-SUPPORT-PREM": "month",
    "GC-WEM-ADDON": "month", "GC-DID-RENTAL": "number", "GC-SPEECH-AN": "minute",
}

TELECOM_SKU = {
    ("toll_free", "inbound"): "GCV-TF-IN",
    ("local", "inbound"): "GCV-LOCAL-IN",
    ("local", "outbound"): "GCV-DOM-OUT",
    ("mobile", "outbound"): "GCV-DOM-OUT",
    ("international", "outbound"): "GCV-INTL-OUT",
}
RATE = {
    "GCV-TF-IN": Decimal("0.0250"),
    "GCV-LOCAL-IN": Decimal("0.0055"),
    "GCV-DOM-OUT": Decimal("0.0120"),
    "GCV-INTL-OUT": Decimal("0.1500"),
}

# did, number type, direction, owner cost center (None = the shared main IVR number)
DIDS: list[tuple[str, str, str, str | None]] = [
    ("+18005550100", "toll_free", "inbound", None),
    ("+18005550110", "toll_free", "inbound", "SALES"),
    ("+13125550111", "local", "inbound", "SALES"),
    ("+13125550112", "local", "outbound", "SALES"),
    ("+13125550113", "international", "outbound", "SALES"),
    ("+18005550120", "toll_free", "inbound", "SUPPORT"),
    ("+18005550121", "toll_free", "inbound", "SUPPORT"),
    ("+13125550122", "local", "inbound", "SUPPORT"),
    ("+13125550123", "mobile", "outbound", "SUPPORT"),
    ("+13125550130", "local", "inbound", "HR"),
    ("+13125550140", "local", "outbound", "FINANCE"),
    ("+18005550150", "toll_free", "inbound", "MARKETING"),
]

# named users per licence SKU and cost center (GC-CX2 has 14 prepaid, 12 used: 2 unused → ORPHAN)
NAMED_USERS = {
    "GC-CX1-NAMED": {"SALES": 6, "SUPPORT": 4, "HR": 3, "FINANCE": 4, "MARKETING": 2, "CORP_IT": 1},
    "GC-CX2-NAMED": {"SALES": 3, "SUPPORT": 6, "CORP_IT": 3, ORPHAN: 2},
    "GC-COMM-NAMED": {"SALES": 8, "SUPPORT": 5, "HR": 5, "FINANCE": 6, "MARKETING": 4, "CORP_IT": 2},
}
LICENCE_ID = {"GC-CX1-NAMED": "cloudCX1", "GC-CX2-NAMED": "cloudCX2", "GC-COMM-NAMED": "communicate"}
DRIVERS: dict[str, dict[str, Decimal]] = {
    "concurrent_peak": {"SALES": Decimal(13), "SUPPORT": Decimal(36), "HR": Decimal(3),
                        "FINANCE": Decimal(3), "MARKETING": Decimal(6), "CORP_IT": Decimal(3)},
    "overage_cause": {"SUPPORT": Decimal(6)},
    "api_requests": {"SALES": Decimal(12000), "SUPPORT": Decimal(8500), "FINANCE": Decimal(14500)},
    "ai_usage": {"SUPPORT": Decimal("1830.5"), "SALES": Decimal("412.25")},
    "pro_rata_interactions": {"SALES": Decimal("412.5"), "SUPPORT": Decimal("1033.25"),
                              "HR": Decimal(88), "FINANCE": Decimal("61.25"),
                              "MARKETING": Decimal(55), "CORP_IT": Decimal(50)},
    "pro_rata_handle_time": {"SALES": Decimal("4810.2"), "SUPPORT": Decimal("13220.7"),
                             "HR": Decimal("610.4"), "FINANCE": Decimal("402.9"),
                             "MARKETING": Decimal("388.1")},
    "fixed_split": {"SUPPORT": Decimal(60), "SALES": Decimal(40)},
    "even": {c: Decimal(1) for c in CODES},
}

# invoice_lines rows of `_allocate`, column by column
INVOICE_LINE_FIELDS = (
    "billing_month", "invoice_id", "invoice_line_id", "cost_center_code", "cost_center_name",
    "department_head", "cost_category", "product_sku", "product_name", "allocation_method",
    "product_allocation_method", "allocation_rule", "driver_name", "driver_unit",
    "driver_quantity", "driver_total", "share", "amount", "amount_cents", "vendor_line_amount",
    "vendor_line_quantity", "measured_quantity", "currency", "mode", "explanation",
)
# fct_segment_costs rows of `_segments` (after the month and the telecom allocation columns)
SEGMENT_FIELDS = (
    "billing_month", "conversation_id", "session_id", "did", "number_type", "direction",
    "cost_center_code", "attribution_rule", "slice_started_at", "slice_ended_at",
    "attributed_ms", "cost", "product_sku", "invoice_id", "invoice_line_id", "allocated_amount",
)
CONCURRENCY_FIELDS = (
    "billing_month", "slice_started_at", "cost_center_code", "concurrent_users", "entitlement",
    "excess", "is_org_peak_slice", "org_concurrent_users", "org_billed_peak", "own_billed_peak",
    "prepaid_quantity",
)
TAGGING_FIELDS = (
    "billing_month", "object_kind", "object_id", "object_name", "tag_rule", "cost_center_code",
    "is_ambiguous", "cost",
)
TAGGED_SHARE = Decimal("0.972700000")  # the month's share of spend allocated by tag
# fmt: on


def invoice_id(month: str) -> str:
    return f"INV-{month}-0001"


def _split(total: Decimal, weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """Largest remainder on cents, tie-break by code; independent of the code under test."""
    sign = -1 if total < 0 else 1
    total_cents = int(abs(total) * 100)
    wsum = sum(weights.values())
    exact = {k: Decimal(total_cents) * w / wsum for k, w in weights.items()}
    base = {k: int(v) for k, v in exact.items()}
    left = total_cents - sum(base.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - base[k]), k))[:left]:
        base[k] += 1
    return {k: Decimal(sign * v) / 100 for k, v in base.items()}


def _money(d: Decimal) -> str:
    return f"USD {d:,.2f}"


def _segments(rng: random.Random, month_start: datetime, n_conv: int) -> list[list]:
    """fct_segment_costs rows (without the telecom allocation columns, added later)."""
    rows: list[list] = []
    for i in range(n_conv):
        did, number_type, direction, owner = rng.choice(DIDS)
        sku = TELECOM_SKU[(number_type, direction)]
        start = month_start + timedelta(
            days=rng.randrange(31 if month_start.month == 10 else 30),
            hours=rng.randrange(8, 18),
            minutes=rng.randrange(60),
            seconds=rng.randrange(60),
        )
        conv_id = f"c{i:05d}-{rng.getrandbits(32):08x}-4a1b-9c2d-{rng.getrandbits(48):012x}"
        session_id = f"s{i:05d}-{rng.getrandbits(32):08x}"
        parts: list[tuple[str, str, int]] = []
        if owner is None:  # main IVR: orphan until the caller picks a department
            parts.append((ORPHAN, "orphan_ivr", rng.randrange(20_000, 90_000)))
            first = rng.choice(["SALES", "SUPPORT", "SUPPORT", "HR", "FINANCE", ""])
        else:
            first = owner
        if first:
            parts.append((first, "queue", rng.randrange(60_000, 900_000)))
            if rng.random() < 0.2:  # transferred to another department
                other = rng.choice([c for c in CODES if c not in (first, OVERHEAD)])
                parts.append((other, "queue", rng.randrange(60_000, 1_800_000)))
        cursor = start
        for code, rule, ms in parts:
            end = cursor + timedelta(milliseconds=ms)
            # to the micro-dollar, written with the mart's 9 decimal places
            cost = (Decimal(ms) / Decimal(60_000) * RATE[sku]).quantize(Decimal("0.000001"))
            cost = cost.quantize(Decimal("0.000000001"))
            rows.append(
                [conv_id, session_id, did, number_type, direction, code, rule, cursor, end, ms,
                 cost, sku]
            )  # fmt: skip
            cursor = end
    # the guide's case on a Sales number: one long call on a rarely used international number
    start = month_start + timedelta(days=13, hours=10)
    rows.append(
        ["c99999-guide-intl", "s99999", "+13125550113", "international", "outbound", "SALES",
         "agent", start, start + timedelta(minutes=60), 3_600_000, Decimal("9.000000"),
         "GCV-INTL-OUT"]
    )  # fmt: skip
    return rows


def _concurrency(month_start: datetime, days: int) -> list[tuple]:
    """Every 15-minute slice × cost center (the burst: Support alone above on the 14th)."""
    ent = {c[0]: int(Decimal(c[6]) * PREPAID_CONCURRENT) for c in COST_CENTERS}
    base = {"SALES": 12, "SUPPORT": 26, "HR": 2, "FINANCE": 2, "MARKETING": 5, "CORP_IT": 2}
    rows: list[tuple] = []
    for s in range(days * 96):
        at = month_start + timedelta(minutes=15 * s)
        hour = at.hour + at.minute / 60
        open_ = 8 <= hour < 18 and at.weekday() < 5
        users = {}
        for code in CODES:
            u = base[code] if open_ else (1 if code == "SUPPORT" else 0)
            if open_ and s % 7 == 0:
                u += 1
            if code == "SUPPORT" and at.day == 14 and 10 <= hour < 12:
                u = 36
            users[code] = u
        org = sum(users.values())
        for code in CODES:
            rows.append(
                (at, code, users[code], ent[code], max(0, users[code] - ent[code]),
                 org > PREPAID_CONCURRENT, org, 66, 36 if code == "SUPPORT" else base[code] + 1,
                 PREPAID_CONCURRENT)
            )  # fmt: skip
    return rows


def _allocate(month: str, segments: list[list], scale: Decimal) -> list[tuple]:
    """invoice_lines rows for one month; also fills the segments' allocation columns."""
    billing_month = date.fromisoformat(month + "-01")
    cc = {c[0]: c for c in COST_CENTERS}
    telecom_w: dict[str, dict[str, Decimal]] = {}
    for seg in segments:
        sku_w = telecom_w.setdefault(seg[11], {})
        sku_w[seg[5]] = sku_w.get(seg[5], Decimal(0)) + Decimal(seg[9]) / Decimal(60_000)
    rows: list[tuple] = []
    for idx, (sku, name, cat, method, drv, unit, qty, amount_s) in enumerate(VENDOR_LINES):
        line_id = f"L{idx + 1:03d}"
        amount = (Decimal(amount_s) * scale).quantize(Decimal("0.01"))
        if method == "telecom_usage":
            weights = telecom_w.get(sku, {})
        elif method == "named_users":
            weights = {k: Decimal(v) for k, v in NAMED_USERS[sku].items()}
        else:
            weights = DRIVERS[method] if qty != "0" else {}
        measured = sum(weights.values()) if method == "telecom_usage" else None
        if method == "telecom_usage":  # slices' share of the line (for the drill-down)
            seg_cost = {id(s): s[10] for s in segments if s[11] == sku}
            total_cost = sum(seg_cost.values())
            for seg in segments:
                if seg[11] == sku:
                    seg.extend(
                        [invoice_id(month), line_id, (amount * seg[10] / total_cost).quantize(
                            Decimal("0.000001"))]
                    )  # fmt: skip
        if not weights:  # zero driver: the whole line to the overhead account
            text = f"{name} — no usage was measured this month ({drv}), so the whole line of "
            rows.append(
                (billing_month, invoice_id(month), line_id, OVERHEAD, cc[OVERHEAD][1],
                 cc[OVERHEAD][2], cat, sku, name, "zero_driver_overhead", method, "zero_driver",
                 drv, unit, None, None, Decimal(1), amount, int(amount * 100), amount,
                 Decimal(qty), None, "USD", MODE,
                 f"{text}{_money(amount)} goes to the overhead account.")
            )  # fmt: skip
            continue
        total_q = sum(weights.values())
        split = _split(amount, weights)
        for code in sorted(weights):
            q = weights[code].quantize(Decimal("0.000001"))
            share = (weights[code] / total_q).quantize(Decimal("0.000000001"))
            pct = (share * 100).quantize(Decimal("0.01"))
            owner = OVERHEAD if code == ORPHAN else code
            alloc = "orphan_absorb" if code == ORPHAN else method
            lead = " nobody is responsible for" if code == ORPHAN else ""
            expl = (
                f"{name} — {drv}{lead}: {q:,.1f} of {total_q:,.1f} {unit} ({pct}%) of "
                f"{_money(amount)}."
            )
            rows.append(
                (billing_month, invoice_id(month), line_id, owner, cc[owner][1], cc[owner][2], cat,
                 sku, name, alloc, method, "driver", drv, unit, q,
                 total_q.quantize(Decimal("0.000001")), share, split[code],
                 int(split[code] * 100), amount, Decimal(qty), measured, "USD", MODE, expl)
            )  # fmt: skip
    return rows


def _records(fields: tuple[str, ...], rows: list) -> list[dict[str, object]]:
    return [dict(zip(fields, row, strict=True)) for row in rows]


def _vendor_lines(month: str, start: datetime, lines: list[tuple]) -> list[dict[str, object]]:
    """fct_vendor_invoice_lines of the month: the vendor's lines behind the allocations."""
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    first = {}
    for row in lines:
        line = dict(zip(INVOICE_LINE_FIELDS, row, strict=True))
        first.setdefault((line["invoice_id"], line["invoice_line_id"]), line)
    header = sum((line["vendor_line_amount"] for line in first.values()), Decimal(0))
    return [
        {
            "billing_month": start.date(),
            "invoice_id": inv,
            "invoice_line_id": line_id,
            "product_sku": line["product_sku"],
            "invoice_product_sku": line["product_sku"],
            "product_name": line["product_name"],
            "cost_category": line["cost_category"],
            "allocation_method": line["product_allocation_method"],
            "driver_name": line["driver_name"],
            "driver_unit": line["driver_unit"],
            "date_start": start.date(),
            "date_end": end.date(),
            "quantity": line["vendor_line_quantity"],
            "unit_of_measure": VENDOR_UNITS[str(line["product_sku"])],
            "amount": line["vendor_line_amount"],
            "amount_cents": int(line["vendor_line_amount"] * 100),
            "currency": "USD",
            "vendor_amount": line["vendor_line_amount"],
            "vendor_currency": "USD",
            "fx_rate": Decimal(1),
            "is_credit_product": line["vendor_line_amount"] < 0,
            "vendor_source": "api",
            "invoice_amount": header,
            "invoice_date": start.date() + timedelta(days=40),
        }
        for (inv, line_id), line in sorted(first.items())
    ]


def _cost_center_rows(months: list[date]) -> list[dict[str, object]]:
    return [
        {
            "billing_month": month,
            "cost_center_code": code,
            "cost_center_name": name,
            "department_head": head,
            "head_email": email,
            "is_overhead": is_overhead,
            "gl_account": gl,
            "concurrent_entitlement_share": Decimal(share),
            "active_from": date(2020, 1, 1),
            "active_to": None,
        }
        for month in months
        for code, name, head, email, is_overhead, gl, share in COST_CENTERS
    ]


def _named_user_rows(month: date) -> list[dict[str, object]]:
    """One row per named user; the licence cost is the line's price per user."""
    rows: list[dict[str, object]] = []
    n = 0
    for sku, per_cc in NAMED_USERS.items():
        amount = next(Decimal(v[7]) for v in VENDOR_LINES if v[0] == sku)
        per_user = (amount / sum(per_cc.values())).quantize(Decimal("0.000001"))
        for code, count in per_cc.items():
            if code == ORPHAN:
                continue
            for _ in range(count):
                n += 1
                rows.append(
                    {"billing_month": month, "user_id": f"u-{n:03d}",
                     "user_name": f"{code.title()} User {n:03d}", "cost_center_code": code,
                     "license_id": LICENCE_ID[sku], "product_sku": sku,
                     "logged_in_share": Decimal(1), "licence_cost": per_user}
                )  # fmt: skip
    return rows


def build_synthetic_warehouse(path: Path, *, seed: int = 7, conversations: int = 400) -> Path:
    """Write the synthetic marts to the DuckDB file `path` and return it."""
    rng = random.Random(seed)
    months = {MONTH: (datetime(2026, 10, 1), conversations, Decimal(1)),
              PREVIOUS_MONTH: (datetime(2026, 9, 1), conversations // 2, Decimal("0.9"))}  # fmt: skip
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in mart_contracts()}
    for month, (start, n_conv, scale) in months.items():
        segments = _segments(rng, start, n_conv)
        lines = _allocate(month, segments, scale)
        rows["invoice_lines"] += _records(INVOICE_LINE_FIELDS, lines)
        rows["fct_vendor_invoice_lines"] += _vendor_lines(month, start, lines)
        rows["fct_segment_costs"] += _records(
            SEGMENT_FIELDS, [(start.date(), *s) for s in segments]
        )
    oct1 = date(2026, 10, 1)
    rows["dim_cost_centers"] = _cost_center_rows([oct1, date(2026, 9, 1)])
    rows["fct_concurrency_peaks"] = _records(
        CONCURRENCY_FIELDS, [(oct1, *r) for r in _concurrency(datetime(2026, 10, 1), 31)]
    )
    tagging = _records(
        TAGGING_FIELDS,
        [
            (oct1, "user", "u-901", "Temp Agent 1", "untagged", None, False, Decimal("212.40")),
            (oct1, "queue", "q-77", "Escalations", "untagged", None, False, Decimal("88.15")),
            (oct1, "did", "d-100", "+18005550100", "untagged", None, False, Decimal("301.70")),
            (oct1, "user", "u-902", "Alex Moreau", "custom_attribute", "SALES", True,
             Decimal("41.00")),
            (oct1, "month_total", "2026-10-01", "Spend not allocated by tag", None, None, False,
             Decimal("612.40")),
        ],
    )  # fmt: skip
    for row in tagging:
        row["share_of_spend_allocated_by_tag"] = TAGGED_SHARE
        row["pct_spend_allocated_by_tag"] = TAGGED_SHARE * 100
    rows["fct_tagging_coverage"] = tagging
    rows["fct_quarantine"] = [
        {"billing_month": oct1, "source_stage": "staging", "record_kind": kind, "record_key": key,
         "conversation_id": conversation, "reason": reason, "action_taken": action}
        for kind, key, conversation, reason, action in (
            ("segment", "seg-1", "c00001", "segment ends before it starts", "excluded"),
            ("session", "ses-9", "c00002", "missing DID on a voice leg", "imputed"),
        )
    ]  # fmt: skip
    rows["fct_named_users"] = _named_user_rows(oct1)
    con = duckdb.connect(str(path))
    derived = "fct_cost_center_month"  # the totals of invoice_lines, computed by the database
    for name, contract in mart_contracts().items():
        if name != derived:
            create_mart(con, "marts", contract, rows.get(name, []))
    totals = con.execute(
        """select billing_month, cost_center_code, any_value(cost_center_name),
            any_value(department_head), cost_category, count(distinct invoice_line_id),
            sum(amount), coalesce(sum(amount) filter (where allocation_rule = 'driver'), 0),
            coalesce(sum(amount) filter (where allocation_rule <> 'driver'), 0),
            any_value(currency), any_value(mode)
        from marts.invoice_lines group by billing_month, cost_center_code, cost_category"""
    ).fetchall()
    fields = ("billing_month", "cost_center_code", "cost_center_name", "department_head",
              "cost_category", "vendor_lines", "amount", "amount_by_driver", "amount_by_policy",
              "currency", "mode")  # fmt: skip
    create_mart(con, "marts", mart_contracts()[derived], _records(fields, totals))
    load_config_seeds(con)
    con.close()
    return path


def load_config_seeds(con: duckdb.DuckDBPyConnection, seeds: Path = SEEDS) -> None:
    """The publishing seeds of the repository (as `dbt seed` loads them) into schema `config`."""
    con.execute("create schema if not exists config")
    for name in CONFIG_SEEDS:
        con.execute(f"drop table if exists config.{name}")
        con.execute(
            f"create table config.{name} as select * from read_csv(?, header = true, "
            "all_varchar = true)",
            [str(seeds / f"{name}.csv")],
        )


def vendor_total(month: str = MONTH) -> Decimal:
    """The vendor invoice total of the month, from the synthetic vendor lines (independent of
    the marts and of the publisher)."""
    scale = Decimal(1) if month == MONTH else Decimal("0.9")
    return sum(
        ((Decimal(line[7]) * scale).quantize(Decimal("0.01")) for line in VENDOR_LINES),
        Decimal(0),
    )


_PUBLISHED: dict[str, tuple[Path, Path, Any]] = {}


def synthetic_publication(factory: Any) -> tuple[Path, Path, Any]:
    """(warehouse, out dir, PublishResult) of the synthetic month, published once per test run.

    Every publisher test module (and every pytest-xdist worker) shares one run (PDFs take
    seconds): the first process publishes it in the run's shared temporary folder, the others
    read its result. Read-only: a test that changes the warehouse copies it first. `factory` is
    pytest's tmp_path_factory.
    """
    if "default" not in _PUBLISHED:
        from conftest import made_once

        base = factory.getbasetemp()
        shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

        def make(folder: Path) -> None:
            from fairshare.publish import publish

            warehouse = build_synthetic_warehouse(folder / "warehouse.duckdb")
            result = publish(
                month=MONTH, out_dir=folder / "out", duckdb_path=warehouse,
                require_passing_build=False,
            )  # fmt: skip
            (folder / "result.pickle").write_bytes(pickle.dumps(result))

        folder = made_once(shared, "synthetic-publication", make)
        result = pickle.loads((folder / "result.pickle").read_bytes())
        _PUBLISHED["default"] = (folder / "warehouse.duckdb", folder / "out", result)
    return _PUBLISHED["default"]

# ruff: noqa: E501  (data tables of the synthetic month read best one row per line)
"""Synthetic marts for the publisher tests: small, deterministic, shaped like models/marts.

`build_synthetic_warehouse(path)` writes a DuckDB file holding the mart tables the publisher reads
(schema `marts`, column names as in models/marts) plus the raw vendor invoice (schema
`genesys_raw`), for October 2026 and a smaller September 2026 (so month-over-month has something to
compare). Allocations are computed here independently of fairshare.publish (floor cents + leftover
by largest remainder, ORPHAN absorbed by the overhead account as `orphan_absorb` rows, a
zero-driver line to the overhead account), so every vendor line's parts sum to the line exactly,
as the dbt reconciliation tests guarantee for the real marts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

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
# fmt: on

INVOICE_LINE_COLUMNS = """
    billing_month date, invoice_id varchar, invoice_line_id varchar, cost_center_code varchar,
    cost_center_name varchar, department_head varchar, cost_category varchar, product_sku varchar,
    product_name varchar, allocation_method varchar, product_allocation_method varchar,
    allocation_rule varchar, driver_name varchar, driver_unit varchar,
    driver_quantity decimal(38, 9), driver_total decimal(38, 9), share decimal(38, 9),
    amount decimal(18, 2), amount_cents bigint, vendor_line_amount decimal(18, 2),
    vendor_line_quantity decimal(20, 6), measured_quantity decimal(38, 6), currency varchar,
    mode varchar, explanation varchar
"""


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
            cost = (Decimal(ms) / Decimal(60_000) * RATE[sku]).quantize(Decimal("0.000001"))
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


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list) -> None:
    """Bulk insert through Arrow (executemany is slow); the table's types cast the columns."""
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    batch = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(columns)})
    con.register("_batch", batch)
    con.execute(f"insert into {table} select * from _batch")
    con.unregister("_batch")


def build_synthetic_warehouse(path: Path, *, seed: int = 7, conversations: int = 400) -> Path:
    """Write the synthetic marts to the DuckDB file `path` and return it."""
    rng = random.Random(seed)
    months = {MONTH: (datetime(2026, 10, 1), conversations, Decimal(1)),
              PREVIOUS_MONTH: (datetime(2026, 9, 1), conversations // 2, Decimal("0.9"))}  # fmt: skip
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists marts")
    con.execute("create schema if not exists genesys_raw")
    con.execute(
        """create table marts.dim_cost_centers (
            cost_center_code varchar, cost_center_name varchar, department_head varchar,
            head_email varchar, is_overhead boolean, gl_account varchar,
            concurrent_entitlement_share decimal(9, 6), active_from date, active_to date)"""
    )
    _insert(
        con,
        "marts.dim_cost_centers",
        [(*c[:6], Decimal(c[6]), date(2020, 1, 1), None) for c in COST_CENTERS],
    )
    con.execute(f"create table marts.invoice_lines ({INVOICE_LINE_COLUMNS})")
    con.execute(
        """create table marts.fct_segment_costs (
            billing_month date, conversation_id varchar, session_id varchar, did varchar,
            number_type varchar, direction varchar, cost_center_code varchar,
            attribution_rule varchar, slice_started_at timestamp, slice_ended_at timestamp,
            attributed_ms bigint, cost decimal(38, 9), product_sku varchar, invoice_id varchar,
            invoice_line_id varchar, allocated_amount decimal(38, 9))"""
    )
    con.execute(
        """create table genesys_raw.invoices (invoice_id varchar, date_invoiced date,
            currency_iso_code varchar, payment_status varchar, amount decimal(18, 6),
            source varchar)"""
    )
    con.execute(
        """create table genesys_raw.invoice_lines (invoice_id varchar, line_id varchar,
            product_sku varchar, product_name varchar, date_start date, date_end date,
            quantity decimal(20, 6), unit_of_measure varchar, amount decimal(18, 6),
            currency varchar)"""
    )
    for month, (start, n_conv, scale) in months.items():
        segments = _segments(rng, start, n_conv)
        lines = _allocate(month, segments, scale)
        _insert(con, "marts.invoice_lines", lines)
        vendor = sorted({(r[1], r[2], r[7], r[8], r[20], r[19]) for r in lines})
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        _insert(
            con,
            "genesys_raw.invoice_lines",
            [
                (inv, line, sku, name, start.date(), end.date(), qty, VENDOR_UNITS[sku], amt, "USD")
                for inv, line, sku, name, qty, amt in vendor
            ],
        )
        _insert(con, "marts.fct_segment_costs", [(start.date(), *s) for s in segments])
        total = sum({(r[1], r[2]): r[19] for r in lines}.values())
        _insert(
            con,
            "genesys_raw.invoices",
            [(invoice_id(month), start.date() + timedelta(days=40), "USD", "Unpaid", total, "api")],
        )
    con.execute(
        """create table marts.fct_cost_center_month as
        select billing_month, cost_center_code, any_value(cost_center_name) as cost_center_name,
            sum(amount) as amount, count(*) as invoice_line_count
        from marts.invoice_lines group by all"""
    )
    con.execute(
        """create table marts.fct_concurrency_peaks (
            billing_month date, slice_started_at timestamp, cost_center_code varchar,
            concurrent_users integer, entitlement integer, excess integer,
            is_org_peak_slice boolean, org_concurrent_users integer, org_billed_peak integer,
            own_billed_peak integer, prepaid_quantity integer)"""
    )
    _insert(
        con,
        "marts.fct_concurrency_peaks",
        [(date(2026, 10, 1), *r) for r in _concurrency(datetime(2026, 10, 1), 31)],
    )
    con.execute(
        """create table marts.fct_tagging_coverage (
            billing_month date, object_kind varchar, object_id varchar, object_name varchar,
            tag_rule varchar, cost_center_code varchar, is_ambiguous boolean,
            cost decimal(18, 2), pct_spend_allocated_by_tag decimal(9, 4))"""
    )
    oct1 = date(2026, 10, 1)
    kpi = Decimal("97.2700")
    _insert(
        con,
        "marts.fct_tagging_coverage",
        [
            (oct1, "user", "u-901", "Temp Agent 1", "untagged", None, False, Decimal("212.40"), kpi),
            (oct1, "queue", "q-77", "Escalations", "untagged", None, False, Decimal("88.15"), kpi),
            (oct1, "did", "d-100", "+18005550100", "untagged", None, False, Decimal("301.70"), kpi),
            (oct1, "user", "u-902", "Alex Moreau", "custom_attribute", "SALES", True,
             Decimal("41.00"), kpi),
            (oct1, "month_total", "2026-10-01", "Spend not allocated by tag", None, None, False, Decimal("612.40"), kpi),
        ],
    )  # fmt: skip
    con.execute(
        """create table marts.fct_quarantine (
            billing_month date, record_kind varchar, record_key varchar, conversation_id varchar,
            reason varchar, action varchar)"""
    )
    _insert(
        con,
        "marts.fct_quarantine",
        [
            (oct1, "segment", "seg-1", "c00001", "segment ends before it starts", "excluded"),
            (oct1, "session", "ses-9", "c00002", "missing DID on a voice leg", "imputed"),
        ],
    )
    con.execute(
        """create table marts.fct_named_users (
            billing_month date, user_id varchar, user_name varchar, cost_center_code varchar,
            license_id varchar, product_sku varchar, logged_in_share decimal(38, 9))"""
    )
    named: list[tuple] = []
    n = 0
    for sku, per_cc in NAMED_USERS.items():
        for code, count in per_cc.items():
            if code == ORPHAN:
                continue
            for _ in range(count):
                n += 1
                name = f"{code.title()} User {n:03d}"
                named.append((oct1, f"u-{n:03d}", name, code, LICENCE_ID[sku], sku, Decimal(1)))
    _insert(con, "marts.fct_named_users", named)
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


def vendor_total(path: Path, month: str = MONTH) -> Decimal:
    """The vendor invoice total of the month, from the raw invoice (independent of the marts)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute(
            "select sum(amount) from genesys_raw.invoices where invoice_id = ?",
            [invoice_id(month)],
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return Decimal(row[0]).quantize(Decimal("0.01"))


_PUBLISHED: dict[str, tuple[Path, Path, Any]] = {}


def synthetic_publication(factory: Any) -> tuple[Path, Path, Any]:
    """(warehouse, out dir, PublishResult) of the synthetic month, published once per session.

    Cached at module level so every publisher test module shares one run (PDFs take seconds).
    `factory` is pytest's tmp_path_factory.
    """
    if "default" not in _PUBLISHED:
        from fairshare.publish import publish

        base = factory.mktemp("publish")
        warehouse = build_synthetic_warehouse(base / "warehouse.duckdb")
        result = publish(
            month=MONTH, out_dir=base / "out", duckdb_path=warehouse, require_passing_build=False
        )
        _PUBLISHED["default"] = (warehouse, base / "out", result)
    return _PUBLISHED["default"]

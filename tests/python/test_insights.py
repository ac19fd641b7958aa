"""Beyond the bill (issue 16): unit costs, budgets, explained changes and the licence advisor, on
two months really extracted and built.

October is the session warehouse's baseline month; November is month 2 of the sandbox scenario
(fairshare.sandbox.scenario, every change of the story in one month: Support grows, toll-free
minutes and CX 1 licences get dearer, no crisis and no SLA credit, Sales starts its campaign
bursts, the contract stays at October's prepaid users, three named users barely log in). Every
figure of the insights marts is recomputed here from invoice_lines and the intermediate tables,
independently of the SQL that made it; the publisher's sections and the run summary are checked
against the marts. The small hand-computed scenarios are dbt unit tests
(models/intermediate/insights/_insights__models.yml).
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any

import conftest
import duckdb
import pytest

from fairshare import pipeline
from fairshare.publish import PublishResult, publish
from fairshare.sandbox.scenario import contracted_of, generate_month, plan

pytestmark = pytest.mark.xdist_group("insights")

OCTOBER = "2026-10-01"
NOVEMBER = "2026-11-01"
METERED = {"telecom_usage", "named_users", "api_requests", "ai_usage"}
NANO = 10**9


@dataclass(frozen=True)
class Scenario:
    warehouse: Path
    out: Path
    data_dir: Path
    result: PublishResult


@pytest.fixture(scope="module")
def scenario(
    warehouse: Path, sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Scenario]:
    """The session warehouse (October) plus scenario month 2 (November), built and published."""
    root = tmp_path_factory.mktemp("insights")
    path = root / "fairshare.duckdb"
    shutil.copy(warehouse, path)
    step = plan(
        "2026-10", 2, conftest.SANDBOX_CONVERSATIONS, contracted_of(sandbox_dir), burst_from=2
    )[1]
    data_dir = root / "sandbox" / step.month
    generate_month(data_dir, step, seed=conftest.SANDBOX_SEED)
    mp = pytest.MonkeyPatch()
    mp.setenv("FAIRSHARE_DUCKDB_PATH", str(path))
    try:
        conftest.extract_month(data_dir, path, month=step.month)
        pipeline.build(step.month)
    finally:
        mp.undo()
    out = root / "out"
    result = publish(month=step.month, out_dir=out, duckdb_path=path, pdf=False)
    yield Scenario(path, out, data_dir, result)


def _rows(path: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    with duckdb.connect(str(path), read_only=True) as con:
        cursor = con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _cents(value: Decimal) -> int:
    return int((value * 100).to_integral_value())


# --------------------------------------------------------------------- explained changes


def _month_products(lines: list[dict[str, Any]]) -> tuple[dict, dict, dict]:
    """Per (cc, category, sku): cents and driver quantity of the month's own rows; adjustment
    cents; per (category, sku): the vendor's amount, driver total and method."""
    own: dict[tuple[str, str, str], list[Fraction]] = defaultdict(lambda: [Fraction(0)] * 2)
    adjustments: dict[tuple[str, str, str], int] = defaultdict(int)
    lines_by_id: dict[tuple[str, str], dict[str, Any]] = {}
    for r in lines:
        key = (r["cost_center_code"], r["cost_category"], r["product_sku"])
        if r["allocation_method"] == "adjustment":
            adjustments[key] += r["amount_cents"]
            continue
        c, q = own[key]
        if r["allocation_rule"] in ("driver", "orphan_absorb"):
            q += Fraction(r["driver_quantity"])
        own[key] = [c + r["amount_cents"], q]
        line = lines_by_id.setdefault(
            (r["invoice_id"], r["invoice_line_id"]),
            {"cat": r["cost_category"], "sku": r["product_sku"], "cents": 0, "total": None,
             "method": r["product_allocation_method"]},
        )  # fmt: skip
        line["cents"] += r["amount_cents"]
        if r["allocation_rule"] in ("driver", "orphan_absorb"):
            line["total"] = Fraction(r["driver_total"])
    products: dict[tuple[str, str], dict[str, Any]] = {}
    for line in lines_by_id.values():
        p = products.setdefault(
            (line["cat"], line["sku"]), {"cents": 0, "total": Fraction(0), "method": line["method"]}
        )
        p["cents"] += line["cents"]
        p["total"] += line["total"] or 0
    return own, adjustments, products


def _largest_remainder(parts: list[Fraction], total: int) -> list[int]:
    floors = [floor(p) for p in parts]
    remainders = [p - f for p, f in zip(parts, floors, strict=True)]
    leftover = total - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for i in order[:leftover]:
        floors[i] += 1
    return floors


def _decompose(before: list[dict[str, Any]], now: list[dict[str, Any]]) -> dict[tuple, tuple]:
    """The documented decomposition (docs/insights.md), with exact fractions."""
    own0, adj0, prod0 = _month_products(before)
    own1, adj1, prod1 = _month_products(now)
    out = {}
    for key in set(own0) | set(own1) | set(adj0) | set(adj1):
        _, cat, sku = key
        c0, q0 = own0.get(key, [Fraction(0), Fraction(0)])
        c1, q1 = own1.get(key, [Fraction(0), Fraction(0)])
        line0, line1 = prod0.get((cat, sku)), prod1.get((cat, sku))
        t0 = line0["total"] if line0 else Fraction(0)
        t1 = line1["total"] if line1 else Fraction(0)
        o0, o1 = max(t0 - q0, 0), max(t1 - q1, 0)
        method = (line1 or line0)["method"] if (line1 or line0) else None
        if method in METERED:
            if q0 > 0:
                price = c0 / q0
            elif line0 and t0 > 0:
                price = Fraction(line0["cents"]) / t0
            elif q1 > 0:
                price = c1 / q1
            else:
                price = Fraction(0)
            volume, share = (q1 - q0) * price, Fraction(0)
        elif line0 is None or line1 is None:
            volume = share = Fraction(0)
        else:
            amount0 = c0 * t0 / q0 if q0 > 0 and t0 > 0 else Fraction(line0["cents"])

            def part(q: Fraction, o: Fraction, amount: Fraction = amount0) -> Fraction:
                return amount * q / (q + o) if q + o > 0 else Fraction(0)

            volume = part(q1, o0) - (c0 if q0 > 0 else 0)
            share = part(q1, o1) - part(q1, o0)
        change = int(c1 - c0)
        rate = change - volume - share
        v, s, r = _largest_remainder([volume, share, rate], change)
        a = adj1.get(key, 0) - adj0.get(key, 0)
        out[key] = (change + a, v, s, r, a)
    return out


def _invoice_lines(path: Path, month: str) -> list[dict[str, Any]]:
    return _rows(
        path,
        "select * from marts.invoice_lines where billing_month = cast(? as date)",
        [month],
    )


def test_parts_add_up_to_the_change_to_the_cent_for_every_department_and_category(
    scenario: Scenario,
) -> None:
    changes = _rows(
        scenario.warehouse,
        "select * from marts.fct_cost_changes where billing_month = cast(? as date)",
        [NOVEMBER],
    )
    assert changes and all(r["has_previous_month"] for r in changes)
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for month, sign in ((NOVEMBER, 1), (OCTOBER, -1)):
        for r in _invoice_lines(scenario.warehouse, month):
            expected[(r["cost_center_code"], r["cost_category"])] += sign * r["amount"]
    got: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 5)
    for r in changes:
        parts = [r["volume_amount"], r["share_amount"], r["rate_amount"], r["adjustments_amount"]]
        assert sum(parts) == r["change_amount"], r
        assert r["change_amount"] == r["amount"] - r["previous_amount"], r
        acc = got[(r["cost_center_code"], r["cost_category"])]
        for i, value in enumerate([r["change_amount"], *parts]):
            acc[i] += value
    assert set(got) == {k for k, v in expected.items()} | {k for k in got if k not in expected}
    for key, change in expected.items():
        change_sum, *parts = got[key]
        assert change_sum == change, key
        assert sum(parts) == change, key
    # the story shows in the parts: a credit gone (rate), Support's growth (volume), prices (rate)
    credit = [r for r in changes if r["product_sku"] == "GC-CREDIT"]
    assert credit and all(r["rate_amount"] == r["change_amount"] > 0 for r in credit)
    assert any(r["volume_amount"] != 0 for r in changes if r["cost_model"] == "shared")
    assert any(r["share_amount"] != 0 for r in changes)


def test_decomposition_matches_the_definitions_recomputed_independently(
    scenario: Scenario,
) -> None:
    expected = _decompose(
        _invoice_lines(scenario.warehouse, OCTOBER), _invoice_lines(scenario.warehouse, NOVEMBER)
    )
    rows = _rows(
        scenario.warehouse,
        "select * from marts.fct_cost_changes where billing_month = cast(? as date)",
        [NOVEMBER],
    )
    assert len(rows) == len(expected)
    for r in rows:
        key = (r["cost_center_code"], r["cost_category"], r["product_sku"])
        got = (r["change_cents"], r["volume_cents"], r["share_cents"], r["rate_cents"],
               r["adjustments_cents"])  # fmt: skip
        assert got == expected[key], (key, got, expected[key])


# --------------------------------------------------------------------- unit economics


def _half_up(value: Fraction, places: int) -> Decimal:
    scaled = value * 10**places
    return (Decimal(floor(scaled + Fraction(1, 2))) / Decimal(10**places)).quantize(
        Decimal(1).scaleb(-places)
    )


def test_unit_costs_recomputed_independently(scenario: Scenario) -> None:
    wh = scenario.warehouse
    cost: dict[str, int] = defaultdict(int)
    for r in _invoice_lines(wh, NOVEMBER):
        if r["allocation_method"] != "adjustment":
            cost[r["cost_center_code"]] += r["amount_cents"]
    interactions: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in _rows(
        wh,
        "select cost_center_code, interaction_share_ppb, handled_ms "
        "from intermediate.int_interactions_attributed_to_cost_centers "
        "where billing_month = cast(? as date) and cost_center_code <> 'ORPHAN'",
        [NOVEMBER],
    ):
        interactions[r["cost_center_code"]][0] += r["interaction_share_ppb"]
        interactions[r["cost_center_code"]][1] += r["handled_ms"]
    # agent time from the logins and the department each slice counted for (15-minute slices)
    logins: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in _rows(wh, "select * from intermediate.int_user_logins_clipped_to_month"):
        logins[r["user_id"]].append((r["logged_in_from_ms"], r["logged_in_to_ms"]))
    slice_ms = 15 * 60_000
    agent_ms: dict[str, int] = defaultdict(int)
    per_user: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in _rows(
        wh,
        "select user_id, slice_index, cost_center_code "
        "from intermediate.int_concurrent_users_sliced where billing_month = cast(? as date)",
        [NOVEMBER],
    ):
        lo, hi = r["slice_index"] * slice_ms, (r["slice_index"] + 1) * slice_ms
        ms = sum(max(0, min(b, hi) - max(a, lo)) for a, b in logins[r["user_id"]])
        agent_ms[r["cost_center_code"]] += ms
        per_user[r["user_id"]][r["cost_center_code"]] += ms
    concurrent = {
        r["user_id"]
        for r in _rows(
            wh,
            "select user_id from intermediate.int_users_licensed_for_month "
            "where billing_model = 'concurrent'",
        )
    }
    logged = sum(b - a for u in concurrent for a, b in logins.get(u, []))
    assert sum(agent_ms.values()) == logged, "agent time is every concurrent user's login time"
    agents = {
        cc: sum(Fraction(ms, sum(split.values())) for split in per_user.values()
                for c, ms in split.items() if c == cc)
        for cc in agent_ms
    }  # fmt: skip
    named: dict[str, Fraction] = defaultdict(Fraction)
    for r in _rows(wh, "select * from intermediate.int_named_users_split_to_cost_centers"):
        named[r["cost_center_code"]] += Fraction(r["user_share_ppb"], NANO)
    rows = _rows(
        wh,
        "select * from marts.fct_unit_economics where billing_month = cast(? as date) "
        "and dimension_kind = 'cost_center'",
        [NOVEMBER],
    )
    assert {r["cost_center_code"] for r in rows} == set(cost)
    for r in rows:
        cc = r["cost_center_code"]
        euros = Fraction(cost[cc], 100)
        ppb, handled = interactions.get(cc, [0, 0])
        assert r["cost"] == Decimal(cost[cc]) / 100
        assert r["handled_interactions"] == Decimal(ppb) / NANO
        expected = {
            "cost_per_interaction": euros / Fraction(ppb, NANO) if ppb else None,
            "cost_per_handled_minute": euros / Fraction(handled, 60_000) if handled else None,
            "cost_per_agent_hour": (
                euros / Fraction(agent_ms[cc], 3_600_000) if agent_ms.get(cc) else None
            ),
            "cost_per_named_user": euros / named[cc] if named.get(cc) else None,
        }
        users = named.get(cc, Fraction(0)) + agents.get(cc, Fraction(0))
        expected["cost_per_user"] = euros / users if users else None
        for column, value in expected.items():
            want = None if value is None else _half_up(value, 4)
            if column == "cost_per_user" and want is not None:
                # agents are counted in parts per billion: the 4th decimal may round either way
                assert abs(r[column] - want) <= Decimal("0.0001"), (cc, column, r[column], want)
                continue
            assert r[column] == want, (cc, column, r[column], want)
        if cc in agents:  # the agents are split exactly (parts per billion)
            assert abs(
                r["agents"] - Decimal(agents[cc].numerator) / agents[cc].denominator
            ) < Decimal("0.000000002")
    # the growing department: more interactions for Support in November
    support = _rows(
        wh,
        "select billing_month, handled_interactions from marts.fct_unit_economics "
        "where cost_center_code = 'SUPPORT' and dimension_kind = 'cost_center' order by 1",
    )
    assert [r["billing_month"].isoformat() for r in support] == [OCTOBER, NOVEMBER]
    assert support[1]["handled_interactions"] > support[0]["handled_interactions"]


# --------------------------------------------------------------------- budgets


def test_budgets_flagged_exactly_when_over(
    scenario: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    wh = scenario.warehouse
    budgets = _rows(
        wh,
        "select * from config.budgets where month_from <= cast(? as date) "
        "and (month_to is null or month_to >= cast(? as date))",
        [NOVEMBER, NOVEMBER],
    )
    actual: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in _invoice_lines(wh, NOVEMBER):
        actual[(r["cost_center_code"], "all")] += r["amount"]
        actual[(r["cost_center_code"], r["cost_category"])] += r["amount"]
    rows = _rows(
        wh,
        "select * from marts.fct_budget_variance where billing_month = cast(? as date)",
        [NOVEMBER],
    )
    by_key = {(r["cost_center_code"], r["budget_scope"]): r for r in rows}
    assert len(by_key) == len(rows)
    for b in budgets:
        key = (b["cost_center_code"], b["cost_category"] or "all")
        r = by_key[key]
        assert r["budget_amount"] == b["monthly_amount"], key
        assert r["actual_amount"] == actual[key], key
        assert r["is_over_budget"] == (actual[key] > b["monthly_amount"]), key
        assert r["variance_amount"] == actual[key] - b["monthly_amount"], key
        # a complete month: the data reaches its last day and the forecast is the actual
        assert (r["days_with_data"], r["is_month_to_date"]) == (30, False)
        assert r["forecast_amount"] == r["actual_amount"]
        assert r["is_forecast_over_budget"] == r["is_over_budget"]
    unbudgeted = [r for r in rows if r["budget_amount"] is None]
    assert all(not r["is_over_budget"] and not r["is_forecast_over_budget"] for r in unbudgeted)
    flagged = {k for k, r in by_key.items() if r["is_over_budget"] or r["is_forecast_over_budget"]}
    assert flagged and flagged != {k for k in by_key if by_key[k]["budget_amount"] is not None}, (
        "the scenario has departments over and within budget"
    )
    # the run summary and summary.json carry exactly those, as information (no error)
    alerts = scenario.result.budget_alerts
    assert {(a.code, a.scope) for a in alerts} == flagged
    summary = json.loads((scenario.out / "2026-11" / "summary.json").read_text())
    assert {(a["cost_center"], a["scope"]) for a in summary["budget_alerts"]} == flagged
    pipeline.print_run_summary("2026-11", scenario.result, scenario.out, "published")
    printed = capsys.readouterr().out
    for alert in alerts:
        assert alert.text[:40] in " ".join(printed.split()), alert.text


# --------------------------------------------------------------------- licence advisor


def _line(path: Path, month: str, sku: str) -> tuple[Decimal, Decimal]:
    rows = _rows(
        path,
        "select quantity, amount from genesys_raw.invoice_lines "
        "where product_sku = ? and date_start = cast(? as date)",
        [sku, month],
    )
    return (sum((Decimal(r["quantity"]) for r in rows), Decimal(0)),
            sum((Decimal(r["amount"]) for r in rows), Decimal(0)))  # fmt: skip


def test_advisor_what_if_from_the_invoices(scenario: Scenario) -> None:
    """N more prepaid users over October and November at each invoice's prices, computed from the
    vendor's raw invoice lines; the cost centers' from the overage they were allocated."""
    wh = scenario.warehouse
    months = []
    for month in (OCTOBER, NOVEMBER):
        prepaid, prepaid_amount = _line(wh, month, "GC-CX3-CONC")
        overage, overage_amount = _line(wh, month, "GC-CX3-CONC-OVG")
        months.append((prepaid, prepaid_amount, overage, overage_amount))
    assert months[0][0] == months[1][0], "the scenario keeps October's contract"
    assert months[1][2] > 0, "growth and the Sales bursts buy overage in November"
    rows = _rows(
        wh,
        "select * from marts.fct_licence_advice where billing_month = cast(? as date) "
        "and scope_code = 'ORGANISATION' order by extra_users",
        [NOVEMBER],
    )
    assert rows[-1]["extra_users"] == max(int(m[2]) for m in months)
    cent = Decimal("0.01")
    actual = next(r["what_if_amount"] for r in rows if r["extra_users"] == 0)
    for r in rows:
        n = r["extra_users"]
        cost = sum(
            (p_amount + (n * p_amount / p).quantize(cent, ROUND_HALF_UP)
             + ((max(Decimal(0), o - n) * o_amount / o).quantize(cent, ROUND_HALF_UP) if o else 0)
             for p, p_amount, o, o_amount in months),
            Decimal(0),
        )  # fmt: skip
        assert r["what_if_amount"] == cost, n
        assert r["savings_amount"] == actual - cost, n
    best = min(rows, key=lambda r: (r["what_if_amount"], abs(r["extra_users"])))
    assert [r["extra_users"] for r in rows if r["is_recommended"]] == [best["extra_users"]]
    paid: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for i, month in enumerate((OCTOBER, NOVEMBER)):
        for line in _invoice_lines(wh, month):
            if line["product_allocation_method"] == "overage_cause":
                paid[line["cost_center_code"]][i] += line["amount"]
    for r in _rows(
        wh,
        "select * from marts.fct_licence_advice where billing_month = cast(? as date) "
        "and scope_code <> 'ORGANISATION'",
        [NOVEMBER],
    ):
        n = r["extra_users"]
        cost = Decimal(0)
        for (p, p_amount, o, o_amount), own in zip(months, paid[r["scope_code"]], strict=True):
            cost += (n * p_amount / p).quantize(cent, ROUND_HALF_UP)
            cost += max(
                Decimal(0), own - ((n * o_amount / o).quantize(cent, ROUND_HALF_UP) if o else 0)
            )
        assert r["what_if_amount"] == cost, (r["scope_code"], n)
    # named users who barely logged in (the scenario's three)
    low = _rows(
        wh,
        "select * from marts.fct_licence_usage "
        "where billing_month = cast(? as date) and is_low_use",
        [NOVEMBER],
    )
    assert len({r["user_id"] for r in low}) == 3
    assert all(r["days_logged_in"] <= 3 for r in low)


# --------------------------------------------------------------------- the sandbox story


def test_scenario_month_behaves_as_the_story_says(scenario: Scenario, sandbox_dir: Path) -> None:
    meta = json.loads((scenario.data_dir / "sandbox.json").read_text())
    profile = meta["scenarioProfile"]
    assert profile["crisis"] is False and profile["bursts"]["SALES"]
    assert "scenarioProfile" not in json.loads((sandbox_dir / "sandbox.json").read_text())
    lines = (scenario.data_dir / "billing" / "invoice_lines.csv").read_text()
    assert (
        "GC-CREDIT" not in lines
        and "GC-CREDIT" in (sandbox_dir / "billing" / "invoice_lines.csv").read_text()
    )
    rates = {
        row.split(",")[4]: row.split(",")[9]
        for row in (scenario.data_dir / "voice_usage.csv").read_text().splitlines()[1:]
    }
    assert rates["toll_free"] == "0.0165"  # +10 % on 0.0150
    cx1 = _rows(
        scenario.warehouse,
        "select quantity, amount from genesys_raw.invoice_lines where product_sku = 'GC-CX1-NAMED' "
        "and date_start = cast(? as date)",
        [NOVEMBER],
    )[0]
    assert Decimal(cx1["amount"]) == Decimal(cx1["quantity"]) * Decimal("99.00")


# --------------------------------------------------------------------- the site


def test_site_shows_movers_unit_costs_budgets_and_the_advisor(scenario: Scenario) -> None:
    site = scenario.out / "2026-11" / "showback"
    overview = (site / "index.html").read_text()
    assert 'id="movers-list"' in overview and 'id="table-budgets"' in overview
    changes = _rows(
        scenario.warehouse,
        "select cost_center_code, sum(change_amount) as change from marts.fct_cost_changes "
        "where billing_month = cast(? as date) group by 1",
        [NOVEMBER],
    )
    ranked = sorted(
        (r for r in changes if r["change"] != 0),
        key=lambda r: (-abs(r["change"]), r["cost_center_code"]),
    )
    for i, r in enumerate(ranked):  # the five largest movers, largest first
        shown = f'data-cc="{r["cost_center_code"]}" data-change="{r["change"]}"' in overview
        assert shown == (i < 5), r
    positions = [
        overview.index(f'data-cc="{r["cost_center_code"]}" data-change=') for r in ranked[:5]
    ]
    assert positions == sorted(positions)
    support = (site / "cost-centers" / "SUPPORT.html").read_text()
    unit = _rows(
        scenario.warehouse,
        "select * from marts.fct_unit_economics where billing_month = cast(? as date) "
        "and cost_center_code = 'SUPPORT' and dimension_kind = 'cost_center'",
        [NOVEMBER],
    )[0]
    assert f'data-metric="per_interaction" data-value="{unit["cost_per_interaction"]}"' in support
    assert 'id="table-unit-trend"' in support and 'id="cc-change-sentence"' in support
    assert 'id="table-cc-budget"' in support
    advisor = (site / "advisor.html").read_text()
    assert 'id="org-advice"' in advisor and 'id="table-org-whatif"' in advisor
    names = {r["cost_center_code"]: r["cost_center_name"] for r in _rows(
        scenario.warehouse, "select cost_center_code, cost_center_name from config.cost_centers"
    )}  # fmt: skip
    for code in names:
        own = site / code
        if not own.exists():
            continue
        text = (own / "index.html").read_text() + (own / "advisor.html").read_text()
        for other, other_name in names.items():
            if other != code and other != "CORP_IT":
                assert other_name not in text, (code, other)
                assert f'data-cc="{other}"' not in text, (code, other)


@pytest.mark.browser
def test_insight_pages_in_the_browser(scenario: Scenario, tmp_path: Path) -> None:
    """Headless Chromium opens the overview (movers, budgets), Customer Support's page (budget,
    why it changed, unit costs) and the licence advisor from file://: no console error, no
    request leaving the files, the figures on screen are the marts'; one screenshot of each
    (copied to $FAIRSHARE_INSIGHTS_SCREENSHOTS when set)."""
    from playwright.sync_api import sync_playwright

    from fairshare.publish.screenshots import CHROMIUM_ARGS, chromium_path

    binary = chromium_path()
    assert binary.exists(), f"headless Chromium is required and was not found at {binary}"
    site = scenario.out / "2026-11" / "showback"
    pages = {
        "insights-overview": (site / "index.html", "#movers-list li"),
        "insights-cost-center": (site / "cost-centers" / "SUPPORT.html", "#unit-kpis"),
        "insights-advisor": (site / "advisor.html", "#org-advice"),
    }
    errors: list[str] = []
    external: list[str] = []
    shots: list[Path] = []
    unit = _rows(
        scenario.warehouse,
        "select cost_per_interaction from marts.fct_unit_economics where billing_month = "
        "cast(? as date) and cost_center_code = 'SUPPORT' and dimension_kind = 'cost_center'",
        [NOVEMBER],
    )[0]["cost_per_interaction"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(binary), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on(
                "request",
                lambda r: None if r.url.startswith("file://") else external.append(r.url),
            )
            for kind, (path, selector) in pages.items():
                page.goto(path.resolve().as_uri())
                page.wait_for_load_state("load")
                assert page.locator(selector).first.is_visible(), (kind, selector)
                if kind == "insights-cost-center":
                    shown = page.locator('[data-metric="per_interaction"]').first
                    assert Decimal(shown.get_attribute("data-value") or "") == unit
                    assert shown.inner_text() == f"${unit.quantize(Decimal('0.01'), ROUND_HALF_UP)}"
                out = tmp_path / f"{kind}.png"
                page.screenshot(path=str(out), full_page=True)
                assert out.stat().st_size > 20_000, out
                shots.append(out)
        finally:
            browser.close()
    assert not errors and not external, (errors, external)
    target = os.environ.get("FAIRSHARE_INSIGHTS_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copy(shot, Path(target) / shot.name)

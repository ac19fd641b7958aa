"""The vendor side of the sandbox month: API usage, billable usage, contract and invoice.

Every invoice quantity follows from the generated usage (see docs/sandbox-dataset.md,
"Invoice"): named users from presence, concurrent peak and overage from the concurrency
histogram, telecom from the voice usage legs, API on-demand from `api_usage.jsonl`, AI tokens
from bot minutes. Money is `Decimal` throughout; on the wire (the billing API JSON) amounts,
rates and quantities are JSON numbers as Genesys sends them (the SDK's `BillingCharge`,
`BillingInvoiceItem`: numbers, invoice-line quantities integers, `unitOfMeasure` one of the SDK's
capitalised enum values), written from binary floats: some carry float artefacts on purpose
(see `_wire`), which the loader must land exactly. The invoice CSV keeps exact decimal text.
"""

from __future__ import annotations

import csv
import io
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fairshare.sandbox.gen_common import Month, new_uuid
from fairshare.sandbox.gen_directory import CURRENCY, Org
from ingestion.genesys.schema import INVOICE_CSV_COLUMNS

CENT = Decimal("0.01")

# sku -> (product name, unit of measure, unit price)
CATALOG: dict[str, tuple[str, str, Decimal]] = {
    "GC-CX1-NAMED": ("Genesys Cloud CX 1 User", "User", Decimal("95.00")),
    "GC-CX2-NAMED": ("Genesys Cloud CX 2 User", "User", Decimal("125.00")),
    "GC-COMM-NAMED": ("Genesys Cloud Communicate User", "User", Decimal("40.00")),
    "GC-CX3-CONC": ("Genesys Cloud CX 3 Concurrent User", "User", Decimal("260.00")),
    "GC-CX3-CONC-OVG": ("Genesys Cloud CX 3 Concurrent User Overage", "User", Decimal("312.00")),
    "GCV-TF-IN": ("Genesys Cloud Voice Toll-Free Inbound Minutes", "Minute", Decimal("0.0150")),
    "GCV-LOCAL-IN": ("Genesys Cloud Voice Local Inbound Minutes", "Minute", Decimal("0.0040")),
    "GCV-DOM-OUT": ("Genesys Cloud Voice Domestic Outbound Minutes", "Minute", Decimal("0.0119")),
    "GCV-INTL-OUT": ("Genesys Cloud Voice International Outbound Minutes", "Minute", Decimal("0")),
    # per request above the pooled fair-use allowance (0.25 per 1,000 requests)
    "GC-API-OD": ("API On-Demand Charge", "Transaction", Decimal("0.00025")),
    "GC-AI-TOKENS": ("AI Experience Tokens", "Token", Decimal("1.00")),
    "GC-PLATFORM": ("Genesys Cloud Platform Fee", "Unit", Decimal("0")),
    "GC-SUPPORT-PREM": ("Premier Support", "Unit", Decimal("0")),
    "GC-WEM-ADDON": ("Workforce Engagement Add-on", "Unit", Decimal("0")),
    "GC-DID-RENTAL": ("Phone Number Rental", "PhoneNumber", Decimal("1.50")),
}
CREDIT = ("GC-CREDIT", "Service credit", "Unit")
MYSTERY = ("GC-MYSTERY-ADDON", "Genesys Cloud Mystery Add-on", "Unit", Decimal("199.00"))
TELECOM_SKUS = ("GCV-TF-IN", "GCV-LOCAL-IN", "GCV-DOM-OUT", "GCV-INTL-OUT")
NAMED_SKU = {"cloudCX1": "GC-CX1-NAMED", "cloudCX2": "GC-CX2-NAMED", "communicate": "GC-COMM-NAMED"}

# Fair-use API pool per billable user and month (Genesys's published CX 3 allowances).
API_POOL_CONCURRENT = 182_000
API_POOL_NAMED = 140_000
AI_TOKENS_PER_CONCURRENT = 5
BOT_MINUTES_PER_TOKEN = 17


@dataclass
class Usage:
    """Month totals the invoice is computed from."""

    named: dict[str, int]  # top licence -> logged-in users
    contracted: int
    billed_peak: int
    voice: dict[str, list[int]]  # sku -> [billed seconds, micro USD, legs]
    api_requests: int
    bot_ms: int
    cc_agents: int
    licensed_users: int
    dids: int
    named_resources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def api_usage(
    org: Org, days: list[tuple[date, dict[str, int], dict[str, int]]], seed: int
) -> list[dict[str, Any]]:
    """One `api_usage.jsonl` row per OAuth client and UTC day of the month.

    `days` holds (day, conversations per pool, logged-in agent ms per pool). CTI clients scale
    with logged-in agent hours (they poll per agent) and handled conversations.
    """
    rng = random.Random(f"{seed}:{org.month.label}:api")
    users = len(org.users)
    rows = []
    for day, convs, agent_ms in days:
        weekend = day.weekday() >= 5
        crisis = day == org.crisis_day
        for client in org.oauth_clients:
            hours = agent_ms.get(client.cost_center, 0) / 3_600_000
            n = convs.get(client.cost_center, 0)
            if client.cost_center == "SALES":
                base = 1300 * hours + 18 * n + 300
            elif client.cost_center == "SUPPORT":
                base = 1200 * hours + 22 * n + 500
            elif client.cost_center == "HR":
                base = 4 * users + 1500 + 300 * hours
            elif client.cost_center == "MARKETING":
                base = 40 * n + (800 if weekend else 2500)
            elif client.cost_center == "FINANCE":
                base = 150 if weekend else 600
            else:
                base = 17_280 * (1 + users / 500)
            count = int(base * rng.uniform(0.97, 1.03))
            share = 0.002
            if client.cost_center == "CORP_IT":
                share = 0.01
            if crisis and client.cost_center == "SUPPORT":
                share = 0.06
            throttled = int(count * share * rng.uniform(0.5, 1.5))
            rows.append(
                {
                    # the usage job groups by OauthClientId: a date and the client's id only
                    "date": day.isoformat(),
                    "oauthClient": {"id": client.id},
                    "requestCount": count,
                    "status200": count - throttled,
                    "status429": throttled,
                }
            )
    return rows


def ai_tokens(bot_ms: int) -> int:
    """AI Experience tokens consumed by `bot_ms` of bot time (17 minutes a token, rounded up)."""
    return -(-bot_ms // (BOT_MINUTES_PER_TOKEN * 60_000))


def _ms(day: date) -> int:
    return (day - date(1970, 1, 1)).days * 86_400_000


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _qty(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value != 0 else "0"
    return text


def _wire(value: Decimal, artefact: bool = False) -> float | int:
    """A JSON number as Genesys sends it: an integer stays an integer; anything else is a binary
    double (its shortest repr on the wire). `artefact`: the neighbouring double instead, as float
    arithmetic on the sender's side produces (1234.5 -> 1234.5000000000002); 15 significant
    digits of it still read back the value."""
    if value == value.to_integral_value() and not artefact:
        return int(value)
    number = float(value)
    return math.nextafter(number, math.inf) if artefact else number


def _minutes(seconds: Decimal) -> Decimal:
    """Whole minutes of billed seconds (the invoice's integer quantity), half up."""
    return (seconds / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass
class Line:
    sku: str
    name: str
    unit: str
    description: str
    quantity: Decimal
    amount: Decimal


def invoice_lines(org: Org, usage: Usage, defects: bool) -> tuple[list[Line], dict[str, Any]]:
    """The month's invoice lines and the figures they come from (for expected.json)."""
    title = org.month.title()
    lines: list[Line] = []
    facts: dict[str, Any] = {}

    def add(sku: str, description: str, quantity: Decimal, amount: Decimal) -> None:
        name, unit, _price = CATALOG[sku]
        lines.append(Line(sku, name, unit, description, quantity, _money(amount)))

    price = {sku: p for sku, (_n, _u, p) in CATALOG.items()}
    add(
        "GC-CX3-CONC",
        f"{title} prepaid concurrent users",
        Decimal(usage.contracted),
        usage.contracted * price["GC-CX3-CONC"],
    )
    overage = max(0, usage.billed_peak - usage.contracted)
    add(
        "GC-CX3-CONC-OVG",
        f"{title} concurrent overage (billed peak {usage.billed_peak}, contracted "
        f"{usage.contracted})",
        Decimal(overage),
        overage * price["GC-CX3-CONC-OVG"],
    )
    for licence, sku in (
        ("cloudCX2", "GC-CX2-NAMED"),
        ("cloudCX1", "GC-CX1-NAMED"),
        ("communicate", "GC-COMM-NAMED"),
    ):
        n = usage.named.get(licence, 0)
        add(sku, f"{title} named users", Decimal(n), n * price[sku])
    telecom: dict[str, Any] = {}
    for sku in TELECOM_SKUS:
        seconds, micro, legs = usage.voice.get(sku, [0, 0, 0])
        minutes = Decimal(seconds) / 60
        cost = Decimal(micro) / Decimal(1_000_000)
        add(sku, f"{title} usage", _minutes(Decimal(seconds)), cost)
        telecom[sku] = {
            "legs": legs,
            "billed_seconds": seconds,
            "minutes": _qty(minutes),
            "cost": f"{cost:.6f}",
            "amount": f"{_money(cost):.2f}",
        }
    pool = API_POOL_CONCURRENT * usage.billed_peak + API_POOL_NAMED * (
        usage.named.get("cloudCX1", 0) + usage.named.get("cloudCX2", 0)
    )
    above = max(0, usage.api_requests - pool)
    add(
        "GC-API-OD",
        f"{title} API requests above the fair-use pool of {pool:,}",
        Decimal(above),
        above * price["GC-API-OD"],
    )
    bot_minutes = Decimal(usage.bot_ms) / 60_000
    tokens = Decimal(ai_tokens(usage.bot_ms))
    allowance = AI_TOKENS_PER_CONCURRENT * usage.contracted
    billable_tokens = max(Decimal(0), tokens - allowance)
    add(
        "GC-AI-TOKENS",
        f"{title} AI Experience tokens above the allowance of {allowance}",
        billable_tokens,
        billable_tokens * price["GC-AI-TOKENS"],
    )
    platform = Decimal(2500 + 30 * usage.licensed_users)
    support = Decimal(1500 + 22 * usage.licensed_users)
    wem = Decimal(45 * usage.cc_agents)
    add("GC-PLATFORM", f"{title} platform fee", Decimal(1), platform)
    add("GC-SUPPORT-PREM", f"{title} premier support", Decimal(1), support)
    add("GC-WEM-ADDON", f"{title} workforce engagement add-on", Decimal(1), wem)
    add(
        "GC-DID-RENTAL",
        f"{title} phone numbers",
        Decimal(usage.dids),
        usage.dids * price["GC-DID-RENTAL"],
    )
    credit = -_money(platform * Decimal("0.05"))
    lines.append(
        Line(
            CREDIT[0],
            CREDIT[1],
            CREDIT[2],
            f"SLA service credit for the {org.crisis_day.isoformat()} outage",
            Decimal(1),
            credit,
        )
    )
    if defects:
        lines.append(
            Line(MYSTERY[0], MYSTERY[1], MYSTERY[2], f"{title} add-on", Decimal(1), MYSTERY[3])
        )
    facts.update(
        contracted_concurrent=usage.contracted,
        billed_peak=usage.billed_peak,
        overage=overage,
        named_users={k: usage.named.get(k, 0) for k in ("cloudCX2", "cloudCX1", "communicate")},
        telecom=telecom,
        api={"requests": usage.api_requests, "pool": pool, "above_pool": above},
        ai={
            "bot_ms": usage.bot_ms,
            "bot_minutes": _qty(bot_minutes.quantize(Decimal("0.001"))),
            "tokens": int(tokens),
            "allowance": allowance,
            "billable_tokens": int(billable_tokens),
        },
        fixed={
            "platform": f"{platform:.2f}",
            "premier_support": f"{support:.2f}",
            "wem": f"{wem:.2f}",
            "did_count": usage.dids,
        },
    )
    return lines, facts


def billing_files(org: Org, usage: Usage, lines: list[Line], seed: int) -> dict[str, Any]:
    """Contract, billing period, invoice, lines (JSON + CSV) and billable usage documents."""
    rng = random.Random(f"{seed}:{org.month.label}:billing")
    month: Month = org.month
    nxt = month.last + timedelta(days=1)
    contract_id, period_id = new_uuid(rng), new_uuid(rng)
    invoice_id = f"INV-{month.label}-0001"
    start_d, end_d = month.first.isoformat(), month.last.isoformat()
    total = sum((line.amount for line in lines), Decimal(0))
    wire_lines = []
    csv_lines = []
    for k, line in enumerate(lines, start=1):
        wire_lines.append(
            {
                "id": f"L{k:03d}",
                "product": {"sku": line.sku, "name": line.name, "unitOfMeasure": line.unit},
                "description": line.description,
                "dateStart": start_d,
                "dateEnd": end_d,
                "quantity": int(line.quantity),
                "unitOfMeasure": line.unit,
                # the first telecom line carries a float artefact (a real sender's doubles)
                "amount": _wire(line.amount, artefact=line.sku == TELECOM_SKUS[0]),
            }
        )
        csv_lines.append(
            {
                "id": f"L{k:03d}",
                "product": {"sku": line.sku, "name": line.name},
                "description": line.description,
                "quantity": _qty(line.quantity),
                "unitOfMeasure": line.unit,
                "amount": f"{line.amount:.2f}",
            }
        )
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(INVOICE_CSV_COLUMNS)
    for wl in csv_lines:
        writer.writerow(
            [
                invoice_id,
                wl["id"],
                wl["product"]["sku"],
                wl["product"]["name"],
                wl["description"],
                start_d,
                end_d,
                wl["quantity"],
                wl["unitOfMeasure"],
                wl["amount"],
                CURRENCY,
            ]
        )
    by_sku = {line.sku: line for line in lines}
    charges = []
    for sku, (name, unit, price) in CATALOG.items():
        line = by_sku[sku]
        prepaid = fairuse = actual = over = Decimal(0)
        rate = price
        charge = Decimal(0)
        if sku == "GC-CX3-CONC":
            prepaid, actual = Decimal(usage.contracted), Decimal(usage.billed_peak)
            over = max(Decimal(0), actual - prepaid)
            rate = CATALOG["GC-CX3-CONC-OVG"][2]
            charge = over * rate
        elif sku == "GC-CX3-CONC-OVG":
            continue
        elif sku in NAMED_SKU.values():
            prepaid = actual = line.quantity
        elif sku in TELECOM_SKUS:
            actual = over = line.quantity
            charge = line.amount
            rate = Decimal(0)  # the rate is written as the sender computes it (a float division)
        elif sku == "GC-API-OD":
            pool = API_POOL_CONCURRENT * usage.billed_peak + API_POOL_NAMED * (
                usage.named.get("cloudCX1", 0) + usage.named.get("cloudCX2", 0)
            )
            fairuse = Decimal(pool) / 1000
            actual = Decimal(usage.api_requests) / 1000
            over, charge = line.quantity, line.amount
        elif sku == "GC-AI-TOKENS":
            fairuse = Decimal(AI_TOKENS_PER_CONCURRENT * usage.contracted)
            actual = Decimal(ai_tokens(usage.bot_ms))
            over, charge = line.quantity, line.amount
        else:
            prepaid = actual = line.quantity
            rate = Decimal(0)
        wire_rate: float | int = _wire(rate)
        if sku in TELECOM_SKUS:
            # a per-minute rate as a double division: 10+ decimals (e.g. 0.0045833333333333)
            wire_rate = float(line.amount) / float(line.quantity) if line.quantity else 0
        charges.append(
            {
                "id": new_uuid(rng),
                "product": {"id": new_uuid(rng), "sku": sku, "name": name, "unitOfMeasure": unit},
                "prepaidQuantity": _wire(prepaid),
                "fairuseQuantity": _wire(fairuse),
                "actualQuantity": _wire(actual),
                "overageQuantity": _wire(over),
                "overageRate": wire_rate,
                # the API on-demand charge as the sender sums it: float noise included
                "overageCharge": (
                    float(_money(charge) - Decimal("0.2")) + 0.2
                    if sku == "GC-API-OD" and charge
                    else _wire(_money(charge))
                ),
                "overageCurrency": CURRENCY,
            }
        )
    tokens_line = by_sku["GC-AI-TOKENS"]
    allowance = Decimal(AI_TOKENS_PER_CONCURRENT * usage.contracted)
    used = Decimal(ai_tokens(usage.bot_ms))
    period = {
        "id": period_id,
        "dateStart": start_d,
        "dateEnd": end_d,  # a date, inclusive
        "status": "Closed",
        "charges": charges,
        "wallets": [
            {
                "name": "AI Experience Tokens",
                "unitOfMeasure": "Token",
                "startingBalance": _wire(allowance),
                "balanceConsumption": _wire(min(used, allowance)),
                "endingBalance": _wire(max(Decimal(0), allowance - used)),
                "balanceOverageCharge": _wire(tokens_line.amount),
            }
        ],
    }
    contract = {
        "id": contract_id,
        "status": "Active",
        "dateStart": date(month.first.year, 1, 1).isoformat(),
        "dateEnd": (date(month.first.year + 3, 1, 1) - timedelta(days=1)).isoformat(),
        "billingPeriods": [
            {"id": period_id, "dateStart": start_d, "dateEnd": end_d, "status": "Closed"}
        ],
    }
    invoice = {
        "id": invoice_id,
        "dateInvoiced": nxt.isoformat(),
        "currencyIsoCode": CURRENCY,
        "paymentStatus": "Unpaid",
        "amount": _wire(total),
    }
    usages = []
    for licence, label in (
        ("cloudCX2", "Genesys Cloud CX 2 User"),
        ("cloudCX1", "Genesys Cloud CX 1 User"),
        ("communicate", "Genesys Cloud Communicate User"),
    ):
        resources = usage.named_resources.get(licence, [])
        usages.append(
            {
                "name": label,
                "totalUsage": str(len(resources)),
                "resources": [{"name": n, "date": d} for n, d in resources],
            }
        )
    usages.append(
        {
            "name": "Genesys Cloud CX 3 Concurrent User",
            "totalUsage": str(usage.billed_peak),
            "resources": [],
        }
    )
    for sku in TELECOM_SKUS:
        usages.append(
            {"name": CATALOG[sku][0], "totalUsage": _qty(by_sku[sku].quantity), "resources": []}
        )
    usages.append({"name": "API Requests", "totalUsage": str(usage.api_requests), "resources": []})
    usages.append({"name": "AI Experience Tokens", "totalUsage": _qty(used), "resources": []})
    return {
        "contract": contract,
        "period": period,
        "invoice": invoice,
        "lines": wire_lines,
        "csv_lines": csv_lines,
        "csv": buf.getvalue(),
        "billable_usage": {"status": "Complete", "usages": usages},
        "total": total,
        "invoice_id": invoice_id,
        "period_id": period_id,
    }

"""Writing the month's files once the days are simulated: presence, directory, expected.json."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson

from fairshare.sandbox.gen_common import HOUR_MS, Month, iso, local_ms
from fairshare.sandbox.gen_conversations import ENTRIES
from fairshare.sandbox.gen_directory import CURRENCY, ORG_NAME, SHIFTS, UNKNOWN_LICENCE, Org
from fairshare.sandbox.gen_directory_json import (
    customattribute_json,
    did_json,
    didpools_json,
    directory_changes,
    divisions_json,
    ivrs_json,
    licence_definitions_json,
    licence_users_json,
    oauth_clients_json,
    queue_json,
    schemas_json,
    user_json,
)
from fairshare.sandbox.gen_wire import DayStats

PRETTY = orjson.OPT_INDENT_2
# Version of the dataset format: a directory written by an older generator is regenerated, not
# reused (2: issue 12, billing money as JSON numbers, IVR configurations, OAuth client list).
DATASET_FORMAT = 2


def _fragments(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def write_user_details(
    out: Path, org: Org, day_files: list[tuple[date, Path]]
) -> tuple[tuple[int, int], dict[int, int]]:
    """Stitch the daily fragments into one `user_details.jsonl` line per user.

    Returns the presence/routing interval counts and each user's last login before the month.
    """
    m = org.month
    pid = org.presence_ids
    readers = [(day, _fragments(path)) for day, path in day_files]
    heads: list[list[str] | None] = [next(it, None) for _d, it in readers]
    first_day = day_files[0][0]
    n_pres = n_rout = 0
    last_logins: dict[int, int] = {}

    def off(start: int, end: int | None) -> str:
        if end is None:
            return (
                f'{{"startTime":"{iso(start)}","systemPresence":"OFFLINE",'
                f'"organizationPresenceId":"{pid["OFFLINE"]}"}}'
            )
        return (
            f'{{"startTime":"{iso(start)}","endTime":"{iso(end)}","systemPresence":"OFFLINE",'
            f'"organizationPresenceId":"{pid["OFFLINE"]}"}}'
        )

    def offq(start: int, end: int | None) -> str:
        if end is None:
            return f'{{"startTime":"{iso(start)}","routingStatus":"OFF_QUEUE"}}'
        return f'{{"startTime":"{iso(start)}","endTime":"{iso(end)}","routingStatus":"OFF_QUEUE"}}'

    with (out / "user_details.jsonl").open("w", encoding="utf-8") as fh:
        for user in org.users:
            frags: list[tuple[date, list[str]]] = []
            for k, (day, it) in enumerate(readers):
                head = heads[k]
                if head is not None and int(head[0]) == user.idx:
                    frags.append((day, head))
                    heads[k] = next(it, None)
            anchor = _previous_logout(org, user)
            last_login = anchor - 8 * HOUR_MS
            pres: list[str] = []
            rout: list[str] = []
            prev: int | None = anchor
            prev_r: int | None = anchor
            agent = user.role == "agent"
            for day, f in frags:
                login = int(f[1])
                logout = int(f[2]) if f[2] else None
                onq = int(f[3]) if f[3] else None
                if day == first_day:
                    last_login = login
                    if logout is not None and logout <= m.start_ms:
                        prev = prev_r = logout
                        continue
                assert prev is not None
                pres.append(off(prev, login))
                pres.append(f[6])
                n_pres += 1 + int(f[4])
                if agent and onq is not None and prev_r is not None:
                    rout.append(offq(prev_r, onq))
                    if f[7]:
                        rout.append(f[7])
                    n_rout += 1 + int(f[5])
                    prev_r = logout
                prev = logout
                if logout is None:
                    break
            if prev is not None:
                pres.append(off(prev, None))
                n_pres += 1
            if not agent or not frags:
                rout = [offq(anchor, None)]
                n_rout += 1
            elif prev_r is not None:
                rout.append(offq(prev_r, None))
                n_rout += 1
            last_logins[user.idx] = last_login
            fh.write(
                f'{{"userId":"{user.id}","primaryPresence":[{",".join(pres)}],'
                f'"routingStatus":[{",".join(rout)}]}}\n'
            )
    return (n_pres, n_rout), last_logins


def _previous_logout(org: Org, user: Any) -> int:
    """The user's (synthetic) last logout before the simulated days."""
    first = org.month.first - timedelta(days=1)
    if user.on_leave:
        return local_ms(first - timedelta(days=45), 17.0) + user.idx * 1_000
    for back in range(1, 9):
        day = first - timedelta(days=back)
        if day.weekday() in user.weekdays:
            return local_ms(day, SHIFTS[user.shift][1]) + (user.idx * 7_919) % 900_000
    return local_ms(first - timedelta(days=7), 17.0)


def defect_user(org: Org) -> int:
    return next(
        u.idx
        for u in org.users
        if u.role == "backoffice" and u.licences == ("communicate",) and not u.on_leave
    )


def write_directory(
    out: Path, org: Org, last_logins: dict[int, int], defect_user: int | None
) -> None:
    def dump(name: str, obj: Any) -> None:
        (out / name).write_bytes(orjson.dumps(obj, option=PRETTY))

    dump("divisions.json", divisions_json(org))
    dump("users.json", [user_json(org, u, last_logins.get(u.idx)) for u in org.users])
    dump("customattributes_schemas.json", schemas_json(org))
    dump(
        "customattributes.json",
        [customattribute_json(org, u, u.attr) for u in org.users if u.attr is not None],
    )
    dump("queues.json", [queue_json(org, q) for q in org.queues.values()])
    dump("dids.json", [did_json(org, d) for d in org.dids])
    dump("didpools.json", didpools_json(org))
    dump("license_definitions.json", licence_definitions_json())
    dump("license_users.json", licence_users_json(org, defect_user))
    dump("ivrs.json", ivrs_json(org))
    dump("oauth_clients.json", oauth_clients_json(org))
    with (out / "directory_changes.jsonl").open("wb") as fh:
        for change in directory_changes(org, last_logins.get(org.mover_idx)):
            fh.write(orjson.dumps(change) + b"\n")


def expected_json(
    org: Org,
    m: Month,
    counts: dict[str, int],
    st: DayStats,
    facts: dict[str, Any],
    bill: dict[str, Any],
    lines: list[Any],
    borrowed: list[int],
    contracted: int,
    peak: int,
    above_ms: int,
    defect_user: int | None,
    changes: list[dict[str, Any]],
    defects: bool,
    seed: int,
) -> dict[str, Any]:
    users = org.users
    guide_id = st.tagged["guide_transfer"][0]
    g0 = local_ms(org.guide_day, 10.0)
    s = 1000
    timeline = {
        "ivr": [iso(g0), iso(g0 + 60 * s)],
        "sales_queue": [iso(g0 + 60 * s), iso(g0 + 64 * s)],
        "sales_agent_alert": [iso(g0 + 64 * s), iso(g0 + 66 * s)],
        "sales_agent_talk": [iso(g0 + 66 * s), iso(g0 + 120 * s)],
        "sales_agent_wrapup": [iso(g0 + 120 * s), iso(g0 + 150 * s)],
        "support_queue": [iso(g0 + 120 * s), iso(g0 + 150 * s)],
        "support_agent_alert": [iso(g0 + 150 * s), iso(g0 + 155 * s)],
        "support_agent_talk": [iso(g0 + 155 * s), iso(g0 + 3660 * s)],
        "support_agent_wrapup": [iso(g0 + 3660 * s), iso(g0 + 3720 * s)],
        "customer_leg": [iso(g0), iso(g0 + 3660 * s)],
    }
    messy = []
    for u in users:
        if u.messy is None:
            continue
        entry: dict[str, Any] = {
            "userId": u.id,
            "name": u.name,
            "kind": u.messy,
            "department": u.department,
            "costCenterAttribute": u.attr,
            "expectedCostCenter": None if u.messy == "untagged" else u.cost_center,
        }
        if u.messy == "mover":
            entry.update(
                movedAt=iso(org.move_at_ms),
                fromCostCenter="SALES",
                toCostCenter="SUPPORT",
                departmentAfter="Support",
            )
        messy.append(entry)
    defect_list: list[dict[str, Any]] = [dict(rec) for rec in st.defects]
    if defects:
        assert defect_user is not None
        defect_list.append(
            {"kind": "unknown_licence", "userId": users[defect_user].id, "licence": UNKNOWN_LICENCE}
        )
        mystery_line = next(i for i, ln in enumerate(lines, 1) if ln.sku == "GC-MYSTERY-ADDON")
        defect_list.append(
            {
                "kind": "unknown_invoice_sku",
                "invoiceId": bill["invoice_id"],
                "lineId": f"L{mystery_line:03d}",
                "sku": "GC-MYSTERY-ADDON",
            }
        )
    inbound = st.inbound_voice
    return {
        "month": m.label,
        "seed": seed,
        "defects_injected": defects,
        "counts": counts,
        "guide_cases": {
            "toll_free_transfer": {
                "conversationId": guide_id,
                "did": ENTRIES[0][1],
                "costCenterAttribute": "SALES",
                "salesQueue": "SALES_Inbound_Tier1",
                "supportQueue": "SUPPORT_Technical",
                "timeline": timeline,
                "salesMs": 60_000,
                "supportMs": 3_540_000,
                "billedSeconds": 3660,
                "cost": "0.915000",
            },
            "ivr_abandons": {
                "conversationIds": st.tagged["guide_ivr_abandon"],
                "ivrSeconds": ["35.2", "48.7", "72.1"],
                "ivrOnlyWithoutDepartmentInMonth": st.ivr_only_no_department,
            },
            "crisis_day": {
                "date": org.crisis_day.isoformat(),
                "borrowedUserIds": [users[i].id for i in borrowed],
                "fromCostCenter": "SALES",
                "toCostCenter": "SUPPORT",
                "contractedConcurrent": contracted,
                "billedPeak": peak,
                "overage": peak - contracted,
                "minutesAboveContract": str(
                    (Decimal(above_ms) / 60_000).quantize(Decimal("0.001"))
                ),
            },
        },
        "boundary": {
            "startsBeforeMonth": st.tagged.get("starts_before_month", []),
            "endsAfterMonth": st.tagged.get("ends_after_month", []),
            "inProgress": st.in_progress,
        },
        "cost_center_attribute": {
            "inboundVoice": inbound,
            "withCostCenter": st.inbound_voice_cost_center,
            "share": f"{st.inbound_voice_cost_center / inbound:.4f}" if inbound else "0",
            "placedOn": "customer participant attributes",
        },
        "messy_users": messy,
        "directory_changes": [
            {
                "effectiveAt": c["effectiveAt"],
                "resource": c["resource"],
                "id": c["object"].get("id"),
            }
            for c in changes
        ],
        "invoice": {
            "invoiceId": bill["invoice_id"],
            "amount": f"{bill['total']:.2f}",
            "lines": {
                ln.sku: {
                    "quantity": format(ln.quantity.normalize(), "f"),
                    "amount": f"{ln.amount:.2f}",
                }
                for ln in lines
            },
            **facts,
        },
        "queues": [
            {"id": q.id, "name": q.name, "pool": q.pool, "costCenter": q.cost_center}
            for q in org.queues.values()
        ],
        "oauth_clients": [
            {"id": c.id, "name": c.name, "costCenter": c.cost_center} for c in org.oauth_clients
        ],
        "dids": [
            {"phoneNumber": d.number, "costCenter": d.dept, "ownerType": d.owner_type}
            for d in org.dids
        ],
        "defects": defect_list,
    }


def write_billing(out: Path, bill: dict[str, Any]) -> None:
    """Contract, billing period, invoice, its lines (JSON and CSV) and billable usage."""
    billing = out / "billing"
    (billing / "billingperiods").mkdir(parents=True)
    (billing / "invoice_lines").mkdir()
    (billing / "contracts.json").write_bytes(orjson.dumps([bill["contract"]], option=PRETTY))
    (billing / "billingperiods" / f"{bill['period_id']}.json").write_bytes(
        orjson.dumps(bill["period"], option=PRETTY)
    )
    (billing / "invoices.json").write_bytes(orjson.dumps([bill["invoice"]], option=PRETTY))
    (billing / "invoice_lines" / f"{bill['invoice_id']}.json").write_bytes(
        orjson.dumps(bill["lines"], option=PRETTY)
    )
    (billing / "invoice_lines.csv").write_text(bill["csv"], encoding="utf-8")
    (billing / "billable_usage.json").write_bytes(
        orjson.dumps(bill["billable_usage"], option=PRETTY)
    )


def sandbox_json(org: Org, changes: list[dict[str, Any]], defects: bool) -> dict[str, Any]:
    """`sandbox.json`: the dataset's metadata and demo credentials."""
    m = org.month
    snapshots = sorted({iso(m.start_ms), *(c["effectiveAt"] for c in changes)})
    return {
        "month": m.label,
        "seed": org.seed,
        "conversations": org.conversations,
        "datasetFormat": DATASET_FORMAT,
        "orgName": ORG_NAME,
        "homeCountry": "US",
        "clientId": org.client_id,
        "clientSecret": org.client_secret,
        "piiKey": org.pii_key,
        "currency": CURRENCY,
        "directorySnapshots": snapshots,
        "generatedAt": iso(m.generated_at_ms),
        "timezone": "America/New_York",
        "defects": defects,
        "presenceDefinitions": {pid: name for name, pid in org.presence_ids.items()},
        "wrapUpCodes": {wid: name for name, wid in org.wrapup_codes.items()},
    }

"""The sandbox directory rendered in Genesys's wire format (users, queues, DIDs, licences...)."""

from __future__ import annotations

from typing import Any

from fairshare.sandbox.gen_common import iso
from fairshare.sandbox.gen_directory import (
    IVR_CONFIG_NAMES,
    LICENCES,
    UNKNOWN_LICENCE,
    Did,
    Org,
    Queue,
    User,
)


def divisions_json(org: Org) -> list[dict[str, Any]]:
    return [
        {
            "id": did,
            "name": name,
            "description": f"{name} division",
            "homeDivision": name == "Home",
        }
        for name, did in org.divisions.items()
    ]


def user_json(org: Org, user: User, last_login_ms: int | None) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": user.id,
        "name": user.name,
        "division": {"id": org.divisions[user.division], "name": user.division},
    }
    if user.department is not None:
        obj["department"] = user.department
    obj["title"] = user.title
    obj["email"] = user.email
    obj["state"] = "active"
    obj["username"] = user.email
    if user.manager_idx is not None:
        obj["manager"] = {"id": org.users[user.manager_idx].id}
    obj["employerInfo"] = {
        "officialName": user.name,
        "employeeId": user.employee_id,
        "employeeType": user.employee_type,
        "dateHire": user.date_hire,
    }
    if last_login_ms is not None:
        obj["dateLastLogin"] = iso(last_login_ms)
    obj["version"] = user.version
    return obj


def customattribute_json(org: Org, user: User, value: str) -> dict[str, Any]:
    return {
        "id": user.id,
        "userId": user.id,
        "schema": {"id": org.schema_id, "name": "cost_center"},
        "attributes": {"Cost_Center_ID": value},
    }


def schemas_json(org: Org) -> list[dict[str, Any]]:
    return [
        {
            "id": org.schema_id,
            "name": "cost_center",
            "version": 1,
            "jsonSchema": {
                "title": "cost_center",
                "description": "Cost center the user's time is charged to",
                "type": "object",
                "properties": {
                    "Cost_Center_ID": {
                        "title": "Cost_Center_ID",
                        "type": "string",
                        "maxLength": 32,
                    }
                },
            },
        }
    ]


def queue_json(org: Org, queue: Queue, name: str | None = None) -> dict[str, Any]:
    flow_id, _ = org.flows["Default In-Queue Flow"]
    obj: dict[str, Any] = {
        "id": queue.id,
        "name": name or queue.name,
        "division": {"id": org.divisions[queue.division], "name": queue.division},
        "description": queue.description,
        "dateCreated": queue.date_created,
        "memberCount": queue.member_count,
        "queueFlow": {"id": flow_id, "name": "Default In-Queue Flow"},
    }
    if queue.calling_party_number:
        obj["callingPartyNumber"] = queue.calling_party_number
    return obj


def did_json(org: Org, d: Did) -> dict[str, Any]:
    pool = next(p for p in org.did_pools if p[1] == d.pool)
    obj: dict[str, Any] = {
        "id": d.id,
        "name": d.name,
        "phoneNumber": d.number,
        "state": "active",
        "didPool": {"id": pool[0], "name": pool[1]},
    }
    if d.owner_type:
        obj["owner"] = {"id": d.owner_id, "name": d.owner_name}
        obj["ownerType"] = d.owner_type
    return obj


def didpools_json(org: Org) -> list[dict[str, Any]]:
    return [
        {"id": pid, "name": name, "startPhoneNumber": lo, "endPhoneNumber": hi, "provider": prov}
        for pid, name, lo, hi, prov in org.did_pools
    ]


def ivrs_json(org: Org) -> list[dict[str, Any]]:
    """IVR configurations (`GET /api/v2/architect/ivrs`, SDK model `IVR`): the DNIS list and the
    flows; the open- and closed-hours flows are the same flow in the sandbox."""
    out = []
    for flow_name, ivr_id in org.ivr_configs.items():
        flow_id, _flow_type = org.flows[flow_name]
        flow = {"id": flow_id, "name": flow_name}
        numbers = sorted(
            d.number for d in org.dids if d.owner_type == "IVR_CONFIG" and d.owner_id == ivr_id
        )
        out.append(
            {
                "id": ivr_id,
                "name": IVR_CONFIG_NAMES[flow_name],
                "state": "active",
                "version": 1,
                "dnis": numbers,
                "openHoursFlow": flow,
                "closedHoursFlow": flow,
                "selfUri": f"/api/v2/architect/ivrs/{ivr_id}",
            }
        )
    return out


def oauth_clients_json(org: Org) -> list[dict[str, Any]]:
    """The org's OAuth clients (`GET /api/v2/oauth/clients`, SDK model `OAuthClient`): the
    integrations whose API requests the usage report counts, and the loader's own client."""
    clients = [
        {
            "id": c.id,
            "name": c.name,
            "authorizedGrantType": "CLIENT-CREDENTIALS",
            "state": "active",
            "accessTokenValiditySeconds": 86400,
        }
        for c in org.oauth_clients
    ]
    clients.append(
        {
            "id": org.client_id,
            "name": "fairshare loader",
            "description": "Chargeback extract (read-only)",
            "authorizedGrantType": "CLIENT-CREDENTIALS",
            "state": "active",
            "accessTokenValiditySeconds": 86400,
        }
    )
    return clients


def licence_definitions_json() -> list[dict[str, Any]]:
    return [{"id": lic, "description": desc} for lic, desc in LICENCES.items()]


def licence_users_json(org: Org, defect_user_idx: int | None) -> list[dict[str, Any]]:
    out = []
    for user in org.users:
        licences = list(user.licences)
        if user.idx == defect_user_idx:
            licences.append(UNKNOWN_LICENCE)
        out.append({"id": user.id, "licenses": licences})
    return out


def directory_changes(org: Org, mover_last_login_ms: int | None) -> list[dict[str, Any]]:
    """The mid-month changes: the mover (user + custom attribute) and the queue rename."""
    mover = org.users[org.mover_idx]
    moved = User(**{**mover.__dict__})
    moved.department, moved.attr, moved.version = "Support", "SUPPORT", mover.version + 1
    moved.division, moved.title = "Support", "Contact Center Agent"
    sup = next(u for u in org.users if u.role == "supervisor" and u.cost_center == "SUPPORT")
    moved.manager_idx = sup.idx
    at = iso(org.move_at_ms)
    queue = org.queues[org.rename_queue]
    return [
        {
            "effectiveAt": iso(org.rename_at_ms),
            "resource": "queues",
            "object": queue_json(org, queue, org.rename_to),
        },
        {
            "effectiveAt": at,
            "resource": "users",
            "object": user_json(org, moved, mover_last_login_ms),
        },
        {
            "effectiveAt": at,
            "resource": "customattributes",
            "object": customattribute_json(org, moved, "SUPPORT"),
        },
    ]

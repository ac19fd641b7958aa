"""Genesys wire objects -> row dicts of the raw tables (pure, no I/O).

One function per wire object; field names are exactly those of the API facts file. Nested
objects are flattened with one underscore (`division.id` -> `division_id`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

Row = dict[str, Any]


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


# ------------------------------------------------------------------------------- directory


def division_row(d: dict[str, Any]) -> Row:
    return {
        "division_id": d.get("id"),
        "name": d.get("name"),
        "description": d.get("description"),
        "is_home_division": d.get("homeDivision"),
    }


def user_row(u: dict[str, Any]) -> Row:
    return {
        "user_id": u.get("id"),
        "name": u.get("name"),
        "division_id": _get(u, "division", "id"),
        "division_name": _get(u, "division", "name"),
        "department": u.get("department"),
        "title": u.get("title"),
        "email": u.get("email"),
        "state": u.get("state"),
        "username": u.get("username"),
        "manager_id": _get(u, "manager", "id"),
        "employer_official_name": _get(u, "employerInfo", "officialName"),
        "employee_id": _get(u, "employerInfo", "employeeId"),
        "employee_type": _get(u, "employerInfo", "employeeType"),
        "date_hire": _get(u, "employerInfo", "dateHire"),
        "date_last_login": u.get("dateLastLogin"),
        "version": u.get("version"),
    }


def custom_attributes_row(record: dict[str, Any], attribute: str) -> Row:
    value = _get(record, "attributes", attribute)
    return {
        "user_id": record.get("userId"),
        "schema_id": _get(record, "schema", "id"),
        "schema_name": _get(record, "schema", "name"),
        "cost_center_id": None if value is None else str(value),
    }


def queue_row(q: dict[str, Any]) -> Row:
    return {
        "queue_id": q.get("id"),
        "name": q.get("name"),
        "division_id": _get(q, "division", "id"),
        "description": q.get("description"),
        "date_created": q.get("dateCreated"),
        "member_count": q.get("memberCount"),
        "queue_flow_id": _get(q, "queueFlow", "id"),
        "queue_flow_name": _get(q, "queueFlow", "name"),
        "calling_party_number": q.get("callingPartyNumber"),
    }


def did_row(d: dict[str, Any]) -> Row:
    return {
        "did_id": d.get("id"),
        "name": d.get("name"),
        "phone_number": d.get("phoneNumber"),
        "state": d.get("state"),
        "did_pool_id": _get(d, "didPool", "id"),
        "did_pool_name": _get(d, "didPool", "name"),
        "owner_id": _get(d, "owner", "id"),
        "owner_name": _get(d, "owner", "name"),
        "owner_type": d.get("ownerType"),
    }


def did_pool_row(p: dict[str, Any]) -> Row:
    return {
        "did_pool_id": p.get("id"),
        "name": p.get("name"),
        "start_phone_number": p.get("startPhoneNumber"),
        "end_phone_number": p.get("endPhoneNumber"),
        "provider": p.get("provider"),
    }


def license_definition_row(d: dict[str, Any]) -> Row:
    return {"license_id": d.get("id"), "description": d.get("description")}


def license_user_rows(u: dict[str, Any]) -> Iterator[Row]:
    """One row per licence the user holds (duplicates within a user collapse)."""
    seen: set[str] = set()
    for licence in u.get("licenses") or ():
        licence_id = licence.get("id") if isinstance(licence, dict) else licence
        if licence_id and licence_id not in seen:
            seen.add(licence_id)
            yield {"user_id": u.get("id"), "license_id": licence_id}


def ivr_row(ivr: dict[str, Any]) -> Row:
    return {
        "ivr_id": ivr.get("id"),
        "name": ivr.get("name"),
        "state": ivr.get("state"),
        "division_id": _get(ivr, "division", "id"),
        "open_hours_flow_id": _get(ivr, "openHoursFlow", "id"),
        "open_hours_flow_name": _get(ivr, "openHoursFlow", "name"),
        "closed_hours_flow_id": _get(ivr, "closedHoursFlow", "id"),
        "closed_hours_flow_name": _get(ivr, "closedHoursFlow", "name"),
        "holiday_hours_flow_id": _get(ivr, "holidayHoursFlow", "id"),
        "holiday_hours_flow_name": _get(ivr, "holidayHoursFlow", "name"),
        "schedule_group_id": _get(ivr, "scheduleGroup", "id"),
        "schedule_group_name": _get(ivr, "scheduleGroup", "name"),
    }


def ivr_dnis_rows(ivr: dict[str, Any]) -> Iterator[Row]:
    """One row per number of the IVR configuration's DNIS list."""
    for number in ivr.get("dnis") or ():
        if number:
            yield {"ivr_id": ivr.get("id"), "phone_number": str(number).strip()}


def oauth_client_row(client: dict[str, Any]) -> Row:
    return {"oauth_client_id": client.get("id"), "name": client.get("name")}


# ------------------------------------------------------------------- presence and API usage


def presence_rows(detail: dict[str, Any]) -> Iterator[Row]:
    user_id = detail.get("userId")
    for item in detail.get("primaryPresence") or ():
        yield {
            "user_id": user_id,
            "start_time": item.get("startTime"),
            "end_time": item.get("endTime"),
            "system_presence": item.get("systemPresence"),
            "organization_presence_id": item.get("organizationPresenceId"),
        }


def routing_status_rows(detail: dict[str, Any]) -> Iterator[Row]:
    user_id = detail.get("userId")
    for item in detail.get("routingStatus") or ():
        yield {
            "user_id": user_id,
            "start_time": item.get("startTime"),
            "end_time": item.get("endTime"),
            "routing_status": item.get("routingStatus"),
        }


def api_usage_row(entity: dict[str, Any]) -> Row:
    day = entity.get("date")
    return {
        "usage_date": str(day)[:10] if day else None,
        "oauth_client_id": _get(entity, "oauthClient", "id"),
        "oauth_client_name": _get(entity, "oauthClient", "name"),
        "request_count": entity.get("requestCount"),
        "status_200": entity.get("status200"),
        "status_429": entity.get("status429"),
    }


# ------------------------------------------------------------------------------------ billing


def billable_usage_rows(report: dict[str, Any], period_start: str, period_end: str) -> list[Row]:
    return [
        {
            "period_start": period_start,
            "period_end": period_end,
            "usage_name": usage.get("name"),
            "total_usage": usage.get("totalUsage"),
        }
        for usage in report.get("usages") or ()
    ]


def period_bound(value: Any, end: bool = False) -> Any:
    """A billing period bound as an instant: the API sends dates (`yyyy-MM-dd`, the end
    inclusive), landed as UTC midnight, the end as the next midnight (exclusive); a full
    timestamp is kept as sent."""
    if isinstance(value, str) and len(value) == 10:
        day = date.fromisoformat(value) + timedelta(days=1 if end else 0)
        return day.isoformat() + "T00:00:00Z"
    return value


def billing_period_charge_rows(contract_id: str, period: dict[str, Any]) -> list[Row]:
    return [
        {
            "contract_id": contract_id,
            "billing_period_id": period.get("id"),
            "period_start": period_bound(period.get("dateStart")),
            "period_end": period_bound(period.get("dateEnd"), end=True),
            "period_status": period.get("status"),
            "charge_id": charge.get("id"),
            "product_id": _get(charge, "product", "id"),
            "product_sku": _get(charge, "product", "sku"),
            "product_name": _get(charge, "product", "name"),
            "product_unit_of_measure": _get(charge, "product", "unitOfMeasure"),
            "prepaid_quantity": charge.get("prepaidQuantity"),
            "fairuse_quantity": charge.get("fairuseQuantity"),
            "actual_quantity": charge.get("actualQuantity"),
            "overage_quantity": charge.get("overageQuantity"),
            "overage_rate": charge.get("overageRate"),
            "overage_charge": charge.get("overageCharge"),
            "overage_currency": charge.get("overageCurrency"),
        }
        for charge in period.get("charges") or ()
    ]


def invoice_row(invoice: dict[str, Any]) -> Row:
    return {
        "invoice_id": invoice.get("id"),
        "date_invoiced": invoice.get("dateInvoiced"),
        "currency_iso_code": invoice.get("currencyIsoCode"),
        "payment_status": invoice.get("paymentStatus"),
        "amount": invoice.get("amount"),
        "source": "api",
    }


def invoice_line_row(invoice_id: str, currency: str | None, line: dict[str, Any]) -> Row:
    return {
        "invoice_id": invoice_id,
        "line_id": line.get("id"),
        "product_sku": _get(line, "product", "sku"),
        "product_name": _get(line, "product", "name"),
        "product_unit_of_measure": _get(line, "product", "unitOfMeasure"),
        "description": line.get("description"),
        "date_start": line.get("dateStart"),
        "date_end": line.get("dateEnd"),
        "quantity": line.get("quantity"),
        "unit_of_measure": line.get("unitOfMeasure"),
        "amount": line.get("amount"),
        "currency": line.get("currency") or currency,
        "source": "api",
    }

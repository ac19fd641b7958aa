"""The raw data contract: every table the Genesys loaders land, with its columns and types.

This module is the single source of truth shared by the loaders (which build their Arrow
schemas from it), the dbt sources file (`models/staging/genesys/_genesys__sources.yml`, checked
against it by a test) and the docs (`docs/data-contract.md`).

Conventions
- Table and column names are snake_case; nested Genesys objects are flattened with a single
  underscore where it reads naturally (`division.id` -> `division_id`).
- Every table carries `_loaded_at` (UTC timestamp of the load), used for source freshness.
- Directory tables marked ``scd2`` keep history: dlt's scd2 merge adds `_dlt_valid_from` and
  `_dlt_valid_to` (null = the current version).
- Money and quantities are exact decimals; never floats.
- Customer phone numbers and customer names never appear in clear: `*_hash` columns hold a keyed
  HMAC-SHA256 (key: `FAIRSHARE_PII_KEY`); the org's own DIDs stay in clear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal[
    "text", "bigint", "double", "bool", "date", "timestamp", "money", "quantity", "rate"
]

# Exact decimal precisions used for each logical type: the vendor's precision is kept (a rate such
# as 0.0045833333, a per-second price with 15 significant digits); cents are only rounded where
# the allocation already does. 20 integer digits, 18 decimals (BigQuery: BIGNUMERIC).
DECIMAL_TYPES: dict[str, tuple[int, int]] = {
    "money": (38, 18),  # vendor amounts (invoice lines are cents, usage costs finer)
    "quantity": (38, 18),  # billable quantities (minutes, users, tokens, requests)
    "rate": (38, 18),  # unit prices and per-minute rates
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str
    nullable: bool = True


@dataclass(frozen=True)
class RawTable:
    name: str
    description: str
    primary_key: tuple[str, ...]
    write_disposition: str  # replace | append | merge(delete-insert) | merge(upsert) | scd2
    columns: tuple[Column, ...]
    merge_key: tuple[str, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


LOADED_AT = Column("_loaded_at", "timestamp", "UTC time this row was loaded.", nullable=False)


def _t(
    name: str,
    description: str,
    primary_key: tuple[str, ...],
    write_disposition: str,
    columns: list[Column],
    merge_key: tuple[str, ...] = (),
) -> RawTable:
    return RawTable(
        name=name,
        description=description,
        primary_key=primary_key,
        write_disposition=write_disposition,
        columns=(*columns, LOADED_AT),
        merge_key=merge_key,
    )


C = Column

TABLES: dict[str, RawTable] = {
    t.name: t
    for t in [
        # ------------------------------------------------------------------ directory
        _t(
            "divisions",
            "Authorization divisions.",
            ("division_id",),
            "replace",
            [
                C("division_id", "text", "Division id.", False),
                C("name", "text", "Division name."),
                C("description", "text", "Description."),
                C("is_home_division", "bool", "True for the org's home division."),
            ],
        ),
        _t(
            "users",
            "Users with employer info and last login; history kept (scd2).",
            ("user_id",),
            "scd2",
            [
                C("user_id", "text", "User id.", False),
                C("name", "text", "Display name (an employee, not a customer)."),
                C("division_id", "text", "Division id."),
                C("division_name", "text", "Division name."),
                C("department", "text", "Free-text department as typed in Genesys."),
                C("title", "text", "Job title."),
                C("email", "text", "Work email."),
                C("state", "text", "active | inactive | deleted."),
                C("username", "text", "Login name."),
                C("manager_id", "text", "Manager's user id."),
                C("employer_official_name", "text", "employerInfo.officialName."),
                C("employee_id", "text", "employerInfo.employeeId."),
                C("employee_type", "text", "employerInfo.employeeType."),
                C("date_hire", "date", "employerInfo.dateHire."),
                C("date_last_login", "timestamp", "dateLastLogin."),
                C("version", "bigint", "Genesys object version."),
            ],
        ),
        _t(
            "user_custom_attributes",
            "User custom attributes of the cost-center schema; history kept (scd2).",
            ("user_id", "schema_id"),
            "scd2",
            [
                C("user_id", "text", "User id.", False),
                C("schema_id", "text", "Custom attribute schema id.", False),
                C("schema_name", "text", "Schema name."),
                C("cost_center_id", "text", "attributes.Cost_Center_ID as typed."),
            ],
        ),
        _t(
            "queues",
            "Routing queues; renames kept as history (scd2).",
            ("queue_id",),
            "scd2",
            [
                C("queue_id", "text", "Queue id.", False),
                C("name", "text", "Queue name, e.g. SALES_Inbound_Tier1."),
                C("division_id", "text", "Division id."),
                C("description", "text", "Description."),
                C("date_created", "timestamp", "Creation time."),
                C("member_count", "bigint", "Members."),
                C("queue_flow_id", "text", "In-queue flow id."),
                C("queue_flow_name", "text", "In-queue flow name."),
                C("calling_party_number", "text", "Outbound caller id (an org DID, clear)."),
            ],
        ),
        _t(
            "dids",
            "Phone numbers (DIDs) owned by the org; history kept (scd2).",
            ("did_id",),
            "scd2",
            [
                C("did_id", "text", "DID id.", False),
                C("name", "text", "Name."),
                C("phone_number", "text", "E.164 number (the org's own: clear)."),
                C("state", "text", "State."),
                C("did_pool_id", "text", "DID pool id."),
                C("did_pool_name", "text", "DID pool name."),
                C("owner_id", "text", "Owner id (user, IVR config, group, phone)."),
                C("owner_name", "text", "Owner name."),
                C("owner_type", "text", "USER | PHONE | IVR_CONFIG | GROUP."),
            ],
        ),
        _t(
            "did_pools",
            "DID pools.",
            ("did_pool_id",),
            "replace",
            [
                C("did_pool_id", "text", "DID pool id.", False),
                C("name", "text", "Name."),
                C("start_phone_number", "text", "First number."),
                C("end_phone_number", "text", "Last number."),
                C("provider", "text", "PURE_CLOUD | PURE_CLOUD_VOICE."),
            ],
        ),
        _t(
            "license_definitions",
            "Licence definitions.",
            ("license_id",),
            "replace",
            [
                C("license_id", "text", "Licence id, e.g. cloudCX3.", False),
                C("description", "text", "Description."),
            ],
        ),
        _t(
            "license_users",
            "One row per user and licence held; history kept (scd2).",
            ("user_id", "license_id"),
            "scd2",
            [
                C("user_id", "text", "User id.", False),
                C("license_id", "text", "Licence id.", False),
            ],
        ),
        _t(
            "ivrs",
            "IVR configurations (Architect call routing): the flows an IVR_CONFIG DID reaches;"
            " history kept (scd2).",
            ("ivr_id",),
            "scd2",
            [
                C("ivr_id", "text", "IVR configuration id (= DID owner id).", False),
                C("name", "text", "IVR configuration name (= DID owner name)."),
                C("state", "text", "active | inactive | deleted."),
                C("division_id", "text", "Division id."),
                C("open_hours_flow_id", "text", "Flow answering during open hours."),
                C("open_hours_flow_name", "text", "Its name."),
                C("closed_hours_flow_id", "text", "Flow answering during closed hours."),
                C("closed_hours_flow_name", "text", "Its name."),
                C("holiday_hours_flow_id", "text", "Flow answering on holidays."),
                C("holiday_hours_flow_name", "text", "Its name."),
                C("schedule_group_id", "text", "Schedule group id."),
                C("schedule_group_name", "text", "Schedule group name."),
            ],
        ),
        _t(
            "ivr_dnis",
            "Numbers (DNIS) routed by each IVR configuration; history kept (scd2).",
            ("ivr_id", "phone_number"),
            "scd2",
            [
                C("ivr_id", "text", "IVR configuration id.", False),
                C("phone_number", "text", "E.164 number of the DNIS list (an org DID).", False),
            ],
        ),
        _t(
            "oauth_clients",
            "OAuth clients of the org (GET /api/v2/oauth/clients) and any other client seen in"
            " API usage.",
            ("oauth_client_id",),
            "merge(upsert)",
            [
                C("oauth_client_id", "text", "OAuth client id.", False),
                C("name", "text", "Client name."),
            ],
        ),
        # ------------------------------------------------------------------ conversations
        _t(
            "conversations",
            "Conversation detail records (one row per conversation), merged on conversation_id.",
            ("conversation_id",),
            "merge(delete-insert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("conversation_start", "timestamp", "Start (UTC).", False),
                C("conversation_end", "timestamp", "End (UTC); null while in progress."),
                C("originating_direction", "text", "inbound | outbound."),
                C("division_ids", "text", "Comma-separated division ids."),
                C("external_tag", "text", "External tag."),
                C("is_in_progress", "bool", "True when Genesys returned no end yet.", False),
            ],
            merge_key=("conversation_id",),
        ),
        _t(
            "conversation_participants",
            "Participants of each conversation.",
            ("conversation_id", "participant_id"),
            "merge(delete-insert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("participant_id", "text", "Participant id.", False),
                C("participant_index", "bigint", "Position in the participants array.", False),
                C("participant_name", "text", "Name; null for customer/external participants."),
                C("participant_name_hash", "text", "Keyed hash of a customer/external name."),
                C("purpose", "text", "customer | external | ivr | acd | agent | user | ..."),
                C("user_id", "text", "User id for agent/user participants."),
                C(
                    "conversation_start",
                    "timestamp",
                    "Start of the conversation (UTC), copied from the conversation onto each row so"
                    " readers can select a month's rows by it (null on rows landed before the"
                    " column existed).",
                ),
            ],
            merge_key=("conversation_id",),
        ),
        _t(
            "conversation_participant_attributes",
            "Participant data (attributes), one row per name/value, e.g. Cost_Center.",
            ("conversation_id", "participant_id", "attribute_name"),
            "merge(delete-insert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("participant_id", "text", "Participant id.", False),
                C("attribute_name", "text", "Attribute name as set in Architect.", False),
                C("attribute_value", "text", "Value."),
            ],
            merge_key=("conversation_id",),
        ),
        _t(
            "conversation_sessions",
            "Sessions of each participant; customer numbers hashed.",
            ("conversation_id", "session_id"),
            "merge(delete-insert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("participant_id", "text", "Participant id.", False),
                C("session_id", "text", "Session id.", False),
                C("session_index", "bigint", "Position in the participant's sessions.", False),
                C("media_type", "text", "voice | chat | email | message | callback | ..."),
                C("direction", "text", "inbound | outbound."),
                C("ani", "text", "Calling number when it is an org DID (E.164), else null."),
                C("ani_hash", "text", "Keyed hash of a non-org calling number."),
                C("ani_country_code", "text", "E.164 country calling code, e.g. 1, 33."),
                C("ani_number_type", "text", "toll_free|local|mobile|international|invalid."),
                C("dnis", "text", "Dialled number when it is an org DID (E.164), else null."),
                C("dnis_hash", "text", "Keyed hash of a non-org dialled number."),
                C("dnis_country_code", "text", "E.164 country calling code."),
                C("dnis_number_type", "text", "toll_free|local|mobile|international|invalid."),
                C("edge_id", "text", "Edge id."),
                C("provider", "text", "Provider."),
                C("peer_id", "text", "Peer session id."),
                C("protocol_call_id", "text", "SIP call id; joins the voice usage file."),
                C("flow_id", "text", "Architect flow id (IVR/bot sessions)."),
                C("flow_name", "text", "Flow name."),
                C("flow_type", "text", "Flow type, e.g. INBOUNDCALL, BOT."),
                C("transfer_type", "text", "Flow transfer type."),
                C("transfer_target_name", "text", "Flow transfer target."),
                C(
                    "conversation_start",
                    "timestamp",
                    "Start of the conversation (UTC), copied from the conversation onto each row so"
                    " readers can select a month's rows by it (null on rows landed before the"
                    " column existed).",
                ),
            ],
            merge_key=("conversation_id",),
        ),
        _t(
            "conversation_segments",
            "Segments of each session: the timeline the attribution is built from.",
            ("conversation_id", "session_id", "segment_index"),
            "merge(delete-insert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("participant_id", "text", "Participant id.", False),
                C("session_id", "text", "Session id.", False),
                C("segment_index", "bigint", "Position in the session's segments.", False),
                C("segment_start", "timestamp", "Start (UTC).", False),
                C("segment_end", "timestamp", "End (UTC); null while in progress."),
                C("segment_type", "text", "alert|dialing|contacting|interact|hold|ivr|wrapup|..."),
                C("queue_id", "text", "Queue id when routed through a queue."),
                C("disconnect_type", "text", "client | endpoint | transfer | ..."),
                C("is_conference", "bool", "Segment.conference."),
                C("wrap_up_code", "text", "Wrap-up code."),
                C("source_session_id", "text", "Consult/transfer source session."),
                C("destination_session_id", "text", "Consult/transfer destination session."),
                C(
                    "conversation_start",
                    "timestamp",
                    "Start of the conversation (UTC), copied from the conversation onto each row so"
                    " readers can select a month's rows by it (null on rows landed before the"
                    " column existed).",
                ),
            ],
            merge_key=("conversation_id",),
        ),
        # ------------------------------------------------------------------ presence & usage
        _t(
            "user_presence",
            "Primary presence intervals per user (user details jobs).",
            ("user_id", "start_time"),
            "merge(upsert)",
            [
                C("user_id", "text", "User id.", False),
                C("start_time", "timestamp", "Interval start.", False),
                C("end_time", "timestamp", "Interval end; null while current."),
                C("system_presence", "text", "AVAILABLE | AWAY | BUSY | OFFLINE | ON_QUEUE | ..."),
                C("organization_presence_id", "text", "Org presence definition id."),
            ],
        ),
        _t(
            "user_routing_status",
            "Routing status intervals per user (user details jobs).",
            ("user_id", "start_time"),
            "merge(upsert)",
            [
                C("user_id", "text", "User id.", False),
                C("start_time", "timestamp", "Interval start.", False),
                C("end_time", "timestamp", "Interval end; null while current."),
                C(
                    "routing_status",
                    "text",
                    "OFF_QUEUE|IDLE|INTERACTING|NOT_RESPONDING|COMMUNICATING.",
                ),
            ],
        ),
        _t(
            "api_usage",
            "API requests per OAuth client per day (usage aggregate jobs).",
            ("usage_date", "oauth_client_id"),
            "merge(upsert)",
            [
                C("usage_date", "date", "UTC day.", False),
                C("oauth_client_id", "text", "OAuth client id.", False),
                C("oauth_client_name", "text", "OAuth client name."),
                C("request_count", "bigint", "Requests."),
                C("status_200", "bigint", "Requests answered 200."),
                C("status_429", "bigint", "Requests answered 429."),
            ],
        ),
        # ------------------------------------------------------------------ billing
        _t(
            "billable_usage",
            "Billable usage report (quantities, no prices) per period and usage name.",
            ("period_start", "usage_name"),
            "merge(upsert)",
            [
                C("period_start", "date", "Report start date.", False),
                C("period_end", "date", "Report end date."),
                C("usage_name", "text", "e.g. 'Genesys Cloud CX 3 User'.", False),
                C("total_usage", "quantity", "Quantity."),
            ],
        ),
        _t(
            "billing_period_charges",
            "Contract billing-period charges (prepaid/actual/overage per product).",
            ("billing_period_id", "charge_id"),
            "merge(upsert)",
            [
                C("contract_id", "text", "Contract id.", False),
                C("billing_period_id", "text", "Billing period id.", False),
                C("period_start", "timestamp", "Billing period start (UTC midnight of dateStart)."),
                C(
                    "period_end",
                    "timestamp",
                    "Billing period end, exclusive (the day after the inclusive dateEnd).",
                ),
                C("period_status", "text", "Open | Closed."),
                C("charge_id", "text", "Charge id.", False),
                C("product_id", "text", "Product id."),
                C("product_sku", "text", "SKU."),
                C("product_name", "text", "Product name."),
                C("product_unit_of_measure", "text", "Unit."),
                C("prepaid_quantity", "quantity", "Prepaid quantity."),
                C("fairuse_quantity", "quantity", "Fair-use allowance."),
                C("actual_quantity", "quantity", "Actual quantity."),
                C("overage_quantity", "quantity", "Quantity above prepaid + fair use."),
                C("overage_rate", "rate", "Overage unit price."),
                C("overage_charge", "money", "Overage charge."),
                C("overage_currency", "text", "ISO currency."),
            ],
        ),
        _t(
            "invoices",
            "Vendor invoices (API or CSV).",
            ("invoice_id",),
            "merge(upsert)",
            [
                C("invoice_id", "text", "Invoice id.", False),
                C("date_invoiced", "date", "Invoice date."),
                C("currency_iso_code", "text", "ISO currency."),
                C("payment_status", "text", "Payment status."),
                C("amount", "money", "Invoice total."),
                C("source", "text", "api | csv.", False),
            ],
        ),
        _t(
            "invoice_lines",
            "Vendor invoice lines (API or CSV); a reload of an invoice replaces all its lines.",
            ("invoice_id", "line_id"),
            "merge(delete-insert)",
            [
                C("invoice_id", "text", "Invoice id.", False),
                C("line_id", "text", "Line id.", False),
                C("product_sku", "text", "SKU."),
                C("product_name", "text", "Product name."),
                C("product_unit_of_measure", "text", "Product unit."),
                C("description", "text", "Line description."),
                C("date_start", "date", "Charge period start."),
                C("date_end", "date", "Charge period end (inclusive)."),
                C("quantity", "quantity", "Billed quantity."),
                C("unit_of_measure", "text", "Unit."),
                C("amount", "money", "Line amount (may be negative for a credit)."),
                C("currency", "text", "ISO currency."),
                C("source", "text", "api | csv.", False),
            ],
            merge_key=("invoice_id",),
        ),
        _t(
            "voice_usage",
            "Genesys Cloud Voice usage file: one row per billed call leg (its cost is the truth).",
            ("sip_call_id",),
            "merge(upsert)",
            [
                C("conversation_id", "text", "Conversation id.", False),
                C("sip_call_id", "text", "SIP call id (= session protocol_call_id).", False),
                C("call_start", "timestamp", "Leg start (UTC)."),
                C("direction", "text", "inbound | outbound."),
                C("number_type", "text", "toll_free | local | mobile | international."),
                C("did", "text", "The org DID involved (E.164, clear)."),
                C("origin_country", "text", "ISO 3166-1 alpha-2."),
                C("destination_country", "text", "ISO 3166-1 alpha-2."),
                C("billed_seconds", "bigint", "Billed seconds (6-second increments)."),
                C("rate_per_minute", "rate", "Rate per minute."),
                C("cost", "money", "Cost of the leg."),
                C("currency", "text", "ISO currency."),
                C("source_file", "text", "File name the row came from."),
            ],
        ),
    ]
}

# Columns of the two CSV files a customer can load by hand (header names, in order).
INVOICE_CSV_COLUMNS: tuple[str, ...] = (
    "invoice_id",
    "line_id",
    "sku",
    "product_name",
    "description",
    "date_start",
    "date_end",
    "quantity",
    "unit_of_measure",
    "amount",
    "currency",
)
VOICE_USAGE_CSV_COLUMNS: tuple[str, ...] = (
    "conversation_id",
    "sip_call_id",
    "call_start",
    "direction",
    "number_type",
    "did",
    "origin_country",
    "destination_country",
    "billed_seconds",
    "rate_per_minute",
    "cost",
    "currency",
)

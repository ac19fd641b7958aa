"""AnalyticsConversation JSON -> the five conversation tables (pure functions)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pytest

from ingestion.genesys.arrow_flatten import (
    ArrowConversationFlattener,
    NotArrowable,
    read_results_page,
)
from ingestion.genesys.arrow_tables import arrow_schema, to_arrow
from ingestion.genesys.flatten import (
    CONVERSATION_TABLES,
    ConversationColumns,
    flatten_conversations,
)
from ingestion.genesys.privacy import PiiHasher, PrivacyFilter
from ingestion.genesys.schema import TABLES

CUSTOMER = "tel:+13175550123"
ORG_DID = "tel:+18005550100"


def _conversation(end: str | None = "2026-10-14T09:05:00.000Z") -> dict[str, Any]:
    return {
        "conversationId": "c-1",
        "conversationStart": "2026-10-14T09:00:03.120Z",
        **({"conversationEnd": end} if end else {}),
        "originatingDirection": "inbound",
        "divisionIds": ["d-1", "d-2"],
        "externalTag": "ext-9",
        "participants": [
            {
                "participantId": "p-cust",
                "participantName": "Jane Customer",
                "purpose": "customer",
                "sessions": [
                    {
                        "sessionId": "s-cust",
                        "mediaType": "voice",
                        "direction": "inbound",
                        "ani": CUSTOMER,
                        "dnis": ORG_DID,
                        "edgeId": "edge-1",
                        "provider": "Edge",
                        "protocolCallId": "abc@sip",
                        "metrics": [{"name": "nConnected", "value": 1}],
                        "segments": [
                            {
                                "segmentStart": "2026-10-14T09:00:03.120Z",
                                "segmentEnd": "2026-10-14T09:05:00.000Z",
                                "segmentType": "interact",
                                "disconnectType": "endpoint",
                            }
                        ],
                    }
                ],
            },
            {
                "participantId": "p-ivr",
                "participantName": "Main IVR",
                "purpose": "ivr",
                "attributes": {"Cost_Center": "SALES", "Language": "en"},
                "sessions": [
                    {
                        "sessionId": "s-ivr",
                        "mediaType": "voice",
                        "direction": "inbound",
                        "ani": CUSTOMER,
                        "dnis": ORG_DID,
                        "flow": {
                            "flowId": "f-1",
                            "flowName": "Main Menu",
                            "flowType": "INBOUNDCALL",
                            "transferType": "ACD",
                            "transferTargetName": "SALES_Inbound",
                        },
                        "segments": [
                            {
                                "segmentStart": "2026-10-14T09:00:03.120Z",
                                "segmentEnd": "2026-10-14T09:00:40.000Z",
                                "segmentType": "ivr",
                            }
                        ],
                    }
                ],
            },
            {
                "participantId": "p-agent",
                "participantName": "Agent Smith",
                "purpose": "agent",
                "userId": "u-7",
                "sessions": [
                    {
                        "sessionId": "s-agent",
                        "mediaType": "voice",
                        "direction": "inbound",
                        "ani": CUSTOMER,
                        "dnis": ORG_DID,
                        "segments": [
                            {
                                "segmentStart": "2026-10-14T09:00:40.000Z",
                                "segmentEnd": "2026-10-14T09:00:45.000Z",
                                "segmentType": "alert",
                                "queueId": "q-1",
                            },
                            {
                                "segmentStart": "2026-10-14T09:00:45.000Z",
                                **({"segmentEnd": end} if end else {}),
                                "segmentType": "interact",
                                "queueId": "q-1",
                                "conference": False,
                                "wrapUpCode": "wc-1",
                            },
                        ],
                    }
                ],
            },
        ],
    }


@pytest.fixture
def privacy() -> PrivacyFilter:
    return PrivacyFilter(
        PiiHasher("k"), {"+18005550100"}, "US", allowed_attributes=("Cost_Center", "Language")
    )


def test_one_row_per_conversation_participant_session_segment(privacy: PrivacyFilter) -> None:
    rows = flatten_conversations([_conversation()], privacy)
    counts = {table: len(rows[table]) for table in CONVERSATION_TABLES}
    assert counts == {
        "conversations": 1,
        "conversation_participants": 3,
        "conversation_participant_attributes": 2,
        "conversation_sessions": 3,
        "conversation_segments": 4,
    }


def test_conversation_columns(privacy: PrivacyFilter) -> None:
    (conv,) = flatten_conversations([_conversation()], privacy)["conversations"]
    assert conv == {
        "conversation_id": "c-1",
        "conversation_start": "2026-10-14T09:00:03.120Z",
        "conversation_end": "2026-10-14T09:05:00.000Z",
        "originating_direction": "inbound",
        "division_ids": "d-1,d-2",
        "external_tag": "ext-9",
        "is_in_progress": False,
    }


def test_child_rows_carry_the_conversation_start(privacy: PrivacyFilter) -> None:
    """Participants, sessions and segments land their conversation's start (raw contract), so a
    month's rows are selected by it without a join; the fast path agrees (test below)."""
    rows = flatten_conversations([_conversation()], privacy)
    for table in ("conversation_participants", "conversation_sessions", "conversation_segments"):
        assert rows[table], table
        assert {row["conversation_start"] for row in rows[table]} == {"2026-10-14T09:00:03.120Z"}, (
            table
        )
    assert "conversation_start" not in rows["conversation_participant_attributes"][0]


def test_fast_path_lands_the_conversation_start_on_child_rows() -> None:
    first, second = _conversation(), _conversation()
    second["conversationId"] = "c-2"
    second["conversationStart"] = "2026-10-31T23:59:59.999Z"
    page, _ = read_results_page(_page([orjson.dumps(first), orjson.dumps(second)], None))
    assert page.arrow is not None
    org = {"+18005550100"}
    columns = ArrowConversationFlattener(PrivacyFilter(PiiHasher("k"), org, "US")).flatten(
        page.arrow, set()
    )
    for table in ("conversation_participants", "conversation_sessions", "conversation_segments"):
        pairs = set(
            zip(
                columns[table]["conversation_id"].to_pylist(),
                columns[table]["conversation_start"].to_pylist(),
                strict=True,
            )
        )
        assert pairs == {
            ("c-1", "2026-10-14T09:00:03.120Z"),
            ("c-2", "2026-10-31T23:59:59.999Z"),
        }, table


def test_in_progress_conversation_is_flagged(privacy: PrivacyFilter) -> None:
    rows = flatten_conversations([_conversation(end=None)], privacy)
    assert rows["conversations"][0]["is_in_progress"] is True
    assert rows["conversations"][0]["conversation_end"] is None
    assert rows["conversation_segments"][-1]["segment_end"] is None


def test_participants_and_attributes(privacy: PrivacyFilter) -> None:
    rows = flatten_conversations([_conversation()], privacy)
    participants = {p["participant_id"]: p for p in rows["conversation_participants"]}
    assert participants["p-cust"]["participant_name"] is None
    assert participants["p-cust"]["participant_name_hash"] == PiiHasher("k").hash("Jane Customer")
    assert participants["p-agent"]["participant_name"] == "Agent Smith"
    assert participants["p-agent"]["user_id"] == "u-7"
    assert [p["participant_index"] for p in rows["conversation_participants"]] == [0, 1, 2]
    attributes = {
        (a["participant_id"], a["attribute_name"]): a["attribute_value"]
        for a in rows["conversation_participant_attributes"]
    }
    assert attributes == {("p-ivr", "Cost_Center"): "SALES", ("p-ivr", "Language"): "en"}


def test_participant_attributes_outside_the_allow_list_never_land() -> None:
    """Issue 12 item 7: an e-mail under `Contact`, a name under `Account_Holder`, a phone inside
    `Notes` are dropped; only the configured names (default Cost_Center) land, on both paths."""
    conversation = _conversation()
    conversation["participants"][1]["attributes"] = {
        "Cost_Center": "SALES",
        "Contact": "jane.doe@example.com",
        "Account_Holder": "Jane Doe",
        "Notes": "call back on +1 317 555 0123 after 5pm",
    }
    default = PrivacyFilter(PiiHasher("k"), set(), "US")
    rows = flatten_conversations([conversation], default)["conversation_participant_attributes"]
    assert [(r["attribute_name"], r["attribute_value"]) for r in rows] == [("Cost_Center", "SALES")]
    assert default.dropped_attributes == {"Contact", "Account_Holder", "Notes"}
    page, _ = read_results_page(_page([orjson.dumps(conversation)]))
    assert page.arrow is not None
    fast = ArrowConversationFlattener(PrivacyFilter(PiiHasher("k"), set(), "US"))
    landed = fast.flatten(page.arrow, set())["conversation_participant_attributes"]
    assert landed["attribute_name"].to_pylist() == ["Cost_Center"]
    assert landed["attribute_value"].to_pylist() == ["SALES"]
    # a name added to the configuration lands (compared case-insensitively)
    notes = PrivacyFilter(PiiHasher("k"), set(), "US", allowed_attributes=("cost_center", "NOTES"))
    rows = flatten_conversations([conversation], notes)["conversation_participant_attributes"]
    values = {r["attribute_name"]: r["attribute_value"] for r in rows}
    assert values["Cost_Center"] == "SALES" and set(values) == {"Cost_Center", "Notes"}


def test_sessions_hash_customer_numbers_and_keep_org_dids(privacy: PrivacyFilter) -> None:
    sessions = {
        s["session_id"]: s
        for s in flatten_conversations([_conversation()], privacy)["conversation_sessions"]
    }
    cust = sessions["s-cust"]
    assert cust["ani"] is None
    assert cust["ani_hash"] == PiiHasher("k").hash("+13175550123")
    assert (cust["ani_country_code"], cust["ani_number_type"]) == ("1", "local")
    assert cust["dnis"] == "+18005550100"
    assert cust["dnis_hash"] is None
    assert cust["dnis_number_type"] == "toll_free"
    assert cust["protocol_call_id"] == "abc@sip"
    ivr = sessions["s-ivr"]
    assert (ivr["flow_id"], ivr["flow_name"], ivr["flow_type"]) == (
        "f-1",
        "Main Menu",
        "INBOUNDCALL",
    )
    assert (ivr["transfer_type"], ivr["transfer_target_name"]) == ("ACD", "SALES_Inbound")


def test_segments_keep_order_and_fields(privacy: PrivacyFilter) -> None:
    segments = [
        s
        for s in flatten_conversations([_conversation()], privacy)["conversation_segments"]
        if s["session_id"] == "s-agent"
    ]
    assert [s["segment_index"] for s in segments] == [0, 1]
    assert [s["segment_type"] for s in segments] == ["alert", "interact"]
    assert segments[1]["queue_id"] == "q-1"
    assert segments[1]["is_conference"] is False
    assert segments[1]["wrap_up_code"] == "wc-1"
    assert segments[1]["participant_id"] == "p-agent"


def test_columns_match_the_contract_and_convert_to_arrow(privacy: PrivacyFilter) -> None:
    columns = ConversationColumns(privacy)
    columns.add(_conversation())
    columns.add({**_conversation(end=None), "conversationId": "c-2"})
    loaded_at = datetime(2026, 11, 1, tzinfo=UTC)
    for table in CONVERSATION_TABLES:
        expected = [c for c in TABLES[table].column_names if c != "_loaded_at"]
        assert list(columns.columns[table]) == expected
        arrow = to_arrow(table, columns.columns[table], loaded_at)
        assert arrow.schema == arrow_schema(table)
    segments = to_arrow(
        "conversation_segments", columns.columns["conversation_segments"], loaded_at
    )
    assert segments.schema.field("segment_start").type == pa.timestamp("us", tz="UTC")
    assert segments.column("segment_start")[0].as_py() == datetime(
        2026, 10, 14, 9, 0, 3, 120000, tzinfo=UTC
    )
    assert columns.row_counts()["conversations"] == 2
    columns.clear()
    assert columns.rows == 0


# ------------------------------------------------------------------------- the Arrow fast path


def _page(conversations: list[bytes], cursor: str | None = "next") -> bytes:
    tail = b',"cursor":"' + cursor.encode() + b'"' if cursor else b""
    return b'{"conversations":[' + b",".join(conversations) + b"]" + tail + b"}"


def _both_paths(raw: bytes, privacy_key: str = "k") -> tuple[dict[str, Any], dict[str, Any]]:
    """(fast path tables, reference path tables) of one page, as sorted row lists."""
    loaded_at = datetime(2026, 11, 1, tzinfo=UTC)
    org = {"+18005550100"}
    page, _ = read_results_page(raw)
    assert page.arrow is not None
    fast = ArrowConversationFlattener(PrivacyFilter(PiiHasher(privacy_key), org, "US"))
    fast_cols = fast.flatten(page.arrow, set())
    reference = ConversationColumns(PrivacyFilter(PiiHasher(privacy_key), org, "US"))
    seen: set[str] = set()
    for conversation in orjson.loads(raw)["conversations"]:
        if conversation["conversationId"] not in seen:
            seen.add(conversation["conversationId"])
            reference.add(conversation)
    ref_cols = reference.columns

    def rows(table: str, cols: Any) -> list[str]:
        arrow = to_arrow(table, cols, loaded_at)
        assert arrow.schema == arrow_schema(table)
        return sorted(map(repr, arrow.to_pylist()))

    return (
        {t: rows(t, fast_cols[t]) for t in CONVERSATION_TABLES},
        {t: rows(t, ref_cols[t]) for t in CONVERSATION_TABLES},
    )


@pytest.mark.parametrize("dataset", ["sandbox_dir", "sandbox_defects_dir"])
def test_fast_path_equals_the_reference_on_the_sandbox(
    dataset: str, request: pytest.FixtureRequest
) -> None:
    data_dir: Path = request.getfixturevalue(dataset)
    days = sorted((data_dir / "conversations").glob("*.jsonl"))
    lines = [line for day in days[:12] for line in day.read_bytes().splitlines() if line]
    fast, reference = _both_paths(_page(lines))
    assert fast == reference
    assert len(fast["conversation_segments"]) > 1000


def test_fast_path_handles_in_progress_and_cursor() -> None:
    raw = _page([orjson.dumps(_conversation(end=None)), orjson.dumps(_conversation())], None)
    page, cursor = read_results_page(raw)
    assert cursor is None and page.arrow is not None and len(page) == 2
    fast, reference = _both_paths(raw)
    assert fast == reference
    assert len(fast["conversations"]) == 1  # the same id twice: kept once


def test_pages_the_fast_path_cannot_take_fall_back_to_the_reference() -> None:
    odd_type = _conversation()
    odd_type["participants"][2]["sessions"][0]["segments"][1]["conference"] = "no"
    page, cursor = read_results_page(_page([orjson.dumps(odd_type)]))
    assert page.arrow is None and cursor == "next"
    assert page.python()[0]["conversationId"] == "c-1"

    numeric_attribute = _conversation()
    numeric_attribute["participants"][1]["attributes"] = {"Priority": 5}
    page, _ = read_results_page(_page([orjson.dumps(numeric_attribute)]))
    assert page.arrow is not None
    seen: set[str] = set()
    fast = ArrowConversationFlattener(
        PrivacyFilter(PiiHasher("k"), set(), "US", allowed_attributes=("Priority",))
    )
    with pytest.raises(NotArrowable):
        fast.flatten(page.arrow, seen)
    assert seen == set()  # a declined page leaves the conversations to the reference path

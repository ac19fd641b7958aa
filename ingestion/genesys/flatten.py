"""AnalyticsConversation JSON -> rows of the five conversation tables (pure, no I/O).

The hot path appends into per-column Python lists (`ConversationColumns`), which become Arrow
tables without ever building a row dict; `flatten_conversations` gives row dicts for tests and
small callers. Personal data goes through `PrivacyFilter` on the way: customer numbers and
names only land hashed, next to the country code and number type costing needs.

Positions (`participant_index`, `session_index`, `segment_index`) are the 0-based positions in
the Genesys arrays; Genesys keeps these arrays in chronological order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ingestion.genesys.privacy import PrivacyFilter
from ingestion.genesys.schema import TABLES

CONVERSATION_TABLES: tuple[str, ...] = (
    "conversations",
    "conversation_participants",
    "conversation_participant_attributes",
    "conversation_sessions",
    "conversation_segments",
)


def _data_columns(table: str) -> list[str]:
    return [c for c in TABLES[table].column_names if c != "_loaded_at"]


class ConversationColumns:
    """Column lists of the five conversation tables, filled by `add`."""

    def __init__(self, privacy: PrivacyFilter) -> None:
        self.privacy = privacy
        self.columns: dict[str, dict[str, list[Any]]] = {}
        self.clear()

    def clear(self) -> None:
        self.columns = {t: {c: [] for c in _data_columns(t)} for t in CONVERSATION_TABLES}
        self.conversations = 0

    @property
    def rows(self) -> int:
        return sum(len(next(iter(cols.values()))) for cols in self.columns.values())

    def row_counts(self) -> dict[str, int]:
        return {t: len(next(iter(cols.values()))) for t, cols in self.columns.items()}

    def add(self, conversation: dict[str, Any]) -> None:  # noqa: C901 - one flat pass on purpose
        """Append one conversation (all its participants, sessions and segments)."""
        privacy = self.privacy
        conv = self.columns["conversations"]
        part = self.columns["conversation_participants"]
        attr = self.columns["conversation_participant_attributes"]
        sess = self.columns["conversation_sessions"]
        seg = self.columns["conversation_segments"]

        cid = conversation["conversationId"]
        end = conversation.get("conversationEnd")
        divisions = conversation.get("divisionIds")
        conv["conversation_id"].append(cid)
        conv["conversation_start"].append(conversation.get("conversationStart"))
        conv["conversation_end"].append(end)
        conv["originating_direction"].append(conversation.get("originatingDirection"))
        conv["division_ids"].append(",".join(divisions) if divisions else None)
        conv["external_tag"].append(conversation.get("externalTag"))
        conv["is_in_progress"].append(not end)
        self.conversations += 1

        for p_index, participant in enumerate(conversation.get("participants") or ()):
            pid = participant.get("participantId")
            purpose = participant.get("purpose")
            name, name_hash = privacy.name(participant.get("participantName"), purpose)
            part["conversation_id"].append(cid)
            part["participant_id"].append(pid)
            part["participant_index"].append(p_index)
            part["participant_name"].append(name)
            part["participant_name_hash"].append(name_hash)
            part["purpose"].append(purpose)
            part["user_id"].append(participant.get("userId"))

            attributes = participant.get("attributes")
            if attributes:
                for attr_name, attr_value in attributes.items():
                    value = None if attr_value is None else str(attr_value)
                    attr["conversation_id"].append(cid)
                    attr["participant_id"].append(pid)
                    attr["attribute_name"].append(attr_name)
                    attr["attribute_value"].append(privacy.attribute(attr_name, value))

            for s_index, session in enumerate(participant.get("sessions") or ()):
                sid = session.get("sessionId")
                ani = privacy.address(session.get("ani"))
                dnis = privacy.address(session.get("dnis"))
                flow = session.get("flow") or {}
                sess["conversation_id"].append(cid)
                sess["participant_id"].append(pid)
                sess["session_id"].append(sid)
                sess["session_index"].append(s_index)
                sess["media_type"].append(session.get("mediaType"))
                sess["direction"].append(session.get("direction"))
                sess["ani"].append(ani.clear)
                sess["ani_hash"].append(ani.hashed)
                sess["ani_country_code"].append(ani.country_code)
                sess["ani_number_type"].append(ani.number_type)
                sess["dnis"].append(dnis.clear)
                sess["dnis_hash"].append(dnis.hashed)
                sess["dnis_country_code"].append(dnis.country_code)
                sess["dnis_number_type"].append(dnis.number_type)
                sess["edge_id"].append(session.get("edgeId"))
                sess["provider"].append(session.get("provider"))
                sess["peer_id"].append(session.get("peerId"))
                sess["protocol_call_id"].append(session.get("protocolCallId"))
                sess["flow_id"].append(flow.get("flowId"))
                sess["flow_name"].append(flow.get("flowName"))
                sess["flow_type"].append(flow.get("flowType"))
                sess["transfer_type"].append(flow.get("transferType"))
                sess["transfer_target_name"].append(
                    privacy.free_text(flow.get("transferTargetName"))
                )

                for g_index, segment in enumerate(session.get("segments") or ()):
                    seg["conversation_id"].append(cid)
                    seg["participant_id"].append(pid)
                    seg["session_id"].append(sid)
                    seg["segment_index"].append(g_index)
                    seg["segment_start"].append(segment.get("segmentStart"))
                    seg["segment_end"].append(segment.get("segmentEnd"))
                    seg["segment_type"].append(segment.get("segmentType"))
                    seg["queue_id"].append(segment.get("queueId"))
                    seg["disconnect_type"].append(segment.get("disconnectType"))
                    seg["is_conference"].append(segment.get("conference"))
                    seg["wrap_up_code"].append(segment.get("wrapUpCode"))
                    seg["source_session_id"].append(segment.get("sourceSessionId"))
                    seg["destination_session_id"].append(segment.get("destinationSessionId"))


def flatten_conversations(
    conversations: Iterable[dict[str, Any]], privacy: PrivacyFilter
) -> dict[str, list[dict[str, Any]]]:
    """Row dicts per conversation table (without `_loaded_at`)."""
    columns = ConversationColumns(privacy)
    for conversation in conversations:
        columns.add(conversation)
    out: dict[str, list[dict[str, Any]]] = {}
    for table, cols in columns.columns.items():
        names = list(cols)
        out[table] = [dict(zip(names, values, strict=True)) for values in zip(*cols.values())]
    return out

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
    """Column lists of the five conversation tables (contract column order), filled by `add`."""

    def __init__(self, privacy: PrivacyFilter) -> None:
        self.privacy = privacy
        self.columns: dict[str, dict[str, list[Any]]] = {}
        self.clear()

    def clear(self) -> None:
        self.columns = {t: {c: [] for c in _data_columns(t)} for t in CONVERSATION_TABLES}
        # bound `append`s per table, in column order: the hot loop never looks a column up
        self._appends = tuple(
            tuple(values.append for values in self.columns[t].values()) for t in CONVERSATION_TABLES
        )
        self.conversations = 0

    @property
    def rows(self) -> int:
        return sum(len(next(iter(cols.values()))) for cols in self.columns.values())

    def row_counts(self) -> dict[str, int]:
        return {t: len(next(iter(cols.values()))) for t, cols in self.columns.items()}

    def add(self, conversation: dict[str, Any]) -> None:  # one flat pass on purpose
        """Append one conversation (all its participants, sessions and segments)."""
        privacy = self.privacy
        address = privacy.address
        known = privacy.address_cache
        conv, part, attr, sess, seg = self._appends
        (c_id, c_start, c_end, c_direction, c_divisions, c_tag, c_progress) = conv
        (p_cid, p_pid, p_index, p_name, p_hash, p_purpose, p_user, p_conv_start) = part
        (a_cid, a_pid, a_name, a_value) = attr
        (
            s_cid, s_pid, s_sid, s_index, s_media, s_direction,
            s_ani, s_ani_hash, s_ani_cc, s_ani_type,
            s_dnis, s_dnis_hash, s_dnis_cc, s_dnis_type,
            s_edge, s_provider, s_peer, s_call,
            s_flow_id, s_flow_name, s_flow_type, s_transfer_type, s_transfer_target,
            s_conv_start,
        ) = sess  # fmt: skip
        (
            g_cid, g_pid, g_sid, g_index, g_start, g_end, g_type, g_queue, g_disconnect,
            g_conference, g_wrapup, g_source, g_destination, g_conv_start,
        ) = seg  # fmt: skip

        cid = conversation["conversationId"]
        start = conversation.get("conversationStart")
        end = conversation.get("conversationEnd")
        divisions = conversation.get("divisionIds")
        c_id(cid)
        c_start(start)
        c_end(end)
        c_direction(conversation.get("originatingDirection"))
        c_divisions(",".join(divisions) if divisions else None)
        c_tag(conversation.get("externalTag"))
        c_progress(not end)
        self.conversations += 1

        for participant_index, participant in enumerate(conversation.get("participants") or ()):
            get = participant.get
            pid = get("participantId")
            purpose = get("purpose")
            name, name_hash = privacy.name(get("participantName"), purpose)
            p_cid(cid)
            p_pid(pid)
            p_index(participant_index)
            p_name(name)
            p_hash(name_hash)
            p_purpose(purpose)
            p_user(get("userId"))
            p_conv_start(start)

            attributes = get("attributes")
            if attributes:
                for attr_name, attr_value in attributes.items():
                    if not privacy.keeps_attribute(attr_name):
                        continue  # not in the allow-list: never landed
                    value = None if attr_value is None else str(attr_value)
                    a_cid(cid)
                    a_pid(pid)
                    a_name(attr_name)
                    a_value(privacy.attribute(attr_name, value))

            for session_index, session in enumerate(get("sessions") or ()):
                sget = session.get
                sid = sget("sessionId")
                raw = sget("ani")
                ani = known.get(raw) or address(raw)  # type: ignore[arg-type]
                raw = sget("dnis")
                dnis = known.get(raw) or address(raw)  # type: ignore[arg-type]
                flow = sget("flow") or _NO_FLOW
                s_cid(cid)
                s_pid(pid)
                s_sid(sid)
                s_index(session_index)
                s_media(sget("mediaType"))
                s_direction(sget("direction"))
                s_ani(ani.clear)
                s_ani_hash(ani.hashed)
                s_ani_cc(ani.country_code)
                s_ani_type(ani.number_type)
                s_dnis(dnis.clear)
                s_dnis_hash(dnis.hashed)
                s_dnis_cc(dnis.country_code)
                s_dnis_type(dnis.number_type)
                s_edge(sget("edgeId"))
                s_provider(sget("provider"))
                s_peer(sget("peerId"))
                s_call(sget("protocolCallId"))
                s_flow_id(flow.get("flowId"))
                s_flow_name(flow.get("flowName"))
                s_flow_type(flow.get("flowType"))
                s_transfer_type(flow.get("transferType"))
                s_transfer_target(privacy.free_text(flow.get("transferTargetName")))
                s_conv_start(start)

                for segment_index, segment in enumerate(sget("segments") or ()):
                    gget = segment.get
                    g_cid(cid)
                    g_pid(pid)
                    g_sid(sid)
                    g_index(segment_index)
                    g_start(gget("segmentStart"))
                    g_end(gget("segmentEnd"))
                    g_type(gget("segmentType"))
                    g_queue(gget("queueId"))
                    g_disconnect(gget("disconnectType"))
                    g_conference(gget("conference"))
                    g_wrapup(gget("wrapUpCode"))
                    g_source(gget("sourceSessionId"))
                    g_destination(gget("destinationSessionId"))
                    g_conv_start(start)


_NO_FLOW: dict[str, Any] = {}


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
        out[table] = [
            dict(zip(names, row, strict=True)) for row in zip(*cols.values(), strict=True)
        ]
    return out

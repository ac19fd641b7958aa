"""Fast path: a conversation-details results page -> the five conversation tables, in Arrow.

The page is parsed by pyarrow's JSON reader (C++, releases the GIL) against an explicit schema
of the fields the contract lands; the nesting (conversations -> participants -> sessions ->
segments) is unrolled with list offsets, and the privacy rules are applied once per distinct
value. The result is the same rows as `flatten.ConversationColumns` (the reference
implementation, which stays the path for any page this one cannot take: a field with an
unexpected JSON type, participant data that is not text).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj

from ingestion.genesys.privacy import PrivacyFilter

_S = pa.string()
SEGMENT = pa.struct(
    [
        ("segmentStart", _S),
        ("segmentEnd", _S),
        ("segmentType", _S),
        ("queueId", _S),
        ("disconnectType", _S),
        ("conference", pa.bool_()),
        ("wrapUpCode", _S),
        ("sourceSessionId", _S),
        ("destinationSessionId", _S),
    ]
)
FLOW = pa.struct(
    [
        ("flowId", _S),
        ("flowName", _S),
        ("flowType", _S),
        ("transferType", _S),
        ("transferTargetName", _S),
    ]
)
SESSION = pa.struct(
    [
        ("sessionId", _S),
        ("mediaType", _S),
        ("direction", _S),
        ("ani", _S),
        ("dnis", _S),
        ("edgeId", _S),
        ("provider", _S),
        ("peerId", _S),
        ("protocolCallId", _S),
        ("flow", FLOW),
        ("segments", pa.list_(SEGMENT)),
    ]
)
PARTICIPANT = pa.struct(
    [
        ("participantId", _S),
        ("participantName", _S),
        ("purpose", _S),
        ("userId", _S),
        ("sessions", pa.list_(SESSION)),
    ]
)
CONVERSATION = pa.struct(
    [
        ("conversationId", _S),
        ("conversationStart", _S),
        ("conversationEnd", _S),
        ("originatingDirection", _S),
        ("divisionIds", pa.list_(_S)),
        ("externalTag", _S),
        ("participants", pa.list_(PARTICIPANT)),
    ]
)
PAGE = pa.schema([("conversations", pa.list_(CONVERSATION)), ("cursor", _S)])

Columns = dict[str, pa.Array]


class NotArrowable(ValueError):
    """The page has a shape the fast path does not take; use the reference path."""


def parse_page(raw: bytes) -> tuple[pa.StructArray, str | None]:
    """(conversations, cursor) of one results page; `pa.ArrowInvalid` when a field has an
    unexpected JSON type (fields the contract does not land are inferred, then dropped)."""
    table = pj.read_json(
        io.BytesIO(raw),
        read_options=pj.ReadOptions(block_size=len(raw) + 1, use_threads=False),
        parse_options=pj.ParseOptions(explicit_schema=PAGE, unexpected_field_behavior="infer"),
    )
    if table.num_rows != 1:
        raise NotArrowable(f"expected one results page, got {table.num_rows} rows")
    cursor = table.column("cursor")[0].as_py()
    conversations = table.column("conversations").combine_chunks()
    assert isinstance(conversations, pa.ListArray)
    return conversations.flatten(), cursor


def _fields(struct: pa.Array) -> dict[str, pa.Array]:
    """Child arrays of a struct array (offset and parent nulls applied)."""
    assert isinstance(struct, pa.StructArray)
    return {field.name: child for field, child in zip(struct.type, struct.flatten(), strict=True)}


def _unnest(lists: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """(values, parent index, position within the parent's list) of a list array."""
    assert isinstance(lists, pa.ListArray)
    values = lists.flatten()
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False).astype(np.int64)
    offsets = lists.offsets.to_numpy().astype(np.int64)
    positions = offsets[0] + np.arange(len(values), dtype=np.int64) - offsets[parents]
    return values, parents, positions


def _take(values: pa.Array, indices: np.ndarray) -> pa.Array:
    return values.take(pa.array(indices, pa.int64()))


def _map_distinct(
    values: pa.Array, fn: Callable[[Any], tuple[Any, ...]], width: int
) -> list[pa.Array]:
    """Apply `fn` once per distinct value; `width` output columns aligned with `values`."""
    distinct = pc.unique(values)
    results = [fn(v) for v in distinct.to_pylist()]
    index = pc.index_in(values, value_set=distinct)
    columns = []
    for i in range(width):
        mapped = pa.array([r[i] for r in results], _S)
        columns.append(mapped.take(index))
    return columns


class ArrowConversationFlattener:
    """Unrolls parsed results pages into Arrow columns of the five conversation tables."""

    def __init__(self, privacy: PrivacyFilter) -> None:
        self.privacy = privacy

    def flatten(self, conversations: pa.StructArray, seen: set[str]) -> dict[str, Columns]:
        """Columns per table for the conversations not in `seen`; `seen` is updated only when
        the page is taken (a `NotArrowable` page leaves it untouched)."""
        ids = _fields(conversations)["conversationId"].to_pylist()
        keep = []
        new_ids: set[str] = set()
        for cid in ids:
            new = cid is not None and cid not in seen and cid not in new_ids
            if new:
                new_ids.add(cid)
            keep.append(new)
        if not all(keep):
            conversations = conversations.filter(pa.array(keep, pa.bool_()))
        out = self._flatten(conversations)
        seen.update(new_ids)
        return out

    def _flatten(self, conversations: pa.StructArray) -> dict[str, Columns]:
        conv = _fields(conversations)
        out: dict[str, Columns] = {"conversations": self._conversations(conv)}
        cid = conv["conversationId"]

        parts, p_parent, p_pos = _unnest(conv["participants"])
        part = _fields(parts)
        p_cid = _take(cid, p_parent)
        p_start = _take(conv["conversationStart"], p_parent)
        pid = part["participantId"]
        out["conversation_participants"] = self._participants(part, p_cid, p_pos)
        out["conversation_participants"]["conversation_start"] = p_start
        out["conversation_participant_attributes"] = self._attributes(part, p_cid, pid)

        sessions, s_parent, s_pos = _unnest(part["sessions"])
        sess = _fields(sessions)
        s_cid, s_pid = _take(p_cid, s_parent), _take(pid, s_parent)
        s_start = _take(p_start, s_parent)
        out["conversation_sessions"] = self._sessions(sess, s_cid, s_pid, s_pos)
        out["conversation_sessions"]["conversation_start"] = s_start

        segments, g_parent, g_pos = _unnest(sess["segments"])
        seg = _fields(segments)
        sid = sess["sessionId"]
        out["conversation_segments"] = {
            "conversation_id": _take(s_cid, g_parent),
            "participant_id": _take(s_pid, g_parent),
            "session_id": _take(sid, g_parent),
            "segment_index": pa.array(g_pos, pa.int64()),
            "segment_start": seg["segmentStart"],
            "segment_end": seg["segmentEnd"],
            "segment_type": seg["segmentType"],
            "queue_id": seg["queueId"],
            "disconnect_type": seg["disconnectType"],
            "is_conference": seg["conference"],
            "wrap_up_code": seg["wrapUpCode"],
            "source_session_id": seg["sourceSessionId"],
            "destination_session_id": seg["destinationSessionId"],
            "conversation_start": _take(s_start, g_parent),
        }
        return out

    @staticmethod
    def _conversations(conv: dict[str, pa.Array]) -> Columns:
        end = conv["conversationEnd"]
        divisions = conv["divisionIds"]
        has_divisions = pc.fill_null(pc.greater(pc.list_value_length(divisions), 0), False)
        joined = pc.binary_join(divisions, ",")
        ended = pc.fill_null(pc.not_equal(end, ""), False)
        return {
            "conversation_id": conv["conversationId"],
            "conversation_start": conv["conversationStart"],
            "conversation_end": end,
            "originating_direction": conv["originatingDirection"],
            "division_ids": pc.if_else(has_divisions, joined, pa.scalar(None, _S)),
            "external_tag": conv["externalTag"],
            "is_in_progress": pc.invert(ended),
        }

    def _participants(
        self, part: dict[str, pa.Array], p_cid: pa.Array, p_pos: np.ndarray
    ) -> Columns:
        name = self.privacy.name
        pairs = zip(part["participantName"].to_pylist(), part["purpose"].to_pylist(), strict=True)
        clear, hashed = (
            zip(*(name(n, p) for n, p in pairs), strict=True) if len(p_cid) else ((), ())
        )
        return {
            "conversation_id": p_cid,
            "participant_id": part["participantId"],
            "participant_index": pa.array(p_pos, pa.int64()),
            "participant_name": pa.array(clear, _S),
            "participant_name_hash": pa.array(hashed, _S),
            "purpose": part["purpose"],
            "user_id": part["userId"],
        }

    def _attributes(self, part: dict[str, pa.Array], p_cid: pa.Array, pid: pa.Array) -> Columns:
        out: dict[str, list[pa.Array]] = {k: [] for k in ("cid", "pid", "name", "value")}
        attributes = part.get("attributes")
        if attributes is not None and pa.types.is_struct(attributes.type):
            attribute = self.privacy.attribute
            keeps = self.privacy.keeps_attribute
            for key, values in _fields(attributes).items():
                if not keeps(key):
                    continue  # not in the allow-list: never landed
                if pa.types.is_null(values.type):
                    continue  # only nulls: nothing to land
                if not pa.types.is_string(values.type):
                    raise NotArrowable(f"participant attribute {key!r} is not text")
                rows = np.flatnonzero(pc.is_valid(values).to_numpy(zero_copy_only=False))
                if not len(rows):
                    continue
                taken = values.take(pa.array(rows, pa.int64())).to_pylist()
                out["cid"].append(_take(p_cid, rows))
                out["pid"].append(_take(pid, rows))
                out["name"].append(pa.array([key] * len(rows), _S))
                out["value"].append(pa.array([attribute(key, v) for v in taken], _S))
        elif attributes is not None and not pa.types.is_null(attributes.type):
            raise NotArrowable("participant attributes are not an object")

        def cat(parts: list[pa.Array]) -> pa.Array:
            return pa.concat_arrays(parts) if parts else pa.array([], _S)

        return {
            "conversation_id": cat(out["cid"]),
            "participant_id": cat(out["pid"]),
            "attribute_name": cat(out["name"]),
            "attribute_value": cat(out["value"]),
        }

    def _sessions(
        self, sess: dict[str, pa.Array], s_cid: pa.Array, s_pid: pa.Array, s_pos: np.ndarray
    ) -> Columns:
        def classify(value: str | None) -> tuple[Any, ...]:
            c = self.privacy.address(value)
            return c.clear, c.hashed, c.country_code, c.number_type

        ani = _map_distinct(sess["ani"], classify, 4)
        dnis = _map_distinct(sess["dnis"], classify, 4)
        flow = _fields(sess["flow"])
        (target,) = _map_distinct(
            flow["transferTargetName"], lambda v: (self.privacy.free_text(v),), 1
        )
        return {
            "conversation_id": s_cid,
            "participant_id": s_pid,
            "session_id": sess["sessionId"],
            "session_index": pa.array(s_pos, pa.int64()),
            "media_type": sess["mediaType"],
            "direction": sess["direction"],
            "ani": ani[0],
            "ani_hash": ani[1],
            "ani_country_code": ani[2],
            "ani_number_type": ani[3],
            "dnis": dnis[0],
            "dnis_hash": dnis[1],
            "dnis_country_code": dnis[2],
            "dnis_number_type": dnis[3],
            "edge_id": sess["edgeId"],
            "provider": sess["provider"],
            "peer_id": sess["peerId"],
            "protocol_call_id": sess["protocolCallId"],
            "flow_id": flow["flowId"],
            "flow_name": flow["flowName"],
            "flow_type": flow["flowType"],
            "transfer_type": flow["transferType"],
            "transfer_target_name": target,
        }


class ResultsPage:
    """One conversation results page: parsed by the fast path (`arrow`) or as Python objects."""

    __slots__ = ("arrow", "conversations", "raw")

    def __init__(
        self,
        raw: bytes,
        arrow: pa.StructArray | None = None,
        conversations: list[dict[str, Any]] | None = None,
    ) -> None:
        self.raw = raw
        self.arrow = arrow
        self.conversations = conversations

    def __len__(self) -> int:
        if self.arrow is not None:
            return len(self.arrow)
        return len(self.conversations or ())

    def python(self) -> list[dict[str, Any]]:
        """The page's conversations as Python objects (parsed on demand)."""
        if self.conversations is None:
            self.conversations = _orjson_page(self.raw)[0]
        return self.conversations


def _orjson_page(raw: bytes) -> tuple[list[dict[str, Any]], str | None]:
    import orjson

    from ingestion.genesys.errors import GenesysApiError

    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise GenesysApiError(f"a conversation results page is not JSON: {exc}") from exc
    if not isinstance(body, dict) or not isinstance(body.get("conversations", []), list):
        raise GenesysApiError("unexpected conversation results page (no 'conversations')")
    return body.get("conversations") or [], body.get("cursor")


def read_results_page(raw: bytes) -> tuple[ResultsPage, str | None]:
    """Parse one results page, by the fast path when it can take it."""
    try:
        conversations, cursor = parse_page(raw)
        return ResultsPage(raw, arrow=conversations), cursor
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, NotArrowable):
        conversations_list, cursor = _orjson_page(raw)
        return ResultsPage(raw, conversations=conversations_list), cursor

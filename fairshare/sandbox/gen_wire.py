"""Building blocks of a conversation in Genesys's wire format, and the day's counters.

`Conv` assembles an `AnalyticsConversation` (participants → sessions → segments) as plain dicts
ready for `orjson`, keeping on the side what the generator needs (start/end, row counts, billed
legs, bot time). `DayStats` accumulates one day's counts and usage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fairshare.sandbox.gen_common import OPEN, iso
from ingestion.genesys.schema import VOICE_USAGE_CSV_COLUMNS

PROVIDER = {
    "voice": "Edge",
    "chat": "PureCloud Webchat v2",
    "email": "PureCloud Email",
    "message": "PureCloud Messaging",
    "callback": "PureCloud Callback",
}
SKU_OF = {
    ("inbound", "toll_free"): "GCV-TF-IN",
    ("outbound", "toll_free"): "GCV-TF-IN",
    ("inbound", "local"): "GCV-LOCAL-IN",
    ("outbound", "local"): "GCV-DOM-OUT",
    ("outbound", "mobile"): "GCV-DOM-OUT",
    ("inbound", "international"): "GCV-INTL-OUT",
    ("outbound", "international"): "GCV-INTL-OUT",
}


@dataclass
class DayStats:
    conversations: int = 0
    conversation_lines: int = 0
    in_month: int = 0
    participants: int = 0
    participant_attributes: int = 0
    sessions: int = 0
    segments: int = 0
    voice_rows: int = 0
    voice: dict[str, list[int]] = field(default_factory=dict)  # sku -> [seconds, micro USD]
    bot_ms: int = 0
    dept_conversations: dict[str, int] = field(default_factory=dict)
    inbound_voice: int = 0
    inbound_voice_cost_center: int = 0
    ivr_only_no_department: int = 0
    tagged: dict[str, list[str]] = field(default_factory=dict)
    defects: list[dict[str, Any]] = field(default_factory=list)
    in_progress: list[str] = field(default_factory=list)


class Conv:
    """A conversation under construction (wire dicts plus integer times on the side)."""

    __slots__ = (
        "bot_ms",
        "cid",
        "direction",
        "divs",
        "end",
        "has_agent",
        "kind",
        "legs",
        "n_attr",
        "n_seg",
        "n_sess",
        "parts",
        "start",
        "tag",
    )

    def __init__(self, cid: str, direction: str, kind: str) -> None:
        self.cid = cid
        self.direction = direction
        self.kind = kind
        self.parts: list[dict[str, Any]] = []
        self.legs: list[tuple[str, int, int, str, str, str, str, str, int]] = []
        self.divs: list[str] = []
        self.has_agent = False
        self.tag: str | None = None
        self.start = OPEN
        self.end = -OPEN
        self.n_attr = self.n_sess = self.n_seg = 0
        self.bot_ms = 0

    def part(
        self,
        pid: str,
        purpose: str,
        name: str | None = None,
        user_id: str | None = None,
        attrs: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        p: dict[str, Any] = {"participantId": pid}
        if name is not None:
            p["participantName"] = name
        p["purpose"] = purpose
        if user_id is not None:
            p["userId"] = user_id
        if attrs:
            p["attributes"] = attrs
            self.n_attr += len(attrs)
        p["sessions"] = []
        self.parts.append(p)
        return p

    def sess(
        self,
        p: dict[str, Any],
        sid: str,
        media: str,
        direction: str,
        ani: str | None = None,
        dnis: str | None = None,
        edge: str | None = None,
        peer: str | None = None,
        proto: str | None = None,
        flow: dict[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        s: dict[str, Any] = {"sessionId": sid, "mediaType": media, "direction": direction}
        if ani is not None:
            s["ani"] = ani
        if dnis is not None:
            s["dnis"] = dnis
        if edge is not None:
            s["edgeId"] = edge
        s["provider"] = PROVIDER[media]
        if peer is not None:
            s["peerId"] = peer
        if proto is not None:
            s["protocolCallId"] = proto
        if flow is not None:
            s["flow"] = flow
        segs: list[dict[str, Any]] = []
        s["segments"] = segs
        p["sessions"].append(s)
        self.n_sess += 1
        return segs

    def seg(
        self,
        segs: list[dict[str, Any]],
        stype: str,
        start: int,
        end: int,
        queue_id: str | None = None,
        disc: str | None = None,
        conf: bool = False,
        wrap: str | None = None,
        src: str | None = None,
        dst: str | None = None,
    ) -> dict[str, Any]:
        d: dict[str, Any] = {
            "segmentStart": iso(start),
            "segmentEnd": iso(end),
            "segmentType": stype,
        }
        if queue_id is not None:
            d["queueId"] = queue_id
        if disc is not None:
            d["disconnectType"] = disc
        if conf:
            d["conference"] = True
        if wrap is not None:
            d["wrapUpCode"] = wrap
        if src is not None:
            d["sourceSessionId"] = src
        if dst is not None:
            d["destinationSessionId"] = dst
        segs.append(d)
        self.n_seg += 1
        if start < self.start:
            self.start = start
        if end > self.end:
            self.end = end
        return d

    def division(self, division_id: str) -> None:
        if division_id not in self.divs:
            self.divs.append(division_id)


@dataclass
class Ctx:
    """The customer side of a conversation while its agent legs are built."""

    cust_sid: str
    media: str
    direction: str
    ani: str | None
    dnis: str | None
    marks: list[tuple[int, int, str]] = field(default_factory=list)
    cust_hangs: bool = True


# Columns of the voice usage CSV: the raw contract's (the loader validates the same header).
VOICE_USAGE_COLUMNS = VOICE_USAGE_CSV_COLUMNS


def voice_header() -> str:
    return ",".join(VOICE_USAGE_COLUMNS) + "\n"

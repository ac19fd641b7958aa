"""The sandbox generator: determinism, Genesys wire shapes, invariants, guide cases, invoice."""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import SANDBOX_CONVERSATIONS, SANDBOX_MONTH, SANDBOX_SEED

from fairshare.sandbox.generator import generate
from ingestion.genesys.arrow_tables import json_number
from ingestion.genesys.schema import INVOICE_CSV_COLUMNS, VOICE_USAGE_CSV_COLUMNS

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("generator")

MONTH_START = datetime(2026, 10, 1, tzinfo=UTC)
MONTH_END = datetime(2026, 11, 1, tzinfo=UTC)
EASTERN = ZoneInfo("America/New_York")

# Field names per object, from the Genesys API facts (/shared/genesys-cloud-api.md).
CONVERSATION_KEYS = {
    "conversationId",
    "conversationStart",
    "conversationEnd",
    "originatingDirection",
    "divisionIds",
    "externalTag",
    "participants",
}
PARTICIPANT_KEYS = {
    "participantId",
    "participantName",
    "purpose",
    "userId",
    "attributes",
    "sessions",
}
SESSION_KEYS = {
    "sessionId",
    "mediaType",
    "direction",
    "ani",
    "dnis",
    "edgeId",
    "provider",
    "peerId",
    "protocolCallId",
    "flow",
    "metrics",
    "segments",
}
FLOW_KEYS = {"flowId", "flowName", "flowType", "transferType", "transferTargetName"}
SEGMENT_KEYS = {
    "segmentStart",
    "segmentEnd",
    "segmentType",
    "queueId",
    "disconnectType",
    "conference",
    "wrapUpCode",
    "sourceSessionId",
    "destinationSessionId",
    "q850ResponseCodes",
    "sipResponseCodes",
}
PURPOSES = {
    "customer",
    "external",
    "ivr",
    "acd",
    "agent",
    "user",
    "voicemail",
    "workflow",
    "botflow",
}
MEDIA = {"voice", "chat", "email", "message", "callback"}
SEGMENT_TYPES = {
    "alert",
    "dialing",
    "contacting",
    "interact",
    "hold",
    "ivr",
    "wrapup",
    "system",
    "voicemail",
}
DISCONNECTS = {"client", "endpoint", "transfer", "consultTransfer", "system", "error", "peer"}
USER_KEYS = {
    "id",
    "name",
    "division",
    "department",
    "title",
    "email",
    "state",
    "username",
    "manager",
    "employerInfo",
    "dateLastLogin",
    "version",
}
EMPLOYER_KEYS = {"officialName", "employeeId", "employeeType", "dateHire"}
QUEUE_KEYS = {
    "id",
    "name",
    "division",
    "description",
    "dateCreated",
    "memberCount",
    "queueFlow",
    "callingPartyNumber",
}
DID_KEYS = {"id", "name", "phoneNumber", "state", "didPool", "owner", "ownerType"}
DIDPOOL_KEYS = {"id", "name", "startPhoneNumber", "endPhoneNumber", "provider"}
DIVISION_KEYS = {"id", "name", "description", "homeDivision"}
CUSTOM_ATTRIBUTE_KEYS = {"id", "userId", "schema", "attributes"}
SCHEMA_KEYS = {"id", "name", "version", "jsonSchema"}
USER_DETAIL_KEYS = {"userId", "primaryPresence", "routingStatus"}
PRESENCE_KEYS = {"startTime", "endTime", "systemPresence", "organizationPresenceId"}
ROUTING_KEYS = {"startTime", "endTime", "routingStatus"}
SYSTEM_PRESENCES = {
    "AVAILABLE",
    "AWAY",
    "BUSY",
    "OFFLINE",
    "IDLE",
    "ON_QUEUE",
    "MEAL",
    "TRAINING",
    "MEETING",
    "BREAK",
}
ROUTING_STATUSES = {"OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING", "COMMUNICATING"}
API_USAGE_KEYS = {"date", "oauthClient", "requestCount", "status200", "status429"}
CONTRACT_KEYS = {"id", "status", "dateStart", "dateEnd", "billingPeriods"}
PERIOD_KEYS = {"id", "dateStart", "dateEnd", "status", "charges", "wallets"}
CHARGE_KEYS = {
    "id",
    "product",
    "prepaidQuantity",
    "fairuseQuantity",
    "actualQuantity",
    "overageQuantity",
    "overageRate",
    "overageCharge",
    "overageCurrency",
}
WALLET_KEYS = {
    "name",
    "unitOfMeasure",
    "startingBalance",
    "balanceConsumption",
    "endingBalance",
    "balanceOverageCharge",
}
INVOICE_KEYS = {"id", "dateInvoiced", "currencyIsoCode", "paymentStatus", "amount"}
LINE_KEYS = {
    "id",
    "product",
    "description",
    "dateStart",
    "dateEnd",
    "quantity",
    "unitOfMeasure",
    "amount",
}
CATALOG = {
    "GC-CX1-NAMED",
    "GC-CX2-NAMED",
    "GC-COMM-NAMED",
    "GC-CX3-CONC",
    "GC-CX3-CONC-OVG",
    "GCV-TF-IN",
    "GCV-LOCAL-IN",
    "GCV-DOM-OUT",
    "GCV-INTL-OUT",
    "GC-API-OD",
    "GC-AI-TOKENS",
    "GC-PLATFORM",
    "GC-SUPPORT-PREM",
    "GC-WEM-ADDON",
    "GC-DID-RENTAL",
}
LICENCE_RANK = {"communicate": 1, "cloudCX1": 2, "cloudCX2": 3, "cloudCX3": 4}
SKU_OF = {
    ("inbound", "toll_free"): "GCV-TF-IN",
    ("inbound", "local"): "GCV-LOCAL-IN",
    ("outbound", "local"): "GCV-DOM-OUT",
    ("outbound", "mobile"): "GCV-DOM-OUT",
    ("inbound", "international"): "GCV-INTL-OUT",
    ("outbound", "international"): "GCV-INTL-OUT",
}


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def ms(text: str) -> int:
    return int(ts(text).timestamp() * 1000)


def valid_tel(value: str) -> bool:
    number = value.removeprefix("tel:")
    return value.startswith("tel:+") and number[1:].isdigit() and 9 <= len(number) <= 16


@dataclass
class Dataset:
    root: Path
    conversations: list[dict[str, Any]]
    files: dict[str, str]  # conversationId -> file date (last occurrence)
    lines: int
    expected: dict[str, Any]
    users: list[dict[str, Any]]
    queues: list[dict[str, Any]]
    dids: list[dict[str, Any]]
    details: list[dict[str, Any]]
    licences: dict[str, list[str]]
    voice: list[dict[str, str]]
    invoice_lines: list[dict[str, Any]]
    invoice: dict[str, Any]
    api: list[dict[str, Any]]
    sandbox: dict[str, Any]
    logged: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def json(self, name: str) -> Any:
        return _read_json(self.root / name)

    def conversation(self, cid: str) -> dict[str, Any]:
        return next(c for c in self.conversations if c["conversationId"] == cid)


def _read_json(path: Path) -> Any:
    """JSON as the loader reads it: numbers with a fraction as exact decimals of their text
    (float artefacts of the wire rounded off as `json_number` does)."""
    return json.loads(
        path.read_text(encoding="utf-8"), parse_float=lambda s: json_number(Decimal(s), 18)
    )


def load(root: Path) -> Dataset:
    conversations, files, lines = [], {}, 0
    for path in sorted((root / "conversations").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            conv = json.loads(line)
            lines += 1
            files[conv["conversationId"]] = path.stem
            conversations.append(conv)
    read = lambda name: _read_json(root / name)  # noqa: E731
    invoice = read("billing/invoices.json")[0]
    details = [json.loads(x) for x in (root / "user_details.jsonl").read_text().splitlines()]
    with (root / "voice_usage.csv").open(encoding="utf-8", newline="") as fh:
        voice = list(csv.DictReader(fh))
    ds = Dataset(
        root=root,
        conversations=conversations,
        files=files,
        lines=lines,
        expected=read("expected.json"),
        users=read("users.json"),
        queues=read("queues.json"),
        dids=read("dids.json"),
        details=details,
        licences={lu["id"]: lu["licenses"] for lu in read("license_users.json")},
        voice=voice,
        invoice_lines=read(f"billing/invoice_lines/{invoice['id']}.json"),
        invoice=invoice,
        api=[json.loads(x) for x in (root / "api_usage.jsonl").read_text().splitlines()],
        sandbox=read("sandbox.json"),
    )
    for detail in details:  # logged-in spans: runs of intervals that are not OFFLINE
        spans: list[tuple[int, int]] = []
        for item in detail["primaryPresence"]:
            if item["systemPresence"] == "OFFLINE":
                continue
            start = ms(item["startTime"])
            end = ms(item["endTime"]) if "endTime" in item else 2**62
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        ds.logged[detail["userId"]] = spans
    return ds


@pytest.fixture(scope="module")
def ds(sandbox_dir: Path) -> Dataset:
    return load(sandbox_dir)


@pytest.fixture(scope="module")
def dds(sandbox_defects_dir: Path) -> Dataset:
    return load(sandbox_defects_dir)


def segments(conv: dict[str, Any]):  # type: ignore[no-untyped-def]
    for p in conv["participants"]:
        for s in p["sessions"]:
            for seg in s["segments"]:
                yield p, s, seg


def billed_peak(intervals: list[tuple[int, int]], lo: int, hi: int) -> int:
    events = []
    for s, e in intervals:
        s, e = max(s, lo), min(e, hi)
        if s < e:
            events += [(s, 1), (e, -1)]
    events.sort()
    at_level: Counter[int] = Counter()
    level, prev = 0, None
    for t, d in events:
        if prev is not None and t > prev and level:
            at_level[level] += t - prev
        level += d
        prev = t
    total = 0
    for lvl in sorted(at_level, reverse=True):
        total += at_level[lvl]
        if total >= 30 * 60_000:
            return lvl
    return 0


# ------------------------------------------------------------------------------ determinism


def test_same_seed_gives_identical_bytes(sandbox_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, month=SANDBOX_MONTH, conversations=SANDBOX_CONVERSATIONS, seed=SANDBOX_SEED)
    first = sorted(p.relative_to(sandbox_dir) for p in sandbox_dir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (sandbox_dir / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_other_seed_gives_other_data(sandbox_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    summary = generate(
        other, month=SANDBOX_MONTH, conversations=SANDBOX_CONVERSATIONS, seed=SANDBOX_SEED + 1
    )
    assert summary["counts"]["conversations"] >= SANDBOX_CONVERSATIONS
    day = "conversations/2026-10-14.jsonl"
    assert (other / day).read_bytes() != (sandbox_dir / day).read_bytes()
    assert (other / "users.json").read_bytes() != (sandbox_dir / "users.json").read_bytes()


def test_existing_foreign_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        generate(tmp_path, conversations=200)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


# ------------------------------------------------------------------------------ shapes


def test_conversations_use_genesys_field_names(ds: Dataset) -> None:
    for conv in ds.conversations:
        assert set(conv) <= CONVERSATION_KEYS
        assert conv["originatingDirection"] in ("inbound", "outbound")
        for p in conv["participants"]:
            assert set(p) <= PARTICIPANT_KEYS
            assert p["purpose"] in PURPOSES
            for s in p["sessions"]:
                assert set(s) <= SESSION_KEYS
                assert s["mediaType"] in MEDIA
                assert set(s.get("flow", {})) <= FLOW_KEYS
                for seg in s["segments"]:
                    assert set(seg) <= SEGMENT_KEYS
                    assert seg["segmentType"] in SEGMENT_TYPES
                    assert seg.get("disconnectType", "client") in DISCONNECTS


def test_directory_usage_and_billing_use_genesys_field_names(ds: Dataset) -> None:
    for user in ds.users:
        assert set(user) <= USER_KEYS and set(user["employerInfo"]) <= EMPLOYER_KEYS
    assert all(set(q) <= QUEUE_KEYS for q in ds.queues)
    assert all(set(d) <= DID_KEYS for d in ds.dids)
    assert all(
        d.get("ownerType", "USER") in ("USER", "PHONE", "IVR_CONFIG", "GROUP") for d in ds.dids
    )
    assert all(set(p) <= DIDPOOL_KEYS for p in ds.json("didpools.json"))
    assert all(set(d) <= DIVISION_KEYS for d in ds.json("divisions.json"))
    assert all(set(a) <= CUSTOM_ATTRIBUTE_KEYS for a in ds.json("customattributes.json"))
    assert all(set(s) <= SCHEMA_KEYS for s in ds.json("customattributes_schemas.json"))
    for detail in ds.details:
        assert set(detail) == USER_DETAIL_KEYS
        for item in detail["primaryPresence"]:
            assert set(item) <= PRESENCE_KEYS and item["systemPresence"] in SYSTEM_PRESENCES
        for item in detail["routingStatus"]:
            assert set(item) <= ROUTING_KEYS and item["routingStatus"] in ROUTING_STATUSES
    for row in ds.api:
        # the usage job groups by OauthClientId: the client's id only, the day a date
        assert set(row) == API_USAGE_KEYS and set(row["oauthClient"]) == {"id"}
        assert len(row["date"]) == 10
        assert row["requestCount"] == row["status200"] + row["status429"]
    for contract in ds.json("billing/contracts.json"):
        assert set(contract) <= CONTRACT_KEYS
        for period_ref in contract["billingPeriods"]:
            period = ds.json(f"billing/billingperiods/{period_ref['id']}.json")
            assert set(period) <= PERIOD_KEYS
            assert all(set(c) <= CHARGE_KEYS for c in period["charges"])
            assert all(set(w) <= WALLET_KEYS for w in period["wallets"])
    assert set(ds.invoice) == INVOICE_KEYS
    for line in ds.invoice_lines:
        assert set(line) == LINE_KEYS and set(line["product"]) == {"sku", "name", "unitOfMeasure"}
    usage = ds.json("billing/billable_usage.json")
    assert usage["status"] == "Complete"
    assert all(set(u) == {"name", "totalUsage", "resources"} for u in usage["usages"])


def test_csv_columns_match_the_raw_contract(ds: Dataset) -> None:
    header = (ds.root / "voice_usage.csv").read_text().splitlines()[0]
    assert tuple(header.split(",")) == VOICE_USAGE_CSV_COLUMNS


# ------------------------------------------------------------------------------ invariants


def test_segments_lie_inside_their_conversation(ds: Dataset) -> None:
    in_progress = set(ds.expected["boundary"]["inProgress"])
    for conv in ds.conversations:
        start = ts(conv["conversationStart"])
        end = ts(conv["conversationEnd"]) if "conversationEnd" in conv else None
        assert (end is None) == (conv["conversationId"] in in_progress)
        open_segments = 0
        for _p, _s, seg in segments(conv):
            s = ts(seg["segmentStart"])
            assert s >= start
            if "segmentEnd" not in seg:
                open_segments += 1
                continue
            e = ts(seg["segmentEnd"])
            assert e >= s, (conv["conversationId"], seg)
            if end is not None:
                assert e <= end
        assert (open_segments > 0) == (end is None)


def test_conversations_sit_in_the_file_of_their_utc_start_date(ds: Dataset) -> None:
    assert len(ds.files) == len(ds.conversations) == ds.lines
    for conv in ds.conversations:
        assert ds.files[conv["conversationId"]] == conv["conversationStart"][:10]


def test_every_queue_id_exists(ds: Dataset) -> None:
    ids = {q["id"] for q in ds.queues}
    used = {
        seg["queueId"] for c in ds.conversations for _p, _s, seg in segments(c) if "queueId" in seg
    }
    assert used <= ids and len(used) >= 12


def test_phone_numbers_and_org_dids(ds: Dataset) -> None:
    org = {d["phoneNumber"] for d in ds.dids}
    for conv in ds.conversations:
        for p, s, _seg in segments(conv):
            for key in ("ani", "dnis"):
                if key in s:
                    assert valid_tel(s[key]), s[key]
            if s["mediaType"] in ("chat", "email", "message", "callback"):
                assert "ani" not in s and "dnis" not in s
            if p["purpose"] == "customer" and s["mediaType"] == "voice":
                org_side = s["dnis"] if s["direction"] == "inbound" else s["ani"]
                assert org_side.removeprefix("tel:") in org
            if p["purpose"] == "external":
                assert s["ani"].removeprefix("tel:") in org


def test_dids_cover_owner_types_and_number_kinds(ds: Dataset) -> None:
    owner_types = {d.get("ownerType") for d in ds.dids}
    assert {"USER", "IVR_CONFIG", "GROUP"} <= owner_types
    numbers = {d["phoneNumber"]: d for d in ds.dids}
    main = numbers["+18005550100"]
    # the owner is the IVR configuration (named apart from its flow), which routes to Main IVR
    assert main["ownerType"] == "IVR_CONFIG" and main["owner"]["name"] == "Main number routing"
    ivrs = {i["id"]: i for i in ds.json("ivrs.json")}
    ivr = ivrs[main["owner"]["id"]]
    assert ivr["name"] == "Main number routing" and ivr["openHoursFlow"]["name"] == "Main IVR"
    assert "+18005550100" in ivr["dnis"]
    routed = {n for i in ivrs.values() for n in i["dnis"]}
    assert routed == {d["phoneNumber"] for d in ds.dids if d.get("ownerType") == "IVR_CONFIG"}
    assert all(i["name"] != i["openHoursFlow"]["name"] for i in ivrs.values())
    assert any(n.startswith(("+1888", "+1877")) for n in numbers)
    assert {n[:3] for n in numbers} >= {"+44", "+33", "+49", "+16", "+12"}
    pools = {p["name"]: p for p in ds.json("didpools.json")}
    for d in ds.dids:
        pool = pools[d["didPool"]["name"]]
        assert pool["startPhoneNumber"] <= d["phoneNumber"] <= pool["endPhoneNumber"]


def test_cost_center_participant_data_on_about_60_percent_of_inbound_calls(ds: Dataset) -> None:
    inbound = tagged = 0
    for conv in ds.conversations:
        for p in conv["participants"]:
            if "attributes" in p:
                assert p["purpose"] == "customer"
        customer = conv["participants"][0]
        if (
            conv["originatingDirection"] == "inbound"
            and customer["sessions"][0]["mediaType"] == "voice"
        ):
            inbound += 1
            tagged += "Cost_Center" in customer.get("attributes", {})
    assert 0.5 <= tagged / inbound <= 0.7
    assert ds.expected["cost_center_attribute"]["inboundVoice"] == inbound
    assert ds.expected["cost_center_attribute"]["withCostCenter"] == tagged


def test_realistic_mix_and_arrival_curve(ds: Dataset) -> None:
    media = Counter(c["participants"][0]["sessions"][0]["mediaType"] for c in ds.conversations)
    assert 0.55 <= media["voice"] / len(ds.conversations) <= 0.75
    assert {"chat", "email", "message", "callback"} <= set(media)
    hours: Counter[int] = Counter()
    weekday, weekend = Counter(), Counter()
    for conv in ds.conversations:
        local = ts(conv["conversationStart"]).astimezone(EASTERN)
        hours[local.hour] += 1
        (weekend if local.weekday() >= 5 else weekday)[local.date()] += 1
    assert max(hours[9], hours[10], hours[11]) > 2 * max(hours[7], hours[19])
    assert max(hours[13], hours[14], hours[15]) > 2 * hours[19]
    assert sum(weekend.values()) / len(weekend) < 0.7 * sum(weekday.values()) / len(weekday)


def test_agents_are_logged_in_while_they_handle_segments(ds: Dataset) -> None:
    checked = 0
    for conv in ds.conversations:
        for p, _s, seg in segments(conv):
            if p["purpose"] not in ("agent", "user") or "segmentEnd" not in seg:
                continue
            spans = ds.logged[p["userId"]]
            s, e = ms(seg["segmentStart"]), ms(seg["segmentEnd"])
            k = bisect_right(spans, (s, 2**63)) - 1
            overlaps = (k >= 0 and spans[k][1] > s) or (k + 1 < len(spans) and spans[k + 1][0] < e)
            assert overlaps, (conv["conversationId"], p["userId"], seg)
            checked += 1
    assert checked > 1000


def test_presence_and_routing_timelines_are_continuous(ds: Dataset) -> None:
    assert len(ds.details) == len(ds.users)
    for detail in ds.details:
        for key in ("primaryPresence", "routingStatus"):
            items = detail[key]
            assert items
            for a, b in pairwise(items):
                assert a["endTime"] == b["startTime"]
                assert ts(a["startTime"]) < ts(a["endTime"])
            assert "endTime" not in items[-1] or ts(items[-1]["endTime"]) > MONTH_END


def test_interacting_routing_status_matches_handled_conversations(ds: Dataset) -> None:
    interacting: dict[str, int] = defaultdict(int)
    for detail in ds.details:
        for item in detail["routingStatus"]:
            if item["routingStatus"] == "INTERACTING" and "endTime" in item:
                interacting[detail["userId"]] += ms(item["endTime"]) - ms(item["startTime"])
    handled: dict[str, int] = defaultdict(int)
    for conv in ds.conversations:
        for p, _s, seg in segments(conv):
            if p["purpose"] == "agent" and "segmentEnd" in seg:
                handled[p["userId"]] += ms(seg["segmentEnd"]) - ms(seg["segmentStart"])
    assert set(interacting) == {u for u, t in handled.items() if t > 0}
    for user, total in handled.items():
        assert interacting[user] <= total * 1.01 + 1000


# ------------------------------------------------------------------------------ time edges


def test_month_boundaries_and_calls_in_progress(ds: Dataset) -> None:
    b = ds.expected["boundary"]
    generated = ts(ds.sandbox["generatedAt"])
    assert len(b["startsBeforeMonth"]) == 3 and len(b["endsAfterMonth"]) == 3
    assert len(b["inProgress"]) >= 3
    for cid in b["startsBeforeMonth"]:
        conv = ds.conversation(cid)
        assert ds.files[cid] == "2026-09-30"
        assert ts(conv["conversationStart"]) < MONTH_START < ts(conv["conversationEnd"])
    for cid in b["endsAfterMonth"]:
        conv = ds.conversation(cid)
        assert ts(conv["conversationStart"]) < MONTH_END < ts(conv["conversationEnd"]) < generated
    billed = {row["conversation_id"] for row in ds.voice}
    for cid in b["inProgress"]:
        conv = ds.conversation(cid)
        assert "conversationEnd" not in conv and ts(conv["conversationStart"]) < generated
        assert cid not in billed
    expected_in_month = sum(
        MONTH_START <= ts(c["conversationStart"]) < MONTH_END for c in ds.conversations
    )
    assert expected_in_month == SANDBOX_CONVERSATIONS


# ------------------------------------------------------------------------------ guide cases


def test_guide_case_toll_free_call_transferred_from_sales_to_support(ds: Dataset) -> None:
    guide = ds.expected["guide_cases"]["toll_free_transfer"]
    conv = ds.conversation(guide["conversationId"])
    parts = conv["participants"]
    assert [p["purpose"] for p in parts] == ["customer", "ivr", "acd", "agent", "acd", "agent"]
    customer = parts[0]["sessions"][0]
    assert customer["dnis"] == "tel:+18005550100"
    assert parts[0]["attributes"]["Cost_Center"] == "SALES"
    t0 = ms(customer["segments"][0]["segmentStart"])

    def offsets(p: dict[str, Any]) -> list[tuple[str, int, int]]:
        return [
            (
                g["segmentType"],
                (ms(g["segmentStart"]) - t0) // 1000,
                (ms(g["segmentEnd"]) - t0) // 1000,
            )
            for g in p["sessions"][0]["segments"]
        ]

    assert offsets(parts[0]) == [("interact", 0, 3660)]
    assert offsets(parts[1]) == [("ivr", 0, 60)]
    assert parts[2]["participantName"] == "SALES_Inbound_Tier1"
    assert offsets(parts[2]) == [("interact", 60, 64)]
    assert offsets(parts[3]) == [("alert", 64, 66), ("interact", 66, 120), ("wrapup", 120, 150)]
    assert parts[3]["sessions"][0]["segments"][1]["disconnectType"] == "transfer"
    assert parts[4]["participantName"] == "SUPPORT_Technical"
    assert offsets(parts[4]) == [("interact", 120, 150)]
    assert offsets(parts[5]) == [
        ("alert", 150, 155),
        ("interact", 155, 3660),
        ("wrapup", 3660, 3720),
    ]
    assert ts(conv["conversationStart"]).astimezone(EASTERN).hour == 10
    row = next(r for r in ds.voice if r["conversation_id"] == guide["conversationId"])
    assert (row["number_type"], row["billed_seconds"], row["cost"]) == (
        "toll_free",
        "3660",
        "0.915000",
    )
    assert guide["salesMs"] + guide["supportMs"] == 3_600_000


def test_guide_case_ivr_abandons_before_a_department_is_known(ds: Dataset) -> None:
    guide = ds.expected["guide_cases"]["ivr_abandons"]
    assert len(guide["conversationIds"]) == 3
    for cid, seconds in zip(guide["conversationIds"], guide["ivrSeconds"], strict=True):
        conv = ds.conversation(cid)
        assert [p["purpose"] for p in conv["participants"]] == ["customer", "ivr"]
        assert all("attributes" not in p for p in conv["participants"])
        assert all("queueId" not in seg for _p, _s, seg in segments(conv))
        ivr = conv["participants"][1]["sessions"][0]
        assert ivr["flow"]["flowName"] == "Main IVR" and "transferType" not in ivr["flow"]
        seg = ivr["segments"][0]
        assert ms(seg["segmentEnd"]) - ms(seg["segmentStart"]) == int(Decimal(seconds) * 1000)
    assert guide["ivrOnlyWithoutDepartmentInMonth"] > 3


def test_guide_case_crisis_day_borrowing_and_concurrent_overage(ds: Dataset) -> None:
    crisis = ds.expected["guide_cases"]["crisis_day"]
    day = datetime.fromisoformat(crisis["date"]).date()
    assert day.weekday() == 1 and 15 <= day.day <= 21  # the third Tuesday
    borrowed = set(crisis["borrowedUserIds"])
    assert len(borrowed) == 20
    pools = {q["id"]: q["pool"] for q in ds.expected["queues"]}
    seen: dict[str, set[str]] = defaultdict(set)
    for conv in ds.conversations:
        if ts(conv["conversationStart"]).astimezone(EASTERN).date() != day:
            continue
        for p, _s, seg in segments(conv):
            if p.get("userId") in borrowed and "queueId" in seg:
                seen[p["userId"]].add(pools[seg["queueId"]])
    assert seen and all(q == {"SUPPORT"} for q in seen.values())
    lo = int(datetime.combine(day, datetime.min.time(), EASTERN).timestamp() * 1000)
    for user in borrowed:  # every borrowed SALES agent logs in on the crisis day
        assert any(s < lo + 86_400_000 and e > lo for s, e in ds.logged[user])
    # The billed peak recomputed from presence: above the contract, which the other days fit.
    cx3 = {u for u, lic in ds.licences.items() if max(lic, key=LICENCE_RANK.get) == "cloudCX3"}
    start, end = int(MONTH_START.timestamp() * 1000), int(MONTH_END.timestamp() * 1000)
    every = [iv for u in cx3 for iv in ds.logged[u]]
    normal = [iv for iv in every if not lo <= iv[0] < lo + 86_400_000]
    peak, contracted = billed_peak(every, start, end), billed_peak(normal, start, end)
    assert (crisis["billedPeak"], crisis["contractedConcurrent"]) == (peak, contracted)
    assert peak > contracted
    lines = {line["product"]["sku"]: line for line in ds.invoice_lines}
    assert Decimal(lines["GC-CX3-CONC"]["quantity"]) == contracted
    assert Decimal(lines["GC-CX3-CONC-OVG"]["quantity"]) == peak - contracted > 0


# ------------------------------------------------------------------------------ directory


def test_messy_cost_center_tags_and_mid_month_changes(ds: Dataset) -> None:
    messy = {m["userId"]: m for m in ds.expected["messy_users"]}
    kinds = Counter(m["kind"] for m in messy.values())
    assert {
        "department_only",
        "department_alias",
        "lowercase_attribute",
        "mover",
        "untagged",
    } <= set(kinds)
    users = {u["id"]: u for u in ds.users}
    attrs = {
        a["userId"]: a["attributes"]["Cost_Center_ID"] for a in ds.json("customattributes.json")
    }
    for uid, m in messy.items():
        assert users[uid].get("department") == m["department"]
        assert attrs.get(uid) == m["costCenterAttribute"]
        if m["kind"] == "untagged":
            assert "department" not in users[uid] and uid not in attrs
    assert {"Sales Dept", "Customer Support"} <= {m["department"] for m in messy.values()}
    assert "sales" in attrs.values()
    changes = [
        json.loads(x) for x in (ds.root / "directory_changes.jsonl").read_text().splitlines()
    ]
    mover = next(m for m in messy.values() if m["kind"] == "mover")
    moves = [
        c
        for c in changes
        if c["object"].get("id") == mover["userId"] or c["object"].get("userId") == mover["userId"]
    ]
    assert {c["resource"] for c in moves} == {"users", "customattributes"}
    assert {c["effectiveAt"] for c in moves} == {mover["movedAt"]}
    assert mover["movedAt"] in ds.sandbox["directorySnapshots"]
    assert 10 <= ts(mover["movedAt"]).day <= 20
    new_user = next(c["object"] for c in moves if c["resource"] == "users")
    assert new_user["department"] != users[mover["userId"]]["department"]
    new_attr = next(c["object"] for c in moves if c["resource"] == "customattributes")
    assert new_attr["attributes"]["Cost_Center_ID"] == "SUPPORT" != attrs[mover["userId"]]
    rename = next(c for c in changes if c["resource"] == "queues")
    old = next(q for q in ds.queues if q["id"] == rename["object"]["id"])
    assert (
        old["name"] != rename["object"]["name"]
        and rename["effectiveAt"] in ds.sandbox["directorySnapshots"]
    )
    names = {q["name"] for q in ds.queues}
    assert {
        "SALES_Inbound_Tier1",
        "SUPPORT_Billing",
        "HR_Payroll",
        "Main Overflow",
        "VIP-Callback",
    } <= names


def test_staffing_and_licences(ds: Dataset) -> None:
    tops = Counter(max(lic, key=LICENCE_RANK.get) for lic in ds.licences.values())
    assert tops["cloudCX3"] >= 25
    assert 1 <= tops["cloudCX2"] <= tops["cloudCX3"] // 12 + 4
    assert tops["cloudCX1"] >= 1 and tops["communicate"] >= 1
    assert set(ds.licences) == {u["id"] for u in ds.users}


# ------------------------------------------------------------------------------ usage & invoice


def test_voice_usage_rows_are_the_billed_legs(ds: Dataset) -> None:
    sessions = {}
    for conv in ds.conversations:
        for p in conv["participants"]:
            for s in p["sessions"]:
                if "protocolCallId" in s:
                    assert p["purpose"] in ("customer", "external") and s["mediaType"] == "voice"
                    sessions[s["protocolCallId"]] = (conv, s)
    assert len({r["sip_call_id"] for r in ds.voice}) == len(ds.voice)
    for row in ds.voice:
        conv, s = sessions[row["sip_call_id"]]
        assert row["conversation_id"] == conv["conversationId"]
        segs = s["segments"]
        if s["direction"] == "inbound":
            start = ms(segs[0]["segmentStart"])
        else:
            start = ms(next(g for g in segs if g["segmentType"] == "interact")["segmentStart"])
        end = ms(segs[-1]["segmentEnd"])
        assert (
            row["call_start"]
            == datetime.fromtimestamp(start / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.")
            + f"{start % 1000:03d}Z"
        )
        billed = int(row["billed_seconds"])
        assert billed % 6 == 0 and billed == -(-(end - start) // 6000) * 6
        rate = Decimal(row["rate_per_minute"])
        assert Decimal(row["cost"]) == Decimal(billed) / 60 * rate
        assert len(row["cost"].split(".")[1]) == 6
        org_did = s["dnis"] if s["direction"] == "inbound" else s["ani"]
        assert row["did"] == org_did.removeprefix("tel:") and row["currency"] == "USD"
    rates = {
        (r["direction"], r["number_type"], r["destination_country"]): r["rate_per_minute"]
        for r in ds.voice
    }
    assert rates[("inbound", "toll_free", "US")] == "0.0150"
    assert rates[("outbound", "local", "US")] == "0.0119"
    assert rates.get(("outbound", "international", "FR"), "0.0470") == "0.0470"
    # every finished inbound call leg that started in the month is billed
    billed = {r["sip_call_id"] for r in ds.voice}
    for conv in ds.conversations:
        customer = conv["participants"][0]["sessions"][0]
        if (
            "conversationEnd" in conv
            and customer["mediaType"] == "voice"
            and customer["direction"] == "inbound"
            and MONTH_START <= ts(conv["conversationStart"]) < MONTH_END
        ):
            assert customer["protocolCallId"] in billed


def test_invoice_quantities_follow_from_usage(ds: Dataset) -> None:
    lines = {line["product"]["sku"]: line for line in ds.invoice_lines}
    assert CATALOG <= set(lines) and set(lines) - CATALOG == {"GC-CREDIT"}
    assert Decimal(lines["GC-CREDIT"]["amount"]) < 0
    total = sum(Decimal(line["amount"]) for line in ds.invoice_lines)
    assert Decimal(ds.invoice["amount"]) == total
    # JSON numbers in cents once the wire's float artefacts are removed; quantities integers
    assert all(
        Decimal(line["amount"]) == Decimal(line["amount"]).quantize(Decimal("0.01"))
        for line in ds.invoice_lines
    )
    assert all(isinstance(line["quantity"], int) for line in ds.invoice_lines)
    # telecom: minutes and cost of the voice usage legs per product
    seconds: Counter[str] = Counter()
    cost: dict[str, Decimal] = defaultdict(Decimal)
    for row in ds.voice:
        sku = SKU_OF[(row["direction"], row["number_type"])]
        seconds[sku] += int(row["billed_seconds"])
        cost[sku] += Decimal(row["cost"])
    for sku in ("GCV-TF-IN", "GCV-LOCAL-IN", "GCV-DOM-OUT", "GCV-INTL-OUT"):
        # whole minutes (the invoice's integer quantity), half up
        assert Decimal(lines[sku]["quantity"]) == (Decimal(seconds[sku]) / 60).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        assert Decimal(lines[sku]["amount"]) == cost[sku].quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    # named users: logged in during the month, counted at their highest licence
    start, end = int(MONTH_START.timestamp() * 1000), int(MONTH_END.timestamp() * 1000)
    named: Counter[str] = Counter()
    for user, licences in ds.licences.items():
        top = max(licences, key=LICENCE_RANK.get)
        if top != "cloudCX3" and any(s < end and e > start for s, e in ds.logged[user]):
            named[top] += 1
    assert Decimal(lines["GC-CX2-NAMED"]["quantity"]) == named["cloudCX2"]
    assert Decimal(lines["GC-CX1-NAMED"]["quantity"]) == named["cloudCX1"]
    assert Decimal(lines["GC-COMM-NAMED"]["quantity"]) == named["communicate"]
    on_leave = [u for u in ds.licences if not any(s < end and e > start for s, e in ds.logged[u])]
    assert on_leave  # licensed users who never logged in are not billed
    # API on-demand: requests above the pooled fair-use allowance, per 1,000
    peak = int(lines["GC-CX3-CONC"]["quantity"]) + int(lines["GC-CX3-CONC-OVG"]["quantity"])
    pool = 182_000 * peak + 140_000 * (named["cloudCX1"] + named["cloudCX2"])
    requests = sum(r["requestCount"] for r in ds.api)
    assert lines["GC-API-OD"]["quantity"] == max(0, requests - pool)  # requests (Transaction)
    # AI tokens: bot minutes / 17 above 5 tokens per contracted concurrent user
    bot_ms = sum(
        ms(seg["segmentEnd"]) - ms(seg["segmentStart"])
        for c in ds.conversations
        if "conversationEnd" in c
        for p, _s, seg in segments(c)
        if p["purpose"] == "botflow"
    )
    tokens = -(-bot_ms // (17 * 60_000))
    allowance = 5 * int(lines["GC-CX3-CONC"]["quantity"])
    assert Decimal(lines["GC-AI-TOKENS"]["quantity"]) == max(0, tokens - allowance)
    assert Decimal(lines["GC-DID-RENTAL"]["quantity"]) == len(ds.dids)


def test_invoice_csv_mirrors_the_api_lines(ds: Dataset) -> None:
    with (ds.root / "billing/invoice_lines.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == INVOICE_CSV_COLUMNS
    assert [r["line_id"] for r in rows] == [line["id"] for line in ds.invoice_lines]
    for row, line in zip(rows, ds.invoice_lines, strict=True):
        assert (
            row["sku"],
            Decimal(row["quantity"]),
            Decimal(row["amount"]),
            row["invoice_id"],
        ) == (
            line["product"]["sku"],
            Decimal(line["quantity"]),
            Decimal(line["amount"]),
            ds.invoice["id"],
        )
        assert len(row["amount"].split(".")[1]) == 2  # the CSV keeps exact cents text


def test_expected_counts_match_the_files(ds: Dataset) -> None:
    counts = ds.expected["counts"]
    convs = ds.conversations
    assert counts["conversations"] == len({c["conversationId"] for c in convs})
    assert counts["conversation_lines"] == ds.lines
    assert counts["participants"] == sum(len(c["participants"]) for c in convs)
    assert counts["participant_attributes"] == sum(
        len(p.get("attributes", {})) for c in convs for p in c["participants"]
    )
    assert counts["sessions"] == sum(len(p["sessions"]) for c in convs for p in c["participants"])
    assert counts["segments"] == sum(1 for c in convs for _ in segments(c))
    assert counts["users"] == len(ds.users)
    assert counts["queues"] == len(ds.queues)
    assert counts["dids"] == len(ds.dids)
    assert counts["presence_intervals"] == sum(len(d["primaryPresence"]) for d in ds.details)
    assert counts["routing_intervals"] == sum(len(d["routingStatus"]) for d in ds.details)
    assert counts["api_usage_rows"] == len(ds.api) == 31 * 6
    assert counts["invoice_lines"] == len(ds.invoice_lines)
    assert counts["voice_usage_rows"] == len(ds.voice)
    assert counts["license_user_rows"] == sum(len(v) for v in ds.licences.values())


# ------------------------------------------------------------------------------ defects


def test_clean_dataset_has_no_defects(ds: Dataset) -> None:
    assert ds.expected["defects"] == [] and ds.sandbox["defects"] is False
    known = set(LICENCE_RANK)
    assert all(set(lic) <= known for lic in ds.licences.values())
    assert "GC-MYSTERY-ADDON" not in {line["product"]["sku"] for line in ds.invoice_lines}


def test_defects_are_injected_only_with_the_flag(ds: Dataset, dds: Dataset) -> None:
    defects = dds.expected["defects"]
    kinds = Counter(d["kind"] for d in defects)
    assert kinds == {
        "segment_end_before_start": 1,
        "duplicate_conversation": 1,
        "unknown_queue": 1,
        "malformed_phone": 2,
        "missing_segment_end": 1,
        "unknown_licence": 1,
        "unknown_invoice_sku": 1,
    }
    queue_ids = {q["id"] for q in dds.queues}
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for conv in dds.conversations:
        by_id[conv["conversationId"]].append(conv)
    for d in defects:
        kind = d["kind"]
        if kind == "duplicate_conversation":
            copies = by_id[d["conversationId"]]
            assert len(copies) == 2 and copies[0] == copies[1]
            continue
        if kind == "unknown_licence":
            assert "cloudCX9" in dds.licences[d["userId"]]
            continue
        if kind == "unknown_invoice_sku":
            line = next(x for x in dds.invoice_lines if x["id"] == d["lineId"])
            assert line["product"]["sku"] == "GC-MYSTERY-ADDON"
            continue
        (conv,) = by_id[d["conversationId"]]
        assert "conversationEnd" in conv
        segs = [(p, s, g) for p, s, g in segments(conv)]
        if kind == "segment_end_before_start":
            assert any(
                "segmentEnd" in g and ts(g["segmentEnd"]) < ts(g["segmentStart"])
                for _p, _s, g in segs
            )
        elif kind == "unknown_queue":
            assert d["queueId"] not in queue_ids
            assert any(g.get("queueId") == d["queueId"] for _p, _s, g in segs)
        elif kind == "malformed_phone":
            assert any(s.get("ani") == d["ani"] and not valid_tel(d["ani"]) for _p, s, _g in segs)
        elif kind == "missing_segment_end":
            assert any("segmentEnd" not in g for _p, _s, g in segs)
    total = sum(Decimal(x["amount"]) for x in dds.invoice_lines)
    assert Decimal(dds.invoice["amount"]) == total
    # Apart from the injected records, the defects month is the clean month.
    assert dds.expected["counts"]["conversations"] == ds.expected["counts"]["conversations"]
    assert (
        dds.expected["counts"]["conversation_lines"] == ds.expected["counts"]["conversations"] + 1
    )
    assert dds.users == ds.users and dds.voice == ds.voice


@pytest.mark.parametrize("conversations", [20_000, 5_000_000])
def test_every_did_of_a_large_org_lies_in_its_pool(conversations: int) -> None:
    """The office staff's direct-dial numbers outgrew their pool above ~1,000 staff (the 5M
    benchmark month failed with ValueError: +16175553000). The pool grows with the staff, and
    only past 1,000 of them: smaller datasets stay byte for byte the same."""
    from fairshare.sandbox.gen_directory import build_org
    from fairshare.sandbox.generator import Month

    org = build_org(Month.parse(SANDBOX_MONTH), conversations, SANDBOX_SEED, None)
    pools = {name: (lo, hi) for _pid, name, lo, hi, _provider in org.did_pools}
    for did in org.dids:
        lo, hi = pools[did.pool]
        assert len(did.number) == len(lo) and lo <= did.number <= hi, did
    direct = pools["Boston Direct Dial"]
    if conversations <= 100_000:
        assert direct == ("+16175552000", "+16175552999")
    else:
        assert direct[1] > "+16175552999"

"""One local day of conversations, simulated in time order and streamed to disk.

Arrivals follow an intraday curve (peaks around 10:00 and 14:00 US Eastern) and a media mix
(~65 % voice). Each arrival walks a scenario (IVR, bot, queue, agent, transfers, conferences,
outbound dialling, callbacks, chats, emails, messages) against the day's routing pools, so queue
waits, abandons and agent occupancy emerge from staffing. Every conversation is written as one
`AnalyticsConversation` JSON line; its billed voice legs go to the voice usage CSV.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import ROUND_HALF_UP
from typing import Any

import orjson

from fairshare.sandbox.gen_common import (
    HOUR_MS,
    MIN_MS,
    cumulate,
    iso,
    iso_date,
    lognormal_ms,
    new_uuid,
    parse_ms,
    pick,
    std_normal,
    weighted,
)
from fairshare.sandbox.gen_directory import OPEN_HOURS, Org, Queue
from fairshare.sandbox.gen_profile import DEPARTMENT_ENTRIES
from fairshare.sandbox.gen_schedule import AgentDay, Pool, Roster, take_due_breaks
from fairshare.sandbox.gen_wire import SKU_OF, Conv, Ctx, DayStats
from fairshare.sandbox.phone import customer_number, tel

KINDS = ["in_voice", "out_voice", "callback", "chat", "email", "message"]
KIND_CUM = cumulate([52, 13, 5, 12, 10, 8])

# Inbound voice entry points: (weight, DID, flow, menu/department).
ENTRIES: list[tuple[float, str, str, str]] = [
    (60.0, "+18005550100", "Main IVR", "MENU"),
    (15.0, "+18885550142", "Sales IVR", "SALES"),
    (12.0, "+18775550199", "Support IVR", "SUPPORT"),
    (3.0, "+16175550111", "Support IVR", "SUPPORT"),
    (4.0, "+13125550177", "HR Line", "HR"),
    (4.5, "", "", "DIRECT"),
    (1.1, "+448000485012", "Sales International IVR", "SALES_INTL"),
    (0.15, "+33184881234", "Sales International IVR", "SALES_INTL"),
    (0.15, "+493055571234", "Sales International IVR", "SALES_INTL"),
]
MENU = [(38.0, "SALES"), (50.0, "SUPPORT"), (8.0, "HR"), (4.0, "OVERFLOW")]
DEPT_QUEUES = {
    "SALES": ([88.0, 12.0], ["SALES_Inbound_Tier1", "SALES_Inbound_Tier2"]),
    "SUPPORT": ([45.0, 55.0], ["SUPPORT_Billing", "SUPPORT_Technical"]),
    "HR": ([55.0, 45.0], ["HR_Benefits_Support", "HR_Payroll"]),
    "OVERFLOW": ([1.0], ["Main Overflow"]),
    "SALES_INTL": ([1.0], ["SALES_International"]),
}
CALLER_COUNTRY = {"+44": "GB", "+33": "FR", "+49": "DE"}
BLIND_TARGETS = {
    "SALES": ["SUPPORT_Billing", "SUPPORT_Technical", "SUPPORT_Billing", "SALES_Inbound_Tier2"],
    "SUPPORT": ["SALES_Inbound_Tier1", "Support Escalations", "SUPPORT_Billing", "HR_Payroll"],
    "HR": ["HR_Payroll", "HR_Benefits_Support", "SUPPORT_Billing"],
}
CONSULT_TARGETS = {
    "SALES": ["SALES_Inbound_Tier2", "SUPPORT_Technical"],
    "SUPPORT": ["Support Escalations", "SALES_Inbound_Tier1"],
    "HR": ["HR_Payroll", "HR_Benefits_Support"],
}
OUTBOUND = [
    (45.0, "SALES_Outbound"),
    (15.0, "SALES_International"),
    (25.0, "MARKETING_Campaigns"),
    (10.0, "SUPPORT_Technical"),
    (5.0, "HR_Payroll"),
]
INTL_DEST = ([30.0, 25.0, 20.0, 10.0, 8.0, 5.0, 2.0], ["FR", "DE", "GB", "ES", "IT", "MX", "JP"])
OUT_RATE_E4 = {
    "US": 119,
    "CA": 119,
    "FR": 470,
    "DE": 450,
    "GB": 390,
    "ES": 400,
    "IT": 420,
    "MX": 620,
    "BR": 560,
    "JP": 610,
}
TALK_S = {"SALES": 330.0, "SUPPORT": 420.0, "HR": 360.0, "MARKETING": 150.0}
WRAPUPS = {
    "SALES": ("Sale", "Quote Sent", "No Sale"),
    "SUPPORT": ("Resolved", "Escalated", "Billing Adjusted"),
    "HR": ("Benefits Info", "Payroll Issue"),
    "MARKETING": ("Interested", "Not Interested"),
}
CC_ATTR_P = 0.72  # share of IVR-routed calls whose flow sets Cost_Center
NAMES_FIRST = ("JOHN", "MARY", "LUIS", "ANA", "WEI", "FATIMA", "JAMES", "SARAH", "OMAR", "KIM")
NAMES_LAST = ("SMITH", "GARCIA", "NGUYEN", "JOHNSON", "BROWN", "PATEL", "MILLER", "LOPEZ")


class DaySim:
    """Simulates one local day against its roster and writes what happens."""

    def __init__(
        self,
        org: Org,
        roster: Roster,
        rng: random.Random,
        cutoff: int,
        write: Callable[[str, bytes], object],
        write_voice: Callable[[str], object],
        defects: list[str],
        crisis: bool,
        local_midnight: int,
    ) -> None:
        self.org = org
        self.roster = roster
        self.rng = rng
        self.cutoff = cutoff
        self.write = write
        self.write_voice = write_voice
        self.pending_defects = list(defects)
        self.stats = DayStats()
        self.crisis = crisis
        self.queues = org.queues
        self.home_div = org.divisions["Home"]
        self.backoffice = org.pools.get("BACKOFFICE", [])
        boost = 2.2 if crisis else 1.0
        self.entry_cum = cumulate(
            [w * (boost if d == "SUPPORT" else 1.0) for w, _, _, d in ENTRIES]
        )
        self.menu_cum = cumulate([w * (boost if d == "SUPPORT" else 1.0) for w, d in MENU])
        self.kind_cum = KIND_CUM
        self.profile = org.profile
        if self.profile is not None:  # a scenario month: department volumes and burst days
            p = self.profile
            bursting = p.burst_departments(roster.day.day)

            def factor(label: str) -> float:
                burst = (
                    p.burst_factor
                    if any(label in DEPARTMENT_ENTRIES.get(d, ()) for d in bursting)
                    else 1.0
                )
                return p.volume_of(label) * burst

            self.entry_cum = cumulate(
                [w * (boost if d == "SUPPORT" else 1.0) * factor(d) for w, _, _, d in ENTRIES]
            )
            self.menu_cum = cumulate(
                [w * (boost if d == "SUPPORT" else 1.0) * factor(d) for w, d in MENU]
            )
            weights = [52.0, 13.0, 5.0, 12.0, 10.0, 8.0]
            self.kind_cum = cumulate(
                [w * p.kind_volume(k) for w, k in zip(weights, KINDS, strict=True)]
            )
        self.dept_cum = {k: (cumulate(w), names) for k, (w, names) in DEPT_QUEUES.items()}
        self.intl_cum = cumulate(INTL_DEST[0])
        self.out_cum = cumulate([w for w, _ in OUTBOUND])
        self.local_midnight = local_midnight
        self.weekday = roster.day.weekday()
        self.duplicate: tuple[str, bytes] | None = None
        self.duplicate_record: dict[str, Any] | None = None
        self.month_start = org.month.start_ms
        self.month_end = org.month.end_ms

    # ------------------------------------------------------------------ helpers
    def uid(self) -> str:
        return new_uuid(self.rng)

    def sip(self) -> str:
        return f"{self.rng.getrandbits(96):024x}@sip.example"

    def is_open(self, pool: str, t: int) -> bool:
        hours = OPEN_HOURS[pool].get(self.weekday)
        if hours is None:
            return False
        h = (t - self.local_midnight) / HOUR_MS
        return hours[0] <= h < hours[1]

    def pool(self, name: str) -> Pool | None:
        return self.roster.pools.get(name)

    def release(self, pool: Pool, ag: AgentDay, start: int, end: int) -> None:
        ag.inter.append((start, end))
        pool.release(ag, end)

    def acquire_forced(self, pool: Pool | None, t: int) -> AgentDay:
        if pool is None:
            raise RuntimeError("scripted scenario needs agents")
        got = pool.acquire(t, 0)
        if got is not None:
            return got[0]
        ag = pool.force(t)
        if ag is None:  # everyone has left: the agent leaving last stays on
            staff = [a for a in self.roster.agents if a.pool == pool.name and a.login <= t]
            if not staff:
                raise RuntimeError(f"no agent logged in for a scripted scenario at {iso(t)}")
            ag = max(staff, key=lambda a: a.shift_end)
        return ag

    def caller_name(self) -> str | None:
        rng = self.rng
        if rng.random() < 0.2:
            return "WIRELESS CALLER"
        return f"{pick(rng, NAMES_FIRST)} {pick(rng, NAMES_LAST)}"

    def wrap_code(self, pool: str) -> str:
        return self.org.wrapup_codes[pick(self.rng, WRAPUPS[pool])]

    # ------------------------------------------------------------------ arrivals
    def sample_hour(self) -> float:
        rng = self.rng
        r = rng.random()
        if r < 0.40:
            h = 10.0 + 1.3 * std_normal(rng)
        elif r < 0.75:
            h = 14.0 + 1.5 * std_normal(rng)
        elif r < 0.95:
            h = rng.uniform(7.0, 20.0)
        else:
            h = rng.uniform(0.0, 24.0)
        return h % 24.0

    def arrivals(self, n: int, lo: int, hi: int) -> list[tuple[int, int, str, Any]]:
        """`n` random arrivals inside [lo, hi) with their scenario kind, sorted by time."""
        rng = self.rng
        out = []
        for k in range(n):
            kind = weighted(rng, self.kind_cum, KINDS)
            spec: Any = None
            if kind in ("out_voice", "callback", "email"):
                spec, pool = self.pick_agent_initiated(kind)
                if pool is None:
                    kind, spec = "in_voice", None
            for _ in range(400):
                t = (
                    self.local_midnight
                    + int(self.sample_hour() * HOUR_MS)
                    + int(rng.random() * 1000)
                )
                if not lo <= t < hi:
                    continue
                if spec is not None and not self.is_open(pool, t + 30 * MIN_MS):  # type: ignore[arg-type]
                    continue
                break
            else:  # fall back to a uniform instant in the window
                t = rng.randrange(lo, hi)
                if spec is not None:
                    kind, spec = "in_voice", None
            out.append((t, k, kind, spec))
        out.sort()
        return out

    def pick_agent_initiated(self, kind: str) -> tuple[Queue | None, str | None]:
        """The queue of an outbound call, callback or email (None when its pool is closed)."""
        rng = self.rng
        if kind == "out_voice":
            names = [n for _, n in OUTBOUND]
            for _ in range(5):
                q = self.queues[weighted(rng, self.out_cum, names)]
                if self.weekday in OPEN_HOURS[q.pool] and q.pool in self.roster.pools:
                    return q, q.pool
            q = self.queues["SUPPORT_Technical"]
        elif kind == "callback":
            q = self.queues["VIP-Callback" if rng.random() < 0.4 else "SUPPORT_Technical"]
            if self.weekday not in OPEN_HOURS[q.pool] or q.pool not in self.roster.pools:
                q = self.queues["SUPPORT_Technical"]
        else:
            q = self.queues["SUPPORT_Email"]
        if q.pool in self.roster.pools:
            return q, q.pool
        return None, None

    # ------------------------------------------------------------------ run
    def run(self, arrivals: list[tuple[int, int, str, Any]]) -> DayStats:
        for t, _k, kind, spec in arrivals:
            if kind == "in_voice":
                self.in_voice(t, spec)
            elif kind == "out_voice":
                self.out_voice(t, spec)
            elif kind == "callback":
                self.callback(t, spec)
            else:
                self.digital(t, kind, spec)
        if self.duplicate is not None:
            self.write(*self.duplicate)
            self.stats.conversation_lines += 1
        return self.stats

    # ------------------------------------------------------------------ inbound voice
    def in_voice(self, t0: int, spec: Any) -> None:
        rng = self.rng
        org = self.org
        script = spec or {}
        entry = script.get("entry")
        if entry is None:
            entry = ENTRIES[_pick(rng, self.entry_cum)]
        _w, number, flow_name, dept = entry
        if dept == "DIRECT":
            self.direct_dial(t0)
            return
        did = org.did(number)
        if dept == "MENU":
            dept = script.get("dept") or MENU[_pick(rng, self.menu_cum)][1]
        cum, names = self.dept_cum[dept]
        qname = script.get("queue") or weighted(rng, cum, names)
        queue = self.queues[qname]
        country = CALLER_COUNTRY.get(number[:3], "US")
        if country == "US" and rng.random() < 0.03:
            country = "CA"
        ani = tel(customer_number(rng, country))
        dnis = tel(number)
        c = Conv(self.uid(), "inbound", "in_voice")
        c.tag = script.get("tag")
        c.division(self.home_div)
        # What happens in the IVR
        path = script.get("path")
        if path is None:
            r = rng.random()
            if not self.is_open(queue.pool, t0) or queue.pool not in self.roster.pools:
                path = "closed"
            elif r < 0.06:
                path = "abandon"
            elif r < 0.10 and dept == "SUPPORT":
                path = "selfservice"
            elif r < 0.30 and dept == "SUPPORT":
                path = "bot"
            else:
                path = "queue"
        attrs: dict[str, str] = {}
        if path not in ("closed", "abandon"):
            if "attrs" in script:
                attrs = dict(script["attrs"])
            else:
                code = {"SALES_INTL": "SALES", "OVERFLOW": None}.get(dept, dept)
                if code and rng.random() < CC_ATTR_P:
                    attrs["Cost_Center"] = code
                if rng.random() < 0.8:
                    attrs["Language"] = "es-US" if rng.random() < 0.15 else "en-US"
        cust_sid = self.uid()
        sip = self.sip()
        cust = c.part(self.uid(), "customer", self.caller_name(), None, attrs or None)
        edge = org.edges[rng.random() < 0.5]
        cust_segs = c.sess(cust, cust_sid, "voice", "inbound", ani, dnis, edge, None, sip)
        ctx = Ctx(cust_sid, "voice", "inbound", ani, dnis, cust_hangs=rng.random() < 0.6)
        flow_id, flow_type = org.flows[flow_name]
        if path == "closed":
            t1 = t0 + lognormal_ms(rng, 22, 0.3, 8, 60)
        elif path == "abandon":
            t1 = t0 + script.get("ivr_ms", lognormal_ms(rng, 28, 0.6, 3, 240))
        elif path == "selfservice":
            t1 = t0 + lognormal_ms(rng, 95, 0.5, 20, 600)
        else:
            t1 = t0 + script.get("ivr_ms", lognormal_ms(rng, 45, 0.45, 10, 300))
        flow: dict[str, str] = {"flowId": flow_id, "flowName": flow_name, "flowType": flow_type}
        if path == "queue":
            flow["transferType"] = "ACD"
            flow["transferTargetName"] = queue.name
        elif path == "bot":
            flow["transferType"] = "Flow"
            flow["transferTargetName"] = "Support Voice Bot"
        ivr = c.part(self.uid(), "ivr", flow_name)
        ivr_segs = c.sess(
            ivr, self.uid(), "voice", "inbound", ani, dnis, edge, cust_sid, None, flow
        )
        ivr_disc = {"closed": "endpoint", "abandon": "peer", "selfservice": "endpoint"}.get(
            path, "transfer"
        )
        c.seg(ivr_segs, "ivr", t0, t1, None, ivr_disc)
        end = t1
        if path in ("closed", "abandon", "selfservice"):
            ctx.cust_hangs = path == "abandon"
            if path != "selfservice":
                self.stats.ivr_only_no_department += 1
        else:
            t_q = t1
            bot_resolved = False
            if path == "bot":
                bot_id, bot_type = org.flows["Support Voice Bot"]
                resolved = rng.random() < 0.35
                bflow = {"flowId": bot_id, "flowName": "Support Voice Bot", "flowType": bot_type}
                if not resolved:
                    bflow["transferType"] = "ACD"
                    bflow["transferTargetName"] = queue.name
                bot = c.part(self.uid(), "botflow", "Support Voice Bot")
                bsegs = c.sess(
                    bot, self.uid(), "voice", "inbound", ani, dnis, edge, cust_sid, None, bflow
                )
                t_b = t1 + lognormal_ms(rng, 100, 0.5, 15, 900)
                c.seg(bsegs, "interact", t1, t_b, None, "endpoint" if resolved else "transfer")
                c.bot_ms += t_b - t1
                t_q = end = t_b
                bot_resolved = resolved
                if resolved:
                    ctx.cust_hangs = True
            if not bot_resolved:
                _outcome, end = self.queue_leg(c, ctx, queue, t_q, True, script.get("legs"))
        self.close_customer(c, cust_segs, ctx, t0, end)
        c.legs.append(
            (sip, t0, end, "inbound", did.number_type, number, country, did.country, did.rate_e4)
        )
        self.stats.inbound_voice += 1
        if "Cost_Center" in attrs:
            self.stats.inbound_voice_cost_center += 1
        self.dept_count(queue.pool if path not in ("closed", "abandon") else None)
        self.finish(c, t0)

    def direct_dial(self, t0: int) -> None:
        rng = self.rng
        org = self.org
        user = org.users[pick(rng, self.backoffice)]
        assert user.did is not None
        did = org.did(user.did)
        country = "US"
        ani, dnis = tel(customer_number(rng, country)), tel(user.did)
        c = Conv(self.uid(), "inbound", "direct")
        c.division(org.divisions[user.division])
        cust_sid, sip = self.uid(), self.sip()
        cust = c.part(self.uid(), "customer", self.caller_name())
        edge = org.edges[rng.random() < 0.5]
        cust_segs = c.sess(cust, cust_sid, "voice", "inbound", ani, dnis, edge, None, sip)
        ctx = Ctx(cust_sid, "voice", "inbound", ani, dnis, cust_hangs=rng.random() < 0.5)
        ag = self.roster.by_idx.get(user.idx)
        available = False
        if ag is not None and ag.login <= t0 < ag.shift_end:
            take_due_breaks(ag, t0)
            available = ag.free_at <= t0
        t_a = t0 + lognormal_ms(rng, 6, 0.5, 1, 25)
        if available and ag is not None:
            p = c.part(self.uid(), "user", user.name, user.id)
            segs = c.sess(p, self.uid(), "voice", "inbound", ani, dnis, edge, cust_sid)
            c.seg(segs, "alert", t0, t_a)
            end = t_a + lognormal_ms(rng, 240, 0.8, 10, 3600)
            c.seg(segs, "interact", t_a, end, None, "peer" if ctx.cust_hangs else "client")
            ag.inter.append((t0, end))
            ag.free_at = end
            c.has_agent = True
        else:
            vm = c.part(self.uid(), "voicemail", user.name, user.id)
            segs = c.sess(vm, self.uid(), "voice", "inbound", ani, dnis, edge, cust_sid)
            t_v = t0 + lognormal_ms(rng, 18, 0.3, 6, 40)
            end = t_v + lognormal_ms(rng, 35, 0.6, 3, 180)
            c.seg(segs, "voicemail", t_v, end, None, "peer")
            ctx.cust_hangs = True
        self.close_customer(c, cust_segs, ctx, t0, end)
        c.legs.append(
            (sip, t0, end, "inbound", did.number_type, user.did, country, "US", did.rate_e4)
        )
        self.stats.inbound_voice += 1
        self.dept_count(None)
        self.finish(c, t0)

    def close_customer(
        self, c: Conv, segs: list[dict[str, Any]], ctx: Ctx, start: int, end: int
    ) -> None:
        cur = start
        for ms, me, kind in sorted(ctx.marks):
            if ms > cur:
                c.seg(segs, "interact", cur, ms)
            if kind == "hold":
                c.seg(segs, "hold", ms, me)
            else:
                c.seg(segs, "interact", ms, me, None, None, True)
            cur = me
        disc = "client" if ctx.cust_hangs else "peer"
        if end > cur:
            c.seg(segs, "interact", cur, end, None, disc)
        elif segs:
            segs[-1]["disconnectType"] = disc

    # ------------------------------------------------------------------ queue + agent legs
    def queue_leg(
        self,
        c: Conv,
        ctx: Ctx,
        q: Queue,
        t_q: int,
        allow_transfer: bool,
        script: list[dict[str, Any]] | None = None,
    ) -> tuple[str, int]:
        rng = self.rng
        pool = self.pool(q.pool)
        c.division(self.org.divisions[q.division])
        acd = c.part(self.uid(), "acd", q.name)
        acd_segs = c.sess(acd, self.uid(), ctx.media, ctx.direction, None, None, None, ctx.cust_sid)
        step = script[0] if script else None
        if step is not None:
            t_s = t_q + step["wait_ms"]
            ag = self.acquire_forced(pool, t_s)
            got: tuple[AgentDay, int] | None = (ag, t_s)
        else:
            media = ctx.media
            if media == "voice":
                delay = lognormal_ms(rng, 10, 0.7, 1, 120)
                patience = lognormal_ms(rng, 150, 0.6, 20, 1200)
            elif media == "chat":
                delay = lognormal_ms(rng, 20, 0.6, 2, 180)
                patience = lognormal_ms(rng, 240, 0.6, 30, 1800)
            elif media == "message":
                delay = lognormal_ms(rng, 60, 0.8, 5, 900)
                patience = 2 * HOUR_MS
            elif media == "email":
                delay = lognormal_ms(rng, 600, 1.0, 30, 7200)
                patience = 10 * HOUR_MS
            else:  # callback
                delay = lognormal_ms(rng, 300, 0.8, 20, 3600)
                patience = 8 * HOUR_MS
            got = pool.acquire(t_q + delay, patience) if pool is not None else None
            if got is None:
                t_ab = t_q + delay + (patience if media in ("voice", "chat") else 0)
                c.seg(acd_segs, "interact", t_q, t_ab, q.id, "peer")
                ctx.cust_hangs = True
                return "abandon", t_ab
        assert got is not None and pool is not None
        ag, t_s = got
        c.seg(acd_segs, "interact", t_q, t_s, q.id, "transfer")
        return self.agent_leg(c, ctx, q, pool, ag, t_s, allow_transfer, script)

    def agent_leg(
        self,
        c: Conv,
        ctx: Ctx,
        q: Queue,
        pool: Pool,
        ag: AgentDay,
        t_s: int,
        allow_transfer: bool,
        script: list[dict[str, Any]] | None,
    ) -> tuple[str, int]:
        rng = self.rng
        org = self.org
        user = ag.user
        c.has_agent = True
        step = script[0] if script else None
        a_sid = self.uid()
        p = c.part(self.uid(), "agent", user.name, user.id)
        voice = ctx.media == "voice"
        edge = org.edges[rng.random() < 0.5] if voice else None
        segs = c.sess(p, a_sid, ctx.media, ctx.direction, ctx.ani, ctx.dnis, edge, ctx.cust_sid)
        t_a = t_s + (step["alert_ms"] if step else lognormal_ms(rng, 4, 0.5, 1, 30))
        c.seg(segs, "alert", t_s, t_a, q.id)
        pool_name = q.pool
        if step:
            talk = step["talk_ms"]
        elif voice:
            talk = lognormal_ms(rng, TALK_S[pool_name], 0.75, 20, 3 * 3600)
        elif ctx.media == "chat":
            talk = lognormal_ms(rng, 480, 0.7, 60, 7200)
        elif ctx.media == "email":
            talk = lognormal_ms(rng, 300, 0.7, 30, 5400)
        else:
            talk = lognormal_ms(rng, 540, 0.8, 60, 3 * 3600)
        wrap = step["wrap_ms"] if step else lognormal_ms(rng, 40, 0.6, 5, 600)
        outcome = step["outcome"] if step else "none"
        if not step and voice and allow_transfer:
            r = rng.random()
            outcome = (
                "blind"
                if r < 0.04
                else "consult"
                if r < 0.07
                else "conference"
                if r < 0.085
                else "none"
            )
        end_disc = "peer" if ctx.cust_hangs else "client"
        transferred = org.wrapup_codes["Transferred"]
        if outcome == "blind" and pool_name in BLIND_TARGETS:
            tx = t_a + (talk if step else int(talk * rng.uniform(0.2, 0.6)))
            c.seg(segs, "interact", t_a, tx, q.id, "transfer")
            tw = tx + wrap
            c.seg(segs, "wrapup", tx, tw, q.id, None, False, transferred)
            self.release(pool, ag, t_s, tw)
            target = self.queues[step["target"] if step else rng.choice(BLIND_TARGETS[pool_name])]
            return self.queue_leg(c, ctx, target, tx, False, script[1:] if script else None)
        if outcome == "consult" and pool_name in CONSULT_TARGETS:
            tc = t_a + int(talk * rng.uniform(0.3, 0.6))
            q2 = self.queues[rng.choice(CONSULT_TARGETS[pool_name])]
            pool2 = self.pool(q2.pool)
            delay = lognormal_ms(rng, 10, 0.7, 1, 120)
            got = pool2.acquire(tc + delay, 8 * MIN_MS) if pool2 is not None else None
            if got is not None and pool2 is not None:
                ag2, t2 = got
                c.seg(segs, "interact", t_a, tc, q.id)
                c.division(org.divisions[q2.division])
                acd2 = c.part(self.uid(), "acd", q2.name)
                acd2_segs = c.sess(
                    acd2, self.uid(), "voice", ctx.direction, None, None, None, a_sid
                )
                c.seg(acd2_segs, "interact", tc, t2, q2.id, "transfer")
                a2_sid = self.uid()
                p2 = c.part(self.uid(), "agent", ag2.user.name, ag2.user.id)
                segs2 = c.sess(
                    p2, a2_sid, "voice", ctx.direction, ctx.ani, ctx.dnis, edge, ctx.cust_sid
                )
                t2a = t2 + lognormal_ms(rng, 4, 0.5, 1, 30)
                c.seg(segs2, "alert", t2, t2a, q2.id)
                tx = t2a + lognormal_ms(rng, 45, 0.6, 5, 600)
                c.seg(segs, "hold", tc, tx, q.id, "consultTransfer", False, None, None, a2_sid)
                ctx.marks.append((tc, tx, "hold"))
                tw = tx + wrap
                c.seg(segs, "wrapup", tx, tw, q.id, None, False, transferred)
                self.release(pool, ag, t_s, tw)
                c.seg(segs2, "interact", t2a, tx, q2.id, None, False, None, a_sid)
                talk2 = lognormal_ms(rng, TALK_S[q2.pool], 0.75, 20, 3 * 3600)
                end = tx + talk2
                c.seg(segs2, "interact", tx, end, q2.id, end_disc)
                tw2 = end + lognormal_ms(rng, 40, 0.6, 5, 600)
                c.seg(segs2, "wrapup", end, tw2, q2.id, None, False, self.wrap_code(q2.pool))
                self.release(pool2, ag2, t2, tw2)
                return "done", end
        if outcome == "conference":
            tc = t_a + int(talk * rng.uniform(0.2, 0.5))
            ring = lognormal_ms(rng, 8, 0.4, 2, 40)
            tce = tc + ring + lognormal_ms(rng, 240, 0.6, 20, 3600)
            end = t_a + talk + (tce - tc)
            c.seg(segs, "interact", t_a, tc, q.id)
            c.seg(segs, "interact", tc, tce, q.id, None, True)
            c.seg(segs, "interact", tce, end, q.id, end_disc)
            cpn = q.calling_party_number or "+16175550110"
            ext_num = customer_number(rng, "US")
            sip = self.sip()
            ext = c.part(self.uid(), "external", "Interpreter Line")
            esegs = c.sess(
                ext, self.uid(), "voice", "outbound", tel(cpn), tel(ext_num), edge, a_sid, sip
            )
            c.seg(esegs, "contacting", tc, tc + ring)
            c.seg(esegs, "interact", tc + ring, tce, None, "client", True)
            ctx.marks.append((tc + ring, tce, "conf"))
            c.legs.append((sip, tc + ring, tce, "outbound", "local", cpn, "US", "US", 119))
        else:
            hold = None
            if voice and rng.random() < 0.25 and not step:
                h0 = t_a + int(talk * rng.uniform(0.2, 0.7))
                hold = (h0, h0 + lognormal_ms(rng, 60, 0.6, 5, 900))
            if step and step.get("hold_ms"):
                h0 = t_a + step["hold_at_ms"]
                hold = (h0, h0 + step["hold_ms"])
            if hold is not None:
                end = t_a + talk + (hold[1] - hold[0])
                c.seg(segs, "interact", t_a, hold[0], q.id)
                c.seg(segs, "hold", hold[0], hold[1], q.id)
                c.seg(segs, "interact", hold[1], end, q.id, end_disc)
                ctx.marks.append((hold[0], hold[1], "hold"))
            else:
                end = t_a + talk
                c.seg(segs, "interact", t_a, end, q.id, end_disc)
        tw = end + wrap
        code = self.wrap_code(pool_name)
        if step and step.get("wrap_code"):
            code = org.wrapup_codes[step["wrap_code"]]
        c.seg(segs, "wrapup", end, tw, q.id, None, False, code)
        self.release(pool, ag, t_s, tw)
        return "done", end

    # ------------------------------------------------------------------ outbound voice
    def out_voice(self, t0: int, spec: Any) -> None:
        rng = self.rng
        org = self.org
        q: Queue = spec
        pool = self.pool(q.pool)
        got = pool.acquire(t0, 30 * MIN_MS) if pool is not None else None
        if got is None:
            self.in_voice(t0, None)
            return
        ag, t_s = got
        international = q.name == "SALES_International"
        country = weighted(rng, self.intl_cum, INTL_DEST[1]) if international else "US"
        mobile = country == "US" and rng.random() < 0.55
        dest = customer_number(rng, country)
        cpn = q.calling_party_number or "+12125550150"
        ani, dnis = tel(cpn), tel(dest)
        c = Conv(self.uid(), "outbound", "out_voice")
        c.division(org.divisions[q.division])
        c.has_agent = True
        a_sid, sip = self.uid(), self.sip()
        edge = org.edges[rng.random() < 0.5]
        user = ag.user
        p = c.part(self.uid(), "agent", user.name, user.id)
        segs = c.sess(p, a_sid, "voice", "outbound", ani, dnis, edge)
        ext = c.part(self.uid(), "external", self.caller_name() if rng.random() < 0.5 else None)
        esegs = c.sess(ext, self.uid(), "voice", "outbound", ani, dnis, edge, a_sid, sip)
        t_d = t_s + lognormal_ms(rng, 3, 0.4, 1, 15)
        c.seg(segs, "dialing", t_s, t_d, q.id)
        answered = rng.random() < 0.72
        ring = lognormal_ms(rng, 14, 0.5, 3, 45 if answered else 60)
        t_r = t_d + ring
        if answered:
            talk = lognormal_ms(
                rng, TALK_S[q.pool] * (1.2 if international else 1.0), 0.75, 10, 2 * 3600
            )
            end = t_r + talk
            hangs = rng.random() < 0.5
            c.seg(segs, "contacting", t_d, t_r, q.id)
            c.seg(segs, "interact", t_r, end, q.id, "peer" if hangs else "client")
            c.seg(esegs, "contacting", t_d, t_r)
            c.seg(esegs, "interact", t_r, end, None, "client" if hangs else "peer")
            ntype = "international" if international else ("mobile" if mobile else "local")
            c.legs.append(
                (sip, t_r, end, "outbound", ntype, cpn, "US", country, OUT_RATE_E4[country])
            )
            code = self.wrap_code(q.pool)
        else:
            end = t_r
            c.seg(segs, "contacting", t_d, t_r, q.id, "client")
            c.seg(esegs, "contacting", t_d, t_r, None, "endpoint")
            code = org.wrapup_codes["No Answer"]
        tw = end + lognormal_ms(rng, 30, 0.6, 3, 400)
        c.seg(segs, "wrapup", end, tw, q.id, None, False, code)
        assert pool is not None
        self.release(pool, ag, t_s, tw)
        self.dept_count(q.pool)
        self.finish(c, t_s)

    # ------------------------------------------------------------------ callbacks
    def callback(self, t0: int, spec: Any) -> None:
        rng = self.rng
        org = self.org
        q: Queue = spec
        pool = self.pool(q.pool)
        c = Conv(self.uid(), "inbound", "callback")
        c.division(org.divisions[q.division])
        cust_sid = self.uid()
        cust = c.part(self.uid(), "customer", self.caller_name())
        cb_segs = c.sess(cust, cust_sid, "callback", "inbound")
        acd = c.part(self.uid(), "acd", q.name)
        acd_segs = c.sess(acd, self.uid(), "callback", "inbound", None, None, None, cust_sid)
        delay = lognormal_ms(rng, 300, 0.8, 20, 3600)
        got = pool.acquire(t0 + delay, 8 * HOUR_MS) if pool is not None else None
        if got is None or pool is None:
            end = t0 + delay
            c.seg(acd_segs, "interact", t0, end, q.id, "system")
            c.seg(cb_segs, "interact", t0, end, None, "system")
            self.dept_count(q.pool)
            self.finish(c, t0)
            return
        ag, t_s = got
        c.seg(acd_segs, "interact", t0, t_s, q.id, "transfer")
        c.has_agent = True
        user = ag.user
        p = c.part(self.uid(), "agent", user.name, user.id)
        a_cb = c.sess(p, self.uid(), "callback", "inbound", None, None, None, cust_sid)
        t_a = t_s + lognormal_ms(rng, 4, 0.5, 1, 30)
        t_dial = t_a + lognormal_ms(rng, 12, 0.5, 2, 120)
        c.seg(a_cb, "alert", t_s, t_a, q.id)
        c.seg(a_cb, "interact", t_a, t_dial, q.id, "transfer")
        c.seg(cb_segs, "interact", t0, t_dial, None, "transfer")
        cpn = q.calling_party_number or "+12125550152"
        mobile = rng.random() < 0.6
        dest = customer_number(rng, "US")
        ani, dnis = tel(cpn), tel(dest)
        edge = org.edges[rng.random() < 0.5]
        sip = self.sip()
        a_v = c.sess(p, self.uid(), "voice", "outbound", ani, dnis, edge, None)
        v_segs = c.sess(cust, self.uid(), "voice", "outbound", ani, dnis, edge, None, sip)
        ring = lognormal_ms(rng, 12, 0.5, 3, 45)
        t_r = t_dial + ring
        if rng.random() < 0.8:
            end = t_r + lognormal_ms(rng, TALK_S[q.pool], 0.75, 15, 2 * 3600)
            c.seg(a_v, "contacting", t_dial, t_r, q.id)
            c.seg(a_v, "interact", t_r, end, q.id, "peer")
            c.seg(v_segs, "contacting", t_dial, t_r)
            c.seg(v_segs, "interact", t_r, end, None, "client")
            c.legs.append(
                (sip, t_r, end, "outbound", "mobile" if mobile else "local", cpn, "US", "US", 119)
            )
            code = org.wrapup_codes["Callback Completed"]
        else:
            end = t_r
            c.seg(a_v, "contacting", t_dial, t_r, q.id, "client")
            c.seg(v_segs, "contacting", t_dial, t_r, None, "endpoint")
            code = org.wrapup_codes["No Answer"]
        tw = end + lognormal_ms(rng, 35, 0.6, 3, 400)
        c.seg(a_v, "wrapup", end, tw, q.id, None, False, code)
        self.release(pool, ag, t_s, tw)
        self.dept_count(q.pool)
        self.finish(c, t0)

    # ------------------------------------------------------------------ chat, email, message
    def digital(self, t0: int, media: str, spec: Any) -> None:
        rng = self.rng
        org = self.org
        if media == "email":
            q: Queue = spec
        elif media == "chat":
            q = self.queues["SALES_Inbound_Tier1" if rng.random() < 0.2 else "SUPPORT_Chat"]
        else:
            q = self.queues["SUPPORT_Messaging"]
        c = Conv(self.uid(), "inbound", media)
        c.division(org.divisions[q.division])
        cust_sid = self.uid()
        name = f"{pick(rng, NAMES_FIRST).title()} {pick(rng, NAMES_LAST).title()}"
        cust = c.part(self.uid(), "customer", name)
        cust_segs = c.sess(cust, cust_sid, media, "inbound")
        ctx = Ctx(cust_sid, media, "inbound", None, None, cust_hangs=rng.random() < 0.5)
        open_now = q.pool in self.roster.pools and self.is_open(q.pool, t0)
        t_q = t0
        end = t0
        use_bot = media != "email" and (
            not open_now or rng.random() < (0.4 if media == "chat" else 0.3)
        )
        resolved = False
        if use_bot:
            bot_id, bot_type = org.flows["Support Chat Bot"]
            resolved = not open_now or rng.random() < 0.3
            bflow = {"flowId": bot_id, "flowName": "Support Chat Bot", "flowType": bot_type}
            if not resolved:
                bflow["transferType"] = "ACD"
                bflow["transferTargetName"] = q.name
            bot = c.part(self.uid(), "botflow", "Support Chat Bot")
            bsegs = c.sess(
                bot, self.uid(), media, "inbound", None, None, None, cust_sid, None, bflow
            )
            t_b = t0 + lognormal_ms(rng, 120, 0.6, 15, 1200)
            c.seg(bsegs, "interact", t0, t_b, None, "endpoint" if resolved else "transfer")
            c.bot_ms += t_b - t0
            t_q = end = t_b
            ctx.cust_hangs = True
        if not resolved:
            _outcome, end = self.queue_leg(c, ctx, q, t_q, False)
        self.close_customer(c, cust_segs, ctx, t0, end)
        self.dept_count(q.pool if not resolved else None)
        self.finish(c, t0)

    # ------------------------------------------------------------------ output
    def dept_count(self, pool: str | None) -> None:
        key = pool or "NONE"
        d = self.stats.dept_conversations
        d[key] = d.get(key, 0) + 1

    def finish(self, c: Conv, start: int) -> None:
        st = self.stats
        end = c.end
        start = c.start
        in_progress = end > self.cutoff
        if in_progress:
            self.truncate(c)
            st.in_progress.append(c.cid)
        elif self.pending_defects and c.kind == "in_voice" and c.has_agent and c.tag is None:
            self.apply_defect(c)
        conv: dict[str, Any] = {"conversationId": c.cid, "conversationStart": iso(start)}
        if not in_progress:
            conv["conversationEnd"] = iso(end)
        conv["originatingDirection"] = c.direction
        conv["divisionIds"] = c.divs
        conv["participants"] = c.parts
        line = orjson.dumps(conv) + b"\n"
        day = iso_date(start)
        self.write(day, line)
        if self.duplicate is not None and self.duplicate[1] == b"":
            self.duplicate = (day, line)
            if self.duplicate_record is not None:
                self.duplicate_record["file"] = f"conversations/{day}.jsonl"
                self.duplicate_record["copies"] = 2
        st.conversations += 1
        st.conversation_lines += 1
        if self.month_start <= start < self.month_end:
            st.in_month += 1
        st.participants += len(c.parts)
        st.participant_attributes += c.n_attr
        st.sessions += c.n_sess
        st.segments += c.n_seg
        if c.tag is not None:
            st.tagged.setdefault(c.tag, []).append(c.cid)
        if in_progress:
            return
        st.bot_ms += c.bot_ms
        for sip, ls, le, direction, ntype, did, origin, dest, base_rate in c.legs:
            if not self.month_start <= ls < self.month_end or le > self.cutoff:
                continue
            rate = base_rate
            if self.profile is not None and ntype in self.profile.telecom_rates:
                rate = int(
                    (base_rate * self.profile.telecom_rates[ntype]).to_integral_value(ROUND_HALF_UP)
                )
            billed = -(-(le - ls) // 6000) * 6
            micro = (billed // 6) * rate * 10
            self.write_voice(
                f"{c.cid},{sip},{iso(ls)},{direction},{ntype},{did},{origin},{dest},{billed},"
                f"0.{rate:04d},{micro // 1_000_000}.{micro % 1_000_000:06d},USD\n"
            )
            sku = SKU_OF[(direction, ntype)]
            acc = st.voice.get(sku)
            if acc is None:
                acc = st.voice[sku] = [0, 0, 0]
            acc[0] += billed
            acc[1] += micro
            acc[2] += 1
            st.voice_rows += 1

    def truncate(self, c: Conv) -> None:
        """Cut a conversation at the dataset's clock: it is still in progress."""
        cutoff = self.cutoff
        parts = []
        c.n_attr = c.n_sess = c.n_seg = 0
        for p in c.parts:
            sessions = []
            for s in p["sessions"]:
                kept = []
                for d in s["segments"]:
                    if parse_ms(d["segmentStart"]) >= cutoff:
                        continue
                    if parse_ms(d["segmentEnd"]) > cutoff:
                        del d["segmentEnd"]
                        d.pop("disconnectType", None)
                    kept.append(d)
                s["segments"] = kept
                if kept:
                    sessions.append(s)
                    c.n_seg += len(kept)
            if sessions:
                p["sessions"] = sessions
                parts.append(p)
                c.n_sess += len(sessions)
                c.n_attr += len(p.get("attributes", ()))
        c.parts = parts

    def apply_defect(self, c: Conv) -> None:
        kind = self.pending_defects.pop(0)
        record: dict[str, Any] = {"kind": kind, "conversationId": c.cid}
        agent = next(p for p in c.parts if p["purpose"] == "agent")
        a_sess = agent["sessions"][0]
        interact = next(d for d in a_sess["segments"] if d["segmentType"] == "interact")
        if kind == "segment_end_before_start":
            start = parse_ms(interact["segmentStart"])
            interact["segmentEnd"] = iso(start - 37_000)
            record.update(
                participantId=agent["participantId"],
                sessionId=a_sess["sessionId"],
                segmentStart=interact["segmentStart"],
                segmentEnd=interact["segmentEnd"],
            )
        elif kind == "unknown_queue":
            bogus = new_uuid(random.Random(f"unknown-queue:{c.cid}"))  # not the day's stream
            for d in a_sess["segments"]:
                if "queueId" in d:
                    d["queueId"] = bogus
            record.update(participantId=agent["participantId"], queueId=bogus)
        elif kind in ("malformed_phone", "malformed_phone_short"):
            bad = "tel:+1555abc" if kind == "malformed_phone" else "12"
            for p in c.parts:
                for s in p["sessions"]:
                    if "ani" in s:
                        s["ani"] = bad
            record.update(kind="malformed_phone", ani=bad)
        elif kind == "missing_segment_end":
            del interact["segmentEnd"]
            record.update(
                participantId=agent["participantId"],
                sessionId=a_sess["sessionId"],
                segmentStart=interact["segmentStart"],
            )
        elif kind == "duplicate_conversation":
            self.duplicate = ("", b"")  # filled by finish() once the line is written
            self.duplicate_record = record
        else:
            raise ValueError(kind)
        self.stats.defects.append(record)


def _pick(rng: random.Random, cum: list[float]) -> int:
    x = rng.random() * cum[-1]
    for i, w in enumerate(cum):
        if x < w:
            return i
    return len(cum) - 1

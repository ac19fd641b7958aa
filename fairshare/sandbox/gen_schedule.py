"""Who works when: daily rosters, routing pools, breaks, presence and routing-status intervals.

Each local (US Eastern) day every rostered user gets a shift with scheduled breaks. Agents sit in
a routing pool (a heap ordered by the instant they are free again); the conversation simulation
takes the longest-idle agent from a pool and gives it back busy until the end of its wrap-up.
Breaks are taken when due and the agent is free, so presence, routing status and the handled
segments agree. Concurrency (logged-in CX 3 users) is swept per day into a histogram.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import date, datetime

from fairshare.sandbox.gen_common import HOUR_MS, LOCAL_TZ, MIN_MS, OPEN, iso, local_ms
from fairshare.sandbox.gen_directory import SHIFTS, Org, User


class AgentDay:
    """One user's working day: shift, breaks, and the interactions handled."""

    __slots__ = (
        "bi",
        "free_at",
        "inter",
        "login",
        "onq",
        "pool",
        "sched",
        "shift_end",
        "taken",
        "until",
        "user",
    )

    def __init__(self, user: User, login: int, shift_end: int, onq: int | None) -> None:
        self.user = user
        self.login = login
        self.shift_end = shift_end
        self.onq = onq
        self.free_at = onq if onq is not None else login
        self.sched: list[tuple[int, int, str]] = []
        self.bi = 0
        self.taken: list[tuple[int, int, str]] = []
        self.inter: list[tuple[int, int]] = []
        self.until: dict[str, int] | None = None
        self.pool: str | None = None  # the pool worked in (for usage attribution)


def take_due_breaks(ag: AgentDay, t: int) -> None:
    """Take every scheduled break due by `t`, each when due or as soon as the agent is free."""
    sched = ag.sched
    n = len(sched)
    bi = ag.bi
    while bi < n:
        start, duration, kind = sched[bi]
        if start > t:
            break
        if ag.free_at > start:
            start = ag.free_at
        if start >= ag.shift_end - 10 * MIN_MS:  # too late in the shift: skip the rest
            bi = n
            break
        ag.taken.append((start, start + duration, kind))
        ag.free_at = start + duration
        bi += 1
    ag.bi = bi


class Pool:
    """Agents answering one department's queues, ordered by the instant they are free."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.heap: list[tuple[int, int, AgentDay]] = []
        self.seq = 0

    def add(self, ag: AgentDay, free_at: int) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (free_at, self.seq, ag))

    def _limit(self, ag: AgentDay) -> int:
        if ag.until is None:
            return ag.shift_end
        return min(ag.shift_end, ag.until.get(self.name, ag.shift_end))

    def acquire(self, t: int, patience: int) -> tuple[AgentDay, int] | None:
        """The longest-idle agent and the instant it can take a contact arriving at `t`.

        None when nobody is free within `patience` ms (the customer gives up) or the pool is
        empty for the rest of the day.
        """
        heap = self.heap
        while heap:
            fa, seq, ag = heap[0]
            if fa < ag.free_at:  # stale entry (the agent worked from another pool)
                heapq.heapreplace(heap, (ag.free_at, seq, ag))
                continue
            eff = t if t > fa else fa
            if eff >= self._limit(ag):
                heapq.heappop(heap)
                continue
            if ag.bi < len(ag.sched) and ag.sched[ag.bi][0] <= eff:
                take_due_breaks(ag, eff)
                if ag.free_at != fa:
                    heapq.heapreplace(heap, (ag.free_at, seq, ag))
                    continue
            if eff - t > patience:
                return None
            heapq.heappop(heap)
            return ag, eff
        return None

    def release(self, ag: AgentDay, free_at: int) -> None:
        ag.free_at = free_at
        self.add(ag, free_at)

    def force(self, t: int) -> AgentDay | None:
        """Any agent logged in at `t` (for scripted scenarios when nobody is free)."""
        best = None
        for entry in self.heap:
            ag = entry[2]
            if ag.login <= t < self._limit(ag) and (best is None or ag.free_at < best.free_at):
                best = ag
        if best is None:  # nobody's shift covers `t`: the one leaving last stays longer
            for entry in self.heap:
                ag = entry[2]
                if ag.login <= t and (best is None or ag.shift_end > best.shift_end):
                    best = ag
        if best is not None:
            self.heap = [e for e in self.heap if e[2] is not best]
            heapq.heapify(self.heap)
        return best


@dataclass
class Roster:
    day: date
    agents: list[AgentDay]
    pools: dict[str, Pool]
    by_idx: dict[int, AgentDay] = field(default_factory=dict)


def borrowed_agents(org: Org) -> list[int]:
    """The 20 SALES agents SUPPORT borrows on the crisis day (off-duty ones first)."""
    weekday = org.crisis_day.weekday()
    sales = [
        u
        for u in org.users
        if u.role == "agent"
        and u.cost_center == "SALES"
        and not u.on_leave
        and u.idx != org.mover_idx
    ]
    off = [u.idx for u in sales if weekday not in u.weekdays]
    on = [u.idx for u in sales if weekday in u.weekdays]
    return (off + on)[:20]


def build_roster(org: Org, day: date, rng: random.Random, borrowed: list[int]) -> Roster:
    """Every user working on local `day`, with shifts, breaks and routing pools."""
    weekday = day.weekday()
    crisis = day == org.crisis_day and org.has_crisis
    borrowed_set = frozenset(borrowed) if crisis else frozenset()
    bursting = org.profile.burst_departments(day.day) if org.profile is not None else ()
    move_day = datetime.fromtimestamp(org.move_at_ms / 1000, LOCAL_TZ).date()
    pools: dict[str, Pool] = {}
    agents: list[AgentDay] = []
    for user in org.users:
        if user.on_leave:
            continue
        lent = user.idx in borrowed_set
        if user.active_days is not None and day not in user.active_days:
            continue
        burst = user.role == "agent" and user.cost_center in bursting and not lent
        if weekday not in user.weekdays and not lent and not burst:
            continue
        start_h, end_h = SHIFTS["crisis" if lent or burst else user.shift]
        if user.role == "agent":
            start_h += rng.uniform(-0.25, 0.25)
            end_h += rng.uniform(-0.25, 0.25)
        else:
            start_h += rng.uniform(-0.5, 0.75)
            end_h += rng.uniform(-0.5, 1.0)
        login = local_ms(day, start_h) + rng.randrange(1000)
        shift_end = local_ms(day, end_h) + rng.randrange(1000)
        if user.role == "agent":
            ag = AgentDay(user, login, shift_end, login + rng.randrange(20_000, 180_000))
            for offset_h, minutes, kind in (
                (2.0, 15, "BREAK"),
                (4.0, 30, "MEAL"),
                (6.5, 15, "BREAK"),
            ):
                at = login + int((offset_h + rng.uniform(-0.2, 0.2)) * HOUR_MS)
                if at + minutes * MIN_MS < shift_end - 20 * MIN_MS:
                    ag.sched.append((at, minutes * MIN_MS, kind))
            pool_name = "SUPPORT" if lent else user.pool
            assert pool_name is not None
            if user.idx == org.mover_idx and day >= move_day:
                if day == move_day:
                    ag.until = {"SALES": org.move_at_ms}
                    _pool(pools, "SALES").add(ag, ag.free_at)
                    _pool(pools, "SUPPORT").add(ag, max(ag.free_at, org.move_at_ms))
                    ag.pool = "SALES"
                    agents.append(ag)
                    continue
                pool_name = "SUPPORT"
            ag.pool = pool_name
            _pool(pools, pool_name).add(ag, ag.free_at)
        else:
            ag = AgentDay(user, login, shift_end, None)
            if rng.random() < 0.4:
                at = login + int(rng.uniform(1.0, 2.5) * HOUR_MS)
                ag.sched.append((at, rng.choice((30, 45, 60)) * MIN_MS, "MEETING"))
            at = login + int(rng.uniform(3.5, 4.5) * HOUR_MS)
            ag.sched.append((at, rng.choice((30, 45, 60)) * MIN_MS, "MEAL"))
            ag.pool = user.pool
        agents.append(ag)
    return Roster(day, agents, pools, {ag.user.idx: ag for ag in agents})


def _pool(pools: dict[str, Pool], name: str) -> Pool:
    pool = pools.get(name)
    if pool is None:
        pool = pools[name] = Pool(name)
    return pool


@dataclass
class DayPresence:
    """A user's intervals for one day, ready to be stitched into the month's timeline."""

    idx: int
    login: int
    logout: int | None  # None = still logged in at the dataset's clock
    onq: int | None
    presence: str  # JSON objects joined with commas
    routing: str
    n_presence: int
    n_routing: int


def finalize(ag: AgentDay, org: Org, cutoff: int) -> DayPresence:
    """Close the day: remaining breaks, logout, presence and routing-status intervals."""
    take_due_breaks(ag, ag.shift_end)
    logout = max(ag.shift_end, ag.free_at + 20_000)
    pres: list[tuple[int, int, str]] = []
    if ag.onq is not None:
        pres.append((ag.login, ag.onq, "AVAILABLE"))
        cur = ag.onq
        idle_state = "ON_QUEUE"
    else:
        cur = ag.login
        idle_state = "AVAILABLE"
    for start, end, kind in ag.taken:
        if start > cur:
            pres.append((cur, start, idle_state))
        pres.append((start, end, kind))
        cur = end
    if logout > cur:
        pres.append((cur, logout, idle_state))
    else:
        logout = cur
    rout: list[tuple[int, int, str]] = []
    if ag.onq is not None:
        rout = _routing(pres, ag.inter, logout)
    open_end = logout > cutoff
    if open_end:
        pres = _truncate(pres, cutoff)
        rout = _truncate(rout, cutoff)
    pid = org.presence_ids
    ptext = ",".join(
        f'{{"startTime":"{iso(s)}","endTime":"{iso(e)}","systemPresence":"{k}",'
        f'"organizationPresenceId":"{pid[k]}"}}'
        if e != OPEN
        else f'{{"startTime":"{iso(s)}","systemPresence":"{k}",'
        f'"organizationPresenceId":"{pid[k]}"}}'
        for s, e, k in pres
    )
    rtext = ",".join(
        f'{{"startTime":"{iso(s)}","endTime":"{iso(e)}","routingStatus":"{k}"}}'
        if e != OPEN
        else f'{{"startTime":"{iso(s)}","routingStatus":"{k}"}}'
        for s, e, k in rout
    )
    return DayPresence(
        ag.user.idx,
        ag.login,
        None if open_end else logout,
        ag.onq,
        ptext,
        rtext,
        len(pres),
        len(rout),
    )


def _routing(
    pres: list[tuple[int, int, str]], inter: list[tuple[int, int]], logout: int
) -> list[tuple[int, int, str]]:
    merged: list[list[int]] = []
    for start, end in sorted(inter):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    out: list[tuple[int, int, str]] = []
    k = 0
    last_end: int | None = None
    for ws, we, kind in pres:
        if kind != "ON_QUEUE":
            continue
        if last_end is not None and ws > last_end:
            out.append((last_end, ws, "OFF_QUEUE"))
        cursor = ws
        while k < len(merged) and merged[k][1] <= ws:
            k += 1
        j = k
        while j < len(merged) and merged[j][0] < we:
            s = max(merged[j][0], ws)
            e = min(merged[j][1], we)
            if s > cursor:
                out.append((cursor, s, "IDLE"))
            if e > max(s, cursor):
                out.append((max(s, cursor), e, "INTERACTING"))
                cursor = e
            j += 1
        if cursor < we:
            out.append((cursor, we, "IDLE"))
        last_end = we
    if last_end is not None and last_end < logout:
        out.append((last_end, logout, "OFF_QUEUE"))
    return out


def _truncate(items: list[tuple[int, int, str]], cutoff: int) -> list[tuple[int, int, str]]:
    out = []
    for s, e, k in items:
        if s >= cutoff:
            break
        out.append((s, OPEN if e > cutoff else e, k))
    return out


def concurrency_histogram(intervals: list[tuple[int, int]], lo: int, hi: int) -> dict[int, int]:
    """Milliseconds spent at each level of simultaneous logins, within [lo, hi)."""
    events: list[tuple[int, int]] = []
    for start, end in intervals:
        s, e = max(start, lo), min(end, hi)
        if s < e:
            events.append((s, 1))
            events.append((e, -1))
    events.sort()
    hist: dict[int, int] = {}
    level = 0
    prev = None
    for at, delta in events:
        if prev is not None and at > prev and level > 0:
            hist[level] = hist.get(level, 0) + at - prev
        level += delta
        prev = at
    return hist


def billed_peak(hist: dict[int, int], min_ms: int = 30 * MIN_MS) -> int:
    """The highest level held for at least `min_ms` in total (time at that level or above)."""
    total = 0
    for level in sorted(hist, reverse=True):
        total += hist[level]
        if total >= min_ms:
            return level
    return 0

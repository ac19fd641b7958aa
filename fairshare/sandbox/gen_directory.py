"""The sandbox org's directory: divisions, users, cost-center tags, queues, DIDs, licences.

`build_org` draws the whole directory from the seed; the `*_json` functions render it in
Genesys's wire format. Staffing scales with the month's volume (about one contact-center agent
per 400 conversations, with department minimums that keep the guide scenarios possible).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from fairshare.sandbox.gen_common import MIN_MS, Month, iso, local_ms, new_uuid
from fairshare.sandbox.gen_profile import MonthProfile
from fairshare.sandbox.phone import country_of, number_type

ORG_NAME = "Northwind Appliance Co. (sandbox)"
EMAIL_DOMAIN = "northwind-sandbox.example"
CURRENCY = "USD"

COST_CENTERS = ("SALES", "SUPPORT", "HR", "MARKETING", "FINANCE", "CORP_IT")
DEPARTMENT = {
    "SALES": "Sales",
    "SUPPORT": "Support",
    "HR": "Human Resources",
    "MARKETING": "Marketing",
    "FINANCE": "Finance",
    "CORP_IT": "IT",
}
DIVISION_OF = {
    "SALES": "Sales",
    "SUPPORT": "Support",
    "HR": "Human Resources",
    "MARKETING": "Corporate",
    "FINANCE": "Corporate",
    "CORP_IT": "Corporate",
}
DIVISIONS = ("Home", "Sales", "Support", "Human Resources", "Corporate")

LICENCES = {
    "cloudCX1": "Genesys Cloud CX 1",
    "cloudCX2": "Genesys Cloud CX 2",
    "cloudCX3": "Genesys Cloud CX 3",
    "communicate": "Genesys Cloud Communicate",
}
LICENCE_RANK = {"communicate": 1, "cloudCX1": 2, "cloudCX2": 3, "cloudCX3": 4}
UNKNOWN_LICENCE = "cloudCX9"

SYSTEM_PRESENCES = tuple(
    ("AVAILABLE AWAY BUSY OFFLINE IDLE ON_QUEUE MEAL TRAINING MEETING BREAK").split()
)

# Shift templates, US Eastern decimal hours (start, end).
SHIFTS = {
    "early": (7.0, 15.5),
    "core": (8.5, 17.0),
    "late": (11.5, 20.0),
    "hr": (8.0, 16.5),
    "office": (8.5, 17.5),
    "crisis": (8.5, 18.0),
}
# Opening hours per pool and weekday (0 = Monday), US Eastern decimal hours.
OPEN_HOURS = {
    "SALES": {0: (7, 20), 1: (7, 20), 2: (7, 20), 3: (7, 20), 4: (7, 20), 5: (7, 20)},
    "SUPPORT": {d: (7, 20) for d in range(7)},
    "HR": {d: (8, 16.5) for d in range(5)},
    "MARKETING": {d: (8.5, 20) for d in range(5)},
}

FIRST = tuple(
    (
        "Aaliyah Aaron Abigail Adam Aisha Alejandro Alex Amara Amelia Ana Andre Anika Ben "
        "Bianca Brandon Carla Carlos Chen Chloe Daniel Deepa Diego Elena Elijah Emily Ethan "
        "Fatima Felix Grace Hannah Hiro Imani Isaac Jada James Jasmine Jin Jordan Julia Kai "
        "Kareem Laura Leo Lina Lucas Maya Mei Miguel Nadia Noah Olivia Omar Priya Rafael Rosa "
        "Ryan Sara Sofia Tariq Tomas Uma Victor Wei Yara Zoe"
    ).split()
)
LAST = tuple(
    (
        "Abbott Adeyemi Alvarez Bauer Bennett Brooks Campbell Chen Cohen Diaz Dubois Edwards "
        "Fischer Flores Garcia Gupta Hall Hansen Hernandez Ito Jackson Jensen Kim Kowalski "
        "Kumar Lee Lopez Martin Mendes Miller Moreau Murphy Nakamura Nguyen Novak Okafor "
        "Olsen Patel Perez Quinn Rahman Reyes Rossi Santos Schmidt Silva Singh Smith Sullivan "
        "Tanaka Thomas Torres Turner Vargas Wagner Walker Wang Weber Williams Wilson Wong "
        "Young Zhang"
    ).split()
)


@dataclass
class User:
    idx: int
    id: str
    name: str
    email: str
    role: str  # agent | supervisor | backoffice
    cost_center: str  # the department the person really works for (ground truth)
    department: str | None  # as typed in Genesys
    attr: str | None  # Cost_Center_ID custom attribute as typed (None = no attribute)
    title: str
    division: str
    licences: tuple[str, ...]
    weekdays: tuple[int, ...]
    shift: str
    pool: str | None  # the routing pool an agent works in (or BACKOFFICE for DID owners)
    employee_id: str
    employee_type: str
    date_hire: str
    version: int
    manager_idx: int | None = None
    on_leave: bool = False
    did: str | None = None
    messy: str | None = None
    # scenario months only: the local days the user works (None = every day of `weekdays`)
    active_days: frozenset[date] | None = None

    @property
    def cx3(self) -> bool:
        return "cloudCX3" in self.licences

    @property
    def top_licence(self) -> str:
        return max(self.licences, key=lambda lic: LICENCE_RANK.get(lic, 0))


@dataclass
class Queue:
    id: str
    name: str
    pool: str  # which agents answer it
    cost_center: str | None  # the department its name implies (None for convention breakers)
    division: str
    description: str
    date_created: str
    calling_party_number: str | None = None
    member_count: int = 0


@dataclass
class Did:
    id: str
    number: str
    name: str
    pool: str  # DID pool name
    owner_type: str | None
    owner_id: str | None
    owner_name: str | None
    rate_e4: int  # inbound rate per minute in 1/10,000 USD
    flow: str | None = None  # the inbound flow answering it
    dept: str | None = None

    country: str = ""
    number_type: str = ""

    def __post_init__(self) -> None:
        self.country = country_of(self.number) or "US"
        self.number_type = number_type(self.number)


# flow an IVR configuration routes to (open hours) -> the configuration's name
IVR_CONFIG_NAMES: dict[str, str] = {
    "Main IVR": "Main number routing",
    "Sales IVR": "Sales line routing",
    "Support IVR": "Support line routing",
    "HR Line": "HR line routing",
    "Sales International IVR": "International sales routing",
}


@dataclass
class OAuthClient:
    id: str
    name: str
    cost_center: str


@dataclass
class Org:
    month: Month
    seed: int
    conversations: int
    divisions: dict[str, str]  # name -> id
    users: list[User]
    queues: dict[str, Queue]  # keyed by the name at the month start
    dids: list[Did]
    did_pools: list[tuple[str, str, str, str, str]]  # id, name, start, end, provider
    flows: dict[str, tuple[str, str]]  # name -> (id, flowType)
    ivr_configs: dict[str, str]  # name -> id
    groups: dict[str, str]  # name -> id
    oauth_clients: list[OAuthClient]
    schema_id: str
    edges: tuple[str, str]
    presence_ids: dict[str, str]
    wrapup_codes: dict[str, str]  # name -> id
    client_id: str
    client_secret: str
    pii_key: str
    mover_idx: int
    move_at_ms: int
    rename_queue: str
    rename_to: str
    rename_at_ms: int
    crisis_day: date
    guide_day: date
    pools: dict[str, list[int]] = field(default_factory=dict)
    profile: MonthProfile | None = None  # a scenario month's behaviour (None: the baseline)

    @property
    def has_crisis(self) -> bool:
        """The Support crisis day happens (always in the baseline)."""
        return self.profile is None or self.profile.crisis

    def did(self, number: str) -> Did:
        by_number = self.__dict__.get("_by_number")
        if by_number is None:
            by_number = self.__dict__["_by_number"] = {d.number: d for d in self.dids}
        return by_number[number]


def _headcounts(conversations: int, profile: MonthProfile | None = None) -> dict[str, int]:
    agents = round(conversations / 400)
    heads = {
        "SALES": max(28, round(agents * 0.38)),
        "SUPPORT": max(16, round(agents * 0.47)),
        "HR": max(3, round(agents * 0.08)),
        "MARKETING": max(2, round(agents * 0.07)),
    }
    if profile is not None:
        heads = {cc: max(n, round(n * profile.headcount.get(cc, 1.0))) for cc, n in heads.items()}
    return heads


class _People:
    """Unique employee names, emails and ids."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: dict[str, int] = {}
        self.count = 0

    def person(self) -> tuple[str, str, str, str]:
        rng = self.rng
        first, last = rng.choice(FIRST), rng.choice(LAST)
        base = f"{first} {last}"
        n = self.seen.get(base, 0)
        self.seen[base] = n + 1
        name = base if n == 0 else f"{base} {_roman(n + 1)}"
        handle = f"{first}.{last}".lower() + ("" if n == 0 else str(n + 1))
        self.count += 1
        hired = date(2015, 1, 5) + timedelta(days=rng.randrange(0, 4200))
        return name, f"{handle}@{EMAIL_DOMAIN}", f"E{10000 + self.count}", hired.isoformat()


def _roman(n: int) -> str:
    return {2: "II", 3: "III", 4: "IV"}.get(n, str(n))


def build_org(
    month: Month, conversations: int, seed: int, profile: MonthProfile | None = None
) -> Org:
    """The whole directory of the sandbox org, drawn from `seed` (and a scenario `profile`)."""
    rng = random.Random(f"{seed}:{month.label}:directory")
    uid = lambda: new_uuid(rng)  # noqa: E731
    divisions = {name: uid() for name in DIVISIONS}
    people = _People(rng)
    users: list[User] = []

    def add(
        role: str,
        cc: str,
        title: str,
        licences: tuple[str, ...],
        weekdays: tuple[int, ...],
        shift: str,
        pool: str | None,
        employee_type: str = "Full-time",
    ) -> User:
        name, email, employee_id, hired = people.person()
        user = User(
            idx=len(users),
            id=uid(),
            name=name,
            email=email,
            role=role,
            cost_center=cc,
            department=DEPARTMENT[cc],
            attr=cc,
            title=title,
            division=DIVISION_OF[cc],
            licences=licences,
            weekdays=weekdays,
            shift=shift,
            pool=pool,
            employee_id=employee_id,
            employee_type=employee_type,
            date_hire=hired,
            version=rng.randrange(1, 6),
        )
        users.append(user)
        return user

    heads = _headcounts(conversations, profile)
    mon_fri = (0, 1, 2, 3, 4)
    cc_agents: dict[str, list[User]] = {cc: [] for cc in heads}
    for cc, count in heads.items():
        weekend = max(3, round(count * 0.22)) if cc == "SUPPORT" else 0
        for i in range(count):
            shift = (
                ("early", "core", "core", "late", "early", "core", "late", "core", "late", "core")[
                    i % 10
                ]
                if cc != "HR"
                else "hr"
            )
            weekdays = mon_fri
            etype = "Full-time" if i % 9 else "Contractor"
            if cc == "SALES":  # six-day operation: 40 % off on Saturdays, the rest one weekday
                weekdays = mon_fri if i % 5 < 2 else _without((0, 1, 2, 3, 4, 5), (i // 5) % 5)
            elif cc == "SUPPORT" and i >= count - weekend:  # weekend crew (part-time)
                weekdays, etype = (5, 6), "Part-time"
                shift = ("early", "late")[i % 2]
            title = "Senior Contact Center Agent" if i % 7 == 0 else "Contact Center Agent"
            if cc == "SALES":
                title = "Senior Sales Representative" if i % 7 == 0 else "Sales Representative"
            if cc == "MARKETING":
                title = "Campaign Agent"
            licences = ("cloudCX3", "communicate") if i % 10 == 3 else ("cloudCX3",)
            cc_agents[cc].append(
                add("agent", cc, title, licences, weekdays, shift, cc, employee_type=etype)
            )
    supervisors: dict[str, list[User]] = {}
    for cc, agents in cc_agents.items():
        n = max(1, -(-len(agents) // 12))
        supervisors[cc] = [
            add(
                "supervisor",
                cc,
                "Team Supervisor",
                ("cloudCX2",) if k % 4 else ("cloudCX2", "communicate"),
                mon_fri,
                "core",
                None,
            )
            for k in range(n)
        ]
        for k, agent in enumerate(agents):
            agent.manager_idx = supervisors[cc][k % n].idx
    total_agents = sum(heads.values())
    office: list[User] = []
    office_plan = [
        ("SALES", "VP Sales", 1),
        ("SALES", "Sales Operations Analyst", max(1, total_agents // 60)),
        ("SUPPORT", "VP Customer Support", 1),
        ("SUPPORT", "Knowledge Manager", max(1, total_agents // 60)),
        ("HR", "HR Director", 1),
        ("HR", "HR Business Partner", max(2, total_agents // 40)),
        ("MARKETING", "CMO", 1),
        ("MARKETING", "Marketing Specialist", max(2, total_agents // 40)),
        ("FINANCE", "CFO", 1),
        ("FINANCE", "Financial Analyst", max(3, total_agents // 25)),
        ("CORP_IT", "CIO", 1),
        ("CORP_IT", "IT Engineer", max(3, total_agents // 25)),
    ]
    heads_by_cc: dict[str, User] = {}
    for cc, title, count in office_plan:
        for _ in range(count):
            lic = ("cloudCX1",) if rng.random() < 0.4 else ("communicate",)
            if lic == ("cloudCX1",) and rng.random() < 0.25:
                lic = ("cloudCX1", "communicate")
            user = add("backoffice", cc, title, lic, mon_fri, "office", "BACKOFFICE")
            office.append(user)
            if title.startswith(("VP", "CMO", "CFO", "CIO", "HR Director")):
                heads_by_cc[cc] = user
            elif cc in heads_by_cc:
                user.manager_idx = heads_by_cc[cc].idx
    for cc, sups in supervisors.items():
        for sup in sups:
            sup.manager_idx = heads_by_cc[cc].idx
    # People on leave all month (licensed, never log in): some office staff and one agent.
    for user in rng.sample(office[2:], max(1, len(office) // 30)):
        user.on_leave = True
    leave_agent = cc_agents["SUPPORT"][1]
    leave_agent.on_leave = True
    # Personal DIDs for office staff (ownerType USER), in the Boston direct-dial range.
    # (8,000 numbers: +16175552000..+16175559999; the pool grows past ...2999 only for the
    # largest orgs, so the datasets of up to 1,000 office staff are unchanged)
    if len(office) > 8000:
        raise ValueError(f"{len(office):,} office staff exceed the Boston direct-dial range")
    for k, user in enumerate(office):
        user.did = f"+1617555{2000 + k:04d}"
    direct_dial_last = f"+1617555{max(2999, 2000 + len(office) - 1):04d}"

    # ---- messy cost-center tags (always present) -------------------------------------------
    mover = next(u for u in cc_agents["SALES"] if u.weekdays == mon_fri and u.shift == "core")
    mover.messy = "mover"
    sales = [mover] + [u for u in cc_agents["SALES"][8:] if u is not mover]
    support = [u for u in cc_agents["SUPPORT"] if u.weekdays == mon_fri and not u.on_leave]
    hr = cc_agents["HR"]

    def mess(user: User, kind: str, department: str | None, attr: str | None) -> None:
        user.messy, user.department, user.attr = kind, department, attr

    mess(sales[1], "department_only", "Sales", None)
    mess(support[0], "department_only", "Support", None)
    mess(sales[2], "department_alias", "Sales Dept", None)
    mess(sales[3], "department_alias", "Sales Dept", None)
    mess(support[1], "department_alias", "Customer Support", None)
    mess(support[2], "department_alias", "Customer Support", None)
    for user in sales[4:7]:
        mess(user, "lowercase_attribute", "Sales", "sales")
    mess(support[3], "attribute_department_conflict", "Sales", "SUPPORT")
    mess(support[4], "untagged", None, None)
    mess(hr[-1], "untagged", None, None)

    # ---- queues ------------------------------------------------------------------------------
    queue_plan = [
        ("SALES_Inbound_Tier1", "SALES", "SALES", "Inbound sales, first line", "+12125550150"),
        ("SALES_Inbound_Tier2", "SALES", "SALES", "Inbound sales, specialists", "+12125550150"),
        ("SALES_Outbound", "SALES", "SALES", "Outbound sales calls", "+12125550150"),
        ("SALES_International", "SALES", "SALES", "International sales", "+12125550151"),
        ("VIP-Callback", "SALES", None, "Callbacks for VIP customers", "+12125550152"),
        ("SUPPORT_Billing", "SUPPORT", "SUPPORT", "Billing questions", "+16175550110"),
        ("SUPPORT_Technical", "SUPPORT", "SUPPORT", "Technical support", "+16175550110"),
        ("SUPPORT_Chat", "SUPPORT", "SUPPORT", "Web chat", None),
        ("SUPPORT_Email", "SUPPORT", "SUPPORT", "Email", None),
        ("SUPPORT_Messaging", "SUPPORT", "SUPPORT", "SMS and messaging", None),
        ("Support Escalations", "SUPPORT", None, "Tier-2 escalations", "+16175550110"),
        ("HR_Benefits_Support", "HR", "HR", "Employee benefits line", None),
        ("HR_Payroll", "HR", "HR", "Payroll questions", "+13125550178"),
        ("MARKETING_Campaigns", "MARKETING", "MARKETING", "Outbound campaigns", "+16465550188"),
        ("Main Overflow", "SUPPORT", None, "Overflow when no menu option is chosen", None),
    ]
    queues: dict[str, Queue] = {}
    for name, pool, cc, description, cpn in queue_plan:
        created = date(2022, 3, 1) + timedelta(days=rng.randrange(0, 1100))
        division = DIVISION_OF[pool] if name != "Main Overflow" else "Home"
        queues[name] = Queue(
            id=uid(),
            name=name,
            pool=pool,
            cost_center=cc,
            division=division,
            description=description,
            date_created=iso(_date_ms(created) + 13 * 3_600_000),
            calling_party_number=cpn,
            member_count=len(cc_agents[pool]),
        )

    # ---- flows, IVR configs, groups, DIDs --------------------------------------------------
    flows = {
        "Main IVR": (uid(), "INBOUNDCALL"),
        "Sales IVR": (uid(), "INBOUNDCALL"),
        "Support IVR": (uid(), "INBOUNDCALL"),
        "HR Line": (uid(), "INBOUNDCALL"),
        "Sales International IVR": (uid(), "INBOUNDCALL"),
        "Support Voice Bot": (uid(), "BOT"),
        "Support Chat Bot": (uid(), "BOT"),
        "Default In-Queue Flow": (uid(), "INQUEUECALL"),
    }
    # IVR configurations (Architect call routing) are named apart from the flows they route to,
    # as in a real org: an IVR_CONFIG DID's owner is the configuration, not the flow
    ivr_configs = {
        name: uid()
        for name in ("Main IVR", "Sales IVR", "Support IVR", "HR Line", "Sales International IVR")
    }
    groups = {
        name: uid()
        for name in (
            "Sales Team",
            "Sales International",
            "Support Team",
            "HR Team",
            "Marketing Campaigns",
        )
    }
    pools = [
        ("US Toll-Free 800", "+18005550100", "+18005550109"),
        ("US Toll-Free 888", "+18885550140", "+18885550149"),
        ("US Toll-Free 877", "+18775550190", "+18775550199"),
        ("New York Local", "+12125550100", "+12125550199"),
        ("Boston Local", "+16175550100", "+16175550199"),
        ("Chicago Local", "+13125550170", "+13125550179"),
        ("Boston Direct Dial", "+16175552000", direct_dial_last),
        ("UK Freephone", "+448000485010", "+448000485019"),
        ("France Local", "+33184881230", "+33184881239"),
        ("Germany Local", "+493055571230", "+493055571239"),
        ("Marketing Local", "+16465550180", "+16465550189"),
    ]
    did_pools = [(uid(), name, lo, hi, "PURE_CLOUD_VOICE") for name, lo, hi in pools]

    def pool_of(number: str) -> str:
        for _pid, name, lo, hi, _prov in did_pools:
            if len(number) == len(lo) and lo <= number <= hi:
                return name
        raise ValueError(number)

    dids: list[Did] = []

    def did(
        number: str,
        name: str,
        owner_type: str | None,
        owner: str | None,
        rate_e4: int,
        flow: str | None = None,
        dept: str | None = None,
    ) -> None:
        owner_id = None
        if owner_type == "IVR_CONFIG" and owner:
            owner_id = ivr_configs[owner]
            owner = IVR_CONFIG_NAMES[owner]
        elif owner_type == "GROUP" and owner:
            owner_id = groups[owner]
        dids.append(
            Did(
                uid(),
                number,
                name,
                pool_of(number),
                owner_type,
                owner_id,
                owner,
                rate_e4,
                flow,
                dept,
            )
        )

    did("+18005550100", "Main toll-free", "IVR_CONFIG", "Main IVR", 150, "Main IVR")
    did("+18885550142", "Sales toll-free", "IVR_CONFIG", "Sales IVR", 150, "Sales IVR", "SALES")
    did(
        "+18775550199",
        "Support toll-free",
        "IVR_CONFIG",
        "Support IVR",
        150,
        "Support IVR",
        "SUPPORT",
    )
    did("+16175550111", "Support local", "IVR_CONFIG", "Support IVR", 40, "Support IVR", "SUPPORT")
    did("+13125550177", "HR line", "IVR_CONFIG", "HR Line", 40, "HR Line", "HR")
    did(
        "+448000485012",
        "Sales UK freephone",
        "IVR_CONFIG",
        "Sales International IVR",
        1700,
        "Sales International IVR",
        "SALES",
    )
    did(
        "+33184881234",
        "Sales France",
        "IVR_CONFIG",
        "Sales International IVR",
        250,
        "Sales International IVR",
        "SALES",
    )
    did(
        "+493055571234",
        "Sales Germany",
        "IVR_CONFIG",
        "Sales International IVR",
        250,
        "Sales International IVR",
        "SALES",
    )
    did("+12125550150", "Sales caller ID", "GROUP", "Sales Team", 40, None, "SALES")
    did(
        "+12125550151",
        "Sales international caller ID",
        "GROUP",
        "Sales International",
        40,
        None,
        "SALES",
    )
    did("+12125550152", "VIP callback caller ID", "GROUP", "Sales Team", 40, None, "SALES")
    did("+16175550110", "Support caller ID", "GROUP", "Support Team", 40, None, "SUPPORT")
    did("+13125550178", "HR payroll caller ID", "GROUP", "HR Team", 40, None, "HR")
    did(
        "+16465550188", "Marketing campaigns", "GROUP", "Marketing Campaigns", 40, None, "MARKETING"
    )
    for user in office:
        assert user.did is not None
        dids.append(
            Did(
                uid(),
                user.did,
                f"{user.name} direct",
                pool_of(user.did),
                "USER",
                user.id,
                user.name,
                40,
                None,
                user.cost_center,
            )
        )
    for spare in ("+18005550101", "+12125550199"):  # rented, not assigned
        dids.append(Did(uid(), spare, "Spare", pool_of(spare), None, None, None, 40))

    oauth = [
        OAuthClient(uid(), "Salesforce CTI (Sales)", "SALES"),
        OAuthClient(uid(), "Zendesk Sync (Support)", "SUPPORT"),
        OAuthClient(uid(), "Workday HR Connector", "HR"),
        OAuthClient(uid(), "Marketing Journeys", "MARKETING"),
        OAuthClient(uid(), "Finance Billing Export", "FINANCE"),
        OAuthClient(uid(), "IT Monitoring", "CORP_IT"),
    ]
    wrapups = {
        name: uid()
        for name in (
            "Sale",
            "Quote Sent",
            "No Sale",
            "Resolved",
            "Escalated",
            "Billing Adjusted",
            "Transferred",
            "Benefits Info",
            "Payroll Issue",
            "Interested",
            "Not Interested",
            "No Answer",
            "Callback Completed",
            "Email Answered",
            "Chat Resolved",
        )
    }
    presence_ids = {p: uid() for p in SYSTEM_PRESENCES}
    schema_id = uid()
    edges = (uid(), uid())
    client_id, client_secret = uid(), f"sandbox-secret-{rng.getrandbits(64):016x}"
    pii_key = f"sandbox-pii-key-{rng.getrandbits(128):032x}"

    mid = month.first + timedelta(days=14)
    move_at = local_ms(mid, 12.0)
    rename_day = month.first + timedelta(days=11)
    rename_at = local_ms(rename_day, 9.0) + 17 * MIN_MS

    org = Org(
        month=month,
        seed=seed,
        conversations=conversations,
        divisions=divisions,
        users=users,
        queues=queues,
        dids=dids,
        did_pools=did_pools,
        flows=flows,
        ivr_configs=ivr_configs,
        groups=groups,
        oauth_clients=oauth,
        schema_id=schema_id,
        edges=edges,
        presence_ids=presence_ids,
        wrapup_codes=wrapups,
        client_id=client_id,
        client_secret=client_secret,
        pii_key=pii_key,
        mover_idx=mover.idx,
        move_at_ms=move_at,
        rename_queue="Support Escalations",
        rename_to="SUPPORT_Escalations",
        rename_at_ms=rename_at,
        crisis_day=month.nth_weekday(1, 3),
        guide_day=month.nth_weekday(2, 2),
    )
    for user in users:
        if user.pool:
            org.pools.setdefault(user.pool, []).append(user.idx)
    if profile is not None:
        org.profile = profile
        _low_use(org, office, profile)
    return org


def _low_use(org: Org, office: list[User], profile: MonthProfile) -> None:
    """The last `low_use_users` back-office staff (not heads, not on leave) log in on only the
    first `low_use_days` Tuesdays and Thursdays of the month."""
    if profile.low_use_users <= 0:
        return
    days = [
        d
        for d in (org.month.first + timedelta(days=k) for k in range(31))
        if d.month == org.month.first.month and d.weekday() in (1, 3)
    ][: profile.low_use_days]
    staff = [
        u for u in office if not u.on_leave and u.manager_idx is not None and u.idx != org.mover_idx
    ]
    for user in staff[-profile.low_use_users :]:
        user.active_days = frozenset(days)


def _without(days: tuple[int, ...], k: int) -> tuple[int, ...]:
    """`days` minus one weekday chosen among Monday..Friday by `k` (never Tuesday first)."""
    off = (0, 2, 3, 4, 1)[k]
    return tuple(d for d in days if d != off)


def _date_ms(day: date) -> int:
    return (day - date(1970, 1, 1)).days * 86_400_000

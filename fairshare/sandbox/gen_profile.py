"""How one month of a multi-month sandbox scenario differs from the baseline month.

`generate(..., profile=None)` writes the baseline month (byte for byte what it always wrote). A
`MonthProfile` changes the behaviour of that month only: a department that grows (more of the
inbound traffic and more agents), a vendor price change (licence prices, per-minute telecom rates,
fixed fees), the Support crisis day switched off, a department that starts a burst pattern
(campaign days on which it takes much more traffic and logs every agent in), a prepaid concurrent
contract kept from an earlier month instead of derived from this month's normal peak, and a few
back-office named users who log in on only a few days. `fairshare.sandbox.scenario` strings
several months together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Which inbound entry points (gen_conversations.ENTRIES / MENU labels) and digital media a
# department's volume multiplier scales.
DEPARTMENT_ENTRIES = {
    "SALES": ("SALES", "SALES_INTL"),
    "SUPPORT": ("SUPPORT",),
    "HR": ("HR",),
}
DIGITAL_KINDS = {"SUPPORT": ("chat", "email", "message")}


@dataclass(frozen=True)
class MonthProfile:
    """Knobs of one scenario month (every default keeps the baseline behaviour)."""

    # department -> multiplier of its share of the inbound traffic (entry points, menu choices,
    # and, for Support, chats, emails and messages)
    volume: dict[str, float] = field(default_factory=dict)
    # department -> multiplier of its contact-center agents (at least the baseline minimum)
    headcount: dict[str, float] = field(default_factory=dict)
    # SKU -> new unit price (named and concurrent licences, overage, API, AI tokens, DID rental)
    prices: dict[str, Decimal] = field(default_factory=dict)
    # number type (toll_free, local, mobile, international) -> multiplier of the per-minute rates
    # in the voice usage file (what the telecom lines of the invoice add up to)
    telecom_rates: dict[str, Decimal] = field(default_factory=dict)
    # multiplier of the platform fee, premier support and workforce engagement add-on
    fixed_fees: Decimal = Decimal(1)
    # the baseline's Support crisis day (20 Sales agents lent to Support, an SLA credit)
    crisis: bool = True
    # department -> days of the month (1..31) on which it runs a campaign burst: its traffic x
    # burst_factor and every one of its agents logged in for a long day
    bursts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    burst_factor: float = 2.5
    # prepaid concurrent users of the contract (None: this month's normal peak, as the baseline)
    contracted_concurrent: int | None = None
    # back-office named users who log in on only `low_use_days` days of the month
    low_use_users: int = 0
    low_use_days: int = 2

    def volume_of(self, label: str) -> float:
        """Multiplier of an ENTRIES/MENU label (SALES, SALES_INTL, SUPPORT, HR, MENU...)."""
        for department, labels in DEPARTMENT_ENTRIES.items():
            if label in labels:
                return self.volume.get(department, 1.0)
        return 1.0

    def kind_volume(self, kind: str) -> float:
        """Multiplier of a conversation kind (digital media belong to Support)."""
        for department, kinds in DIGITAL_KINDS.items():
            if kind in kinds:
                return self.volume.get(department, 1.0)
        return 1.0

    def burst_departments(self, day_of_month: int) -> tuple[str, ...]:
        return tuple(sorted(d for d, days in self.bursts.items() if day_of_month in days))

"""Exact money helpers: Decimal formatting and the largest-remainder split used for drill-downs."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

CENT = Decimal("0.01")
ZERO = Decimal("0")

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "JPY": "¥"}

K = TypeVar("K", bound=Hashable)


def to_decimal(value: object) -> Decimal:
    """Convert a value read from the warehouse to Decimal without ever going through float."""
    if value is None:
        return ZERO
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise TypeError(f"refusing to convert float {value!r} to money; read decimals as Decimal")
    return Decimal(str(value))


def cents(value: Decimal) -> Decimal:
    """Quantize to 2 places (mart amounts already are; this normalises the exponent)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt_money(value: Decimal, currency: str = "USD", places: int = 2) -> str:
    """`$12,345.67`, `-$1.20`; unknown currencies as `12,345.67 CHF`."""
    amount = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    body = f"{abs(amount):,.{places}f}"
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{body} {currency}"
    return f"{sign}{symbol}{body}"


def fmt_iso(value: Decimal | int, currency: str = "USD") -> str:
    """`USD 12,345.67`, `USD -1.20`: the ISO 4217 code with the amount (invoices)."""
    amount = cents(to_decimal(value))
    return f"{currency} {amount:,.2f}"


def fmt_plain(value: Decimal) -> str:
    """`12345.67` (CSV form: no separators, always two places)."""
    return f"{cents(value):.2f}"


def fmt_exact(value: Decimal | None) -> str:
    """A quantity as its exact plain decimal, trailing zeros dropped (`20000`, `909.235741487`)."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def is_whole(value: Decimal | None) -> bool:
    return value is not None and value == value.to_integral_value()


def fmt_count(value: Decimal | None, places: int = 2) -> str:
    """A counted quantity: a whole number when it is one (`922`), else up to `places` decimals
    (`909.24`: a conversation shared between departments counts in part)."""
    if value is None:
        return ""
    if is_whole(value):
        return f"{value:,.0f}"
    return fmt_qty(value, places)


def fmt_qty(value: Decimal | None, places: int = 2) -> str:
    """A driver quantity with thousands separators, trailing zeros trimmed (`12,345.6`)."""
    if value is None:
        return ""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{q:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_pct(share: Decimal | int | None, places: int = 2) -> str:
    """A share in [0, 1] as `12.50%`."""
    if share is None:
        return ""
    share = to_decimal(share)
    pct = (share * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{pct:,.{places}f}%"


def ratio(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole as an exact-enough Decimal share (0 when whole is 0); display only."""
    if whole == 0:
        return ZERO
    return (part / whole).quantize(Decimal("0.000000001"), rounding=ROUND_HALF_UP)


def largest_remainder(
    total: Decimal, weights: Mapping[K, Decimal], places: int = 2
) -> dict[K, Decimal]:
    """Split `total` (`places` decimals, 2 for money) over `weights` so the parts sum to `total`
    exactly.

    Each key gets floor(total_units * w / W) units of 10^-places; the leftover units go one each to
    the keys with the largest remainders (ties broken by the key's string form, so the result is
    deterministic). A negative total is split on its absolute value and the sign re-applied. With
    no positive weight the whole amount goes to no one: a ValueError, callers decide what that
    means.
    """
    positive = {k: w for k, w in weights.items() if w > 0}
    if not positive:
        raise ValueError("no positive weight to split over")
    unit = Decimal(1).scaleb(-places)
    scale = Decimal(10) ** places
    total_cents = int(abs(total).quantize(unit, rounding=ROUND_HALF_UP) * scale)
    sign = -1 if total < 0 else 1
    weight_sum = sum(positive.values(), ZERO)
    base: dict[K, int] = {}
    remainders: list[tuple[Decimal, str, K]] = []
    for key, weight in positive.items():
        exact = Decimal(total_cents) * weight / weight_sum
        whole = int(exact)  # floor for non-negative values
        base[key] = whole
        remainders.append((exact - whole, str(key), key))
    leftover = total_cents - sum(base.values())
    remainders.sort(key=lambda item: (-item[0], item[1]))
    for _, _, key in remainders[:leftover]:
        base[key] += 1
    return {k: (Decimal(sign * base.get(k, 0)) / scale).quantize(unit) for k in weights}

"""The Jinja environment shared by invoices and the showback site (autoescaped, strict)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from fairshare.publish.money import fmt_count, fmt_iso, fmt_money, fmt_pct, fmt_plain, fmt_qty

PACKAGE = "fairshare.publish"


def fmt_ms_minutes(ms: int) -> str:
    """Milliseconds as minutes with one decimal (`1,234.5`, `62.0`)."""
    minutes = (Decimal(ms) / Decimal(60_000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{minutes:,.1f}"


def fmt_measured(value: Decimal, currency: str = "USD") -> str:
    """A measured (pre-allocation) cost with 4 decimals: `$0.0712`."""
    return fmt_money(value, currency, 4)


def fmt_duration(ms: int) -> str:
    """Milliseconds as `1 h 02 min 03 s` / `4 min 05 s` / `12 s`."""
    total = int(ms) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min {seconds:02d} s"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y}".lstrip("0")


def fmt_datetime(value: datetime | None) -> str:
    """`2026-10-10 14:22:29` (UTC; the page says so once)."""
    if value is None:
        return ""
    return f"{value:%Y-%m-%d %H:%M:%S}"


def fmt_month(value: date) -> str:
    return f"{value:%B %Y}"


# units of things counted one by one (singular form): shown as whole numbers when they are
COUNT_UNITS = {
    "user",
    "interaction",
    "request",
    "department",
    "token",
    "number",
    "conversation",
    "call",
    "licence",
    "license",
    "seat",
    "cost center",
}


def fmt_driver(value: Decimal | None, unit: str = "") -> str:
    """A driver quantity as a reader expects it: counts whole when whole (`922`, `909.24` when a
    conversation shared between departments counts in part), measures with one decimal
    (`1,234.5` minutes), percentages with two."""
    if value is None:
        return ""
    if unit.lower().rstrip("s") in COUNT_UNITS:
        return fmt_count(value)
    if unit == "percent":
        return fmt_qty(value, 2)
    q = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{q:,.1f}"


def fmt_amount(value: Decimal) -> str:
    """`1,234.56` / `-41.67`: an amount in a column whose header names the currency."""
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def fmt_signed_money(value: Decimal | None, currency: str = "USD") -> str:
    if value is None:
        return "–"
    text = fmt_money(value, currency)
    return text if value < 0 else f"+{text}"


def fmt_signed_pct(value: Decimal | None) -> str:
    if value is None:
        return "–"
    text = fmt_pct(value, 1)
    return text if value < 0 else f"+{text}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader(PACKAGE, "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        money=fmt_money,
        iso=fmt_iso,
        amount=fmt_amount,
        driver=fmt_driver,
        measured=fmt_measured,
        plain=fmt_plain,
        qty=fmt_qty,
        pct=fmt_pct,
        minutes=fmt_ms_minutes,
        duration=fmt_duration,
        date=fmt_date,
        datetime=fmt_datetime,
        month=fmt_month,
        signed_money=fmt_signed_money,
        signed_pct=fmt_signed_pct,
    )
    from fairshare.publish.model import category_label, method_label

    env.globals.update(method_label=method_label, category_label=category_label)
    return env


def static_text(name: str) -> str:
    """The text of a file under fairshare/publish/static/."""
    return resources.files(PACKAGE).joinpath("static", name).read_text(encoding="utf-8")


def static_names() -> list[str]:
    return sorted(
        p.name for p in resources.files(PACKAGE).joinpath("static").iterdir() if p.is_file()
    )

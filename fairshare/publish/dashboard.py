"""The showback site: static HTML, local CSS/JS, inline SVG charts. No server, no network.

`showback/index.html` is the all-departments site for IT and FP&A; `showback/<CODE>/` is the same
site cut down to one department (its own figures only), to hand to that department's head.
Layout of a site root:

    index.html  methodology.html  quality.html (all-departments only)  static/
    invoices/<invoice>.html|.pdf
    cost-centers/<CODE>.html
    cost-centers/<CODE>/did-<number>.html
    cost-centers/<CODE>/conversation-<id>.html
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from fairshare.publish.charts import Bar, bar_chart, line_chart
from fairshare.publish.data import ORPHAN, CostCenter, MonthData
from fairshare.publish.insights_pages import (
    ADVISOR_PAGE,
    advisor_context,
    cost_center_context,
    overview_context,
)
from fairshare.publish.invoices import Invoice
from fairshare.publish.model import (
    GENERAL_RULES,
    METHOD_RULES,
    DidDetail,
    category_label,
    category_sort_key,
    change,
    concurrency_for,
    conversation_page,
    conversation_slices,
    did_details,
    group_by_category,
    licences_by_user,
    method_label,
    shared_lines,
    slug,
    tagging_kpi,
    telecom_breakdown,
    totals_by_category,
    visible_codes,
)
from fairshare.publish.money import ZERO, cents, fmt_money, fmt_pct, ratio
from fairshare.publish.templating import environment, static_names, static_text

log = logging.getLogger(__name__)

RULE_LABELS = {
    "queue": "In the department's queue (waiting, ringing, talking, on hold)",
    "agent": "With the department's agent (no queue)",
    "ivr_tag": "In the IVR after the caller chose the department",
    "orphan_ivr": "In the IVR before any department was known",
    "orphan_unowned": "No responsible department",
    "unknown_queue": "In a queue with no cost center tag",
}


@dataclass(frozen=True)
class Scope:
    """Which site is being built: all departments (code None) or one department."""

    code: str | None

    @property
    def is_all(self) -> bool:
        return self.code is None

    def includes(self, code: str) -> bool:
        return self.code is None or self.code == code


def cc_page(code: str) -> str:
    return f"cost-centers/{slug(code)}.html"


def cc_dir(code: str) -> str:
    return f"cost-centers/{slug(code)}"


class SiteWriter:
    """Renders one site (all departments or one department) into `root`."""

    def __init__(
        self,
        data: MonthData,
        invoices: list[Invoice],
        invoice_dir: Path,
        root: Path,
        scope: Scope,
    ) -> None:
        self.data = data
        self.invoices = {inv.cost_center.code: inv for inv in invoices}
        self.invoice_dir = invoice_dir
        self.root = root
        self.scope = scope
        self.env = environment()
        self.files: list[Path] = []
        self.codes = [c for c in data.billed_codes() if scope.includes(c)]

    # -- helpers --------------------------------------------------------------------------
    def _write(self, rel: str, template: str, page_kind: str, **context: object) -> Path:
        depth = rel.count("/")
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        html = self.env.get_template(template).render(
            data=self.data,
            scope=self.scope,
            root="../" * depth,
            page_kind=page_kind,
            site_title=self._site_title(),
            nav=self._nav(),
            cur=self.data.currency,
            cc_page=cc_page,
            cc_dir=cc_dir,
            **context,
        )
        path.write_text(html, encoding="utf-8")
        self.files.append(path)
        return path

    def _site_title(self) -> str:
        if self.scope.is_all:
            return "Contact center showback"
        center = self.data.cost_centers[self.scope.code or ""]
        return f"Contact center showback · {center.name}"

    def _nav(self) -> list[tuple[str, str]]:
        items = [("Overview", "index.html")]
        items += [(self._center(code).name, cc_page(code)) for code in self.codes]
        items.append(("Methodology", "methodology.html"))
        if advisor_context(self.data, self.scope.code) is not None:
            items.append(("Licence advisor", ADVISOR_PAGE))
        if self.scope.is_all:
            items.append(("Data quality", "quality.html"))
        return items

    def _center(self, code: str) -> CostCenter:
        return self.data.cost_centers.get(code) or CostCenter(code, code, "", "", False, "")

    def _copy_static(self) -> None:
        target = self.root / "static"
        target.mkdir(parents=True, exist_ok=True)
        for name in static_names():
            if name == "invoice.css":
                continue
            path = target / name
            path.write_text(static_text(name), encoding="utf-8")
            self.files.append(path)

    def _copy_invoices(self) -> dict[str, dict[str, str]]:
        """Copy each invoice (HTML, PDF, CSV) in scope into the site; returns links per code."""
        links: dict[str, dict[str, str]] = {}
        target = self.root / "invoices"
        for code in self.codes:
            inv = self.invoices.get(code)
            if inv is None:
                continue
            links[code] = {}
            for ext in ("html", "pdf", "csv"):
                src = self.invoice_dir / f"{inv.stem}.{ext}"
                if src.exists():
                    target.mkdir(parents=True, exist_ok=True)
                    dst = target / src.name
                    shutil.copyfile(src, dst)
                    self.files.append(dst)
                    links[code][ext] = f"invoices/{src.name}"
        return links

    # -- pages ----------------------------------------------------------------------------
    def build(self) -> list[Path]:
        self.root.mkdir(parents=True, exist_ok=True)
        self._copy_static()
        links = self._copy_invoices()
        self._overview(links)
        for code in self.codes:
            self._cost_center(code, links.get(code, {}))
        self._methodology()
        self._advisor()
        if self.scope.is_all:
            self._quality()
        return self.files

    def _overview(self, links: dict[str, dict[str, str]]) -> None:
        data = self.data
        lines = [line for line in data.lines if self.scope.includes(line.cost_center_code)]
        total = cents(sum((line.amount for line in lines), ZERO))
        rows = []
        for code in self.codes:
            amount = data.total_for(code)
            prev = data.previous_totals.get(code) if data.previous_month else None
            rows.append(
                {
                    "center": self._center(code),
                    "amount": amount,
                    "share": ratio(amount, total),
                    "change": change(amount, prev),
                    "page": cc_page(code),
                    "links": links.get(code, {}),
                }
            )
        rows.sort(key=lambda r: (-r["amount"], r["center"].name))
        by_category = totals_by_category(lines)
        prev_cat = data.previous_by_category if self.scope.is_all else {}
        categories = [
            {
                "category": cat,
                "label": category_label(cat),
                "amount": amount,
                "share": ratio(amount, total),
                "change": change(
                    amount, prev_cat.get(cat) if self.scope.is_all and data.previous_month else None
                ),
            }
            for cat, amount in by_category.items()
        ]
        matrix_codes = self.codes
        matrix = {code: totals_by_category(data.lines_for(code)) for code in matrix_codes}
        cc_chart = bar_chart(
            "chart-cc",
            "Spend by cost center",
            "Horizontal bars: amount allocated to each cost center this month; "
            "the table below holds the same figures.",
            [
                Bar(r["center"].name, r["amount"], fmt_money(r["amount"], data.currency))
                for r in rows
            ],
        )
        cat_chart = bar_chart(
            "chart-category",
            "Spend by category",
            "Horizontal bars: amount per cost category this month; the table below holds the "
            "same figures.",
            [
                Bar(c["label"], c["amount"], fmt_money(c["amount"], data.currency))
                for c in categories
            ],
        )
        vendor_rows = []
        if self.scope.is_all:
            for v in data.vendor_lines:
                allocated = cents(
                    sum(
                        (
                            line.amount
                            for line in data.lines
                            if (line.invoice_id, line.line_id) == (v.invoice_id, v.line_id)
                        ),
                        ZERO,
                    )
                )
                vendor_rows.append({"line": v, "allocated": allocated})
        own_change = None
        if not self.scope.is_all and self.scope.code:
            own_change = rows[0]["change"] if rows else None
        self._write(
            "index.html",
            "overview.html.j2",
            "overview",
            title=("Overview" if self.scope.is_all else self._center(self.scope.code or "").name),
            total=total,
            rows=rows,
            categories=categories,
            matrix=matrix,
            matrix_categories=sorted(by_category, key=category_sort_key),
            cc_chart=cc_chart,
            cat_chart=cat_chart,
            vendor_rows=vendor_rows,
            kpi=tagging_kpi(data) if self.scope.is_all else None,
            own_change=own_change,
            category_label=category_label,
            insights=overview_context(data, self.scope.code),
        )

    def _cost_center(self, code: str, links: dict[str, str]) -> None:
        data = self.data
        center = self._center(code)
        lines = data.lines_for(code)
        total = data.total_for(code)
        groups = group_by_category(lines)
        cat_chart = bar_chart(
            f"chart-{slug(code)}-category",
            f"{center.name}: spend by category",
            "Horizontal bars: this cost center's amount per category; the table beside it holds "
            "the same figures.",
            [Bar(g.label, g.subtotal, fmt_money(g.subtotal, data.currency)) for g in groups],
        )
        telecom = telecom_breakdown(data, code)
        details = did_details(data, code, telecom)
        type_chart = (
            bar_chart(
                f"chart-{slug(code)}-numbertype",
                f"{center.name}: telecom by number type",
                "Horizontal bars: telecom amount per number type and direction.",
                [
                    Bar(t.label, t.amount, fmt_money(t.amount, data.currency))
                    for t in telecom.by_type
                ],
            )
            if telecom.by_type
            else None
        )
        top_dids = [d for d in details if d.amount > 0][:10]
        did_chart = (
            bar_chart(
                f"chart-{slug(code)}-dids",
                f"{center.name}: top phone numbers by telecom cost",
                "Horizontal bars: telecom amount of the phone numbers that cost the most.",
                [
                    Bar(
                        d.did,
                        d.amount,
                        f"{fmt_money(d.amount, data.currency)} ({fmt_pct(d.share_of_telecom, 1)})",
                    )
                    for d in top_dids
                ],
            )
            if top_dids
            else None
        )
        conc = concurrency_for(data, code)
        conc_chart = None
        if conc is not None and conc.daily:
            conc_chart = line_chart(
                f"chart-{slug(code)}-concurrency",
                f"{center.name}: peak concurrent users per day",
                "Line: the highest number of this cost center's users logged in at once each day "
                "of the month; dashed line: its contracted entitlement.",
                [(d.day, d.users) for d in conc.daily],
                [(d.day, d.entitlement) for d in conc.daily],
                contract_label="entitlement",
            )
        org_conc = concurrency_for(data, None) if self.scope.is_all else None
        org_chart = None
        if org_conc is not None and org_conc.daily:
            org_chart = line_chart(
                f"chart-{slug(code)}-org-concurrency",
                "Organisation: peak concurrent users per day",
                "Line: the organisation's highest concurrent users each day; dashed line: the "
                "contracted (prepaid) concurrent users.",
                [(d.day, d.users) for d in org_conc.daily],
                [(d.day, d.entitlement) for d in org_conc.daily],
                contract_label="contract (prepaid)",
            )
        conc_lines = [
            line for line in lines if line.product_method in ("concurrent_peak", "overage_cause")
        ]
        licence_rows = licences_by_user(data, code)
        licence_lines = [line for line in lines if line.product_method == "named_users"]
        prev = data.previous_totals.get(code) if data.previous_month else None
        self._write(
            cc_page(code),
            "cost_center.html.j2",
            "cost_center",
            title=center.name,
            center=center,
            total=total,
            mom=change(total, prev),
            groups=groups,
            cat_chart=cat_chart,
            telecom=telecom,
            dids=details,
            type_chart=type_chart,
            did_chart=did_chart,
            conc=conc,
            conc_chart=conc_chart,
            org_chart=org_chart,
            org_conc=org_conc,
            conc_lines=conc_lines,
            licence_rows=licence_rows,
            licence_lines=licence_lines,
            shared=shared_lines(lines),
            links=links,
            invoice=self.invoices.get(code),
            method_label=method_label,
            insights=cost_center_context(data, code, slug(code)),
        )
        only = None if self.scope.is_all else visible_codes(code, telecom)
        for detail in details:
            self._did(code, center, detail, telecom.total, only)

    def _did(
        self,
        code: str,
        center: CostCenter,
        detail: DidDetail,
        telecom_total: Decimal,
        only: set[str] | None,
    ) -> None:
        rel = f"{cc_dir(code)}/{detail.rows[0].page}"
        measured = detail.measured_cost
        conversations = [
            {
                "conv": c,
                "share": ratio(c.cost, measured) if measured else ZERO,
                "page": conversation_page(c.conversation_id),
            }
            for c in detail.conversations
        ]
        self._write(
            rel,
            "did.html.j2",
            "did",
            title=detail.did,
            center=center,
            detail=detail,
            telecom_total=telecom_total,
            conversations=conversations,
        )
        for c in detail.conversations:
            slices = conversation_slices(self.data, c.conversation_id, only)
            self._write(
                f"{cc_dir(code)}/{conversation_page(c.conversation_id)}",
                "conversation.html.j2",
                "conversation",
                title=f"Conversation {c.conversation_id}",
                center=center,
                did=detail.did,
                did_page=detail.rows[0].page,
                conv=c,
                slices=slices,
                slice_ms=sum(s.ms for s in slices),
                slice_cost=sum((s.cost for s in slices), ZERO),
                rule_labels=RULE_LABELS,
                centers=self.data.cost_centers,
            )

    def _methodology(self) -> None:
        data = self.data
        methods = []
        for method in sorted({v.allocation_method for v in data.vendor_lines}):
            vlines = [v for v in data.vendor_lines if v.allocation_method == method]
            keys = {(v.invoice_id, v.line_id) for v in vlines}
            parts = [
                line
                for line in data.lines
                if (line.invoice_id, line.line_id) in keys
                and self.scope.includes(line.cost_center_code)
            ]
            methods.append(
                {
                    "method": method,
                    "label": method_label(method),
                    "rule": METHOD_RULES.get(method, "See the configuration of this method."),
                    "vendor_lines": vlines,
                    "amount": cents(sum((v.amount for v in vlines), ZERO)),
                    "parts": parts,
                }
            )
        orphan_ms = sum(u.ms for u in data.did_usage if u.cost_center_code == ORPHAN)
        orphan_cost = sum((u.cost for u in data.did_usage if u.cost_center_code == ORPHAN), ZERO)
        org_conc = concurrency_for(data, None)
        self._write(
            "methodology.html",
            "methodology.html.j2",
            "methodology",
            title="Methodology",
            methods=methods,
            general_rules=GENERAL_RULES,
            orphan_ms=orphan_ms,
            orphan_cost=orphan_cost,
            overhead=self._center(data.overhead_code),
            org_conc=org_conc if self.scope.is_all else None,
            kpi=tagging_kpi(data) if self.scope.is_all else None,
        )

    def _advisor(self) -> None:
        advisor = advisor_context(self.data, self.scope.code)
        if advisor is not None:
            self._write(ADVISOR_PAGE, "advisor.html.j2", "advisor", title="Licence advisor",
                        advisor=advisor)  # fmt: skip

    def _quality(self) -> None:
        self._write(
            "quality.html",
            "quality.html.j2",
            "quality",
            title="Data quality",
            kpi=tagging_kpi(self.data),
            gaps=self.data.tagging_gaps,
            quarantine=self.data.quarantine,
        )


def write_showback(
    data: MonthData, invoices: list[Invoice], invoice_dir: Path, directory: Path
) -> list[Path]:
    """The all-departments site in `directory` and one site per department under it."""
    if directory.exists():
        shutil.rmtree(directory)  # a rerun must not leave pages of a previous run behind
    files = SiteWriter(data, invoices, invoice_dir, directory, Scope(None)).build()
    for code in data.billed_codes():
        files += SiteWriter(
            data, invoices, invoice_dir, directory / slug(code), Scope(code)
        ).build()
    log.info("showback site: %d files in %s", len(files), directory)
    return files

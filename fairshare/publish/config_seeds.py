"""The publishing configuration, from the seeds `dbt seed` loads into schema `config`: how vendor
charges appear in FOCUS (focus_charge_categories, billing_accounts) and the general-ledger mapping
(gl_companies, gl_cost_center_companies, gl_account_map, gl_exchange_rates).

A seed that is not loaded gives None (the export that needs it says so); a seed that lacks a
column the publisher reads is an error naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from fairshare.publish.data import (
    WILDCARD,
    BillingAccount,
    FocusCategory,
    GlCompany,
    GlConfig,
    PublishError,
)
from fairshare.publish.money import to_decimal
from fairshare.publish.sql import MartReader


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _config_rows(
    m: MartReader, schema: str, table: str, columns: Sequence[str]
) -> list[tuple] | None:
    """All rows of a seed table as text (None when the seed is not loaded)."""
    cols = m.columns(table, schema)
    if cols is None:
        return None
    missing = [c for c in columns if c not in cols]
    if missing:
        raise PublishError(
            f"{schema}.{table} lacks the columns {', '.join(missing)}; run `dbt seed` again"
        )
    select = ", ".join(f"trim(cast({c} as varchar))" for c in columns)
    return m.rows(f"select {select} from {m.table(table, schema)}")


def focus_config(
    m: MartReader, schema: str
) -> tuple[dict[str, FocusCategory] | None, BillingAccount | None]:
    rows = _config_rows(
        m,
        schema,
        "focus_charge_categories",
        [
            "cost_category",
            "charge_category",
            "charge_frequency",
            "service_name",
            "service_category",
            "service_subcategory",
            "host_provider_name",
        ],
    )
    categories = None if rows is None else {row[0]: FocusCategory(*row) for row in rows}
    accounts = _config_rows(
        m,
        schema,
        "billing_accounts",
        [
            "billing_account_id",
            "billing_account_name",
            "provider_name",
            "publisher_name",
            "invoice_issuer_name",
        ],
    )
    account = None
    if accounts is not None:
        if len(accounts) != 1:
            raise PublishError(
                f"{schema}.billing_accounts must hold exactly one row (the Genesys organisation "
                f"billed), found {len(accounts)}"
            )
        account = BillingAccount(*(_s(v) for v in accounts[0]))
    return categories, account


def gl_config(m: MartReader, schema: str, start: date) -> GlConfig | None:
    companies = _config_rows(
        m,
        schema,
        "gl_companies",
        [
            "company_code",
            "company_name",
            "local_currency",
            "intercompany_account",
            "document_type",
        ],
    )
    members = _config_rows(
        m, schema, "gl_cost_center_companies", ["cost_center_code", "company_code"]
    )
    accounts = _config_rows(
        m,
        schema,
        "gl_account_map",
        ["cost_category", "cost_center_code", "expense_account", "recovery_account"],
    )
    if companies is None or members is None or accounts is None:
        return None
    rates: dict[tuple[str, str], Decimal] = {}
    if m.columns("gl_exchange_rates", schema) is not None:
        for from_ccy, to_ccy, rate in m.rows(
            f"""select upper(trim(from_currency)), upper(trim(to_currency)), rate
                from {m.table("gl_exchange_rates", schema)}
                where cast(billing_month as date) = ?""",
            [start],
        ):
            rates[(from_ccy, to_ccy)] = to_decimal(rate)
    return GlConfig(
        companies={
            row[0]: GlCompany(row[0], _s(row[1]), _s(row[2]).upper(), _s(row[3]), _s(row[4]))
            for row in companies
        },
        cost_center_companies={row[0].upper(): row[1] for row in members},
        accounts={
            (row[0], row[1].upper() if row[1] != WILDCARD else WILDCARD): (row[2], row[3])
            for row in accounts
        },
        rates=rates,
    )

{#-
    The month's vendor invoice lines in integer cents of the reporting currency, computed from
    staging and the FX seed alone (the reconciliation tests' independent view of what must be
    allocated): amount × rate (1 in the reporting currency) rounded to the cent per line.
    Columns: invoice_id, invoice_line_id, date_start, in_reporting_currency, line_cents.
-#}
{% macro vendor_line_cents_sql() -%}
    select
        lines.invoice_id,
        lines.line_id as invoice_line_id,
        lines.date_start,
        upper(trim(coalesce(lines.currency, headers.currency, '{{ var("currency") }}')))
        = upper('{{ var("currency") }}') as in_reporting_currency,
        {{ fairshare.to_cents(fairshare.fx_convert(
            'lines.amount',
            "case when upper(trim(coalesce(lines.currency, headers.currency, '"
            ~ var('currency') ~ "'))) = upper('" ~ var('currency') ~ "') then 1 else rates.rate end"
        )) }} as line_cents
    from {{ ref('stg_genesys__invoice_lines') }} as lines
    left join {{ ref('stg_genesys__invoices') }} as headers
        on lines.invoice_id = headers.invoice_id
    left join {{ ref('fx_rates') }} as rates
        on
            upper(trim(coalesce(lines.currency, headers.currency))) = upper(trim(rates.currency))
            and upper(trim(rates.reporting_currency)) = upper('{{ var("currency") }}')
            and rates.billing_month = {{ fairshare.billing_month() }}
{%- endmacro %}

{#- A vendor amount (up to 6 decimals) times an FX rate (up to 8), exact in decimal(38, 14). -#}
{% macro fx_convert(amount, rate) -%}
    (cast({{ amount }} as {{ fairshare.type_decimal(38, 6) }}) * cast({{ rate }} as {{ fairshare.type_decimal(18, 8) }}))
{%- endmacro %}

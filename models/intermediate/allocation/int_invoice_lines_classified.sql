{#-
    Every vendor invoice line of var('billing_month') with the vendor product row that prices it:
    matched by SKU (case-insensitive, trimmed), else by the product name against
    product_name_pattern (case-insensitive `like`; the longest matching pattern wins, then the SKU).
    Amounts are in the reporting currency: an invoice in another currency is converted at the
    month's rate of seeds/fx_rates.csv, rounded to the cent per line (vendor_amount keeps the
    invoice's own amount and currency).

    Before anything is allocated, the month's invoice must be allocatable, else the build stops
    with one line naming the invoice, line and file (macros/allocation/invoice_guards.sql): no
    invoice for the month, a product no rule matches, a negative amount on a product that is not a
    credit, two invoices for the month, a currency without a rate. The checks query the lines only
    when actually running (dbt run/build), so `dbt compile` of other targets stays offline.
-#}
{%- set classify_sql -%}
with

invoice_lines as (
    select
        invoice_id,
        line_id as invoice_line_id,
        product_sku,
        product_name,
        description,
        date_start,
        date_end,
        quantity,
        unit_of_measure,
        amount,
        currency,
        source
    from {{ ref('stg_genesys__invoice_lines') }}
    where
        date_start >= {{ fairshare.billing_month() }}
        and date_start < {{ fairshare.billing_month_next() }}
),

invoice_headers as (
    select
        invoice_id,
        currency as invoice_currency
    from {{ ref('stg_genesys__invoices') }}
),

fx_rates as (
    select
        currency,
        rate
    from {{ ref('stg_config__fx_rates') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and reporting_currency = upper('{{ var("currency") }}')
),

vendor_products as (
    select * from {{ ref('stg_config__vendor_products') }}
),

matched_by_sku as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        vendor_products.product_sku,
        'sku' as match_rule,
        1 as match_rank
    from invoice_lines
    inner join vendor_products
        on upper(trim(invoice_lines.product_sku)) = vendor_products.product_sku
),

matched_by_name as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        vendor_products.product_sku,
        'product_name_pattern' as match_rule,
        row_number() over (
            partition by invoice_lines.invoice_id, invoice_lines.invoice_line_id
            order by {{ dbt.length('vendor_products.product_name_pattern') }} desc, vendor_products.product_sku
        ) + 1 as match_rank
    from invoice_lines
    inner join vendor_products
        on lower(trim(invoice_lines.product_name)) like vendor_products.product_name_pattern
),

candidate_matches as (
    select * from matched_by_sku
    union all
    select * from matched_by_name
),

ranked_matches as (
    select
        invoice_id,
        invoice_line_id,
        product_sku,
        match_rule,
        row_number() over (
            partition by invoice_id, invoice_line_id
            order by match_rank
        ) as match_order
    from candidate_matches
),

best_matches as (
    select * from ranked_matches
    where match_order = 1
),

lines_in_reporting_currency as (
    select
        invoice_lines.*,
        upper(trim(coalesce(invoice_lines.currency, invoice_headers.invoice_currency, '{{ var("currency") }}')))
            as vendor_currency,
        case
            when
                upper(trim(coalesce(invoice_lines.currency, invoice_headers.invoice_currency, '{{ var("currency") }}')))
                = upper('{{ var("currency") }}')
                then cast(1 as {{ fairshare.type_decimal(18, 8) }})
            else fx_rates.rate
        end as fx_rate
    from invoice_lines
    left join invoice_headers
        on invoice_lines.invoice_id = invoice_headers.invoice_id
    left join fx_rates
        on upper(trim(coalesce(invoice_lines.currency, invoice_headers.invoice_currency))) = fx_rates.currency
),

classified as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        coalesce(vendor_products.product_sku, invoice_lines.product_sku) as product_sku,
        invoice_lines.product_sku as invoice_product_sku,
        invoice_lines.product_name,
        invoice_lines.description as line_description,
        invoice_lines.date_start,
        invoice_lines.date_end,
        invoice_lines.quantity,
        invoice_lines.unit_of_measure,
        {{ fairshare.cents_to_amount(fairshare.to_cents(
            fairshare.fx_convert('invoice_lines.amount', 'invoice_lines.fx_rate'))) }} as amount,
        invoice_lines.amount as vendor_amount,
        {{ fairshare.to_cents(fairshare.fx_convert('invoice_lines.amount', 'invoice_lines.fx_rate')) }}
            as amount_cents,
        '{{ var("currency") }}' as currency,
        invoice_lines.vendor_currency,
        invoice_lines.fx_rate,
        invoice_lines.source as vendor_source,
        coalesce(vendor_products.is_credit, false) as is_credit_product,
        vendor_products.cost_category,
        vendor_products.allocation_method,
        nullif(trim(vendor_products.telecom_number_types), '') as telecom_number_types,
        nullif(trim(vendor_products.telecom_direction), '') as telecom_direction,
        vendor_products.driver_name,
        vendor_products.driver_unit,
        best_matches.match_rule
    from lines_in_reporting_currency as invoice_lines
    left join best_matches
        on
            invoice_lines.invoice_id = best_matches.invoice_id
            and invoice_lines.invoice_line_id = best_matches.invoice_line_id
    left join vendor_products
        on best_matches.product_sku = vendor_products.product_sku
),

final as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        product_sku,
        invoice_product_sku,
        product_name,
        line_description,
        date_start,
        date_end,
        quantity,
        unit_of_measure,
        amount,
        vendor_amount,
        amount_cents,
        currency,
        vendor_currency,
        fx_rate,
        vendor_source,
        is_credit_product,
        cost_category,
        allocation_method,
        telecom_number_types,
        telecom_direction,
        driver_name,
        driver_unit,
        match_rule
    from classified
)
{%- endset -%}

{%- do fairshare.assert_vendor_invoice_allocatable(classify_sql) -%}

{{ classify_sql }}

select * from final

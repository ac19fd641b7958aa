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
        currency
    from "dbt1"."staging"."stg_genesys__invoice_lines"
    where
        date_start >= cast('2026-10-01' as date)
        and date_start < cast('2026-11-01' as date)
),

vendor_products as (
    select * from "dbt1"."config"."vendor_products"
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
        on upper(trim(invoice_lines.product_sku)) = upper(trim(vendor_products.product_sku))
),

matched_by_name as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        vendor_products.product_sku,
        'product_name_pattern' as match_rule,
        row_number() over (
            partition by invoice_lines.invoice_id, invoice_lines.invoice_line_id
            order by 

    length(
        vendor_products.product_name_pattern
    ) desc, vendor_products.product_sku
        ) + 1 as match_rank
    from invoice_lines
    inner join vendor_products
        on lower(trim(invoice_lines.product_name)) like lower(trim(vendor_products.product_name_pattern))
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

classified as (
    select
        cast('2026-10-01' as date) as billing_month,
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
        cast(invoice_lines.amount as decimal(18, 2)) as amount,
        invoice_lines.amount as vendor_amount,
        cast(round(invoice_lines.amount * 100, 0) as bigint) as amount_cents,
        invoice_lines.currency,
        vendor_products.cost_category,
        vendor_products.allocation_method,
        nullif(trim(vendor_products.telecom_number_types), '') as telecom_number_types,
        nullif(trim(vendor_products.telecom_direction), '') as telecom_direction,
        vendor_products.driver_name,
        vendor_products.driver_unit,
        best_matches.match_rule
    from invoice_lines
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
        cost_category,
        allocation_method,
        telecom_number_types,
        telecom_direction,
        driver_name,
        driver_unit,
        match_rule
    from classified
)

select * from final
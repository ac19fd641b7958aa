{{ config(**fairshare.monthly_partition()) }}
{#-
    Named licences by user for var('billing_month'): each billable named user (logged in during the
    month, at the highest licence held) per cost center, with the share of the user in that cost
    center (a mid-month mover has several rows summing to 1) and the licence cost it carries
    (the named line's amount x the user's weight / the line's total weight, display).
-#}
with

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
    where allocation_method = 'named_users'
),

line_weights as (
    select * from {{ ref('int_invoice_line_weights_joined') }}
    where allocation_method = 'named_users' and allocation_rule = 'driver'
),

line_totals_by_line as (
    select distinct
        invoice_lines.product_sku,
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        invoice_lines.amount_cents,
        line_weights.driver_weight_total
    from invoice_lines
    inner join line_weights
        on
            invoice_lines.invoice_id = line_weights.invoice_id
            and invoice_lines.invoice_line_id = line_weights.invoice_line_id
),

-- a SKU billed on several lines (rare): its users carry the sum of the lines' shares
line_totals as (
    select
        product_sku,
        sum(amount_cents) as amount_cents,
        max(driver_weight_total) as driver_weight_total
    from line_totals_by_line
    group by 1
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

final as (
    select
        named_users.billing_month,
        named_users.user_id,
        named_users.user_name,
        named_users.cost_center_code,
        cost_centers.cost_center_name,
        named_users.license_id,
        named_users.product_sku,
        named_users.logged_in_ms,
        named_users.logged_in_share,
        cast(
            {{ fairshare.scaled_to_decimal(
                fairshare.mul_div('line_totals.amount_cents * 10000', 'named_users.user_share_ppb', 'line_totals.driver_weight_total'),
                6
            ) }} as {{ fairshare.type_decimal(18, 6) }}
        ) as licence_cost
    from named_users
    left join line_totals
        on upper(named_users.product_sku) = upper(line_totals.product_sku)
    left join cost_centers
        on named_users.cost_center_code = cost_centers.cost_center_code
)

select * from final

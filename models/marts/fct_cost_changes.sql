{{ config(**fairshare.monthly_partition()) }}
{#-
    The month-over-month change of every cost center's cost, per cost category and product,
    explained: change = volume + share + rate + adjustments, to the cent. The month before is
    read from invoice_lines, or, when it is closed, as it was posted (fairshare_ops), so the change
    is against what the departments were invoiced.

    Stages (models/intermediate/insights/): int_cost_change_lines_gathered (the rows of both
    months) → int_cost_change_products_paired (per cost center and product, this month beside the
    month before) → int_cost_changes_decomposed (volume, share and rate in cents: the formulas are
    in its header). Here: the amounts, adjustments = adjustment rows (corrections of closed
    months) this month minus last month, per row volume + share + rate + adjustments = change
    exactly (and so per cost category), and the unit costs. The first month built has no previous
    month: has_previous_month is false and the parts are null.
-#}
{%- set unit_cost = fairshare.ratio_to_decimal(
    fairshare.int_wide('decomposed.cents') ~ ' * 10000000', 'decomposed.quantity_nano', 6
) -%}
{%- set previous_unit_cost = fairshare.ratio_to_decimal(
    fairshare.int_wide('decomposed.previous_cents') ~ ' * 10000000', 'decomposed.previous_quantity_nano', 6
) -%}
{%- set total = 'decomposed.cents + decomposed.adjustment_cents' -%}
{%- set previous_total = 'decomposed.previous_cents + decomposed.previous_adjustment_cents' -%}
{%- set adjustments = 'decomposed.adjustment_cents - decomposed.previous_adjustment_cents' -%}
with

decomposed as (
    select * from {{ ref('int_cost_changes_decomposed') }}
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        {{ fairshare.insights_month_before(1) }} as previous_month,
        decomposed.cost_center_code,
        decomposed.cost_center_name,
        decomposed.cost_category,
        decomposed.product_sku,
        decomposed.product_name,
        decomposed.product_allocation_method,
        case when decomposed.is_metered then 'metered' else 'shared' end as cost_model,
        decomposed.driver_name,
        decomposed.driver_unit,
        decomposed.has_previous_month,
        decomposed.is_billed_before,
        decomposed.is_billed_now,
        {{ fairshare.cents_to_amount(total) }} as amount,
        {{ fairshare.cents_to_amount(previous_total) }} as previous_amount,
        {{ fairshare.cents_to_amount('(' ~ total ~ ') - (' ~ previous_total ~ ')') }} as change_amount,
        case when decomposed.has_previous_month then {{ fairshare.cents_to_amount('decomposed.volume_cents') }} end
            as volume_amount,
        case when decomposed.has_previous_month then {{ fairshare.cents_to_amount('decomposed.share_cents') }} end
            as share_amount,
        case when decomposed.has_previous_month then {{ fairshare.cents_to_amount('decomposed.rate_cents') }} end
            as rate_amount,
        case
            when decomposed.has_previous_month
                then {{ fairshare.cents_to_amount(adjustments) }}
        end as adjustments_amount,
        cast(({{ total }}) - ({{ previous_total }}) as {{ dbt.type_bigint() }}) as change_cents,
        cast(decomposed.volume_cents as {{ dbt.type_bigint() }}) as volume_cents,
        cast(decomposed.share_cents as {{ dbt.type_bigint() }}) as share_cents,
        cast(decomposed.rate_cents as {{ dbt.type_bigint() }}) as rate_cents,
        cast({{ adjustments }} as {{ dbt.type_bigint() }}) as adjustments_cents,
        {{ fairshare.scaled_to_decimal('decomposed.quantity_nano', 9) }} as driver_quantity,
        {{ fairshare.scaled_to_decimal('decomposed.previous_quantity_nano', 9) }} as previous_driver_quantity,
        {{ fairshare.scaled_to_decimal('decomposed.driver_total_nano', 9) }} as driver_total,
        {{ fairshare.scaled_to_decimal('decomposed.previous_driver_total_nano', 9) }} as previous_driver_total,
        {{ fairshare.cents_to_amount('decomposed.line_cents') }} as line_amount,
        {{ fairshare.cents_to_amount('decomposed.previous_line_cents') }} as previous_line_amount,
        case
            when decomposed.quantity_nano > 0
                then cast({{ unit_cost }} as {{ fairshare.type_decimal(38, 6) }})
        end as unit_cost,
        case
            when decomposed.previous_quantity_nano > 0
                then cast({{ previous_unit_cost }} as {{ fairshare.type_decimal(38, 6) }})
        end as previous_unit_cost,
        decomposed.currency
    from decomposed
)

select * from final

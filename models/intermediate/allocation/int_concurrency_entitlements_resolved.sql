{#-
    Contracted concurrent users per cost center for var('billing_month'): concurrent_entitlement when
    set, else concurrent_entitlement_share x the month's prepaid concurrent quantity (the quantity of
    the invoice's concurrent_peak line(s); the shares scale with the contract). ORPHAN (concurrent
    users with no department) is entitled to nothing.
-#}
with

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

slices_by_cost_center as (
    select * from {{ ref('int_concurrency_slices_by_cost_center') }}
    where billing_month = {{ fairshare.billing_month() }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

prepaid as (
    select cast(sum(quantity) as {{ fairshare.type_quantity() }}) as prepaid_quantity
    from invoice_lines
    where allocation_method = 'concurrent_peak'
),

active_cost_centers as (
    select cost_center_code
    from cost_centers
    where
        (active_from is null or active_from < {{ fairshare.billing_month_next() }})
        and (active_to is null or active_to >= {{ fairshare.billing_month() }})
),

observed_cost_centers as (
    select distinct cost_center_code
    from slices_by_cost_center
),

all_cost_centers as (
    select cost_center_code from active_cost_centers
    union all
    select cost_center_code from observed_cost_centers
),

distinct_cost_centers as (
    select distinct cost_center_code
    from all_cost_centers
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        distinct_cost_centers.cost_center_code,
        cast(coalesce(
            cost_centers.concurrent_entitlement,
            cost_centers.concurrent_entitlement_share * prepaid.prepaid_quantity,
            0
        ) as {{ fairshare.type_decimal(18, 6) }}) as entitlement,
        prepaid.prepaid_quantity
    from distinct_cost_centers
    cross join prepaid
    left join cost_centers
        on distinct_cost_centers.cost_center_code = cost_centers.cost_center_code
)

select * from final

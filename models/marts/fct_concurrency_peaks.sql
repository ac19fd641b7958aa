{{ config(**fairshare.monthly_partition()) }}
{#-
    The concurrency evidence of var('billing_month') for charts and audits: every slice of the month
    x every cost center (active ones, and ORPHAN when some concurrent users had no department),
    zeros included.
-#}
{%- set slice_ms = fairshare.concurrency_slice_ms() -%}
with

evaluated as (
    select * from {{ ref('int_concurrency_peaks_evaluated') }}
),

entitlements as (
    select * from {{ ref('int_concurrency_entitlements_resolved') }}
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

slice_spine as (
    {{ fairshare.slice_index_spine() }}
),

month_slices as (
    select
        slice_index,
        {{ fairshare.billing_month_offset('slice_index * ' ~ slice_ms) }} as slice_started_at,
        {{ fairshare.billing_month_offset('(slice_index + 1) * ' ~ slice_ms) }} as slice_ended_at
    from slice_spine
    where slice_index < {{ fairshare.billing_month_slices() }}
),

org_slices as (
    select
        slice_index,
        max(org_concurrent_users) as org_concurrent_users
    from evaluated
    group by 1
),

org_peak as (
    select max(org_billed_peak) as org_billed_peak
    from evaluated
),

own_peaks as (
    select
        cost_center_code,
        max(own_billed_peak) as own_billed_peak
    from evaluated
    group by 1
),

grid as (
    select
        month_slices.slice_index,
        month_slices.slice_started_at,
        month_slices.slice_ended_at,
        entitlements.cost_center_code,
        entitlements.entitlement,
        entitlements.prepaid_quantity
    from month_slices
    cross join entitlements
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        grid.slice_index,
        grid.slice_started_at,
        grid.slice_ended_at,
        grid.cost_center_code,
        coalesce(cost_centers.cost_center_name, grid.cost_center_code) as cost_center_name,
        coalesce(evaluated.concurrent_users, 0) as concurrent_users,
        coalesce(evaluated.borrowed_users, 0) as borrowed_users,
        grid.entitlement,
        coalesce(evaluated.excess, 0) as excess,
        coalesce(evaluated.is_org_peak_slice, false) as is_org_peak_slice,
        coalesce(org_slices.org_concurrent_users, 0) as org_concurrent_users,
        coalesce(org_peak.org_billed_peak, 0) as org_billed_peak,
        coalesce(own_peaks.own_billed_peak, 0) as own_billed_peak,
        grid.prepaid_quantity
    from grid
    cross join org_peak
    left join evaluated
        on
            grid.slice_index = evaluated.slice_index
            and grid.cost_center_code = evaluated.cost_center_code
    left join org_slices
        on grid.slice_index = org_slices.slice_index
    left join own_peaks
        on grid.cost_center_code = own_peaks.cost_center_code
    left join cost_centers
        on grid.cost_center_code = cost_centers.cost_center_code
)

select * from final

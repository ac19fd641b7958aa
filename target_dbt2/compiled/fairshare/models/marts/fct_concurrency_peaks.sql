with

evaluated as (
    select * from "dbt2"."intermediate"."int_concurrency_peaks_evaluated"
),

entitlements as (
    select * from "dbt2"."intermediate"."int_concurrency_entitlements_resolved"
),

cost_centers as (
    select * from "dbt2"."config"."cost_centers"
),

slice_spine as (
    select
        cast( d0.digit * 1 + d1.digit * 10 + d2.digit * 100 + d3.digit * 1000
        as bigint) as slice_index
    from
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d0,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d1,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d2,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d3
        
),

month_slices as (
    select
        slice_index,
        make_timestamp(cast(1790812800000 + slice_index * 900000 as bigint) * 1000) as slice_started_at,
        make_timestamp(cast(1790812800000 + (slice_index + 1) * 900000 as bigint) * 1000) as slice_ended_at
    from slice_spine
    where slice_index < 2976
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
        cast('2026-10-01' as date) as billing_month,
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
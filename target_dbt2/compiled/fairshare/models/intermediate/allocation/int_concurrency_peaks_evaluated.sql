with

slices_by_cost_center as (
    select * from "dbt2"."intermediate"."int_concurrency_slices_by_cost_center"
),

entitlements as (
    select * from "dbt2"."intermediate"."int_concurrency_entitlements_resolved"
),

org_slices as (
    select
        slice_index,
        1 as org,
        sum(concurrent_users) as org_concurrent_users
    from slices_by_cost_center
    group by 1
),

org_peak__ranked as (
    select
        org,
        org_concurrent_users as users,
        row_number() over (partition by org order by org_concurrent_users desc) as level_rank
    from org_slices
),

org_peak as (
    select
        org,
        max(case when level_rank = 2 then users else 0 end) as billed_peak
    from org_peak__ranked
    group by org
),

own_peaks__ranked as (
    select
        cost_center_code,
        concurrent_users as users,
        row_number() over (partition by cost_center_code order by concurrent_users desc) as level_rank
    from slices_by_cost_center
),

own_peaks as (
    select
        cost_center_code,
        max(case when level_rank = 2 then users else 0 end) as billed_peak
    from own_peaks__ranked
    group by cost_center_code
),

evaluated as (
    select
        slices_by_cost_center.slice_index,
        slices_by_cost_center.slice_started_at,
        slices_by_cost_center.cost_center_code,
        slices_by_cost_center.concurrent_users,
        slices_by_cost_center.borrowed_users,
        coalesce(entitlements.entitlement, 0) as entitlement,
        entitlements.prepaid_quantity,
        org_slices.org_concurrent_users,
        org_peak.billed_peak as org_billed_peak,
        own_peaks.billed_peak as own_billed_peak,
        coalesce(
            org_peak.billed_peak > 0 and org_slices.org_concurrent_users >= org_peak.billed_peak,
            false
        ) as is_org_peak_slice
    from slices_by_cost_center
    inner join org_slices
        on slices_by_cost_center.slice_index = org_slices.slice_index
    inner join org_peak
        on org_slices.org = org_peak.org
    inner join own_peaks
        on slices_by_cost_center.cost_center_code = own_peaks.cost_center_code
    left join entitlements
        on slices_by_cost_center.cost_center_code = entitlements.cost_center_code
),

with_excess as (
    select
        evaluated.*,
        case
            when concurrent_users > entitlement then concurrent_users - entitlement
            else 0
        end as excess
    from evaluated
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        cast(slice_index as bigint) as slice_index,
        slice_started_at,
        cost_center_code,
        cast(concurrent_users as bigint) as concurrent_users,
        cast(borrowed_users as bigint) as borrowed_users,
        cast(entitlement as decimal(18, 6)) as entitlement,
        cast(excess as decimal(18, 6)) as excess,
        cast(round(excess * 1000000, 0) as bigint) as excess_micro,
        cast(org_concurrent_users as bigint) as org_concurrent_users,
        cast(org_billed_peak as bigint) as org_billed_peak,
        cast(own_billed_peak as bigint) as own_billed_peak,
        is_org_peak_slice,
        prepaid_quantity
    from with_excess
)

select * from final
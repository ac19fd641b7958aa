
    

    create  table
      "dbt1"."intermediate"."int_concurrency_peaks_evaluated__dbt_tmp"
  
    
    as (
      with

slices_by_cost_center as (
    select * from "dbt1"."intermediate"."int_concurrency_slices_by_cost_center"
),

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
),

invoice_lines as (
    select * from "dbt1"."intermediate"."int_invoice_lines_classified"
),

prepaid as (
    select sum(quantity) as prepaid_quantity
    from invoice_lines
    where allocation_method = 'concurrent_peak'
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
        make_timestamp(cast(1790812800000 + slice_index * 900000 as bigint) * 1000) as slice_started_at
    from slice_spine
    where slice_index < 2976
),

active_cost_centers as (
    select cost_center_code
    from cost_centers
    where
        (active_from is null or active_from < cast('2026-11-01' as date))
        and (active_to is null or active_to >= cast('2026-10-01' as date))
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

grid_cost_centers as (
    select distinct cost_center_code
    from all_cost_centers
),

entitlements as (
    select
        grid_cost_centers.cost_center_code,
        cast(coalesce(
            cost_centers.concurrent_entitlement_share * prepaid.prepaid_quantity,
            cost_centers.concurrent_entitlement,
            0
        ) as decimal(18, 6)) as entitlement,
        prepaid.prepaid_quantity
    from grid_cost_centers
    cross join prepaid
    left join cost_centers
        on grid_cost_centers.cost_center_code = cost_centers.cost_center_code
),

grid as (
    select
        month_slices.slice_index,
        month_slices.slice_started_at,
        entitlements.cost_center_code,
        entitlements.entitlement,
        entitlements.prepaid_quantity,
        coalesce(slices_by_cost_center.concurrent_users, 0) as concurrent_users,
        coalesce(slices_by_cost_center.borrowed_users, 0) as borrowed_users
    from month_slices
    cross join entitlements
    left join slices_by_cost_center
        on
            month_slices.slice_index = slices_by_cost_center.slice_index
            and entitlements.cost_center_code = slices_by_cost_center.cost_center_code
),

org_slices as (
    select
        slice_index,
        sum(concurrent_users) as org_concurrent_users
    from grid
    group by 1
),

org_one_partition as (
    select
        1 as org,
        org_concurrent_users
    from org_slices
),

org_peak__ranked as (
    select
        org,
        org_concurrent_users as users,
        row_number() over (partition by org order by org_concurrent_users desc) as level_rank
    from org_one_partition
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
    from grid
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
        grid.slice_index,
        grid.slice_started_at,
        grid.cost_center_code,
        grid.concurrent_users,
        grid.borrowed_users,
        grid.entitlement,
        grid.prepaid_quantity,
        org_slices.org_concurrent_users,
        org_peak.billed_peak as org_billed_peak,
        own_peaks.billed_peak as own_billed_peak,
        coalesce(
            org_peak.billed_peak > 0 and org_slices.org_concurrent_users >= org_peak.billed_peak,
            false
        ) as is_org_peak_slice,
        case
            when grid.concurrent_users > grid.entitlement then grid.concurrent_users - grid.entitlement
            else cast(0 as decimal(18, 6))
        end as excess
    from grid
    inner join org_slices
        on grid.slice_index = org_slices.slice_index
    cross join org_peak
    inner join own_peaks
        on grid.cost_center_code = own_peaks.cost_center_code
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        cast(slice_index as bigint) as slice_index,
        slice_started_at,
        cost_center_code,
        cast(concurrent_users as bigint) as concurrent_users,
        cast(borrowed_users as bigint) as borrowed_users,
        entitlement,
        cast(excess as decimal(18, 6)) as excess,
        cast(round(excess * 1000000, 0) as bigint) as excess_micro,
        cast(org_concurrent_users as bigint) as org_concurrent_users,
        cast(org_billed_peak as bigint) as org_billed_peak,
        cast(own_billed_peak as bigint) as own_billed_peak,
        is_org_peak_slice,
        prepaid_quantity
    from evaluated
)

select * from final
    );
    
  
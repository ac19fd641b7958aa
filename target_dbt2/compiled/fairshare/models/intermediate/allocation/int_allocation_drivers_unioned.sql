with

telecom as (
    select * from "dbt2"."intermediate"."int_telecom_usage_aggregated_to_cost_centers"
),

named_users as (
    select * from "dbt2"."intermediate"."int_named_users_split_to_cost_centers"
),

concurrency as (
    select * from "dbt2"."intermediate"."int_concurrency_peaks_evaluated"
),

api_requests as (
    select * from "dbt2"."intermediate"."int_api_requests_aggregated_to_oauth_clients"
),

interactions as (
    select * from "dbt2"."intermediate"."int_interactions_aggregated_to_cost_centers"
),

fixed_splits as (
    select * from "dbt2"."config"."fixed_splits"
),

cost_centers as (
    select * from "dbt2"."config"."cost_centers"
),

telecom_drivers as (
    select
        'telecom_usage' as allocation_method,
        number_type,
        direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(cost_weight as hugeint) as driver_weight,
        (cast(((cast(attributed_ms as hugeint) - (((cast(attributed_ms as hugeint) % cast(60 as hugeint)) + cast(60 as hugeint)) % cast(60 as hugeint))) // cast(60 as hugeint)) as decimal(38, 0)) * cast(0.001 as decimal(38, 3))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from telecom
),

named_user_drivers as (
    select
        'named_users' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        product_sku,
        cost_center_code,
        sum(cast(user_share_ppb as hugeint)) as driver_weight,
        (cast(sum(cast(user_share_ppb as hugeint)) as decimal(38, 0)) * cast(0.000000001 as decimal(38, 9))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from named_users
    group by product_sku, cost_center_code
),

own_peaks as (
    select distinct
        cost_center_code,
        own_billed_peak
    from concurrency
),

concurrent_peak_drivers as (
    select
        'concurrent_peak' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(own_billed_peak as hugeint) as driver_weight,
        (cast(own_billed_peak as decimal(38, 0)) * cast(1 as decimal(38, 0))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from own_peaks
),

peak_slice_excess as (
    select
        cost_center_code,
        count(*) as peak_slices,
        sum(cast(excess_micro as hugeint)) as excess_micro,
        sum(cast(concurrent_users as hugeint)) as peak_users
    from concurrency
    where is_org_peak_slice
    group by 1
),

org_excess as (
    select sum(excess_micro) as org_excess_micro
    from peak_slice_excess
),

overage_drivers as (
    select
        'overage_cause' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        peak_slice_excess.cost_center_code,
        case when org_excess.org_excess_micro > 0 then peak_slice_excess.excess_micro else peak_slice_excess.peak_users end as driver_weight,
        case
            when org_excess.org_excess_micro > 0
                then (cast(((cast(peak_slice_excess.excess_micro as hugeint) - (((cast(peak_slice_excess.excess_micro as hugeint) % cast(peak_slice_excess.peak_slices as hugeint)) + cast(peak_slice_excess.peak_slices as hugeint)) % cast(peak_slice_excess.peak_slices as hugeint))) // cast(peak_slice_excess.peak_slices as hugeint)) as decimal(38, 0)) * cast(0.000001 as decimal(38, 6)))
            else (cast(((cast(peak_slice_excess.peak_users * 1000000 as hugeint) - (((cast(peak_slice_excess.peak_users * 1000000 as hugeint) % cast(peak_slice_excess.peak_slices as hugeint)) + cast(peak_slice_excess.peak_slices as hugeint)) % cast(peak_slice_excess.peak_slices as hugeint))) // cast(peak_slice_excess.peak_slices as hugeint)) as decimal(38, 0)) * cast(0.000001 as decimal(38, 6)))
        end as driver_quantity,
        cast(null as TEXT) as driver_variant
    from peak_slice_excess
    cross join org_excess
),

api_drivers as (
    select
        'api_requests' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        coalesce(cost_center_code, 'ORPHAN') as cost_center_code,
        sum(cast(request_count as hugeint)) as driver_weight,
        (cast(sum(request_count) as decimal(38, 0)) * cast(1 as decimal(38, 0))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from api_requests
    group by coalesce(cost_center_code, 'ORPHAN')
),

ai_drivers as (
    select
        'ai_usage' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(bot_ms as hugeint) as driver_weight,
        (cast(((cast(bot_ms as hugeint) - (((cast(bot_ms as hugeint) % cast(60 as hugeint)) + cast(60 as hugeint)) % cast(60 as hugeint))) // cast(60 as hugeint)) as decimal(38, 0)) * cast(0.001 as decimal(38, 3))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from interactions
),

interaction_drivers as (
    select
        'pro_rata_interactions' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(interaction_ppb as hugeint) as driver_weight,
        (cast(interaction_ppb as decimal(38, 0)) * cast(0.000000001 as decimal(38, 9))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from interactions
),

handle_time_drivers as (
    select
        'pro_rata_handle_time' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(handled_ms as hugeint) as driver_weight,
        (cast(((cast(handled_ms as hugeint) - (((cast(handled_ms as hugeint) % cast(3600 as hugeint)) + cast(3600 as hugeint)) % cast(3600 as hugeint))) // cast(3600 as hugeint)) as decimal(38, 0)) * cast(0.001 as decimal(38, 3))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from interactions
),

fixed_split_drivers as (
    select
        'fixed_split' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        product_sku,
        cost_center_code,
        cast(cast(round(split_percent * 1000000, 0) as bigint) as hugeint) as driver_weight,
        cast(split_percent as decimal(38, 6)) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from fixed_splits
),

even_drivers as (
    select
        'even' as allocation_method,
        cast(null as TEXT) as number_type,
        cast(null as TEXT) as direction,
        cast(null as TEXT) as product_sku,
        cost_center_code,
        cast(1 as hugeint) as driver_weight,
        (cast(1 as decimal(38, 0)) * cast(1 as decimal(38, 0))) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from cost_centers
    where
        not coalesce(is_overhead, false)
        and (active_from is null or active_from < cast('2026-11-01' as date))
        and (active_to is null or active_to >= cast('2026-10-01' as date))
),

unioned as (
    select * from telecom_drivers
    union all
    select * from named_user_drivers
    union all
    select * from concurrent_peak_drivers
    union all
    select * from overage_drivers
    union all
    select * from api_drivers
    union all
    select * from ai_drivers
    union all
    select * from interaction_drivers
    union all
    select * from handle_time_drivers
    union all
    select * from fixed_split_drivers
    union all
    select * from even_drivers
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        allocation_method,
        number_type,
        direction,
        product_sku,
        cost_center_code,
        driver_weight,
        cast(driver_quantity as decimal(38, 6)) as driver_quantity,
        cast(null as TEXT) as driver_variant
    from unioned
)

select * from final
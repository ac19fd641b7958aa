{#-
    Every allocation driver of var('billing_month') in one shape: one row per allocation method x
    driver scope (number type/direction for telecom, product SKU for named users and fixed splits) x
    cost center, with an integer weight (exact shares are weight / total weight) and a display
    quantity in the driver's unit. ORPHAN rows carry the usage no department is responsible for
    (and untagged objects); the allocation applies var('orphan_policy') to them.
-#}
with

telecom as (
    select * from {{ ref('int_telecom_usage_aggregated_to_cost_centers') }}
),

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

concurrency as (
    select * from {{ ref('int_concurrency_peaks_evaluated') }}
),

api_requests as (
    select * from {{ ref('int_api_requests_aggregated_to_oauth_clients') }}
),

interactions as (
    select * from {{ ref('int_interactions_aggregated_to_cost_centers') }}
),

fixed_splits as (
    select * from {{ ref('stg_config__fixed_splits') }}
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

telecom_drivers as (
    select
        'telecom_usage' as allocation_method,
        number_type,
        direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('cost_weight') }} as driver_weight,
        cast({{ fairshare.ms_to_minutes('attributed_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from telecom
),

named_user_drivers as (
    select
        'named_users' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        product_sku,
        cost_center_code,
        sum({{ fairshare.int_wide('user_share_ppb') }}) as driver_weight,
        cast(
            {{ fairshare.ppb_to_share('sum(' ~ fairshare.int_wide('user_share_ppb') ~ ')') }}
            as {{ fairshare.type_decimal(38, 6) }}
        ) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
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
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('own_billed_peak') }} as driver_weight,
        cast(own_billed_peak as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from own_peaks
),

peak_slice_excess as (
    select
        cost_center_code,
        count(*) as peak_slices,
        sum({{ fairshare.int_wide('excess_micro') }}) as excess_micro,
        sum({{ fairshare.int_wide('concurrent_users') }}) as peak_users
    from concurrency
    where is_org_peak_slice
    group by cost_center_code
),

org_excess as (
    select sum(excess_micro) as org_excess_micro
    from peak_slice_excess
),

overage_drivers as (
    select
        'overage_cause' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        peak_slice_excess.cost_center_code,
        {{ fairshare.overage_cause_weight(
            'peak_slice_excess.excess_micro',
            'peak_slice_excess.peak_users',
            'org_excess.org_excess_micro'
        ) }} as driver_weight,
        cast(case
            when org_excess.org_excess_micro > 0
                then {{ fairshare.scaled_to_decimal(
                    fairshare.int_div('peak_slice_excess.excess_micro', 'peak_slice_excess.peak_slices'), 6
                ) }}
            else {{ fairshare.scaled_to_decimal(
                fairshare.int_div('peak_slice_excess.peak_users * 1000000', 'peak_slice_excess.peak_slices'), 6
            ) }}
        end as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        case
            when org_excess.org_excess_micro > 0 then 'excess_over_entitlement'
            else 'concurrency_at_peak'
        end as driver_variant
    from peak_slice_excess
    cross join org_excess
),

api_drivers as (
    select
        'api_requests' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        {{ fairshare.orphan_code('cost_center_code') }} as cost_center_code,
        sum({{ fairshare.int_wide('request_count') }}) as driver_weight,
        cast(sum(request_count) as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from api_requests
    group by {{ fairshare.orphan_code('cost_center_code') }}
),

ai_drivers as (
    select
        'ai_usage' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('bot_ms') }} as driver_weight,
        cast({{ fairshare.ms_to_minutes('bot_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from interactions
),

interaction_drivers as (
    select
        'pro_rata_interactions' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('interaction_ppb') }} as driver_weight,
        cast({{ fairshare.ppb_to_share('interaction_ppb') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from interactions
),

handle_time_drivers as (
    select
        'pro_rata_handle_time' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('handled_ms') }} as driver_weight,
        cast({{ fairshare.ms_to_hours('handled_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from interactions
),

fixed_split_drivers as (
    select
        'fixed_split' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        product_sku,
        cost_center_code,
        {{ fairshare.int_wide(fairshare.to_micro_units('split_percent')) }} as driver_weight,
        cast(split_percent as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from fixed_splits
),

even_drivers as (
    select
        'even' as allocation_method,
        cast(null as {{ dbt.type_string() }}) as number_type,
        cast(null as {{ dbt.type_string() }}) as direction,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        cost_center_code,
        {{ fairshare.int_wide('1') }} as driver_weight,
        cast(1 as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from cost_centers
    where
        not coalesce(is_overhead, false)
        and (active_from is null or active_from < {{ fairshare.billing_month_next() }})
        and (active_to is null or active_to >= {{ fairshare.billing_month() }})
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
        {{ fairshare.billing_month() }} as billing_month,
        allocation_method,
        number_type,
        direction,
        product_sku,
        cost_center_code,
        driver_weight,
        cast(driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        driver_variant
    from unioned
)

select * from final

{{ config(materialized='view') }}
{#-
    The allocation drivers of the licences, for the billing month (int_allocation_drivers_unioned
    unions them with the usage and agreed drivers): one row per allocation method x driver scope x
    cost center with an integer weight and a display quantity:
    - named_users: billable named users per product SKU (parts per billion of a user);
    - concurrent_peak: the cost center's own billed peak of concurrent users;
    - overage_cause: the cost center's users above its entitlement at the org's peak slices
      (driver_variant excess_over_entitlement), or, when nobody exceeded, its users at the peak
      (concurrency_at_peak). A view (read once).
-#}
with

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

concurrency as (
    select * from {{ ref('int_concurrency_peaks_evaluated') }}
),

named_user_drivers as (
    select
        'named_users' as allocation_method,
        product_sku,
        cost_center_code,
        sum({{ fairshare.int_wide('user_share_ppb') }}) as driver_weight,
        cast(
            {{ fairshare.ppb_to_share('sum(' ~ fairshare.int_wide('user_share_ppb') ~ ')') }}
            as {{ fairshare.type_decimal(38, 6) }}
        ) as driver_quantity
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
        cost_center_code,
        {{ fairshare.int_wide('own_billed_peak') }} as driver_weight,
        cast(own_billed_peak as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
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

final as (
    {{ fairshare.union_padded([
        ['named_user_drivers', ['allocation_method', 'product_sku', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['concurrent_peak_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['overage_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity', 'driver_variant']],
    ], fairshare.allocation_driver_columns()) }}
)

select * from final

{#-
    The concurrency evidence of var('billing_month'), one row per slice x cost center with users
    logged in: the org's total in the slice, the org's billed peak and each department's own billed
    peak the Genesys way (the highest level held for at least var('concurrency_peak_min_minutes') in
    total, not necessarily contiguous: the k-th largest slice, k = peak minutes / slice minutes),
    is_org_peak_slice (org concurrency at or above the org's billed peak), the entitlement and the
    excess over it. Slices nobody was logged in are left out here (they change no peak: a level
    reached in fewer than k slices is 0 either way); fct_concurrency_peaks shows every slice.
-#}
with

slices_by_cost_center as (
    select * from {{ ref('int_concurrency_slices_by_cost_center') }}
    where billing_month = {{ fairshare.billing_month() }}
),

entitlements as (
    select * from {{ ref('int_concurrency_entitlements_resolved') }}
),

org_slices as (
    select
        slice_index,
        1 as org,
        sum(concurrent_users) as org_concurrent_users
    from slices_by_cost_center
    group by 1
),

{{ fairshare.billed_peak('org_slices', 'org_peak', ['org'], 'org_concurrent_users') }},

{{ fairshare.billed_peak('slices_by_cost_center', 'own_peaks', ['cost_center_code'], 'concurrent_users') }},

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
        *,
        case
            when concurrent_users > entitlement then concurrent_users - entitlement
            else 0
        end as excess
    from evaluated
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        cast(slice_index as {{ dbt.type_bigint() }}) as slice_index,
        slice_started_at,
        cost_center_code,
        cast(concurrent_users as {{ dbt.type_bigint() }}) as concurrent_users,
        cast(borrowed_users as {{ dbt.type_bigint() }}) as borrowed_users,
        cast(entitlement as {{ fairshare.type_decimal(18, 6) }}) as entitlement,
        cast(excess as {{ fairshare.type_decimal(18, 6) }}) as excess,
        {{ fairshare.to_micro_units('excess') }} as excess_micro,
        cast(org_concurrent_users as {{ dbt.type_bigint() }}) as org_concurrent_users,
        cast(org_billed_peak as {{ dbt.type_bigint() }}) as org_billed_peak,
        cast(own_billed_peak as {{ dbt.type_bigint() }}) as own_billed_peak,
        is_org_peak_slice,
        prepaid_quantity
    from with_excess
)

select * from final

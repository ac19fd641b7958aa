{{ config(**fairshare.monthly_partition()) }}
{#-
    The concurrent-licence month of var('billing_month') in one row per scope: the organisation
    (scope_code 'ORGANISATION') and every cost center (not ORPHAN). The evidence the licence
    advisor (fct_licence_advice) reads for each month it keeps.
    - organisation: the prepaid (contracted) concurrent users and their cost, the overage users the
      vendor billed and their cost (the invoice's concurrent_peak and overage_cause lines), the
      invoice's unit prices, the measured billed peak, the highest concurrency, and how often the
      organisation was above the contract: slices, hours and days;
    - cost center: its entitlement, own billed peak and highest concurrency, how often it was above
      its entitlement (slices, hours, days), at the organisation's peak slices (slices above, the
      average excess), and what it paid for prepaid concurrent users and for the overage.
-#}
{%- set slice_minutes = var('concurrency_slice_minutes') | int -%}
with

peaks as (
    select * from {{ ref('fct_concurrency_peaks') }}
    where billing_month = {{ fairshare.billing_month() }}
),

concurrency_lines as (
    select * from {{ ref('invoice_lines') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and allocation_method <> 'adjustment'
        and product_allocation_method in ('concurrent_peak', 'overage_cause')
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

vendor_lines as (
    select
        invoice_id,
        invoice_line_id,
        max(product_allocation_method) as line_method,
        max(currency) as currency,
        sum(amount_cents) as line_cents,
        max(vendor_line_quantity) as line_quantity
    from concurrency_lines
    group by 1, 2
),

contract as (
    select
        max(currency) as currency,
        sum(case when line_method = 'concurrent_peak' then line_cents else 0 end) as prepaid_cents,
        sum(case when line_method = 'concurrent_peak' then line_quantity else 0 end) as prepaid_users,
        sum(case when line_method = 'overage_cause' then line_cents else 0 end) as overage_cents,
        sum(case when line_method = 'overage_cause' then line_quantity else 0 end) as overage_users
    from vendor_lines
),

org_slices as (
    select
        slice_index,
        max(slice_started_at) as slice_started_at,
        max(org_concurrent_users) as org_users,
        max(org_billed_peak) as org_billed_peak
    from peaks
    group by 1
),

org_row as (
    select
        'ORGANISATION' as scope_code,
        'Organisation' as scope_name,
        max(org_slices.org_billed_peak) as billed_peak,
        max(org_slices.org_users) as highest_users,
        cast(null as {{ fairshare.type_decimal(20, 6) }}) as entitlement,
        sum(case when org_slices.org_users > contract.prepaid_users then 1 else 0 end) as slices_above,
        count(distinct case
            when org_slices.org_users > contract.prepaid_users then cast(org_slices.slice_started_at as date)
        end) as days_above,
        cast(null as {{ dbt.type_bigint() }}) as peak_slices_above,
        cast(null as {{ dbt.type_bigint() }}) as excess_micro_at_org_peak,
        cast(null as {{ dbt.type_bigint() }}) as org_peak_slices,
        max(contract.prepaid_cents) as concurrent_cents,
        max(contract.overage_cents) as overage_cents
    from org_slices
    cross join contract
),

center_rows as (
    select
        peaks.cost_center_code as scope_code,
        max(coalesce(cost_centers.cost_center_name, peaks.cost_center_code)) as scope_name,
        max(peaks.own_billed_peak) as billed_peak,
        max(peaks.concurrent_users) as highest_users,
        max(peaks.entitlement) as entitlement,
        sum(case when peaks.concurrent_users > peaks.entitlement then 1 else 0 end) as slices_above,
        count(distinct case
            when peaks.concurrent_users > peaks.entitlement then cast(peaks.slice_started_at as date)
        end) as days_above,
        sum(case when peaks.is_org_peak_slice and peaks.excess > 0 then 1 else 0 end) as peak_slices_above,
        sum(case when peaks.is_org_peak_slice then {{ fairshare.to_micro_units('peaks.excess') }} else 0 end)
            as excess_micro_at_org_peak,
        sum(case when peaks.is_org_peak_slice then 1 else 0 end) as org_peak_slices,
        cast(null as {{ dbt.type_bigint() }}) as concurrent_cents,
        cast(null as {{ dbt.type_bigint() }}) as overage_cents
    from peaks
    left join cost_centers
        on peaks.cost_center_code = cost_centers.cost_center_code
    where peaks.cost_center_code <> 'ORPHAN'
    group by 1
),

center_payments as (
    select
        cost_center_code,
        sum(case when product_allocation_method = 'concurrent_peak' then amount_cents else 0 end) as concurrent_cents,
        sum(case when product_allocation_method = 'overage_cause' then amount_cents else 0 end) as overage_cents
    from concurrency_lines
    group by 1
),

scopes as (
    select * from org_row
    union all
    select
        center_rows.scope_code,
        center_rows.scope_name,
        center_rows.billed_peak,
        center_rows.highest_users,
        center_rows.entitlement,
        center_rows.slices_above,
        center_rows.days_above,
        center_rows.peak_slices_above,
        center_rows.excess_micro_at_org_peak,
        center_rows.org_peak_slices,
        coalesce(center_payments.concurrent_cents, 0) as concurrent_cents,
        coalesce(center_payments.overage_cents, 0) as overage_cents
    from center_rows
    left join center_payments
        on center_rows.scope_code = center_payments.cost_center_code
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        scopes.scope_code,
        scopes.scope_name,
        scopes.scope_code = 'ORGANISATION' as is_organisation,
        coalesce(contract.currency, '{{ var("currency") }}') as currency,
        cast(contract.prepaid_users as {{ fairshare.type_decimal(20, 6) }}) as prepaid_users,
        cast(contract.overage_users as {{ fairshare.type_decimal(20, 6) }}) as overage_users,
        cast(contract.prepaid_cents as {{ dbt.type_bigint() }}) as prepaid_cents,
        cast(contract.overage_cents as {{ dbt.type_bigint() }}) as org_overage_cents,
        case
            when contract.prepaid_users > 0
                then cast({{ fairshare.ratio_to_decimal(
                    fairshare.int_wide('contract.prepaid_cents') ~ ' * 10000',
                    fairshare.to_micro_units('contract.prepaid_users'), 4
                ) }} as {{ fairshare.type_decimal(18, 4) }})
        end as prepaid_unit_price,
        case
            when contract.overage_users > 0
                then cast({{ fairshare.ratio_to_decimal(
                    fairshare.int_wide('contract.overage_cents') ~ ' * 10000',
                    fairshare.to_micro_units('contract.overage_users'), 4
                ) }} as {{ fairshare.type_decimal(18, 4) }})
        end as overage_unit_price,
        cast(scopes.billed_peak as {{ dbt.type_bigint() }}) as billed_peak,
        cast(scopes.highest_users as {{ dbt.type_bigint() }}) as highest_users,
        scopes.entitlement,
        cast(scopes.slices_above as {{ dbt.type_bigint() }}) as slices_above,
        cast(
            {{ fairshare.ratio_to_decimal('scopes.slices_above * ' ~ slice_minutes, '60', 2) }}
            as {{ fairshare.type_decimal(18, 2) }}
        ) as hours_above,
        cast(scopes.days_above as {{ dbt.type_bigint() }}) as days_above,
        cast(scopes.peak_slices_above as {{ dbt.type_bigint() }}) as peak_slices_above,
        case
            when scopes.org_peak_slices > 0
                then cast({{ fairshare.ratio_to_decimal(
                    'scopes.excess_micro_at_org_peak', 'scopes.org_peak_slices * 1000000', 6
                ) }} as {{ fairshare.type_decimal(20, 6) }})
        end as excess_at_org_peak,
        cast(scopes.concurrent_cents as {{ dbt.type_bigint() }}) as concurrent_cents,
        cast(scopes.overage_cents as {{ dbt.type_bigint() }}) as overage_cents,
        {{ fairshare.cents_to_amount('scopes.concurrent_cents') }} as concurrent_amount,
        {{ fairshare.cents_to_amount('scopes.overage_cents') }} as overage_amount
    from scopes
    cross join contract
)

select * from final

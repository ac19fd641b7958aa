{{ config(**fairshare.monthly_partition()) }}
{#-
    The licence advisor of var('billing_month'): over the months kept (the last
    var('licence_advisor_months') months of fct_licence_months, this one included), what the
    concurrent licences would have cost with N more (or fewer) prepaid users, at the invoice's unit
    prices of each month. One row per scope (the organisation, each cost center) and N.

    Organisation, month i with P prepaid users at u per user, O overage users billed at v each:
        cost_i(N) = P x u + N x u + max(0, O - N) x v
    N runs from -(the fewest prepaid users left unused in any month kept: lowering the contract by
    that many never creates overage) to the most overage users of any month kept.
    Cost center, month i, having paid `paid` of the overage:
        cost_i(N) = N x u + max(0, paid - N x v)
    i.e. it buys N prepaid users itself and the overage it caused shrinks by N users; N from 0 to the
    most overage users of any month kept.
    Each product is rounded half up to the cent per month; what_if_amount = the sum over the months
    kept, actual_amount = the same for N = 0 (what was paid), savings = actual - what_if. The
    recommended N (is_recommended) has the lowest cost, ties going to the smallest change.
-#}
{%- set window = var('licence_advisor_months', 6) | int -%}
with

months as (
    select * from {{ ref('fct_licence_months') }}
    where
        billing_month >= {{ fairshare.insights_month_before(window - 1) }}
        and billing_month <= {{ fairshare.billing_month() }}
),

org_months as (
    select
        billing_month,
        currency,
        {{ fairshare.to_micro_units('prepaid_users') }} as prepaid_micro,
        {{ fairshare.to_micro_units('overage_users') }} as overage_micro,
        prepaid_cents,
        org_overage_cents,
        billed_peak
    from months
    where is_organisation
),

bounds as (
    select
        count(*) as window_months,
        min(billing_month) as first_month,
        sum(case when overage_micro > 0 then 1 else 0 end) as months_with_overage,
        coalesce(-{{ fairshare.int_div('-max(overage_micro)', '1000000') }}, 0) as max_overage_users,
        coalesce(min(
            case
                when prepaid_micro > 0
                    then greatest({{ fairshare.int_div('prepaid_micro', '1000000') }} - coalesce(billed_peak, 0), 0)
            end
        ), 0) as min_unused_users
    from org_months
),

-- N from 0 to 9,999 users (a contract's prepaid users and overage stay far below)
spine as (
    select spine_number as slice_index
    from ({{ fairshare.number_spine(10000) }}) as numbers
),

org_steps as (
    select spine.slice_index - bounds.min_unused_users as extra_users
    from spine
    cross join bounds
    where spine.slice_index <= bounds.max_overage_users + bounds.min_unused_users
),

center_steps as (
    select spine.slice_index as extra_users
    from spine
    cross join bounds
    where spine.slice_index <= bounds.max_overage_users
),

org_costs as (
    select
        'ORGANISATION' as scope_code,
        'Organisation' as scope_name,
        org_steps.extra_users,
        org_months.billing_month,
        org_months.currency,
        org_months.prepaid_cents
        + case
            when org_months.prepaid_micro > 0
                then {{ fairshare.mul_div_half_up(
                    fairshare.int_wide('org_steps.extra_users') ~ ' * ' ~ fairshare.int_wide('org_months.prepaid_cents'),
                    '1000000', 'org_months.prepaid_micro'
                ) }}
            else 0
        end
        + case
            when org_months.overage_micro > 0
                then {{ fairshare.mul_div_half_up(
                    'greatest(org_months.overage_micro - org_steps.extra_users * 1000000, 0)',
                    'org_months.org_overage_cents', 'org_months.overage_micro'
                ) }}
            else 0
        end as cost_cents
    from org_steps
    cross join org_months
),

center_months as (
    select
        months.billing_month,
        months.scope_code,
        months.scope_name,
        months.overage_cents as paid_cents,
        org_months.currency,
        org_months.prepaid_micro,
        org_months.prepaid_cents,
        org_months.overage_micro,
        org_months.org_overage_cents
    from months
    inner join org_months
        on months.billing_month = org_months.billing_month
    where
        not months.is_organisation
        and months.scope_code in (
            select current_scopes.scope_code
            from months as current_scopes
            where
                current_scopes.billing_month = {{ fairshare.billing_month() }}
                and not current_scopes.is_organisation
        )
),

center_costs as (
    select
        center_months.scope_code,
        center_months.scope_name,
        center_steps.extra_users,
        center_months.billing_month,
        center_months.currency,
        case
            when center_months.prepaid_micro > 0
                then {{ fairshare.mul_div_half_up(
                    fairshare.int_wide('center_steps.extra_users') ~ ' * ' ~ fairshare.int_wide('center_months.prepaid_cents'),
                    '1000000', 'center_months.prepaid_micro'
                ) }}
            else 0
        end
        + greatest(
            center_months.paid_cents
            - case
                when center_months.overage_micro > 0
                    then {{ fairshare.mul_div_half_up(
                        fairshare.int_wide('center_steps.extra_users') ~ ' * ' ~ fairshare.int_wide('center_months.org_overage_cents'),
                        '1000000', 'center_months.overage_micro'
                    ) }}
                else 0
            end,
            0
        ) as cost_cents
    from center_steps
    cross join center_months
),

costs as (
    select * from org_costs
    union all
    select * from center_costs
),

scenario_totals as (
    select
        scope_code,
        max(scope_name) as scope_name,
        extra_users,
        max(currency) as currency,
        sum(cost_cents) as what_if_cents
    from costs
    group by 1, 3
),

with_actual as (
    select
        scenario_totals.*,
        max(case when scenario_totals.extra_users = 0 then scenario_totals.what_if_cents end)
            over (partition by scenario_totals.scope_code)
            as actual_cents,
        row_number() over (
            partition by scenario_totals.scope_code
            order by scenario_totals.what_if_cents, abs(scenario_totals.extra_users), scenario_totals.extra_users
        ) as cost_rank
    from scenario_totals
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        with_actual.scope_code,
        with_actual.scope_name,
        with_actual.scope_code = 'ORGANISATION' as is_organisation,
        cast(with_actual.extra_users as {{ dbt.type_bigint() }}) as extra_users,
        cast(bounds.window_months as {{ dbt.type_bigint() }}) as window_months,
        bounds.first_month,
        cast(bounds.months_with_overage as {{ dbt.type_bigint() }}) as months_with_overage,
        with_actual.currency,
        {{ fairshare.cents_to_amount('with_actual.actual_cents') }} as actual_amount,
        {{ fairshare.cents_to_amount('with_actual.what_if_cents') }} as what_if_amount,
        {{ fairshare.cents_to_amount('with_actual.actual_cents - with_actual.what_if_cents') }} as savings_amount,
        cast(with_actual.actual_cents as {{ dbt.type_bigint() }}) as actual_cents,
        cast(with_actual.what_if_cents as {{ dbt.type_bigint() }}) as what_if_cents,
        with_actual.cost_rank = 1 as is_recommended
    from with_actual
    cross join bounds
)

select * from final

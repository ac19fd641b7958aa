{{ config(**fairshare.monthly_partition()) }}
{#-
    Unit economics of var('billing_month'): what one handled interaction, one handled minute, one
    logged-in agent hour and one user cost each cost center, fully loaded (the cost center's whole
    allocated cost of the month, adjustments for closed months excluded), with the drivers used.

    Rows (dimension_kind):
    - cost_center: the cost center's total and every driver: handled interactions (conversations
      started in the month, counted in part when shared), handled minutes (queue and agent time),
      agent hours (logged-in time of the concurrent-licence agents who counted for it,
      int_agent_time_split_to_cost_centers), named users (billed named licences, split by logged-in
      time), agents (concurrent-licence agents, split the same way) and users (named + agents);
    - media_type / queue: the cost center's cost apportioned to its media types and queues, with
      their interactions and handled minutes: its telecom usage cents by the measured trunk cost
      of the slices (by the conversation's media, by the queue responsible), every other cent by
      handled time. A part with no key (telecom of calls with no handled slice, cost with no
      handled time) is '(unattributed)'. Largest remainder: per cost center and kind, the rows add
      up to the cost center's total exactly.
    Unit costs are display decimals (4 places, half up); null when the driver is zero.

    Stages (models/intermediate/insights/): int_unit_cost_drivers_measured (the cost center rows:
    cost and drivers) and int_unit_costs_apportioned (the media type and queue rows); here the
    two are unioned, named (dim_cost_centers) and divided.
-#}
{%- set cents = fairshare.int_wide('measured.cost_cents') %}
with

drivers as (
    select * from {{ ref('int_unit_cost_drivers_measured') }}
),

apportioned as (
    select * from {{ ref('int_unit_costs_apportioned') }}
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

center_rows as (
    select
        cost_center_code,
        'cost_center' as dimension_kind,
        cost_center_code as dimension_value,
        cost_cents,
        interaction_ppb,
        handled_ms,
        agent_ms,
        agent_ppb,
        named_ppb,
        currency
    from drivers
),

dimension_rows as (
    select
        cost_center_code,
        dimension_kind,
        dimension_value,
        cost_cents,
        interaction_ppb,
        handled_ms,
        cast(null as {{ dbt.type_bigint() }}) as agent_ms,
        cast(null as {{ dbt.type_bigint() }}) as agent_ppb,
        cast(null as {{ dbt.type_bigint() }}) as named_ppb,
        currency
    from apportioned
),

all_rows as (
    select * from center_rows
    union all
    select * from dimension_rows
),

measured as (
    select
        *,
        case
            when agent_ppb is null and named_ppb is null then null
            else coalesce(agent_ppb, 0) + coalesce(named_ppb, 0)
        end as user_ppb
    from all_rows
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        measured.cost_center_code,
        coalesce(cost_centers.cost_center_name, measured.cost_center_code) as cost_center_name,
        measured.dimension_kind,
        measured.dimension_value,
        coalesce(measured.currency, '{{ var("currency") }}') as currency,
        {{ fairshare.cents_to_amount('measured.cost_cents') }} as cost,  -- noqa: RF04
        cast(measured.cost_cents as {{ dbt.type_bigint() }}) as cost_cents,
        cast(
            {{ fairshare.ppb_to_share('measured.interaction_ppb') }} as {{ fairshare.type_decimal(38, 9) }}
        ) as handled_interactions,
        cast(
            {{ fairshare.ratio_to_decimal('measured.handled_ms', '60000', 3) }} as {{ fairshare.type_decimal(38, 3) }}
        ) as handled_minutes,
        case
            when measured.agent_ms is not null
                then cast(
                    {{ fairshare.ratio_to_decimal('measured.agent_ms', '3600000', 3) }}
                    as {{ fairshare.type_decimal(38, 3) }}
                )
        end as agent_hours,
        case
            when measured.named_ppb is not null
                then cast({{ fairshare.ppb_to_share('measured.named_ppb') }} as {{ fairshare.type_decimal(38, 9) }})
        end as named_users,
        case
            when measured.agent_ppb is not null
                then cast({{ fairshare.ppb_to_share('measured.agent_ppb') }} as {{ fairshare.type_decimal(38, 9) }})
        end as agents,
        case
            when measured.user_ppb is not null
                then cast({{ fairshare.ppb_to_share('measured.user_ppb') }} as {{ fairshare.type_decimal(38, 9) }})
        end as users,  -- noqa: RF04
        {{ fairshare.unit_cost(cents, '10000000', 'measured.interaction_ppb') }} as cost_per_interaction,
        {{ fairshare.unit_cost(cents, '600', 'measured.handled_ms') }} as cost_per_handled_minute,
        {{ fairshare.unit_cost(cents, '36000', 'measured.agent_ms') }} as cost_per_agent_hour,
        {{ fairshare.unit_cost(cents, '10000000', 'measured.named_ppb') }} as cost_per_named_user,
        {{ fairshare.unit_cost(cents, '10000000', 'measured.user_ppb') }} as cost_per_user,
        cast(measured.interaction_ppb as {{ dbt.type_bigint() }}) as interaction_ppb,
        cast(measured.handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(measured.agent_ms as {{ dbt.type_bigint() }}) as agent_ms
    from measured
    left join cost_centers
        on measured.cost_center_code = cost_centers.cost_center_code
)

select * from final

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
-#}
{%- set cents = fairshare.int_wide('measured.cost_cents') %}
with

invoice_lines as (
    select * from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }} and allocation_method <> 'adjustment'
),

work as (
    select * from {{ ref('int_handled_work_by_dimension') }}
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

agents as (
    select * from {{ ref('int_agent_time_split_to_cost_centers') }}
),

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

costs as (
    select
        cost_center_code,
        max(currency) as currency,
        sum(amount_cents) as cost_cents,
        sum(case when product_allocation_method = 'telecom_usage' then amount_cents else 0 end) as telecom_cents,
        sum(case when product_allocation_method <> 'telecom_usage' then amount_cents else 0 end) as other_cents
    from invoice_lines
    group by 1
),

interaction_totals as (
    select
        cost_center_code,
        sum(interaction_share_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms
    from interactions
    where cost_center_code <> 'ORPHAN'
    group by 1
),

agent_totals as (
    select
        cost_center_code,
        sum(logged_in_ms) as agent_ms,
        sum(agent_share_ppb) as agent_ppb
    from agents
    where cost_center_code <> 'ORPHAN'
    group by 1
),

named_totals as (
    select
        cost_center_code,
        sum(user_share_ppb) as named_ppb
    from named_users
    where cost_center_code <> 'ORPHAN'
    group by 1
),

center_keys as (
    select distinct cost_center_code
    from (
        select cost_center_code from costs
        union all
        select cost_center_code from interaction_totals
        union all
        select cost_center_code from agent_totals
        union all
        select cost_center_code from named_totals
    ) as keyed
),

center_rows as (
    select
        center_keys.cost_center_code,
        'cost_center' as dimension_kind,
        center_keys.cost_center_code as dimension_value,
        coalesce(costs.cost_cents, 0) as cost_cents,
        coalesce(interaction_totals.interaction_ppb, 0) as interaction_ppb,
        coalesce(interaction_totals.handled_ms, 0) as handled_ms,
        agent_totals.agent_ms,
        agent_totals.agent_ppb,
        named_totals.named_ppb,
        costs.currency
    from center_keys
    left join costs
        on center_keys.cost_center_code = costs.cost_center_code
    left join interaction_totals
        on center_keys.cost_center_code = interaction_totals.cost_center_code
    left join agent_totals
        on center_keys.cost_center_code = agent_totals.cost_center_code
    left join named_totals
        on center_keys.cost_center_code = named_totals.cost_center_code
),

-- the apportioning keys of each cost center's two buckets, per dimension kind
kinds as (
    select 'media_type' as dimension_kind
    union all
    select 'queue' as dimension_kind
),

buckets as (
    select 'telecom' as bucket
    union all
    select 'other' as bucket
),

bucket_keys as (
    select
        work.cost_center_code,
        work.dimension_kind,
        work.dimension_value,
        'telecom' as bucket,
        cast(work.telecom_cost_weight as {{ fairshare.type_decimal(38, 0) }}) as apportion_weight
    from work
    union all
    select
        work.cost_center_code,
        work.dimension_kind,
        work.dimension_value,
        'other' as bucket,
        cast(work.handled_ms as {{ fairshare.type_decimal(38, 0) }}) as apportion_weight
    from work
),

bucket_weight_totals as (
    select
        cost_center_code,
        dimension_kind,
        bucket,
        sum(apportion_weight) as weight_total
    from bucket_keys
    group by 1, 2, 3
),

-- a bucket whose keys are all zero goes whole to '(unattributed)'
unattributed_keys as (
    select
        costs.cost_center_code,
        kinds.dimension_kind,
        '(unattributed)' as dimension_value,
        buckets.bucket,
        cast(1 as {{ fairshare.type_decimal(38, 0) }}) as apportion_weight
    from costs
    cross join kinds
    cross join buckets
    left join bucket_weight_totals
        on
            costs.cost_center_code = bucket_weight_totals.cost_center_code
            and kinds.dimension_kind = bucket_weight_totals.dimension_kind
            and buckets.bucket = bucket_weight_totals.bucket
    where coalesce(bucket_weight_totals.weight_total, 0) = 0
),

apportion_input as (
    select
        keyed.cost_center_code,
        keyed.dimension_kind,
        keyed.dimension_value,
        keyed.bucket,
        keyed.apportion_weight,
        case when keyed.bucket = 'telecom' then costs.telecom_cents else costs.other_cents end as bucket_cents
    from (
        select * from bucket_keys
        union all
        select * from unattributed_keys
    ) as keyed
    inner join costs
        on keyed.cost_center_code = costs.cost_center_code
),

{{ fairshare.largest_remainder(
    input_cte='apportion_input',
    output_cte='apportioned',
    partition_by=['cost_center_code', 'dimension_kind', 'bucket'],
    amount_column='bucket_cents',
    weight_column='apportion_weight',
    tie_break=['dimension_value'],
    output_column='apportioned_cents'
) }},

dimension_costs as (
    select
        cost_center_code,
        dimension_kind,
        dimension_value,
        sum(apportioned_cents) as cost_cents
    from apportioned
    group by 1, 2, 3
),

dimension_work as (
    select
        cost_center_code,
        dimension_kind,
        dimension_value,
        sum(interaction_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms
    from work
    group by 1, 2, 3
),

dimension_keys as (
    select distinct
        cost_center_code,
        dimension_kind,
        dimension_value
    from (
        select
            cost_center_code,
            dimension_kind,
            dimension_value
        from dimension_costs
        union all
        select
            cost_center_code,
            dimension_kind,
            dimension_value
        from dimension_work
    ) as keyed
),

dimension_rows as (
    select
        dimension_keys.cost_center_code,
        dimension_keys.dimension_kind,
        dimension_keys.dimension_value,
        coalesce(dimension_costs.cost_cents, 0) as cost_cents,
        coalesce(dimension_work.interaction_ppb, 0) as interaction_ppb,
        coalesce(dimension_work.handled_ms, 0) as handled_ms,
        cast(null as {{ dbt.type_bigint() }}) as agent_ms,
        cast(null as {{ dbt.type_bigint() }}) as agent_ppb,
        cast(null as {{ dbt.type_bigint() }}) as named_ppb,
        costs.currency
    from dimension_keys
    left join dimension_costs
        on
            dimension_keys.cost_center_code = dimension_costs.cost_center_code
            and dimension_keys.dimension_kind = dimension_costs.dimension_kind
            and dimension_keys.dimension_value = dimension_costs.dimension_value
    left join dimension_work
        on
            dimension_keys.cost_center_code = dimension_work.cost_center_code
            and dimension_keys.dimension_kind = dimension_work.dimension_kind
            and dimension_keys.dimension_value = dimension_work.dimension_value
    left join costs
        on dimension_keys.cost_center_code = costs.cost_center_code
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
        case
            when measured.interaction_ppb > 0
                then cast(
                    {{ fairshare.ratio_to_decimal(cents ~ ' * 10000000', 'measured.interaction_ppb', 4) }}
                    as {{ fairshare.type_decimal(18, 4) }}
                )
        end as cost_per_interaction,
        case
            when measured.handled_ms > 0
                then cast(
                    {{ fairshare.ratio_to_decimal(cents ~ ' * 600', 'measured.handled_ms', 4) }}
                    as {{ fairshare.type_decimal(18, 4) }}
                )
        end as cost_per_handled_minute,
        case
            when measured.agent_ms > 0
                then cast(
                    {{ fairshare.ratio_to_decimal(cents ~ ' * 36000', 'measured.agent_ms', 4) }}
                    as {{ fairshare.type_decimal(18, 4) }}
                )
        end as cost_per_agent_hour,
        case
            when measured.named_ppb > 0
                then cast(
                    {{ fairshare.ratio_to_decimal(cents ~ ' * 10000000', 'measured.named_ppb', 4) }}
                    as {{ fairshare.type_decimal(18, 4) }}
                )
        end as cost_per_named_user,
        case
            when measured.user_ppb > 0
                then cast(
                    {{ fairshare.ratio_to_decimal(cents ~ ' * 10000000', 'measured.user_ppb', 4) }}
                    as {{ fairshare.type_decimal(18, 4) }}
                )
        end as cost_per_user,
        cast(measured.interaction_ppb as {{ dbt.type_bigint() }}) as interaction_ppb,
        cast(measured.handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(measured.agent_ms as {{ dbt.type_bigint() }}) as agent_ms
    from measured
    left join cost_centers
        on measured.cost_center_code = cost_centers.cost_center_code
)

select * from final

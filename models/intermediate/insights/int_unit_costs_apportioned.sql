{{ config(materialized='view') }}
{#-
    Stage 2 of fct_unit_economics: one row per cost center x dimension_kind (media_type | queue) x
    dimension_value of var('billing_month'): the cost center's cost apportioned to its media types
    and queues, with their interactions (parts per billion) and handled milliseconds
    (int_handled_work_by_dimension). Two buckets per cost center (int_unit_cost_drivers_measured):
    its telecom usage cents, apportioned by the measured trunk cost of the slices (by the
    conversation's media, by the queue responsible), and every other cent, by handled time. A
    bucket with no key (telecom of calls with no handled slice, cost with no handled time) goes
    whole to '(unattributed)'. Largest remainder (ties by dimension_value): per cost center and
    kind the rows add up to its cost exactly.
-#}
with

work as (
    select * from {{ ref('int_handled_work_by_dimension') }}
),

costs as (
    select * from {{ ref('int_unit_cost_drivers_measured') }}
    where is_costed
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

final as (
    select
        dimension_keys.cost_center_code,
        dimension_keys.dimension_kind,
        dimension_keys.dimension_value,
        coalesce(dimension_costs.cost_cents, 0) as cost_cents,
        coalesce(dimension_work.interaction_ppb, 0) as interaction_ppb,
        coalesce(dimension_work.handled_ms, 0) as handled_ms,
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
)

select * from final

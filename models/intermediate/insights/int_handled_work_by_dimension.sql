{#-
    What each cost center handled in var('billing_month'), by media type and by queue: the drivers
    of the unit economics below the cost center (fct_unit_economics) and the keys its cost is
    apportioned by.
    - interaction_ppb: the conversations started in the month, each counted 1 and split between the
      cost centers that handled it (int_interactions_attributed_to_cost_centers); by queue, a cost
      center's part of a conversation is split again over the queues it handled it through, by
      handled milliseconds (largest remainder: the queue parts add up to the cost center's part
      exactly). Handled time through an agent without a queue is '(agent, no queue)'; an interaction
      nobody handled (IVR or bot self-service counted to the department) is '(not handled)'.
    - handled_ms: queue and agent time (the timeline's level 1) of those conversations.
    - telecom_cost_weight: the measured trunk cost (nano-units) of the slices the cost center was
      responsible for (int_trunk_slices_attributed_to_cost_centers), by the conversation's media and
      by the queue responsible for the slice ('(no queue)': IVR after the caller's choice, an agent's
      direct call).
-#}
with

conversations as (
    select
        conversation_id,
        conversation_key
    from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and conversation_started_ms >= {{ fairshare.billing_month_start_ms() }}
        and conversation_started_ms < {{ fairshare.billing_month_end_ms() }}
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }} and cost_center_code <> 'ORPHAN'
),

timeline as (
    select * from {{ ref('int_conversation_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }} and responsibility_level = 1
),

trunk_slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }} and cost_center_code <> 'ORPHAN'
),

queues as (
    select
        queue_id,
        queue_name,
        row_number() over (partition by queue_id order by valid_from desc) as version_rank
    from {{ ref('int_queues_tagged_to_cost_centers') }}
    where {{ fairshare.valid_in_billing_month() }}
),

queue_names as (
    select
        queue_id,
        queue_name
    from queues
    where version_rank = 1
),

conversation_media as (
    select
        conversation_id,
        max(media_type) as media_type
    from interactions
    group by 1
),

-- handled time of each conversation started in the month, per cost center and queue
handled_by_queue as (
    select
        conversations.conversation_id,
        timeline.cost_center_code,
        case
            when timeline.responsible_object_type = 'queue' then timeline.responsible_object_id
            else '(agent, no queue)'
        end as queue_key,
        sum(timeline.attributed_ms) as handled_ms
    from timeline
    inner join conversations
        on timeline.conversation_key = conversations.conversation_key
    group by 1, 2, 3
),

-- each cost center's part of a conversation, split over its queues by handled time
interaction_queue_weights as (
    select
        interactions.conversation_id,
        interactions.cost_center_code,
        coalesce(handled_by_queue.queue_key, '(not handled)') as queue_key,
        cast(interactions.interaction_share_ppb as {{ dbt.type_bigint() }}) as interaction_share_ppb,
        cast(coalesce(handled_by_queue.handled_ms, 1) as {{ dbt.type_bigint() }}) as queue_weight,
        cast(coalesce(handled_by_queue.handled_ms, 0) as {{ dbt.type_bigint() }}) as handled_ms
    from interactions
    left join handled_by_queue
        on
            interactions.conversation_id = handled_by_queue.conversation_id
            and interactions.cost_center_code = handled_by_queue.cost_center_code
            and interactions.handled_ms > 0
),

{{ fairshare.largest_remainder(
    input_cte='interaction_queue_weights',
    output_cte='interaction_queue_split',
    partition_by=['conversation_id', 'cost_center_code'],
    amount_column='interaction_share_ppb',
    weight_column='queue_weight',
    tie_break=['queue_key'],
    output_column='queue_interaction_ppb'
) }},

by_media as (
    select
        cost_center_code,
        'media_type' as dimension_kind,
        media_type as dimension_key,
        sum(interaction_share_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms
    from interactions
    group by 1, 2, 3
),

by_queue as (
    select
        cost_center_code,
        'queue' as dimension_kind,
        queue_key as dimension_key,
        sum(queue_interaction_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms
    from interaction_queue_split
    group by 1, 2, 3
),

telecom_by_media as (
    select
        trunk_slices.cost_center_code,
        'media_type' as dimension_kind,
        coalesce(conversation_media.media_type, 'voice') as dimension_key,
        sum(trunk_slices.attributed_cost_weight) as telecom_cost_weight
    from trunk_slices
    left join conversation_media
        on trunk_slices.conversation_id = conversation_media.conversation_id
    group by 1, 2, 3
),

telecom_by_queue as (
    select
        cost_center_code,
        'queue' as dimension_kind,
        case when responsible_object_type = 'queue' then responsible_object_id else '(no queue)' end
            as dimension_key,
        sum(attributed_cost_weight) as telecom_cost_weight
    from trunk_slices
    group by 1, 2, 3
),

work as (
    select
        cost_center_code,
        dimension_kind,
        dimension_key,
        interaction_ppb,
        handled_ms,
        0 as telecom_cost_weight
    from by_media
    union all
    select
        cost_center_code,
        dimension_kind,
        dimension_key,
        interaction_ppb,
        handled_ms,
        0 as telecom_cost_weight
    from by_queue
    union all
    select
        cost_center_code,
        dimension_kind,
        dimension_key,
        0 as interaction_ppb,
        0 as handled_ms,
        telecom_cost_weight
    from telecom_by_media
    union all
    select
        cost_center_code,
        dimension_kind,
        dimension_key,
        0 as interaction_ppb,
        0 as handled_ms,
        telecom_cost_weight
    from telecom_by_queue
),

totals as (
    select
        cost_center_code,
        dimension_kind,
        dimension_key,
        sum(interaction_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms,
        sum(telecom_cost_weight) as telecom_cost_weight
    from work
    group by 1, 2, 3
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        totals.cost_center_code,
        totals.dimension_kind,
        totals.dimension_key,
        case
            when totals.dimension_kind = 'queue' then coalesce(queue_names.queue_name, totals.dimension_key)
            else totals.dimension_key
        end as dimension_value,
        cast(totals.interaction_ppb as {{ dbt.type_bigint() }}) as interaction_ppb,
        cast(totals.handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(totals.telecom_cost_weight as {{ fairshare.type_decimal(38, 0) }}) as telecom_cost_weight
    from totals
    left join queue_names
        on totals.dimension_key = queue_names.queue_id
)

select * from final

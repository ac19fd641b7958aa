{{ config(materialized='view') }}
-- Stage 1 of the interactions (int_interactions_attributed_to_cost_centers): what decides who a
-- conversation that started in the billing month counts for. Per conversation: its tag, the
-- customer's media, its bot-flow time, whether the caller hung up in an IVR/bot flow, the cost
-- center of the last IVR/bot flow it went through that belongs to a department
-- (flow_cost_centers, not ORPHAN), and whether anyone handled it (timeline level 1) or an IVR/bot
-- had it (level 2).
-- A view: read once, inside the interactions model's query.

with

-- The month's conversations (keys, tags) that started in the billing month.
conversations as (

    select
        conversation_key,
        conversation_id,
        cost_center_code as tag_cost_center_code
    from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and conversation_started_ms >= {{ fairshare.billing_month_start_ms() }}
        and conversation_started_ms < {{ fairshare.billing_month_end_ms() }}

),

segments as (

    select
        conversation_key,
        purpose,
        media_type,
        flow_type,
        flow_name,
        disconnect_type,
        started_ms,
        ended_ms,
        exclusion_reason,
        purpose in ('ivr', 'botflow') or segment_type = 'ivr' as is_flow_segment
    from {{ ref('int_conversation_segments_validated') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        -- only the segments a fact below reads (the customer's media, IVR/bot flows)
        and (
            purpose in ('customer', 'external', 'ivr', 'botflow')
            or segment_type = 'ivr'
            or flow_type like '%bot%'
        )

),

conversation_facts as (

    select
        conversation_key,
        coalesce(
            min(case when purpose in ('customer', 'external') then media_type end),
            min(media_type)
        ) as media_type,  -- the customer's media (the smallest if several, e.g. callback before voice)
        sum(
            case
                when exclusion_reason is null and (purpose = 'botflow' or flow_type like '%bot%')
                    then ended_ms - started_ms
                else 0
            end
        ) as bot_total_ms,
        max(
            case when exclusion_reason is null and is_flow_segment and disconnect_type = 'peer' then 1 else 0 end
        ) as caller_hung_up_in_flow
    from segments
    group by conversation_key

),

flow_cost_centers as (

    select
        flow_key,
        min(cost_center_code) as cost_center_code
    from {{ ref('stg_config__flow_cost_centers') }}
    group by flow_key

),

-- The cost center of the last IVR/bot flow of the conversation that belongs to a department.
flow_candidates as (

    select
        segments.conversation_key,
        flow_cost_centers.cost_center_code,
        row_number() over (
            partition by segments.conversation_key
            order by segments.started_ms desc, flow_cost_centers.cost_center_code asc
        ) as flow_rank
    from segments
    inner join flow_cost_centers
        on {{ fairshare.normalize_tag('segments.flow_name') }} = flow_cost_centers.flow_key
    where
        segments.is_flow_segment
        and segments.exclusion_reason is null
        and flow_cost_centers.cost_center_code != 'ORPHAN'

),

conversation_flows as (

    select
        conversation_key,
        cost_center_code
    from flow_candidates
    where flow_rank = 1

),

timeline as (

    select
        conversation_key,
        responsibility_level
    from {{ ref('int_conversation_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

levels as (

    select
        conversation_key,
        max(case when responsibility_level = 1 then 1 else 0 end) as has_handling,
        max(case when responsibility_level = 2 then 1 else 0 end) as has_ivr
    from timeline
    group by conversation_key

),

final as (

    select
        conversations.conversation_key,
        conversations.conversation_id,
        conversations.tag_cost_center_code,
        coalesce(conversation_facts.media_type, 'unknown') as media_type,
        coalesce(conversation_facts.bot_total_ms, 0) as bot_total_ms,
        coalesce(conversation_facts.caller_hung_up_in_flow, 0) = 1 as caller_hung_up_in_flow,
        conversation_flows.cost_center_code as flow_cost_center_code,
        coalesce(levels.has_handling, 0) = 1 as has_handling,
        coalesce(levels.has_ivr, 0) = 1 as has_ivr
    from conversations
    left join conversation_facts
        on conversations.conversation_key = conversation_facts.conversation_key
    left join conversation_flows
        on conversations.conversation_key = conversation_flows.conversation_key
    left join levels
        on conversations.conversation_key = levels.conversation_key

)

select * from final

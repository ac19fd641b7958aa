{{ config(**fairshare.monthly_partition()) }}
-- Interaction volume for the pro-rata rules: every conversation that started in the billing month
-- counts 1 (any media), split between the cost centers that handled it in proportion to their
-- handled time (queue and agent time of the conversation timeline, wrap-up excluded, IVR excluded).
-- Shares are integer parts per billion, exact: base = floor(10^9 * handled / total), the leftover
-- parts go one each to the largest remainders (tie-break by cost center code), so they sum to
-- 10^9 per conversation.
-- A conversation nobody handled counts 1 to 'ORPHAN' when the caller hung up in the IVR/bot
-- (is_ivr_only_abandon: an IVR/bot segment ended by the other party, disconnect_type 'peer');
-- otherwise (served by the IVR or bot, closed-hours message, unrouted) to its conversation tag,
-- else to the cost center of the last IVR/bot flow it went through (flow_cost_centers, not
-- ORPHAN), else to 'ORPHAN'.
-- bot_ms: the conversation's bot-flow time, split like the interaction (same largest-remainder rule).

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
        cost_center_code,
        responsibility_level,
        attributed_ms
    from {{ ref('int_conversation_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

handled as (

    select
        conversation_key,
        cost_center_code,
        sum(attributed_ms) as handled_ms
    from timeline
    where responsibility_level = 1
    group by conversation_key, cost_center_code

),

levels as (

    select
        conversation_key,
        max(case when responsibility_level = 1 then 1 else 0 end) as has_handling,
        max(case when responsibility_level = 2 then 1 else 0 end) as has_ivr
    from timeline
    group by conversation_key

),

-- Conversations nobody handled: one row, the whole interaction.
unhandled_facts as (

    select
        conversations.conversation_key,
        coalesce(levels.has_ivr, 0) = 1 and coalesce(conversation_facts.caller_hung_up_in_flow, 0) = 1
            as is_ivr_only_abandon,
        coalesce(conversations.tag_cost_center_code, conversation_flows.cost_center_code) as served_by
    from conversations
    left join levels
        on conversations.conversation_key = levels.conversation_key
    left join conversation_facts
        on conversations.conversation_key = conversation_facts.conversation_key
    left join conversation_flows
        on conversations.conversation_key = conversation_flows.conversation_key
    where coalesce(levels.has_handling, 0) = 0

),

unhandled as (

    select
        conversation_key,
        case
            when is_ivr_only_abandon then 'ORPHAN'
            else coalesce(served_by, 'ORPHAN')
        end as cost_center_code,
        cast(0 as {{ dbt.type_bigint() }}) as handled_ms,
        cast(1 as {{ dbt.type_bigint() }}) as handled_weight,
        cast(1 as {{ dbt.type_bigint() }}) as handled_total,
        is_ivr_only_abandon
    from unhandled_facts

),

handled_rows as (

    select
        handled.conversation_key,
        handled.cost_center_code,
        handled.handled_ms,
        handled.handled_ms as handled_weight,
        sum(handled.handled_ms) over (partition by handled.conversation_key) as handled_total,
        false as is_ivr_only_abandon
    from handled
    inner join conversations
        on handled.conversation_key = conversations.conversation_key

),

weighted as (

    select * from unhandled
    union all
    select * from handled_rows

),

with_totals as (

    select
        weighted.*,
        conversations.conversation_id,
        coalesce(conversation_facts.media_type, 'unknown') as media_type,
        coalesce(conversation_facts.bot_total_ms, 0) as bot_total_ms
    from weighted
    inner join conversations
        on weighted.conversation_key = conversations.conversation_key
    left join conversation_facts
        on weighted.conversation_key = conversation_facts.conversation_key

),

bases as (

    select
        *,
        {{ fairshare.mul_div('1000000000', 'handled_weight', 'handled_total') }} as share_base,
        {{ fairshare.mul_div('bot_total_ms', 'handled_weight', 'handled_total') }} as bot_base
    from with_totals

),

remainders as (

    select
        *,
        {{ fairshare.int_wide('1000000000') }} * handled_weight - share_base * handled_total as share_remainder,
        {{ fairshare.int_wide('bot_total_ms') }} * handled_weight - bot_base * handled_total as bot_remainder,
        1000000000 - sum(share_base) over (partition by conversation_key) as share_leftover,
        bot_total_ms - sum(bot_base) over (partition by conversation_key) as bot_leftover
    from bases

),

ranked as (

    select
        *,
        row_number() over (
            partition by conversation_key order by share_remainder desc, cost_center_code asc
        ) as share_rank,
        row_number() over (
            partition by conversation_key order by bot_remainder desc, cost_center_code asc
        ) as bot_rank
    from remainders

),

final as (

    select
        conversation_id,
        {{ fairshare.billing_month() }} as billing_month,
        media_type,
        cost_center_code,
        cast(handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(share_base + case when share_rank <= share_leftover then 1 else 0 end as {{ dbt.type_bigint() }})
            as interaction_share_ppb,
        is_ivr_only_abandon,
        cast(bot_base + case when bot_rank <= bot_leftover then 1 else 0 end as {{ dbt.type_bigint() }})
            as bot_ms
    from ranked

)

select * from final

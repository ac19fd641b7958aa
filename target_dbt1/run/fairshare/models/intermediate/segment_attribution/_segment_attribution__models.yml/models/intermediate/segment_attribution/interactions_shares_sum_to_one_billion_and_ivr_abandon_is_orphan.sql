
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "conversation_id","media_type","cost_center_code","handled_ms","interaction_share_ppb","is_ivr_only_abandon","bot_ms", 'actual' as "actual_or_expected"
  from (
    
-- Interaction volume for the pro-rata rules: every conversation that started in the billing month
-- counts 1 (any media), split between the cost centers that handled it in proportion to their
-- handled time (queue and agent time of the conversation timeline, wrap-up excluded, IVR excluded).
-- Shares are integer parts per billion, exact: base = floor(10^9 * handled / total), the leftover
-- parts go one each to the largest remainders (tie-break by cost center code), so they sum to
-- 10^9 per conversation. A conversation nobody handled counts 1 to 'ORPHAN' when it never left the
-- IVR/bot (is_ivr_only_abandon), else to its conversation tag, else to 'ORPHAN'.
-- bot_ms: the conversation's bot-flow time, split like the interaction (same largest-remainder rule).

with

 __dbt__cte__stg_genesys__conversations as (

-- Fixture for stg_genesys__conversations
select 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", cast(null as TIMESTAMP) as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", cast(null as TIMESTAMP) as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", cast(null as TIMESTAMP) as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-09-30 23:00:00' as TIMESTAMP)
 as "conversation_started_at", cast(null as TIMESTAMP) as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-31 23:00:00' as TIMESTAMP)
 as "conversation_started_at", cast(null as TIMESTAMP) as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
),  __dbt__cte__int_conversation_segments_validated as (

-- Fixture for int_conversation_segments_validated
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968403000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('botflow' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", 
    
    cast('bot' as character varying)
 as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968401001 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968430000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('chat' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968430000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c5' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('email' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1793487600000 as BIGINT)
 as "started_ms", 
    
    cast(1793487600000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
),  __dbt__cte__int_conversation_slices_attributed_to_cost_centers as (

-- Fixture for int_conversation_slices_attributed_to_cost_centers
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(1000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(1500 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(500 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(2 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(30000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(100 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(100 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('HR' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(100 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('FINANCE' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(2 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(900 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c4' as character varying)
 as "conversation_id", cast(null as BIGINT) as "slice_started_ms", cast(null as BIGINT) as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "attribution_rule", 
    
    cast(1 as INTEGER)
 as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", cast(null as BIGINT) as "departments_connected", cast(null as BIGINT) as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(100 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
),  __dbt__cte__int_conversations_tagged_to_cost_centers as (

-- Fixture for int_conversations_tagged_to_cost_centers
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "dialled_did", cast(null as character varying(256)) as "dialled_did_id", cast(null as character varying(256)) as "raw_cost_center", cast(null as BOOLEAN) as "is_ambiguous", cast(null as TIMESTAMP) as "conversation_started_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('MARKETING' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "dialled_did", cast(null as character varying(256)) as "dialled_did_id", cast(null as character varying(256)) as "raw_cost_center", cast(null as BOOLEAN) as "is_ambiguous", cast(null as TIMESTAMP) as "conversation_started_at"
), conversations as (

    select conversation_id
    from __dbt__cte__stg_genesys__conversations
    where
        epoch_ms(conversation_started_at) >= 1790812800000
        and epoch_ms(conversation_started_at) < 1793491200000

),

segments as (

    select
        conversation_id,
        purpose,
        media_type,
        flow_type,
        started_ms,
        ended_ms,
        exclusion_reason
    from __dbt__cte__int_conversation_segments_validated
    where billing_month = cast('2026-10-01' as date)

),

conversation_facts as (

    select
        conversation_id,
        coalesce(
            min(case when purpose in ('customer', 'external') then media_type end),
            min(media_type)
        ) as media_type,
        sum(
            case
                when exclusion_reason is null and (purpose = 'botflow' or flow_type like '%bot%')
                    then ended_ms - started_ms
                else 0
            end
        ) as bot_total_ms
    from segments
    group by conversation_id

),

timeline as (

    select
        conversation_id,
        cost_center_code,
        responsibility_level,
        attributed_ms
    from __dbt__cte__int_conversation_slices_attributed_to_cost_centers
    where billing_month = cast('2026-10-01' as date)

),

handled as (

    select
        conversation_id,
        cost_center_code,
        sum(attributed_ms) as handled_ms
    from timeline
    where responsibility_level = 1
    group by conversation_id, cost_center_code

),

levels as (

    select
        conversation_id,
        max(case when responsibility_level = 1 then 1 else 0 end) as has_handling,
        max(case when responsibility_level = 2 then 1 else 0 end) as has_ivr
    from timeline
    group by conversation_id

),

conversation_tags as (

    select
        conversation_id,
        cost_center_code
    from __dbt__cte__int_conversations_tagged_to_cost_centers
    where billing_month = cast('2026-10-01' as date)

),

-- Conversations nobody handled: one row, the whole interaction.
unhandled as (

    select
        conversations.conversation_id,
        case
            when coalesce(levels.has_ivr, 0) = 1 then 'ORPHAN'
            else coalesce(conversation_tags.cost_center_code, 'ORPHAN')
        end as cost_center_code,
        cast(0 as bigint) as handled_ms,
        cast(1 as bigint) as handled_weight,
        cast(1 as bigint) as handled_total,
        coalesce(levels.has_ivr, 0) = 1 as is_ivr_only_abandon
    from conversations
    left join levels
        on conversations.conversation_id = levels.conversation_id
    left join conversation_tags
        on conversations.conversation_id = conversation_tags.conversation_id
    where coalesce(levels.has_handling, 0) = 0

),

handled_rows as (

    select
        handled.conversation_id,
        handled.cost_center_code,
        handled.handled_ms,
        handled.handled_ms as handled_weight,
        sum(handled.handled_ms) over (partition by handled.conversation_id) as handled_total,
        false as is_ivr_only_abandon
    from handled
    inner join conversations
        on handled.conversation_id = conversations.conversation_id

),

weighted as (

    select * from unhandled
    union all
    select * from handled_rows

),

with_totals as (

    select
        weighted.*,
        coalesce(conversation_facts.media_type, 'unknown') as media_type,
        coalesce(conversation_facts.bot_total_ms, 0) as bot_total_ms
    from weighted
    left join conversation_facts
        on weighted.conversation_id = conversation_facts.conversation_id

),

bases as (

    select
        *,
        ((cast(cast(1000000000 as hugeint) * cast(handled_weight as hugeint) as hugeint) - (((cast(cast(1000000000 as hugeint) * cast(handled_weight as hugeint) as hugeint) % cast(handled_total as hugeint)) + cast(handled_total as hugeint)) % cast(handled_total as hugeint))) // cast(handled_total as hugeint)) as share_base,
        ((cast(cast(bot_total_ms as hugeint) * cast(handled_weight as hugeint) as hugeint) - (((cast(cast(bot_total_ms as hugeint) * cast(handled_weight as hugeint) as hugeint) % cast(handled_total as hugeint)) + cast(handled_total as hugeint)) % cast(handled_total as hugeint))) // cast(handled_total as hugeint)) as bot_base
    from with_totals

),

remainders as (

    select
        *,
        cast(1000000000 as hugeint) * handled_weight - share_base * handled_total as share_remainder,
        cast(bot_total_ms as hugeint) * handled_weight - bot_base * handled_total as bot_remainder,
        1000000000 - sum(share_base) over (partition by conversation_id) as share_leftover,
        bot_total_ms - sum(bot_base) over (partition by conversation_id) as bot_leftover
    from bases

),

ranked as (

    select
        *,
        row_number() over (
            partition by conversation_id order by share_remainder desc, cost_center_code
        ) as share_rank,
        row_number() over (
            partition by conversation_id order by bot_remainder desc, cost_center_code
        ) as bot_rank
    from remainders

),

final as (

    select
        conversation_id,
        cast('2026-10-01' as date) as billing_month,
        media_type,
        cost_center_code,
        cast(handled_ms as bigint) as handled_ms,
        cast(share_base + case when share_rank <= share_leftover then 1 else 0 end as bigint)
            as interaction_share_ppb,
        is_ivr_only_abandon,
        cast(bot_base + case when bot_rank <= bot_leftover then 1 else 0 end as bigint)
            as bot_ms
    from ranked

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "conversation_id", "media_type", "cost_center_code", "handled_ms", "interaction_share_ppb", "is_ivr_only_abandon", "bot_ms", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('voice' as character varying)
 as "media_type", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast(1000 as BIGINT)
 as "handled_ms", 
    
    cast(333333333 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(334 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('voice' as character varying)
 as "media_type", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast(2000 as BIGINT)
 as "handled_ms", 
    
    cast(666666667 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(667 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('voice' as character varying)
 as "media_type", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", 
    
    cast(0 as BIGINT)
 as "handled_ms", 
    
    cast(1000000000 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(True as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(0 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('chat' as character varying)
 as "media_type", 
    
    cast('HR' as character varying)
 as "cost_center_code", 
    
    cast(100 as BIGINT)
 as "handled_ms", 
    
    cast(333333334 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(0 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('chat' as character varying)
 as "media_type", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast(100 as BIGINT)
 as "handled_ms", 
    
    cast(333333333 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(0 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('chat' as character varying)
 as "media_type", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast(100 as BIGINT)
 as "handled_ms", 
    
    cast(333333333 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(0 as BIGINT)
 as "bot_ms"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('email' as character varying)
 as "media_type", 
    
    cast('MARKETING' as character varying)
 as "cost_center_code", 
    
    cast(0 as BIGINT)
 as "handled_ms", 
    
    cast(1000000000 as BIGINT)
 as "interaction_share_ppb", 
    
    cast(False as BOOLEAN)
 as "is_ivr_only_abandon", 
    
    cast(0 as BIGINT)
 as "bot_ms"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected
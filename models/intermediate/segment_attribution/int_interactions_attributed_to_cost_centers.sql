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
-- A conversation counted for one cost center (almost all) takes the rule's result for one row
-- directly; only the others go through the window functions that rank the remainders.

with

-- The conversations that started in the billing month and what decides who they count for.
conversations as (

    select * from {{ ref('int_conversation_interaction_facts') }}

),

handled as (

    select
        conversation_key,
        cost_center_code,
        sum(attributed_ms) as handled_ms
    from {{ ref('int_conversation_slices_attributed_to_cost_centers') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and responsibility_level = 1
    group by conversation_key, cost_center_code

),

-- Conversations nobody handled: one row, the whole interaction.
unhandled_facts as (

    select
        conversation_key,
        has_ivr and caller_hung_up_in_flow as is_ivr_only_abandon,
        coalesce(tag_cost_center_code, flow_cost_center_code) as served_by
    from conversations
    where not has_handling

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
        cast(1 as {{ dbt.type_bigint() }}) as cost_centers,
        is_ivr_only_abandon
    from unhandled_facts

),

handled_totals as (

    select
        conversation_key,
        sum(handled_ms) as handled_total,
        count(*) as cost_centers
    from handled
    group by conversation_key

),

handled_rows as (

    select
        handled.conversation_key,
        handled.cost_center_code,
        handled.handled_ms,
        handled.handled_ms as handled_weight,
        handled_totals.handled_total,
        handled_totals.cost_centers,
        false as is_ivr_only_abandon
    from handled
    inner join handled_totals
        on handled.conversation_key = handled_totals.conversation_key
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
        conversations.media_type,
        conversations.bot_total_ms
    from weighted
    inner join conversations
        on weighted.conversation_key = conversations.conversation_key

),

bases as (

    select
        *,
        {{ fairshare.mul_div('1000000000', 'handled_weight', 'handled_total') }} as share_base,
        {{ fairshare.mul_div('bot_total_ms', 'handled_weight', 'handled_total') }} as bot_base
    from with_totals

),

-- one row: the sums over the conversation are the row's own, and its rank is 1
one_cost_center_shares as (

    select
        *,
        share_base + case when 1 <= 1000000000 - share_base then 1 else 0 end as interaction_share,
        bot_base + case when 1 <= bot_total_ms - bot_base then 1 else 0 end as bot_share
    from bases
    where cost_centers = 1

),

remainders as (

    select
        *,
        {{ fairshare.int_wide('1000000000') }} * handled_weight - share_base * handled_total as share_remainder,
        {{ fairshare.int_wide('bot_total_ms') }} * handled_weight - bot_base * handled_total as bot_remainder,
        1000000000 - sum(share_base) over (partition by conversation_key) as share_leftover,
        bot_total_ms - sum(bot_base) over (partition by conversation_key) as bot_leftover
    from bases
    where cost_centers > 1

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

shares as (

    select
        conversation_id,
        media_type,
        cost_center_code,
        handled_ms,
        is_ivr_only_abandon,
        interaction_share,
        bot_share
    from one_cost_center_shares
    union all
    select
        conversation_id,
        media_type,
        cost_center_code,
        handled_ms,
        is_ivr_only_abandon,
        share_base + case when share_rank <= share_leftover then 1 else 0 end as interaction_share,
        bot_base + case when bot_rank <= bot_leftover then 1 else 0 end as bot_share
    from ranked

),

final as (

    select
        conversation_id,
        {{ fairshare.billing_month() }} as billing_month,
        media_type,
        cost_center_code,
        cast(handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(interaction_share as {{ dbt.type_bigint() }}) as interaction_share_ppb,
        is_ivr_only_abandon,
        cast(bot_share as {{ dbt.type_bigint() }}) as bot_ms
    from shares

)

select * from final

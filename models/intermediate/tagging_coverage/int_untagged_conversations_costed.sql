{{ config(materialized='view') }}
{#-
    The conversations of the billing month without a tag (carrying some cost) or with an ambiguous
    one, with the cost they carry: their ORPHAN telecom cost plus their ORPHAN share of the shared
    lines split by interactions, handle time and bot time (platform fee, service credits, premier
    support, AI): an IVR abandon counts one interaction nobody is responsible for, so it carries
    its part of the platform fee as well as its telecom cents (shared_lines_cost). One row per
    conversation, in fct_tagging_coverage's shape. A view.
-#}
with

conversations as (
    select * from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

telecom_lines as (
    select * from {{ ref('int_telecom_lines_mapped_to_number_types') }}
    where allocation_rule = 'driver'
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

bucket_costs as (
    select * from {{ ref('int_line_cost_buckets') }}
),

conversation_orphan_weights as (
    select
        conversation_id,
        lower(number_type) as number_type,
        lower(direction) as direction,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    where cost_center_code = 'ORPHAN'
    group by 1, 2, 3
),

conversation_orphan_costs as (
    {{ fairshare.orphan_telecom_cost_by('conversation_orphan_weights', 'conversation_id') }}
),

-- the lines split by interactions, handle time and bot time, whose ORPHAN part comes from conversations
shared_lines as (
    select distinct
        invoice_id,
        invoice_line_id,
        allocation_method,
        amount_cents,
        driver_weight_total
    from bucket_costs
    where allocation_method in ('pro_rata_interactions', 'pro_rata_handle_time', 'ai_usage')
),

conversation_orphan_shares as (
    select
        conversation_id,
        sum({{ fairshare.int_wide('interaction_share_ppb') }}) as interaction_ppb,
        sum({{ fairshare.int_wide('handled_ms') }}) as handled_ms,
        sum({{ fairshare.int_wide('coalesce(bot_ms, 0)') }}) as bot_ms
    from interactions
    where {{ fairshare.orphan_code('cost_center_code') }} = 'ORPHAN'
    group by 1
),

conversation_shared_costs as (
    select
        conversation_orphan_shares.conversation_id,
        {{ fairshare.scaled_to_decimal(
            'sum(' ~ fairshare.mul_div(
                'shared_lines.amount_cents * 10000',
                "case shared_lines.allocation_method when 'pro_rata_interactions' then "
                ~ "conversation_orphan_shares.interaction_ppb when 'pro_rata_handle_time' then "
                ~ "conversation_orphan_shares.handled_ms else conversation_orphan_shares.bot_ms end",
                'shared_lines.driver_weight_total'
            ) ~ ')', 6
        ) }} as allocated_amount
    from conversation_orphan_shares
    cross join shared_lines
    group by 1
),

conversation_costs as (
    select
        conversations.conversation_id,
        conversations.dialled_did,
        conversations.tag_rule,
        conversations.cost_center_code,
        coalesce(conversations.is_ambiguous, false) as is_ambiguous,
        coalesce(conversation_orphan_costs.allocated_amount, 0) as telecom_cost,
        coalesce(conversation_shared_costs.allocated_amount, 0) as shared_lines_cost
    from conversations
    left join conversation_orphan_costs
        on conversations.conversation_id = conversation_orphan_costs.conversation_id
    left join conversation_shared_costs
        on conversations.conversation_id = conversation_shared_costs.conversation_id
),

final as (
    select
        'conversation' as object_kind,
        conversation_id as object_id,
        dialled_did as object_name,
        tag_rule,
        cost_center_code,
        is_ambiguous,
        telecom_cost + shared_lines_cost as carried_cost,
        cast(shared_lines_cost as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from conversation_costs
    where
        (tag_rule = 'untagged' and telecom_cost + shared_lines_cost <> 0)
        or is_ambiguous
)

select * from final

{{ config(**fairshare.monthly_partition()) }}
{#- Every raw record excluded, imputed or repaired for var('billing_month'), with the reason and the action. -#}
with

segment_attribution as (
    select * from {{ ref('int_segment_attribution_quarantine') }}
    where billing_month = {{ fairshare.billing_month() }}
),

allocation as (
    select * from {{ ref('int_allocation_quarantine') }}
),

unioned as (
    select
        billing_month,
        'segment_attribution' as source_stage,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from segment_attribution
    union all
    select
        billing_month,
        'allocation' as source_stage,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from allocation
),

final as (
    select
        billing_month,
        source_stage,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from unioned
)

select * from final

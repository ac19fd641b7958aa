with

segment_attribution as (
    select * from "dbt1"."intermediate"."int_segment_attribution_quarantine"
),

allocation as (
    select * from "dbt1"."intermediate"."int_allocation_quarantine"
),

unioned as (
    select
        billing_month,
        'segment_attribution' as stage,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from segment_attribution
    union all
    select
        billing_month,
        'allocation' as stage,
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
        stage,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from unioned
)

select * from final
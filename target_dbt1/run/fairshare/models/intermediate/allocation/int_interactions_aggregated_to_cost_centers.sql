
    

    create  table
      "dbt1"."intermediate"."int_interactions_aggregated_to_cost_centers__dbt_tmp"
  
    
    as (
      with

interactions as (
    select * from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
    where billing_month = cast('2026-10-01' as date)
),

aggregated as (
    select
        billing_month,
        coalesce(cost_center_code, 'ORPHAN') as cost_center_code,
        count(distinct conversation_id) as conversations,
        sum(cast(interaction_share_ppb as hugeint)) as interaction_ppb,
        sum(cast(handled_ms as hugeint)) as handled_ms,
        sum(cast(coalesce(bot_ms, 0) as hugeint)) as bot_ms
    from interactions
    group by 1, 2
),

final as (
    select
        billing_month,
        cost_center_code,
        conversations,
        cast(interaction_ppb as bigint) as interaction_ppb,
        cast(handled_ms as bigint) as handled_ms,
        cast(bot_ms as bigint) as bot_ms
    from aggregated
)

select * from final
    );
    
  
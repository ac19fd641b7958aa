{#- Interaction volume, handle time and bot/AI time of var('billing_month') per cost center (ORPHAN kept). -#}
with

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

aggregated as (
    select
        billing_month,
        {{ fairshare.orphan_code('cost_center_code') }} as cost_center_code,
        count(distinct conversation_id) as conversations,
        sum({{ fairshare.int_wide('interaction_share_ppb') }}) as interaction_ppb,
        sum({{ fairshare.int_wide('handled_ms') }}) as handled_ms,
        sum({{ fairshare.int_wide('coalesce(bot_ms, 0)') }}) as bot_ms
    from interactions
    group by 1, 2
),

final as (
    select
        billing_month,
        cost_center_code,
        conversations,
        cast(interaction_ppb as {{ dbt.type_bigint() }}) as interaction_ppb,
        cast(handled_ms as {{ dbt.type_bigint() }}) as handled_ms,
        cast(bot_ms as {{ dbt.type_bigint() }}) as bot_ms
    from aggregated
)

select * from final

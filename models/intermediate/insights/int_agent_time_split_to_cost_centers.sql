{#-
    Logged-in time of the agents (users billed at a concurrent licence) of var('billing_month'), per
    cost center they counted for: each concurrency slice in which an agent was logged in belongs to
    one cost center (int_concurrent_users_sliced: the department whose queues they worked, a
    borrowed agent to the department that borrowed them, else their home department, else ORPHAN),
    and the agent's logged-in milliseconds inside that slice go to it. So an agent's logged-in time
    is split over cost centers exactly (the parts add up to the time logged in), and each agent
    counts one agent, split by that time in parts per billion (largest remainder, ties by code).
-#}
{%- set slice_ms = fairshare.concurrency_slice_ms() -%}
with

logins as (
    select * from {{ ref('int_user_logins_clipped_to_month') }}
),

agent_slices as (
    select * from {{ ref('int_concurrent_users_sliced') }}
    where billing_month = {{ fairshare.billing_month() }}
),

slice_time as (
    select
        agent_slices.user_id,
        agent_slices.cost_center_code,
        least(logins.logged_in_to_ms, (agent_slices.slice_index + 1) * {{ slice_ms }})
        - greatest(logins.logged_in_from_ms, agent_slices.slice_index * {{ slice_ms }}) as logged_in_ms
    from agent_slices
    inner join logins
        on
            agent_slices.user_id = logins.user_id
            and logins.logged_in_from_ms < (agent_slices.slice_index + 1) * {{ slice_ms }}
            and logins.logged_in_to_ms > agent_slices.slice_index * {{ slice_ms }}
),

agent_time as (
    select
        user_id,
        cost_center_code,
        cast(sum(logged_in_ms) as {{ dbt.type_bigint() }}) as logged_in_ms,
        cast(1000000000 as {{ dbt.type_bigint() }}) as agent_ppb
    from slice_time
    group by 1, 2
),

{{ fairshare.largest_remainder(
    input_cte='agent_time',
    output_cte='agent_split',
    partition_by=['user_id'],
    amount_column='agent_ppb',
    weight_column='logged_in_ms',
    tie_break=['cost_center_code'],
    output_column='agent_share_ppb'
) }},

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_id,
        cost_center_code,
        logged_in_ms,
        cast(agent_share_ppb as {{ dbt.type_bigint() }}) as agent_share_ppb
    from agent_split
)

select * from final

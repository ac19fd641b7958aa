{{ config(materialized='view') }}
{#-
    Stage 1 of fct_unit_economics: one row per cost center of var('billing_month') with cost or a
    driver: its whole allocated cost of the month (invoice_lines, adjustments for closed months
    excluded), split into telecom usage and the rest (the two buckets int_unit_costs_apportioned
    apportions below the cost center), and its drivers, exact:
    - interaction_ppb, handled_ms: conversations started in the month, each counted 1 and split
      between the cost centers that handled it, and their queue and agent time
      (int_interactions_attributed_to_cost_centers);
    - agent_ms, agent_ppb: logged-in time of the concurrent-licence agents who counted for it, and
      those agents split by that time (int_agent_time_split_to_cost_centers);
    - named_ppb: billed named users split by logged-in time (int_named_users_split_to_cost_centers).
    ORPHAN is never a row. is_costed: the cost center has rows in invoice_lines (else its cost is
    0 and its buckets are null: nothing to apportion).
-#}
with

invoice_lines as (
    select * from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }} and allocation_method <> 'adjustment'
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

agents as (
    select * from {{ ref('int_agent_time_split_to_cost_centers') }}
),

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

costs as (
    select
        cost_center_code,
        max(currency) as currency,
        sum(amount_cents) as cost_cents,
        sum(case when product_allocation_method = 'telecom_usage' then amount_cents else 0 end) as telecom_cents,
        sum(case when product_allocation_method <> 'telecom_usage' then amount_cents else 0 end) as other_cents
    from invoice_lines
    group by 1
),

interaction_totals as (
    select
        cost_center_code,
        sum(interaction_share_ppb) as interaction_ppb,
        sum(handled_ms) as handled_ms
    from interactions
    where cost_center_code <> 'ORPHAN'
    group by 1
),

agent_totals as (
    select
        cost_center_code,
        sum(logged_in_ms) as agent_ms,
        sum(agent_share_ppb) as agent_ppb
    from agents
    where cost_center_code <> 'ORPHAN'
    group by 1
),

named_totals as (
    select
        cost_center_code,
        sum(user_share_ppb) as named_ppb
    from named_users
    where cost_center_code <> 'ORPHAN'
    group by 1
),

center_keys as (
    select distinct cost_center_code
    from (
        select cost_center_code from costs
        union all
        select cost_center_code from interaction_totals
        union all
        select cost_center_code from agent_totals
        union all
        select cost_center_code from named_totals
    ) as keyed
),

final as (
    select
        center_keys.cost_center_code,
        costs.currency,
        costs.cost_center_code is not null as is_costed,
        coalesce(costs.cost_cents, 0) as cost_cents,
        costs.telecom_cents,
        costs.other_cents,
        coalesce(interaction_totals.interaction_ppb, 0) as interaction_ppb,
        coalesce(interaction_totals.handled_ms, 0) as handled_ms,
        agent_totals.agent_ms,
        agent_totals.agent_ppb,
        named_totals.named_ppb
    from center_keys
    left join costs
        on center_keys.cost_center_code = costs.cost_center_code
    left join interaction_totals
        on center_keys.cost_center_code = interaction_totals.cost_center_code
    left join agent_totals
        on center_keys.cost_center_code = agent_totals.cost_center_code
    left join named_totals
        on center_keys.cost_center_code = named_totals.cost_center_code
)

select * from final

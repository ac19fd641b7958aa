{{ config(**fairshare.monthly_partition()) }}
{#-
    Every untagged or ambiguous object of var('billing_month') — user, queue, DID, OAuth client,
    conversation — with the cost it carries, so FinOps can fix the tags, plus one 'month_total' row.
    Cost carried (display, 6 places):
    - user: their named licence cost, their share of their cost center's concurrency cost (by
      logged-in slices) and the telecom cost of the trunk time they were responsible for;
    - queue: the telecom cost of the trunk time it was responsible for;
    - DID: the ORPHAN telecom cost of the calls on the number;
    - OAuth client: its requests' share of the api_requests lines;
    - conversation: its ORPHAN telecom cost plus its ORPHAN share of the shared lines split by
      interactions, handle time and bot time (platform fee, service credits, premier support, AI):
      an IVR abandon counts one interaction nobody is responsible for, so it carries its part of
      the platform fee as well as its telecom cents (shared_lines_cost; only conversations carrying
      some cost, or ambiguous ones).
    KPI on every row: share_of_spend_allocated_by_tag = cents that reached a cost center through the
    line's own driver (allocation_rule 'driver') / all cents of the month; the rest was absorbed or
    redistributed as ORPHAN, or was a zero-driver line.
-#}
with

untagged_objects as (
    select * from {{ ref('int_untagged_users_costed') }}
    union all
    select * from {{ ref('int_untagged_queues_costed') }}
    union all
    select * from {{ ref('int_untagged_dids_costed') }}
    union all
    select * from {{ ref('int_untagged_oauth_clients_costed') }}
    union all
    select * from {{ ref('int_untagged_conversations_costed') }}
),

allocations as (
    select * from {{ ref('int_invoice_line_allocations_rounded') }}
),

-- the month
spend as (
    select
        sum(allocated_cents) as total_cents,
        sum(case when allocation_rule = 'driver' then allocated_cents else 0 end) as by_tag_cents
    from allocations
),

month_row as (
    select
        'month_total' as object_kind,
        cast({{ fairshare.billing_month() }} as {{ dbt.type_string() }}) as object_id,
        'Spend not allocated by tag (ORPHAN absorbed or redistributed, zero-driver lines)' as object_name,
        cast(null as {{ dbt.type_string() }}) as tag_rule,
        cast(null as {{ dbt.type_string() }}) as cost_center_code,
        false as is_ambiguous,
        -- decimal(38, 6) like the other rows: a union with a (38, 2) column would round them all to cents
        cast(
            {{ fairshare.scaled_to_decimal('coalesce(total_cents - by_tag_cents, 0)', 2) }}
            as {{ fairshare.type_decimal(38, 6) }}
        ) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from spend
),

unioned as (
    select * from untagged_objects
    union all
    select * from month_row
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        unioned.object_kind,
        unioned.object_id,
        unioned.object_name,
        unioned.tag_rule,
        unioned.cost_center_code,
        unioned.is_ambiguous,
        cast(unioned.carried_cost as {{ fairshare.type_decimal(18, 6) }}) as cost,  -- noqa: RF04
        cast(unioned.shared_lines_cost as {{ fairshare.type_decimal(18, 6) }}) as shared_lines_cost,
        case
            when spend.total_cents > 0
                then {{ fairshare.ppb_to_share(fairshare.share_ppb('spend.by_tag_cents', 'spend.total_cents')) }}
        end as share_of_spend_allocated_by_tag,
        case
            when spend.total_cents > 0
                then {{ fairshare.scaled_to_decimal(
                    fairshare.int_div('spend.by_tag_cents * 10000', 'spend.total_cents'), 2
                ) }}
        end as pct_spend_allocated_by_tag
    from unioned
    cross join spend
)

select * from final

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

users as (
    select * from {{ ref('int_users_tagged_to_cost_centers') }}
    where
        valid_from < {{ fairshare.billing_month_end() }}
        and valid_to > {{ fairshare.billing_month_start() }}
),

queues as (
    select * from {{ ref('int_queues_tagged_to_cost_centers') }}
    where
        valid_from < {{ fairshare.billing_month_end() }}
        and valid_to > {{ fairshare.billing_month_start() }}
),

dids as (
    select * from {{ ref('int_dids_tagged_to_cost_centers') }}
    where
        valid_from < {{ fairshare.billing_month_end() }}
        and valid_to > {{ fairshare.billing_month_start() }}
),

oauth_requests as (
    select * from {{ ref('int_api_requests_aggregated_to_oauth_clients') }}
),

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

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

concurrent_user_slices as (
    select * from {{ ref('int_concurrent_users_sliced') }}
    where billing_month = {{ fairshare.billing_month() }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

line_weights as (
    select * from {{ ref('int_invoice_line_weights_joined') }}
    where allocation_rule = 'driver'
),

allocations as (
    select * from {{ ref('int_invoice_line_allocations_rounded') }}
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

-- the display cost (micro-units of money) of each line x cost center bucket
bucket_costs as (
    select
        line_weights.invoice_id,
        line_weights.invoice_line_id,
        line_weights.allocation_method,
        line_weights.cost_center_code,
        line_weights.driver_weight,
        line_weights.driver_weight_total,
        invoice_lines.product_sku,
        invoice_lines.amount_cents,
        {{ fairshare.mul_div(
            'invoice_lines.amount_cents * 10000', 'line_weights.driver_weight', 'line_weights.driver_weight_total'
        ) }} as bucket_micro
    from line_weights
    inner join invoice_lines
        on
            line_weights.invoice_id = invoice_lines.invoice_id
            and line_weights.invoice_line_id = invoice_lines.invoice_line_id
),

-- users
user_versions as (
    select
        user_id,
        user_name,
        cost_center_code,
        tag_rule,
        is_ambiguous,
        row_number() over (partition by user_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' or is_ambiguous then 1 else 0 end) over (partition by user_id)
            as needs_fix
    from users
),

flagged_users as (
    select
        user_id,
        user_name,
        cost_center_code,
        tag_rule,
        coalesce(is_ambiguous, false) as is_ambiguous
    from user_versions
    where version_rank = 1 and needs_fix = 1
),

named_lines as (
    select distinct
        product_sku,
        invoice_id,
        invoice_line_id,
        amount_cents,
        driver_weight_total
    from bucket_costs
    where allocation_method = 'named_users'
),

named_line_totals as (
    select
        product_sku,
        sum(amount_cents) as amount_cents,
        max(driver_weight_total) as driver_weight_total
    from named_lines
    group by 1
),

user_licence_costs as (
    select
        named_users.user_id,
        sum({{ fairshare.mul_div(
            'named_line_totals.amount_cents * 10000', 'named_users.user_share_ppb', 'named_line_totals.driver_weight_total'
        ) }}) as cost_micro
    from named_users
    inner join named_line_totals
        on upper(named_users.product_sku) = upper(named_line_totals.product_sku)
    group by 1
),

concurrency_bucket_costs as (
    select
        cost_center_code,
        sum(bucket_micro) as bucket_micro
    from bucket_costs
    where allocation_method in ('concurrent_peak', 'overage_cause')
    group by 1
),

user_slice_counts as (
    select
        user_id,
        cost_center_code,
        count(*) as user_slices
    from concurrent_user_slices
    group by 1, 2
),

cost_center_slice_counts as (
    select
        cost_center_code,
        sum(user_slices) as total_slices
    from user_slice_counts
    group by 1
),

user_concurrency_costs as (
    select
        user_slice_counts.user_id,
        sum({{ fairshare.mul_div(
            'concurrency_bucket_costs.bucket_micro', 'user_slice_counts.user_slices', 'cost_center_slice_counts.total_slices'
        ) }}) as cost_micro
    from user_slice_counts
    inner join cost_center_slice_counts
        on user_slice_counts.cost_center_code = cost_center_slice_counts.cost_center_code
    inner join concurrency_bucket_costs
        on user_slice_counts.cost_center_code = concurrency_bucket_costs.cost_center_code
    group by 1
),

-- telecom: the share of its telecom line of each slice, summed per object (weights first, then money)
responsible_weights as (
    select
        responsible_object_type,
        responsible_object_id,
        lower(number_type) as number_type,
        lower(direction) as direction,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    where responsible_object_type in ('user', 'queue')
    group by 1, 2, 3, 4
),

responsible_costs as (
    select
        responsible_weights.responsible_object_type,
        responsible_weights.responsible_object_id,
        {{ fairshare.scaled_to_decimal(
            'sum(' ~ fairshare.mul_div(
                'telecom_lines.amount_cents * 10000', 'responsible_weights.cost_weight', 'telecom_lines.driver_weight_total'
            ) ~ ')', 6
        ) }} as allocated_amount
    from responsible_weights
    inner join telecom_lines
        on
            responsible_weights.number_type = telecom_lines.number_type
            and responsible_weights.direction = telecom_lines.direction
    group by 1, 2
),

user_rows as (
    select
        'user' as object_kind,
        flagged_users.user_id as object_id,
        flagged_users.user_name as object_name,
        flagged_users.tag_rule,
        flagged_users.cost_center_code,
        flagged_users.is_ambiguous,
        coalesce({{ fairshare.scaled_to_decimal('user_licence_costs.cost_micro', 6) }}, 0)
        + coalesce({{ fairshare.scaled_to_decimal('user_concurrency_costs.cost_micro', 6) }}, 0)
        + coalesce(responsible_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from flagged_users
    left join user_licence_costs
        on flagged_users.user_id = user_licence_costs.user_id
    left join user_concurrency_costs
        on flagged_users.user_id = user_concurrency_costs.user_id
    left join responsible_costs
        on
            responsible_costs.responsible_object_type = 'user'
            and flagged_users.user_id = responsible_costs.responsible_object_id
),

-- queues
queue_versions as (
    select
        queue_id,
        queue_name,
        cost_center_code,
        tag_rule,
        is_ambiguous,
        row_number() over (partition by queue_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' or is_ambiguous then 1 else 0 end) over (partition by queue_id)
            as needs_fix
    from queues
),

queue_rows as (
    select
        'queue' as object_kind,
        queue_versions.queue_id as object_id,
        queue_versions.queue_name as object_name,
        queue_versions.tag_rule,
        queue_versions.cost_center_code,
        coalesce(queue_versions.is_ambiguous, false) as is_ambiguous,
        coalesce(responsible_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from queue_versions
    left join responsible_costs
        on
            responsible_costs.responsible_object_type = 'queue'
            and queue_versions.queue_id = responsible_costs.responsible_object_id
    where queue_versions.version_rank = 1 and queue_versions.needs_fix = 1
),

-- DIDs
did_versions as (
    select
        did_id,
        phone_number,
        cost_center_code,
        tag_rule,
        row_number() over (partition by did_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' then 1 else 0 end) over (partition by did_id) as needs_fix
    from dids
),

did_orphan_weights as (
    select
        did,
        lower(number_type) as number_type,
        lower(direction) as direction,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    where cost_center_code = 'ORPHAN'
    group by 1, 2, 3
),

did_orphan_costs as (
    {{ fairshare.orphan_telecom_cost_by('did_orphan_weights', 'did') }}
),

did_rows as (
    select
        'did' as object_kind,
        did_versions.did_id as object_id,
        did_versions.phone_number as object_name,
        did_versions.tag_rule,
        did_versions.cost_center_code,
        false as is_ambiguous,
        coalesce(did_orphan_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from did_versions
    left join did_orphan_costs
        on did_versions.phone_number = did_orphan_costs.did
    where did_versions.version_rank = 1 and did_versions.needs_fix = 1
),

-- OAuth clients
api_line_totals as (
    select distinct
        invoice_id,
        invoice_line_id,
        amount_cents,
        driver_weight_total
    from bucket_costs
    where allocation_method = 'api_requests'
),

oauth_rows as (
    select
        'oauth_client' as object_kind,
        oauth_requests.oauth_client_id as object_id,
        oauth_requests.oauth_client_name as object_name,
        oauth_requests.tag_rule,
        oauth_requests.cost_center_code,
        false as is_ambiguous,
        coalesce(sum({{ fairshare.scaled_to_decimal(
            fairshare.mul_div('api_line_totals.amount_cents * 10000', 'oauth_requests.request_count', 'api_line_totals.driver_weight_total'),
            6
        ) }}), 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from oauth_requests
    left join api_line_totals
        on 1 = 1
    where oauth_requests.tag_rule = 'untagged'
    group by 1, 2, 3, 4, 5, 6
),

-- conversations
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

conversation_rows as (
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
    select * from user_rows
    union all
    select * from queue_rows
    union all
    select * from did_rows
    union all
    select * from oauth_rows
    union all
    select * from conversation_rows
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

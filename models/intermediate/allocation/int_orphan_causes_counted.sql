{{ config(materialized='view') }}
{#-
    Stage 1 of the orphan causes (int_orphan_causes_described): what the part of each vendor invoice
    line of the billing month that no department is responsible for (its ORPHAN bucket) is made
    of, counted per cause: how many objects (calls, conversations, users, clients) and how much of
    the line's driver (minutes, interactions, hours, users, requests) they carry.
    Causes by driver:
    - telecom_usage: the ORPHAN trunk slices of the line's number types (and direction): callers who
      hung up in the IVR menu (IVR-only abandons), menu time before the caller chose a department,
      queues or agents without a cost center, call legs outside any menu, queue or agent;
    - pro_rata_interactions / ai_usage: the ORPHAN interactions (and their bot time): callers who
      hung up in the menu, conversations handled in queues or by agents without a cost center,
      conversations that ended in a shared menu without reaching a department;
    - pro_rata_handle_time: handling time in queues or by agents without a cost center;
    - named_users: prepaid licences nobody logged in with, users without a cost center;
    - api_requests: OAuth clients without a cost center;
    - concurrent_peak / overage_cause: users without a cost center at the peak (no count kept).
    A view: read once, inside int_orphan_causes_described's query.
-#}
with

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
    where allocation_method is not null
),

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

interactions as (
    select * from {{ ref('int_interactions_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

api_requests as (
    select * from {{ ref('int_api_requests_aggregated_to_oauth_clients') }}
),

ivr_abandons as (
    select distinct conversation_id
    from interactions
    where is_ivr_only_abandon
),

-- telecom: ORPHAN trunk time by cause, number type and direction
telecom_orphan_slices as (
    select
        lower(slices.number_type) as number_type,
        lower(slices.direction) as direction,
        slices.conversation_id,
        slices.attributed_ms,
        case
            when slices.attribution_rule = 'orphan_ivr' and ivr_abandons.conversation_id is not null
                then 'ivr_abandon'
            when slices.attribution_rule = 'orphan_ivr' then 'ivr_before_choice'
            when slices.attribution_rule in ('queue', 'unknown_queue') then 'untagged_queue'
            when slices.attribution_rule = 'agent' then 'untagged_agent'
            else 'unowned'
        end as cause
    from slices
    left join ivr_abandons
        on slices.conversation_id = ivr_abandons.conversation_id
    where {{ fairshare.orphan_code('slices.cost_center_code') }} = 'ORPHAN'
),

telecom_causes as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        telecom_orphan_slices.cause,
        count(distinct telecom_orphan_slices.conversation_id) as cause_count,
        cast(
            {{ fairshare.ms_to_minutes('sum(telecom_orphan_slices.attributed_ms)') }}
            as {{ fairshare.type_decimal(38, 6) }}
        ) as cause_quantity,
        'min' as cause_unit
    from invoice_lines
    inner join telecom_orphan_slices
        on {{ fairshare.telecom_product_matches(
            'invoice_lines.telecom_number_types', 'invoice_lines.telecom_direction',
            'telecom_orphan_slices.number_type', 'telecom_orphan_slices.direction'
        ) }}
    where invoice_lines.allocation_method = 'telecom_usage'
    group by invoice_lines.invoice_id, invoice_lines.invoice_line_id, telecom_orphan_slices.cause
),

-- interactions, handle time, bot time: the ORPHAN interactions by cause
orphan_interactions as (
    select
        conversation_id,
        interaction_share_ppb,
        handled_ms,
        coalesce(bot_ms, 0) as bot_ms,
        case
            when is_ivr_only_abandon then 'ivr_abandon'
            when handled_ms > 0 then 'untagged_handling'
            else 'unrouted'
        end as cause
    from interactions
    where {{ fairshare.orphan_code('cost_center_code') }} = 'ORPHAN'
),

interaction_causes as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        orphan_interactions.cause,
        count(distinct orphan_interactions.conversation_id) as cause_count,
        case invoice_lines.allocation_method
            when 'pro_rata_interactions'
                then cast(
                    {{ fairshare.ppb_to_share(
                        'sum(' ~ fairshare.int_wide('orphan_interactions.interaction_share_ppb') ~ ')'
                    ) }}
                    as {{ fairshare.type_decimal(38, 6) }}
                )
            when 'pro_rata_handle_time'
                then cast(
                    {{ fairshare.ms_to_hours('sum(orphan_interactions.handled_ms)') }}
                    as {{ fairshare.type_decimal(38, 6) }}
                )
            else cast(
                {{ fairshare.ms_to_minutes('sum(orphan_interactions.bot_ms)') }}
                as {{ fairshare.type_decimal(38, 6) }}
            )
        end as cause_quantity,
        case invoice_lines.allocation_method
            when 'pro_rata_interactions' then 'interactions'
            when 'pro_rata_handle_time' then 'h'
            else 'min'
        end as cause_unit
    from invoice_lines
    inner join orphan_interactions
        on
            (
                invoice_lines.allocation_method = 'pro_rata_interactions'
                and orphan_interactions.interaction_share_ppb > 0
            )
            or (invoice_lines.allocation_method = 'pro_rata_handle_time' and orphan_interactions.handled_ms > 0)
            or (invoice_lines.allocation_method = 'ai_usage' and orphan_interactions.bot_ms > 0)
    group by
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        orphan_interactions.cause,
        invoice_lines.allocation_method
),

-- named licences: users without a cost center, and prepaid licences nobody used
named_orphan_users as (
    select
        product_sku,
        count(distinct case when cost_center_code = 'ORPHAN' then user_id end) as untagged_users,
        sum(
            case when cost_center_code = 'ORPHAN' then {{ fairshare.int_wide('user_share_ppb') }} else 0 end
        ) as untagged_ppb,
        sum({{ fairshare.int_wide('user_share_ppb') }}) as billable_ppb
    from named_users
    group by product_sku
),

named_causes as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        'untagged_user' as cause,
        named_orphan_users.untagged_users as cause_count,
        cast(
            {{ fairshare.ppb_to_share('named_orphan_users.untagged_ppb') }} as {{ fairshare.type_decimal(38, 6) }}
        ) as cause_quantity,
        'users' as cause_unit
    from invoice_lines
    inner join named_orphan_users
        on invoice_lines.product_sku = named_orphan_users.product_sku
    where invoice_lines.allocation_method = 'named_users' and named_orphan_users.untagged_users > 0
    union all
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        'unused_licence' as cause,
        cast(
            round(
                invoice_lines.quantity
                - {{ fairshare.ppb_to_share('coalesce(named_orphan_users.billable_ppb, 0)') }},
                0
            ) as {{ dbt.type_bigint() }}
        ) as cause_count,
        cast(
            invoice_lines.quantity
            - {{ fairshare.ppb_to_share('coalesce(named_orphan_users.billable_ppb, 0)') }}
            as {{ fairshare.type_decimal(38, 6) }}
        ) as cause_quantity,
        'users' as cause_unit
    from invoice_lines
    left join named_orphan_users
        on invoice_lines.product_sku = named_orphan_users.product_sku
    where
        invoice_lines.allocation_method = 'named_users'
        and invoice_lines.quantity > {{ fairshare.ppb_to_share('coalesce(named_orphan_users.billable_ppb, 0)') }}
),

-- API: OAuth clients without a cost center
api_causes as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        'untagged_client' as cause,
        count(distinct api_requests.oauth_client_id) as cause_count,
        cast(sum(api_requests.request_count) as {{ fairshare.type_decimal(38, 6) }}) as cause_quantity,
        'requests' as cause_unit
    from invoice_lines
    inner join api_requests
        on api_requests.cost_center_code is null
    where invoice_lines.allocation_method = 'api_requests' and api_requests.request_count > 0
    group by invoice_lines.invoice_id, invoice_lines.invoice_line_id
),

-- concurrency: users without a cost center at the peak (no count kept per user)
concurrency_causes as (
    select
        invoice_id,
        invoice_line_id,
        'untagged_user_at_peak' as cause,
        cast(null as {{ dbt.type_bigint() }}) as cause_count,
        cast(null as {{ fairshare.type_decimal(38, 6) }}) as cause_quantity,
        'users' as cause_unit
    from invoice_lines
    where allocation_method in ('concurrent_peak', 'overage_cause')
),

final as (
    select * from telecom_causes
    union all
    select * from interaction_causes
    union all
    select * from named_causes
    union all
    select * from api_causes
    union all
    select * from concurrency_causes
)

select * from final

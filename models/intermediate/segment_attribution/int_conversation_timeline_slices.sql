{{ config(materialized='view') }}
-- Stage 2 of the conversation timeline (int_conversation_slices_attributed_to_cost_centers):
-- each conversation's timeline cut into elementary slices. The boundaries are every instant where
-- something changes (a responsibility piece or a trunk leg starts or ends, a month begins), so
-- nothing changes inside a slice and each slice is matched to the pieces containing it by an
-- equi-join on the conversation plus containment (no range join over the whole table).
-- A view: read once, inside the final model's query.

with

pieces as (

    select
        conversation_key,
        started_ms,
        ended_ms
    from {{ ref('int_conversation_responsibility_pieces') }}

),

legs as (

    select
        conversation_key,
        leg_started_ms,
        leg_ended_ms
    from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}

),

instants as (

    select
        conversation_key,
        started_ms as at_ms
    from pieces
    union all
    select
        conversation_key,
        ended_ms as at_ms
    from pieces
    union all
    select
        conversation_key,
        leg_started_ms as at_ms
    from legs
    union all
    select
        conversation_key,
        leg_ended_ms as at_ms
    from legs
    -- Month boundaries inside a piece (legs are already cut there).
    union all
    select
        conversation_key,
        {{ fairshare.billing_month_start_ms() }} as at_ms
    from pieces
    where
        started_ms < {{ fairshare.billing_month_start_ms() }}
        and ended_ms > {{ fairshare.billing_month_start_ms() }}
    union all
    select
        conversation_key,
        {{ fairshare.billing_month_end_ms() }} as at_ms
    from pieces
    where
        started_ms < {{ fairshare.billing_month_end_ms() }}
        and ended_ms > {{ fairshare.billing_month_end_ms() }}

),

-- Consecutive instants make the slices; a repeated instant gives an empty slice, dropped below
-- (cheaper than a distinct over all instants).
slices as (

    select
        conversation_key,
        at_ms as slice_started_ms,
        lead(at_ms) over (partition by conversation_key order by at_ms) as slice_ended_ms
    from instants

),

final as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms
    from slices
    where slice_ended_ms > slice_started_ms

)

select * from final

-- Every billable trunk millisecond of the month is attributed exactly once: per leg, the
-- attributed milliseconds of its slices add up to the leg's milliseconds, and no slice belongs to
-- an unknown leg.
with

legs as (
    select
        conversation_id,
        session_id,
        leg_ms
    from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}
),

attributed as (
    select
        conversation_id,
        session_id,
        sum(attributed_ms) as attributed_ms
    from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by 1, 2
),

compared as (
    select
        coalesce(legs.conversation_id, attributed.conversation_id) as conversation_id,
        coalesce(legs.session_id, attributed.session_id) as session_id,
        legs.leg_ms,
        attributed.attributed_ms
    from legs
    full outer join attributed
        on
            legs.conversation_id = attributed.conversation_id
            and legs.session_id = attributed.session_id
)

select * from compared
where
    leg_ms is null
    or coalesce(attributed_ms, 0) <> leg_ms

{{ config(materialized='view') }}
-- Stage 1 of the trunk legs (int_trunk_legs_costed): the billable voice legs (the
-- customer/external voice sessions: the PSTN trunk side, inbound or outbound) overlapping the
-- billing month, with their session's call id, direction, number and country. A leg runs from
-- connection to hang-up: ringing (dialing/contacting/alert segments) is not billed trunk time, so
-- an unanswered outbound call has no leg. A leg crossing a month boundary is cut there: leg_*
-- columns are the part inside the billing month, total_* the whole leg.
-- A view: read once, inside int_trunk_legs_costed's query.

with

leg_segments as (

    select
        conversation_key,
        conversation_id,
        session_id,
        min(started_ms) as total_leg_started_ms,
        max(ended_ms) as total_leg_ended_ms
    from {{ ref('int_conversation_segments_validated') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and exclusion_reason is null
        and purpose in ('customer', 'external')
        and media_type = 'voice'
        and segment_type not in ('wrapup', 'dialing', 'contacting', 'alert')
    group by conversation_key, conversation_id, session_id

),

legs_in_month as (

    select
        conversation_key,
        conversation_id,
        session_id,
        total_leg_started_ms,
        total_leg_ended_ms,
        total_leg_ended_ms - total_leg_started_ms as total_leg_ms,
        case
            when total_leg_started_ms > {{ fairshare.billing_month_start_ms() }} then total_leg_started_ms
            else {{ fairshare.billing_month_start_ms() }}
        end as leg_started_ms,
        case
            when total_leg_ended_ms < {{ fairshare.billing_month_end_ms() }} then total_leg_ended_ms
            else {{ fairshare.billing_month_end_ms() }}
        end as leg_ended_ms
    from leg_segments
    where
        total_leg_started_ms < {{ fairshare.billing_month_end_ms() }}
        and (
            total_leg_ended_ms > {{ fairshare.billing_month_start_ms() }}
            or total_leg_started_ms >= {{ fairshare.billing_month_start_ms() }}
        )

),

month_conversations as (

    select conversation_started_at
    from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

-- the sessions of the month's window of conversation starts, joined on their own id
sessions as (

    select
        session_id,
        nullif(trim(protocol_call_id), '') as protocol_call_id,
        lower(direction) as direction,
        trim(ani) as ani,
        trim(dnis) as dnis,
        trim(dnis_country_code) as dnis_country_code,
        lower(dnis_number_type) as dnis_number_type
    from (
        {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_sessions'), [
            'session_id', 'protocol_call_id', 'direction', 'ani', 'dnis', 'dnis_country_code',
            'dnis_number_type'], 'month_conversations') }}
    ) as session_rows

),

final as (

    select
        legs_in_month.*,
        sessions.protocol_call_id,
        sessions.direction as session_direction,
        case when sessions.direction = 'outbound' then sessions.ani else sessions.dnis end as session_did,
        sessions.dnis_country_code as country_code,
        sessions.dnis_number_type as session_number_type,
        -- A SIP call id is costed once, on its first leg.
        row_number() over (
            partition by sessions.protocol_call_id
            order by legs_in_month.conversation_id, legs_in_month.session_id
        ) as call_id_rank
    from legs_in_month
    left join sessions
        on legs_in_month.session_id = sessions.session_id

)

select * from final

{{ config(**fairshare.monthly_partition()) }}
-- Cost-center tag of every conversation overlapping the billing month: participant data
-- `Cost_Center` (set by an Architect flow) -> the cost center of the DID the customer dialled
-- (at the conversation start) -> untagged. A DID tagged 'ORPHAN' (a shared IVR number) does not tag.
-- Participant data carries no timestamp in Genesys, so the tag holds for the whole conversation.
-- This model is also the list of the month's conversations for the attribution: it numbers them
-- (conversation_key, a bigint the heavy models join and sort on instead of the 36-character id)
-- and carries their start/end.

with

conversations as (

    select
        conversation_id,
        conversation_started_at,
        conversation_ended_at,
        is_in_progress or conversation_ended_at is null as is_in_progress,
        {{ fairshare.epoch_ms('conversation_started_at') }} as conversation_started_ms,
        {{ fairshare.epoch_ms('conversation_ended_at') }} as conversation_ended_ms
    from {{ ref('stg_genesys__conversations') }}
    where
        -- the plain comparison lets the warehouse skip later months; the epoch one is exact
        conversation_started_at < {{ fairshare.billing_month_end() }}
        and {{ fairshare.epoch_ms('conversation_started_at') }} < {{ fairshare.billing_month_end_ms() }}
        and (
            conversation_ended_at is null
            or {{ fairshare.epoch_ms('conversation_ended_at') }} > {{ fairshare.billing_month_start_ms() }}
        )

),

numbered as (

    select
        *,
        row_number() over (order by conversation_id) as conversation_key
    from conversations

),

participant_data_lookup as (

    select
        lookup_key,
        cost_center_code,
        matched_by,
        is_ambiguous
    from {{ ref('int_tag_values_resolved_to_cost_centers') }}
    where tag_kind = 'participant_data'

),

attributes as (

    select
        conversation_id,
        nullif(trim(attribute_value), '') as attribute_value
    from {{ ref('stg_genesys__conversation_participant_attributes') }}
    where
        {{ fairshare.normalize_tag('attribute_name') }}
        = '{{ var("participant_data_cost_center_key", "Cost_Center") | lower }}'

),

-- Genesys copies participant data between participants: the values of a conversation normally
-- agree. Several cost centers (or a value resolving to none) make the tag ambiguous; the smallest
-- resolved code is used.
participant_data as (

    select
        attributes.conversation_id,
        min(attributes.attribute_value) as raw_cost_center,
        min(participant_data_lookup.cost_center_code) as cost_center_code,
        count(distinct participant_data_lookup.cost_center_code) > 1
        or count(attributes.attribute_value) > count(participant_data_lookup.cost_center_code)
            as is_ambiguous
    from attributes
    inner join numbered
        on attributes.conversation_id = numbered.conversation_id
    left join participant_data_lookup
        on {{ fairshare.normalize_tag('attributes.attribute_value') }} = participant_data_lookup.lookup_key
    where attributes.attribute_value is not null
    group by attributes.conversation_id

),

customer_participants as (

    select
        participants.conversation_id,
        participants.participant_id
    from (
        {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_participants'),
            ['conversation_id', 'participant_id', 'purpose'], 'numbered') }}
    ) as participants
    inner join numbered
        on participants.conversation_id = numbered.conversation_id
    where lower(participants.purpose) in ('customer', 'external')

),

-- The org DID the customer dialled (inbound customer/external sessions; the smallest if several).
dialled_numbers as (

    select
        sessions.conversation_id,
        min(trim(sessions.dnis)) as dialled_did
    from (
        {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_sessions'),
            ['conversation_id', 'participant_id', 'direction', 'dnis'], 'numbered') }}
    ) as sessions
    inner join customer_participants
        on sessions.participant_id = customer_participants.participant_id
    where
        lower(sessions.direction) = 'inbound'
        and sessions.dnis is not null
    group by sessions.conversation_id

),

dialled_candidates as (

    select
        numbered.conversation_id,
        dialled_numbers.dialled_did,
        did_tags.did_id as dialled_did_id,
        case when did_tags.cost_center_code != 'ORPHAN' then did_tags.cost_center_code end as cost_center_code,
        row_number() over (
            partition by numbered.conversation_id order by did_tags.did_id
        ) as did_rank
    from numbered
    inner join dialled_numbers
        on numbered.conversation_id = dialled_numbers.conversation_id
    left join {{ ref('int_dids_tagged_to_cost_centers') }} as did_tags
        on
            dialled_numbers.dialled_did = did_tags.phone_number
            and numbered.conversation_started_at >= did_tags.valid_from
            and numbered.conversation_started_at < did_tags.valid_to

),

dialled as (

    select
        conversation_id,
        dialled_did,
        dialled_did_id,
        cost_center_code
    from dialled_candidates
    where did_rank = 1

),

final as (

    select
        numbered.conversation_id,
        {{ fairshare.billing_month() }} as billing_month,
        coalesce(participant_data.cost_center_code, dialled.cost_center_code) as cost_center_code,
        case
            when participant_data.cost_center_code is not null then 'participant_data'
            when dialled.cost_center_code is not null then 'dialled_did'
            else 'untagged'
        end as tag_rule,
        dialled.dialled_did,
        dialled.dialled_did_id,
        participant_data.raw_cost_center,
        coalesce(participant_data.is_ambiguous, false) as is_ambiguous,
        numbered.conversation_key,
        numbered.conversation_started_at,
        numbered.conversation_ended_at,
        numbered.is_in_progress,
        numbered.conversation_started_ms,
        numbered.conversation_ended_ms
    from numbered
    left join participant_data
        on numbered.conversation_id = participant_data.conversation_id
    left join dialled
        on numbered.conversation_id = dialled.conversation_id

)

select * from final

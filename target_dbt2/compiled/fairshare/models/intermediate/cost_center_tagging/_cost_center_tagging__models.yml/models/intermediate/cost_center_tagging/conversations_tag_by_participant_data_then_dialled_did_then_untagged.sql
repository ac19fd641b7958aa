
-- Cost-center tag of every conversation overlapping the billing month: participant data
-- `Cost_Center` (set by an Architect flow) -> the cost center of the DID the customer dialled
-- (at the conversation start) -> untagged. A DID tagged 'ORPHAN' (a shared IVR number) does not tag.
-- Participant data carries no timestamp in Genesys, so the tag holds for the whole conversation.

with

 __dbt__cte__stg_genesys__conversations as (

-- Fixture for stg_genesys__conversations
select 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c6' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-09-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-09-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
),  __dbt__cte__stg_genesys__conversation_participants as (

-- Fixture for stg_genesys__conversation_participants
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p2' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('ivr' as character varying)
 as "purpose", 
    
    cast(1 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
),  __dbt__cte__stg_genesys__conversation_participant_attributes as (

-- Fixture for stg_genesys__conversation_participant_attributes
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('Cost_Center' as character varying)
 as "attribute_name", 
    
    cast('Sales' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p2' as character varying)
 as "participant_id", 
    
    cast('cost_center' as character varying)
 as "attribute_name", 
    
    cast('Nowhere' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('Language' as character varying)
 as "attribute_name", 
    
    cast('en' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
),  __dbt__cte__cost_centers as (

-- Fixture for cost_centers
select 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "cost_center_name", cast(null as character varying(256)) as "department_head", cast(null as character varying(256)) as "head_email", cast(null as BOOLEAN) as "is_overhead", cast(null as DECIMAL(20,6)) as "concurrent_entitlement", cast(null as DECIMAL(9,6)) as "concurrent_entitlement_share", cast(null as character varying(256)) as "gl_account", cast(null as DATE) as "active_from", cast(null as DATE) as "active_to"
union all
select 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "cost_center_name", cast(null as character varying(256)) as "department_head", cast(null as character varying(256)) as "head_email", cast(null as BOOLEAN) as "is_overhead", cast(null as DECIMAL(20,6)) as "concurrent_entitlement", cast(null as DECIMAL(9,6)) as "concurrent_entitlement_share", cast(null as character varying(256)) as "gl_account", cast(null as DATE) as "active_from", cast(null as DATE) as "active_to"
),  __dbt__cte__cost_center_aliases as (

-- Fixture for cost_center_aliases
select cast(null as character varying(256)) as "alias", cast(null as character varying(256)) as "alias_kind", cast(null as character varying(256)) as "cost_center_code"
    limit 0
),  __dbt__cte__stg_genesys__conversation_sessions as (

-- Fixture for stg_genesys__conversation_sessions
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18775550199' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18775550199' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18005550100' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('outbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast(null as character varying(256))
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18885550142' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
),  __dbt__cte__int_dids_tagged_to_cost_centers as (

-- Fixture for int_dids_tagged_to_cost_centers
select 
    
    cast('d1' as character varying)
 as "did_id", 
    
    cast('+18775550199' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", 
    
    cast('+18005550100' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
union all
select 
    
    cast('d3' as character varying)
 as "did_id", 
    
    cast('+18885550142' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
), conversations as (

    select
        conversation_id,
        conversation_started_at
    from __dbt__cte__stg_genesys__conversations
    where
        epoch_ms(conversation_started_at) < 1793491200000
        and (
            conversation_ended_at is null
            or epoch_ms(conversation_ended_at) > 1790812800000
        )

),

participants as (

    select
        conversation_id,
        participant_id,
        participant_index,
        lower(purpose) as purpose
    from __dbt__cte__stg_genesys__conversation_participants

),

attributes as (

    select
        conversation_id,
        participant_id,
        nullif(trim(attribute_value), '') as attribute_value
    from __dbt__cte__stg_genesys__conversation_participant_attributes
    where lower(trim(attribute_name)) = 'cost_center'

),

participant_data_lookup__candidates as (

    select
        lower(trim(cost_center_code)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        1 as match_rank
    from __dbt__cte__cost_centers

    union all

    select
        lower(trim(alias)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        case when lower(trim(alias_kind)) = 'any' then 3 else 2 end as match_rank
    from __dbt__cte__cost_center_aliases
    where lower(trim(alias_kind)) in ('participant_data', 'any')

),

participant_data_lookup__best as (

    select
        lookup_key,
        min(match_rank) as match_rank
    from participant_data_lookup__candidates
    group by lookup_key

),

participant_data_lookup as (

    select
        participant_data_lookup__candidates.lookup_key,
        min(participant_data_lookup__candidates.cost_center_code) as cost_center_code,
        case when min(participant_data_lookup__best.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct participant_data_lookup__candidates.cost_center_code) > 1 as is_ambiguous
    from participant_data_lookup__candidates
    inner join participant_data_lookup__best
        on
            participant_data_lookup__candidates.lookup_key = participant_data_lookup__best.lookup_key
            and participant_data_lookup__candidates.match_rank = participant_data_lookup__best.match_rank
    group by participant_data_lookup__candidates.lookup_key

),

participant_data_values as (

    select
        attributes.conversation_id,
        participants.participant_index,
        attributes.attribute_value,
        participant_data_lookup.cost_center_code
    from attributes
    inner join conversations
        on attributes.conversation_id = conversations.conversation_id
    left join participants
        on
            attributes.conversation_id = participants.conversation_id
            and attributes.participant_id = participants.participant_id
    left join participant_data_lookup
        on lower(trim(attributes.attribute_value)) = participant_data_lookup.lookup_key
    where attributes.attribute_value is not null

),

-- The value on the earliest participant wins; several different cost centers make the tag ambiguous.
participant_data_ranked as (

    select
        conversation_id,
        attribute_value,
        cost_center_code,
        row_number() over (
            partition by conversation_id
            order by case when cost_center_code is null then 1 else 0 end, participant_index, attribute_value
        ) as value_rank,
        count(distinct cost_center_code) over (partition by conversation_id) as distinct_cost_centers
    from participant_data_values

),

participant_data as (

    select
        conversation_id,
        attribute_value as raw_cost_center,
        cost_center_code,
        distinct_cost_centers > 1 or cost_center_code is null as is_ambiguous
    from participant_data_ranked
    where value_rank = 1

),

customer_sessions as (

    select
        sessions.conversation_id,
        trim(sessions.dnis) as dialled_did,
        row_number() over (
            partition by sessions.conversation_id
            order by participants.participant_index, sessions.session_index
        ) as session_rank
    from __dbt__cte__stg_genesys__conversation_sessions as sessions
    inner join participants
        on
            sessions.conversation_id = participants.conversation_id
            and sessions.participant_id = participants.participant_id
    where
        participants.purpose in ('customer', 'external')
        and lower(sessions.direction) = 'inbound'
        and sessions.dnis is not null

),

dialled_candidates as (

    select
        conversations.conversation_id,
        customer_sessions.dialled_did,
        did_tags.did_id as dialled_did_id,
        case when did_tags.cost_center_code != 'ORPHAN' then did_tags.cost_center_code end as cost_center_code,
        row_number() over (
            partition by conversations.conversation_id order by did_tags.did_id
        ) as did_rank
    from conversations
    inner join customer_sessions
        on
            conversations.conversation_id = customer_sessions.conversation_id
            and customer_sessions.session_rank = 1
    left join __dbt__cte__int_dids_tagged_to_cost_centers as did_tags
        on
            customer_sessions.dialled_did = did_tags.phone_number
            and did_tags.valid_from <= conversations.conversation_started_at
            and did_tags.valid_to > conversations.conversation_started_at

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
        conversations.conversation_id,
        cast('2026-10-01' as date) as billing_month,
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
        conversations.conversation_started_at
    from conversations
    left join participant_data
        on conversations.conversation_id = participant_data.conversation_id
    left join dialled
        on conversations.conversation_id = dialled.conversation_id

)

select * from final
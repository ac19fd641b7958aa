-- Valid-time cost-center tag of every DID (the org's phone numbers): the did_cost_centers override
-- -> the owner user's tag (at that time) -> the flow the owner IVR configuration routes to, in
-- flow_cost_centers -> untagged.
-- A DID owned by a user is cut at the user's tag changes, so a mid-month move moves the DID too.
-- An IVR_CONFIG owner is an Architect IVR configuration (its name is not a flow's name): the
-- configuration named by the owner id (else the one whose DNIS list holds the number) gives the
-- open-hours flow (else the closed-hours flow); its versions cut the DID's intervals. Without
-- IVR configurations loaded (no routing:callRoute:view), the owner name is matched to flow names.

with

dids as (

    select
        did_id,
        trim(phone_number) as phone_number,
        upper(trim(owner_type)) as owner_type,
        owner_id,
        owner_name,
        {{ fairshare.scd2_valid_from(['did_id']) }} as valid_from,
        {{ fairshare.scd2_valid_to() }} as valid_to
    from {{ ref('stg_genesys__dids') }}

),

overrides as (

    select
        phone_number,
        min(cost_center_code) as cost_center_code
    from {{ ref('stg_config__did_cost_centers') }}
    group by phone_number

),

flows as (

    select
        flow_key,
        min(cost_center_code) as cost_center_code
    from {{ ref('stg_config__flow_cost_centers') }}
    group by flow_key

),

user_tags as (

    select
        user_id,
        valid_from,
        valid_to,
        cost_center_code
    from {{ ref('int_users_tagged_to_cost_centers') }}

),

ivr_versions as (

    select
        ivr_id,
        coalesce(
            nullif(trim(open_hours_flow_name), ''), nullif(trim(closed_hours_flow_name), '')
        ) as flow_name,
        {{ fairshare.scd2_valid_from(['ivr_id']) }} as valid_from,
        {{ fairshare.scd2_valid_to() }} as valid_to
    from {{ ref('stg_genesys__ivrs') }}

),

known_ivrs as (

    select distinct ivr_id
    from ivr_versions

),

ivr_numbers as (

    select
        trim(phone_number) as phone_number,
        min(ivr_id) as ivr_id
    from {{ ref('stg_genesys__ivr_dnis') }}
    group by trim(phone_number)

),

-- The IVR configuration routing each IVR-owned DID: the owner id when it names one, else the
-- configuration whose DNIS list holds the number.
did_ivrs as (

    select
        dids.did_id,
        dids.valid_from,
        coalesce(known_ivrs.ivr_id, ivr_numbers.ivr_id) as ivr_id
    from dids
    left join known_ivrs
        on dids.owner_id = known_ivrs.ivr_id
    left join ivr_numbers
        on dids.phone_number = ivr_numbers.phone_number
    where dids.owner_type = 'IVR_CONFIG'

),

-- DID versions owned by a user are cut at the owner's tag changes, those owned by an IVR
-- configuration at its routing changes; other versions stay whole.
did_intervals as (

    select
        dids.did_id,
        dids.phone_number,
        dids.owner_type,
        dids.owner_id,
        dids.owner_name,
        did_ivrs.ivr_id,
        user_tags.cost_center_code as owner_cost_center_code,
        ivr_versions.flow_name as ivr_flow_name,
        greatest(
            dids.valid_from,
            coalesce(user_tags.valid_from, dids.valid_from),
            coalesce(ivr_versions.valid_from, dids.valid_from)
        ) as valid_from,
        least(
            dids.valid_to,
            coalesce(user_tags.valid_to, dids.valid_to),
            coalesce(ivr_versions.valid_to, dids.valid_to)
        ) as valid_to
    from dids
    left join user_tags
        on
            dids.owner_type = 'USER'
            and dids.owner_id = user_tags.user_id
            and dids.valid_to > user_tags.valid_from
            and dids.valid_from < user_tags.valid_to
    left join did_ivrs
        on
            dids.did_id = did_ivrs.did_id
            and dids.valid_from = did_ivrs.valid_from
    left join ivr_versions
        on
            did_ivrs.ivr_id = ivr_versions.ivr_id
            and dids.valid_to > ivr_versions.valid_from
            and dids.valid_from < ivr_versions.valid_to

),

resolved as (

    select
        did_intervals.did_id,
        did_intervals.phone_number,
        did_intervals.valid_from,
        did_intervals.valid_to,
        did_intervals.owner_type,
        did_intervals.owner_id,
        did_intervals.owner_name,
        overrides.cost_center_code as override_cost_center_code,
        case
            when did_intervals.owner_type = 'USER' then did_intervals.owner_cost_center_code
        end as user_cost_center_code,
        case
            when did_intervals.owner_type = 'IVR_CONFIG' then flows.cost_center_code
        end as flow_cost_center_code
    from did_intervals
    left join overrides
        on did_intervals.phone_number = overrides.phone_number
    -- the routed flow; the owner name only when no IVR configuration is known for the DID
    left join flows
        on
            {{ fairshare.normalize_tag(
                'case when did_intervals.ivr_id is null then did_intervals.owner_name'
                ~ ' else did_intervals.ivr_flow_name end'
            ) }} = flows.flow_key

),

final as (

    select
        did_id,
        phone_number,
        valid_from,
        valid_to,
        {{ fairshare.did_number_type('phone_number') }} as number_type,
        owner_type,
        owner_id,
        owner_name,
        coalesce(override_cost_center_code, user_cost_center_code, flow_cost_center_code) as cost_center_code,
        case
            when override_cost_center_code is not null then 'did_override'
            when user_cost_center_code is not null then 'owner_user'
            when flow_cost_center_code is not null then 'owner_ivr_flow'
            else 'untagged'
        end as tag_rule
    from resolved

)

select * from final

-- Valid-time cost-center tag of every DID (the org's phone numbers): the did_cost_centers override
-- -> the owner user's tag (at that time) -> the owner IVR's flow in flow_cost_centers -> untagged.
-- A DID owned by a user is cut at the user's tag changes, so a mid-month move moves the DID too.

with

dids as (

    select
        did_id,
        trim(phone_number) as phone_number,
        upper(trim(owner_type)) as owner_type,
        owner_id,
        owner_name,
        case
        when valid_from is null then cast('1900-01-01 00:00:00' as timestamp)
        when row_number() over (
            partition by did_id order by valid_from
        ) = 1
            then cast('1900-01-01 00:00:00' as timestamp)
        else valid_from
    end as valid_from,
        coalesce(valid_to, cast('9999-12-31 00:00:00' as timestamp)) as valid_to
    from "dbt1"."staging"."stg_genesys__dids"

),

overrides as (

    select
        trim(phone_number) as phone_number,
        min(upper(trim(cost_center_code))) as cost_center_code
    from "dbt1"."config"."did_cost_centers"
    group by trim(phone_number)

),

flows as (

    select
        lower(trim(flow_name)) as flow_key,
        min(upper(trim(cost_center_code))) as cost_center_code
    from "dbt1"."config"."flow_cost_centers"
    group by lower(trim(flow_name))

),

user_tags as (

    select
        user_id,
        valid_from,
        valid_to,
        cost_center_code
    from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"

),

-- DID versions owned by a user are cut at the owner's tag changes; other versions stay whole.
did_intervals as (

    select
        dids.did_id,
        dids.phone_number,
        dids.owner_type,
        dids.owner_id,
        dids.owner_name,
        user_tags.cost_center_code as owner_cost_center_code,
        case
            when user_tags.valid_from > dids.valid_from then user_tags.valid_from
            else dids.valid_from
        end as valid_from,
        case
            when user_tags.valid_to < dids.valid_to then user_tags.valid_to
            else dids.valid_to
        end as valid_to
    from dids
    left join user_tags
        on
            dids.owner_type = 'USER'
            and dids.owner_id = user_tags.user_id
            and user_tags.valid_from < dids.valid_to
            and user_tags.valid_to > dids.valid_from

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
    left join flows
        on lower(trim(did_intervals.owner_name)) = flows.flow_key

),

final as (

    select
        did_id,
        phone_number,
        valid_from,
        valid_to,
        case
        when phone_number like '+1800%' or phone_number like '+1833%'
            or phone_number like '+1844%' or phone_number like '+1855%'
            or phone_number like '+1866%' or phone_number like '+1877%'
            or phone_number like '+1888%' or phone_number like '+3380%'
            or phone_number like '+44800%' or phone_number like '+44808%'
            or phone_number like '+49800%' or phone_number like '+611800%'
            or phone_number like '+800%'
            then 'toll_free'
        when phone_number is not null then 'local'
    end as number_type,
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
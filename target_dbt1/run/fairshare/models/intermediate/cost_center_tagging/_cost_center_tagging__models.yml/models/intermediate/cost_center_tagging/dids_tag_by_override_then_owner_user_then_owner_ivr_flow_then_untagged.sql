
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "did_id","valid_from","cost_center_code","tag_rule","number_type", 'actual' as "actual_or_expected"
  from (
    -- Valid-time cost-center tag of every DID (the org's phone numbers): the did_cost_centers override
-- -> the owner user's tag (at that time) -> the owner IVR's flow in flow_cost_centers -> untagged.
-- A DID owned by a user is cut at the user's tag changes, so a mid-month move moves the DID too.

with

 __dbt__cte__stg_genesys__dids as (

-- Fixture for stg_genesys__dids
select 
    
    cast('d1' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('g1' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+12125550150' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Sales Team' as character varying)
 as "owner_name", 
    
    cast('GROUP' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('mover' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175552000' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Mo' as character varying)
 as "owner_name", 
    
    cast('USER' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d3' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('i1' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+18885550142' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('sales ivr' as character varying)
 as "owner_name", 
    
    cast('IVR_CONFIG' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d4' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('g2' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175550110' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Support Team' as character varying)
 as "owner_name", 
    
    cast('GROUP' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d5' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('i2' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+18005550100' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Main IVR' as character varying)
 as "owner_name", 
    
    cast('IVR_CONFIG' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d6' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('u9' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175552001' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Ida' as character varying)
 as "owner_name", 
    
    cast('USER' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
),  __dbt__cte__did_cost_centers as (

-- Fixture for did_cost_centers
select 
    
    cast('+12125550150' as character varying)
 as "phone_number", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
union all
select 
    
    cast('+16175552001' as character varying)
 as "phone_number", 
    
    cast('HR' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
),  __dbt__cte__flow_cost_centers as (

-- Fixture for flow_cost_centers
select 
    
    cast('Sales IVR' as character varying)
 as "flow_name", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
union all
select 
    
    cast('Main IVR' as character varying)
 as "flow_name", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
),  __dbt__cte__int_users_tagged_to_cost_centers as (

-- Fixture for int_users_tagged_to_cost_centers
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"
union all
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"
union all
select 
    
    cast('u9' as character varying)
 as "user_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('FINANCE' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"
), dids as (

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
    from __dbt__cte__stg_genesys__dids

),

overrides as (

    select
        trim(phone_number) as phone_number,
        min(upper(trim(cost_center_code))) as cost_center_code
    from __dbt__cte__did_cost_centers
    group by trim(phone_number)

),

flows as (

    select
        lower(trim(flow_name)) as flow_key,
        min(upper(trim(cost_center_code))) as cost_center_code
    from __dbt__cte__flow_cost_centers
    group by lower(trim(flow_name))

),

user_tags as (

    select
        user_id,
        valid_from,
        valid_to,
        cost_center_code
    from __dbt__cte__int_users_tagged_to_cost_centers

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
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "did_id", "valid_from", "cost_center_code", "tag_rule", "number_type", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('d1' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('did_override' as character varying)
 as "tag_rule", 
    
    cast('local' as character varying)
 as "number_type"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('owner_user' as character varying)
 as "tag_rule", 
    
    cast('local' as character varying)
 as "number_type"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('owner_user' as character varying)
 as "tag_rule", 
    
    cast('local' as character varying)
 as "number_type"
union all
select 
    
    cast('d3' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('owner_ivr_flow' as character varying)
 as "tag_rule", 
    
    cast('toll_free' as character varying)
 as "number_type"
union all
select 
    
    cast('d4' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as character varying(256))
 as "cost_center_code", 
    
    cast('untagged' as character varying)
 as "tag_rule", 
    
    cast('local' as character varying)
 as "number_type"
union all
select 
    
    cast('d5' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", 
    
    cast('owner_ivr_flow' as character varying)
 as "tag_rule", 
    
    cast('toll_free' as character varying)
 as "number_type"
union all
select 
    
    cast('d6' as character varying)
 as "did_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('HR' as character varying)
 as "cost_center_code", 
    
    cast('did_override' as character varying)
 as "tag_rule", 
    
    cast('local' as character varying)
 as "number_type"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected

    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "queue_id","valid_from","cost_center_code","tag_rule", 'actual' as "actual_or_expected"
  from (
    -- Valid-time cost-center tag of every queue version: the queue name's prefix before the first
-- underscore ('SALES_Inbound_Tier1' -> 'SALES') is a cost center code, or a queue_prefix alias of
-- one; otherwise untagged. A rename changes the tag from the instant of the rename.

with

 __dbt__cte__stg_genesys__queues as (

-- Fixture for stg_genesys__queues
select 
    
    cast('q4' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('Support Escalations' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q2' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('sup_Tier2' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q3' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('Main Overflow' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q1' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('SALES_Inbound_Tier1' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q4' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('SUPPORT_Escalations' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
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
select 
    
    cast('SUP' as character varying)
 as "alias", 
    
    cast('queue_prefix' as character varying)
 as "alias_kind", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code"
union all
select 
    
    cast('Main Overflow' as character varying)
 as "alias", 
    
    cast('department' as character varying)
 as "alias_kind", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code"
), queues as (

    select
        queue_id,
        queue_name,
        case
        when valid_from is null then cast('1900-01-01 00:00:00' as timestamp)
        when row_number() over (
            partition by queue_id order by valid_from
        ) = 1
            then cast('1900-01-01 00:00:00' as timestamp)
        else valid_from
    end as valid_from,
        coalesce(valid_to, cast('9999-12-31 00:00:00' as timestamp)) as valid_to
    from __dbt__cte__stg_genesys__queues

),

prefixed as (

    select
        queue_id,
        queue_name,
        valid_from,
        valid_to,
        nullif(trim(
    string_split(queue_name, '_')[ 1 ]
), '') as queue_prefix
    from queues

),

prefix_lookup__candidates as (

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
    where lower(trim(alias_kind)) in ('queue_prefix', 'any')

),

prefix_lookup__best as (

    select
        lookup_key,
        min(match_rank) as match_rank
    from prefix_lookup__candidates
    group by lookup_key

),

prefix_lookup as (

    select
        prefix_lookup__candidates.lookup_key,
        min(prefix_lookup__candidates.cost_center_code) as cost_center_code,
        case when min(prefix_lookup__best.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct prefix_lookup__candidates.cost_center_code) > 1 as is_ambiguous
    from prefix_lookup__candidates
    inner join prefix_lookup__best
        on
            prefix_lookup__candidates.lookup_key = prefix_lookup__best.lookup_key
            and prefix_lookup__candidates.match_rank = prefix_lookup__best.match_rank
    group by prefix_lookup__candidates.lookup_key

),

final as (

    select
        prefixed.queue_id,
        prefixed.valid_from,
        prefixed.valid_to,
        prefixed.queue_name,
        prefix_lookup.cost_center_code,
        case
            when prefix_lookup.matched_by = 'code' then 'queue_prefix'
            when prefix_lookup.matched_by = 'alias' then 'queue_prefix_alias'
            else 'untagged'
        end as tag_rule,
        prefixed.queue_prefix,
        coalesce(prefix_lookup.is_ambiguous, false) as is_ambiguous
    from prefixed
    left join prefix_lookup
        on lower(trim(prefixed.queue_prefix)) = prefix_lookup.lookup_key

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "queue_id", "valid_from", "cost_center_code", "tag_rule", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('q1' as character varying)
 as "queue_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue_prefix' as character varying)
 as "tag_rule"
union all
select 
    
    cast('q2' as character varying)
 as "queue_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('queue_prefix_alias' as character varying)
 as "tag_rule"
union all
select 
    
    cast('q3' as character varying)
 as "queue_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as character varying(256))
 as "cost_center_code", 
    
    cast('untagged' as character varying)
 as "tag_rule"
union all
select 
    
    cast('q4' as character varying)
 as "queue_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as character varying(256))
 as "cost_center_code", 
    
    cast('untagged' as character varying)
 as "tag_rule"
union all
select 
    
    cast('q4' as character varying)
 as "queue_id", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('queue_prefix' as character varying)
 as "tag_rule"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected
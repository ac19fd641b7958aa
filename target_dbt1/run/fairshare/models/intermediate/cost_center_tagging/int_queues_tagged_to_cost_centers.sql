
    

    create  table
      "dbt1"."intermediate"."int_queues_tagged_to_cost_centers__dbt_tmp"
  
    
    as (
      -- Valid-time cost-center tag of every queue version: the queue name's prefix before the first
-- underscore ('SALES_Inbound_Tier1' -> 'SALES') is a cost center code, or a queue_prefix alias of
-- one; otherwise untagged. A rename changes the tag from the instant of the rename.

with

queues as (

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
    from "dbt1"."staging"."stg_genesys__queues"

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
    from "dbt1"."config"."cost_centers"

    union all

    select
        lower(trim(alias)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        case when lower(trim(alias_kind)) = 'any' then 3 else 2 end as match_rank
    from "dbt1"."config"."cost_center_aliases"
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
    );
    
  
-- Valid-time cost-center tag of every queue version: the queue name's prefix before the first
-- underscore ('SALES_Inbound_Tier1' -> 'SALES') is a cost center code, or a queue_prefix alias of
-- one; otherwise untagged. A rename changes the tag from the instant of the rename.

with

queues as (

    select
        queue_id,
        queue_name,
        {{ fairshare.scd2_valid_from(['queue_id']) }} as valid_from,
        {{ fairshare.scd2_valid_to() }} as valid_to
    from {{ ref('stg_genesys__queues') }}

),

prefixed as (

    select
        queue_id,
        queue_name,
        valid_from,
        valid_to,
        nullif(trim({{ dbt.split_part('queue_name', "'_'", 1) }}), '') as queue_prefix
    from queues

),

prefix_lookup as (

    select
        lookup_key,
        cost_center_code,
        matched_by,
        is_ambiguous
    from {{ ref('int_tag_values_resolved_to_cost_centers') }}
    where tag_kind = 'queue_prefix'

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
        on {{ fairshare.normalize_tag('prefixed.queue_prefix') }} = prefix_lookup.lookup_key

)

select * from final

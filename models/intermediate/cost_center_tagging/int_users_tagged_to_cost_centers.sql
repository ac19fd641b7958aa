-- Valid-time cost-center tag of every user: custom attribute Cost_Center_ID -> department via
-- aliases -> untagged. Users and their custom attributes keep history separately (scd2), so the
-- user's timeline is cut at every change of either: a mid-month move changes the tag from that instant.

with

users as (

    select
        user_id,
        user_name,
        department,
        {{ fairshare.scd2_valid_from(['user_id']) }} as valid_from,
        {{ fairshare.scd2_valid_to() }} as valid_to
    from {{ ref('stg_genesys__users') }}

),

custom_attributes as (

    select
        user_id,
        cost_center_id,
        {{ fairshare.scd2_valid_from(['user_id', 'schema_id']) }} as valid_from,
        {{ fairshare.scd2_valid_to() }} as valid_to
    from {{ ref('stg_genesys__user_custom_attributes') }}

),

boundary_instants as (

    select
        user_id,
        valid_from as boundary_at
    from users
    union all
    select
        user_id,
        valid_to as boundary_at
    from users
    union all
    select
        user_id,
        valid_from as boundary_at
    from custom_attributes
    union all
    select
        user_id,
        valid_to as boundary_at
    from custom_attributes

),

-- union all + distinct: BigQuery has no bare `union` and Snowflake no `union distinct`.
boundaries as (

    select distinct
        user_id,
        boundary_at
    from boundary_instants

),

intervals as (

    select
        user_id,
        boundary_at as valid_from,
        lead(boundary_at) over (partition by user_id order by boundary_at) as valid_to
    from boundaries

),

user_intervals as (

    select
        intervals.user_id,
        intervals.valid_from,
        intervals.valid_to,
        users.user_name,
        users.department
    from intervals
    inner join users
        on
            intervals.user_id = users.user_id
            and intervals.valid_from >= users.valid_from
            and intervals.valid_to <= users.valid_to
    where intervals.valid_to is not null

),

-- A user may carry several attribute rows at once (several schemas): the smallest value wins.
attribute_values as (

    select
        user_intervals.user_id,
        user_intervals.valid_from,
        min(nullif(trim(custom_attributes.cost_center_id), '')) as raw_cost_center_id,
        count(distinct {{ fairshare.normalize_tag('custom_attributes.cost_center_id') }}) > 1
            as has_conflicting_attributes
    from user_intervals
    inner join custom_attributes
        on
            user_intervals.user_id = custom_attributes.user_id
            and user_intervals.valid_from >= custom_attributes.valid_from
            and user_intervals.valid_to <= custom_attributes.valid_to
    group by user_intervals.user_id, user_intervals.valid_from

),

attribute_lookup as (

    select
        lookup_key,
        cost_center_code,
        matched_by,
        is_ambiguous
    from {{ ref('int_tag_values_resolved_to_cost_centers') }}
    where tag_kind = 'custom_attribute'

),

department_lookup as (

    select
        lookup_key,
        cost_center_code,
        matched_by,
        is_ambiguous
    from {{ ref('int_tag_values_resolved_to_cost_centers') }}
    where tag_kind = 'department'

),

resolved as (

    select
        user_intervals.user_id,
        user_intervals.valid_from,
        user_intervals.valid_to,
        user_intervals.user_name,
        user_intervals.department,
        attribute_values.raw_cost_center_id,
        attribute_lookup.cost_center_code as attribute_cost_center_code,
        department_lookup.cost_center_code as department_cost_center_code,
        coalesce(attribute_values.has_conflicting_attributes, false)
        or coalesce(attribute_lookup.is_ambiguous, false)
        or (attribute_values.raw_cost_center_id is not null and attribute_lookup.cost_center_code is null)
        or (attribute_lookup.cost_center_code is null and coalesce(department_lookup.is_ambiguous, false))
        or coalesce(attribute_lookup.cost_center_code != department_lookup.cost_center_code, false)
            as is_ambiguous
    from user_intervals
    left join attribute_values
        on
            user_intervals.user_id = attribute_values.user_id
            and user_intervals.valid_from = attribute_values.valid_from
    left join attribute_lookup
        on {{ fairshare.normalize_tag('attribute_values.raw_cost_center_id') }} = attribute_lookup.lookup_key
    left join department_lookup
        on {{ fairshare.normalize_tag('user_intervals.department') }} = department_lookup.lookup_key

),

final as (

    select
        user_id,
        valid_from,
        valid_to,
        coalesce(attribute_cost_center_code, department_cost_center_code) as cost_center_code,
        case
            when attribute_cost_center_code is not null then 'custom_attribute'
            when department_cost_center_code is not null then 'department_alias'
            else 'untagged'
        end as tag_rule,
        department,
        raw_cost_center_id,
        user_name,
        is_ambiguous
    from resolved

)

select * from final

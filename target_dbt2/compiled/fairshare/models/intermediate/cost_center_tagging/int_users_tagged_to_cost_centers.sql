-- Valid-time cost-center tag of every user: custom attribute Cost_Center_ID -> department via
-- aliases -> untagged. Users and their custom attributes keep history separately (scd2), so the
-- user's timeline is cut at every change of either: a mid-month move changes the tag from that instant.

with

users as (

    select
        user_id,
        user_name,
        department,
        case
        when valid_from is null then cast('1900-01-01 00:00:00' as timestamp)
        when row_number() over (
            partition by user_id order by valid_from
        ) = 1
            then cast('1900-01-01 00:00:00' as timestamp)
        else valid_from
    end as valid_from,
        coalesce(valid_to, cast('9999-12-31 00:00:00' as timestamp)) as valid_to
    from "dbt2"."staging"."stg_genesys__users"

),

custom_attributes as (

    select
        user_id,
        cost_center_id,
        case
        when valid_from is null then cast('1900-01-01 00:00:00' as timestamp)
        when row_number() over (
            partition by user_id, schema_id order by valid_from
        ) = 1
            then cast('1900-01-01 00:00:00' as timestamp)
        else valid_from
    end as valid_from,
        coalesce(valid_to, cast('9999-12-31 00:00:00' as timestamp)) as valid_to
    from "dbt2"."staging"."stg_genesys__user_custom_attributes"

),

boundaries as (

    select user_id, valid_from as boundary_at from users
    union
    select user_id, valid_to as boundary_at from users
    union
    select user_id, valid_from as boundary_at from custom_attributes
    union
    select user_id, valid_to as boundary_at from custom_attributes

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
            and users.valid_from <= intervals.valid_from
            and users.valid_to >= intervals.valid_to
    where intervals.valid_to is not null

),

-- A user may carry several attribute rows at once (several schemas): the smallest value wins.
attribute_values as (

    select
        user_intervals.user_id,
        user_intervals.valid_from,
        min(nullif(trim(custom_attributes.cost_center_id), '')) as raw_cost_center_id,
        count(distinct lower(trim(custom_attributes.cost_center_id))) > 1
            as has_conflicting_attributes
    from user_intervals
    inner join custom_attributes
        on
            user_intervals.user_id = custom_attributes.user_id
            and custom_attributes.valid_from <= user_intervals.valid_from
            and custom_attributes.valid_to >= user_intervals.valid_to
    group by user_intervals.user_id, user_intervals.valid_from

),

attribute_lookup__candidates as (

    select
        lower(trim(cost_center_code)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        1 as match_rank
    from "dbt2"."config"."cost_centers"

    union all

    select
        lower(trim(alias)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        case when lower(trim(alias_kind)) = 'any' then 3 else 2 end as match_rank
    from "dbt2"."config"."cost_center_aliases"
    where lower(trim(alias_kind)) in ('custom_attribute', 'any')

),

attribute_lookup__best as (

    select
        lookup_key,
        min(match_rank) as match_rank
    from attribute_lookup__candidates
    group by lookup_key

),

attribute_lookup as (

    select
        attribute_lookup__candidates.lookup_key,
        min(attribute_lookup__candidates.cost_center_code) as cost_center_code,
        case when min(attribute_lookup__best.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct attribute_lookup__candidates.cost_center_code) > 1 as is_ambiguous
    from attribute_lookup__candidates
    inner join attribute_lookup__best
        on
            attribute_lookup__candidates.lookup_key = attribute_lookup__best.lookup_key
            and attribute_lookup__candidates.match_rank = attribute_lookup__best.match_rank
    group by attribute_lookup__candidates.lookup_key

),

department_lookup__candidates as (

    select
        lower(trim(cost_center_code)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        1 as match_rank
    from "dbt2"."config"."cost_centers"

    union all

    select
        lower(trim(alias)) as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        case when lower(trim(alias_kind)) = 'any' then 3 else 2 end as match_rank
    from "dbt2"."config"."cost_center_aliases"
    where lower(trim(alias_kind)) in ('department', 'any')

),

department_lookup__best as (

    select
        lookup_key,
        min(match_rank) as match_rank
    from department_lookup__candidates
    group by lookup_key

),

department_lookup as (

    select
        department_lookup__candidates.lookup_key,
        min(department_lookup__candidates.cost_center_code) as cost_center_code,
        case when min(department_lookup__best.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct department_lookup__candidates.cost_center_code) > 1 as is_ambiguous
    from department_lookup__candidates
    inner join department_lookup__best
        on
            department_lookup__candidates.lookup_key = department_lookup__best.lookup_key
            and department_lookup__candidates.match_rank = department_lookup__best.match_rank
    group by department_lookup__candidates.lookup_key

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
            as is_ambiguous
    from user_intervals
    left join attribute_values
        on
            user_intervals.user_id = attribute_values.user_id
            and user_intervals.valid_from = attribute_values.valid_from
    left join attribute_lookup
        on lower(trim(attribute_values.raw_cost_center_id)) = attribute_lookup.lookup_key
    left join department_lookup
        on lower(trim(user_intervals.department)) = department_lookup.lookup_key

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
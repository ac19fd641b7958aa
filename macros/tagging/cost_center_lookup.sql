{#-
    Tag-value normalisation and cost-center lookup (alias resolution).

    normalize_tag(expression): the matching key of a typed value: trimmed and lower-cased, so
    ' Sales ', 'SALES' and 'sales' match the same code or alias.

    cost_center_lookup(cte_name, alias_kind): emits three CTEs (call it inside a `with` list):
        <cte_name>__candidates, <cte_name>__best, <cte_name>
    The last one has one row per lookup_key with
    - cost_center_code: the resolved code,
    - matched_by: 'code' (the value is a cost_center_code itself) or 'alias' (a cost_center_aliases
      row of this alias_kind or of kind 'any'),
    - is_ambiguous: true when the best match points to more than one cost center (the smallest
      code is used, deterministically).
    Precedence: an exact code beats an alias of the kind, which beats an alias of kind 'any'.
-#}

{% macro normalize_tag(expression) -%}
    lower(trim({{ expression }}))
{%- endmacro %}

{% macro cost_center_lookup(cte_name, alias_kind) -%}
{{ cte_name }}__candidates as (

    select
        {{ fairshare.normalize_tag('cost_center_code') }} as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        1 as match_rank
    from {{ ref('cost_centers') }}

    union all

    select
        {{ fairshare.normalize_tag('alias') }} as lookup_key,
        upper(trim(cost_center_code)) as cost_center_code,
        case when {{ fairshare.normalize_tag('alias_kind') }} = 'any' then 3 else 2 end as match_rank
    from {{ ref('cost_center_aliases') }}
    where {{ fairshare.normalize_tag('alias_kind') }} in ('{{ alias_kind }}', 'any')

),

{{ cte_name }}__best as (

    select
        lookup_key,
        min(match_rank) as match_rank
    from {{ cte_name }}__candidates
    group by lookup_key

),

{{ cte_name }} as (

    select
        {{ cte_name }}__candidates.lookup_key,
        min({{ cte_name }}__candidates.cost_center_code) as cost_center_code,
        case when min({{ cte_name }}__best.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct {{ cte_name }}__candidates.cost_center_code) > 1 as is_ambiguous
    from {{ cte_name }}__candidates
    inner join {{ cte_name }}__best
        on
            {{ cte_name }}__candidates.lookup_key = {{ cte_name }}__best.lookup_key
            and {{ cte_name }}__candidates.match_rank = {{ cte_name }}__best.match_rank
    group by {{ cte_name }}__candidates.lookup_key

)
{%- endmacro %}

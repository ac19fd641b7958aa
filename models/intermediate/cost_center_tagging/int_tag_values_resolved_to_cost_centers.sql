{#-
    Which cost center a tag value found in Genesys stands for, per kind of tag (the spellings
    department | queue_prefix | custom_attribute | participant_data). A value resolves when it is
    a cost center code itself (matched_by 'code'), else an alias of its kind, else an alias of kind
    'any' (matched_by 'alias'); values are matched trimmed and case-insensitively (lookup_key).
    When the best match points to several cost centers the value is ambiguous and the smallest
    code is used (deterministic). The tagging models join on (tag_kind, lookup_key).
-#}
with

cost_centers as (
    select cost_center_code from {{ ref('stg_config__cost_centers') }}
),

aliases as (
    select * from {{ ref('stg_config__cost_center_aliases') }}
),

tag_kinds as (
    select 'custom_attribute' as tag_kind
    union all
    select 'department' as tag_kind
    union all
    select 'participant_data' as tag_kind
    union all
    select 'queue_prefix' as tag_kind
),

code_candidates as (
    select
        tag_kinds.tag_kind,
        {{ fairshare.normalize_tag('cost_centers.cost_center_code') }} as lookup_key,
        cost_centers.cost_center_code,
        1 as match_rank
    from tag_kinds
    cross join cost_centers
),

alias_candidates as (
    select
        tag_kinds.tag_kind,
        aliases.alias_key as lookup_key,
        aliases.cost_center_code,
        case when aliases.alias_kind = 'any' then 3 else 2 end as match_rank
    from tag_kinds
    inner join aliases
        on aliases.alias_kind in (tag_kinds.tag_kind, 'any')
),

candidates as (
    select * from code_candidates
    union all
    select * from alias_candidates
),

best_ranks as (
    select
        tag_kind,
        lookup_key,
        min(match_rank) as match_rank
    from candidates
    group by tag_kind, lookup_key
),

final as (
    select
        candidates.tag_kind,
        candidates.lookup_key,
        min(candidates.cost_center_code) as cost_center_code,
        case when min(best_ranks.match_rank) = 1 then 'code' else 'alias' end as matched_by,
        count(distinct candidates.cost_center_code) > 1 as is_ambiguous
    from candidates
    inner join best_ranks
        on
            candidates.tag_kind = best_ranks.tag_kind
            and candidates.lookup_key = best_ranks.lookup_key
            and candidates.match_rank = best_ranks.match_rank
    group by candidates.tag_kind, candidates.lookup_key
)

select * from final

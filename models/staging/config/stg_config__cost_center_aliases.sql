{#- Aliases of seeds/cost_center_aliases.csv: the matching key of the spelling, its kind, the code. -#}
with

source as (
    select * from {{ ref('cost_center_aliases') }}
),

cleaned as (
    select
        alias,
        {{ fairshare.normalize_tag('alias') }} as alias_key,
        {{ fairshare.normalize_tag('alias_kind') }} as alias_kind,
        upper(trim(cost_center_code)) as cost_center_code
    from source
)

select * from cleaned

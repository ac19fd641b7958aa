{#- Architect flows of seeds/flow_cost_centers.csv: the flow's matching key, the code cleaned. -#}
with

source as (
    select * from {{ ref('flow_cost_centers') }}
),

cleaned as (
    select
        flow_name,
        {{ fairshare.normalize_tag('flow_name') }} as flow_key,
        upper(trim(cost_center_code)) as cost_center_code,
        note
    from source
)

select * from cleaned

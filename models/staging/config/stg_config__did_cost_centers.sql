{#- DID overrides of seeds/did_cost_centers.csv: the number trimmed, the code cleaned. -#}
with

source as (
    select * from {{ ref('did_cost_centers') }}
),

cleaned as (
    select
        trim(phone_number) as phone_number,
        upper(trim(cost_center_code)) as cost_center_code,
        note
    from source
)

select * from cleaned

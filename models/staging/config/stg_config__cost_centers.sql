{#- The cost centers of seeds/cost_centers.csv, codes cleaned once (trimmed, upper case). -#}
with

source as (
    select * from {{ ref('cost_centers') }}
),

cleaned as (
    select
        upper(trim(cost_center_code)) as cost_center_code,
        trim(cost_center_name) as cost_center_name,
        department_head,
        head_email,
        coalesce(is_overhead, false) as is_overhead,
        concurrent_entitlement,
        concurrent_entitlement_share,
        gl_account,
        active_from,
        active_to
    from source
)

select * from cleaned

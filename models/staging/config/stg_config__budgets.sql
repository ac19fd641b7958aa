{#- Monthly budgets of seeds/budgets.csv: codes trimmed and upper case, an empty category as null. -#}
with

source as (
    select * from {{ ref('budgets') }}
),

cleaned as (
    select
        upper(trim(cost_center_code)) as cost_center_code,
        nullif(lower(trim(cost_category)), '') as cost_category,
        month_from,
        month_to,
        monthly_amount,
        note as budget_note
    from source
)

select * from cleaned

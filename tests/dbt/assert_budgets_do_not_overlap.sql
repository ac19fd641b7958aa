-- Two budget rows of the same cost center and scope (whole cost center, or one cost category) must
-- not apply to the same month: fct_budget_variance would not know which to compare with.
with

budgets as (
    select
        cost_center_code,
        coalesce(cost_category, 'all') as budget_scope,
        month_from,
        coalesce(month_to, cast('9999-12-01' as date)) as month_to,
        row_number() over (
            partition by cost_center_code, coalesce(cost_category, 'all')
            order by month_from, month_to, monthly_amount
        ) as row_index
    from {{ ref('stg_config__budgets') }}
),

overlapping as (
    select
        a.cost_center_code,
        a.budget_scope,
        a.month_from,
        a.month_to,
        b.month_from as other_month_from,
        b.month_to as other_month_to
    from budgets as a
    inner join budgets as b
        on
            a.cost_center_code = b.cost_center_code
            and a.budget_scope = b.budget_scope
            and a.row_index < b.row_index
            and a.month_from <= b.month_to
            and a.month_to >= b.month_from
)

select * from overlapping

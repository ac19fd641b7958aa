-- fct_unit_economics of var('billing_month'): each cost center's total is its invoice_lines of the
-- month (adjustment rows excluded), and its media-type rows and its queue rows each add up to that
-- total, to the cent; the handled interactions of the breakdowns add up to the cost center's too.
with

unit_rows as (
    select * from {{ ref('fct_unit_economics') }}
    where billing_month = {{ fairshare.billing_month() }}
),

allocated as (
    select
        cost_center_code,
        sum(amount_cents) as cost_cents
    from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }} and allocation_method <> 'adjustment'
    group by 1
),

totals as (
    select
        cost_center_code,
        cost_cents,
        interaction_ppb
    from unit_rows
    where dimension_kind = 'cost_center'
),

breakdowns as (
    select
        cost_center_code,
        dimension_kind,
        sum(cost_cents) as cost_cents,
        sum(interaction_ppb) as interaction_ppb
    from unit_rows
    where dimension_kind <> 'cost_center'
    group by 1, 2
),

total_mismatches as (
    select
        coalesce(totals.cost_center_code, allocated.cost_center_code) as cost_center_code,
        'cost_center' as dimension_kind,
        totals.cost_cents,
        allocated.cost_cents as expected_cents
    from totals
    full outer join allocated
        on totals.cost_center_code = allocated.cost_center_code
    where coalesce(totals.cost_cents, 0) <> coalesce(allocated.cost_cents, 0)
),

breakdown_mismatches as (
    select
        totals.cost_center_code,
        breakdowns.dimension_kind,
        breakdowns.cost_cents,
        totals.cost_cents as expected_cents
    from totals
    inner join breakdowns
        on totals.cost_center_code = breakdowns.cost_center_code
    where
        breakdowns.cost_cents <> totals.cost_cents
        or breakdowns.interaction_ppb <> totals.interaction_ppb
),

final as (
    select * from total_mismatches
    union all
    select * from breakdown_mismatches
)

select * from final

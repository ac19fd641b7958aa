-- The explained month-over-month change of var('billing_month') adds up, to the cent:
-- on every row of fct_cost_changes, volume + share + rate + adjustments = change; and per cost
-- center x cost category the change equals this month's invoice_lines minus last month's,
-- recomputed here from invoice_lines (adjustment rows included). Integer cents: exact.
-- The month before is what was posted when it is closed (fairshare_ops.posted_invoice_lines).
with

closes as (
    select max(close_revision) as close_revision
    from {{ ref('stg_fairshare_ops__month_closes') }}
    where billing_month = {{ fairshare.insights_month_before(1) }}
),

month_rows as (
    select
        cost_center_code,
        cost_category,
        amount_cents
    from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
),

previous_rows as (
    select
        built.cost_center_code,
        built.cost_category,
        -built.amount_cents as amount_cents
    from {{ ref('invoice_lines') }} as built
    cross join closes
    where
        built.billing_month = {{ fairshare.insights_month_before(1) }}
        and closes.close_revision is null
    union all
    select
        posted.cost_center_code,
        posted.cost_category,
        -posted.amount_cents as amount_cents
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as posted
    inner join closes
        on posted.close_revision = closes.close_revision
    where posted.billing_month = {{ fairshare.insights_month_before(1) }}
),

invoice_lines as (
    select
        cost_center_code,
        cost_category,
        sum(amount_cents) as change_cents
    from (
        select * from month_rows
        union all
        select * from previous_rows
    ) as both_months
    group by 1, 2
),

changes as (
    select * from {{ ref('fct_cost_changes') }}
    where billing_month = {{ fairshare.billing_month() }}
),

rows_not_adding_up as (
    select
        'row' as failure,
        cost_center_code,
        cost_category,
        product_sku,
        change_cents,
        volume_cents + share_cents + rate_cents + adjustments_cents as parts_cents
    from changes
    where
        has_previous_month
        and change_cents <> volume_cents + share_cents + rate_cents + adjustments_cents
),

by_category as (
    select
        cost_center_code,
        cost_category,
        sum(change_cents) as change_cents
    from changes
    group by 1, 2
),

categories_not_matching as (
    select
        'category' as failure,
        coalesce(by_category.cost_center_code, invoice_lines.cost_center_code) as cost_center_code,
        coalesce(by_category.cost_category, invoice_lines.cost_category) as cost_category,
        cast(null as {{ dbt.type_string() }}) as product_sku,
        by_category.change_cents,
        invoice_lines.change_cents as parts_cents
    from by_category
    full outer join invoice_lines
        on
            by_category.cost_center_code = invoice_lines.cost_center_code
            and by_category.cost_category = invoice_lines.cost_category
    where coalesce(by_category.change_cents, 0) <> coalesce(invoice_lines.change_cents, 0)
),

final as (
    select * from rows_not_adding_up
    union all
    select * from categories_not_matching
)

select * from final

{#-
    The adjustment lines var('billing_month') carries: for each closed month whose rebuild differs
    from what was posted (int_closed_month_differences), the part not yet carried by a later closed
    month, per vendor invoice line and cost center. They go to the first open month after the
    closed one: this month carries a closed month C when every month between C and it is closed
    too (a later open month waits until this one is closed). A closed month being rebuilt carries
    exactly what it posted as adjustments, so its own rebuild does not differ for them.

    Carried = the latest difference of C − the adjustments for C already posted in closed months:
    rebuilding C twice, or carrying its difference while this month is open and then closing it,
    never counts a cent twice.
-#}
with

closes as (
    select distinct billing_month
    from {{ ref('stg_fairshare_ops__month_closes') }}
),

this_month_closed as (
    select count(*) as closed
    from closes
    where billing_month = {{ fairshare.billing_month() }}
),

carrying_months as (
    -- closed months C before this month with only closed months between C and this month
    select closed_month.billing_month as adjusted_month
    from closes as closed_month
    where
        closed_month.billing_month < {{ fairshare.billing_month() }}
        and {{ dbt.datediff('closed_month.billing_month', fairshare.billing_month(), 'month') }}
        - 1 = (
            select count(*)
            from closes as between_month
            where
                between_month.billing_month > closed_month.billing_month
                and between_month.billing_month < {{ fairshare.billing_month() }}
        )
),

differences as (
    select differences.*
    from {{ ref('int_closed_month_differences') }} as differences
    inner join carrying_months
        on differences.billing_month = carrying_months.adjusted_month
),

posted_adjustments as (
    select
        adjusted_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        sum(amount_cents) as carried_cents
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }}
    where
        adjusted_month is not null
        and billing_month <> {{ fairshare.billing_month() }}
    group by adjusted_month, invoice_id, invoice_line_id, cost_center_code
),

pending as (
    select
        differences.billing_month as adjusted_month,
        differences.invoice_id,
        differences.invoice_line_id,
        differences.cost_center_code,
        differences.product_sku,
        differences.product_name,
        differences.cost_category,
        differences.product_allocation_method,
        differences.driver_name,
        differences.driver_unit,
        differences.closed_at,
        differences.posted_cents,
        differences.rebuilt_cents,
        differences.posted_driver_quantity,
        differences.rebuilt_driver_quantity,
        differences.late_presence_records,
        differences.late_conversations,
        differences.late_invoice_lines,
        differences.difference_cents - coalesce(posted_adjustments.carried_cents, 0) as amount_cents
    from differences
    left join posted_adjustments
        on
            differences.billing_month = posted_adjustments.adjusted_month
            and differences.invoice_id = posted_adjustments.invoice_id
            and differences.invoice_line_id = posted_adjustments.invoice_line_id
            and differences.cost_center_code = posted_adjustments.cost_center_code
    cross join this_month_closed
    where this_month_closed.closed = 0
),

reposted as (
    -- a closed month being rebuilt keeps the adjustment lines it posted
    select
        posted_lines.adjusted_month,
        posted_lines.invoice_id,
        posted_lines.invoice_line_id,
        posted_lines.cost_center_code,
        posted_lines.product_sku,
        posted_lines.product_name,
        posted_lines.cost_category,
        posted_lines.product_allocation_method,
        posted_lines.driver_name,
        posted_lines.driver_unit,
        posted_lines.closed_at,
        cast(null as {{ dbt.type_bigint() }}) as posted_cents,
        cast(null as {{ dbt.type_bigint() }}) as rebuilt_cents,
        cast(null as {{ fairshare.type_decimal(38, 6) }}) as posted_driver_quantity,
        posted_lines.driver_quantity as rebuilt_driver_quantity,
        cast(null as {{ dbt.type_bigint() }}) as late_presence_records,
        cast(null as {{ dbt.type_bigint() }}) as late_conversations,
        cast(null as {{ dbt.type_bigint() }}) as late_invoice_lines,
        posted_lines.amount_cents,
        posted_lines.explanation as posted_explanation
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as posted_lines
    cross join this_month_closed
    where
        this_month_closed.closed > 0
        and posted_lines.billing_month = {{ fairshare.billing_month() }}
        and posted_lines.adjusted_month is not null
        and posted_lines.close_revision = (
            select max(latest_posted.close_revision)
            from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as latest_posted
            where latest_posted.billing_month = {{ fairshare.billing_month() }}
        )
),

all_adjustments as (
    select
        *,
        cast(null as {{ dbt.type_string() }}) as posted_explanation
    from pending
    where amount_cents <> 0
    union all
    select * from reposted
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        adjusted_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        product_sku,
        product_name,
        cost_category,
        product_allocation_method,
        driver_name,
        driver_unit,
        closed_at,
        posted_cents,
        rebuilt_cents,
        posted_driver_quantity,
        rebuilt_driver_quantity,
        late_presence_records,
        late_conversations,
        late_invoice_lines,
        cast(amount_cents as {{ dbt.type_bigint() }}) as amount_cents,
        posted_explanation
    from all_adjustments
)

select * from final

{{ config(**fairshare.monthly_partition()) }}
{#-
    The month-over-month change of every cost center's cost, per cost category and product,
    explained: change = volume + share + rate + adjustments, to the cent. The month before is
    read from invoice_lines, or, when it is closed, as it was posted (fairshare_ops), so the change
    is against what the departments were invoiced.

    For one cost center and product, C = the cents it carries this month (invoice_lines, adjustment
    rows apart), q = its driver quantity (its own rows plus, for the overhead account, the ORPHAN
    quantity it absorbs), Q = the line's driver total and o = Q - q (everyone else, ORPHAN included);
    suffix 0 = the month before, 1 = this month. The cost model of the product (var
    insights_metered_methods says which are metered):
    - metered (the vendor bills the measured use: minutes, named users, API requests, AI tokens):
      C = q x p, p = the cost center's price per unit (C0 / q0; when it had none last month, the
      line's A0 / Q0; for a product new this month, C1 / q1). Others' use does not change it.
    - shared (a flat or contracted amount split by a driver: platform fee, support, prepaid
      concurrent users, overage, fixed and even splits): C = A x q / (q + o), A = the amount the
      line carried for the cost center (C0 x Q0 / q0; when it had no use last month, the line's
      amount A0).
    volume = M(q1, o0, price0) - M(q0, o0, price0): its own use changed, all else as last month;
    share  = M(q1, o1, price0) - M(q1, o0, price0): the others' use changed;
    rate   = the rest of the change of its own rows: the vendor's price or amount, and what the
             model does not see (rounding, cents received by rule: orphans, zero drivers, overhead);
    adjustments = adjustment rows (corrections of closed months) this month minus last month.
    The parts are exact in nano-cents (10^-9 cent) and rounded to cents by largest remainder, so
    per row volume + share + rate + adjustments = change exactly, and so per cost category.
    A product the vendor no longer bills (or bills for the first time) on a shared line is rate;
    on a metered line it is volume (nobody used it / new use). The first month built has no
    previous month: has_previous_month is false and the parts are null.
-#}
{%- set nano = '1000000000' -%}
{%- set metered = var('insights_metered_methods', ['telecom_usage', 'named_users', 'api_requests', 'ai_usage']) -%}
{%- set metered_list = "('" ~ (metered | join("', '")) ~ "')" -%}
{%- set unit_cost_1 = fairshare.ratio_to_decimal(fairshare.int_wide('rounded.c1') ~ ' * 10000000', 'rounded.q1', 6) -%}
{%- set unit_cost_0 = fairshare.ratio_to_decimal(fairshare.int_wide('rounded.c0') ~ ' * 10000000', 'rounded.q0', 6) -%}
with

built_lines as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        cost_center_name,
        cost_category,
        product_sku,
        product_name,
        allocation_method,
        product_allocation_method,
        allocation_rule,
        driver_name,
        driver_unit,
        driver_quantity,
        driver_total,
        amount_cents,
        currency
    from {{ ref('invoice_lines') }}
    where billing_month in ({{ fairshare.insights_month_before(1) }}, {{ fairshare.billing_month() }})
),

-- a closed month is compared as it was posted (what the departments were invoiced), not as a
-- later rebuild: its rebuild's differences come as this month's adjustment rows
latest_close as (
    select
        billing_month,
        max(close_revision) as close_revision
    from {{ ref('stg_fairshare_ops__month_closes') }}
    where billing_month = {{ fairshare.insights_month_before(1) }}
    group by 1
),

previous_line_totals as (
    select
        invoice_id,
        invoice_line_id,
        max(driver_total) as driver_total
    from built_lines
    where
        billing_month = {{ fairshare.insights_month_before(1) }}
        and allocation_rule in ('driver', 'orphan_absorb')
    group by 1, 2
),

posted_lines as (
    select
        posted.billing_month,
        posted.invoice_id,
        posted.invoice_line_id,
        posted.cost_center_code,
        cast(null as {{ dbt.type_string() }}) as cost_center_name,
        posted.cost_category,
        posted.product_sku,
        posted.product_name,
        posted.allocation_method,
        posted.product_allocation_method,
        case
            when posted.allocation_method = posted.product_allocation_method then 'driver'
            else posted.allocation_method
        end as allocation_rule,
        posted.driver_name,
        posted.driver_unit,
        cast(posted.driver_quantity as {{ fairshare.type_decimal(38, 9) }}) as driver_quantity,
        previous_line_totals.driver_total,
        posted.amount_cents,
        '{{ var("currency") }}' as currency
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as posted
    inner join latest_close
        on
            posted.billing_month = latest_close.billing_month
            and posted.close_revision = latest_close.close_revision
    left join previous_line_totals
        on
            posted.invoice_id = previous_line_totals.invoice_id
            and posted.invoice_line_id = previous_line_totals.invoice_line_id
),

invoice_lines as (
    select * from built_lines
    where
        billing_month = {{ fairshare.billing_month() }}
        or not exists (select 1 from latest_close)
    union all
    select * from posted_lines
),

month_flags as (
    select
        max(case when billing_month = {{ fairshare.insights_month_before(1) }} then 1 else 0 end)
            as has_previous_month
    from invoice_lines
),

allocation_rows as (
    select
        *,
        case when billing_month = {{ fairshare.billing_month() }} then 1 else 0 end as is_current
    from invoice_lines
    where allocation_method <> 'adjustment'
),

-- one row per vendor line of either month: its amount and driver total
vendor_lines as (
    select
        is_current,
        invoice_id,
        invoice_line_id,
        max(product_sku) as product_sku,
        max(cost_category) as cost_category,
        max(product_name) as product_name,
        max(product_allocation_method) as product_allocation_method,
        max(driver_name) as driver_name,
        max(driver_unit) as driver_unit,
        sum(amount_cents) as line_cents,
        max(
            case
                when allocation_rule in ('driver', 'orphan_absorb')
                    then {{ fairshare.to_nano_units('driver_total') }}
            end
        ) as driver_total_nano
    from allocation_rows
    group by 1, 2, 3
),

products as (
    select
        is_current,
        cost_category,
        product_sku,
        max(product_name) as product_name,
        max(product_allocation_method) as product_allocation_method,
        max(driver_name) as driver_name,
        max(driver_unit) as driver_unit,
        sum(line_cents) as line_cents,
        coalesce(sum(driver_total_nano), 0) as driver_total_nano
    from vendor_lines
    group by 1, 2, 3
),

cost_center_products as (
    select
        is_current,
        cost_center_code,
        cost_category,
        product_sku,
        max(cost_center_name) as cost_center_name,
        max(currency) as currency,
        sum(amount_cents) as cents,
        coalesce(sum(
            case
                when allocation_rule in ('driver', 'orphan_absorb')
                    then {{ fairshare.to_nano_units('driver_quantity') }}
                else 0
            end
        ), 0) as quantity_nano
    from allocation_rows
    group by 1, 2, 3, 4
),

adjustment_rows as (
    select
        cost_center_code,
        cost_category,
        product_sku,
        max(cost_center_name) as cost_center_name,
        max(product_name) as product_name,
        max(currency) as currency,
        sum(case when billing_month = {{ fairshare.billing_month() }} then amount_cents else 0 end)
            as adjustment_cents,
        sum(case when billing_month < {{ fairshare.billing_month() }} then amount_cents else 0 end)
            as previous_adjustment_cents
    from invoice_lines
    where allocation_method = 'adjustment'
    group by 1, 2, 3
),

keys as (
    select distinct
        cost_center_code,
        cost_category,
        product_sku
    from (
        select
            cost_center_code,
            cost_category,
            product_sku
        from cost_center_products
        union all
        select
            cost_center_code,
            cost_category,
            product_sku
        from adjustment_rows
    ) as keyed
),

joined as (
    select
        keys.cost_center_code,
        keys.cost_category,
        keys.product_sku,
        coalesce(cur.cost_center_name, prev.cost_center_name, adj.cost_center_name) as cost_center_name,
        coalesce(line1.product_name, line0.product_name, adj.product_name) as product_name,
        coalesce(line1.product_allocation_method, line0.product_allocation_method) as product_allocation_method,
        coalesce(line1.driver_name, line0.driver_name) as driver_name,
        coalesce(line1.driver_unit, line0.driver_unit) as driver_unit,
        coalesce(cur.currency, prev.currency, adj.currency, '{{ var("currency") }}') as currency,
        line0.product_sku is not null as is_billed_before,
        line1.product_sku is not null as is_billed_now,
        coalesce(prev.cents, 0) as c0,
        coalesce(cur.cents, 0) as c1,
        coalesce(prev.quantity_nano, 0) as q0,
        coalesce(cur.quantity_nano, 0) as q1,
        coalesce(line0.driver_total_nano, 0) as t0,
        coalesce(line1.driver_total_nano, 0) as t1,
        coalesce(line0.line_cents, 0) as a0,
        coalesce(line1.line_cents, 0) as a1,
        coalesce(adj.adjustment_cents, 0) as adj1,
        coalesce(adj.previous_adjustment_cents, 0) as adj0
    from keys
    left join cost_center_products as cur
        on
            cur.is_current = 1
            and keys.cost_center_code = cur.cost_center_code
            and keys.cost_category = cur.cost_category
            and keys.product_sku = cur.product_sku
    left join cost_center_products as prev
        on
            prev.is_current = 0
            and keys.cost_center_code = prev.cost_center_code
            and keys.cost_category = prev.cost_category
            and keys.product_sku = prev.product_sku
    left join products as line1
        on
            line1.is_current = 1
            and keys.cost_category = line1.cost_category
            and keys.product_sku = line1.product_sku
    left join products as line0
        on
            line0.is_current = 0
            and keys.cost_category = line0.cost_category
            and keys.product_sku = line0.product_sku
    left join adjustment_rows as adj
        on
            keys.cost_center_code = adj.cost_center_code
            and keys.cost_category = adj.cost_category
            and keys.product_sku = adj.product_sku
),

modelled as (
    select
        *,
        coalesce(product_allocation_method in {{ metered_list }}, false) as is_metered,
        -- others' use (everyone but the cost center, ORPHAN included), never negative
        case when t0 > q0 then t0 - q0 else 0 end as o0,
        case when t1 > q1 then t1 - q1 else 0 end as o1
    from joined
),

-- the price of last month that the counterfactual costs use (see the header)
priced as (
    select
        *,
        -- metered: price per unit as a fraction price_num / price_den (cents per nano-unit)
        case
            when q0 > 0 then c0
            when t0 > 0 and is_billed_before then a0
            when q1 > 0 then c1
            else 0
        end as price_num,
        case
            when q0 > 0 then q0
            when t0 > 0 and is_billed_before then t0
            when q1 > 0 then q1
            else 1
        end as price_den,
        -- shared: the amount A the cost center's part is taken from, in nano-cents
        case
            when q0 > 0 and t0 > 0 then {{ fairshare.mul_div(fairshare.int_wide('c0') ~ ' * ' ~ nano, 't0', 'q0') }}
            when is_billed_before then {{ fairshare.int_wide('a0') }} * {{ nano }}
            else 0
        end as amount0_nano
    from modelled
),

parts as (
    select
        *,
        {{ fairshare.int_wide('c1 - c0') }} * {{ nano }} as change_nano,
        case
            when is_metered
                then {{ fairshare.mul_div('q1 - q0', fairshare.int_wide('price_num') ~ ' * ' ~ nano, 'price_den') }}
            when not is_billed_now or not is_billed_before then 0
            else
                case when q1 + o0 > 0 then {{ fairshare.mul_div('amount0_nano', 'q1', 'q1 + o0') }} else 0 end
                - case when q0 > 0 then {{ fairshare.int_wide('c0') }} * {{ nano }} else 0 end
        end as volume_nano,
        case
            when is_metered or not is_billed_now or not is_billed_before then 0
            else
                case when q1 + o1 > 0 then {{ fairshare.mul_div('amount0_nano', 'q1', 'q1 + o1') }} else 0 end
                - case when q1 + o0 > 0 then {{ fairshare.mul_div('amount0_nano', 'q1', 'q1 + o0') }} else 0 end
        end as share_nano
    from priced
),

-- rate is the rest, so the three parts add up to the change of the cost center's own rows exactly
nano_parts as (
    select
        *,
        change_nano - volume_nano - share_nano as rate_nano
    from parts
),

-- round the three parts to cents by largest remainder: floor each, the 0..2 leftover cents to the
-- largest remainders (ties: volume, share, rate)
floored as (
    select
        *,
        {{ fairshare.int_div('volume_nano', nano) }} as volume_floor,
        {{ fairshare.int_div('share_nano', nano) }} as share_floor,
        {{ fairshare.int_div('rate_nano', nano) }} as rate_floor,
        {{ fairshare.int_mod('volume_nano', nano) }} as volume_rem,
        {{ fairshare.int_mod('share_nano', nano) }} as share_rem,
        {{ fairshare.int_mod('rate_nano', nano) }} as rate_rem
    from nano_parts
),

ranked as (
    select
        *,
        (c1 - c0) - (volume_floor + share_floor + rate_floor) as leftover_cents,
        1
        + case when share_rem > volume_rem then 1 else 0 end
        + case when rate_rem > volume_rem then 1 else 0 end as volume_rank,
        1
        + case when volume_rem >= share_rem then 1 else 0 end
        + case when rate_rem > share_rem then 1 else 0 end as share_rank,
        1
        + case when volume_rem >= rate_rem then 1 else 0 end
        + case when share_rem >= rate_rem then 1 else 0 end as rate_rank
    from floored
),

rounded as (
    select
        *,
        volume_floor + case when volume_rank <= leftover_cents then 1 else 0 end as volume_cents,
        share_floor + case when share_rank <= leftover_cents then 1 else 0 end as share_cents,
        rate_floor + case when rate_rank <= leftover_cents then 1 else 0 end as rate_cents
    from ranked
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        {{ fairshare.insights_month_before(1) }} as previous_month,
        rounded.cost_center_code,
        rounded.cost_center_name,
        rounded.cost_category,
        rounded.product_sku,
        rounded.product_name,
        rounded.product_allocation_method,
        case when rounded.is_metered then 'metered' else 'shared' end as cost_model,
        rounded.driver_name,
        rounded.driver_unit,
        month_flags.has_previous_month = 1 as has_previous_month,
        rounded.is_billed_before,
        rounded.is_billed_now,
        {{ fairshare.cents_to_amount('rounded.c1 + rounded.adj1') }} as amount,
        {{ fairshare.cents_to_amount('rounded.c0 + rounded.adj0') }} as previous_amount,
        {{ fairshare.cents_to_amount('(rounded.c1 + rounded.adj1) - (rounded.c0 + rounded.adj0)') }} as change_amount,
        case when month_flags.has_previous_month = 1 then {{ fairshare.cents_to_amount('rounded.volume_cents') }} end
            as volume_amount,
        case when month_flags.has_previous_month = 1 then {{ fairshare.cents_to_amount('rounded.share_cents') }} end
            as share_amount,
        case when month_flags.has_previous_month = 1 then {{ fairshare.cents_to_amount('rounded.rate_cents') }} end
            as rate_amount,
        case
            when month_flags.has_previous_month = 1 then {{ fairshare.cents_to_amount('rounded.adj1 - rounded.adj0') }}
        end as adjustments_amount,
        cast((rounded.c1 + rounded.adj1) - (rounded.c0 + rounded.adj0) as {{ dbt.type_bigint() }}) as change_cents,
        cast(rounded.volume_cents as {{ dbt.type_bigint() }}) as volume_cents,
        cast(rounded.share_cents as {{ dbt.type_bigint() }}) as share_cents,
        cast(rounded.rate_cents as {{ dbt.type_bigint() }}) as rate_cents,
        cast(rounded.adj1 - rounded.adj0 as {{ dbt.type_bigint() }}) as adjustments_cents,
        {{ fairshare.scaled_to_decimal('rounded.q1', 9) }} as driver_quantity,
        {{ fairshare.scaled_to_decimal('rounded.q0', 9) }} as previous_driver_quantity,
        {{ fairshare.scaled_to_decimal('rounded.t1', 9) }} as driver_total,
        {{ fairshare.scaled_to_decimal('rounded.t0', 9) }} as previous_driver_total,
        {{ fairshare.cents_to_amount('rounded.a1') }} as line_amount,
        {{ fairshare.cents_to_amount('rounded.a0') }} as previous_line_amount,
        case
            when rounded.q1 > 0
                then cast({{ unit_cost_1 }} as {{ fairshare.type_decimal(38, 6) }})
        end as unit_cost,
        case
            when rounded.q0 > 0
                then cast({{ unit_cost_0 }} as {{ fairshare.type_decimal(38, 6) }})
        end as previous_unit_cost,
        rounded.currency
    from rounded
    cross join month_flags
)

select * from final

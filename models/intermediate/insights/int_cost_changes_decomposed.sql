{{ config(materialized='view') }}
{#-
    Stage 3 of fct_cost_changes: the change of each cost center's product
    (int_cost_change_products_paired) decomposed into volume + share + rate, in cents.

    For one cost center and product, C = the cents it carries this month (adjustment rows apart),
    q = its driver quantity, Q = the line's driver total and o = Q - q (everyone else, ORPHAN
    included); suffix 0 = the month before, 1 = this month. The cost model of the product (var
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
             model does not see (rounding, cents received by rule: orphans, zero drivers, overhead).
    The parts are exact in nano-cents (10^-9 cent) and rounded to cents by largest remainder, so
    per row volume + share + rate = C1 - C0 exactly (the adjustments are the fourth part, in the
    mart). A product the vendor no longer bills (or bills for the first time) on a shared line is
    rate; on a metered line it is volume (nobody used it / new use).
-#}
{%- set nano = '1000000000' -%}
{%- set metered = var('insights_metered_methods', ['telecom_usage', 'named_users', 'api_requests', 'ai_usage']) -%}
{%- set metered_list = "('" ~ (metered | join("', '")) ~ "')" -%}
with

paired as (
    select
        *,
        previous_cents as c0,
        cents as c1,
        previous_quantity_nano as q0,
        quantity_nano as q1,
        previous_driver_total_nano as t0,
        driver_total_nano as t1,
        previous_line_cents as a0,
        line_cents as a1
    from {{ ref('int_cost_change_products_paired') }}
),

modelled as (
    select
        *,
        coalesce(product_allocation_method in {{ metered_list }}, false) as is_metered,
        -- others' use (everyone but the cost center, ORPHAN included), never negative
        case when t0 > q0 then t0 - q0 else 0 end as o0,
        case when t1 > q1 then t1 - q1 else 0 end as o1
    from paired
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

final as (
    select
        cost_center_code,
        cost_category,
        product_sku,
        cost_center_name,
        product_name,
        product_allocation_method,
        driver_name,
        driver_unit,
        currency,
        has_previous_month,
        is_billed_before,
        is_billed_now,
        is_metered,
        previous_cents,
        cents,
        previous_quantity_nano,
        quantity_nano,
        previous_driver_total_nano,
        driver_total_nano,
        previous_line_cents,
        line_cents,
        previous_adjustment_cents,
        adjustment_cents,
        volume_floor + case when volume_rank <= leftover_cents then 1 else 0 end as volume_cents,
        share_floor + case when share_rank <= leftover_cents then 1 else 0 end as share_cents,
        rate_floor + case when rate_rank <= leftover_cents then 1 else 0 end as rate_cents
    from ranked
)

select * from final

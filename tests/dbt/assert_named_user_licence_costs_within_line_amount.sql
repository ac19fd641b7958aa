-- The licence costs of fct_named_users never exceed the named-user lines they come from (the
-- rest of a line is prepaid-but-unused licences, which follow orphan_policy). Display amounts are
-- floored to the micro-unit; a cent of slack covers engines that sum decimals as doubles.
with

users as (
    select
        product_sku,
        count(*) as user_rows,
        sum(cast(licence_cost as {{ fairshare.type_decimal(38, 6) }})) as licence_cost
    from {{ ref('fct_named_users') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by 1
),

lines as (
    select
        product_sku,
        sum(cast(amount as {{ fairshare.type_decimal(38, 6) }})) as line_amount
    from {{ ref('int_invoice_lines_classified') }}
    where allocation_method = 'named_users'
    group by 1
)

select
    lines.product_sku,
    lines.line_amount,
    users.licence_cost
from lines
inner join users
    on upper(lines.product_sku) = upper(users.product_sku)
where
    users.licence_cost > abs(lines.line_amount) + 0.01
    or (lines.line_amount > 0 and users.licence_cost < 0)

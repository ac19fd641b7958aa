{{ config(severity='warn') }}
-- Billable named users counted from presence and licences (logged in during the month, highest
-- licence held) vs the quantity of each named-user invoice line. A gap means the presence or
-- licence data misses users the vendor billed (or the reverse): the split still uses the invoice
-- amount, unused prepaid licences follow orphan_policy.
with

counted as (
    select
        product_sku,
        count(distinct user_id) as counted_users
    from {{ ref('int_named_users_split_to_cost_centers') }}
    group by 1
),

invoiced as (
    select
        product_sku,
        sum(cast(quantity as {{ fairshare.type_decimal(38, 6) }})) as invoiced_users
    from {{ ref('int_invoice_lines_classified') }}
    where allocation_method = 'named_users'
    group by 1
)

select
    invoiced.product_sku,
    invoiced.invoiced_users,
    coalesce(counted.counted_users, 0) as counted_users
from invoiced
left join counted
    on upper(invoiced.product_sku) = upper(counted.product_sku)
where invoiced.invoiced_users <> coalesce(counted.counted_users, 0)

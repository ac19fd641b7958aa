{{ config(severity='warn') }}
-- Lists every invoice line of the month no row of seeds/vendor_products.csv prices (by SKU, else by
-- product name pattern). It reads only the staging lines and the seed, so it reports them even when
-- the build stops. Severity warn on purpose: the error belongs to int_invoice_lines_classified, which
-- stops `dbt build` with the message naming the products; an error here would skip that model (dbt
-- skips the children of a failed test) and hide the message.
with

vendor_lines as (
    select * from {{ ref('stg_genesys__invoice_lines') }}
    where
        date_start >= {{ fairshare.billing_month() }}
        and date_start < {{ fairshare.billing_month_next() }}
),

vendor_products as (
    select * from {{ ref('vendor_products') }}
),

matched as (
    select distinct
        vendor_lines.invoice_id,
        vendor_lines.line_id
    from vendor_lines
    inner join vendor_products
        on
            upper(trim(vendor_lines.product_sku)) = upper(trim(vendor_products.product_sku))
            or lower(trim(vendor_lines.product_name)) like lower(trim(vendor_products.product_name_pattern))
)

select
    vendor_lines.invoice_id,
    vendor_lines.line_id,
    vendor_lines.product_sku,
    vendor_lines.product_name,
    vendor_lines.amount
from vendor_lines
left join matched
    on
        vendor_lines.invoice_id = matched.invoice_id
        and vendor_lines.line_id = matched.line_id
where matched.line_id is null

{{ config(severity='warn') }}
-- The org's billed concurrent peak measured from presence (fct_concurrency_peaks) vs the actual
-- quantity the vendor reports for the concurrent product in the billing period charges. A gap
-- means the slice rule (logged in at any moment of a var('concurrency_slice_minutes') slice) or
-- the presence data differs from the vendor's count; the split still uses the invoice amounts.
with

measured as (
    select max(org_billed_peak) as measured_peak
    from {{ ref('fct_concurrency_peaks') }}
    where billing_month = {{ fairshare.billing_month() }}
),

concurrent_products as (
    select product_sku
    from {{ ref('vendor_products') }}
    where allocation_method = 'concurrent_peak'
),

vendor as (
    select max(charges.actual_quantity) as vendor_peak
    from {{ ref('stg_genesys__billing_period_charges') }} as charges
    inner join concurrent_products
        on upper(charges.product_sku) = upper(concurrent_products.product_sku)
    where
        charges.period_started_at < {{ fairshare.billing_month_end() }}
        and charges.period_ended_at > {{ fairshare.billing_month_start() }}
)

select
    vendor.vendor_peak,
    measured.measured_peak
from vendor
cross join measured
where vendor.vendor_peak is not null and vendor.vendor_peak <> measured.measured_peak

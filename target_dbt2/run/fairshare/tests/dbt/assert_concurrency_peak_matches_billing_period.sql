
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
-- The org's billed concurrent peak measured from presence (fct_concurrency_peaks) vs the actual
-- quantity the vendor reports for the concurrent product in the billing period charges. A gap
-- means the slice rule (logged in at any moment of a var('concurrency_slice_minutes') slice) or
-- the presence data differs from the vendor's count; the split still uses the invoice amounts.
with

measured as (
    select max(org_billed_peak) as measured_peak
    from "dbt2"."marts"."fct_concurrency_peaks"
),

concurrent_products as (
    select product_sku
    from "dbt2"."config"."vendor_products"
    where allocation_method = 'concurrent_peak'
),

vendor as (
    select max(charges.actual_quantity) as vendor_peak
    from "dbt2"."staging"."stg_genesys__billing_period_charges" as charges
    inner join concurrent_products
        on upper(charges.product_sku) = upper(concurrent_products.product_sku)
    where
        charges.period_started_at < cast('2026-11-01 00:00:00' as timestamp)
        and charges.period_ended_at > cast('2026-10-01 00:00:00' as timestamp)
)

select
    vendor.vendor_peak,
    measured.measured_peak
from vendor
cross join measured
where vendor.vendor_peak is not null and vendor.vendor_peak <> measured.measured_peak
  
  
      
    ) dbt_internal_test
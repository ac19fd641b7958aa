with

source as (

    select * from {{ source('fairshare_ops', 'posted_invoice_lines') }}

),

renamed as (

    select
        cast(invoice_id as {{ dbt.type_string() }}) as invoice_id,
        cast(invoice_line_id as {{ dbt.type_string() }}) as invoice_line_id,
        cast(cost_center_code as {{ dbt.type_string() }}) as cost_center_code,
        cast(cost_category as {{ dbt.type_string() }}) as cost_category,
        cast(product_sku as {{ dbt.type_string() }}) as product_sku,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(allocation_method as {{ dbt.type_string() }}) as allocation_method,
        cast(product_allocation_method as {{ dbt.type_string() }}) as product_allocation_method,
        cast(driver_name as {{ dbt.type_string() }}) as driver_name,
        cast(driver_unit as {{ dbt.type_string() }}) as driver_unit,
        cast(explanation as {{ dbt.type_string() }}) as explanation,
        cast(close_revision as {{ dbt.type_bigint() }}) as close_revision,
        cast(amount_cents as {{ dbt.type_bigint() }}) as amount_cents,
        cast(driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        cast(billing_month as date) as billing_month,
        cast(adjusted_month as date) as adjusted_month,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at

    from source

)

select * from renamed

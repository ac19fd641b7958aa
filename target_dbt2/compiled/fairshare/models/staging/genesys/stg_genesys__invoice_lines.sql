with

source as (

    select * from "dbt2"."genesys_raw"."invoice_lines"

),

renamed as (

    select
        cast(invoice_id as TEXT) as invoice_id,
        cast(line_id as TEXT) as line_id,
        cast(product_sku as TEXT) as product_sku,
        cast(product_name as TEXT) as product_name,
        cast(product_unit_of_measure as TEXT) as product_unit_of_measure,
        cast(description as TEXT) as description,
        cast(unit_of_measure as TEXT) as unit_of_measure,
        cast(currency as TEXT) as currency,
        cast(source as TEXT) as source,
        cast(quantity as decimal(20, 6)) as quantity,
        cast(amount as decimal(18, 6)) as amount,
        cast(date_start as date) as date_start,
        cast(date_end as date) as date_end,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
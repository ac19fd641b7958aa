with

source as (

    select * from "dbt2"."genesys_raw"."invoices"

),

renamed as (

    select
        cast(invoice_id as TEXT) as invoice_id,
        cast(currency_iso_code as TEXT) as currency,
        cast(payment_status as TEXT) as payment_status,
        cast(source as TEXT) as source,
        cast(amount as decimal(18, 6)) as amount,
        cast(date_invoiced as date) as date_invoiced,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
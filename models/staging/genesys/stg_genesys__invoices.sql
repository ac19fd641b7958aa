with

source as (

    select * from {{ source('genesys', 'invoices') }}

),

renamed as (

    select
        cast(invoice_id as {{ dbt.type_string() }}) as invoice_id,
        cast(currency_iso_code as {{ dbt.type_string() }}) as currency,
        cast(payment_status as {{ dbt.type_string() }}) as payment_status,
        cast(source as {{ dbt.type_string() }}) as source,  -- noqa: RF04
        cast(amount as {{ fairshare.type_money() }}) as amount,
        cast(date_invoiced as date) as date_invoiced,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed

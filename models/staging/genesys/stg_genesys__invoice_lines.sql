with

source as (

    select * from {{ source('genesys', 'invoice_lines') }}

),

renamed as (

    select
        cast(invoice_id as {{ dbt.type_string() }}) as invoice_id,
        cast(line_id as {{ dbt.type_string() }}) as line_id,
        cast(product_sku as {{ dbt.type_string() }}) as product_sku,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(product_unit_of_measure as {{ dbt.type_string() }}) as product_unit_of_measure,
        cast(description as {{ dbt.type_string() }}) as description,
        cast(unit_of_measure as {{ dbt.type_string() }}) as unit_of_measure,
        cast(currency as {{ dbt.type_string() }}) as currency,
        cast(source as {{ dbt.type_string() }}) as source,  -- noqa: RF04
        cast(quantity as {{ fairshare.type_quantity() }}) as quantity,
        cast(amount as {{ fairshare.type_money() }}) as amount,
        cast(date_start as date) as date_start,
        cast(date_end as date) as date_end,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed

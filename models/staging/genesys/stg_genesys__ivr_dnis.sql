with

source as (

    select * from {{ source('genesys', 'ivr_dnis') }}

),

renamed as (

    select
        cast(ivr_id as {{ dbt.type_string() }}) as ivr_id,
        cast(phone_number as {{ dbt.type_string() }}) as phone_number,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed

with

source as (

    select * from {{ source('genesys', 'api_usage') }}

),

renamed as (

    select
        cast(oauth_client_id as {{ dbt.type_string() }}) as oauth_client_id,
        cast(oauth_client_name as {{ dbt.type_string() }}) as oauth_client_name,
        cast(request_count as {{ dbt.type_bigint() }}) as request_count,
        cast(status_200 as {{ dbt.type_bigint() }}) as status_200,
        cast(status_429 as {{ dbt.type_bigint() }}) as status_429,
        cast(usage_date as date) as usage_date,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed

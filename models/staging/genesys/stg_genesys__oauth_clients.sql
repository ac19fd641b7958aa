with

source as (

    select * from {{ source('genesys', 'oauth_clients') }}

),

renamed as (

    select
        cast(oauth_client_id as {{ dbt.type_string() }}) as oauth_client_id,
        cast(name as {{ dbt.type_string() }}) as oauth_client_name,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed


  
  create view "dbt1"."staging"."stg_genesys__did_pools__dbt_tmp" as (
    with

source as (

    select * from "dbt1"."genesys_raw"."did_pools"

),

renamed as (

    select
        cast(did_pool_id as TEXT) as did_pool_id,
        cast(name as TEXT) as did_pool_name,
        cast(start_phone_number as TEXT) as start_phone_number,
        cast(end_phone_number as TEXT) as end_phone_number,
        cast(provider as TEXT) as provider,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );

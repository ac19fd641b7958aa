
  
  create view "dbt1"."staging"."stg_genesys__user_presence__dbt_tmp" as (
    with

source as (

    select * from "dbt1"."genesys_raw"."user_presence"

),

renamed as (

    select
        cast(user_id as TEXT) as user_id,
        cast(organization_presence_id as TEXT) as organization_presence_id,
        cast(system_presence as TEXT) as system_presence,
        cast(timezone('UTC', start_time) as timestamp) as started_at,
        cast(timezone('UTC', end_time) as timestamp) as ended_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );

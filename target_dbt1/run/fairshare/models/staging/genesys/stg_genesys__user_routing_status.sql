
  
  create view "dbt1"."staging"."stg_genesys__user_routing_status__dbt_tmp" as (
    with

source as (

    select * from "dbt1"."genesys_raw"."user_routing_status"

),

renamed as (

    select
        cast(user_id as TEXT) as user_id,
        cast(routing_status as TEXT) as routing_status,
        cast(timezone('UTC', start_time) as timestamp) as started_at,
        cast(timezone('UTC', end_time) as timestamp) as ended_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );

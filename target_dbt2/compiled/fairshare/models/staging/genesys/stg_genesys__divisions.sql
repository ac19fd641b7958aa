with

source as (

    select * from "dbt2"."genesys_raw"."divisions"

),

renamed as (

    select
        cast(division_id as TEXT) as division_id,
        cast(name as TEXT) as division_name,
        cast(description as TEXT) as description,
        cast(is_home_division as boolean) as is_home_division,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed